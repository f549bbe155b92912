#!/usr/bin/env bash
# Scaling out: throughput of POST /api/v1/assessments with one instance, then two instances of the packaged
# application on one PostgreSQL (the Kubernetes topology on one machine), measured with wrk.
#   1 instance, all cores | 2 instances, all cores | 1 instance on 1 core | 2 instances, one core each
# The pinned runs (taskset) show how the service scales when every replica gets its own CPU, which is what
# replicas on separate nodes get; the unpinned runs show what one machine gives.
#
#   bench/scale-out.sh [SECONDS=60] [CONNECTIONS=8] [POLICY=003]
# Needs wrk (Debian: wrk), python3 and PostgreSQL on 127.0.0.1:5432 (as .ci/run sets up).
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
conns="${2:-8}"
policy="${3:-003}"
corpus="${POLICYGATE_CORPUS:-../shared/corpus}"
source bench/lib/service.sh

file=$(ls "$corpus"/${policy}*.txt | head -n 1)
write_post_script "$file" "scale-out bench"
schema="bench_scale_$(date +%s)"

stop_instances() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }

# wrk on each port at once, connections split between them; prints total req/s, p50, p99, errors
load() {
  local each=$(( conns / $# ))
  for port in "$@"; do
    # warm-up: JIT and the KieBase cache
    wrk -t1 -c"$each" -d10s -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/assessments" >/dev/null
  done
  local loaders=()
  for port in "$@"; do
    wrk -t1 -c"$each" -d"${secs}s" --latency -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/assessments" \
      > "$work/wrk-$port.txt" &
    loaders+=($!)
  done
  wait "${loaders[@]}"
  python3 - "$work" "$@" <<'PY'
import re, sys, pathlib
work, ports = pathlib.Path(sys.argv[1]), sys.argv[2:]
def ms(v):
    n, unit = float(re.match(r'([\d.]+)', v).group(1)), re.sub(r'[\d.]', '', v)
    return n * {'us': 0.001, 'ms': 1, 's': 1000, 'm': 60000}[unit]
rps, p50, p99, errors = 0.0, [], [], 0
for p in ports:
    t = (work / f'wrk-{p}.txt').read_text()
    rps += float(re.search(r'Requests/sec:\s+([\d.]+)', t).group(1))
    p50.append(ms(re.search(r'\n\s+50%\s+(\S+)', t).group(1)))
    p99.append(ms(re.search(r'\n\s+99%\s+(\S+)', t).group(1)))
    m = re.search(r'Non-2xx or 3xx responses: (\d+)', t)
    errors += int(m.group(1)) if m else 0
    m = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', t)
    errors += sum(map(int, m.groups())) if m else 0
print(f"{rps:8.1f} req/s   p50 {max(p50):7.1f} ms   p99 {max(p99):7.1f} ms   errors {errors}")
PY
}

size=$(wc -c < "$file")
echo "bench: POST /api/v1/assessments with $(basename "$file") ($size bytes), ${secs}s, $conns connections, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
start_service 18281 all "$schema"
printf '1 instance,  all cores   '; load 18281
start_service 18282 all "$schema"
printf '2 instances, all cores   '; load 18281 18282
stop_instances
start_service 18281 0 "$schema"
printf '1 instance,  1 core      '; load 18281
start_service 18282 1 "$schema"
printf '2 instances, 1 core each '; load 18281 18282
stop_instances
echo "bench: every assessment above was stored in PostgreSQL schema $schema"
