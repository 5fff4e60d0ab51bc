#!/usr/bin/env bash
# The audit from files at growing sizes: generates snapshots of N service accounts, N pods and N roles
# (generate-snapshot.py), runs `irsa audit` on each with the runnable jar, and prints per N the time to
# read the files and the time of the audit itself, wall clock and CPU of the main thread (the CPU figure
# is the fair one on a loaded machine), the peak RSS and CPU (user+sys, all threads: JIT and GC included) of the
# process, and the ratios to the smallest N. IRSA_BENCH_JAVA_OPTS passes JVM options (e.g. -Xmx512m).
#   mvn -B -ntp -q package -DskipTests && irsa-verify/scripts/audit-bench.sh [N...]   # default: 1000 10000 20000
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=examples/target/irsa-examples.jar
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -ntp -q package -DskipTests" >&2; exit 2; }
SIZES=("${@:-1000}")
[ $# -gt 0 ] || SIZES=(1000 10000 20000)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
printf '%8s %10s %10s %10s %10s %8s %9s %9s\n' N read_ms read_cpu audit_ms audit_cpu findings rss_mb proc_cpu
first=""
for n in "${SIZES[@]}"; do
  d="$WORK/$n"
  python3 irsa-verify/scripts/generate-snapshot.py "$n" "$d"
  set +e
  /usr/bin/time -f '%M %U %S' -o "$d/rss" java ${IRSA_BENCH_JAVA_OPTS:-} -jar "$JAR" audit --k8s "$d/k8s.json" --k8s "$d/webhooks.json" \
    --iam "$d/iam.json" --oidc-providers "$d/oidc-providers.json" --cluster "$d/cluster.json" >"$d/out.json" 2>"$d/err.txt"
  rc=$?
  set -e
  [ "$rc" -le 1 ] || { cat "$d/err.txt" >&2; exit "$rc"; }
  read_line=$(grep '^snapshot: ' "$d/err.txt")
  audit_line=$(grep '^audit: .* findings in ' "$d/err.txt")
  read_ms=$(sed -E 's/.* in ([0-9]+) ms \(cpu ([0-9]+) ms\)$/\1/' <<<"$read_line")
  read_cpu=$(sed -E 's/.* in ([0-9]+) ms \(cpu ([0-9]+) ms\)$/\2/' <<<"$read_line")
  audit_ms=$(sed -E 's/.* in ([0-9]+) ms \(cpu ([0-9]+) ms\)$/\1/' <<<"$audit_line")
  audit_cpu=$(sed -E 's/.* in ([0-9]+) ms \(cpu ([0-9]+) ms\)$/\2/' <<<"$audit_line")
  findings=$(sed -E 's/.*; ([0-9]+) findings in.*/\1/' <<<"$audit_line")
  read -r rss_kb user sys < <(tail -1 "$d/rss")
  rss=$(( rss_kb / 1024 ))
  proc=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1fs", u + s }')
  printf '%8s %10s %10s %10s %10s %8s %9s %9s\n' "$n" "$read_ms" "$read_cpu" "$audit_ms" "$audit_cpu" "$findings" "$rss" "$proc"
  if [ -z "$first" ]; then
    first="$n $read_cpu $audit_cpu"
  else
    set -- $first
    awk -v n="$n" -v n0="$1" -v r="$read_cpu" -v r0="$2" -v a="$audit_cpu" -v a0="$3" 'BEGIN {
      printf "         %gx the input: read cpu %.1fx, audit cpu %.1fx\n", n / n0, r / (r0 ? r0 : 1), a / (a0 ? a0 : 1) }'
  fi
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
