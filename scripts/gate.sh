#!/usr/bin/env bash
# The speedup gate (CI runs it after the tests): builds strata_bench, runs only the benchmark rows
# that bench/gates.json names, in interleaved rounds, and checks each minimum ratio. Prints one
# line per gate and "N passed, N failed"; exits non-zero if a gate fails (after re-measuring it).
#   scripts/gate.sh [--gates FILE] [--rounds R] [--min-time S] [--only REGEX] [--verbose]
# To see it fail: STRATA_ISA=generic scripts/gate.sh (the data layer on SIMDe's portable code).
# OpenMP workers wait passively unless OMP_WAIT_POLICY is set: spinning workers on a busy 2-core
# machine turn one task-layer call into a whole scheduler time slice.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target strata_bench >/dev/null
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-passive}"
exec /usr/bin/python3 bench/gate.py build/release/bench/strata_bench "$@"
