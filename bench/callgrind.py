#!/usr/bin/env python3
"""Deterministic mode: instructions per call of each strata row, counted by valgrind's callgrind.

Each selected row runs in its own process under `valgrind --tool=callgrind` for exactly one
iteration (--benchmark_min_time=0); the count is the inclusive instruction count (Ir) of the
outermost strata_* function called (the public entry point, with its argument checks, dispatch
and kernel), divided by its calls. It does not depend on machine load or clock speed, so two
commits can be compared exactly: --baseline FILE exits 1 when a row needs more than
--tolerance (default 2%) more instructions than in FILE.

Rows that do not call into strata (peers, ceilings) and the task layer (threads make the count
depend on scheduling) are left out. Valgrind does not run AVX-512: under it the CPU check reports
no AVX-512, so those rows are not registered.

Usage: callgrind.py BENCH_BINARY [--filter REGEX] [--out FILE] [--baseline FILE] [--tolerance 0.02]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchdata import size_classes, split_name  # noqa: E402

# strata functions that are not kernel calls (registration, environment, names).
NOT_ENTRY = re.compile(r"^strata_(isa_|best_isa|default_threads|version|layer_name|status_string|"
                       r"last_exec|task_max_threads)")
LINE = re.compile(r"^\s*([\d,]+)\s+\([^)]*\)\s+\S*?:(strata_\w+)\s")


def count(binary, name):
    """(instructions per call, entry function) of one row, or (None, reason)."""
    with tempfile.TemporaryDirectory() as tmp:
        out, js = os.path.join(tmp, "cg.out"), os.path.join(tmp, "b.json")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary,
                        f"--benchmark_filter=^{re.escape(name)}$", "--benchmark_min_time=0",
                        f"--benchmark_out={js}", "--benchmark_out_format=json"],
                       check=True, capture_output=True, text=True)
        with open(js) as f:
            runs = json.load(f)["benchmarks"]
        if not runs or runs[0].get("error_occurred"):
            return None, runs[0].get("error_message", "no run") if runs else "no run"
        iterations = runs[0]["iterations"]
        text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out],
                              check=True, capture_output=True, text=True).stdout
    # The row's own entry point (strata_<kernel> or strata_<kernel>_ex) when it shows up; else the
    # strata function with the largest inclusive count (typed shorthands reach strata_binary_ex).
    # Setup calls (a gamma table, say) can outweigh one small call, hence the preference.
    own = re.compile(rf"^strata_{re.escape(name.split('/')[0])}(_ex)?$")
    best = None
    for line in text.splitlines():
        m = LINE.match(line)
        if m and not NOT_ENTRY.match(m.group(2)):
            key = (bool(own.match(m.group(2))), int(m.group(1).replace(",", "")))
            if best is None or key > best[0]:
                best = (key, m.group(2))
    if best is None:
        return None, "calls no strata function"
    return best[0][1] / iterations, best[1]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("--filter", default="/(L1|L2)$")
    ap.add_argument("--out", default="")
    ap.add_argument("--baseline", default="")
    ap.add_argument("--tolerance", type=float, default=0.02)
    a = ap.parse_args()
    names = subprocess.run(["valgrind", "-q", "--tool=none", a.binary, "--benchmark_list_tests=true",
                            f"--benchmark_filter={a.filter}"],
                           check=True, capture_output=True, text=True).stdout.split()
    names = [n for n in names if split_name(n) and not split_name(n)[1].startswith("task:")
             and split_name(n)[0] not in ("memcpy", "copy_nt") and not split_name(n)[0].startswith("teach_")]
    context = json.loads(subprocess.run([a.binary, "--strata_context"], check=True,
                                        capture_output=True, text=True).stdout)
    classes = size_classes(context)
    baseline = {}
    if a.baseline:
        with open(a.baseline) as f:
            baseline = json.load(f)["instructions_per_call"]
    results, worse = {}, 0
    print(f"callgrind: {len(names)} rows, one iteration each under valgrind")
    print(f"{'row':45s} {'Ir/call':>12s} {'Ir/byte':>8s}  entry")
    for name in names:
        ir, entry = count(a.binary, name)
        key = "/".join(split_name(name))
        if ir is None:
            print(f"{key:45s} {'-':>12s} {'-':>8s}  ({entry})")
            continue
        results[key] = ir
        size = split_name(name)[2]
        per_byte = f"{ir / classes[size]:.3f}" if size in classes else "-"
        note = ""
        if key in baseline:
            change = ir / baseline[key] - 1
            note = f"  {change * 100:+.1f}% vs baseline"
            if change > a.tolerance:
                note += "  MORE INSTRUCTIONS"
                worse += 1
        print(f"{key:45s} {ir:12,.0f} {per_byte:>8s}  {entry}{note}", flush=True)
    if a.out:
        with open(a.out, "w") as f:
            json.dump({"context": context, "instructions_per_call": results}, f, indent=1)
        print(f"callgrind: wrote {a.out}")
    if a.baseline:
        print(f"{len(results) - worse} within {a.tolerance:.0%} of the baseline, {worse} above")
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main())
