#!/usr/bin/env bash
# Policy × obligation table for the README (DETAIL=1 adds every finding's rationale and evidence).
# Default: the five government policies in ../shared/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- ../shared/corpus/*.txt
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.policygate.bench.CorpusTable "$@"
