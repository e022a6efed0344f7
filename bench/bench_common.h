// Shared pieces of the benchmark harness: working-set sizes read from this machine's caches,
// aligned buffers, the registration list, and the naming scheme the report parses:
//
//   <kernel>/<variant>/<size class>      e.g. brighten_u8/data:avx2/L2, brighten_u8/task:avx2:t2/DRAM
//
// <variant> is scalar, bit, instruction, data:<isa>, task:<isa>:t<threads>, auto, or a reference
// row (memcpy, copy_nt, autovec, gmp, opencv, gmp_loop ...). Size classes: L1, L2, L3, DRAM: a
// working set (bytes read + written) of half of L1, half of L2, half of L3, and four times L3;
// kernels with natural sizes use labels such as n=4096 or 1920x1080c3 instead. The three parts
// make filters easy: --benchmark_filter='brighten_u8/', '/data:', '/L2$', 'task:.*:t2/DRAM'.
// Kernels named teach_<topic> (teach_limbs, teach_sync) are teaching series: the report shows
// them in their own section with all their counters.
//
// Counters: bytes/s (bytes read + written) via SetBytesProcessed, elements/s (limbs for mpn) via
// SetItemsProcessed; set_rates() sets both. Rows registered with add_row() time wall-clock
// (UseRealTime, so that task rows count their threads' work); the report puts rows registered
// with plain RegisterBenchmark (CPU time of the calling thread) on the same wall clock.
#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <strata/strata.h>

namespace strata_bench {

struct SizeClass {
  const char *name;
  size_t bytes;  // working set: bytes read + bytes written per call
};

// L1, L2, L3, DRAM working sets from the caches google-benchmark reads from the system.
std::vector<SizeClass> size_classes();

// 64-byte aligned bytes filled with `fill`; released by the unique_ptr. Released buffers are
// kept (up to 1 GiB in all) and handed out again for the same size: google-benchmark runs a row's
// setup once per trial, and page-faulting fresh DRAM-sized buffers each time would cost more
// than the measurement.
void release_bytes(void *p);
struct FreeDeleter {
  void operator()(void *p) const { release_bytes(p); }
};
using Bytes = std::unique_ptr<uint8_t, FreeDeleter>;
Bytes alloc_bytes(size_t n, uint8_t fill = 0);

// The data-layer ISAs this CPU can run, best last.
std::vector<strata_isa> runnable_isas();

// Threads for the task-layer rows: STRATA_BENCH_THREADS (a comma-separated list such as "1,2,4")
// if set, else 2, 4, ... up to the default threads (at least 2).
std::vector<int> task_thread_counts();

// Registers one row on the wall clock (see above). The name gets google-benchmark's /real_time
// suffix, which the report and the gate strip.
benchmark::internal::Benchmark *add_row(const std::string &name,
                                        std::function<void(benchmark::State &)> fn);

// bytes/s and items/s counters for a benchmark that handles this much per call (0: no counter).
inline void set_rates(benchmark::State &state, size_t bytes_per_call, size_t items_per_call) {
  if (bytes_per_call) state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(bytes_per_call));
  if (items_per_call) state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(items_per_call));
}

// Registration: each bench_<family>.cc adds a function that registers its benchmarks; main
// calls them after reading the command line.
using Registrar = std::function<void()>;
int add_registrar(Registrar r);
void register_all();

// Every strata_exec variant of a kernel that supports `layers` (bit i = strata_layer i),
// with its name for the <variant> part.
struct Variant {
  std::string name;
  strata_exec exec;
};
std::vector<Variant> variants(unsigned layers);

// Fails the benchmark (instead of timing garbage) when a call does not return STRATA_OK.
inline bool ok_or_skip(benchmark::State &state, strata_status s) {
  if (s == STRATA_OK) return true;
  state.SkipWithError(strata_status_string(s));
  return false;
}

}  // namespace strata_bench
