#!/usr/bin/env bash
# Every test: formatting and lints, the Rust workspace (unit, golden, property,
# independent-tool checks), the real full disk on a tmpfs (root), the frontend
# (type check, lint, vitest), the e-mail and web editions in Chromium (axe-core),
# the end-to-end tests of the real app under Xvfb,
# then the package test (the .deb built, installed, run and removed; root).
# Stops at the first failure and says which step failed.
#
#   scripts/test.sh                       everything; as another user than root it
#                                         refuses to start, since two suites need root
#   scripts/test.sh --without-root-tests  everything but the two suites that need
#                                         root, named as skipped in the last line
#
# Each step prints how long it took; the last line says what ran and what was
# skipped, and why.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

without_root=false
for arg in "$@"; do
  case $arg in
    --without-root-tests) without_root=true ;;
    *) echo "test.sh: unknown argument $arg (see the top of $0)" >&2; exit 2 ;;
  esac
done

root_suites="the package test and the real full-disk test on a tmpfs"
if [ "$(id -u)" != 0 ] && ! $without_root; then
  echo "test.sh: $root_suites need root (CI runs as root)." >&2
  echo "test.sh: run as root, or run the rest with: scripts/test.sh --without-root-tests" >&2
  exit 2
fi
if [ "$(id -u)" = 0 ] && $without_root; then
  echo "test.sh: --without-root-tests given: $root_suites will be skipped although this is root"
fi

ran=()
durations=()
skipped=()
current=""
started=$(date +%s%N)
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
list() { local IFS=,; echo "$*" | sed 's/,/, /g'; }
seconds() { printf '%d.%d s' $(( $1 / 1000 )) $(( $1 % 1000 / 100 )); }
finished() {
  local status=$?
  if [ "$status" != 0 ] && [ -n "$current" ]; then
    printf '\ntest.sh: FAILED in step "%s" (exit %d) after %s; passed before it: %s\n' \
      "$current" "$status" "$(seconds "$(ms_since "$started")")" "$( [ ${#ran[@]} = 0 ] && echo nothing || list "${ran[@]}")" >&2
  fi
}
trap finished EXIT

# Runs one step: `step NAME COMMAND...`; prints its duration.
step() {
  local name=$1
  shift
  current=$name
  printf '\n== %s\n' "$name"
  local t0
  t0=$(date +%s%N)
  "$@"
  local took
  took=$(ms_since "$t0")
  printf '== %s: passed in %s\n' "$name" "$(seconds "$took")"
  ran+=("$name")
  durations+=("$(seconds "$took")  $name")
  current=""
}

skip() {
  printf '\n== %s: SKIPPED (%s)\n' "$1" "$2"
  skipped+=("$1 ($2)")
}

in_ui() { (cd ui && "$@"); }

# The app embeds the built frontend: build it before anything compiles the app.
step "frontend build" in_ui npm run -s build
step "cargo fmt --check" cargo fmt --all -- --check
step "cargo clippy -D warnings" cargo clippy --workspace --all-targets -q -- -D warnings
step "cargo test --workspace" cargo test --workspace --no-fail-fast
if $without_root; then
  skip "tmpfs full-disk test" "needs root; --without-root-tests"
else
  step "tmpfs full-disk test" cargo test -p release-drafts --test faults -- \
    --ignored --exact real_full_disk_and_read_only_folder_as_root
fi
step "frontend: type check" in_ui npm run -s check
step "frontend: lint" in_ui npm run -s lint
step "frontend: unit tests" in_ui npm run -s test
# Through bash, so a lost run bit cannot drop a suite; a missing file fails.
step "editions in Chromium" bash tests/editions/run.sh
step "end-to-end" bash tests/e2e/run.sh
if $without_root; then
  skip "package test" "needs root; --without-root-tests"
else
  step "package test" bash tests/package/run.sh
fi

total=$(seconds "$(ms_since "$started")")
printf '\n== durations\n'
printf '  %s\n' "${durations[@]}"
echo "all tests passed in $total; ran: $(list "${ran[@]}"); skipped: $( [ ${#skipped[@]} = 0 ] && echo nothing || list "${skipped[@]}")"
