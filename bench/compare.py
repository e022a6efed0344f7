#!/usr/bin/env python3
"""Compares two saved benchmark JSONs (before and after a change), row by row, like
google-benchmark's compare.py with its Mann-Whitney U test, but exits 1 on a regression.

For every row in both files: the median throughput before and after (on the wall clock, per
repetition or round), the change, and the two-sided Mann-Whitney U p-value over the repetitions.
A row regresses when it got slower by more than --threshold AND the U test says the difference
is significant (p < --alpha). With too few repetitions for the test ever to reach alpha (3 vs 3
gives p >= 0.1), the threshold alone decides and the row is marked "(few reps)": use
--rounds 5 or more on both sides for a real test.

Usage: compare.py BEFORE.json AFTER.json [--threshold 0.10] [--alpha 0.05] [--filter REGEX] [--all]
"""
import argparse
import math
import re
import sys

from scipy.stats import mannwhitneyu

from benchdata import load, variant_key


def min_p(n1, n2):
    """The smallest two-sided p-value the exact U test can give for these sample sizes."""
    return 2.0 / math.comb(n1 + n2, n1) if n1 and n2 else 1.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--threshold", type=float, default=0.10,
                    help="relative slowdown that counts as a regression (default 0.10 = 10%%)")
    ap.add_argument("--alpha", type=float, default=0.05, help="significance level of the U test")
    ap.add_argument("--filter", default="", help="only rows whose name matches")
    ap.add_argument("--all", action="store_true", help="print every row, not only the changed ones")
    a = ap.parse_args()

    _, before = load(a.before)
    _, after = load(a.after)
    keys = sorted((k for k in set(before) & set(after) if re.search(a.filter, "/".join(k))),
                  key=lambda k: (k[0], k[2], variant_key(k[1])))
    regressions = improvements = 0
    lines = []
    for k in keys:
        b, c = before[k], after[k]
        metric = b.metric() if b.metric() == c.metric() else "time"
        sb, sc = list(b.samples(metric).values()), list(c.samples(metric).values())
        if not sb or not sc:
            continue
        mb, mc = b.median(metric), c.median(metric)
        change = mc / mb - 1.0
        p = mannwhitneyu(sb, sc, alternative="two-sided").pvalue if len(sb) > 1 and len(sc) > 1 else 1.0
        testable = min_p(len(sb), len(sc)) < a.alpha
        significant = p < a.alpha if testable else True
        note = "" if testable else " (few reps)"
        verdict = ""
        if change < -a.threshold and significant:
            verdict, regressions = "REGRESSION" + note, regressions + 1
        elif change > a.threshold and significant:
            verdict, improvements = "improved" + note, improvements + 1
        if verdict or a.all:
            unit = {"bytes": "GB/s", "items": "G/s", "time": "calls/s"}[metric]
            scale = 1.0 if metric == "time" else 1e9
            lines.append(f"{'/'.join(k):50s} {mb / scale:10.3g} {mc / scale:10.3g} {unit:7s} "
                         f"{change * 100:+7.1f}%  p={p:.3f} n={len(sb)}/{len(sc)}  {verdict}")
    print(f"{'row':50s} {'before':>10s} {'after':>10s} {'unit':7s} {'change':>8s}")
    print("\n".join(lines) if lines else "(no row changed by more than the threshold)")
    only = len(set(before) ^ set(after))
    print(f"{len(keys)} rows compared ({only} in one file only); threshold {a.threshold:.0%}, "
          f"alpha {a.alpha}: {regressions} regressions, {improvements} improvements")
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
