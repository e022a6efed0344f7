/* Element-wise arithmetic, the reference layer: one element per step, the plainest loop, compiled
   with -fno-tree-vectorize. This file is the specification the other layers are tested against.
   - Integer ADD, SUB, MUL are done in an unsigned type at least as wide as int, so they wrap
     (keep the low bits of the exact result) without undefined behaviour.
   - Float ADD, SUB, MUL, DIV are the IEEE operation in the element's precision.
   - MIN(a, b) = (b < a) ? b : a and MAX(a, b) = (b > a) ? b : a, literally.
   - ADDS, SUBS compute in int and clamp to the type's range.
   - FMA and AXPY call C's fmaf / fma: one rounding.
   - Reductions are the left-to-right loop in the element type (int64 / uint64 for the integer
     sums, which are exact).
   Any alignment; dst may be exactly a or b; reads and writes exactly n elements. */
#include <math.h>

#include "arith.h"

/* The type each element-wise operation computes in. */
#define WIDE_u8 uint32_t
#define WIDE_i8 uint32_t
#define WIDE_u16 uint32_t
#define WIDE_i16 uint32_t
#define WIDE_i32 uint32_t
#define WIDE_i64 uint64_t
#define WIDE_f32 float
#define WIDE_f64 double

/* The saturation bounds of the 8- and 16-bit types. */
#define LO_u8 0
#define HI_u8 UINT8_MAX
#define LO_i8 INT8_MIN
#define HI_i8 INT8_MAX
#define LO_u16 0
#define HI_u16 UINT16_MAX
#define LO_i16 INT16_MIN
#define HI_i16 INT16_MAX

static inline int clamp_int(int v, int lo, int hi) {
  return v < lo ? lo : v > hi ? hi : v;
}

#define SCALAR_add(t, T, x, y) ((T)((WIDE_##t)(x) + (WIDE_##t)(y)))
#define SCALAR_sub(t, T, x, y) ((T)((WIDE_##t)(x) - (WIDE_##t)(y)))
#define SCALAR_mul(t, T, x, y) ((T)((WIDE_##t)(x) * (WIDE_##t)(y)))
#define SCALAR_div(t, T, x, y) ((T)((x) / (y)))
#define SCALAR_min(t, T, x, y) ((y) < (x) ? (y) : (x))
#define SCALAR_max(t, T, x, y) ((y) > (x) ? (y) : (x))
#define SCALAR_adds(t, T, x, y) ((T)clamp_int((int)(x) + (int)(y), LO_##t, HI_##t))
#define SCALAR_subs(t, T, x, y) ((T)clamp_int((int)(x) - (int)(y), LO_##t, HI_##t))

/* With ARITH_BCAST, b is read at index 0 for every i. */
#define SCALAR_BINARY(op, OP, t, TT, T)                                                            \
  static void op##_##t##_scalar(void *dst, const void *a, const void *b, size_t n,                 \
                                unsigned flags) {                                                  \
    const size_t step = (flags & ARITH_BCAST) ? 0 : 1;                                             \
    for (size_t i = 0; i < n; i++)                                                                 \
      arith_store_##t(dst, i,                                                                      \
                      SCALAR_##op(t, T, arith_load_##t(a, i), arith_load_##t(b, i *step)));        \
  }
ARITH_PAIRS(SCALAR_BINARY)

static void fma_f32_scalar(float *dst, const float *a, const float *b, const float *c, size_t n,
                           unsigned flags) {
  (void)flags;
  for (size_t i = 0; i < n; i++)
    arith_store_f32(dst, i, fmaf(arith_load_f32(a, i), arith_load_f32(b, i), arith_load_f32(c, i)));
}

static void fma_f64_scalar(double *dst, const double *a, const double *b, const double *c, size_t n,
                           unsigned flags) {
  (void)flags;
  for (size_t i = 0; i < n; i++)
    arith_store_f64(dst, i, fma(arith_load_f64(a, i), arith_load_f64(b, i), arith_load_f64(c, i)));
}

static void axpy_f32_scalar(float *y, float alpha, const float *x, size_t n, unsigned flags) {
  (void)flags;
  for (size_t i = 0; i < n; i++)
    arith_store_f32(y, i, fmaf(alpha, arith_load_f32(x, i), arith_load_f32(y, i)));
}

static void axpy_f64_scalar(double *y, double alpha, const double *x, size_t n, unsigned flags) {
  (void)flags;
  for (size_t i = 0; i < n; i++)
    arith_store_f64(y, i, fma(alpha, arith_load_f64(x, i), arith_load_f64(y, i)));
}

static float sum_f32_scalar(const float *a, size_t n) {
  float s = 0;
  for (size_t i = 0; i < n; i++) s += arith_load_f32(a, i);
  return s;
}

static double sum_f64_scalar(const double *a, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++) s += arith_load_f64(a, i);
  return s;
}

static float dot_f32_scalar(const float *a, const float *b, size_t n) {
  float s = 0;
  for (size_t i = 0; i < n; i++) s += arith_load_f32(a, i) * arith_load_f32(b, i);
  return s;
}

static double dot_f64_scalar(const double *a, const double *b, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++) s += arith_load_f64(a, i) * arith_load_f64(b, i);
  return s;
}

static int64_t sum_i32_scalar(const int32_t *a, size_t n) {
  int64_t s = 0;
  for (size_t i = 0; i < n; i++) s += arith_load_i32(a, i);
  return s;
}

static uint64_t sum_u8_scalar(const uint8_t *a, size_t n) {
  uint64_t s = 0;
  for (size_t i = 0; i < n; i++) s += arith_load_u8(a, i);
  return s;
}

#define SCALAR_ENTRY(op, OP, t, TT, T) [STRATA_OP_##OP][STRATA_##TT] = op##_##t##_scalar,

const arith_kernels strata_arith_scalar = {
    .binary = {ARITH_PAIRS(SCALAR_ENTRY)},
    .fma_f32 = fma_f32_scalar,
    .fma_f64 = fma_f64_scalar,
    .axpy_f32 = axpy_f32_scalar,
    .axpy_f64 = axpy_f64_scalar,
    .sum_f32 = sum_f32_scalar,
    .sum_f64 = sum_f64_scalar,
    .dot_f32 = dot_f32_scalar,
    .dot_f64 = dot_f64_scalar,
    .sum_i32 = sum_i32_scalar,
    .sum_u8 = sum_u8_scalar,
};
