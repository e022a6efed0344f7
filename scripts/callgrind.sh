#!/usr/bin/env bash
# Deterministic mode: instructions per call of each strata row under valgrind's callgrind (one
# iteration per row; independent of machine load). Compare two commits exactly with --baseline.
#   scripts/callgrind.sh [--filter REGEX] [--out FILE] [--baseline FILE] [--tolerance 0.02]
# Default filter: the L1 and L2 rows. Needs valgrind (apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "callgrind.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
cmake --preset release >/dev/null
cmake --build --preset release --target strata_bench >/dev/null
exec /usr/bin/python3 bench/callgrind.py build/release/bench/strata_bench "$@"
