/* Reductions, instruction layer: the scalar loop split into independent dependency chains
   (8 accumulators for the float sums and dots, 4 for the integer sums) so that the adds of
   consecutive elements overlap in the pipeline instead of waiting for each other. Compiled
   without auto-vectorization (sources.cmake): the parallelism here is between instructions,
   not within one. Element i goes to accumulator i % K; the accumulators are added pairwise at
   the end, then the remaining n % K elements left to right.
   Float results differ from the scalar layer only by association, within the bound of
   API.md 4.3; integer results are exact. Only the reductions have an instruction layer. */
#include "arith.h"

#define ILP_LANES 8

/* K accumulators, each a chain over elements i, i + K, i + 2K ...; `term` is the i-th term. */
#define ILP_REDUCE(name, t, T, ACC, K, term)                                                       \
  static ACC name(const T *a, const T *b, size_t n) {                                              \
    ACC acc[K] = {0};                                                                              \
    size_t i = 0;                                                                                  \
    (void)b;                                                                                       \
    for (; i + K <= n; i += K)                                                                     \
      for (size_t k = 0; k < K; k++) acc[k] += term(t, i + k);                                     \
    for (size_t width = K / 2; width > 0; width /= 2)                                              \
      for (size_t k = 0; k < width; k++) acc[k] += acc[k + width];                                 \
    for (; i < n; i++) acc[0] += term(t, i);                                                       \
    return acc[0];                                                                                 \
  }

#define TERM_SUM(t, i) arith_load_##t(a, i)
#define TERM_DOT(t, i) arith_load_##t(a, i) * arith_load_##t(b, i)

ILP_REDUCE(sum_f32_ilp, f32, float, float, ILP_LANES, TERM_SUM)
ILP_REDUCE(sum_f64_ilp, f64, double, double, ILP_LANES, TERM_SUM)
ILP_REDUCE(dot_f32_ilp, f32, float, float, ILP_LANES, TERM_DOT)
ILP_REDUCE(dot_f64_ilp, f64, double, double, ILP_LANES, TERM_DOT)
ILP_REDUCE(sum_i32_ilp, i32, int32_t, int64_t, 4, TERM_SUM)
ILP_REDUCE(sum_u8_ilp, u8, uint8_t, uint64_t, 4, TERM_SUM)

static float sum_f32_instruction(const float *a, size_t n) {
  return sum_f32_ilp(a, NULL, n);
}
static double sum_f64_instruction(const double *a, size_t n) {
  return sum_f64_ilp(a, NULL, n);
}
static int64_t sum_i32_instruction(const int32_t *a, size_t n) {
  return sum_i32_ilp(a, NULL, n);
}
static uint64_t sum_u8_instruction(const uint8_t *a, size_t n) {
  return sum_u8_ilp(a, NULL, n);
}

const arith_kernels strata_arith_instruction = {
    .sum_f32 = sum_f32_instruction,
    .sum_f64 = sum_f64_instruction,
    .dot_f32 = dot_f32_ilp,
    .dot_f64 = dot_f64_ilp,
    .sum_i32 = sum_i32_instruction,
    .sum_u8 = sum_u8_instruction,
};
