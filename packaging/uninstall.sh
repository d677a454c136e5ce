#!/usr/bin/env bash
# Remove what install.sh put under ~/.local. Your book and backups (the data folder,
# ~/.local/share/diva-desk or the one you chose) stay where they are.
set -euo pipefail
APP_ID=ca.divadesk.DivaDesk
data="${XDG_DATA_HOME:-$HOME/.local/share}"
bin="$HOME/.local/bin"

if [ -L "$bin/diva-desk" ]; then rm -f "$bin/diva-desk"; fi
rm -f "$data/applications/$APP_ID.desktop" "$data/metainfo/$APP_ID.metainfo.xml"
rm -f "$data"/icons/hicolor/*/apps/"$APP_ID".png "$data"/icons/hicolor/*/apps/"$APP_ID".svg
rm -rf "${data:?}/$APP_ID"

command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Diva Desk is uninstalled; your book and backups were left in place."
