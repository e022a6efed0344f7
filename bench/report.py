#!/usr/bin/env python3
"""Turns strata_bench's JSON into the report folder: report.md and plots/<kernel>.png.

Per kernel: the throughput of every variant at every size (median of the rounds, +-half their
range), its speedup over the scalar layer, its fraction of the memcpy ceiling (byte-stream
kernels at the harness's size classes) and its ratio to each peer row (gmp, opencv ...) of the
same kernel and size; ratios are medians of per-round ratios, so both sides of a ratio were
measured in the same round. Kernels named teach_* get their own section with all their counters.
Any row named <kernel>/<variant>/<size> appears without changes here.

Usage: report.py BENCH_JSON [--out DIR] [--command TEXT] [--no-plots]
"""
import argparse
import os
import statistics
from collections import defaultdict

from benchdata import (ISA_ORDER, is_peer, load, ratio, size_classes, size_key, variant_key)



def ceilings(rows):
    """Kernels whose only variant is 'ceiling' (memcpy, copy_nt, triad ...), memcpy first."""
    variants = {}
    for k, v, _ in rows:
        variants.setdefault(k, set()).add(v)
    names = [k for k, vs in variants.items() if vs == {"ceiling"}]
    return sorted(names, key=lambda k: (k != "memcpy", k != "copy_nt", k))

UNITS = {"bytes": ("GB/s", 1e9), "items": ("G items/s", 1e9), "time": ("calls/s", 1.0)}
PREFIXES = ((1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, ""))


def unit_of(k):
    """(label, scale) for a kernel's throughput: GB/s for bytes; items/s and calls/s with the
    largest SI prefix that keeps the median row at 1 or more."""
    if k.metric == "bytes":
        return UNITS["bytes"]
    values = sorted(r.median(k.metric) for r in k.rows.values() if r.samples(k.metric))
    mid = values[len(values) // 2] if values else 1.0
    scale, prefix = next(((s, p) for s, p in PREFIXES if mid >= s), PREFIXES[-1])
    return (f"{prefix} items/s" if k.metric == "items" else f"{prefix} calls/s").strip(), scale


def human_bytes(n):
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:g} {unit}"
        n /= 1024


def fmt_rate(v, scale):
    x = v / scale
    return f"{x:.3g}" if x < 1000 else f"{x:.0f}"


def fmt_time(t):
    for unit, scale in (("ns", 1e-9), ("us", 1e-6), ("ms", 1e-3), ("s", 1.0)):
        if t < scale * 1000 or unit == "s":
            return f"{t / scale:.3g} {unit}"


def fmt_count(v):
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.4g}"


def fmt_ratio(v):
    return "-" if v is None else f"{v:.2g}" if v < 0.1 else f"{v:.2f}" if v < 10 else f"{v:.1f}" if v < 100 else f"{v:.0f}"


class Kernel:
    """The rows of one kernel, in display order."""

    def __init__(self, name, rows, context, registration_order=False):
        self.name = name
        self.rows = {(v, s): r for (k, v, s), r in rows.items() if k == name}
        first = {}
        for (v, _), r in self.rows.items():
            first[v] = min(first.get(v, r.order), r.order)
        self.variants = sorted(first, key=(lambda v: (first[v], v)) if registration_order else variant_key)
        by_size = defaultdict(list)
        for (v, s), r in self.rows.items():
            by_size[s].append(r)
        self.sizes = sorted(by_size, key=lambda s: size_key(s, context, by_size[s]))
        timed = [r for r in self.rows.values() if r.time]
        # items/s (elements, limbs) when every row counts items, else bytes/s, else calls/s.
        if timed and all(r.items for r in timed):
            self.metric = "items"
        elif timed and all(r.bytes for r in timed):
            self.metric = "bytes"
        else:
            self.metric = "time"
        self.has_bytes = bool(timed) and all(r.bytes for r in timed)

    def get(self, v, s):
        r = self.rows.get((v, s))
        return r if r is not None and r.samples(self.metric) else None


def header(context, command):
    c = context
    caches = ", ".join(f"L{x['level']}{'d' if x['type'] == 'Data' else ''} {human_bytes(x['size'])}"
                       for x in c.get("caches", []) if x.get("type") != "Instruction")
    classes = ", ".join(f"{k} {human_bytes(v)}" for k, v in size_classes(c).items())
    lines = ["# strata benchmark report", ""]
    lines.append(f"- **CPU**: {c.get('cpu_model', '?')}, {c.get('num_cpus', '?')} logical CPUs at "
                 f"{c.get('mhz_per_cpu', '?')} MHz; caches {caches}; load average "
                 f"{', '.join(f'{x:.2f}' for x in c.get('load_avg', []))} at start")
    lines.append(f"- **ISAs** this CPU runs: {c.get('strata_isas', '?')}; AUTO resolves to "
                 f"**{c.get('strata_best_isa', '?')}**"
                 + (f" (forced by STRATA_ISA={c['strata_isa_env']})" if c.get("strata_isa_env") else ""))
    lines.append(f"- **threads**: default {c.get('strata_default_threads', '?')}, task rows with "
                 f"{c.get('strata_task_threads', '?')}; OMP_WAIT_POLICY="
                 f"{c.get('omp_wait_policy') or '(unset: active)'}")
    lines.append(f"- **compiler**: {c.get('compiler', '?')}; strata {c.get('strata_version', '?')}; "
                 f"{c.get('os', '?')}")
    lines.append(f"- **date**: {c.get('date', '?')}; {c.get('strata_rounds', '1')} interleaved "
                 f"rounds of min_time {c.get('strata_min_time', '?')} s"
                 + (f"; command `{command}`" if command else ""))
    if c.get("strata_budget_notes"):
        lines.append(f"- **time budget**: {c['strata_budget_notes']} (scripts/report.sh --budget 0 runs everything)")
    lines.append(f"- **sizes**: working set = bytes read + written per call: {classes}")
    load = c.get("load_avg", [0])[0]
    if load > c.get("num_cpus", 1):
        lines.append(f"- **note**: the machine was busy (load {load:.1f} on {c.get('num_cpus')} CPUs): "
                     "absolute numbers are low and noisy; ratios within a round are less affected")
    lines.append("- Throughput is on the wall clock, median of the rounds, with +-half their range; "
                 "every ratio is the median of per-round ratios between rows of the same run.")
    return lines


def table(title, sizes, body):
    lines = [f"**{title}**", "", "| variant | " + " | ".join(sizes) + " |",
             "|---|" + "---:|" * len(sizes)]
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return lines + [""]


def summary_section(kernels):
    """What a default call (AUTO) gains: per kernel and size, AUTO over scalar, and AUTO over the
    best reference row (autovec or a peer) of the same size. One table per set of sizes."""
    groups = {}
    for k in kernels:
        if "auto" in k.variants:
            groups.setdefault(tuple(k.sizes), []).append(k)
    if not groups:
        return []
    out = ["", "## Summary", "", "AUTO is what a call with default settings runs. `x ref`: AUTO over "
           "the fastest reference row of the same size (the compiler's `autovec` loop or a peer "
           "such as gmp/opencv), below 1 where the reference is faster.", ""]
    for sizes, ks in groups.items():
        head = " | ".join(f"{s} x scalar | {s} x ref" for s in sizes)
        out += ["| kernel | " + head + " |", "|---|" + "---:|" * (2 * len(sizes))]
        for k in ks:
            cells = [f"[{k.name}](#{k.name})"]
            for s in sizes:
                a, base = k.get("auto", s), k.get("scalar", s)
                cells.append(fmt_ratio(ratio(a, base, k.metric)[0]) if a and base else "-")
                refs = [k.get(v, s) for v in k.variants if (v == "autovec" or is_peer(v)) and k.get(v, s)]
                best = max(refs, key=lambda r: r.median(k.metric)) if refs else None
                cells.append(fmt_ratio(ratio(a, best, k.metric)[0]) if a and best else "-")
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return out


def kernel_section(k, rows, plots):
    unit, scale = unit_of(k)
    out = ["", f"## {k.name}", ""]
    body = []
    for v in k.variants:
        cells = [v]
        for s in k.sizes:
            r = k.get(v, s)
            if r is None:
                err = k.rows.get((v, s))
                cells.append("error" if err is not None and err.error else "-")
                continue
            sp = r.spread(k.metric)
            cells.append(fmt_rate(r.median(k.metric), scale) + (f" ±{sp * 100:.0f}%" if sp is not None else ""))
        body.append(cells)
    out += table(f"throughput, {unit}", k.sizes, body)

    def ratio_table(title, base_of, skip=None, metric=k.metric):
        body, any_value = [], False
        for v in k.variants:
            if v == skip:
                continue
            cells = [v]
            for s in k.sizes:
                r, b = k.get(v, s), base_of(s)
                val = ratio(r, b, metric)[0] if r is not None and b is not None and r.samples(metric) else None
                any_value |= val is not None
                cells.append(fmt_ratio(val))
            body.append(cells)
        return table(title, k.sizes, body) if any_value else []

    if "scalar" in k.variants:
        out += ratio_table("speedup over scalar (x)", lambda s: k.get("scalar", s), skip="scalar")
    if k.has_bytes:
        out += ratio_table("fraction of the memcpy ceiling (bytes/s)",
                           lambda s: rows.get(("memcpy", "ceiling", s)), metric="bytes")
    for peer in [v for v in k.variants if is_peer(v)]:
        out += ratio_table(f"ratio to {peer} (x)", lambda s, p=peer: k.get(p, s), skip=peer)
    if k.name in plots:
        out += [f"![{k.name}](plots/{os.path.basename(plots[k.name])})", ""]
    return out


TEACH_CAPTIONS = {
    "teach_limbs": "The same 4096-bit addition with 8-, 16-, 32- and 64-bit limbs, one limb per "
                   "step (`steps` = 4096 / limb bits): the width of the adder is bit-level "
                   "parallelism. Items = 4096-bit additions.",
    "teach_sync": "T threads each add 1 to a shared total a million times: `none` (no "
                  "synchronization: `lost` updates and a wrong `total`, reported as measured), "
                  "`critical` (a lock), `atomic`, `reduction` (private copies combined once), "
                  "per-thread partials `packed` in one cache line (false sharing) and `padded` "
                  "to a line each. Items = additions. Why strata's task layer combines "
                  "per-thread partials instead of locking. With the other core busy, the "
                  "threads rarely overlap and the differences shrink.",
}


def teach_section(kernels, rows, plots):
    out = ["", "## Teaching series", "",
           "Short series that show one layer plainly; every counter is reported as measured "
           "(a wrong total is shown, not hidden)."]
    for k in kernels:
        unit, scale = unit_of(k)
        counters = sorted({c for r in k.rows.values() for c in r.counters})
        first = k.variants[0] if k.variants else None
        cols = ["variant", "size", "time/call", unit, f"x {first}"] + counters
        out += ["", f"### {k.name}", ""]
        if k.name in TEACH_CAPTIONS:
            out += [TEACH_CAPTIONS[k.name], ""]
        out += ["| " + " | ".join(cols) + " |", "|---|---|" + "---:|" * (len(cols) - 2)]
        for s in k.sizes:
            for v in k.variants:
                r = k.rows.get((v, s))
                if r is None or not r.time:
                    continue
                tt = fmt_time(statistics.median(r.time.values()))
                base = k.get(first, s)
                rel = ratio(r, base, k.metric)[0] if base is not None and r.samples(k.metric) else None
                cells = [v, s, tt, fmt_rate(r.median(k.metric), scale), fmt_ratio(rel)]
                for c in counters:
                    vals = sorted(r.counters.get(c, {}).values())
                    cells.append(fmt_count(statistics.median(vals)) if vals else "-")
                out.append("| " + " | ".join(cells) + " |")
        if k.name in plots:
            out += ["", f"![{k.name}](plots/{os.path.basename(plots[k.name])})"]
    return out


def ceiling_section(rows, context):
    names = ceilings(rows)
    sizes = sorted({s for (k, _, s) in rows if k in names}, key=lambda s: size_key(s, context))
    if not sizes:
        return []
    out = ["", "## Ceilings", "", "The fastest plain loops over the same working sets: every "
           "byte-stream kernel is held against memcpy (copy_nt: non-temporal stores, for beyond the "
           "last-level cache; other rows named <name>/ceiling/<size> are listed too).", ""]
    body = []
    for k in names:
        r = {s: rows.get((k, "ceiling", s)) for s in sizes}
        if any(r.values()):
            body.append([k] + [fmt_rate(x.median("bytes"), 1e9) + (f" ±{x.spread('bytes') * 100:.0f}%" if x.spread('bytes') is not None else "")
                               if x and x.median("bytes") else "-" for x in r.values()])
    return out + table("throughput, GB/s", sizes, body)


# ---------------------------------------------------------------------------------------------
# Plots (matplotlib, headless)

PEER_COLORS = ["tab:olive", "tab:cyan", "tab:brown", "tab:pink", "tab:gray"]


def layer_style(v, peers=()):
    """One colour family per layer (shades: ISA for data/task, threads for task), dashed for
    autovec, dotted squares in their own colours for peers."""
    import matplotlib.pyplot as plt
    parts = v.split(":")
    layer = parts[0]
    fixed = {"scalar": "black", "bit": "tab:orange", "instruction": "tab:red", "auto": "tab:purple",
             "autovec": "deeppink"}
    if layer in fixed:
        return dict(color=fixed[layer], linestyle="--" if layer == "autovec" else "-", marker="o")
    isa = ISA_ORDER.index(parts[1]) if len(parts) > 1 and parts[1] in ISA_ORDER else 2
    if layer == "data":
        return dict(color=plt.get_cmap("Blues")(0.3 + 0.2 * min(isa, 3)), linestyle="-", marker="o")
    if layer == "task":
        threads = int(parts[2][1:]) if len(parts) > 2 and parts[2][1:].isdigit() else 2
        shade = 0.45 + 0.15 * min(isa, 3) / 3 + 0.1 * min(threads.bit_length() - 2, 2)
        return dict(color=plt.get_cmap("Greens")(min(shade, 0.95)), linestyle="-", marker="^")
    i = list(peers).index(v) if v in peers else 0
    return dict(color=PEER_COLORS[i % len(PEER_COLORS)], linestyle=":", marker="s")


def size_labels(sizes, classes):
    return [f"{s}\n{human_bytes(classes[s])}" if s in classes else s for s in sizes]


def plot_kernel(k, rows, context, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    unit, scale = unit_of(k)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(13, 4.6))
    x = list(range(len(k.sizes)))
    classes = size_classes(context)
    labels = size_labels(k.sizes, classes)
    rotate = sum(len(s) for s in k.sizes) > 40
    peers = [v for v in k.variants if is_peer(v)]
    for v in k.variants:
        ys = [k.get(v, s).median(k.metric) / scale if k.get(v, s) else float("nan") for s in k.sizes]
        ax1.plot(x, ys, label=v, linewidth=1.6, markersize=4, **layer_style(v, peers))
    if k.metric == "bytes":
        styles = [dict(color="black", linestyle="--", linewidth=2.2),
                  dict(color="grey", linestyle="-.", linewidth=1.5),
                  dict(color="grey", linestyle=":", linewidth=1.5)]
        for i, name in enumerate(ceilings(rows)):
            ys = [rows[(name, "ceiling", s)].median("bytes") / scale if rows.get((name, "ceiling", s))
                  and rows[(name, "ceiling", s)].median("bytes") else float("nan") for s in k.sizes]
            if any(y == y for y in ys):
                ax1.plot(x, ys, label=f"{name} ceiling", **styles[min(i, len(styles) - 1)])
    ax1.set_yscale("log")
    ax1.set_xticks(x, labels, rotation=30 if rotate else 0, ha="right" if rotate else "center")
    ax1.set_xlabel("working set (read + written)" if k.metric == "bytes" else "size")
    ax1.set_ylabel(unit)
    ax1.set_title(f"{k.name}: throughput")
    ax1.grid(True, which="both", alpha=0.3)
    handles, names = ax1.get_legend_handles_labels()

    bars = [v for v in k.variants if v != "scalar"]
    if "scalar" in k.variants and bars:
        width = 0.8 / len(bars)
        lowest = highest = 1.0
        for i, v in enumerate(bars):
            ys = []
            for s in k.sizes:
                r, b = k.get(v, s), k.get("scalar", s)
                ys.append(ratio(r, b, k.metric)[0] if r and b else 0)
            style = layer_style(v, peers)
            lowest = min([lowest] + [y for y in ys if y > 0])
            highest = max([highest] + ys)
            ax2.bar([xi - 0.4 + width * (i + 0.5) for xi in x], ys, width, label=v,
                    color=style["color"], edgecolor="black", linewidth=0.3,
                    hatch="//" if is_peer(v) else None)
        ax2.axhline(1, color="black", linewidth=1)
        ax2.set_yscale("log")
        ax2.set_ylim(max(lowest * 0.7, 0.02), highest * 1.4)
        ax2.set_yscale("log")
        ax2.set_xticks(x, labels, rotation=30 if rotate else 0, ha="right" if rotate else "center")
        ax2.set_ylabel("speedup over scalar (x)")
        ax2.set_title(f"{k.name}: speedup over the scalar layer")
        ax2.grid(True, axis="y", which="both", alpha=0.3)
    else:
        ax2.axis("off")
    fig.tight_layout(rect=(0, 0, 0.86, 1))
    fig.legend(handles, names, fontsize=8, loc="center left", bbox_to_anchor=(0.86, 0.5), frameon=False)
    fig.savefig(path, dpi=90)
    plt.close(fig)


def plot_teach(k, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    unit, scale = unit_of(k)
    labels, ys, colors = [], [], []
    for s in k.sizes:
        for v in k.variants:
            r = k.get(v, s)
            if r is None:
                continue
            labels.append(f"{v}\n{s}")
            ys.append(r.median(k.metric) / scale)
            wrong = "lost" in r.counters and max(r.counters["lost"].values()) > 0
            colors.append("tab:red" if wrong else "tab:blue")
    fig, ax = plt.subplots(figsize=(max(5, 1.1 * len(labels)), 3.6))
    bars = ax.bar(range(len(ys)), ys, color=colors, edgecolor="black", linewidth=0.4)
    ax.bar_label(bars, labels=[f"{y:.3g}" for y in ys], fontsize=8, padding=2)
    ax.margins(y=0.15)
    ax.set_xticks(range(len(ys)), labels, fontsize=8)
    if ys and min(ys) > 0 and max(ys) / min(ys) > 20:
        ax.set_yscale("log")
    ax.set_ylabel(unit)
    ax.set_title(k.name + ("  (red: wrong total, lost updates)" if "tab:red" in colors else ""))
    ax.grid(True, axis="y", which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("json")
    ap.add_argument("--out", default="report")
    ap.add_argument("--command", default="", help="the command line to quote in the header")
    ap.add_argument("--no-plots", action="store_true")
    args = ap.parse_args()
    context, rows = load(args.json)
    names = sorted({k for k, _, _ in rows} - set(ceilings(rows)))
    kernels = [Kernel(n, rows, context) for n in names if not n.startswith("teach_")]
    teach = [Kernel(n, rows, context, registration_order=True) for n in names if n.startswith("teach_")]
    plots = {}
    if not args.no_plots:
        os.makedirs(os.path.join(args.out, "plots"), exist_ok=True)
        for k in kernels + teach:
            path = os.path.join(args.out, "plots", f"{k.name}.png")
            print(f"report: plotting {path}", flush=True)
            (plot_teach(k, path) if k in teach else plot_kernel(k, rows, context, path))
            plots[k.name] = path
    lines = header(context, args.command)
    if kernels:
        lines += summary_section(kernels)
    for k in kernels:
        lines += kernel_section(k, rows, plots)
    if teach:
        lines += teach_section(teach, rows, plots)
    lines += ceiling_section(rows, context)
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "report.md")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"report: wrote {path} ({len(kernels)} kernels, {len(teach)} teaching series)")


if __name__ == "__main__":
    main()
