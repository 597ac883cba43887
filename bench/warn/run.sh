#!/usr/bin/env bash
# Warn detector benchmark (not a test): Farrington and Noufaily over the same seeded weekly
# series (1,000 series of 312 weeks by default), Vigil (warn_bench, one thread) against R
# surveillance (bench_r.R) in one run. Both read one CSV written once by warn_bench --generate and
# time detection only; the evaluated weeks are 264..312, the first with five full years of
# reference data for both methods. Prints both times — CPU time (user + system), the fair measure
# on a shared machine, and wall time — the CPU-time ratio and the alarm counts of both sides (equal
# when the two do the same work). With --record, appends the result to docs/benchmarks.md.
# Usage: bench/warn/run.sh [--series N] [--record]   (BUILD_DIR defaults to build)
set -euo pipefail
cd "$(dirname "$0")/../.."

build=${BUILD_DIR:-build}
series=1000
record=false
while [ $# -gt 0 ]; do
  case "$1" in
    --series) series=$2; shift ;;
    --record) record=true ;;
    *) echo "usage: bench/warn/run.sh [--series N] [--record]" >&2; exit 2 ;;
  esac
  shift
done
command -v Rscript >/dev/null || { echo "bench/warn/run.sh: needs Rscript with r-cran-surveillance" >&2; exit 1; }
bin=$build/bench/warn_bench
[ -x "$bin" ] || { echo "bench/warn/run.sh: build $bin first (cmake --build $build --target warn_bench)" >&2; exit 1; }

csv=$build/bench/warn_series.csv
"$bin" --generate "$csv" --series "$series" --weeks 312
vigil=$("$bin" --in "$csv" --range 264:312)
r=$(Rscript bench/warn/bench_r.R "$csv" 264 312)

version=$(Rscript -e 'cat(as.character(packageVersion("surveillance")))')
table="| method | series | weeks evaluated | alarms Vigil / R | Vigil CPU (wall) | R surveillance $version CPU (wall) | Vigil faster by (CPU) |
|---|---|---|---|---|---|---|"
for method in farrington noufaily; do
  read -r _ n points alarms_v cpu_v wall_v <<<"$(grep "^$method " <<<"$vigil")"
  read -r _ _ _ alarms_r cpu_r wall_r <<<"$(grep "^$method " <<<"$r")"
  ratio=$(awk -v r="$cpu_r" -v v="$cpu_v" 'BEGIN { printf "%.0f×", r / v }')
  table="$table
| $method | $n | $points | $alarms_v / $alarms_r | ${cpu_v} s (${wall_v} s) | ${cpu_r} s (${wall_r} s) | $ratio |"
done
echo "$table"

if $record; then
  cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
  {
    echo
    echo "### $(date -u +%Y-%m-%d) — \`bench/warn/run.sh --series $series --record\`"
    echo
    echo "Machine: $(nproc) cores, $cpu; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (other builds"
    echo "were running); Vigil $build (Release, one thread), R $(Rscript -e 'cat(R.version$major, R.version$minor, sep=".")')."
    echo
    echo "$table"
  } >>docs/benchmarks.md
  echo "recorded in docs/benchmarks.md"
fi
