#!/usr/bin/env bash
# Builds the desktop app and opens it on the example release. Without a display
# it starts one with Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d src-tauri ]; then
  echo "run: the desktop app is not built yet; the command line works:"
  cargo run -q -p release-cli -- export templates/example.release.json --outline
  exit 0
fi
(cd ui && npm run -s build)
cargo build -p release-composer-app
bin=target/debug/release-composer-app
export GSETTINGS_BACKEND=${GSETTINGS_BACKEND:-memory}
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display; starting the app under Xvfb"
  exec xvfb-run -a -s "-screen 0 1440x900x24" "$bin" "$@"
fi
exec "$bin" "$@"
