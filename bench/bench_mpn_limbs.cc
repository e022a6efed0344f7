// Teaching series (bench only): the same 4096-bit addition with 8-, 16-, 32- and 64-bit limbs.
// Each is the plain carry loop, one limb per step: a machine with w-bit words needs 4096 / w
// steps, so the steps fall (and the speed rises) as the word widens; bit-level parallelism is the
// width of the adder. Rows teach_limbs/u<w>/4096bit; counter `steps` = limb additions per call,
// items/s = 4096-bit additions per second.
// The loops must stay scalar: the carry is a loop-carried dependency, so no compiler vectorizes
// them; on gcc they are also marked no-tree-vectorize to make that explicit (check with
// `objdump -d strata_bench | grep -A40 teach_add`: no xmm/ymm instructions in the loops).
#include "bench_common.h"

#include <random>

#if defined(__GNUC__) && !defined(__clang__)
#define TEACH_SCALAR __attribute__((noinline, optimize("no-tree-vectorize")))
#else
#define TEACH_SCALAR __attribute__((noinline))
#endif

namespace strata_bench {

namespace {

// r = a + b over n limbs of type T (narrower than 64 bits): the carry is the bits above T.
template <typename T> TEACH_SCALAR unsigned teach_add(T *r, const T *a, const T *b, size_t n) {
  unsigned carry = 0;
  for (size_t i = 0; i < n; i++) {
    const uint64_t s = uint64_t(a[i]) + b[i] + carry;
    r[i] = T(s);
    carry = unsigned(s >> (8 * sizeof(T)));
  }
  return carry;
}

// 64-bit limbs: no wider type to catch the carry, so it comes from comparisons.
template <>
TEACH_SCALAR unsigned teach_add<uint64_t>(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                          size_t n) {
  uint64_t carry = 0;
  for (size_t i = 0; i < n; i++) {
    const uint64_t s = a[i] + b[i], t = s + carry;
    carry = (s < a[i]) | (t < s);
    r[i] = t;
  }
  return unsigned(carry);
}

template <typename T> void register_width(const char *name) {
  benchmark::RegisterBenchmark((std::string("teach_limbs/") + name + "/4096bit").c_str(),
                               [](benchmark::State &state) {
                                 constexpr size_t n = 4096 / (8 * sizeof(T));
                                 T a[n], b[n], r[n];
                                 std::mt19937_64 rng(5);
                                 for (size_t i = 0; i < n; i++) a[i] = T(rng()), b[i] = T(rng());
                                 for (auto _ : state) {
                                   benchmark::DoNotOptimize(teach_add<T>(r, a, b, n));
                                   benchmark::ClobberMemory();
                                 }
                                 state.counters["steps"] = double(n);
                                 state.SetItemsProcessed(int64_t(state.iterations()));
                                 state.SetBytesProcessed(int64_t(state.iterations()) * 3 * 512);
                               });
}

void register_limbs() {
  register_width<uint8_t>("u8");
  register_width<uint16_t>("u16");
  register_width<uint32_t>("u32");
  register_width<uint64_t>("u64");
}

} // namespace

static const int limbs_registered = add_registrar(register_limbs);

} // namespace strata_bench
