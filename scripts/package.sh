#!/usr/bin/env bash
# Builds the installable Linux package with the Tauri bundler:
#   target/release/bundle/deb/release-composer_VERSION_amd64.deb
# The version is the workspace's (src-tauri/Cargo.toml inherits it); name,
# identifier, icons, desktop entry, file type and dependencies come from
# src-tauri/tauri.conf.json. Extra arguments go to `tauri build`, e.g.
#   scripts/package.sh --bundles deb --verbose
#   scripts/package.sh --debug      (the dev profile: target/debug/bundle/deb/)
# On Windows and macOS the same configuration builds the .msi and the .dmg
# (see README, "Packages").
set -euo pipefail
cd "$(dirname "$0")/.."
tauri=ui/node_modules/.bin/tauri
[ -x "$tauri" ] || { echo "package: $tauri is missing: run scripts/deps.sh (npm ci in ui/)" >&2; exit 1; }
bundles=(--bundles deb)
profile=release
for arg in "$@"; do
  case "$arg" in
    --bundles|-b) bundles=() ;;
    --debug|-d) profile=debug ;;
  esac
done
start=$(date +%s)
# --ci: no prompts, plain output. The frontend is built by beforeBuildCommand.
(cd src-tauri && "../$tauri" build --ci "${bundles[@]}" "$@")
# The bundler names the file after the product ("Release Composer_…"); give
# it Debian's name for it, PACKAGE_VERSION_ARCH.deb.
dir=target/$profile/bundle/deb
built=$(ls -t "$dir"/*.deb 2>/dev/null | head -1 || true)
if [ -n "$built" ]; then
  deb=$dir/$(dpkg-deb -f "$built" Package)_$(dpkg-deb -f "$built" Version)_$(dpkg-deb -f "$built" Architecture).deb
  [ "$built" = "$deb" ] || mv -f "$built" "$deb"
  echo "package: $deb ($(du -h "$deb" | cut -f1)) in $(( $(date +%s) - start )) s"
fi
