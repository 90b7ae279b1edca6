#!/usr/bin/env bash
# Installs what building, running and testing Release Composer needs on Debian 12:
# system packages (apt, when run as root), Rust components, cargo tools, npm packages.
# Not root: says which system packages are missing and the command that installs them.
#
#   scripts/deps.sh run    what `make run` needs
#   scripts/deps.sh test   what `make test` needs (run + the independent checkers)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-test}

run_pkgs=(build-essential pkg-config curl file libwebkit2gtk-4.1-dev libgtk-3-dev
  librsvg2-dev libayatana-appindicator3-dev libssl-dev libxdo-dev xvfb xauth)
test_pkgs=(webkit2gtk-driver poppler-utils qpdf imagemagick libreoffice-writer-nogui
  python3-docx fonts-liberation2 procps
  # the package test (tests/package): find the installed app's window, a session
  # bus for single-instance, the desktop entry checker, the MIME database
  xdotool x11-utils dbus-daemon desktop-file-utils shared-mime-info)
pkgs=("${run_pkgs[@]}")
[ "$what" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "deps: missing system packages: ${missing[*]}" >&2
    echo "deps: install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

command -v cargo >/dev/null || { echo "deps: cargo is missing: install Rust from https://rustup.rs" >&2; exit 1; }
if command -v rustup >/dev/null; then
  for c in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
  done
fi

if [ "$what" = test ] && ! command -v tauri-driver >/dev/null; then
  echo "deps: installing tauri-driver (cargo install)"
  cargo install --locked tauri-driver --version 2.1.0 -q
fi

command -v npm >/dev/null || { echo "deps: npm is missing: apt-get install nodejs npm (Node.js 20)" >&2; exit 1; }
if [ -f ui/package-lock.json ]; then
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    echo "deps: npm ci in ui/"
    (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
echo "deps: ready for make $what"
