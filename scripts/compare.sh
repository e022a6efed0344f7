#!/usr/bin/env bash
# Compares two saved benchmark JSONs (before / after a change) row by row with a Mann-Whitney U
# test; exits 1 when a row got significantly slower by more than the threshold. For a pull request:
#   scripts/report.sh --rounds 7 --out before   (on the base)   # or bench/run.py directly
#   scripts/report.sh --rounds 7 --out after    (on the change)
#   scripts/compare.sh before/bench.json after/bench.json [--threshold 0.10] [--alpha 0.05]
#                      [--filter REGEX] [--all]
set -euo pipefail
cd "$(dirname "$0")/.."
exec /usr/bin/python3 bench/compare.py "$@"
