#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Kintsugi needs, only those missing (idempotent).
#   python3-venv        to make .venv
#   libxcb-*/libxkb*/libegl1/libgl1/fontconfig/libdbus   for Qt's xcb window (a real screen)
#   xvfb xauth           a virtual screen for screenshots and GUI smoke tests
#   age                  the reference age tool: tests prove bundles decrypt with it
#   poppler-utils        pdftoppm/pdftotext to look at reports
#   libpulse0            Qt Multimedia (voice notes) loads it, even with no sound device
#   fonts-noto-*         text in every script in PDF reports (Hebrew, Arabic, CJK, emoji),
#                        through Qt's font fallback
#   fonts-symbola fonts-unifont   emoji in PDF reports as outline glyphs, so they are text
#                        (Qt's PDF writer draws colour emoji as pictures): ui/insights/pdf_text.py
#   syncthing            the sync engine of the real two-device test (tests/sync_harness.py):
#                        two instances on 127.0.0.1 carry one journal's sync folder
set -euo pipefail
PACKAGES=(
  python3-venv
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1
  libxkbcommon0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core
  xvfb xauth age poppler-utils libpulse0
  fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji fonts-symbola fonts-unifont
  syncthing
)
command -v dpkg-query >/dev/null || { echo "setup-system: not a Debian-like system; install the equivalents of: ${PACKAGES[*]}"; exit 0; }
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "setup-system: please install as root: apt-get install ${missing[*]}" >&2; exit 1; fi
fi
echo "setup-system: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
