#!/usr/bin/env bash
# Pipeline benchmark: extraction per corpus policy, growth with size, rule compile and evaluation times.
# Pin to one core (taskset) so the numbers mean "one core".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
pin=""; command -v taskset >/dev/null && pin="taskset -c 0"
exec $pin java -Xms1g -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    dev.policygate.bench.PipelineBench
