/* Element-wise arithmetic, task layer: [0, n) is cut into at most `threads` chunks of whole cache
   lines (64 bytes of elements; task.h) and each thread runs the data-layer kernel it was handed
   (`data`, the ISA src/ chose) on its chunk. Same contract as the data layer: dst may be exactly
   an input; every element is read and written by exactly one thread.
   Reductions keep one partial per chunk, in the result type, and add the partials in chunk order
   after the parallel loop: the result depends only on the thread count, never on scheduling. */
#include "arith.h"
#include "strata/exec.h"
#include "task.h"

#define GRAIN_BYTES 64

enum job_kind { JOB_BINARY, JOB_FMA_F32, JOB_FMA_F64, JOB_AXPY_F32, JOB_AXPY_F64 };

/* An element-wise job: which kernel, its arrays, and how far apart elements are. */
struct map_job {
  enum job_kind kind;
  const arith_kernels *data;
  arith_binary_fn *binary;
  uint8_t *dst;
  const uint8_t *a, *b, *c;
  size_t esize;
  unsigned flags;
  float alpha32;
  double alpha64;
};

static void map_chunk(void *ctx, size_t chunk, size_t begin, size_t end) {
  const struct map_job *j = ctx;
  const size_t off = begin * j->esize, n = end - begin;
  (void)chunk;
  switch (j->kind) {
  case JOB_BINARY:
    j->binary(j->dst + off, j->a + off, (j->flags & ARITH_BCAST) ? j->b : j->b + off, n, j->flags);
    break;
  case JOB_FMA_F32:
    j->data->fma_f32((float *)(j->dst + off), (const float *)(j->a + off),
                     (const float *)(j->b + off), (const float *)(j->c + off), n, j->flags);
    break;
  case JOB_FMA_F64:
    j->data->fma_f64((double *)(j->dst + off), (const double *)(j->a + off),
                     (const double *)(j->b + off), (const double *)(j->c + off), n, j->flags);
    break;
  case JOB_AXPY_F32:
    j->data->axpy_f32((float *)(j->dst + off), j->alpha32, (const float *)(j->a + off), n,
                      j->flags);
    break;
  case JOB_AXPY_F64:
    j->data->axpy_f64((double *)(j->dst + off), j->alpha64, (const double *)(j->a + off), n,
                      j->flags);
    break;
  }
}

static void run_map(struct map_job *job, size_t n, int threads) {
  strata_task_run(n, GRAIN_BYTES / job->esize, threads, map_chunk, job);
}

void strata_binary_task(const arith_kernels *data, strata_op op, strata_dtype type, void *dst,
                        const void *a, const void *b, size_t n, unsigned flags, int threads) {
  struct map_job job = {.kind = JOB_BINARY,
                        .binary = data->binary[op][type],
                        .dst = dst,
                        .a = a,
                        .b = b,
                        .esize = arith_type_size(type),
                        .flags = flags};
  run_map(&job, n, threads);
}

/* fma_f32 and fma_f64 differ only in the job kind and the element size. */
static void run_fma(enum job_kind kind, const arith_kernels *data, void *dst, const void *a,
                    const void *b, const void *c, size_t esize, size_t n, unsigned flags,
                    int threads) {
  struct map_job job = {.kind = kind,
                        .data = data,
                        .dst = dst,
                        .a = a,
                        .b = b,
                        .c = c,
                        .esize = esize,
                        .flags = flags};
  run_map(&job, n, threads);
}

void strata_fma_f32_task(const arith_kernels *data, float *dst, const float *a, const float *b,
                         const float *c, size_t n, unsigned flags, int threads) {
  run_fma(JOB_FMA_F32, data, dst, a, b, c, sizeof *dst, n, flags, threads);
}

void strata_fma_f64_task(const arith_kernels *data, double *dst, const double *a, const double *b,
                         const double *c, size_t n, unsigned flags, int threads) {
  run_fma(JOB_FMA_F64, data, dst, a, b, c, sizeof *dst, n, flags, threads);
}

void strata_axpy_f32_task(const arith_kernels *data, float *y, float alpha, const float *x,
                          size_t n, unsigned flags, int threads) {
  struct map_job job = {.kind = JOB_AXPY_F32,
                        .data = data,
                        .dst = (uint8_t *)y,
                        .a = (const uint8_t *)x,
                        .esize = sizeof *y,
                        .flags = flags,
                        .alpha32 = alpha};
  run_map(&job, n, threads);
}

void strata_axpy_f64_task(const arith_kernels *data, double *y, double alpha, const double *x,
                          size_t n, unsigned flags, int threads) {
  struct map_job job = {.kind = JOB_AXPY_F64,
                        .data = data,
                        .dst = (uint8_t *)y,
                        .a = (const uint8_t *)x,
                        .esize = sizeof *y,
                        .flags = flags,
                        .alpha64 = alpha};
  run_map(&job, n, threads);
}

/* ---- Reductions: one partial per chunk (at most STRATA_MAX_THREADS chunks). ---- */

#define REDUCE_TASK(name, T, R, call)                                                              \
  struct name##_job {                                                                              \
    const arith_kernels *data;                                                                     \
    const T *a, *b;                                                                                \
    R partial[STRATA_MAX_THREADS];                                                                 \
  };                                                                                               \
  static void name##_chunk(void *ctx, size_t chunk, size_t begin, size_t end) {                    \
    struct name##_job *j = ctx;                                                                    \
    const T *a = j->a + begin, *b = j->b ? j->b + begin : NULL;                                    \
    const size_t n = end - begin;                                                                  \
    (void)b;                                                                                       \
    j->partial[chunk] = call;                                                                      \
  }                                                                                                \
  static R name##_run(const arith_kernels *data, const T *a, const T *b, size_t n, int threads) {  \
    struct name##_job job = {.data = data, .a = a, .b = b};                                        \
    size_t len;                                                                                    \
    const size_t chunks = strata_task_chunks(n, GRAIN_BYTES / sizeof(T), threads, &len);           \
    strata_task_run(n, GRAIN_BYTES / sizeof(T), threads, name##_chunk, &job);                      \
    R s = 0;                                                                                       \
    for (size_t k = 0; k < chunks; k++) s += job.partial[k];                                       \
    return s;                                                                                      \
  }

REDUCE_TASK(sum_f32, float, float, j->data->sum_f32(a, n))
REDUCE_TASK(sum_f64, double, double, j->data->sum_f64(a, n))
REDUCE_TASK(dot_f32, float, float, j->data->dot_f32(a, b, n))
REDUCE_TASK(dot_f64, double, double, j->data->dot_f64(a, b, n))
REDUCE_TASK(sum_i32, int32_t, int64_t, j->data->sum_i32(a, n))
REDUCE_TASK(sum_u8, uint8_t, uint64_t, j->data->sum_u8(a, n))

float strata_sum_f32_task(const arith_kernels *data, const float *a, size_t n, int threads) {
  return sum_f32_run(data, a, NULL, n, threads);
}
double strata_sum_f64_task(const arith_kernels *data, const double *a, size_t n, int threads) {
  return sum_f64_run(data, a, NULL, n, threads);
}
float strata_dot_f32_task(const arith_kernels *data, const float *a, const float *b, size_t n,
                          int threads) {
  return dot_f32_run(data, a, b, n, threads);
}
double strata_dot_f64_task(const arith_kernels *data, const double *a, const double *b, size_t n,
                           int threads) {
  return dot_f64_run(data, a, b, n, threads);
}
int64_t strata_sum_i32_task(const arith_kernels *data, const int32_t *a, size_t n, int threads) {
  return sum_i32_run(data, a, NULL, n, threads);
}
uint64_t strata_sum_u8_task(const arith_kernels *data, const uint8_t *a, size_t n, int threads) {
  return sum_u8_run(data, a, NULL, n, threads);
}
