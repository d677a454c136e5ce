#!/usr/bin/env bash
# Install Diva Desk for this user only, no administrator needed (packaging/README.md).
# Run it from the unpacked bundle:  ./diva-desk/install.sh
#   the program   -> ~/.local/share/ca.divadesk.DivaDesk/ (the whole bundle folder)
#   the command   -> ~/.local/bin/diva-desk         (a link)
#   menu entry    -> ~/.local/share/applications/ca.divadesk.DivaDesk.desktop
#   icons         -> ~/.local/share/icons/hicolor/*/apps/ca.divadesk.DivaDesk.{png,svg}
#   metainfo      -> ~/.local/share/metainfo/ca.divadesk.DivaDesk.metainfo.xml
# Installing again replaces the program; the book (your data) is never touched.
set -euo pipefail
APP_ID=ca.divadesk.DivaDesk
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
bin="$HOME/.local/bin"
# Not ~/.local/share/diva-desk: that is the data folder, where the book lives.
target="$data/$APP_ID"

if [ ! -x "$here/diva-desk" ] || [ ! -f "$here/share/$APP_ID.desktop" ]; then
  echo "install.sh: run it from the unpacked Diva Desk folder (diva-desk/install.sh)." >&2
  exit 2
fi

mkdir -p "$data"
if [ "$here" != "$target" ]; then
  rm -rf "$target.new"
  cp -a "$here" "$target.new"
  rm -rf "$target"
  mv "$target.new" "$target"
fi

mkdir -p "$bin" "$data/applications" "$data/metainfo"
ln -sfn "$target/diva-desk" "$bin/diva-desk"

# The menu entry starts the installed program by its full path: ~/.local/bin may not be
# on the desktop session's PATH.
sed -e "s|^Exec=.*|Exec=\"$target/diva-desk\"|" -e "s|^TryExec=.*|TryExec=$target/diva-desk|" \
  "$target/share/$APP_ID.desktop" >"$data/applications/$APP_ID.desktop"
cp "$target/share/$APP_ID.metainfo.xml" "$data/metainfo/"
for icon in "$target"/share/icons/*/"$APP_ID".*; do
  size="$(basename "$(dirname "$icon")")"
  mkdir -p "$data/icons/hicolor/$size/apps"
  cp "$icon" "$data/icons/hicolor/$size/apps/"
done

command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Diva Desk is installed: look for it in your applications menu, or run $bin/diva-desk."
