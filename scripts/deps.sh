#!/usr/bin/env bash
# Installs what building, running and testing Release Composer needs on Debian 12:
# system packages (apt, when run as root), Rust components, cargo tools, npm packages,
# and the tests' Python packages. Not root: says which system packages are
# missing and the command that installs them.
#
#   scripts/deps.sh run    what `make run` needs
#   scripts/deps.sh test   what `make test` needs (run + the independent checkers)
#   scripts/deps.sh bench  what `make bench` needs (test + the Typst CLI it is
#                          compared with; a long compile the first time)
#
# Where the test tools land (the tests call these paths, never whatever is
# first on PATH):
#   .tools/venv/bin/python        Python 3.11 (Debian's /usr/bin/python3 -m venv)
#                                 with scripts/requirements-test.txt, every
#                                 package pinned; rebuilt when that file changes
#   .tools/cargo/bin/tauri-driver tauri-driver $TAURI_DRIVER_VERSION (cargo install --root)
#   .tools/cargo/bin/typst        typst-cli $TYPST_VERSION, for make bench only
#   /usr/bin/...                  the Debian packages below (pdftotext, qpdf,
#                                 soffice, WebKitWebDriver, chromium, unzip, ...)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-test}

run_pkgs=(build-essential pkg-config curl file libwebkit2gtk-4.1-dev libgtk-3-dev
  librsvg2-dev libayatana-appindicator3-dev libssl-dev libxdo-dev xvfb xauth
  # spelling, as you type (WebKitGTK through Enchant) and in the checks: the
  # Hunspell dictionaries of the UN languages that have one (Chinese needs none)
  hunspell-en-gb hunspell-en-us hunspell-fr hunspell-es hunspell-ru hunspell-ar)
test_pkgs=(webkit2gtk-driver poppler-utils qpdf imagemagick libreoffice-writer-nogui
  fonts-liberation2 procps unzip
  # the tests' Python environment (.tools/venv) is made with Debian's venv module
  python3-venv
  # the e-mail and web editions in a browser (tests/editions), and the X
  # clipboard the app fills (e2e)
  chromium xclip
  # the package test (tests/package): find the installed app's window, a session
  # bus for single-instance, the desktop entry checker, the MIME database
  xdotool x11-utils dbus-daemon desktop-file-utils shared-mime-info)
pkgs=("${run_pkgs[@]}")
[ "$what" != run ] && pkgs+=("${test_pkgs[@]}")

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

TAURI_DRIVER_VERSION=2.1.0
TYPST_VERSION=0.15.1
if [ "$what" = bench ]; then
  tools=.tools/cargo
  if ! grep -q "^\"typst-cli $TYPST_VERSION " "$tools/.crates.toml" 2>/dev/null \
    || [ ! -x "$tools/bin/typst" ]; then
    echo "deps: installing typst-cli $TYPST_VERSION into $tools (cargo install; many minutes)"
    cargo install --locked --root "$tools" typst-cli --version "$TYPST_VERSION" --no-default-features -q
  fi
fi
if [ "$what" != run ]; then
  tools=.tools/cargo
  if ! grep -q "^\"tauri-driver $TAURI_DRIVER_VERSION " "$tools/.crates.toml" 2>/dev/null \
    || [ ! -x "$tools/bin/tauri-driver" ]; then
    echo "deps: installing tauri-driver $TAURI_DRIVER_VERSION into $tools (cargo install)"
    cargo install --locked --root "$tools" tauri-driver --version "$TAURI_DRIVER_VERSION" -q
  fi

  # The tests' Python: a virtual environment of Debian's Python with exactly the
  # pinned packages. Not the system's site-packages, not pyenv's shims.
  venv=.tools/venv
  requirements=scripts/requirements-test.txt
  stamp=$venv/requirements.sha256
  want="$(sha256sum "$requirements" | cut -d' ' -f1) $(/usr/bin/python3 -c 'import sys; print(sys.version.split()[0])')"
  if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "deps: making $venv from $requirements"
    rm -rf "$venv"
    /usr/bin/python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-input --no-deps \
      --require-virtualenv -r "$requirements"
    "$venv/bin/python" -m pip check -q --disable-pip-version-check \
      || { echo "deps: $requirements does not pin every dependency (pip check above)" >&2; exit 1; }
    echo "$want" >"$stamp"
  fi
fi

command -v npm >/dev/null || { echo "deps: npm is missing: apt-get install nodejs npm (Node.js 20)" >&2; exit 1; }
if [ -f ui/package-lock.json ]; then
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    echo "deps: npm ci in ui/"
    (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
echo "deps: ready for make $what"
