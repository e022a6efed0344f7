/* Public entry points of strata/arith.h: check the arguments (API.md sections 2 and 4), choose
   the variant (plan.h), run it. Every check happens before anything is written. */
#include "strata/arith.h"

#include <string.h>

#include "arith/arith.h"
#include "check.h"
#include "dispatch.h"

/* AUTO runs the task layer from this many bytes of work (bytes read + bytes written per call).
   Measured on the 2-core CI machine (data vs task:t2, AVX-512, default wait policy; best of 15
   alternating trials, docs/arith.md): 2 threads win 1.2x at 256 KiB, 1.5x at 512 KiB and
   1.9x from 1 MiB for every kernel (add_f32 1.48x at 512 KiB, div_f64 1.62x, fma 1.53x,
   sum_f32 1.48x); in DRAM both layers run at the memory's speed (task 1.0-1.25x data).
   On a machine whose cores are busy with other processes 2 threads lose at every size below
   DRAM (docs/arith.md, set 4): these thresholds assume the cores are free. */
#define TASK_MIN_STREAM ((size_t)1 << 20)   /* element-wise ops bound by memory traffic */
#define TASK_MIN_HEAVY ((size_t)512 << 10)  /* div, fma, axpy: more work per byte */
#define TASK_MIN_REDUCE ((size_t)512 << 10) /* reductions: read-only */

#define LAYER(l) STRATA_LAYER_MASK(STRATA_LAYER_##l)
#define LAYERS_MAP (LAYER(SCALAR) | LAYER(DATA) | LAYER(TASK))
#define LAYERS_REDUCE (LAYER(SCALAR) | LAYER(INSTRUCTION) | LAYER(DATA) | LAYER(TASK))

typedef const arith_kernels *arith_data_table(void);
static arith_data_table *const data_tables[STRATA_ISA_COUNT] = STRATA_ISA_TABLE(strata_arith_data);

static const arith_kernels *data_kernels(strata_isa isa) {
  return data_tables[isa]();
}

/* Non-temporal stores once the whole footprint of the call (inputs and output) is far beyond
   the last-level cache, and the output is a separate array: its lines would be evicted before
   any reuse, and streaming them saves the read-for-ownership. In place (the output's lines were
   just read) streaming only loses. Measured: docs/arith.md. */
static unsigned stream_flag(size_t footprint_bytes, int in_place) {
  return !in_place && footprint_bytes >= strata_stream_min_bytes() ? ARITH_STREAM : 0;
}

/* ---- Binary operations ---- */

static size_t binary_task_min(strata_op op) {
  return op == STRATA_OP_DIV ? TASK_MIN_HEAVY : TASK_MIN_STREAM;
}

/* strata_binary (bcast = 0) and strata_binary_scalar (bcast = 1, b is the one element `s`).
   Not inlined: the 50 typed shorthands share this one copy (44 KB of code otherwise). */
__attribute__((noinline)) static strata_status binary(strata_op op, strata_dtype type, void *dst,
                                                      const void *a, const void *b, size_t n,
                                                      unsigned bcast, const strata_exec *exec) {
  strata_plan plan;
  size_t nb;
  if ((unsigned)op >= ARITH_OPS || (unsigned)type >= ARITH_TYPES) return STRATA_ERR_ARG;
  if (!strata_arith_scalar.binary[op][type]) return STRATA_ERR_UNSUPPORTED;
  const size_t esize = arith_type_size(type);
  if (strata_mul_overflows(n, esize, &nb)) return STRATA_ERR_SIZE;
  if ((n && (!dst || !a || !b)) || (bcast && !b)) return STRATA_ERR_NULL;
  if (strata_overlaps(dst, nb, a, nb) ||
      (bcast ? strata_touches(dst, nb, b, esize) : strata_overlaps(dst, nb, b, nb)))
    return STRATA_ERR_OVERLAP;
  const unsigned layers = LAYERS_MAP | (strata_arith_bit.binary[op][type] ? LAYER(BIT) : 0);
  const size_t work = bcast ? 2 * nb : 3 * nb;
  strata_status s = strata_plan_make(exec, layers, work, binary_task_min(op), &plan);
  if (s != STRATA_OK || n == 0) return s;
  const unsigned flags =
      (bcast ? ARITH_BCAST : 0) | stream_flag(work, dst == a || (!bcast && dst == b));
  switch (plan.layer) {
  case STRATA_LAYER_SCALAR:
    strata_arith_scalar.binary[op][type](dst, a, b, n, flags);
    break;
  case STRATA_LAYER_BIT:
    strata_arith_bit.binary[op][type](dst, a, b, n, flags);
    break;
  case STRATA_LAYER_TASK:
    strata_binary_task(data_kernels(plan.isa), op, type, dst, a, b, n, flags, plan.threads);
    break;
  default:
    data_kernels(plan.isa)->binary[op][type](dst, a, b, n, flags);
    break;
  }
  return STRATA_OK;
}

strata_status strata_binary_ex(strata_op op, strata_dtype type, void *dst, const void *a,
                               const void *b, size_t n, const strata_exec *exec) {
  return binary(op, type, dst, a, b, n, 0, exec);
}

strata_status strata_binary(strata_op op, strata_dtype type, void *dst, const void *a,
                            const void *b, size_t n) {
  return binary(op, type, dst, a, b, n, 0, NULL);
}

strata_status strata_binary_scalar_ex(strata_op op, strata_dtype type, void *dst, const void *a,
                                      const void *s, size_t n, const strata_exec *exec) {
  return binary(op, type, dst, a, s, n, 1, exec);
}

strata_status strata_binary_scalar(strata_op op, strata_dtype type, void *dst, const void *a,
                                   const void *s, size_t n) {
  return binary(op, type, dst, a, s, n, 1, NULL);
}

/* The typed shorthands, one per valid pair. */
#define SHORTHAND(op, OP, t, TT, T)                                                                \
  strata_status strata_##op##_##t(T *dst, const T *a, const T *b, size_t n) {                      \
    return binary(STRATA_OP_##OP, STRATA_##TT, dst, a, b, n, 0, NULL);                             \
  }
ARITH_PAIRS(SHORTHAND)

/* ---- Fused operations ---- */

#define FMA_ENTRY(t, T)                                                                            \
  strata_status strata_fma_##t##_ex(T *dst, const T *a, const T *b, const T *c, size_t n,          \
                                    const strata_exec *exec) {                                     \
    strata_plan plan;                                                                              \
    size_t nb;                                                                                     \
    if (strata_mul_overflows(n, sizeof(T), &nb)) return STRATA_ERR_SIZE;                           \
    if (n && (!dst || !a || !b || !c)) return STRATA_ERR_NULL;                                     \
    if (strata_overlaps(dst, nb, a, nb) || strata_overlaps(dst, nb, b, nb) ||                      \
        strata_overlaps(dst, nb, c, nb))                                                           \
      return STRATA_ERR_OVERLAP;                                                                   \
    strata_status s = strata_plan_make(exec, LAYERS_MAP, 4 * nb, TASK_MIN_HEAVY, &plan);           \
    if (s != STRATA_OK || n == 0) return s;                                                        \
    const unsigned flags = stream_flag(4 * nb, dst == a || dst == b || dst == c);                  \
    switch (plan.layer) {                                                                          \
    case STRATA_LAYER_SCALAR:                                                                      \
      strata_arith_scalar.fma_##t(dst, a, b, c, n, flags);                                         \
      break;                                                                                       \
    case STRATA_LAYER_TASK:                                                                        \
      strata_fma_##t##_task(data_kernels(plan.isa), dst, a, b, c, n, flags, plan.threads);         \
      break;                                                                                       \
    default:                                                                                       \
      data_kernels(plan.isa)->fma_##t(dst, a, b, c, n, flags);                                     \
      break;                                                                                       \
    }                                                                                              \
    return STRATA_OK;                                                                              \
  }                                                                                                \
  strata_status strata_fma_##t(T *dst, const T *a, const T *b, const T *c, size_t n) {             \
    return strata_fma_##t##_ex(dst, a, b, c, n, NULL);                                             \
  }                                                                                                \
  strata_status strata_axpy_##t##_ex(T *y, T alpha, const T *x, size_t n,                          \
                                     const strata_exec *exec) {                                    \
    strata_plan plan;                                                                              \
    size_t nb;                                                                                     \
    if (strata_mul_overflows(n, sizeof(T), &nb)) return STRATA_ERR_SIZE;                           \
    if (n && (!y || !x)) return STRATA_ERR_NULL;                                                   \
    if (strata_overlaps(y, nb, x, nb)) return STRATA_ERR_OVERLAP;                                  \
    strata_status s = strata_plan_make(exec, LAYERS_MAP, 3 * nb, TASK_MIN_HEAVY, &plan);           \
    if (s != STRATA_OK || n == 0) return s;                                                        \
    const unsigned flags = 0; /* y is updated in place: never streamed (stream_flag) */            \
    switch (plan.layer) {                                                                          \
    case STRATA_LAYER_SCALAR:                                                                      \
      strata_arith_scalar.axpy_##t(y, alpha, x, n, flags);                                         \
      break;                                                                                       \
    case STRATA_LAYER_TASK:                                                                        \
      strata_axpy_##t##_task(data_kernels(plan.isa), y, alpha, x, n, flags, plan.threads);         \
      break;                                                                                       \
    default:                                                                                       \
      data_kernels(plan.isa)->axpy_##t(y, alpha, x, n, flags);                                     \
      break;                                                                                       \
    }                                                                                              \
    return STRATA_OK;                                                                              \
  }                                                                                                \
  strata_status strata_axpy_##t(T *y, T alpha, const T *x, size_t n) {                             \
    return strata_axpy_##t##_ex(y, alpha, x, n, NULL);                                             \
  }
FMA_ENTRY(f32, float)
FMA_ENTRY(f64, double)

/* ---- Reductions ---- */

/* Checks a reduction's arguments and makes its plan; `b` is NULL for sums. */
static strata_status reduce_plan(const void *a, const void *b, size_t n, size_t esize,
                                 const void *out, size_t out_size, const strata_exec *exec,
                                 strata_plan *plan) {
  size_t nb;
  if (strata_mul_overflows(n, esize, &nb)) return STRATA_ERR_SIZE;
  if (!out || (n && !a)) return STRATA_ERR_NULL;
  if (strata_touches(out, out_size, a, nb) || strata_touches(out, out_size, b, b ? nb : 0))
    return STRATA_ERR_OVERLAP;
  return strata_plan_make(exec, LAYERS_REDUCE, b ? 2 * nb : nb, TASK_MIN_REDUCE, plan);
}

/* Layer by layer: the scalar, instruction and data tables share one signature. */
#define REDUCE_CALL(plan, fn, args, task_args)                                                     \
  ((plan).layer == STRATA_LAYER_SCALAR        ? strata_arith_scalar.fn args                        \
   : (plan).layer == STRATA_LAYER_INSTRUCTION ? strata_arith_instruction.fn args                   \
   : (plan).layer == STRATA_LAYER_TASK        ? strata_##fn##_task task_args                       \
                                              : data_kernels((plan).isa)->fn args)

#define SUM_ENTRY(t, T, R)                                                                         \
  strata_status strata_sum_##t##_ex(const T *a, size_t n, R *out, const strata_exec *exec) {       \
    strata_plan plan;                                                                              \
    strata_status s = reduce_plan(a, NULL, n, sizeof(T), out, sizeof(R), exec, &plan);             \
    if (s != STRATA_OK) return s;                                                                  \
    const R v =                                                                                    \
        n == 0 ? 0                                                                                 \
               : REDUCE_CALL(plan, sum_##t, (a, n), (data_kernels(plan.isa), a, n, plan.threads)); \
    memcpy(out, &v, sizeof v); /* out need not be aligned */                                       \
    return STRATA_OK;                                                                              \
  }                                                                                                \
  strata_status strata_sum_##t(const T *a, size_t n, R *out) {                                     \
    return strata_sum_##t##_ex(a, n, out, NULL);                                                   \
  }
SUM_ENTRY(f32, float, float)
SUM_ENTRY(f64, double, double)
SUM_ENTRY(i32, int32_t, int64_t)
SUM_ENTRY(u8, uint8_t, uint64_t)

#define DOT_ENTRY(t, T)                                                                            \
  strata_status strata_dot_##t##_ex(const T *a, const T *b, size_t n, T *out,                      \
                                    const strata_exec *exec) {                                     \
    strata_plan plan;                                                                              \
    if (n && !b) return STRATA_ERR_NULL;                                                           \
    strata_status s = reduce_plan(a, b, n, sizeof(T), out, sizeof(T), exec, &plan);                \
    if (s != STRATA_OK) return s;                                                                  \
    const T v = n == 0 ? 0                                                                         \
                       : REDUCE_CALL(plan, dot_##t, (a, b, n),                                     \
                                     (data_kernels(plan.isa), a, b, n, plan.threads));             \
    memcpy(out, &v, sizeof v); /* out need not be aligned */                                       \
    return STRATA_OK;                                                                              \
  }                                                                                                \
  strata_status strata_dot_##t(const T *a, const T *b, size_t n, T *out) {                         \
    return strata_dot_##t##_ex(a, b, n, out, NULL);                                                \
  }
DOT_ENTRY(f32, float)
DOT_ENTRY(f64, double)
