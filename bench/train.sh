#!/usr/bin/env bash
# Trains the sentence classifier on the labelled policies and writes the model the product ships
# (src/main/resources/classifier/sentence-areas.tsv). Deterministic: the same data give the same file.
# Then: git diff --stat src/main/resources/classifier/ and ./policygate eval ../shared/corpus/labelled
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/corpus/labelled}"
./mvnw -B -q -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/train-classpath.txt
exec java -Xmx2g -cp "target/classes:$(cat target/train-classpath.txt)" dev.policygate.cli.PolicygateCli \
    train "$data" -o src/main/resources/classifier/sentence-areas.tsv
