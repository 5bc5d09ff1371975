#!/usr/bin/env bash
# Put Galley in the user's launcher, or take it out again:
#   packaging/install-desktop.sh install|uninstall
# Into $XDG_DATA_HOME (default ~/.local/share): applications/<id>.desktop,
# metainfo/<id>.metainfo.xml and the icon in the hicolor theme (scalable SVG and
# the PNG sizes), each named after the app id, so `Icon=<id>` resolves. The
# launcher runs `galley-gui` from PATH (pipx, or the bundle's folder on PATH).
set -euo pipefail
id=io.github.galley_editor.Galley
here="$(cd "$(dirname "$0")/.." && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
sizes=(16 22 24 32 48 64 128 256 512)
files=("applications/$id.desktop" "metainfo/$id.metainfo.xml" "icons/hicolor/scalable/apps/$id.svg")
for s in "${sizes[@]}"; do files+=("icons/hicolor/${s}x${s}/apps/$id.png"); done

refresh() {  # the launcher's caches, where the desktop has them
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
}

case "${1:-}" in
  install)
    install -D -m 644 "$here/packaging/$id.desktop" "$data/applications/$id.desktop"
    install -D -m 644 "$here/packaging/$id.metainfo.xml" "$data/metainfo/$id.metainfo.xml"
    install -D -m 644 "$here/resources/icons/galley.svg" "$data/icons/hicolor/scalable/apps/$id.svg"
    for s in "${sizes[@]}"; do
      install -D -m 644 "$here/resources/icons/galley-$s.png" "$data/icons/hicolor/${s}x${s}/apps/$id.png"
    done
    refresh
    echo "galley: installed $id into $data" ;;
  uninstall)
    for f in "${files[@]}"; do rm -f "$data/$f"; done
    refresh
    echo "galley: removed $id from $data" ;;
  *)
    echo "usage: $0 install|uninstall" >&2; exit 2 ;;
esac
