#!/usr/bin/env bash
# Benchmark of the submission gate on a batch: makes N policies of about 15 KB by shuffling the sections of
# the corpus policies (in a temporary directory, deleted afterwards), then times
#   ./policygate check DIR --threads T
# including JVM start-up, and reports the per-policy median from the run's --summary-json.
#
#   bench/gate-batch.sh [N=500] [THREADS=2]        (corpus: POLICYGATE_CORPUS or ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-500}"
threads="${2:-2}"
corpus="${POLICYGATE_CORPUS:-../shared/corpus}"
[ -d "$corpus" ] || { echo "bench: corpus not found at $corpus" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench: needs python3 to make the policies" >&2; exit 2; }
[ -f target/policygate-cli.jar ] || ./mvnw -q -DskipTests package

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/policies"

python3 - "$corpus" "$work/policies" "$n" <<'PY'
import pathlib, random, re, sys
corpus, out, n = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
heading = re.compile(r'^\s*[一二三四五六七八九十]+[、.．]')
preambles, sections = [], []
for f in sorted(list(corpus.glob('*.txt')) + list(corpus.glob('dev/*.txt'))):
    cur, pre = None, []
    for line in f.read_text(encoding='utf-8').splitlines():
        if heading.match(line) and len(line.strip()) <= 40:
            if cur is not None:
                sections.append('\n'.join(cur))
            cur = [line]
        elif cur is None:
            pre.append(line)
        else:
            cur.append(line)
    if cur is not None:
        sections.append('\n'.join(cur))
    preambles.append('\n'.join(pre[:40]))
rng = random.Random(20261123)
numerals = '一二三四五六七八九十'
for i in range(n):
    parts, size = [rng.choice(preambles)], 0
    size = len(parts[0].encode())
    k = 0
    while size < 15000:
        s = rng.choice(sections)
        if len(s.encode()) > 9000:
            s = s[:3000]
        k += 1
        body = heading.sub(numerals[(k - 1) % 10] + '、', s, count=1)
        parts.append(body)
        size += len(body.encode()) + 1
    (out / f'policy_{i:04d}.txt').write_text('\n'.join(parts) + '\n', encoding='utf-8')
PY

count=$(find "$work/policies" -name '*.txt' | wc -l)
bytes=$(du -sb "$work/policies" | cut -f1)
echo "bench: $count policies, $((bytes / count)) bytes on average, --threads $threads, $(nproc) CPUs"
start=$(date +%s.%N)
set +e
./policygate check "$work/policies" --threads "$threads" --quiet --summary-json "$work/summary.json" > "$work/out.txt"
code=$?
set -e
end=$(date +%s.%N)
tail -1 "$work/out.txt"
python3 - "$work/summary.json" "$start" "$end" "$code" <<'PY'
import json, statistics, sys
s = json.load(open(sys.argv[1]))
ms = [r['millis'] for r in s['results'] if 'millis' in r]
wall = float(sys.argv[3]) - float(sys.argv[2])
print(f"bench: wall {wall:.1f} s including JVM start (target <= 30 s); check itself {s['wallMillis'] / 1000:.1f} s; "
      f"per policy median {statistics.median(ms):.0f} ms, p90 {sorted(ms)[int(len(ms) * 0.9)]} ms; "
      f"{len(ms) / wall:.1f} policies/s; exit code {sys.argv[4]}")
PY
