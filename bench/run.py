#!/usr/bin/env python3
"""Runs strata_bench in interleaved rounds and writes one google-benchmark JSON.

Each round is one process that runs every selected benchmark once, in a shuffled order
(--benchmark_enable_random_interleaving): so repetition i of every row is measured in round i,
close in time to repetition i of its baseline, and slow drifts of a shared machine hit all rows
alike. Progress ([round r/R k/N] and each result) streams to the terminal.

The output is google-benchmark's JSON format: the context of the first round (plus strata_rounds
and strata_min_time) and every round's runs with repetition_index = round - 1.

Time budget: the run is estimated before it starts (rows x rounds x (min_time x 3 + 0.08 s),
plus 0.3 s per round for rows at DRAM size or of a million elements or more; about right on an
idle machine, a busy one takes up to twice as long). When that exceeds --budget, the rows
matching each --skip-if-over-budget regex are left out in turn ({best} in a regex stands for
the ISA AUTO resolves to), then min_time is lowered (not
below 0.02 s), then the rounds (not below 2), until it fits. What was done is printed and kept
in the JSON context (strata_budget_notes), which the report shows.

Usage: run.py BENCH_BINARY --out FILE [--filter REGEX] [--skip REGEX] [--rounds R]
              [--min-time SECONDS] [--budget SECONDS] [--skip-if-over-budget REGEX] [--quiet]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time


def list_tests(binary, regex):
    out = subprocess.run([binary, "--benchmark_list_tests=true", f"--benchmark_filter={regex}"],
                         check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line.strip()]


def is_big(name):
    """A row whose setup (allocating and filling its buffers) costs more than its timing."""
    size = name.split("/real_time")[0].rsplit("/", 1)[-1]
    return size == "DRAM" or any(int(x) >= 1 << 20 for x in re.findall(r"\d+", size))


def estimate(rows, rounds, min_time):
    """Seconds for the rows (names, or a count of small rows)."""
    if isinstance(rows, int):
        return rows * rounds * (min_time * 3 + 0.08)
    return sum(rounds * (min_time * 3 + 0.08 + (0.3 if is_big(n) else 0)) for n in rows)


def duration(seconds):
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.1f} min"


def plan(binary, regex, skip, rounds, min_time, budget, skip_over_budget, label):
    """(names, regex for the binary, rounds, min_time, notes) within the budget: leaves out the
    rows of each skip_over_budget regex in turn, then lowers min_time to 0.02 s, then rounds to 2."""
    listed = list_tests(binary, regex)
    if any("{best}" in t for t in skip_over_budget or []):
        best = json.loads(subprocess.run([binary, "--strata_context"], check=True,
                                         capture_output=True, text=True).stdout)["strata_best_isa"]
        skip_over_budget = [t.replace("{best}", best) for t in skip_over_budget]
    names = [n for n in listed if not (skip and re.search(skip, n))]
    notes = []

    def over():
        return budget and estimate(names, rounds, min_time) > budget

    for tier in skip_over_budget or []:
        if not over():
            break
        kept = [n for n in names if not re.search(tier, n)]
        if len(kept) < len(names):
            notes.append(f"left out {len(names) - len(kept)} rows matching {tier!r}")
        names = kept
    while over() and min_time > 0.02:
        min_time = max(0.02, round(min_time * 0.7, 3))
    while over() and rounds > 2:
        rounds -= 1
    for n in notes:
        print(f"{label}: over the {budget:.0f} s budget: {n}", flush=True)
    if names and len(names) < len(listed):
        regex = "^(" + "|".join(re.escape(n) for n in names) + ")$"
    return names, regex, rounds, min_time, notes


def run(binary, out, regex=".", rounds=3, min_time=0.1, quiet=False, label="bench", skip="",
        budget=0.0, skip_over_budget=None):
    """Runs the rounds; returns the merged JSON document (also written to `out`)."""
    asked = (rounds, min_time)
    names, regex, rounds, min_time, notes = plan(binary, regex, skip, rounds, min_time, budget,
                                                 skip_over_budget, label)
    if (rounds, min_time) != asked:
        notes.append(f"{rounds} rounds of min_time {min_time} s instead of {asked[0]} of {asked[1]} s")
        print(f"{label}: over the {budget:.0f} s budget: {notes[-1]}", flush=True)
    if not names:
        sys.exit(f"{label}: no benchmark matches {regex!r}")
    if not quiet:
        print(f"{label}: {len(names)} rows x {rounds} rounds of min_time {min_time} s, about "
              f"{duration(estimate(names, rounds, min_time))}", flush=True)
    merged = None
    start = time.monotonic()
    for r in range(1, rounds + 1):
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
            path = tmp.name
        # stdbuf: line-buffered output, so that each result shows as soon as it is measured.
        cmd = (["stdbuf", "-oL"] if shutil.which("stdbuf") else []) + [binary, f"--benchmark_filter={regex}", f"--benchmark_min_time={min_time}",
               "--benchmark_enable_random_interleaving=true", "--benchmark_color=false",
               f"--benchmark_out={path}", "--benchmark_out_format=json"]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        done = 0
        for line in proc.stdout:
            first = line.split(" ", 1)[0]
            if first in names:
                done += 1
                if not quiet:
                    elapsed = time.monotonic() - start
                    print(f"[{label} round {r}/{rounds} {done:3d}/{len(names)} {elapsed:5.0f}s] "
                          f"{line.rstrip()}", flush=True)
            elif "error" in line.lower():
                print(line.rstrip(), file=sys.stderr, flush=True)
        if proc.wait() != 0:
            sys.exit(f"{label}: {' '.join(cmd)} exited with {proc.returncode}")
        with open(path) as f:
            doc = json.load(f)
        os.unlink(path)
        for b in doc["benchmarks"]:
            b["repetition_index"] = r - 1
            b["repetitions"] = rounds
        if merged is None:
            merged = doc
            merged["context"]["strata_rounds"] = str(rounds)
            merged["context"]["strata_min_time"] = str(min_time)
            merged["context"]["strata_budget_notes"] = "; ".join(notes)
        else:
            merged["benchmarks"] += doc["benchmarks"]
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as f:
        json.dump(merged, f, indent=1)
    return merged


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("--out", required=True)
    ap.add_argument("--filter", default=".")
    ap.add_argument("--skip", default="")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--min-time", type=float, default=0.1)
    ap.add_argument("--budget", type=float, default=0.0, help="seconds; 0 = no budget")
    ap.add_argument("--skip-if-over-budget", action="append", default=[],
                    help="regex of rows to leave out first when over budget (repeatable, in order)")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--dry-run", action="store_true", help="print the plan, run nothing")
    a = ap.parse_args()
    if a.dry_run:
        names, _, rounds, min_time, _ = plan(a.binary, a.filter, a.skip, a.rounds, a.min_time,
                                             a.budget, a.skip_if_over_budget, "bench")
        print(f"bench: {len(names)} rows x {rounds} rounds of min_time {min_time} s, about "
              f"{duration(estimate(names, rounds, min_time))}")
        return
    run(a.binary, a.out, a.filter, a.rounds, a.min_time, a.quiet, skip=a.skip, budget=a.budget,
        skip_over_budget=a.skip_if_over_budget)


if __name__ == "__main__":
    main()
