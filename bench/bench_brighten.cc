// Brightness family: strata_brighten_u8 in every layer at every size class.
#include "bench_common.h"

namespace strata_bench {

static void register_brighten() {
  const unsigned layers = 1u << STRATA_LAYER_SCALAR | 1u << STRATA_LAYER_BIT |
                          1u << STRATA_LAYER_DATA | 1u << STRATA_LAYER_TASK;
  for (const SizeClass &sc : size_classes()) {
    const size_t n = sc.bytes / 2;
    for (const Variant &v : variants(layers)) {
      const strata_exec exec = v.exec;
      benchmark::RegisterBenchmark(
          ("brighten_u8/" + v.name + "/" + sc.name).c_str(), [n, exec](benchmark::State &state) {
            Bytes src = alloc_bytes(n, 100), dst = alloc_bytes(n);
            for (auto _ : state) {
              if (!ok_or_skip(state, strata_brighten_u8_ex(dst.get(), src.get(), n, 40, &exec)))
                break;
              benchmark::ClobberMemory();
            }
            state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(2 * n));
          });
    }
  }
}
static const int brighten_registered = add_registrar(register_brighten);

}  // namespace strata_bench
