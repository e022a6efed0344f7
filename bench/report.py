#!/usr/bin/env python3
"""Turns strata_bench's JSON into a Markdown report: per kernel and size class, the throughput of
every variant, its speedup over the scalar layer and its fraction of the memcpy ceiling, all from
the same run. Usage: report.py BENCH_JSON --out DIR (writes DIR/report.md and prints it)."""
import argparse
import json
import os
import re
import statistics
from collections import defaultdict

SIZES = ["L1", "L2", "L3", "DRAM"]


def load(path):
    """{(kernel, variant, size): bytes_per_second}, medians when repetitions were run."""
    with open(path) as f:
        data = json.load(f)
    samples = defaultdict(list)
    for b in data["benchmarks"]:
        if b.get("error_occurred"):
            continue
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        name = b.get("run_name", b["name"])
        parts = name.split("/")
        if len(parts) != 3 or "bytes_per_second" not in b:
            continue
        samples[tuple(parts)].append(b["bytes_per_second"])
    return data["context"], {k: statistics.median(v) for k, v in samples.items()}


def render(context, rates):
    lines = ["# strata benchmark report", ""]
    lines.append(f"- host: {context.get('host_name', '?')}, {context.get('num_cpus', '?')} CPUs "
                 f"at {context.get('mhz_per_cpu', '?')} MHz; date {context.get('date', '?')}")
    lines.append(f"- strata {context.get('strata_version', '?')}, AUTO ISA "
                 f"{context.get('strata_best_isa', '?')}, default threads "
                 f"{context.get('strata_default_threads', '?')}")
    lines.append("- GB/s counts bytes read + written; 'x scalar' and 'x memcpy' are ratios to rows "
                 "of the same run.")
    kernels = sorted({k for k, _, _ in rates} - {"memcpy", "copy_nt"})
    for kernel in kernels:
        lines += ["", f"## {kernel}", ""]
        sizes = [s for s in SIZES if any((kernel, v, s) in rates for _, v, _ in rates)]
        if not sizes:
            lines += render_other_sizes(kernel, rates)
            continue
        variants = []
        for k, v, _ in rates:
            if k == kernel and v not in variants:
                variants.append(v)
        header = "| variant | " + " | ".join(f"{s} GB/s | x scalar | x memcpy" for s in sizes) + " |"
        lines += [header, "|" + "---|" * (1 + 3 * len(sizes))]
        for v in variants:
            row = [v]
            for s in sizes:
                r = rates.get((kernel, v, s))
                base = rates.get((kernel, "scalar", s))
                ceil = rates.get(("memcpy", "ceiling", s))
                row.append(f"{r / 1e9:.1f}" if r else "-")
                row.append(f"{r / base:.1f}" if r and base else "-")
                row.append(f"{r / ceil:.2f}" if r and ceil else "-")
            lines.append("| " + " | ".join(row) + " |")
    lines += ["", "## ceilings", "", "| copy | " + " | ".join(f"{s} GB/s" for s in SIZES) + " |",
              "|---|" + "---|" * len(SIZES)]
    for k in ("memcpy", "copy_nt"):
        vals = [rates.get((k, "ceiling", s)) for s in SIZES]
        if any(vals):
            lines.append(f"| {k} | " + " | ".join(f"{v / 1e9:.1f}" if v else "-" for v in vals) + " |")
    return "\n".join(lines) + "\n"


def render_other_sizes(kernel, rates):
    """Rows whose size is not a cache class (mpn_add_n/<variant>/n=<limbs>, teach_limbs/u8/4096bit):
    GB/s per size, and the ratio to the peer row of the same size (gmp or gmp_loop) when there is
    one, else to the first variant."""
    sizes, variants = [], []
    for k, v, s in rates:
        if k == kernel:
            sizes += [s] if s not in sizes else []
            variants += [v] if v not in variants else []
    sizes.sort(key=lambda s: [int(x) for x in re.findall(r"\d+", s)] or [0])
    peer = next((p for p in ("gmp", "gmp_loop") if p in variants), variants[0])
    lines = ["| variant | " + " | ".join(f"{s} GB/s | x {peer}" for s in sizes) + " |",
             "|" + "---|" * (1 + 2 * len(sizes))]
    for v in variants:
        row = [v]
        for s in sizes:
            r, base = rates.get((kernel, v, s)), rates.get((kernel, peer, s))
            row.append(f"{r / 1e9:.1f}" if r else "-")
            row.append(f"{r / base:.2f}" if r and base else "-")
        lines.append("| " + " | ".join(row) + " |")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("json")
    ap.add_argument("--out", default="report")
    args = ap.parse_args()
    context, rates = load(args.json)
    text = render(context, rates)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "report.md"), "w") as f:
        f.write(text)
    print(text)
    print(f"report: wrote {os.path.join(args.out, 'report.md')}")


if __name__ == "__main__":
    main()
