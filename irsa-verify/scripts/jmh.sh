#!/usr/bin/env bash
# Runs irsa-verify's JMH benchmarks (EvaluatorBenchmark) from the repository root.
#   irsa-verify/scripts/jmh.sh                 # all benchmarks
#   irsa-verify/scripts/jmh.sh seedPolicy -f 1 # JMH arguments pass through
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -pl irsa-verify -am
cd irsa-verify
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main \
  "dev.irsa.verify.bench.EvaluatorBenchmark.${1:-}" "${@:2}"
