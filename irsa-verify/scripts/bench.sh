#!/usr/bin/env bash
# irsa's `evaluate` against iam-simulate (AGPL; run only as a separate node process through irsa's
# own driver, as the differential test does), through the front doors users run, in one run:
#   1. end to end: the whole process, JSON Lines in, results out, on the 20,000-case mixed corpus
#      (the median wall time of three runs each, run alternately, and the largest peak RSS; the
#      corpus is the differential test's, seed 42)
#   2. decisions after compiling: irsa `evaluate --bench` (cases parsed and compiled once, a policy
#      that several cases hold compiled once for all of them, a garbage collection, then every case
#      decided 20 times on one thread, timed) vs the driver's --bench (iam-simulate's runSimulation
#      per case, which parses and checks the case's policies on every call: its front door has no
#      other way)
#   3. cold start: one case, the whole process, best of 5
#   4. a million cases (the corpus 50 times through a pipe) under -Xmx256m: wall, peak RSS,
#      cases/s compared with figure 1's cases/s
# Usage: irsa-verify/scripts/bench.sh [--cases N] [--big N] [--no-build]   (from anywhere; needs java, node, npm)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
cases=20000
big=1000000
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) cases="$2"; shift 2 ;;
    --big) big="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--cases N] [--big N] [--no-build]" >&2; exit 2 ;;
  esac
done
out="$root/irsa-verify/target/bench"
peer="$root/irsa-verify/target/differential/iam-simulate"
mkdir -p "$out" "$peer"

if [ "$build" = 1 ]; then
  echo "building (mvn package -DskipTests, irsa-verify test classes)..." >&2
  mvn -B -ntp -q package -DskipTests
  mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -pl irsa-verify -am
fi
if [ ! -d "$peer/node_modules/@cloud-copilot/iam-simulate" ]; then
  echo "installing @cloud-copilot/iam-simulate with npm into $peer..." >&2
  npm install --no-audit --no-fund --prefix "$peer" @cloud-copilot/iam-simulate@0.1.173 >&2
fi
cp irsa-verify/src/test/resources/iam-simulate/driver.mjs "$peer/driver.mjs"

corpus="$out/cases-$cases.jsonl"
if [ ! -f "$corpus" ]; then
  echo "generating $cases cases..." >&2
  (cd irsa-verify && java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    dev.irsa.verify.diff.WriteCorpus 42 "$cases" "$corpus" ../irsa-core/src/test/resources/corpus/aws-managed-policies.json.gz)
fi
head -n 1 "$corpus" > "$out/one.jsonl"
irsa="$root/examples/scripts/irsa"
"$irsa" evaluate < "$out/one.jsonl" > /dev/null   # makes the class-data-sharing archive once

# measure <label> <stdin file> <stdout file> <command...>: sets wall (s) and rss (MB)
have_time=0
[ -x /usr/bin/time ] && have_time=1
measure() {
  local in="$2" o="$3"
  shift 3
  if [ "$have_time" = 1 ]; then
    /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" < "$in" > "$o"
    read -r wall rss_kb < "$out/time.txt"
    rss=$(( rss_kb / 1024 ))
  else
    local t0 t1
    t0=$(date +%s.%N)
    "$@" < "$in" > "$o"
    t1=$(date +%s.%N)
    wall=$(echo "$t1 - $t0" | bc)
    rss="n/a"
  fi
}
best_of_5() {
  local best=999 i
  for i in 1 2 3 4 5; do
    measure x "$1" /dev/null "${@:2}"
    best=$(echo "if ($wall < $best) $wall else $best" | bc)
  done
  wall=$best
}
lines() { wc -l < "$1" | tr -d ' '; }
json_field() { sed -E "s/.*\"$2\":([0-9.]+).*/\1/" "$1"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, load average $(cut -d' ' -f1-3 /proc/loadavg); java $(java -version 2>&1 | head -1 | cut -d'"' -f2), node $(node --version)" >&2

echo "1/4 end to end (three runs each, irsa and iam-simulate alternating)..." >&2
iw=() pw=() ir=0 pr=0
for i in 1 2 3; do
  measure x "$corpus" "$out/irsa-results.jsonl" "$irsa" evaluate
  iw+=("$wall"); [ "$rss" != n/a ] && [ "$rss" -gt "$ir" ] && ir=$rss
  [ "$(lines "$out/irsa-results.jsonl")" = "$cases" ] || { echo "irsa wrote $(lines "$out/irsa-results.jsonl") lines for $cases cases" >&2; exit 1; }
  measure x /dev/null "$out/peer-results.jsonl" node "$peer/driver.mjs" "$corpus"
  pw+=("$wall"); [ "$rss" != n/a ] && [ "$rss" -gt "$pr" ] && pr=$rss
done
irsa_wall=$(printf '%s\n' "${iw[@]}" | sort -n | sed -n 2p) irsa_rss=$ir
peer_wall=$(printf '%s\n' "${pw[@]}" | sort -n | sed -n 2p) peer_rss=$pr
echo "   irsa ${iw[*]} s; iam-simulate ${pw[*]} s (the medians are compared)" >&2

echo "2/4 decisions after compiling..." >&2
"$irsa" evaluate --bench 20 < "$corpus" > "$out/irsa-bench.json"
irsa_dps=$(json_field "$out/irsa-bench.json" decisionsPerSecond)
node "$peer/driver.mjs" "$corpus" --bench 1 > "$out/peer-bench.json"
peer_dps=$(json_field "$out/peer-bench.json" decisionsPerSecond)

echo "3/4 cold start..." >&2
best_of_5 "$out/one.jsonl" "$irsa" evaluate
irsa_one=$wall
best_of_5 /dev/null node "$peer/driver.mjs" "$out/one.jsonl"
peer_one=$wall

echo "4/4 $big cases under -Xmx256m..." >&2
repeat=$(( (big + cases - 1) / cases ))
million=$(( cases * repeat ))
mkfifo "$out/million.fifo" 2>/dev/null || true
( for _ in $(seq "$repeat"); do cat "$corpus"; done > "$out/million.fifo" ) &
JAVA_OPTS="-Xmx256m" measure x "$out/million.fifo" "$out/million-results.jsonl" "$irsa" evaluate
wait
rm -f "$out/million.fifo"
m_wall=$wall m_rss=$rss m_lines=$(lines "$out/million-results.jsonl")
rm -f "$out/million-results.jsonl"

ratio() { echo "scale=1; $1 / $2" | bc; }
printf '\n%-58s %14s %14s %8s\n' "figure (what it includes)" "irsa" "iam-simulate" "ratio"
printf '%-58s %12ss %12ss %7sx\n' "1. end to end, $cases cases, whole process (median of 3)" "$irsa_wall" "$peer_wall" "$(ratio "$peer_wall" "$irsa_wall")"
printf '%-58s %11sMB %11sMB\n' "   peak RSS of that process" "$irsa_rss" "$peer_rss"
printf '%-58s %13.0f/s %12.0f/s %7sx\n' "2. decisions after compiling (same corpus, same run)" "$irsa_dps" "$peer_dps" "$(ratio "$irsa_dps" "$peer_dps")"
printf '%-58s %12ss %12ss %7sx\n' "3. cold start: one case, whole process, best of 5" "$irsa_one" "$peer_one" "$(ratio "$irsa_one" "$peer_one")"
printf '%-58s %12ss %11sMB %8s\n' "4. $million cases via a pipe, -Xmx256m: wall, peak RSS" "$m_wall" "$m_rss" ""
printf '%-58s %13.0f/s %12s\n' "   cases/s there (figure 1's: $(echo "scale=0; $cases / $irsa_wall" | bc)/s)" "$(echo "$million / $m_wall" | bc)" ""
[ "$m_lines" = "$million" ] || { echo "the million-case run wrote $m_lines lines, not $million" >&2; exit 1; }
echo "(cold-start ratio is irsa/iam-simulate; the others are how many times faster irsa is)"
