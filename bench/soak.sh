#!/usr/bin/env bash
# Soak: the packaged application on PostgreSQL under steady load for 10 minutes (wrk posting a corpus policy to
# POST /api/v1/assessments), while a second client keeps changing the rules: every 10 s it updates an obligation
# (a new rule-set version), activates it, and assesses against an older version, so far more versions get
# compiled than the KieBase cache keeps (8). Reports throughput, p50/p99 latency, errors, and the heap after a
# full GC every minute: it grows while the cache fills, then must stay flat (the cache is bounded).
#
#   bench/soak.sh [SECONDS=600] [CONNECTIONS=4] [POLICY=003]
# Needs wrk (Debian: wrk), python3, jcmd (the JDK) and PostgreSQL on 127.0.0.1:5432 (as .ci/run sets up).
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-600}"
conns="${2:-4}"
policy="${3:-003}"
corpus="${POLICYGATE_CORPUS:-../shared/corpus}"
port=18381
command -v jcmd >/dev/null || { echo "bench: needs jcmd (a JDK)" >&2; exit 2; }
source bench/lib/service.sh

file=$(ls "$corpus"/${policy}*.txt | head -n 1)
write_post_script "$file" "soak"
cat >> "$work/post.lua" <<LUA
-- count the answers that are not 201 by status, across threads
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) failed = {}; sample = {} end
function response(status, headers, body)
  if status ~= 201 then
    failed[status] = (failed[status] or 0) + 1
    if not sample[status] then sample[status] = string.sub(body, 1, 300) end
  end
end
function done(summary, latency, requests)
  local all, bodies = {}, {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("failed")) do all[status] = (all[status] or 0) + n end
    for status, b in pairs(t:get("sample")) do bodies[status] = b end
  end
  for status, n in pairs(all) do
    io.write(string.format("status %d: %d\n", status, n))
    io.write(string.format("  e.g. %s\n", bodies[status]))
  end
end
LUA
schema="bench_soak_$(date +%s)"
start_service "$port" all "$schema"
app=${pids[-1]}

# heap in use right after a full GC, in MB: the least of three GCs 3 s apart, so that a rule compile or a
# request in progress at one of them (transient, but live at that moment) does not count as retained
heap_after_gc() {
  for _ in 1 2 3; do
    jcmd "$app" GC.run >/dev/null
    jcmd "$app" GC.heap_info | python3 -c '
import re, sys
t = sys.stdin.read()
m = re.search(r"total (\d+)K, used (\d+)K", t)
print(f"{int(m.group(2)) / 1024:.1f}")'
    sleep 3
  done | sort -n | head -n 1
}

echo "bench: soak of POST /api/v1/assessments with $(basename "$file") ($(wc -c < "$file") bytes), ${secs}s, $conns connections, rule changes every 10 s, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t1 -c"$conns" -d30s -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/assessments" >/dev/null  # warm-up
heap_start=$(heap_after_gc)

# the rule-changing client: update, activate, assess against an old version; counts its failures
python3 - "$port" "$BENCH_AUTHOR_PASSWORD" "$BENCH_ADMIN_PASSWORD" "$secs" "$work/body.json" > "$work/churn.txt" 2>&1 <<'PY' &
import base64, json, sys, time, urllib.request, urllib.error
port, author, admin, secs, body_file = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
base = f"http://127.0.0.1:{port}/api/v1"
def call(method, path, user=None, body=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if user:
        req.add_header("Authorization", "Basic " + base64.b64encode(f"{user[0]}:{user[1]}".encode()).decode())
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read() or b"null")
policy = json.load(open(body_file, encoding="utf-8"))
ob = call("GET", "/obligations/HANDLER_IDENTITY")
changes = failures = 0
end = time.time() + secs
while time.time() < end:
    try:
        ob["titleEn"] = f"Handler identity (soak change {changes})"
        v = call("PUT", "/obligations/HANDLER_IDENTITY", ("author", author), ob)["ruleSetVersion"]
        call("POST", f"/rulesets/{v}/activate", ("admin", admin))
        old = max(1, v - 9)   # older than anything the cache keeps
        call("POST", "/assessments", None, dict(policy, ruleSetVersion=old))
        changes += 1
    except Exception as e:
        failures += 1
        detail = e.read().decode("utf-8", "replace")[:300] if isinstance(e, urllib.error.HTTPError) else ""
        print("churn failure:", e, detail, file=sys.stderr)
    time.sleep(10)
print(f"{changes} rule changes (new version, activation, assessment on an old version), {failures} failures")
PY
churn=$!
pids+=($churn)

# the heap after a full GC every minute, with the number of rule-set versions at that moment
( t=0; while [ $t -lt "$secs" ]; do sleep 60; t=$((t + 60))
    v=$(curl -fs "http://127.0.0.1:$port/api/v1/rulesets" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
    echo "$t $(heap_after_gc) $v"
  done > "$work/heap.txt" ) &
sampler=$!
pids+=($sampler)

# a long timeout: a request that waits behind a rule compile is slow, not failed
wrk -t1 -c"$conns" -d"${secs}s" --timeout 30s --latency -s "$work/post.lua" "http://127.0.0.1:$port/api/v1/assessments" > "$work/wrk.txt"
wait "$churn" || true
wait "$sampler" || true
heap_end=$(heap_after_gc)
versions=$(curl -fs "http://127.0.0.1:$port/api/v1/rulesets" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')

python3 - "$work/wrk.txt" "$heap_start" "$heap_end" "$work/heap.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', t).group(1))
total = int(re.search(r'(\d+) requests in', t).group(1))
p50 = re.search(r'\n\s+50%\s+(\S+)', t).group(1)
p99 = re.search(r'\n\s+99%\s+(\S+)', t).group(1)
m = re.search(r'Non-2xx or 3xx responses: (\d+)', t)
errors = int(m.group(1)) if m else 0
m = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', t)
errors += sum(map(int, m.groups())) if m else 0
start, end = float(sys.argv[2]), float(sys.argv[3])
codes = ", ".join(re.findall(r'status (\d+: \d+)', t))
print(f"assessments: {total} in total, {rps:.1f} req/s, p50 {p50}, p99 {p99}, errors {errors}" + (f" ({codes})" if codes else ""))
for example in re.findall(r'  e\.g\. (.*)', t):
    print("  e.g.", example)
print(f"heap after full GC: start {start:.1f} MB, end {end:.1f} MB ({(end - start) / start * 100:+.1f}%)")
for line in open(sys.argv[4]):
    t, mb, versions = line.split()
    print(f"  after {int(t):4d} s: {float(mb):6.1f} MB, {versions} rule-set versions")
samples = [l.split() for l in open(sys.argv[4])]
full = [float(mb) for t, mb, v in samples if int(v) > 8]
if len(full) >= 2:
    print(f"once more versions exist than the cache keeps: {full[0]:.1f} MB -> {full[-1]:.1f} MB "
          f"({(full[-1] - full[0]) / full[0] * 100:+.1f}%)")
PY
cat "$work/churn.txt"
echo "rule-set versions at the end: $versions (the KieBase cache keeps 8)"
