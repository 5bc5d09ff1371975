#!/usr/bin/env bash
# Debian packages Galley needs beyond what pip installs: the shared libraries
# Qt and QtWebEngine load (also offscreen), Xvfb to show the window on a
# machine with no screen, CJK fonts so Korean text is not drawn as boxes, and
# the site generators themselves: Jekyll (with Ruby and kramdown, which the
# preview of a Jekyll site runs) and Hugo, which the golden files and the
# site preview's tests run for real; the desktop's validators for the desktop
# file and the metainfo (tests/test_desktop_files.py, make package-check).
# Installs only what is missing, and only when it can (root + apt-get).
set -euo pipefail
pkgs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libnss3 libfontconfig1
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
      libxcb-randr0 libxcb-render-util0 libxcb-image0 libxshmfence1 libxcomposite1
      libxdamage1 libxrandr2 libxtst6 libasound2 libdbus-1-3
      xvfb xauth fonts-noto-cjk jekyll ruby-kramdown hugo
      desktop-file-utils appstream)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "galley: please install these Debian packages: ${missing[*]}" >&2
  exit 0
fi
echo "galley: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# A name that does not exist on this release (libasound2 became libasound2t64)
# must not stop the others from installing.
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || \
  for p in "${missing[@]}"; do apt-get install -y -qq --no-install-recommends "$p" >/dev/null 2>&1 || echo "galley: could not install $p" >&2; done
