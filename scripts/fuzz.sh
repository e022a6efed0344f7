#!/usr/bin/env bash
# Builds the libFuzzer differential fuzzers (clang, ASan + UBSan; `fuzz` preset) and runs each
# family's target for a bounded time, starting from its seed corpus in tests/fuzz/corpus/<family>/
# (new inputs go to build/fuzz/corpus/<family>/, never into the repository).
#   scripts/fuzz.sh            20 s per target (what .ci/run does)
#   scripts/fuzz.sh 3600       an hour per target (a longer local run; see docs/reliability.md)
#   scripts/fuzz.sh 600 image  only the image family
# Prints, per target: executions, executions per second, coverage (edges, features), corpus size.
# A crash leaves the input in build/fuzz/ (crash-*), replayable with
#   build/fuzz/tests/fuzz/fuzz_<family> build/fuzz/crash-<hash>
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
shift || true
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
families=("$@")
if ((${#families[@]} == 0)); then
  families=($(sed -n 's/^set(STRATA_FUZZ_FAMILIES \(.*\))$/\1/p' tests/fuzz/families.cmake))
fi
# libomp's idle workers spin for 200 ms after each region; on a loaded machine that starves the
# next call's team, so let them sleep at once (changes nothing else).
export KMP_BLOCKTIME=0
for family in "${families[@]}"; do
  work=build/fuzz/corpus/$family
  mkdir -p "$work"
  log=build/fuzz/fuzz_$family.log
  (cd build/fuzz && ./tests/fuzz/fuzz_"$family" -max_total_time="$seconds" -print_final_stats=1 \
     -max_len=4096 -timeout=60 -rss_limit_mb=4096 "../../$work" "../../tests/fuzz/corpus/$family") \
     >"$log" 2>&1 || { tail -n 40 "$log"; echo "fuzz_$family: FAILED (log: $log)"; exit 1; }
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
  cov=$(sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*/\1 edges, \2 features, corpus \3/p' <<<"$last")
  echo "fuzz_$family: ${seconds}s, $execs executions ($rate/s), coverage $cov: ok"
done
