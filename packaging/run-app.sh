#!/usr/bin/env bash
# Start Galley on a site; with no screen (no DISPLAY), start it under Xvfb.
set -euo pipefail
py="$1"; shift
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  echo "galley: no display found; running under Xvfb" >&2
  exec xvfb-run -a -s '-screen 0 1400x900x24' "$py" -m editor "$@"
fi
exec "$py" -m editor "$@"
