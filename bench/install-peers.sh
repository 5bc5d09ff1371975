#!/usr/bin/env bash
# What bench/bench_peers.py needs beyond `make`: the two peer editors it
# compares Galley with, from Debian: ghostwriter, and ReText 8 (a PyQt6
# program) with what it only recommends, its WebEngine preview and the Qt 6
# xcb platform plugin; and python-xlib in the venv, through which the
# benchmark talks to the X server. Not a dependency of Galley or of
# `make test`. Installs only what is missing; run it again at will.
#     bash bench/install-peers.sh [VENV]      (VENV defaults to .venv)
set -euo pipefail
venv="${1:-.venv}"
pkgs=(ghostwriter retext python3-pyqt6.qtwebengine qt6-qpa-plugins xvfb xauth fonts-noto-cjk)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "install-peers: please install these Debian packages: ${missing[*]}" >&2
  else
    echo "install-peers: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
# The venv's interpreter is not Debian's and does not see Debian's
# python3-xlib, so it comes from PyPI: the same version as bookworm's.
if ! "$venv/bin/python" -c 'import Xlib.ext.damage, Xlib.ext.xtest' 2>/dev/null; then
  echo "install-peers: installing python-xlib into $venv" >&2
  "$venv/bin/python" -m pip install -q 'python-xlib==0.33'
fi
