#!/usr/bin/env bash
# Builds strata and runs the whole test suite (README's test command; .ci/run calls it).
# The suite runs once per ISA this machine can run (STRATA_ISA=generic, sse2, avx2, avx512).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
ctest --preset release -j2
