/* Element-wise arithmetic, data layer: one SIMD vector of VEC_BYTES bytes per step (SIMDe),
   compiled once per ISA. One generic driver (arith_map) runs every element-wise kernel; each
   (op, type) pair only names its vector operation (v_<op>_<type>), and ARITH_PAIRS instantiates
   the driver for all 50 pairs. Every vector operation gives, lane by lane, exactly the scalar
   layer's result:
   - integer ADD, SUB wrap; MUL keeps the low bits (8-bit: two 16-bit multiplies, of the even and
     of the odd bytes; 64-bit below 512 bits: three 32x32->64 multiplies);
   - float MIN(a, b) = (b < a) ? b : a is min_ps(b, a) (min_ps returns its second operand when
     either is NaN or both are zero), MAX likewise with max_ps(b, a);
   - FMA uses the fused instruction where the ISA has one (AVX2, AVX-512); elsewhere (SSE2,
     GENERIC) each lane calls C's fmaf / fma, because SIMDe's fallback (a * b + c) rounds twice.
   Any alignment; dst may be exactly a, b or c; reads and writes exactly n elements:
   - inputs shorter than one vector go through zeroed stack vectors (never past the end);
   - otherwise the first and the last vector (which may overlap the body) are computed from the
     inputs before anything is stored, so in place stays exact; the body stores at dst-aligned
     offsets (when dst is element-aligned), with non-temporal stores when ARITH_STREAM is set.
   Reductions keep 4 vector accumulators (independent chains) and reduce them to one scalar in a
   fixed order at the end; the integer sums are exact (i32 lanes are biased by 2^31 and widened
   to 64 bits; u8 sums use the sum-of-absolute-differences instruction against zero). */
#include <math.h>

#include "arith.h"
#include "vec.h"
#if STRATA_VEC_BITS < 512
#include <simde/x86/fma.h>
#include <simde/x86/sse4.2.h>
#endif

/* Reinterpreting casts between the integer and the float vector types (no instruction). */
#if STRATA_VEC_BITS == 512
#define AS_PS(v) simde_mm512_castsi512_ps(v)
#define AS_PD(v) simde_mm512_castsi512_pd(v)
#define PS_AS_I(v) simde_mm512_castps_si512(v)
#define PD_AS_I(v) simde_mm512_castpd_si512(v)
#elif STRATA_VEC_BITS == 256
#define AS_PS(v) simde_mm256_castsi256_ps(v)
#define AS_PD(v) simde_mm256_castsi256_pd(v)
#define PS_AS_I(v) simde_mm256_castps_si256(v)
#define PD_AS_I(v) simde_mm256_castpd_si256(v)
#else
#define AS_PS(v) simde_mm_castsi128_ps(v)
#define AS_PD(v) simde_mm_castsi128_pd(v)
#define PS_AS_I(v) simde_mm_castps_si128(v)
#define PD_AS_I(v) simde_mm_castpd_si128(v)
#endif

/* HAVE_FUSED: the ISA has a fused multiply-add instruction (AVX2 and AVX-512 builds). */
#if (STRATA_VEC_BITS == 512 && defined(SIMDE_X86_AVX512F_NATIVE)) ||                               \
    (STRATA_VEC_BITS < 512 && defined(SIMDE_X86_FMA_NATIVE))
#define HAVE_FUSED 1
#else
#define HAVE_FUSED 0
#endif

/* ---- The vector operation of each (op, type) pair, on integer-typed vectors. ---- */

#define INT_OPS(t, bits, sign)                                                                     \
  VEC_INLINE vec_i v_add_##t(vec_i a, vec_i b) {                                                   \
    return VEC_OP(add_epi##bits)(a, b);                                                            \
  }                                                                                                \
  VEC_INLINE vec_i v_sub_##t(vec_i a, vec_i b) {                                                   \
    return VEC_OP(sub_epi##bits)(a, b);                                                            \
  }
INT_OPS(u8, 8, u)
INT_OPS(i8, 8, i)
INT_OPS(u16, 16, u)
INT_OPS(i16, 16, i)
INT_OPS(i32, 32, i)
INT_OPS(i64, 64, i)

/* min/max: the instruction where every ISA has one (so (b < a) ? b : a is just the minimum). */
#define MINMAX_OPS(t, sfx)                                                                         \
  VEC_INLINE vec_i v_min_##t(vec_i a, vec_i b) {                                                   \
    return VEC_OP(min_##sfx)(a, b);                                                                \
  }                                                                                                \
  VEC_INLINE vec_i v_max_##t(vec_i a, vec_i b) {                                                   \
    return VEC_OP(max_##sfx)(a, b);                                                                \
  }
MINMAX_OPS(u8, epu8)
MINMAX_OPS(i8, epi8)
MINMAX_OPS(u16, epu16)
MINMAX_OPS(i16, epi16)
MINMAX_OPS(i32, epi32)

#define SAT_OPS(t, sfx)                                                                            \
  VEC_INLINE vec_i v_adds_##t(vec_i a, vec_i b) {                                                  \
    return VEC_OP(adds_##sfx)(a, b);                                                               \
  }                                                                                                \
  VEC_INLINE vec_i v_subs_##t(vec_i a, vec_i b) {                                                  \
    return VEC_OP(subs_##sfx)(a, b);                                                               \
  }
SAT_OPS(u8, epu8)
SAT_OPS(i8, epi8)
SAT_OPS(u16, epu16)
SAT_OPS(i16, epi16)

/* 8-bit multiply (no such instruction): the low byte of a 16-bit product depends only on the
   low bytes of its factors, so multiply the even bytes in place and the odd bytes shifted down,
   and interleave the low bytes of the two products. */
VEC_INLINE vec_i v_mul_u8(vec_i a, vec_i b) {
  const vec_i low = VEC_OP(set1_epi16)(0x00ff);
  const vec_i even = VEC_OP(mullo_epi16)(a, b);
  const vec_i odd = VEC_OP(mullo_epi16)(VEC_OP(srli_epi16)(a, 8), VEC_OP(srli_epi16)(b, 8));
  return VEC_SI(or)(VEC_SI(and)(even, low), VEC_OP(slli_epi16)(odd, 8));
}
VEC_INLINE vec_i v_mul_i8(vec_i a, vec_i b) {
  return v_mul_u8(a, b);
}
VEC_INLINE vec_i v_mul_u16(vec_i a, vec_i b) {
  return VEC_OP(mullo_epi16)(a, b);
}
VEC_INLINE vec_i v_mul_i16(vec_i a, vec_i b) {
  return VEC_OP(mullo_epi16)(a, b);
}
VEC_INLINE vec_i v_mul_i32(vec_i a, vec_i b) {
  return VEC_OP(mullo_epi32)(a, b);
}

#if STRATA_VEC_BITS == 512
VEC_INLINE vec_i v_mul_i64(vec_i a, vec_i b) {
  return simde_mm512_mullo_epi64(a, b);
}
VEC_INLINE vec_i v_min_i64(vec_i a, vec_i b) {
  return simde_mm512_min_epi64(a, b);
}
VEC_INLINE vec_i v_max_i64(vec_i a, vec_i b) {
  return simde_mm512_max_epi64(a, b);
}
#else
/* Below AVX-512 there is no 64-bit multiply: lo(a)lo(b) + ((hi(a)lo(b) + lo(a)hi(b)) << 32),
   which is the exact product mod 2^64. */
VEC_INLINE vec_i v_mul_i64(vec_i a, vec_i b) {
  const vec_i cross = VEC_OP(add_epi64)(VEC_OP(mul_epu32)(VEC_OP(srli_epi64)(a, 32), b),
                                        VEC_OP(mul_epu32)(a, VEC_OP(srli_epi64)(b, 32)));
  return VEC_OP(add_epi64)(VEC_OP(mul_epu32)(a, b), VEC_OP(slli_epi64)(cross, 32));
}
/* ... nor a 64-bit min/max: compare and blend. */
VEC_INLINE vec_i v_min_i64(vec_i a, vec_i b) {
  return VEC_OP(blendv_epi8)(a, b, VEC_OP(cmpgt_epi64)(a, b));
}
VEC_INLINE vec_i v_max_i64(vec_i a, vec_i b) {
  return VEC_OP(blendv_epi8)(a, b, VEC_OP(cmpgt_epi64)(b, a));
}
#endif

#define FLOAT_OPS(t, sfx, AS, TO)                                                                  \
  VEC_INLINE vec_i v_add_##t(vec_i a, vec_i b) {                                                   \
    return TO(VEC_OP(add_##sfx)(AS(a), AS(b)));                                                    \
  }                                                                                                \
  VEC_INLINE vec_i v_sub_##t(vec_i a, vec_i b) {                                                   \
    return TO(VEC_OP(sub_##sfx)(AS(a), AS(b)));                                                    \
  }                                                                                                \
  VEC_INLINE vec_i v_mul_##t(vec_i a, vec_i b) {                                                   \
    return TO(VEC_OP(mul_##sfx)(AS(a), AS(b)));                                                    \
  }                                                                                                \
  VEC_INLINE vec_i v_div_##t(vec_i a, vec_i b) {                                                   \
    return TO(VEC_OP(div_##sfx)(AS(a), AS(b)));                                                    \
  }                                                                                                \
  /* min_ps(x, y) = (x < y) ? x : y, so (b < a) ? b : a = min_ps(b, a). */                         \
  VEC_INLINE vec_i v_min_##t(vec_i a, vec_i b) {                                                   \
    return TO(VEC_OP(min_##sfx)(AS(b), AS(a)));                                                    \
  }                                                                                                \
  VEC_INLINE vec_i v_max_##t(vec_i a, vec_i b) {                                                   \
    return TO(VEC_OP(max_##sfx)(AS(b), AS(a)));                                                    \
  }
FLOAT_OPS(f32, ps, AS_PS, PS_AS_I)
FLOAT_OPS(f64, pd, AS_PD, PD_AS_I)

/* Fused multiply-add a * b + c, one rounding. */
#if HAVE_FUSED
VEC_INLINE vec_i v_fma_f32(vec_i a, vec_i b, vec_i c) {
  return PS_AS_I(VEC_OP(fmadd_ps)(AS_PS(a), AS_PS(b), AS_PS(c)));
}
VEC_INLINE vec_i v_fma_f64(vec_i a, vec_i b, vec_i c) {
  return PD_AS_I(VEC_OP(fmadd_pd)(AS_PD(a), AS_PD(b), AS_PD(c)));
}
#else
#define LANEWISE_FMA(t, T, fn)                                                                     \
  VEC_INLINE vec_i v_fma_##t(vec_i a, vec_i b, vec_i c) {                                          \
    T x[VEC_BYTES / sizeof(T)], y[VEC_BYTES / sizeof(T)], z[VEC_BYTES / sizeof(T)];                \
    vec_storeu(x, a);                                                                              \
    vec_storeu(y, b);                                                                              \
    vec_storeu(z, c);                                                                              \
    for (size_t k = 0; k < VEC_BYTES / sizeof(T); k++) x[k] = fn(x[k], y[k], z[k]);                \
    return vec_loadu(x);                                                                           \
  }
LANEWISE_FMA(f32, float, fmaf)
LANEWISE_FMA(f64, double, fma)
#endif

/* ---- The driver. ---- */

/* Every element-wise kernel as op(a, b, c); binary ops ignore c. */
typedef vec_i (*vec_op3)(vec_i a, vec_i b, vec_i c);

/* A vector holding the element at p (esize bytes) in every lane. */
VEC_INLINE vec_i splat(const void *p, size_t esize) {
  uint8_t buf[VEC_BYTES];
  for (size_t k = 0; k < VEC_BYTES; k += esize) memcpy(buf + k, p, esize);
  return vec_loadu(buf);
}

/* The result vector at byte offset i; b is the splatted vb when bcast; c is read when ternary. */
#define MAP_AT(i)                                                                                  \
  op(vec_loadu(a + (i)), bcast ? vb : vec_loadu(b + (i)), ternary ? vec_loadu(c + (i)) : vb)

VEC_INLINE void map_body(uint8_t *dst, const uint8_t *a, const uint8_t *b, const uint8_t *c,
                         vec_i vb, size_t i, size_t nb, vec_op3 op, int bcast, int ternary,
                         int stream) {
  if (stream) {
    for (; i + VEC_BYTES <= nb; i += VEC_BYTES) vec_stream(dst + i, MAP_AT(i));
    vec_stream_fence();
    return;
  }
  /* Unrolled x4: fewer loop instructions per vector, which shows in L1 (docs/arith.md). */
  for (; i + 4 * VEC_BYTES <= nb; i += 4 * VEC_BYTES) {
    const vec_i r0 = MAP_AT(i), r1 = MAP_AT(i + VEC_BYTES);
    const vec_i r2 = MAP_AT(i + 2 * VEC_BYTES), r3 = MAP_AT(i + 3 * VEC_BYTES);
    vec_storeu(dst + i, r0);
    vec_storeu(dst + i + VEC_BYTES, r1);
    vec_storeu(dst + i + 2 * VEC_BYTES, r2);
    vec_storeu(dst + i + 3 * VEC_BYTES, r3);
  }
  for (; i + VEC_BYTES <= nb; i += VEC_BYTES) vec_storeu(dst + i, MAP_AT(i));
}

/* dst = op(a, b, c) over nb bytes of esize-byte elements (see the contract at the top). */
VEC_INLINE void arith_map(void *dst_, const void *a_, const void *b_, const void *c_, size_t nb,
                          size_t esize, unsigned flags, vec_op3 op, int ternary) {
  uint8_t *dst = dst_;
  const uint8_t *a = a_, *b = b_, *c = c_;
  const int bcast = (flags & ARITH_BCAST) != 0;
  const vec_i vb = bcast ? splat(b, esize) : VEC_SI(setzero)();
  if (nb < VEC_BYTES) {
    uint8_t x[VEC_BYTES] = {0}, y[VEC_BYTES] = {0}, z[VEC_BYTES] = {0};
    if (nb == 0) return;
    memcpy(x, a, nb);
    if (!bcast) memcpy(y, b, nb);
    if (ternary) memcpy(z, c, nb);
    vec_storeu(x, op(vec_loadu(x), bcast ? vb : vec_loadu(y), vec_loadu(z)));
    memcpy(dst, x, nb);
    return;
  }
  const vec_i head = MAP_AT(0);
  const vec_i tail = MAP_AT(nb - VEC_BYTES);
  const int aligned = (uintptr_t)dst % esize == 0;
  const size_t i = aligned ? (VEC_BYTES - ((uintptr_t)dst & (VEC_BYTES - 1))) & (VEC_BYTES - 1) : 0;
  const int stream = aligned && (flags & ARITH_STREAM);
  if (bcast) {
    if (stream)
      map_body(dst, a, b, c, vb, i, nb, op, 1, ternary, 1);
    else
      map_body(dst, a, b, c, vb, i, nb, op, 1, ternary, 0);
  } else {
    if (stream)
      map_body(dst, a, b, c, vb, i, nb, op, 0, ternary, 1);
    else
      map_body(dst, a, b, c, vb, i, nb, op, 0, ternary, 0);
  }
  vec_storeu(dst, head);
  vec_storeu(dst + nb - VEC_BYTES, tail);
}

/* One kernel per valid pair: the driver with that pair's vector operation. */
#define DATA_BINARY(op, OP, t, TT, T)                                                              \
  VEC_INLINE vec_i op##_##t##_op3(vec_i a, vec_i b, vec_i c) {                                     \
    (void)c;                                                                                       \
    return v_##op##_##t(a, b);                                                                     \
  }                                                                                                \
  static void op##_##t##_data(void *dst, const void *a, const void *b, size_t n, unsigned flags) { \
    arith_map(dst, a, b, NULL, n * sizeof(T), sizeof(T), flags, op##_##t##_op3, 0);                \
  }
ARITH_PAIRS(DATA_BINARY)

static void fma_f32_data(float *dst, const float *a, const float *b, const float *c, size_t n,
                         unsigned flags) {
  arith_map(dst, a, b, c, n * sizeof(float), sizeof(float), flags & ARITH_STREAM, v_fma_f32, 1);
}

static void fma_f64_data(double *dst, const double *a, const double *b, const double *c, size_t n,
                         unsigned flags) {
  arith_map(dst, a, b, c, n * sizeof(double), sizeof(double), flags & ARITH_STREAM, v_fma_f64, 1);
}

/* y = fma(alpha, x, y) = fma(x, alpha, y): x is `a`, alpha the broadcast `b`, y both c and dst. */
static void axpy_f32_data(float *y, float alpha, const float *x, size_t n, unsigned flags) {
  arith_map(y, x, &alpha, y, n * sizeof(float), sizeof(float), (flags & ARITH_STREAM) | ARITH_BCAST,
            v_fma_f32, 1);
}

static void axpy_f64_data(double *y, double alpha, const double *x, size_t n, unsigned flags) {
  arith_map(y, x, &alpha, y, n * sizeof(double), sizeof(double),
            (flags & ARITH_STREAM) | ARITH_BCAST, v_fma_f64, 1);
}

/* ---- Reductions. ---- */

#define ACCS 4

/* Sum (dot = 0) or dot product (dot = 1) of n elements of a float type: ACCS vector accumulators
   over blocks of ACCS vectors, then whole vectors into accumulator 0, then the last partial vector
   (zero-padded) into accumulator 1; the accumulators are added as (0 + 1) + (2 + 3), and the lanes
   of the result left to right. Dots fuse the multiply where the ISA has FMA. */
#define FLOAT_REDUCE(t, T, sfx, AS, TO)                                                            \
  VEC_INLINE vec_i t##_term(vec_i acc, vec_i x, vec_i y, int dot) {                                \
    if (!dot) return TO(VEC_OP(add_##sfx)(AS(acc), AS(x)));                                        \
    return HAVE_FUSED ? v_fma_##t(x, y, acc) : v_add_##t(acc, v_mul_##t(x, y));                    \
  }                                                                                                \
  VEC_INLINE T t##_reduce(const T *a, const T *b, size_t n, int dot) {                             \
    const size_t lanes = VEC_BYTES / sizeof(T);                                                    \
    vec_i acc[ACCS];                                                                               \
    for (size_t k = 0; k < ACCS; k++) acc[k] = VEC_SI(setzero)();                                  \
    size_t i = 0;                                                                                  \
    for (; i + ACCS * lanes <= n; i += ACCS * lanes)                                               \
      for (size_t k = 0; k < ACCS; k++)                                                            \
        acc[k] = t##_term(acc[k], vec_loadu(a + i + k * lanes),                                    \
                          dot ? vec_loadu(b + i + k * lanes) : acc[k], dot);                       \
    for (; i + lanes <= n; i += lanes)                                                             \
      acc[0] = t##_term(acc[0], vec_loadu(a + i), dot ? vec_loadu(b + i) : acc[0], dot);           \
    if (i < n) {                                                                                   \
      T x[VEC_BYTES / sizeof(T)] = {0}, y[VEC_BYTES / sizeof(T)] = {0};                            \
      memcpy(x, a + i, (n - i) * sizeof(T));                                                       \
      if (dot) memcpy(y, b + i, (n - i) * sizeof(T));                                              \
      acc[1] = t##_term(acc[1], vec_loadu(x), vec_loadu(y), dot);                                  \
    }                                                                                              \
    const vec_i sum = v_add_##t(v_add_##t(acc[0], acc[1]), v_add_##t(acc[2], acc[3]));             \
    T lane[VEC_BYTES / sizeof(T)];                                                                 \
    vec_storeu(lane, sum);                                                                         \
    T s = lane[0];                                                                                 \
    for (size_t k = 1; k < lanes; k++) s += lane[k];                                               \
    return s;                                                                                      \
  }                                                                                                \
  static T sum_##t##_data(const T *a, size_t n) {                                                  \
    return t##_reduce(a, NULL, n, 0);                                                              \
  }                                                                                                \
  static T dot_##t##_data(const T *a, const T *b, size_t n) {                                      \
    return t##_reduce(a, b, n, 1);                                                                 \
  }
FLOAT_REDUCE(f32, float, ps, AS_PS, PS_AS_I)
FLOAT_REDUCE(f64, double, pd, AS_PD, PD_AS_I)

/* Adds the 64-bit lanes of v to s. */
VEC_INLINE uint64_t add_u64_lanes(uint64_t s, vec_i v) {
  uint64_t lane[VEC_BYTES / 8];
  vec_storeu(lane, v);
  for (size_t k = 0; k < VEC_BYTES / 8; k++) s += lane[k];
  return s;
}

/* Exact int32 sum: x + 2^31 (flip the sign bit) is the value as an unsigned 32-bit number;
   interleaving with zeros widens those to 64-bit lanes; the total is corrected by n * 2^31. */
static int64_t sum_i32_data(const int32_t *a, size_t n) {
  const size_t lanes = VEC_BYTES / 4;
  const vec_i bias = VEC_OP(set1_epi32)(INT32_MIN), zero = VEC_SI(setzero)();
  vec_i acc[ACCS];
  for (size_t k = 0; k < ACCS; k++) acc[k] = zero;
  size_t i = 0;
  for (; i + 2 * lanes <= n; i += 2 * lanes)
    for (size_t k = 0; k < 2; k++) {
      const vec_i u = VEC_SI(xor)(vec_loadu(a + i + k * lanes), bias);
      acc[2 * k] = VEC_OP(add_epi64)(acc[2 * k], VEC_OP(unpacklo_epi32)(u, zero));
      acc[2 * k + 1] = VEC_OP(add_epi64)(acc[2 * k + 1], VEC_OP(unpackhi_epi32)(u, zero));
    }
  uint64_t s = 0;
  for (size_t k = 0; k < ACCS; k++) s = add_u64_lanes(s, acc[k]);
  s -= (uint64_t)i << 31;
  for (; i < n; i++) s += (uint64_t)(int64_t)arith_load_i32(a, i);
  return (int64_t)s;
}

/* Exact byte sum: sad_epu8(x, 0) adds each group of 8 bytes into a 64-bit lane. */
static uint64_t sum_u8_data(const uint8_t *a, size_t n) {
  const vec_i zero = VEC_SI(setzero)();
  vec_i acc[ACCS];
  for (size_t k = 0; k < ACCS; k++) acc[k] = zero;
  size_t i = 0;
  for (; i + ACCS * VEC_BYTES <= n; i += ACCS * VEC_BYTES)
    for (size_t k = 0; k < ACCS; k++)
      acc[k] = VEC_OP(add_epi64)(acc[k], VEC_OP(sad_epu8)(vec_loadu(a + i + k * VEC_BYTES), zero));
  for (; i + VEC_BYTES <= n; i += VEC_BYTES)
    acc[0] = VEC_OP(add_epi64)(acc[0], VEC_OP(sad_epu8)(vec_loadu(a + i), zero));
  if (i < n) {
    uint8_t x[VEC_BYTES] = {0};
    memcpy(x, a + i, n - i);
    acc[1] = VEC_OP(add_epi64)(acc[1], VEC_OP(sad_epu8)(vec_loadu(x), zero));
  }
  uint64_t s = 0;
  for (size_t k = 0; k < ACCS; k++) s = add_u64_lanes(s, acc[k]);
  return s;
}

#define DATA_ENTRY(op, OP, t, TT, T) [STRATA_OP_##OP][STRATA_##TT] = op##_##t##_data,

static const arith_kernels data_kernels = {
    .binary = {ARITH_PAIRS(DATA_ENTRY)},
    .fma_f32 = fma_f32_data,
    .fma_f64 = fma_f64_data,
    .axpy_f32 = axpy_f32_data,
    .axpy_f64 = axpy_f64_data,
    .sum_f32 = sum_f32_data,
    .sum_f64 = sum_f64_data,
    .dot_f32 = dot_f32_data,
    .dot_f64 = dot_f64_data,
    .sum_i32 = sum_i32_data,
    .sum_u8 = sum_u8_data,
};

const arith_kernels *STRATA_ISA_FN(strata_arith_data)(void) {
  return &data_kernels;
}
