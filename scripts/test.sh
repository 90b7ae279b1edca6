#!/usr/bin/env bash
# Every test: formatting and lints, the Rust workspace (unit, golden, property,
# independent-tool checks), the frontend (type check, lint, vitest) and the
# end-to-end tests of the real app under Xvfb, then the package test (the .deb
# built, installed, run and removed). Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

started=$(date +%s)
step() { printf '\n== %s (at %d s)\n' "$*" $(( $(date +%s) - started )); }

# The app embeds the built frontend: build it before anything compiles the app.
step "frontend build (ui/dist)"
(cd ui && npm run -s build >/dev/null)

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets -q -- -D warnings
step "cargo test (workspace)"
cargo test --workspace --no-fail-fast

if [ -f ui/package.json ]; then
  step "frontend: type check, lint, unit tests"
  (cd ui && npm run -s check && npm run -s lint && npm run -s test)
fi
if [ -x tests/e2e/run.sh ]; then
  step "end-to-end: the real app under Xvfb"
  tests/e2e/run.sh
fi
if [ -x tests/package/run.sh ]; then
  step "package: build the .deb, install it, run the installed app under Xvfb, remove it"
  if [ "$(id -u)" = 0 ]; then
    tests/package/run.sh
  else
    echo "package: skipped: installing the .deb needs root (CI runs as root)"
  fi
fi
step "all tests passed"
