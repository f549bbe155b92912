#!/usr/bin/env bash
# Regenerates wqy-microhei-subset.ttf: WenQuanYi Micro Hei (Debian fonts-wqy-microhei) cut down to the
# characters the PDF tests draw (every character of the shared corpus and of the test sources, printable ASCII,
# CJK punctuation). Dev-time only: needs fonts-wqy-microhei and python3-fonttools (Debian packages).
# Run it after new characters appear in ../shared/corpus or in a test that writes PDFs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
corpus="${POLICYGATE_CORPUS:-$repo/../shared/corpus}"
src=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
chars="$(mktemp)"
trap 'rm -f "$chars"' EXIT
/usr/bin/python3 - "$corpus" "$repo/src/test" > "$chars" <<'PY'
import pathlib, sys, unicodedata
seen = set(chr(c) for c in range(0x20, 0x7f)) | set(chr(c) for c in range(0x3000, 0x3040)) | set(chr(c) for c in range(0xff01, 0xff5f))
for root, pattern in ((sys.argv[1], "*.txt"), (sys.argv[2], "*.java")):
    for p in pathlib.Path(root).rglob(pattern):
        seen |= set(p.read_text(encoding="utf-8", errors="ignore"))
sys.stdout.write("".join(sorted(c for c in seen if unicodedata.category(c)[0] != "C")))
PY
/usr/bin/python3 -m fontTools.subset "$src" --font-number=0 --text-file="$chars" \
  --output-file="$here/wqy-microhei-subset.ttf" --layout-features='*' --no-hinting --name-IDs='*' --notdef-outline
echo "wrote $here/wqy-microhei-subset.ttf ($(wc -c < "$here/wqy-microhei-subset.ttf") bytes, $(wc -m < "$chars") characters)"
