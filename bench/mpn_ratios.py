#!/usr/bin/env python3
"""Ratios for the mpn family from one strata_bench JSON run (docs/mpn.md explains them).

Usage: mpn_ratios.py BENCH_JSON [--ghz 2.596]
For every mpn_* and teach_limbs row: the median time per call over the repetitions,
the spread ((max - min) / median), cycles per limb (median time x the nominal TSC frequency / limbs)
and the speed relative to the GMP row of the same kernel and size (gmp, or gmp_loop for batches):
ratio of medians, with the lowest and highest ratio of repetitions paired by index.
Clock: single-threaded rows use google-benchmark's CPU time of the calling thread, which leaves out
the time the thread waits for a core (this machine is shared; the wall clock there measures the
load more than the kernel). Task rows use the wall clock (real_time), since their work is on
several threads; the ratio of a task row to GMP's row is then taken between wall clocks."""
import argparse
import json
import re
import statistics
from collections import defaultdict


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("json")
    ap.add_argument("--ghz", type=float, default=2.596, help="TSC frequency for cycles/limb")
    args = ap.parse_args()
    with open(args.json) as f:
        data = json.load(f)
    reps = defaultdict(list)
    reps_real = defaultdict(list)
    real_peer = {}
    items = {}
    for b in data["benchmarks"]:
        if b.get("run_type") != "iteration" or b.get("error_occurred"):
            continue
        name = b.get("run_name", b["name"])
        if not (name.startswith("mpn_") or name.startswith("teach_limbs")):
            continue
        scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
        task = "/task:" in name
        reps[name].append(b["real_time" if task else "cpu_time"] * scale)
        if task:
            real_peer[name] = True
        reps_real[name].append(b["real_time"] * scale)
        items[name] = b
    print("| row | clock | median ns/call | spread | cycles/limb | x GMP (median) | x GMP (min..max) |")
    print("|---|---|---|---|---|---|---|")
    for name in sorted(reps, key=sort_key):
        t = reps[name]
        med = statistics.median(t)
        spread = (max(t) - min(t)) / med
        kernel, variant, size = name.split("/")
        limbs = limbs_of(kernel, size)
        cpl = med * args.ghz / limbs if limbs else float("nan")
        peer = f"{kernel}/{'gmp_loop' if kernel == 'mpn_add_batch' else 'gmp'}/{size}"
        ratio, lo, hi = "-", "-", "-"
        if peer in reps and peer != name:
            p = reps_real[peer] if name in real_peer else reps[peer]
            ratio = f"{statistics.median(p) / med:.2f}"
            pairs = [x / y for x, y in zip(p, t)]
            lo, hi = f"{min(pairs):.2f}", f"{max(pairs):.2f}"
        clock = "wall" if name in real_peer else "cpu"
        print(f"| {name} | {clock} | {med:.1f} | {spread:.0%} | {cpl:.3f} | {ratio} | {lo}..{hi} |")


def limbs_of(kernel, size):
    m = re.match(r"n=(\d+)$", size)
    if m:
        return int(m.group(1))
    m = re.match(r"(\d+)x(\d+)$", size)
    if m:
        return int(m.group(1)) * int(m.group(2))
    m = re.match(r"(\d+)bit$", size)
    if m and kernel == "teach_limbs":
        return None
    return None


def sort_key(name):
    kernel, variant, size = name.split("/")
    nums = [int(x) for x in re.findall(r"\d+", size)]
    return (kernel, nums, variant)


if __name__ == "__main__":
    main()
