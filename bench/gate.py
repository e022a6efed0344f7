#!/usr/bin/env python3
"""The speedup gate: checks the minimum ratios of bench/gates.json on this machine.

Runs only the benchmark rows the gates name, in interleaved rounds (run.py), and for each gate
takes the median over rounds of row / over (both measured in the same round). A failing gate is
re-measured once (its rows only) before it counts as failed. Prints one line per gate, measured
against required, then `N passed, N failed`; exits 1 if any gate failed.

In gate names, the variant parts `data:best` and `task:best:tN` stand for the ISA that AUTO
resolves to on this machine (strata_best_isa: the best the CPU runs, or STRATA_ISA if set). So
STRATA_ISA=generic scripts/gate.sh checks the generic build against the same thresholds, which
is how to see the gate fail.

Usage: gate.py BENCH_BINARY [--gates FILE] [--rounds R] [--min-time S] [--only REGEX] [--verbose]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchdata  # noqa: E402
import run as runner  # noqa: E402


def resolve(name, best):
    kernel, variant, size = name.rsplit("/", 2)
    variant = re.sub(r"(^|:)best(?=:|$)", lambda m: m.group(1) + best, variant)
    return f"{kernel}/{variant}/{size}"


def measure(binary, names, rounds, min_time, verbose):
    regex = "^(" + "|".join(re.escape(n) for n in sorted(names)) + ")(/real_time)?$"
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "gate.json")
        runner.run(binary, path, regex, rounds, min_time, quiet=not verbose, label="gate")
        return benchdata.load(path)[1]


def evaluate(gate, rows):
    """(status, measured median, per-round ratios, note). status: pass, fail or missing."""
    key_row, key_over = tuple(gate["_row"].rsplit("/", 2)), tuple(gate["_over"].rsplit("/", 2))
    row, over = rows.get(key_row), rows.get(key_over)
    for name, r in ((gate["_row"], row), (gate["_over"], over)):
        if r is None:
            return "missing", None, [], f"no row {name}"
        if r.error:
            return "fail", None, [], f"{name}: {r.error}"
    metric = gate.get("metric") or ("bytes" if row.bytes and over.bytes else
                                    "items" if row.items and over.items else "time")
    value, per_round = benchdata.ratio(row, over, metric)
    if value is None:
        return "fail", None, [], "no throughput to compare"
    return ("pass" if value >= gate["min"] else "fail"), value, per_round, ""


def line(status, gate, value, per_round, note):
    spread = f" (rounds {min(per_round):.2f}..{max(per_round):.2f})" if per_round else ""
    measured = f"{value:.2f}x" if value is not None else "-"
    text = (f"{status.upper():4} {gate['_row']} over {gate['_over']}: {measured}{spread}, "
            f"required >= {gate['min']}x")
    return text + (f"  [{note}]" if note else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("--gates", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "gates.json"))
    ap.add_argument("--rounds", type=int)
    ap.add_argument("--min-time", type=float)
    ap.add_argument("--only", default="", help="check only gates whose row or baseline matches")
    ap.add_argument("--verbose", action="store_true", help="show every benchmark result")
    a = ap.parse_args()

    with open(a.gates) as f:
        spec = json.load(f)
    defaults = spec.get("defaults", {})
    rounds = a.rounds or defaults.get("rounds", 5)
    min_time = a.min_time or defaults.get("min_time", 0.1)
    context = json.loads(subprocess.run([a.binary, "--strata_context"], check=True,
                                        capture_output=True, text=True).stdout)
    best = context["strata_best_isa"]
    gates = []
    for g in spec["gates"]:
        g = dict(g)
        g["_row"], g["_over"] = resolve(g["row"], best), resolve(g["over"], best)
        if re.search(a.only, g["_row"]) or re.search(a.only, g["_over"]):
            gates.append(g)
    print(f"gate: {len(gates)} gates from {a.gates if os.path.isabs(a.gates) and not a.gates.startswith(os.getcwd()) else os.path.relpath(a.gates)} (version {spec.get('version')}), "
          f"AUTO ISA {best}{' (STRATA_ISA=' + context['strata_isa_env'] + ')' if context.get('strata_isa_env') else ''}, "
          f"{rounds} interleaved rounds of min_time {min_time} s", flush=True)

    names = {g["_row"] for g in gates} | {g["_over"] for g in gates}
    rows = measure(a.binary, names, rounds, min_time, a.verbose)
    results = [evaluate(g, rows) for g in gates]
    failing = [i for i, r in enumerate(results) if r[0] == "fail"]
    if failing:
        print(f"gate: {len(failing)} failing, re-measuring their rows once", flush=True)
        again = {gates[i]["_row"] for i in failing} | {gates[i]["_over"] for i in failing}
        rows2 = measure(a.binary, again, rounds, min_time, a.verbose)
        for i in failing:
            first = results[i][1]
            status, value, per_round, note = evaluate(gates[i], rows2)
            first_text = f"{first:.2f}x" if first is not None else "-"
            results[i] = (status, value, per_round, (note + "; " if note else "") + f"first run {first_text}")

    passed = failed = skipped = 0
    for g, (status, value, per_round, note) in zip(gates, results):
        if status == "missing" and g.get("optional"):
            status, note = "skip", note + " (optional: peer or ISA not available here)"
        elif status == "missing":
            status = "fail"
        passed += status == "pass"
        failed += status == "fail"
        skipped += status == "skip"
        print(line(status, g, value, per_round, note))
    if skipped:
        print(f"{skipped} skipped")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
