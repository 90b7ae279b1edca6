#!/usr/bin/env bash
# Makes templates/fonts/NotoSansSC-Regular.subset.otf from Debian's fonts-noto-cjk:
# the Simplified Chinese face, cut down to templates/fonts/cjk-subset-chars.txt.
# Needs fonts-noto-cjk (apt) and fonttools (pip install fonttools).
set -euo pipefail
cd "$(dirname "$0")/.."
ttc=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
[ -f "$ttc" ] || { echo "make-cjk-subset: $ttc is missing: apt-get install fonts-noto-cjk" >&2; exit 1; }
command -v pyftsubset >/dev/null || { echo "make-cjk-subset: pyftsubset is missing: pip install fonttools" >&2; exit 1; }
# Face 2 of the collection is Noto Sans CJK SC.
pyftsubset "$ttc" --font-number=2 --text-file=templates/fonts/cjk-subset-chars.txt \
  --output-file=templates/fonts/NotoSansSC-Regular.subset.otf
