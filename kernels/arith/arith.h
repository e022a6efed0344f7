/* Element-wise arithmetic kernels (strata/arith.h), one table per layer (and per ISA for the data
   layer). Kernels do not validate: src/arith.c has checked the pair, the pointers, the sizes and
   the overlaps before any of these runs. A NULL entry means the layer has no version of it.

   The valid (op, type) pairs are listed once, in ARITH_PAIRS, as an X-macro: each layer defines
   X(op, OP, t, TT, T) to instantiate its one generic kernel for a pair, where `op`/`OP` are the
   operation's lower/upper case names (add/ADD), `t`/`TT` the type's (f32/F32) and T its C type. */
#ifndef STRATA_KERNELS_ARITH_H
#define STRATA_KERNELS_ARITH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "isa.h"
#include "strata/arith.h"

#define ARITH_OPS (STRATA_OP_SUBS + 1)
#define ARITH_TYPES (STRATA_F64 + 1)

/* The integer, floating-point and saturating type lists. */
#define ARITH_INTS(X, op, OP)                                                                      \
  X(op, OP, u8, U8, uint8_t)                                                                       \
  X(op, OP, i8, I8, int8_t)                                                                        \
  X(op, OP, u16, U16, uint16_t)                                                                    \
  X(op, OP, i16, I16, int16_t)                                                                     \
  X(op, OP, i32, I32, int32_t)                                                                     \
  X(op, OP, i64, I64, int64_t)
#define ARITH_FLOATS(X, op, OP)                                                                    \
  X(op, OP, f32, F32, float)                                                                       \
  X(op, OP, f64, F64, double)
#define ARITH_SMALL_INTS(X, op, OP)                                                                \
  X(op, OP, u8, U8, uint8_t)                                                                       \
  X(op, OP, i8, I8, int8_t)                                                                        \
  X(op, OP, u16, U16, uint16_t)                                                                    \
  X(op, OP, i16, I16, int16_t)

/* Every valid (op, type) pair of API.md section 4.1: 50 in all. */
#define ARITH_PAIRS(X)                                                                             \
  ARITH_INTS(X, add, ADD)                                                                          \
  ARITH_FLOATS(X, add, ADD) ARITH_INTS(X, sub, SUB) ARITH_FLOATS(X, sub, SUB)                      \
      ARITH_INTS(X, mul, MUL) ARITH_FLOATS(X, mul, MUL) ARITH_FLOATS(X, div, DIV)                  \
          ARITH_INTS(X, min, MIN) ARITH_FLOATS(X, min, MIN) ARITH_INTS(X, max, MAX)                \
              ARITH_FLOATS(X, max, MAX) ARITH_SMALL_INTS(X, adds, ADDS)                            \
                  ARITH_SMALL_INTS(X, subs, SUBS)

/* Element i of an array of T that may not be aligned to sizeof(T) (API.md: nothing needs to be
   aligned): read and written with memcpy, which compiles to one plain load or store. */
#define ARITH_ACCESSORS(op, OP, t, TT, T)                                                          \
  static inline T arith_load_##t(const void *p, size_t i) {                                        \
    T v;                                                                                           \
    memcpy(&v, (const unsigned char *)p + i * sizeof v, sizeof v);                                 \
    return v;                                                                                      \
  }                                                                                                \
  static inline void arith_store_##t(void *p, size_t i, T v) {                                     \
    memcpy((unsigned char *)p + i * sizeof v, &v, sizeof v);                                       \
  }
ARITH_INTS(ARITH_ACCESSORS, _, _)
ARITH_FLOATS(ARITH_ACCESSORS, _, _)

/* Binary-kernel flags. */
#define ARITH_BCAST 1u  /* b points at one element, used for every i (strata_binary_scalar) */
#define ARITH_STREAM 2u /* non-temporal stores (outputs far larger than the last-level cache) */

/* dst[i] = a[i] op b[i] (or op *b with ARITH_BCAST) for i < n elements. dst may be exactly a or
   b; reads and writes exactly n elements. */
typedef void arith_binary_fn(void *dst, const void *a, const void *b, size_t n, unsigned flags);
typedef void arith_fma_f32_fn(float *dst, const float *a, const float *b, const float *c, size_t n,
                              unsigned flags);
typedef void arith_fma_f64_fn(double *dst, const double *a, const double *b, const double *c,
                              size_t n, unsigned flags);
typedef void arith_axpy_f32_fn(float *y, float alpha, const float *x, size_t n, unsigned flags);
typedef void arith_axpy_f64_fn(double *y, double alpha, const double *x, size_t n, unsigned flags);
typedef float arith_sum_f32_fn(const float *a, size_t n);
typedef double arith_sum_f64_fn(const double *a, size_t n);
typedef float arith_dot_f32_fn(const float *a, const float *b, size_t n);
typedef double arith_dot_f64_fn(const double *a, const double *b, size_t n);
typedef int64_t arith_sum_i32_fn(const int32_t *a, size_t n);
typedef uint64_t arith_sum_u8_fn(const uint8_t *a, size_t n);

typedef struct arith_kernels {
  arith_binary_fn *binary[ARITH_OPS][ARITH_TYPES];
  arith_fma_f32_fn *fma_f32;
  arith_fma_f64_fn *fma_f64;
  arith_axpy_f32_fn *axpy_f32;
  arith_axpy_f64_fn *axpy_f64;
  arith_sum_f32_fn *sum_f32;
  arith_sum_f64_fn *sum_f64;
  arith_dot_f32_fn *dot_f32;
  arith_dot_f64_fn *dot_f64;
  arith_sum_i32_fn *sum_i32;
  arith_sum_u8_fn *sum_u8;
} arith_kernels;

/* The single-threaded layers. */
extern const arith_kernels strata_arith_scalar;
extern const arith_kernels strata_arith_bit;
extern const arith_kernels strata_arith_instruction;
/* The data layer, one table per ISA it is compiled for. */
STRATA_DECLARE_PER_ISA(const arith_kernels *, strata_arith_data, (void));

/* The task layer: the range is cut into chunks of whole cache lines (task.h) and each thread runs
   the data-layer kernel of `data` (the ISA src/ chose) on its chunk. Reductions keep one partial
   per chunk and add the partials in chunk order, so the result depends only on the thread count. */
void strata_binary_task(const arith_kernels *data, strata_op op, strata_dtype type, void *dst,
                        const void *a, const void *b, size_t n, unsigned flags, int threads);
void strata_fma_f32_task(const arith_kernels *data, float *dst, const float *a, const float *b,
                         const float *c, size_t n, unsigned flags, int threads);
void strata_fma_f64_task(const arith_kernels *data, double *dst, const double *a, const double *b,
                         const double *c, size_t n, unsigned flags, int threads);
void strata_axpy_f32_task(const arith_kernels *data, float *y, float alpha, const float *x,
                          size_t n, unsigned flags, int threads);
void strata_axpy_f64_task(const arith_kernels *data, double *y, double alpha, const double *x,
                          size_t n, unsigned flags, int threads);
float strata_sum_f32_task(const arith_kernels *data, const float *a, size_t n, int threads);
double strata_sum_f64_task(const arith_kernels *data, const double *a, size_t n, int threads);
float strata_dot_f32_task(const arith_kernels *data, const float *a, const float *b, size_t n,
                          int threads);
double strata_dot_f64_task(const arith_kernels *data, const double *a, const double *b, size_t n,
                           int threads);
int64_t strata_sum_i32_task(const arith_kernels *data, const int32_t *a, size_t n, int threads);
uint64_t strata_sum_u8_task(const arith_kernels *data, const uint8_t *a, size_t n, int threads);

/* Size in bytes of one element of each type. */
static inline size_t arith_type_size(strata_dtype type) {
  static const unsigned char sizes[ARITH_TYPES] = {1, 1, 2, 2, 4, 8, 4, 8};
  return sizes[type];
}

#endif
