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
pg="${POLICYGATE_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}"
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench: needs python3" >&2; exit 2; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -ntp -DskipTests package

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

file=$(ls "$corpus"/${policy}*.txt | head -n 1)
python3 - "$file" "$work/body.json" <<'PY'
import json, sys
text = open(sys.argv[1], encoding='utf-8').read()
json.dump({"text": text, "title": "scale-out bench"}, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
PY
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/body.json", "rb"); wrk.body = f:read("*a"); f:close()
LUA
schema="bench_scale_$(date +%s)"

start_instance() { # port cpus
  local port=$1 cpus=$2
  local cmd=(java -Xmx768m -jar target/quarkus-app/quarkus-run.jar)
  [ "$cpus" = all ] || cmd=(taskset -c "$cpus" "${cmd[@]}")
  QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL="$pg?currentSchema=$schema" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=bench-only-secret \
  QUARKUS_FLYWAY_SCHEMAS=$schema QUARKUS_FLYWAY_CREATE_SCHEMAS=true QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  POLICYGATE_RULES_DIR=rules POLICYGATE_ADMIN_PASSWORD=bench-admin-Secret-1 \
  POLICYGATE_AUTHOR_PASSWORD=bench-author-Secret-1 POLICYGATE_REVIEWER_PASSWORD=bench-reviewer-Secret-1 \
  QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=bench-only-session-key-0123456789abcdef \
    "${cmd[@]}" > "$work/app-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "bench: instance on $port did not start:" >&2; cat "$work/app-$port.log" >&2; exit 1
}
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
start_instance 18281 all
printf '1 instance,  all cores   '; load 18281
start_instance 18282 all
printf '2 instances, all cores   '; load 18281 18282
stop_instances
start_instance 18281 0
printf '1 instance,  1 core      '; load 18281
start_instance 18282 1
printf '2 instances, 1 core each '; load 18281 18282
stop_instances
echo "bench: every assessment above was stored in PostgreSQL schema $schema"
