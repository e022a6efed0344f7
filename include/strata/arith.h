/* strata/arith.h: element-wise arithmetic over arrays of one numeric type: binary operations
   (wrapping, IEEE, saturating, min/max), fused multiply-add, and reductions. See API.md section 4
   and docs/arith.md.

   Rules shared by every function here (API.md section 2): nothing needs to be aligned; any n,
   including 0, is valid; a NULL array with n = 0 is a no-op, NULL with n > 0 is STRATA_ERR_NULL;
   the scalar operand `s` and a reduction's `out` may never be NULL; an output may be exactly the
   same array as an input (in place), any other overlap of an output with an input, with `s` or
   with `out` is STRATA_ERR_OVERLAP; n * sizeof(element) must fit size_t and PTRDIFF_MAX (else STRATA_ERR_SIZE);
   a call that returns an error has written nothing. Every layer and ISA gives bit-identical
   results, except the floating-point reductions (see below) and the NaN payload when an
   operation has two NaN operands. */
#ifndef STRATA_ARITH_H
#define STRATA_ARITH_H

#include "strata/exec.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Element types. */
typedef enum strata_dtype {
  STRATA_U8,  /**< uint8_t */
  STRATA_I8,  /**< int8_t */
  STRATA_U16, /**< uint16_t */
  STRATA_I16, /**< int16_t */
  STRATA_I32, /**< int32_t */
  STRATA_I64, /**< int64_t */
  STRATA_F32, /**< float (IEEE binary32) */
  STRATA_F64  /**< double (IEEE binary64) */
} strata_dtype;

/** Binary operations. */
typedef enum strata_op {
  STRATA_OP_ADD,  /**< a + b: integers wrap (two's complement), floats IEEE */
  STRATA_OP_SUB,  /**< a - b: integers wrap, floats IEEE */
  STRATA_OP_MUL,  /**< a * b: integers keep the low bits of the exact product, floats IEEE */
  STRATA_OP_DIV,  /**< a / b: floats only (x/0 is inf or NaN); integers: STRATA_ERR_UNSUPPORTED */
  STRATA_OP_MIN,  /**< (b < a) ? b : a  (so MIN(NaN, x) = NaN, MIN(x, NaN) = x, MIN(0, -0) = 0) */
  STRATA_OP_MAX,  /**< (b > a) ? b : a  (so MAX(NaN, x) = NaN, MAX(x, NaN) = x, MAX(0, -0) = 0) */
  STRATA_OP_ADDS, /**< a + b saturated: U8 I8 U16 I16 only, else STRATA_ERR_UNSUPPORTED */
  STRATA_OP_SUBS  /**< a - b saturated: U8 I8 U16 I16 only, else STRATA_ERR_UNSUPPORTED */
} strata_op;

/** dst[i] = a[i] op b[i] for i < n, on arrays of `type`.
    Floating-point operations are the IEEE operation in that precision, never contracted.
    Integer DIV, and ADDS/SUBS on I32, I64, F32, F64: STRATA_ERR_UNSUPPORTED. An op or type
    outside its enum: STRATA_ERR_ARG. dst may be exactly a and/or b; a may equal b.
    Layers: SCALAR, DATA, TASK, AUTO for every pair; BIT (SWAR in 64-bit words) for ADD, SUB on
    U8 and I8 and ADDS, SUBS on U8; INSTRUCTION: STRATA_ERR_UNSUPPORTED. */
STRATA_API strata_status strata_binary(strata_op op, strata_dtype type, void *dst, const void *a,
                                       const void *b, size_t n);
/** strata_binary with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_binary_ex(strata_op op, strata_dtype type, void *dst, const void *a,
                                          const void *b, size_t n, const strata_exec *exec);

/** dst[i] = a[i] op *s for i < n, where s points at one element of `type` (never NULL, and it
    may not lie inside dst). Same operations, codes and layers as strata_binary. */
STRATA_API strata_status strata_binary_scalar(strata_op op, strata_dtype type, void *dst,
                                              const void *a, const void *s, size_t n);
/** strata_binary_scalar with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_binary_scalar_ex(strata_op op, strata_dtype type, void *dst,
                                                 const void *a, const void *s, size_t n,
                                                 const strata_exec *exec);

/* Typed shorthands: one per valid (op, type) pair, each exactly strata_binary(op, type, ...)
   with default execution settings. */
/** dst[i] = a[i] + b[i] (wrapping); strata_binary(STRATA_OP_ADD, STRATA_U8, ...). */
STRATA_API strata_status strata_add_u8(uint8_t *dst, const uint8_t *a, const uint8_t *b, size_t n);
/** dst[i] = a[i] + b[i] (wrapping); strata_binary(STRATA_OP_ADD, STRATA_I8, ...). */
STRATA_API strata_status strata_add_i8(int8_t *dst, const int8_t *a, const int8_t *b, size_t n);
/** dst[i] = a[i] + b[i] (wrapping); strata_binary(STRATA_OP_ADD, STRATA_U16, ...). */
STRATA_API strata_status strata_add_u16(uint16_t *dst, const uint16_t *a, const uint16_t *b,
                                        size_t n);
/** dst[i] = a[i] + b[i] (wrapping); strata_binary(STRATA_OP_ADD, STRATA_I16, ...). */
STRATA_API strata_status strata_add_i16(int16_t *dst, const int16_t *a, const int16_t *b, size_t n);
/** dst[i] = a[i] + b[i] (wrapping); strata_binary(STRATA_OP_ADD, STRATA_I32, ...). */
STRATA_API strata_status strata_add_i32(int32_t *dst, const int32_t *a, const int32_t *b, size_t n);
/** dst[i] = a[i] + b[i] (wrapping); strata_binary(STRATA_OP_ADD, STRATA_I64, ...). */
STRATA_API strata_status strata_add_i64(int64_t *dst, const int64_t *a, const int64_t *b, size_t n);
/** dst[i] = a[i] + b[i] (IEEE); strata_binary(STRATA_OP_ADD, STRATA_F32, ...). */
STRATA_API strata_status strata_add_f32(float *dst, const float *a, const float *b, size_t n);
/** dst[i] = a[i] + b[i] (IEEE); strata_binary(STRATA_OP_ADD, STRATA_F64, ...). */
STRATA_API strata_status strata_add_f64(double *dst, const double *a, const double *b, size_t n);
/** dst[i] = a[i] - b[i] (wrapping); strata_binary(STRATA_OP_SUB, STRATA_U8, ...). */
STRATA_API strata_status strata_sub_u8(uint8_t *dst, const uint8_t *a, const uint8_t *b, size_t n);
/** dst[i] = a[i] - b[i] (wrapping); strata_binary(STRATA_OP_SUB, STRATA_I8, ...). */
STRATA_API strata_status strata_sub_i8(int8_t *dst, const int8_t *a, const int8_t *b, size_t n);
/** dst[i] = a[i] - b[i] (wrapping); strata_binary(STRATA_OP_SUB, STRATA_U16, ...). */
STRATA_API strata_status strata_sub_u16(uint16_t *dst, const uint16_t *a, const uint16_t *b,
                                        size_t n);
/** dst[i] = a[i] - b[i] (wrapping); strata_binary(STRATA_OP_SUB, STRATA_I16, ...). */
STRATA_API strata_status strata_sub_i16(int16_t *dst, const int16_t *a, const int16_t *b, size_t n);
/** dst[i] = a[i] - b[i] (wrapping); strata_binary(STRATA_OP_SUB, STRATA_I32, ...). */
STRATA_API strata_status strata_sub_i32(int32_t *dst, const int32_t *a, const int32_t *b, size_t n);
/** dst[i] = a[i] - b[i] (wrapping); strata_binary(STRATA_OP_SUB, STRATA_I64, ...). */
STRATA_API strata_status strata_sub_i64(int64_t *dst, const int64_t *a, const int64_t *b, size_t n);
/** dst[i] = a[i] - b[i] (IEEE); strata_binary(STRATA_OP_SUB, STRATA_F32, ...). */
STRATA_API strata_status strata_sub_f32(float *dst, const float *a, const float *b, size_t n);
/** dst[i] = a[i] - b[i] (IEEE); strata_binary(STRATA_OP_SUB, STRATA_F64, ...). */
STRATA_API strata_status strata_sub_f64(double *dst, const double *a, const double *b, size_t n);
/** dst[i] = a[i] * b[i] (wrapping); strata_binary(STRATA_OP_MUL, STRATA_U8, ...). */
STRATA_API strata_status strata_mul_u8(uint8_t *dst, const uint8_t *a, const uint8_t *b, size_t n);
/** dst[i] = a[i] * b[i] (wrapping); strata_binary(STRATA_OP_MUL, STRATA_I8, ...). */
STRATA_API strata_status strata_mul_i8(int8_t *dst, const int8_t *a, const int8_t *b, size_t n);
/** dst[i] = a[i] * b[i] (wrapping); strata_binary(STRATA_OP_MUL, STRATA_U16, ...). */
STRATA_API strata_status strata_mul_u16(uint16_t *dst, const uint16_t *a, const uint16_t *b,
                                        size_t n);
/** dst[i] = a[i] * b[i] (wrapping); strata_binary(STRATA_OP_MUL, STRATA_I16, ...). */
STRATA_API strata_status strata_mul_i16(int16_t *dst, const int16_t *a, const int16_t *b, size_t n);
/** dst[i] = a[i] * b[i] (wrapping); strata_binary(STRATA_OP_MUL, STRATA_I32, ...). */
STRATA_API strata_status strata_mul_i32(int32_t *dst, const int32_t *a, const int32_t *b, size_t n);
/** dst[i] = a[i] * b[i] (wrapping); strata_binary(STRATA_OP_MUL, STRATA_I64, ...). */
STRATA_API strata_status strata_mul_i64(int64_t *dst, const int64_t *a, const int64_t *b, size_t n);
/** dst[i] = a[i] * b[i] (IEEE); strata_binary(STRATA_OP_MUL, STRATA_F32, ...). */
STRATA_API strata_status strata_mul_f32(float *dst, const float *a, const float *b, size_t n);
/** dst[i] = a[i] * b[i] (IEEE); strata_binary(STRATA_OP_MUL, STRATA_F64, ...). */
STRATA_API strata_status strata_mul_f64(double *dst, const double *a, const double *b, size_t n);
/** dst[i] = a[i] / b[i] (IEEE); strata_binary(STRATA_OP_DIV, STRATA_F32, ...). */
STRATA_API strata_status strata_div_f32(float *dst, const float *a, const float *b, size_t n);
/** dst[i] = a[i] / b[i] (IEEE); strata_binary(STRATA_OP_DIV, STRATA_F64, ...). */
STRATA_API strata_status strata_div_f64(double *dst, const double *a, const double *b, size_t n);
/** dst[i] = (b[i] < a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MIN, STRATA_U8, ...). */
STRATA_API strata_status strata_min_u8(uint8_t *dst, const uint8_t *a, const uint8_t *b, size_t n);
/** dst[i] = (b[i] < a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MIN, STRATA_I8, ...). */
STRATA_API strata_status strata_min_i8(int8_t *dst, const int8_t *a, const int8_t *b, size_t n);
/** dst[i] = (b[i] < a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MIN, STRATA_U16, ...). */
STRATA_API strata_status strata_min_u16(uint16_t *dst, const uint16_t *a, const uint16_t *b,
                                        size_t n);
/** dst[i] = (b[i] < a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MIN, STRATA_I16, ...). */
STRATA_API strata_status strata_min_i16(int16_t *dst, const int16_t *a, const int16_t *b, size_t n);
/** dst[i] = (b[i] < a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MIN, STRATA_I32, ...). */
STRATA_API strata_status strata_min_i32(int32_t *dst, const int32_t *a, const int32_t *b, size_t n);
/** dst[i] = (b[i] < a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MIN, STRATA_I64, ...). */
STRATA_API strata_status strata_min_i64(int64_t *dst, const int64_t *a, const int64_t *b, size_t n);
/** dst[i] = (b[i] < a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MIN, STRATA_F32, ...). */
STRATA_API strata_status strata_min_f32(float *dst, const float *a, const float *b, size_t n);
/** dst[i] = (b[i] < a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MIN, STRATA_F64, ...). */
STRATA_API strata_status strata_min_f64(double *dst, const double *a, const double *b, size_t n);
/** dst[i] = (b[i] > a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MAX, STRATA_U8, ...). */
STRATA_API strata_status strata_max_u8(uint8_t *dst, const uint8_t *a, const uint8_t *b, size_t n);
/** dst[i] = (b[i] > a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MAX, STRATA_I8, ...). */
STRATA_API strata_status strata_max_i8(int8_t *dst, const int8_t *a, const int8_t *b, size_t n);
/** dst[i] = (b[i] > a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MAX, STRATA_U16, ...). */
STRATA_API strata_status strata_max_u16(uint16_t *dst, const uint16_t *a, const uint16_t *b,
                                        size_t n);
/** dst[i] = (b[i] > a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MAX, STRATA_I16, ...). */
STRATA_API strata_status strata_max_i16(int16_t *dst, const int16_t *a, const int16_t *b, size_t n);
/** dst[i] = (b[i] > a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MAX, STRATA_I32, ...). */
STRATA_API strata_status strata_max_i32(int32_t *dst, const int32_t *a, const int32_t *b, size_t n);
/** dst[i] = (b[i] > a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MAX, STRATA_I64, ...). */
STRATA_API strata_status strata_max_i64(int64_t *dst, const int64_t *a, const int64_t *b, size_t n);
/** dst[i] = (b[i] > a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MAX, STRATA_F32, ...). */
STRATA_API strata_status strata_max_f32(float *dst, const float *a, const float *b, size_t n);
/** dst[i] = (b[i] > a[i]) ? b[i] : a[i]; strata_binary(STRATA_OP_MAX, STRATA_F64, ...). */
STRATA_API strata_status strata_max_f64(double *dst, const double *a, const double *b, size_t n);
/** dst[i] = a[i] + b[i], saturated to the type's range; strata_binary(STRATA_OP_ADDS, STRATA_U8,
 * ...). */
STRATA_API strata_status strata_adds_u8(uint8_t *dst, const uint8_t *a, const uint8_t *b, size_t n);
/** dst[i] = a[i] + b[i], saturated to the type's range; strata_binary(STRATA_OP_ADDS, STRATA_I8,
 * ...). */
STRATA_API strata_status strata_adds_i8(int8_t *dst, const int8_t *a, const int8_t *b, size_t n);
/** dst[i] = a[i] + b[i], saturated to the type's range; strata_binary(STRATA_OP_ADDS, STRATA_U16,
 * ...). */
STRATA_API strata_status strata_adds_u16(uint16_t *dst, const uint16_t *a, const uint16_t *b,
                                         size_t n);
/** dst[i] = a[i] + b[i], saturated to the type's range; strata_binary(STRATA_OP_ADDS, STRATA_I16,
 * ...). */
STRATA_API strata_status strata_adds_i16(int16_t *dst, const int16_t *a, const int16_t *b,
                                         size_t n);
/** dst[i] = a[i] - b[i], saturated to the type's range; strata_binary(STRATA_OP_SUBS, STRATA_U8,
 * ...). */
STRATA_API strata_status strata_subs_u8(uint8_t *dst, const uint8_t *a, const uint8_t *b, size_t n);
/** dst[i] = a[i] - b[i], saturated to the type's range; strata_binary(STRATA_OP_SUBS, STRATA_I8,
 * ...). */
STRATA_API strata_status strata_subs_i8(int8_t *dst, const int8_t *a, const int8_t *b, size_t n);
/** dst[i] = a[i] - b[i], saturated to the type's range; strata_binary(STRATA_OP_SUBS, STRATA_U16,
 * ...). */
STRATA_API strata_status strata_subs_u16(uint16_t *dst, const uint16_t *a, const uint16_t *b,
                                         size_t n);
/** dst[i] = a[i] - b[i], saturated to the type's range; strata_binary(STRATA_OP_SUBS, STRATA_I16,
 * ...). */
STRATA_API strata_status strata_subs_i16(int16_t *dst, const int16_t *a, const int16_t *b,
                                         size_t n);

/** Fused multiply-add: dst[i] = fmaf(a[i], b[i], c[i]), one rounding, bit-exact with C's fmaf
    on every layer and ISA (also where the CPU has no FMA instruction). dst may be exactly any of
    a, b, c. Layers: SCALAR, DATA, TASK, AUTO. */
STRATA_API strata_status strata_fma_f32(float *dst, const float *a, const float *b, const float *c,
                                        size_t n);
/** strata_fma_f32 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_fma_f32_ex(float *dst, const float *a, const float *b,
                                           const float *c, size_t n, const strata_exec *exec);
/** Fused multiply-add: dst[i] = fma(a[i], b[i], c[i]), bit-exact with C's fma. */
STRATA_API strata_status strata_fma_f64(double *dst, const double *a, const double *b,
                                        const double *c, size_t n);
/** strata_fma_f64 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_fma_f64_ex(double *dst, const double *a, const double *b,
                                           const double *c, size_t n, const strata_exec *exec);

/** y[i] = fmaf(alpha, x[i], y[i]) for i < n (BLAS saxpy with one rounding per element).
    y may be exactly x. Layers: SCALAR, DATA, TASK, AUTO. */
STRATA_API strata_status strata_axpy_f32(float *y, float alpha, const float *x, size_t n);
/** strata_axpy_f32 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_axpy_f32_ex(float *y, float alpha, const float *x, size_t n,
                                            const strata_exec *exec);
/** y[i] = fma(alpha, x[i], y[i]) for i < n (BLAS daxpy with one rounding per element). */
STRATA_API strata_status strata_axpy_f64(double *y, double alpha, const double *x, size_t n);
/** strata_axpy_f64 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_axpy_f64_ex(double *y, double alpha, const double *x, size_t n,
                                            const strata_exec *exec);

/* Reductions. *out is written only on success; out may not be NULL (STRATA_ERR_NULL, also with
   n = 0) and may not overlap an input (STRATA_ERR_OVERLAP). n = 0 gives 0.
   Floating-point sums may associate differently per layer: SCALAR is the plain left-to-right
   loop in the element type; INSTRUCTION keeps 8 independent accumulators; DATA several vector
   accumulators; TASK one partial per chunk, combined in chunk order (the same bits for the same
   thread count). Every layer stays within |*out - exact| <= 2 * n * eps * sum(|terms|)
   (eps = 2^-24 for f32, 2^-53 for f64). Layers: SCALAR, INSTRUCTION, DATA, TASK, AUTO. */

/** *out = a[0] + a[1] + ... + a[n-1] in float. */
STRATA_API strata_status strata_sum_f32(const float *a, size_t n, float *out);
/** strata_sum_f32 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_sum_f32_ex(const float *a, size_t n, float *out,
                                           const strata_exec *exec);
/** *out = a[0] + a[1] + ... + a[n-1] in double. */
STRATA_API strata_status strata_sum_f64(const double *a, size_t n, double *out);
/** strata_sum_f64 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_sum_f64_ex(const double *a, size_t n, double *out,
                                           const strata_exec *exec);
/** *out = a[0]*b[0] + ... + a[n-1]*b[n-1] in float (products fused into the sum or not). */
STRATA_API strata_status strata_dot_f32(const float *a, const float *b, size_t n, float *out);
/** strata_dot_f32 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_dot_f32_ex(const float *a, const float *b, size_t n, float *out,
                                           const strata_exec *exec);
/** *out = a[0]*b[0] + ... + a[n-1]*b[n-1] in double (products fused into the sum or not). */
STRATA_API strata_status strata_dot_f64(const double *a, const double *b, size_t n, double *out);
/** strata_dot_f64 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_dot_f64_ex(const double *a, const double *b, size_t n, double *out,
                                           const strata_exec *exec);
/** *out = the exact sum of the int32 values a[0..n) (exact for any n below 2^32). */
STRATA_API strata_status strata_sum_i32(const int32_t *a, size_t n, int64_t *out);
/** strata_sum_i32 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_sum_i32_ex(const int32_t *a, size_t n, int64_t *out,
                                           const strata_exec *exec);
/** *out = the exact sum of the bytes a[0..n) (exact for any n). */
STRATA_API strata_status strata_sum_u8(const uint8_t *a, size_t n, uint64_t *out);
/** strata_sum_u8 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_sum_u8_ex(const uint8_t *a, size_t n, uint64_t *out,
                                          const strata_exec *exec);

#ifdef __cplusplus
}
#endif

#endif
