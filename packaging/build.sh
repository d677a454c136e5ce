#!/usr/bin/env bash
# Build the desktop bundle from the locked versions (packaging/README.md).
# Run from the repository root:  bash packaging/build.sh
# Makes dist/diva-desk/ (the program is dist/diva-desk/diva-desk) and
# dist/diva-desk-VERSION-linux-x86_64.tar.gz. On macOS, dist/Diva Desk.app as well.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV=build/venv

# Its own venv, filled only from constraints.txt: never the network's latest versions.
if [ ! -x "$VENV/bin/pyinstaller" ]; then
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install -q -c constraints.txt '.[bundle]'
else
  "$VENV/bin/pip" install -q -c constraints.txt --no-deps --force-reinstall .
fi

# The compiled catalogs (.mo) ship as committed; tests/i18n checks each matches its .po.
VERSION="$("$VENV/bin/python" -c 'import diva_desk; print(diva_desk.__version__)')"

if [ "$(uname -s)" = Darwin ]; then
  # macOS wants an .icns: made from the committed PNGs with the system's iconutil.
  set_dir=build/diva-desk.iconset
  rm -rf "$set_dir" && mkdir -p "$set_dir"
  for size in 16 32 128 256 512; do
    cp "packaging/linux/icons/${size}x${size}/ca.divadesk.DivaDesk.png" "$set_dir/icon_${size}x${size}.png"
  done
  for size in 16 32 128 256; do
    double=$((size * 2))
    cp "packaging/linux/icons/${double}x${double}/ca.divadesk.DivaDesk.png" \
      "$set_dir/icon_${size}x${size}@2x.png"
  done
  iconutil -c icns "$set_dir" -o build/diva-desk.icns
fi

"$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/diva-desk.spec

# The desktop files travel in the bundle, so install.sh works from an unpacked tarball.
if [ "$(uname -s)" = Linux ]; then
  mkdir -p dist/diva-desk/share
  cp -r packaging/linux/. dist/diva-desk/share/
  mkdir -p dist/diva-desk/share/icons/scalable
  cp resources/icons/diva-desk.svg dist/diva-desk/share/icons/scalable/ca.divadesk.DivaDesk.svg
  cp packaging/install.sh packaging/uninstall.sh dist/diva-desk/
  tarball="dist/diva-desk-${VERSION}-linux-$(uname -m).tar.gz"
  tar -C dist -czf "$tarball" diva-desk
  echo "Built dist/diva-desk ($(du -sh dist/diva-desk | cut -f1)) and $tarball ($(du -sh "$tarball" | cut -f1))"
fi
