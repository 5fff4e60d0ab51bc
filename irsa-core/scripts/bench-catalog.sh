#!/usr/bin/env bash
# Runs the catalog JMH benchmark (irsa-core/src/test/java/dev/irsa/core/catalog/bench/CatalogBenchmark.java).
# Usage: irsa-core/scripts/bench-catalog.sh [JMH options]   e.g.  -rf json -rff /tmp/catalog.json
# Compare coldExpandPrefix (first use of S3 in a fresh catalog: reads and parses its gzipped file)
# with warmExpandPrefix (the same call afterwards) as a ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q test-compile -pl irsa-core
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -ntp -q dependency:build-classpath -pl irsa-core -DincludeScope=test -Dmdep.outputFile="$cp_file"
java -cp "irsa-core/target/test-classes:irsa-core/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main CatalogBenchmark "$@"
