#!/usr/bin/env bash
# End-to-end tests: build the UI and the app, then drive the real window under
# Xvfb with the tools scripts/deps.sh test installed: tauri-driver from
# .tools/cargo, WebKitWebDriver from Debian, python-docx from .tools/venv.
# Other engineers may run it on the same machine: run it under a lock,
#   flock /tmp/e2e.lock tests/e2e/run.sh
# E2E_WEBDRIVER_PORT (4444) chooses the WebDriver port. One test alone:
#   cd tests/e2e && xvfb-run -a node --test --test-name-pattern=restart app.test.mjs
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
for tool in "$root/.tools/cargo/bin/tauri-driver" "$root/.tools/venv/bin/python" \
  /usr/bin/WebKitWebDriver /usr/bin/xvfb-run /usr/bin/pdftotext; do
  [ -x "$tool" ] || { echo "e2e: $tool is missing: run scripts/deps.sh test" >&2; exit 1; }
done
(cd "$root/ui" && npm run -s build)
(cd "$root" && cargo build -q -p release-composer-app)
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error
exec /usr/bin/xvfb-run -a -s "-screen 0 1440x900x24" npm test
