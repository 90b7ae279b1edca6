#!/usr/bin/env bash
# The package test: the .deb as a user gets it, on this Debian 12 machine.
#
# 1. Builds the .deb (scripts/package.sh) unless RELEASE_COMPOSER_DEB names
#    one, and checks its control data, files and desktop entry.
# 2. Installs it with apt-get (which pulls in its dependencies) and checks the
#    draft file type is registered (MIME database, desktop entry's MimeType).
# 3. Starts the INSTALLED program under Xvfb, with a session bus and a fresh
#    HOME: its window appears, the example release is loaded into the form
#    (the window title names its headline) and written into the library.
# 4. Launches it again with a draft file from outside the library: the first
#    instance takes it (still one process), asks whether to import it, and
#    importing (Enter on the focused "Import into my drafts") adds it to the
#    library. Launches it again with a library draft's path and measures how
#    long until that draft's form is shown; then once more from cold. A file
#    that is not a draft is refused: the running app reports it on stderr with
#    the file's name and opens nothing; the file is left as it is. The window,
#    resized, moved and with the
#    preview hidden, is closed as a window manager would and comes back so.
# 5. Removes the package and checks nothing of it is left.
#
# Needs root (apt-get). Screenshots and figures go to target/package-test/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
out=$root/target/package-test
mkdir -p "$out"
rm -f "$out"/*.png "$out"/measurements.txt

say() { printf 'package: %s\n' "$*"; }
fail() { printf 'package: FAILED: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root to install the .deb (apt-get)"
for tool in Xvfb xdotool xwininfo xdpyinfo dbus-daemon import convert dpkg-deb desktop-file-validate python3; do
  [ -x "/usr/bin/$tool" ] || fail "/usr/bin/$tool is missing (scripts/deps.sh test installs it)"
done

# Runs COMMAND... every 0.1 s until it succeeds; after SECONDS fails naming WHAT.
wait_for() {
  local what=$1 seconds=$2
  shift 2
  local deadline=$(( $(date +%s%3N) + seconds * 1000 ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s%3N)" -lt "$deadline" ] || fail "waited ${seconds} s for $what"
    sleep 0.1
  done
}

# 1. The package.
deb=${RELEASE_COMPOSER_DEB:-}
if [ -z "$deb" ]; then
  # The dev profile, whose build the end-to-end tests have just made: the
  # same package as `make package` gives, but not optimised, so it costs a
  # minute instead of a quarter of an hour of release compiling. What this
  # test checks (installing, the desktop entry, the MIME type, starting and
  # opening files) does not depend on how hard the compiler optimised.
  scripts/package.sh --debug
  deb=$(ls -t target/debug/bundle/deb/release-composer_*.deb | head -1)
fi
[ -f "$deb" ] || fail "no .deb at '$deb'"
deb=$(readlink -f "$deb")
say "testing $deb"
info=$(dpkg-deb -f "$deb")
echo "$info" | sed 's/^/  /' | grep -E '^  (Package|Version|Architecture|Installed-Size|Depends|Section):' || true
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libwebkit2gtk-4.1-0 libgtk-3-0; do
  [[ "$depends" == *"$dep"* ]] || fail "Depends lacks $dep: $depends"
done
# The spelling dictionaries are recommended: apt installs them by default.
recommends=$(dpkg-deb -f "$deb" Recommends)
for dict in hunspell-en-gb hunspell-en-us hunspell-fr hunspell-es hunspell-ru hunspell-ar; do
  [[ "$recommends" == *"$dict"* ]] || fail "Recommends lacks $dict: $recommends"
done
[ "$(dpkg-deb -f "$deb" Package)" = release-composer ] || fail "the package is not named release-composer"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version is not the workspace's $version"
files=$(dpkg-deb -c "$deb" | sed -E 's/^([^ ]+ +){5}//')
for f in usr/bin/release-composer-app "usr/share/applications/Release Composer.desktop" \
  usr/share/mime/packages/release-composer.xml usr/share/icons/hicolor/16x16/apps/release-composer-app.png \
  usr/share/icons/hicolor/512x512/apps/release-composer-app.png; do
  grep -qxF -e "$f" -e "./$f" <<<"$files" || fail "the package lacks /$f"
done
unpacked=$(mktemp -d)
dpkg-deb -x "$deb" "$unpacked"
desktop="$unpacked/usr/share/applications/Release Composer.desktop"
sed 's/^/  /' "$desktop"
grep -qx 'Exec=release-composer-app %F' "$desktop" || fail "the desktop entry does not pass files (%F)"
grep -qx 'MimeType=application/x-release-composer-draft;' "$desktop" || fail "the desktop entry lacks the draft MIME type"
grep -q '^Keywords=' "$desktop" || fail "the desktop entry lacks Keywords"
/usr/bin/desktop-file-validate "$desktop" || fail "desktop-file-validate refuses the desktop entry"
rm -rf "$unpacked"
deb_bytes=$(stat -c %s "$deb")

# 2. Install it.
export DEBIAN_FRONTEND=noninteractive
dpkg -s release-composer >/dev/null 2>&1 && apt-get remove -y -qq release-composer >/dev/null
remove() {
  apt-get remove -y -qq release-composer >/dev/null 2>&1 || true
  dpkg --purge release-composer >/dev/null 2>&1 || true
}
apt-get install -y -qq --no-install-recommends "$deb" >/dev/null || fail "apt-get install $deb"
bin=/usr/bin/release-composer-app
[ -x "$bin" ] || fail "$bin was not installed"
bin_bytes=$(stat -c %s "$bin")
grep -q 'application/x-release-composer-draft' /usr/share/mime/globs2 || fail "the MIME database does not know drafts (postinst)"
grep -q ':\*\.release\.json' /usr/share/mime/globs2 || fail "the MIME database lacks the *.release.json glob"
# The postinst runs update-desktop-database (desktop-file-utils, installed by deps.sh).
[ -f /usr/share/applications/mimeinfo.cache ] \
  || fail "no /usr/share/applications/mimeinfo.cache: update-desktop-database did not run in the postinst"
grep -q 'application/x-release-composer-draft=.*Release Composer.desktop' /usr/share/applications/mimeinfo.cache \
  || fail "update-desktop-database did not register the app for drafts in mimeinfo.cache"

# 3. Start the installed program in a fresh home, on its own display and bus.
home=$(mktemp -d /tmp/release-composer-package-XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  pkill -f "^$bin" 2>/dev/null || true
  remove
  rm -rf "$home"
}
trap cleanup EXIT
# Xvfb picks a free display itself and writes its number (-displayfd), so
# another X server on the machine (a test under xvfb-run) is never taken for it.
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$home/display" >/dev/null 2>&1 &
pids+=($!)
wait_for "Xvfb to choose a display (-displayfd)" 10 grep -q '[0-9]' "$home/display"
display=:$(tr -dc '0-9' <"$home/display")
export DISPLAY=$display HOME=$home GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
export XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache XDG_RUNTIME_DIR=$home/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset RELEASE_COMPOSER_LIBRARY RELEASE_COMPOSER_EXPORT_DIR
export DBUS_SESSION_BUS_ADDRESS=unix:path=$home/bus
dbus-daemon --session --address="$DBUS_SESSION_BUS_ADDRESS" --nofork --nopidfile >/dev/null 2>&1 &
pids+=($!)
wait_for "Xvfb to answer on display $display (xdpyinfo)" 10 xdpyinfo
wait_for "the session bus socket $home/bus (dbus-daemon)" 10 test -S "$home/bus"
library=$XDG_DATA_HOME/release-composer/drafts

now_ms() { date +%s%3N; }
# Waits until a window's title matches the regular expression $1 (at most $2 s);
# prints the milliseconds since $3 (a now_ms value).
wait_title() {
  local deadline=$(( $(now_ms) + $2 * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    if xdotool search --name "$1" >/dev/null 2>&1; then
      echo $(( $(now_ms) - $3 ))
      return 0
    fi
    sleep 0.02
  done
  return 1
}
running() { pgrep -f "^$bin" | wc -l; }
shot() { import -window root "$out/$1.png"; }
not_blank() {
  local sd
  sd=$(convert "$out/$1.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
  awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' || fail "screenshot $1 is blank (deviation $sd)"
}

start=$(now_ms)
"$bin" >"$out/app.log" 2>&1 &
pids+=($!)
first_ms=$(wait_title 'Launch of the Phase IV.*Release Composer' 60 "$start") \
  || { shot failed-start; fail "no window titled with the example's headline within 60 s (see $out/app.log)"; }
say "window with the example release after $first_ms ms (first start, empty library)"
wid=$(xdotool search --name 'Release Composer' | head -1)
xwininfo -id "$wid" | grep -E 'Width|Height' | sed 's/^ */  /'
sleep 4 # let pdf.js draw the preview before the screenshot
shot installed
not_blank installed
ls "$library"/*.release.json >/dev/null 2>&1 || fail "the example draft was not written into $library"
grep -q 'Launch of the Phase IV' "$library"/*.release.json || fail "the library's draft is not the example release"
[ "$(running)" = 1 ] || fail "expected one app process, found $(running)"

# 4a. A draft file from outside the library, opened while the app runs.
outside=$home/Mail/colleague.release.json
mkdir -p "$(dirname "$outside")"
sed 's/"headline": "[^"]*"/"headline": "Package test: a draft from a colleague"/' templates/example.release.json >"$outside"
before=$(cat "$outside")
start=$(now_ms)
"$bin" "$outside" >"$out/second.log" 2>&1 || fail "the second launch failed (see $out/second.log)"
second_exit_ms=$(( $(now_ms) - start ))
[ "$(running)" = 1 ] || fail "a second launch left $(running) app processes: single instance broken"
sleep 1
shot offer
# The dialog's focused button is "Import into my drafts".
timeout 5 xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool key --clearmodifiers Return
wait_title '^Package test: a draft from a colleague .*Release Composer$' 20 "$(now_ms)" >/dev/null \
  || { shot failed-import; fail "importing the outside draft did not open it"; }
sleep 1
grep -l 'a draft from a colleague' "$library"/*.release.json >/dev/null || fail "the imported draft is not in the library"
[ "$before" = "$(cat "$outside")" ] || fail "importing changed the outside file"
say "outside draft handed to the running app (second launch exited after $second_exit_ms ms) and imported"

# 4b. A library draft opened by path while the app runs: time to its form.
example_file=$(grep -L 'a draft from a colleague' "$library"/*.release.json | head -1)
start=$(now_ms)
"$bin" "$example_file" >>"$out/second.log" 2>&1
running_ms=$(wait_title 'Launch of the Phase IV.*Release Composer' 20 "$start") || fail "the draft named by a second launch was not opened"
[ "$(running)" = 1 ] || fail "single instance: $(running) processes"
say "library draft opened by a second launch: form shown after $running_ms ms"

# 4c. From cold: the installed program started with the path of a draft that
# is not the newest (the newest is what a plain start opens).
imported=$(grep -l 'a draft from a colleague' "$library"/*.release.json | head -1)
touch "$imported"
pkill -f "^$bin" || true
no_app() { [ "$(running)" = 0 ]; }
no_window() { ! xdotool search --name 'Release Composer'; }
wait_for "the app to exit after SIGTERM" 10 no_app
wait_for "the window to go with its process" 10 no_window
start=$(now_ms)
"$bin" "$example_file" >>"$out/app.log" 2>&1 &
pids+=($!)
cold_ms=$(wait_title 'Launch of the Phase IV.*Release Composer' 60 "$start") \
  || { shot failed-cold; fail "started with a draft's path, the app did not show it"; }
say "cold start with a draft file's path: form shown after $cold_ms ms"
sleep 2
shot opened-by-path
not_blank opened-by-path

# A file that is not a draft: the running app refuses it with a message naming
# it (the window's toast; the same line on the app's stderr, which is what a
# script can read), opens nothing and writes nothing.
bad=$home/notes.release.json
echo '{"hello": "world"}' >"$bad"
drafts_before=$(ls "$library")
"$bin" "$bad" >>"$out/second.log" 2>&1 || fail "the second launch with a file that is not a draft failed (see $out/second.log)"
refusal="release-composer: not opened: $bad: cannot be opened as a draft"
refused() { grep -qF -- "$refusal" "$out/app.log"; }
wait_for "the running app to report on stderr: '$refusal' (see $out/app.log)" 10 refused
shot refused
[ "$(cat "$bad")" = '{"hello": "world"}' ] || fail "a file that is not a draft was written"
[ "$(ls "$library")" = "$drafts_before" ] || fail "refusing a file changed the library: $(ls "$library")"
xdotool search --name 'Launch of the Phase IV.*Release Composer' >/dev/null \
  || fail "refusing a file changed the draft the window shows"
[ "$(running)" = 1 ] || fail "single instance: $(running) processes after the refused file"
say "a file that is not a draft was refused by name: $(grep -F -- "$refusal" "$out/app.log" | head -1)"

# The window's size and place, and the preview hidden, are remembered.
wid=$(xdotool search --name 'Release Composer' | head -1)
xdotool windowsize "$wid" 1200 760
xdotool windowmove "$wid" 40 30
sleep 0.5
xdotool mousemove $(( 40 + 1200 - 56 )) $(( 30 + 17 )) click 1 # "Hide preview", top right
sleep 1
grep -q '"preview_shown": false' "$XDG_CONFIG_HOME/release-composer/settings.json" \
  || { shot failed-hide; fail "hiding the preview was not saved in the settings"; }
/usr/bin/python3 tests/package/close-window.py "$wid" # as a window manager's close button (standard library only)
wait_for "the app to close when its window is asked to (WM_DELETE_WINDOW)" 10 no_app
"$bin" >>"$out/app.log" 2>&1 &
pids+=($!)
wait_title 'Release Composer' 60 "$(now_ms)" >/dev/null || fail "the app did not start again"
sleep 2
wid=$(xdotool search --name 'Release Composer' | head -1)
geometry=$(xwininfo -id "$wid" | awk '/Absolute upper-left X/ {x=$NF} /Absolute upper-left Y/ {y=$NF} /Width/ {w=$NF} /Height/ {h=$NF} END {print w "x" h "+" x "+" y}')
[ "$geometry" = "1200x760+40+30" ] || { shot failed-restore; fail "the window came back as $geometry, not 1200x760+40+30"; }
shot restored
say "window size, place and hidden preview remembered ($geometry)"
pkill -f "^$bin" || true

# 5. Remove the package.
apt-get remove -y -qq release-composer >/dev/null || fail "apt-get remove"
dpkg --purge release-composer >/dev/null 2>&1 || true
[ ! -e "$bin" ] || fail "$bin is still there after removal"
[ ! -e /usr/share/mime/packages/release-composer.xml ] || fail "the MIME file is still there after removal"
! grep -q 'application/x-release-composer-draft' /usr/share/mime/globs2 || fail "the MIME database still knows drafts after removal"

{
  echo "deb_bytes=$deb_bytes"
  echo "installed_binary_bytes=$bin_bytes"
  echo "first_start_example_shown_ms=$first_ms"
  echo "second_launch_exit_ms=$second_exit_ms"
  echo "open_by_path_running_ms=$running_ms"
  echo "open_by_path_cold_ms=$cold_ms"
} | tee "$out/measurements.txt"
say "deb $(( deb_bytes / 1024 )) KiB, installed binary $(( bin_bytes / 1024 )) KiB; screenshots in $out"
echo "package: 1 passed, 0 failed"
