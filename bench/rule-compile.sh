#!/usr/bin/env bash
# Rule compile benchmark: the full pack through the executable model, the bytecode verifier and the budget
# instrumentation into a KieBase; cold and warm. Pinned to one core (taskset) so the numbers mean "one core".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
pin=""; command -v taskset >/dev/null && pin="taskset -c 0"
exec $pin java -Xms1g -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    dev.policygate.bench.RuleCompileBench
