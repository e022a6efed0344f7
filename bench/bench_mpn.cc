// Multi-word addition family: strata_mpn_add_n / sub_n in every layer beside GMP's mpn_add_n /
// mpn_sub_n (called as GMP's users call them), and strata_mpn_add_batch beside a loop of GMP calls.
// Rows: mpn_add_n/<variant>/n=<limbs>, mpn_sub_n/<variant>/n=<limbs>,
//       mpn_add_batch/<variant>/<limbs>x<count>. items/s = limbs per second; bytes/s counts the
// 24 bytes read and written per limb. Inputs are random limbs (carries as in real use).
// Compare rows by their real_time (wall clock, reported for every row): the task rows run on
// several threads, whose work the per-thread CPU time of the main thread does not see. (Not
// UseRealTime(): it would append /real_time to the names the report parses.)
#include "bench_common.h"

#include <random>

#if STRATA_BENCH_GMP
#include <gmp.h>
#endif

namespace strata_bench {

namespace {

struct Limbs {
  Bytes bytes;
  uint64_t *p;
};

Limbs random_limbs(size_t n, uint64_t seed) {
  Limbs l{alloc_bytes(n * 8 + 64), nullptr};
  l.p = reinterpret_cast<uint64_t *>(l.bytes.get());
  std::mt19937_64 rng(seed);
  for (size_t i = 0; i < n; i++) l.p[i] = rng();
  return l;
}

const size_t kSizes[] = {
    1, 8, 64, 512, 4096, 65536, size_t(1) << 18, size_t(1) << 20, size_t(8) << 20};

void set_counters(benchmark::State &state, size_t limbs) {
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(limbs));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(24 * limbs));
}

using NFn = strata_status (*)(uint64_t *, const uint64_t *, const uint64_t *, size_t, uint64_t *,
                              const strata_exec *);

void register_n(const char *kernel, NFn fn, bool sub) {
  const unsigned layers = 1u << STRATA_LAYER_SCALAR | 1u << STRATA_LAYER_BIT |
                          1u << STRATA_LAYER_INSTRUCTION | 1u << STRATA_LAYER_DATA |
                          1u << STRATA_LAYER_TASK;
  std::vector<Variant> vars = variants(layers);
  // The task layer on AVX2 as well when the best ISA is AVX-512.
  if (strata_best_isa() == STRATA_ISA_AVX512 && strata_isa_available(STRATA_ISA_AVX2))
    vars.push_back({"task:avx2:t2", {STRATA_LAYER_TASK, STRATA_ISA_AVX2, 2}});
  for (size_t n : kSizes) {
    const std::string size = "n=" + std::to_string(n);
    for (const Variant &v : vars) {
      const strata_exec exec = v.exec;
      // The scalar and bit layers at 8M limbs add minutes and nothing new.
      if (n > (size_t(1) << 20) && (v.name == "scalar" || v.name == "bit")) continue;
      benchmark::RegisterBenchmark((std::string(kernel) + "/" + v.name + "/" + size).c_str(),
                                   [n, exec, fn](benchmark::State &state) {
                                     Limbs a = random_limbs(n, 1), b = random_limbs(n, 2),
                                           r = random_limbs(n, 3);
                                     uint64_t c = 0;
                                     for (auto _ : state) {
                                       if (!ok_or_skip(state, fn(r.p, a.p, b.p, n, &c, &exec)))
                                         break;
                                       benchmark::DoNotOptimize(c);
                                       benchmark::ClobberMemory();
                                     }
                                     set_counters(state, n);
                                   });
    }
#if STRATA_BENCH_GMP
    benchmark::RegisterBenchmark(
        (std::string(kernel) + "/gmp/" + size).c_str(), [n, sub](benchmark::State &state) {
          Limbs a = random_limbs(n, 1), b = random_limbs(n, 2), r = random_limbs(n, 3);
          for (auto _ : state) {
            mp_limb_t c = sub ? mpn_sub_n(r.p, a.p, b.p, mp_size_t(n))
                              : mpn_add_n(r.p, a.p, b.p, mp_size_t(n));
            benchmark::DoNotOptimize(c);
            benchmark::ClobberMemory();
          }
          set_counters(state, n);
        });
#endif
  }
}

// Batches of `limbs`-limb numbers: `count` of them in cache and out of cache.
void register_batch() {
  const unsigned layers = 1u << STRATA_LAYER_SCALAR | 1u << STRATA_LAYER_INSTRUCTION |
                          1u << STRATA_LAYER_DATA | 1u << STRATA_LAYER_TASK;
  struct Shape {
    size_t limbs, count;
  };
  const Shape shapes[] = {{4, 1024}, {4, size_t(1) << 20}, {2, 4096}, {8, 1024}};
  for (const Shape &sh : shapes) {
    const size_t limbs = sh.limbs, count = sh.count, total = limbs * count;
    const std::string size = std::to_string(limbs) + "x" + std::to_string(count);
    for (const Variant &v : variants(layers)) {
      const strata_exec exec = v.exec;
      benchmark::RegisterBenchmark(
          ("mpn_add_batch/" + v.name + "/" + size).c_str(),
          [limbs, count, total, exec](benchmark::State &state) {
            Limbs a = random_limbs(total, 1), b = random_limbs(total, 2),
                  r = random_limbs(total, 3);
            std::vector<uint8_t> carries(count);
            for (auto _ : state) {
              if (!ok_or_skip(state, strata_mpn_add_batch_ex(r.p, a.p, b.p, limbs, count,
                                                             carries.data(), &exec)))
                break;
              benchmark::ClobberMemory();
            }
            set_counters(state, total);
          });
    }
#if STRATA_BENCH_GMP
    benchmark::RegisterBenchmark(
        ("mpn_add_batch/gmp_loop/" + size).c_str(), [limbs, count, total](benchmark::State &state) {
          Limbs a = random_limbs(total, 1), b = random_limbs(total, 2), r = random_limbs(total, 3);
          std::vector<uint8_t> carries(count);
          for (auto _ : state) {
            for (size_t k = 0; k < count; k++)
              carries[k] = uint8_t(
                  mpn_add_n(r.p + k * limbs, a.p + k * limbs, b.p + k * limbs, mp_size_t(limbs)));
            benchmark::ClobberMemory();
          }
          set_counters(state, total);
        });
#endif
  }
}

void register_mpn() {
  register_n("mpn_add_n", strata_mpn_add_n_ex, false);
  register_n("mpn_sub_n", strata_mpn_sub_n_ex, true);
  register_batch();
}

} // namespace

static const int mpn_registered = add_registrar(register_mpn);

} // namespace strata_bench
