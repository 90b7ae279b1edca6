#!/usr/bin/env bash
# Every speed, memory and typography figure the project holds itself to,
# each next to its goal, on this machine (`make bench`). Release builds.
#
#   scripts/bench.sh          everything, the app's figures included (Xvfb)
#   scripts/bench.sh --no-app without the app (no release build of the window)
#
# Criterion's figures are the medians of its own runs (target/criterion/…);
# whole-process figures are medians of runs timed here. Nothing is asserted:
# tests hold behaviour, this prints figures.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
app=1
[ "${1:-}" = "--no-app" ] && app=0
py="$root/.tools/venv/bin/python"
[ -x "$py" ] || { echo "bench: $py is missing: run scripts/deps.sh test" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/release-composer-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
# The command line keeps spelling verdicts here, not in the user's cache.
export XDG_CACHE_HOME="$work/cache"

row() { printf '%-64s %14s   goal %s\n' "$1" "$2" "$3"; }
# The median of criterion's estimate for bench id $1 (its folder under target/criterion), in ms.
crit() {
  "$py" - "$root/target/criterion/$1/new/estimates.json" <<'EOF'
import json, sys
print(f"{json.load(open(sys.argv[1]))['median']['point_estimate'] / 1e6:.2f} ms")
EOF
}
# Runs "$@" $runs times; prints the median wall time in ms.
timed() {
  local runs=$1
  shift
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" > /dev/null 2>&1
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000))
  done | sort -n | awk '{a[NR]=$1} END {printf "%.1f ms\n", a[int((NR+1)/2)]/1000}'
}

echo "== building (release)"
cargo build -q --release -p release-cli
cli="$root/target/release/release-composer"

echo "== criterion (cargo bench; a few minutes)"
cargo bench -q -p release-pdf --bench render > "$work/pdf.log" 2>&1
cargo bench -q -p release-pipeline --bench photos -- preview > "$work/pipeline.log" 2>&1
cargo bench -q -p release-drafts --bench drafts -- 'list_10000|edition_status' > "$work/drafts.log" 2>&1
cargo bench -q -p release-raster --bench draw > "$work/raster.log" 2>&1

echo "== the CLI, whole process"
mkdir -p "$work/library"
"$py" - "$root/templates/example.release.json" "$work/library" <<'EOF'
import json, sys
example = json.load(open(sys.argv[1], encoding="utf-8"))
headline = example["release"]["headline"]
for n in range(10000):
    example["release"]["headline"] = f"{headline} #{n}"
    with open(f"{sys.argv[2]}/draft-{n:05}.release.json", "w", encoding="utf-8") as f:
        json.dump(example, f, ensure_ascii=False)
EOF
sleep 2.5 # files changed in the last two seconds are read on every listing
"$cli" drafts list --json --library "$work/library" > /dev/null # builds the index
list_warm=$(timed 15 "$cli" drafts list --json --library "$work/library")
if [ -w /proc/sys/vm/drop_caches ]; then
  cold=()
  for _ in 1 2 3; do
    sync
    echo 3 > /proc/sys/vm/drop_caches
    cold+=("$(timed 1 "$cli" drafts list --json --library "$work/library")")
  done
  list_cold=$(printf '%s\n' "${cold[@]}" | sort -n | sed -n 2p)
else
  list_cold="(needs root)"
fi
export_pdf=$(timed 15 "$cli" export templates/example.release.json --pdf "$work/example.pdf")
# A first run: a cache folder that cannot be made keeps no verdicts, so the
# dictionary is parsed every time.
export_first=$(timed 15 env XDG_CACHE_HOME=/proc/no-cache "$cli" export templates/example.release.json --pdf "$work/example.pdf")

# Typst setting the same words (scripts/typst-source.py) in the same font,
# page and margins: the two whole processes run in turn, 15 times each; the
# ratio of the medians.
typst="$root/.tools/cargo/bin/typst"
if [ -x "$typst" ]; then
  echo "== Typst $("$typst" --version | cut -d' ' -f2) on the same words"
  "$cli" export templates/example.release.json --text "$work/example.txt" 2> /dev/null
  "$py" scripts/typst-source.py "$work/example.txt" "$work/example.typ"
  compile_typst=("$typst" compile --ignore-system-fonts --font-path templates/un/fonts
    "$work/example.typ" "$work/typst.pdf")
  "${compile_typst[@]}"
  ours=()
  theirs=()
  for _ in $(seq 15); do
    ours+=("$(timed 1 "$cli" export templates/example.release.json --pdf "$work/example.pdf")")
    theirs+=("$(timed 1 "${compile_typst[@]}")")
  done
  median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
  ours_ms=$(median "${ours[@]% ms}")
  theirs_ms=$(median "${theirs[@]% ms}")
  typst_ratio=$(awk -v a="$ours_ms" -v b="$theirs_ms" 'BEGIN {printf "%.2f× (%s / %s ms)", a / b, a, b}')
  "$py" scripts/typography.py "$work/typst.pdf" > "$work/typst-typography.log"
else
  typst_ratio="(no Typst here: scripts/deps.sh bench)"
fi

echo "== typography of the example (pdfplumber)"
"$py" scripts/typography.py "$work/example.pdf" > "$work/typography.log"

echo
echo "== figures"
pages100=$(ls "$root/target/criterion/long" | grep -v edit | head -1)
row "Document → PDF, the example (un, 2 pages), from scratch" "$(crit 'example un, 2 pages')" "≤ 10 ms"
row "  the same, one character after the last render (Typesetter)" "$(crit 'example un, one-character edit')" ""
row "Rust side of a preview: the example, from scratch" "$(crit preview/example)" ""
row "Rust side of a preview: the example, one-character edit" "$(crit 'preview/example, one-character edit')" "≤ 3 ms"
row "a preview page drawn in Rust (hayro), 600 px across" "$(crit 'raster/example, page 1 at 600 px')" ""
row "Document → PDF, $pages100, from scratch" "$(crit "long/$pages100")" ""
row "Rust side of a preview: $pages100, one-character edit" "$(crit "long/$pages100, one-character edit")" "≤ 25 ms"
row "listing 10,000 drafts in-process (criterion list_10000/indexed)" "$(crit list_10000/indexed)" ""
row "an edition's out-of-date parts (the example's French edition)" "$(crit edition_status/example)" "≤ 20 ms"
row "drafts list --json of 10,000 drafts, whole process, warm" "$list_warm" "≤ 100 ms"
row "  the same after dropping the page cache" "$list_cold" "≤ 250 ms"
row "release-composer export --pdf, whole process" "$export_pdf" ""
row "  the same, no spelling verdicts kept (a first run)" "$export_first" ""
row "  against typst compile of the same words" "$typst_ratio" "≤ 0.25×"
"$py" - "$work/typography.log" <<'EOF'
import sys
goals = {"median": "≤ 1.10", "p95": "≤ 1.40", "max": "≤ 1.55", "over_1_5": "≤ 3 %", "consecutive": "≤ 2", "pages": "2"}
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip()
    goal = next((g for k, g in goals.items() if line.startswith(k)), None)
    if goal:
        print(f"typography: {line:<64} goal {goal}")
EOF
if [ -f "$work/typst-typography.log" ]; then
  sed -n 's/^\(median\|p95\|max\|over_1_5\|consecutive\|pages\)/typography, Typst: \1/p' "$work/typst-typography.log"
fi

if [ "$app" = 1 ]; then
  echo
  echo "== the app (release build, Xvfb, tests/e2e/measure.mjs)"
  (cd ui && npm run -s build)
  cargo build -q --release -p release-composer-app
  (cd tests/e2e && [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error)
  (cd tests/e2e && /usr/bin/xvfb-run -a -s "-screen 0 1440x900x24" node measure.mjs "$root/target/release/release-composer-app")
  echo "goals: form interactive ≤ 450 ms; edit → pages drawn ≤ 80 ms median, ≤ 120 ms max;"
  echo "       longest stall ≤ 16 ms; memory ≤ 250 MB, ≤ 10 MB growth over 100 edits;"
  echo "       10,000 drafts: start ≤ 100 ms slower than one, search ≤ 50 ms, only visible rows"
fi
