#!/usr/bin/env bash
# Builds strata and runs the whole test suite (README's test command; .ci/run calls it).
# The suite runs once per ISA this machine can run (STRATA_ISA=generic, sse2, avx2, avx512).
# Tests run one at a time: two OpenMP processes spinning on a 2-core machine slow each other 100x.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Idle OpenMP workers spin before sleeping; on a busy 2-core machine that starves the next
# call's team and slows the suite ~30x. The tests check results, not speed: let idle workers sleep.
export GOMP_SPINCOUNT=${GOMP_SPINCOUNT:-1000} KMP_BLOCKTIME=${KMP_BLOCKTIME:-0}
cmake --preset release >/dev/null
cmake --build --preset release
ctest --preset release
