#!/usr/bin/env bash
# The benchmark report (README's main command): builds strata, runs the benchmark harness over
# every kernel, layer and ISA this machine runs, in interleaved rounds, and writes a report folder:
#   DIR/bench.json (google-benchmark JSON, one run per row and round), DIR/report.md,
#   DIR/plots/<kernel>.png (throughput against working set with the copy ceiling; speedups).
#
#   scripts/report.sh [--quick] [--filter REGEX] [--skip REGEX] [--out DIR] [--rounds R]
#                     [--min-time S] [--threads LIST] [--budget S]
#
#   --quick        1 round of min_time 0.05 s (one pass: no spread, ratios of single runs)
#   --filter REGEX only the rows matching (google-benchmark regex on <kernel>/<variant>/<size>,
#                  e.g. 'brighten_u8/' or '/L1$' or 'data:avx2')
#   --skip REGEX   leave out the rows matching
#   --out DIR      the report folder (default: report)
#   --rounds R     interleaved rounds (default 3); --min-time S per row and round (default 0.1)
#   --threads LIST thread counts of the task rows, e.g. 1,2,4 (default 2 .. the default threads)
#   --budget S     estimated seconds the runs may take (default 300): beyond it, left out in
#                  turn: data rows of ISAs other than the best except at L1; bit/instruction
#                  rows at DRAM; L3 rows other than scalar, auto, best data and ceilings; then
#                  min_time is lowered (to 0.02 s), then rounds (to 2). 0: no budget
#
# OpenMP workers wait passively unless OMP_WAIT_POLICY is set (see docs/benchmarking.md).
set -euo pipefail
cd "$(dirname "$0")/.."
command="scripts/report.sh $*"
out=report
filter="."
skip=""
min_time=0.1
rounds=3
budget=300
while (($#)); do
  case "$1" in
    --quick) min_time=0.05; rounds=1 ;;
    --filter) filter="$2"; shift ;;
    --skip) skip="$2"; shift ;;
    --out) out="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    --min-time) min_time="$2"; shift ;;
    --threads) export STRATA_BENCH_THREADS="$2"; shift ;;
    --budget) budget="$2"; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "report.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
scripts/setup.sh bench
cmake --preset release >/dev/null
cmake --build --preset release --target strata_bench
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}"
mkdir -p "$out"
echo "report: running the benchmarks (OMP_WAIT_POLICY=$OMP_WAIT_POLICY); JSON to $out/bench.json"
/usr/bin/python3 bench/run.py build/release/bench/strata_bench --out "$out/bench.json" \
  --filter "$filter" --skip "$skip" --rounds "$rounds" --min-time "$min_time" \
  --budget "$budget" --skip-if-over-budget '/data:(?!{best}/)[^/]+/(?!L1$)' \
  --skip-if-over-budget '/(bit|instruction)/DRAM$' \
  --skip-if-over-budget '/(?!scalar/|auto/|data:{best}/|ceiling/)[^/]+/L3$'
/usr/bin/python3 bench/report.py "$out/bench.json" --out "$out" --command "$command"
echo "report: open $out/report.md"
