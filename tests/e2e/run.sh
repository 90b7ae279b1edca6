#!/usr/bin/env bash
# End-to-end tests: build the UI and the app, then drive the real window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
(cd "$root/ui" && npm run -s build)
(cd "$root" && cargo build -q -p release-composer-app)
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error
command -v tauri-driver >/dev/null || { echo "e2e: tauri-driver is missing (scripts/deps.sh test installs it)" >&2; exit 1; }
command -v WebKitWebDriver >/dev/null || { echo "e2e: WebKitWebDriver is missing (apt-get install webkit2gtk-driver)" >&2; exit 1; }
exec xvfb-run -a -s "-screen 0 1440x900x24" npm test
