#!/usr/bin/env bash
# The app icon's PNG sizes for the hicolor theme, drawn from resources/icons/galley.svg
# (the one drawing): resources/icons/galley-<N>.png. Run after changing the SVG and
# commit the PNGs: installing them then needs no SVG renderer.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert >/dev/null || { echo "make-icons: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2; exit 2; }
for size in 16 22 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" resources/icons/galley.svg -o "resources/icons/galley-$size.png"
done
