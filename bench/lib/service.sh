# Shared by the load benchmarks (scale-out.sh, soak.sh): source it from the repository root.
# Gives: $work (a temporary directory, removed on exit with every started process), start_service, and
# write_post_script, which writes $work/body.json and the wrk script $work/post.lua that posts it.
pg="${POLICYGATE_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}"
BENCH_ADMIN_PASSWORD=bench-admin-Secret-1
BENCH_AUTHOR_PASSWORD=bench-author-Secret-1
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench: needs python3" >&2; exit 2; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -ntp -DskipTests package

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# write_post_script POLICY_FILE TITLE: the JSON body and a wrk script posting it to /api/v1/assessments
write_post_script() {
  python3 - "$1" "$2" "$work/body.json" <<'PY'
import json, sys
text = open(sys.argv[1], encoding='utf-8').read()
json.dump({"text": text, "title": sys.argv[2]}, open(sys.argv[3], 'w', encoding='utf-8'), ensure_ascii=False)
PY
  cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/body.json", "rb"); wrk.body = f:read("*a"); f:close()
LUA
}

# management_port PORT: where the instance on PORT answers health and metrics (quarkus.management.port)
management_port() {
  echo $(( $1 + 1000 ))
}

# start_service PORT CPUS SCHEMA: the packaged application in the prod profile on PostgreSQL schema SCHEMA,
# on all cores (CPUS=all) or pinned with taskset; returns when it is ready, its pid last in $pids
start_service() {
  local port=$1 cpus=$2 schema=$3
  # BENCH_JAVA_OPTS: extra JVM options, e.g. a JFR recording (throughput.sh PROFILE=1)
  local cmd=(java ${BENCH_JAVA_OPTS:-} -Xmx768m -jar target/quarkus-app/quarkus-run.jar)
  [ "$cpus" = all ] || cmd=(taskset -c "$cpus" "${cmd[@]}")
  QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT="$(management_port "$port")" QUARKUS_DATASOURCE_JDBC_URL="$pg?currentSchema=$schema" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=bench-only-secret \
  QUARKUS_FLYWAY_SCHEMAS=$schema QUARKUS_FLYWAY_CREATE_SCHEMAS=true QUARKUS_LOG_CONSOLE_LEVEL=WARN \
  POLICYGATE_RULES_DIR=rules POLICYGATE_ADMIN_PASSWORD=$BENCH_ADMIN_PASSWORD \
  POLICYGATE_AUTHOR_PASSWORD=$BENCH_AUTHOR_PASSWORD POLICYGATE_REVIEWER_PASSWORD=bench-reviewer-Secret-1 \
  QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=bench-only-session-key-0123456789abcdef \
  POLICYGATE_AUDIT_HMAC_KEY=bench-only-audit-hmac-key-0123456789abcdef \
    "${cmd[@]}" > "$work/app-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$(management_port "$port")/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "bench: instance on $port did not start:" >&2; cat "$work/app-$port.log" >&2; exit 1
}
