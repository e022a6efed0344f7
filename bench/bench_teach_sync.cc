// Teaching series, task layer: T OpenMP threads each add 1 to a shared total a million times.
// Rows teach_sync/<method>/t<T> (T = 1, then the task rows' thread counts), one per way:
//
//   none      no synchronization: load, add, store, as `total += 1` compiles. The threads overwrite
//             each other's updates; the wrong total is reported (counters total, lost), not hidden.
//   critical  `#pragma omp critical` around the add: a lock taken two million times.
//   atomic    `#pragma omp atomic`: one locked read-modify-write per add, the line ping-pongs.
//   reduction `reduction(+:total)`: each thread adds into its own private copy; OpenMP combines
//             the copies once at the end.
//   packed    per-thread partial sums in memory, side by side in ONE cache line: no update is lost,
//             but every store takes the line away from the other core (false sharing).
//   padded    the same partial sums, each on its own 64-byte line: as fast as private memory.
//
// The lesson (why strata's task layer combines per-thread partials instead of locking): the
// correct rows differ by orders of magnitude, and only reduction/padded scale with threads.
//
// Unsynchronized and per-iteration-in-memory updates use relaxed std::atomic loads and stores
// (plain `mov` on x86, exactly what racy C code compiles to, but without undefined behaviour and
// without the compiler folding the million adds into one). The reduction's private copy stays in
// a register; an empty asm keeps the compiler from replacing the loop by `total += n`.
#include "bench_common.h"

#include <omp.h>

#include <atomic>

namespace strata_bench {

static constexpr long kAdds = 1000000;  // per thread

struct alignas(64) PaddedSlot {
  std::atomic<long> value;
};

static long run_none(int threads) {
  std::atomic<long> total{0};
#pragma omp parallel num_threads(threads)
  for (long i = 0; i < kAdds; i++) total.store(total.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  return total.load();
}

static long run_critical(int threads) {
  long total = 0;
#pragma omp parallel num_threads(threads)
  for (long i = 0; i < kAdds; i++) {
#pragma omp critical
    total += 1;
  }
  return total;
}

static long run_atomic(int threads) {
  long total = 0;
#pragma omp parallel num_threads(threads)
  for (long i = 0; i < kAdds; i++) {
#pragma omp atomic
    total += 1;
  }
  return total;
}

static long run_reduction(int threads) {
  long total = 0;
#pragma omp parallel num_threads(threads) reduction(+ : total)
  for (long i = 0; i < kAdds; i++) {
    total += 1;
    asm volatile("" : "+r"(total));
  }
  return total;
}

static long run_packed(int threads) {
  alignas(64) std::atomic<long> partial[STRATA_MAX_THREADS] = {};
#pragma omp parallel num_threads(threads)
  {
    std::atomic<long> &mine = partial[omp_get_thread_num()];
    for (long i = 0; i < kAdds; i++) mine.store(mine.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  }
  long total = 0;
  for (int t = 0; t < threads; t++) total += partial[t].load();
  return total;
}

static long run_padded(int threads) {
  std::vector<PaddedSlot> partial(threads);
  for (auto &p : partial) p.value.store(0);
#pragma omp parallel num_threads(threads)
  {
    std::atomic<long> &mine = partial[omp_get_thread_num()].value;
    for (long i = 0; i < kAdds; i++) mine.store(mine.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  }
  long total = 0;
  for (auto &p : partial) total += p.value.load();
  return total;
}

static void register_teach_sync() {
  struct Method {
    const char *name;
    long (*run)(int);
  };
  static const Method methods[] = {{"none", run_none},          {"critical", run_critical},
                                   {"atomic", run_atomic},      {"reduction", run_reduction},
                                   {"packed", run_packed},      {"padded", run_padded}};
  // One thread first: the reference (nothing lost, no contention) for every method.
  std::vector<int> thread_counts = {1};
  for (int t : task_thread_counts())
    if (t != 1) thread_counts.push_back(t);
  for (int threads : thread_counts)
    for (const Method &m : methods) {
      auto run = m.run;
      add_row(std::string("teach_sync/") + m.name + "/t" + std::to_string(threads),
              [run, threads](benchmark::State &state) {
                const long expected = kAdds * threads;
                long lost = 0, last = 0;
                for (auto _ : state) {
                  last = run(threads);
                  lost += expected - last;
                }
                set_rates(state, 0, size_t(expected));
                state.counters["expected"] = double(expected);
                state.counters["total"] = double(last);  // of the last call
                state.counters["lost"] = benchmark::Counter(double(lost), benchmark::Counter::kAvgIterations);
              });
    }
}
static const int teach_sync_registered = add_registrar(register_teach_sync);

}  // namespace strata_bench
