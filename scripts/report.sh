#!/usr/bin/env bash
# The benchmark report (README's main command): builds strata, runs the benchmark harness over
# every kernel, layer and ISA this machine runs, and writes a report folder.
#   scripts/report.sh [--quick] [--filter REGEX] [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=report
filter=""
min_time=0.2
reps=3
while (($#)); do
  case "$1" in
    --quick) min_time=0.05; reps=1 ;;
    --filter) filter="$2"; shift ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "report.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
scripts/setup.sh bench
cmake --preset release >/dev/null
cmake --build --preset release --target strata_bench
mkdir -p "$out"
args=(--benchmark_min_time="$min_time" --benchmark_out="$out/bench.json" --benchmark_out_format=json)
if ((reps > 1)); then
  args+=(--benchmark_repetitions="$reps" --benchmark_enable_random_interleaving=true
         --benchmark_report_aggregates_only=true)
fi
[[ -n "$filter" ]] && args+=(--benchmark_filter="$filter")
echo "report: running the benchmarks (results stream below; JSON to $out/bench.json)"
build/release/bench/strata_bench "${args[@]}"
/usr/bin/python3 bench/report.py "$out/bench.json" --out "$out"
