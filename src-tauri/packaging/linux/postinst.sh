#!/bin/sh
# After install, upgrade or removal: make the desktop see the draft file type
# (*.release.json) and that Release Composer opens it. The tools may be absent
# on a minimal system; the files are in place and are picked up later.
set -e
if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database /usr/share/mime || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q /usr/share/applications || true
fi
exit 0
