"""Reads strata_bench's google-benchmark JSON into samples per row, for report.py, gate.py and
compare.py. A row is (kernel, variant, size) from the name <kernel>/<variant>/<size> (see
bench_common.h); google-benchmark's suffixes (/real_time, /threads:N ...) are stripped.

Every sample is on the wall clock: rows registered without UseRealTime have their bytes/s and
items/s computed by google-benchmark from the CPU time of the calling thread, which undercounts
threads; they are rescaled by cpu_time / real_time so that all rows compare on one clock."""
import json
import re
import statistics
from collections import defaultdict

SUFFIX = re.compile(r"(/(real_time|manual_time|process_time|threads:\d+|iterations:\d+|"
                    r"repeats:\d+|min_time:[\d.]+s?))+$")
UNIT = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
STANDARD = {"name", "run_name", "run_type", "repetitions", "repetition_index", "threads",
            "iterations", "real_time", "cpu_time", "time_unit", "family_index",
            "per_family_instance_index", "aggregate_name", "aggregate_unit", "label",
            "error_occurred", "error_message", "bytes_per_second", "items_per_second"}
LAYER_ORDER = ["scalar", "bit", "instruction", "data", "task", "auto", "autovec"]
ISA_ORDER = ["generic", "sse2", "avx2", "avx512", "neon"]


def split_name(name):
    """'brighten_u8/data:avx2/L1/real_time' -> ('brighten_u8', 'data:avx2', 'L1'); None if the
    name does not follow the scheme. A kernel part containing '/' keeps it (the last two parts
    are the variant and the size)."""
    parts = SUFFIX.sub("", name).rsplit("/", 2)
    return tuple(parts) if len(parts) == 3 and all(parts) else None


class Row:
    """The repetitions of one benchmark: per-repetition wall-clock rates, times and counters."""

    def __init__(self):
        self.bytes = {}     # repetition index -> bytes/s
        self.items = {}     # repetition index -> items/s
        self.time = {}      # repetition index -> seconds per iteration (wall clock)
        self.counters = defaultdict(dict)  # counter -> {repetition index -> value}
        self.error = None
        self.order = 0      # registration order (google-benchmark's family_index)

    def metric(self):
        """'bytes' or 'items' (the throughput this row reports), or 'time' if neither."""
        return "bytes" if self.bytes else "items" if self.items else "time"

    def samples(self, metric=None):
        """{repetition: throughput} in the given metric; for 'time', 1/seconds (calls per second),
        so that larger is always better."""
        metric = metric or self.metric()
        if metric == "time":
            return {r: 1.0 / t for r, t in self.time.items() if t > 0}
        return self.bytes if metric == "bytes" else self.items

    def median(self, metric=None):
        s = list(self.samples(metric).values())
        return statistics.median(s) if s else None

    def spread(self, metric=None):
        """Half the range of the repetitions, relative to the median (0.03 = +-3%)."""
        s = list(self.samples(metric).values())
        if len(s) < 2:
            return None
        return (max(s) - min(s)) / 2 / statistics.median(s)


def load(path):
    """(context, {(kernel, variant, size): Row}). Uses the per-repetition rows when present, else
    the median aggregates (a file written with --benchmark_report_aggregates_only)."""
    with open(path) as f:
        data = json.load(f)
    runs = data.get("benchmarks", [])
    have_iterations = {b.get("run_name", b["name"]) for b in runs if b.get("run_type") != "aggregate"}
    rows = defaultdict(Row)
    for i, b in enumerate(runs):
        run_name = b.get("run_name", b["name"])
        if b.get("run_type") == "aggregate":
            if run_name in have_iterations or b.get("aggregate_name") != "median":
                continue
        key = split_name(run_name)
        if key is None:
            continue
        row = rows[key]
        row.order = b.get("family_index", i)
        if b.get("error_occurred"):
            row.error = b.get("error_message", "error")
            continue
        rep = b.get("repetition_index", 0) if b.get("run_type") != "aggregate" else 0
        scale = UNIT.get(b.get("time_unit", "ns"), 1e-9)
        real, cpu = b["real_time"] * scale, b["cpu_time"] * scale
        wall = 1.0 if "/real_time" in b["name"] or real <= 0 else cpu / real
        row.time[rep] = real
        if "bytes_per_second" in b:
            row.bytes[rep] = b["bytes_per_second"] * wall
        if "items_per_second" in b:
            row.items[rep] = b["items_per_second"] * wall
        for k, v in b.items():
            if k not in STANDARD and isinstance(v, (int, float)) and not isinstance(v, bool):
                row.counters[k][rep] = v
    return data.get("context", {}), dict(rows)


def ratio(a, b, metric):
    """Median over repetitions of a/b, pairing repetition i of a with repetition i of b (measured
    in the same round); the ratio of medians when they were not measured in the same rounds.
    Returns (median, [per-repetition ratios])."""
    sa, sb = a.samples(metric), b.samples(metric)
    common = sorted(set(sa) & set(sb))
    if common and len(common) == len(sa) == len(sb):
        rs = [sa[r] / sb[r] for r in common if sb[r] > 0]
        return (statistics.median(rs), rs) if rs else (None, [])
    ma, mb = a.median(metric), b.median(metric)
    return (ma / mb, []) if ma and mb else (None, [])


def variant_key(v):
    """Sort key: scalar, bit, instruction, data by ISA, task by ISA and threads, auto, autovec,
    then peers alphabetically."""
    parts = v.split(":")
    layer = parts[0]
    if layer in LAYER_ORDER:
        isa = ISA_ORDER.index(parts[1]) if len(parts) > 1 and parts[1] in ISA_ORDER else 0
        threads = int(parts[2][1:]) if len(parts) > 2 and parts[2][1:].isdigit() else 0
        return (LAYER_ORDER.index(layer), isa, threads, v)
    return (len(LAYER_ORDER), 0, 0, v)


def is_peer(v):
    return v.split(":")[0] not in LAYER_ORDER


def size_classes(context):
    """{'L1': bytes, ...} from the harness's context."""
    out = {}
    for item in context.get("strata_size_classes", "").split(","):
        if "=" in item:
            k, v = item.split("=", 1)
            out[k] = int(v)
    return out


def size_key(label, context, rows_of_size=()):
    """Sort key for size labels: the harness's classes by working set, else bytes (or items) per
    call derived from a row's rate and time, else the numbers in the label."""
    classes = size_classes(context)
    if label in classes:
        return (0, classes[label], label)
    for row in rows_of_size:
        rate, t = row.median("bytes") or row.median("items"), statistics.median(row.time.values()) if row.time else 0
        if rate and t:
            return (0, rate * t, label)
    nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", label)]
    prod = 1.0
    for x in nums:
        prod *= x
    return (1, prod if nums else 0, label)
