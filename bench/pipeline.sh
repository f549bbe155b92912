#!/usr/bin/env bash
# Pipeline benchmark: extraction per corpus policy, growth with size, rule compile and evaluation times; then the
# 15 KB extraction again in FORKS separate JVMs (default 5), since one JVM's number varies with its JIT compiler.
# Pin to one core (taskset) so the numbers mean "one core".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
pin=""; command -v taskset >/dev/null && pin="taskset -c 0"
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
$pin java -Xms1g -Xmx1g -cp "$cp" dev.policygate.bench.PipelineBench
forks=${FORKS:-5}
echo "== 15 KB in $forks JVMs (ingest + extract; median of 500 runs after 3000 warm-up, each JVM)"
ms=()
for i in $(seq "$forks"); do
    ms+=("$($pin java -Xms1g -Xmx1g -cp "$cp" dev.policygate.bench.ExtractionFork 2>/dev/null | tail -1)")
    echo "  JVM $i: ${ms[-1]} ms"
done
printf '%s\n' "${ms[@]}" | sort -n | awk '{a[NR] = $1} END {
    printf "  median of the JVMs %.2f ms (fastest %.2f, slowest %.2f)\n", a[int((NR + 1) / 2)], a[1], a[NR] }'
