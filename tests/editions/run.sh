#!/usr/bin/env bash
# The e-mail and web editions in Debian's Chromium: axe-core on the web pages,
# the mail HTML's column, screenshots into target/editions/.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
(cd "$root" && cargo build -q -p release-cli)
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error
[ -x /usr/bin/chromium ] || { echo "editions: /usr/bin/chromium is missing: scripts/deps.sh test installs it" >&2; exit 1; }
[ -x "$root/.tools/venv/bin/python" ] || { echo "editions: .tools/venv is missing: run scripts/deps.sh test" >&2; exit 1; }
exec npm test
