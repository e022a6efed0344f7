// Element-wise arithmetic family (strata/arith.h): binary ops, fma/axpy and reductions in every
// layer at every size class, beside the compiler's own vectorized loop of the same op
// ("<kernel>/autovec/<size>", bench/autovec_arith.c) and a 2-input ceiling
// ("triad/ceiling/<size>": the fastest read-two-write-one loop). Data-layer rows cover every ISA
// for the headline kernels (add_f32, fma_f32, sum_f32, dot_f32) and the best ISA for the rest.
// GB/s counts bytes read + written: 3 arrays for binary ops, 4 for fma, 3 for axpy (y is read
// and written), 1 for sums, 2 for dots.
#include "bench_common.h"

extern "C" {
#define AUTOVEC_DECL(name, T) void autovec_##name(T *d, const T *a, const T *b, size_t n);
AUTOVEC_DECL(add_f32, float)
AUTOVEC_DECL(add_f64, double)
AUTOVEC_DECL(add_i32, int32_t)
AUTOVEC_DECL(add_u8, uint8_t)
AUTOVEC_DECL(sub_f32, float)
AUTOVEC_DECL(sub_f64, double)
AUTOVEC_DECL(sub_i32, int32_t)
AUTOVEC_DECL(mul_f32, float)
AUTOVEC_DECL(mul_f64, double)
AUTOVEC_DECL(mul_i32, int32_t)
AUTOVEC_DECL(mul_u8, uint8_t)
AUTOVEC_DECL(div_f32, float)
AUTOVEC_DECL(div_f64, double)
AUTOVEC_DECL(min_f32, float)
AUTOVEC_DECL(max_f64, double)
AUTOVEC_DECL(min_i32, int32_t)
AUTOVEC_DECL(adds_u8, uint8_t)
AUTOVEC_DECL(subs_i16, int16_t)
#undef AUTOVEC_DECL
void autovec_fma_f32(float *d, const float *a, const float *b, const float *c, size_t n);
void autovec_fma_f64(double *d, const double *a, const double *b, const double *c, size_t n);
void autovec_axpy_f32(float *y, float alpha, const float *x, size_t n);
float autovec_sum_f32(const float *a, size_t n);
double autovec_sum_f64(const double *a, size_t n);
float autovec_dot_f32(const float *a, const float *b, size_t n);
double autovec_dot_f64(const double *a, const double *b, size_t n);
int64_t autovec_sum_i32(const int32_t *a, size_t n);
uint64_t autovec_sum_u8(const uint8_t *a, size_t n);
void triad_ceiling(uint64_t *d, const uint64_t *a, const uint64_t *b, size_t n);
}

namespace strata_bench {
namespace {

constexpr unsigned layer_bit(strata_layer l) { return 1u << l; }
constexpr unsigned kMapLayers =
    layer_bit(STRATA_LAYER_SCALAR) | layer_bit(STRATA_LAYER_DATA) | layer_bit(STRATA_LAYER_TASK);
constexpr unsigned kReduceLayers = kMapLayers | layer_bit(STRATA_LAYER_INSTRUCTION);

// Up to four arrays of n elements: a and b are inputs (b never 0 so that div stays finite),
// c a third input, d the output.
struct Buffers {
  Bytes a, b, c, d;
  Buffers(size_t bytes, int count)
      : a(alloc_bytes(bytes, 0x3f)), b(alloc_bytes(count > 1 ? bytes : 0, 0x40)),
        c(alloc_bytes(count > 2 ? bytes : 0, 0x3e)), d(alloc_bytes(count > 3 ? bytes : 0)) {}
};

struct Kernel {
  std::string name;
  unsigned layers;
  size_t esize;  // bytes per element
  int streams;   // arrays read + written per element (for GB/s)
  int arrays;    // arrays to allocate
  bool all_isas;
  std::function<strata_status(const strata_exec *, Buffers &, size_t)> run;
  std::function<void(Buffers &, size_t)> autovec;
};

template <class T>
Kernel binary(const char *name, strata_op op, strata_dtype type,
              void (*autovec)(T *, const T *, const T *, size_t), bool bit = false) {
  return {name,
          kMapLayers | (bit ? layer_bit(STRATA_LAYER_BIT) : 0u),
          sizeof(T),
          3,
          4,
          std::string(name) == "add_f32",
          [op, type](const strata_exec *e, Buffers &b, size_t n) {
            return strata_binary_ex(op, type, b.d.get(), b.a.get(), b.b.get(), n, e);
          },
          [autovec](Buffers &b, size_t n) {
            autovec(reinterpret_cast<T *>(b.d.get()), reinterpret_cast<const T *>(b.a.get()),
                    reinterpret_cast<const T *>(b.b.get()), n);
          }};
}

template <class T> T *as(Bytes &b) { return reinterpret_cast<T *>(b.get()); }

std::vector<Kernel> kernels() {
  std::vector<Kernel> k = {
      binary<float>("add_f32", STRATA_OP_ADD, STRATA_F32, autovec_add_f32),
      binary<double>("add_f64", STRATA_OP_ADD, STRATA_F64, autovec_add_f64),
      binary<int32_t>("add_i32", STRATA_OP_ADD, STRATA_I32, autovec_add_i32),
      binary<uint8_t>("add_u8", STRATA_OP_ADD, STRATA_U8, autovec_add_u8, true),
      binary<float>("sub_f32", STRATA_OP_SUB, STRATA_F32, autovec_sub_f32),
      binary<double>("sub_f64", STRATA_OP_SUB, STRATA_F64, autovec_sub_f64),
      binary<int32_t>("sub_i32", STRATA_OP_SUB, STRATA_I32, autovec_sub_i32),
      binary<float>("mul_f32", STRATA_OP_MUL, STRATA_F32, autovec_mul_f32),
      binary<double>("mul_f64", STRATA_OP_MUL, STRATA_F64, autovec_mul_f64),
      binary<int32_t>("mul_i32", STRATA_OP_MUL, STRATA_I32, autovec_mul_i32),
      binary<uint8_t>("mul_u8", STRATA_OP_MUL, STRATA_U8, autovec_mul_u8),
      binary<float>("div_f32", STRATA_OP_DIV, STRATA_F32, autovec_div_f32),
      binary<double>("div_f64", STRATA_OP_DIV, STRATA_F64, autovec_div_f64),
      binary<float>("min_f32", STRATA_OP_MIN, STRATA_F32, autovec_min_f32),
      binary<double>("max_f64", STRATA_OP_MAX, STRATA_F64, autovec_max_f64),
      binary<int32_t>("min_i32", STRATA_OP_MIN, STRATA_I32, autovec_min_i32),
      binary<uint8_t>("adds_u8", STRATA_OP_ADDS, STRATA_U8, autovec_adds_u8, true),
      binary<int16_t>("subs_i16", STRATA_OP_SUBS, STRATA_I16, autovec_subs_i16),
  };
  k.push_back({"fma_f32", kMapLayers, 4, 4, 4, true,
               [](const strata_exec *e, Buffers &b, size_t n) {
                 return strata_fma_f32_ex(as<float>(b.d), as<float>(b.a), as<float>(b.b),
                                          as<float>(b.c), n, e);
               },
               [](Buffers &b, size_t n) {
                 autovec_fma_f32(as<float>(b.d), as<float>(b.a), as<float>(b.b), as<float>(b.c), n);
               }});
  k.push_back({"fma_f64", kMapLayers, 8, 4, 4, false,
               [](const strata_exec *e, Buffers &b, size_t n) {
                 return strata_fma_f64_ex(as<double>(b.d), as<double>(b.a), as<double>(b.b),
                                          as<double>(b.c), n, e);
               },
               [](Buffers &b, size_t n) {
                 autovec_fma_f64(as<double>(b.d), as<double>(b.a), as<double>(b.b),
                                 as<double>(b.c), n);
               }});
  // y = 1e-3 * x + y: y grows by ~1e-3 per call, never overflowing in a benchmark's lifetime.
  k.push_back({"axpy_f32", kMapLayers, 4, 3, 2, false,
               [](const strata_exec *e, Buffers &b, size_t n) {
                 return strata_axpy_f32_ex(as<float>(b.b), 1e-3f, as<float>(b.a), n, e);
               },
               [](Buffers &b, size_t n) { autovec_axpy_f32(as<float>(b.b), 1e-3f, as<float>(b.a), n); }});
#define REDUCE_KERNEL(name, T, R, all, call, autovec_call)                                         \
  k.push_back({#name, kReduceLayers, sizeof(T), std::string(#name).rfind("dot", 0) == 0 ? 2 : 1,   \
               2, all,                                                                             \
               [](const strata_exec *e, Buffers &b, size_t n) {                                    \
                 R out;                                                                            \
                 strata_status s = call;                                                           \
                 benchmark::DoNotOptimize(out);                                                    \
                 return s;                                                                         \
               },                                                                                  \
               [](Buffers &b, size_t n) {                                                          \
                 R out = autovec_call;                                                             \
                 benchmark::DoNotOptimize(out);                                                    \
               }});
  REDUCE_KERNEL(sum_f32, float, float, true, strata_sum_f32_ex(as<float>(b.a), n, &out, e),
                autovec_sum_f32(as<float>(b.a), n))
  REDUCE_KERNEL(dot_f32, float, float, true,
                strata_dot_f32_ex(as<float>(b.a), as<float>(b.b), n, &out, e),
                autovec_dot_f32(as<float>(b.a), as<float>(b.b), n))
  REDUCE_KERNEL(sum_f64, double, double, false, strata_sum_f64_ex(as<double>(b.a), n, &out, e),
                autovec_sum_f64(as<double>(b.a), n))
  REDUCE_KERNEL(dot_f64, double, double, false,
                strata_dot_f64_ex(as<double>(b.a), as<double>(b.b), n, &out, e),
                autovec_dot_f64(as<double>(b.a), as<double>(b.b), n))
  REDUCE_KERNEL(sum_i32, int32_t, int64_t, false,
                strata_sum_i32_ex(as<int32_t>(b.a), n, &out, e), autovec_sum_i32(as<int32_t>(b.a), n))
  REDUCE_KERNEL(sum_u8, uint8_t, uint64_t, false, strata_sum_u8_ex(as<uint8_t>(b.a), n, &out, e),
                autovec_sum_u8(as<uint8_t>(b.a), n))
#undef REDUCE_KERNEL
  return k;
}

void register_arith() {
  const strata_isa best = strata_best_isa();
  for (const SizeClass &sc : size_classes()) {
    const size_t words = sc.bytes / 24;
    benchmark::RegisterBenchmark(("triad/ceiling/" + std::string(sc.name)).c_str(),
                                 [words](benchmark::State &state) {
                                   Bytes a = alloc_bytes(words * 8, 1), b = alloc_bytes(words * 8, 2),
                                         d = alloc_bytes(words * 8);
                                   for (auto _ : state) {
                                     triad_ceiling(as<uint64_t>(d), as<uint64_t>(a),
                                                   as<uint64_t>(b), words);
                                     benchmark::ClobberMemory();
                                   }
                                   state.SetBytesProcessed(int64_t(state.iterations()) *
                                                           int64_t(24 * words));
                                 });
  }
  for (const Kernel &k : kernels()) {
    for (const SizeClass &sc : size_classes()) {
      const size_t n = sc.bytes / (size_t(k.streams) * k.esize);
      const int64_t bytes = int64_t(n * k.esize) * k.streams;
      for (const Variant &v : variants(k.layers)) {
        if (v.exec.layer == STRATA_LAYER_DATA && v.exec.isa != best && !k.all_isas) continue;
        const strata_exec exec = v.exec;
        benchmark::RegisterBenchmark((k.name + "/" + v.name + "/" + sc.name).c_str(),
                                     [k, n, bytes, exec](benchmark::State &state) {
                                       Buffers buf(n * k.esize, k.arrays);
                                       for (auto _ : state) {
                                         if (!ok_or_skip(state, k.run(&exec, buf, n))) break;
                                         benchmark::ClobberMemory();
                                       }
                                       state.SetBytesProcessed(int64_t(state.iterations()) * bytes);
                                     });
      }
      benchmark::RegisterBenchmark((k.name + "/autovec/" + sc.name).c_str(),
                                   [k, n, bytes](benchmark::State &state) {
                                     Buffers buf(n * k.esize, k.arrays);
                                     for (auto _ : state) {
                                       k.autovec(buf, n);
                                       benchmark::ClobberMemory();
                                     }
                                     state.SetBytesProcessed(int64_t(state.iterations()) * bytes);
                                   });
    }
  }
}

const int arith_registered = add_registrar(register_arith);

}  // namespace
}  // namespace strata_bench
