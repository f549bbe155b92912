#!/usr/bin/env bash
# Throughput of POST /api/v1/assessments: the packaged application (prod profile) on PostgreSQL, wrk with
# CONNECTIONS connections for SECONDS after a 10 s warm-up, posting corpus policy POLICY; then GET /q/health/live (management port)
# the same way, so the ratio shows what an assessment costs next to the cheapest request of the same server.
#
#   bench/throughput.sh [SECONDS=20] [CONNECTIONS=4] [POLICY=001]
#   PROFILE=1 bench/throughput.sh   also records JFR during the measured run and prints the hottest methods
#   DISTINCT=1 bench/throughput.sh  every request a text never assessed before (the policy with a numbered line
#                                   appended), so no request meets a stored result: extraction and evaluation
#                                   every time, as for a store's stream of new submissions
# Needs wrk (Debian: wrk), python3 and PostgreSQL on 127.0.0.1:5432 (as .ci/run sets up).
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-20}"
conns="${2:-4}"
policy="${3:-001}"
corpus="${POLICYGATE_CORPUS:-../shared/corpus}"
source bench/lib/service.sh

file=$(ls "$corpus"/${policy}*.txt | head -n 1)
write_post_script "$file" "throughput bench"
if [ "${DISTINCT:-0}" = 1 ]; then
  # the body split before the text's closing quote; each wrk thread numbers its requests from its own id
  python3 - "$work/body.json" "$work/body" <<'PY'
import sys
body = open(sys.argv[1], encoding='utf-8').read()
cut = body.index('", "title"')
open(sys.argv[2] + '.head', 'w', encoding='utf-8').write(body[:cut])
open(sys.argv[2] + '.tail', 'w', encoding='utf-8').write(body[cut:])
PY
  cat > "$work/post.lua" <<LUA
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
local function slurp(p) local f = io.open(p, "rb"); local s = f:read("*a"); f:close(); return s end
local head, tail = slurp("$work/body.head"), slurp("$work/body.tail")
local n = 0
function request()
  n = n + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"},
    head .. "\\\\n本文本编号 " .. tid .. "-" .. n .. "-" .. os.time() .. "。" .. tail)
end
LUA
fi
schema="bench_tp_$(date +%s)"
port=18291

# wrk against a URL; prints "req/s p50 p99 errors" (ms) for the summary below
measure() {
  wrk -t2 -c"$conns" -d"${secs}s" --timeout 30s --latency "$@" > "$work/wrk.txt"
  python3 - "$work/wrk.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def ms(v):
    n, unit = float(re.match(r'([\d.]+)', v).group(1)), re.sub(r'[\d.]', '', v)
    return n * {'us': 0.001, 'ms': 1, 's': 1000, 'm': 60000}[unit]
errors = 0
m = re.search(r'Non-2xx or 3xx responses: (\d+)', t)
errors += int(m.group(1)) if m else 0
m = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', t)
errors += sum(map(int, m.groups())) if m else 0
print(float(re.search(r'Requests/sec:\s+([\d.]+)', t).group(1)), ms(re.search(r'\n\s+50%\s+(\S+)', t).group(1)),
      ms(re.search(r'\n\s+99%\s+(\S+)', t).group(1)), errors)
PY
}

echo "bench: POST /api/v1/assessments with $(basename "$file") ($(wc -c < "$file") bytes), ${secs}s, $conns connections," \
     "$(nproc) CPUs, load before start $(cut -d' ' -f1-3 /proc/loadavg)"
start_service "$port" all "$schema"
url="http://127.0.0.1:$port"
wrk -t2 -c"$conns" -d10s -s "$work/post.lua" "$url/api/v1/assessments" > /dev/null   # warm-up
if [ "${PROFILE:-0}" = 1 ]; then
  jcmd "${pids[-1]}" JFR.configure stackdepth=512 > /dev/null
  jcmd "${pids[-1]}" JFR.start name=throughput settings=profile duration="${secs}s" filename="$work/run.jfr" > /dev/null
fi
read -r rps p50 p99 errors < <(measure -s "$work/post.lua" "$url/api/v1/assessments")
read -r live lp50 lp99 lerrors < <(measure "http://127.0.0.1:$(management_port "$port")/q/health/live")
python3 - "$rps" "$p50" "$p99" "$errors" "$live" "$lp50" "$lp99" "$lerrors" <<'PY'
import sys
rps, p50, p99, errors, live, lp50, lp99, lerrors = map(float, sys.argv[1:])
print(f"assessments   {rps:8.1f} /s   p50 {p50:7.1f} ms   p99 {p99:7.1f} ms   errors {int(errors)}")
print(f"health/live   {live:8.1f} /s   p50 {lp50:7.1f} ms   p99 {lp99:7.1f} ms   errors {int(lerrors)}")
print(f"ratio         {rps / live:8.4f}   (assessments per health check)")
PY
echo "bench: load at the end $(cut -d' ' -f1-3 /proc/loadavg); assessments stored in PostgreSQL schema $schema"
if [ "${PROFILE:-0}" = 1 ]; then
  for _ in $(seq 1 30); do [ -s "$work/run.jfr" ] && break; sleep 1; done
  jfr print --events jdk.ExecutionSample "$work/run.jfr" > "$work/samples.txt"
  python3 - "$work/samples.txt" <<'PY'
import collections, re, sys
top, self_, by_phase = collections.Counter(), collections.Counter(), collections.Counter()
phases = [("ingest", "dev.policygate.ingest."), ("extract", "dev.policygate.extract."),
          ("evaluate", "dev.policygate.rules.RuleEvaluator"), ("remedies", "dev.policygate.remedy."),
          ("jackson", "com.fasterxml.jackson."), ("hibernate/jdbc", "org.hibernate."),
          ("postgres driver", "org.postgresql.")]
n = 0
for block in open(sys.argv[1], encoding='utf-8').read().split('jdk.ExecutionSample')[1:]:
    frames = re.findall(r'^\s+([\w.$<>]+\(.*?\))\s+line:', block, re.M)
    if not frames:
        continue
    n += 1
    self_[frames[0]] += 1
    names = set(re.sub(r'\(.*', '', fr) for fr in frames)
    for f in names:
        top[f] += 1
    for name, prefix in phases:
        if any(f.startswith(prefix) for f in names):
            by_phase[name] += 1
print(f"JFR: {n} samples; hottest methods (self):")
for f, c in self_.most_common(15):
    print(f"  {100 * c / n:5.1f}%  {f}")
print("in the stack of (total):")
for f, c in [x for x in top.most_common(200) if x[0].startswith('dev.policygate')][:25]:
    print(f"  {100 * c / n:5.1f}%  {f}")
print("by phase (share of samples whose stack is in it):")
for name, _ in phases:
    print(f"  {name:16s} {100 * by_phase[name] / n:5.1f}%")
PY
fi
