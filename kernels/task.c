/* The task layer's parallel loop; see task.h for the contract. */
#include "task.h"

#ifdef _OPENMP
#include <omp.h>
#endif

size_t strata_task_chunks(size_t n, size_t grain, int threads, size_t *chunk_len) {
  if (n == 0 || threads < 1) {
    *chunk_len = 0;
    return 0;
  }
  size_t per = n / (size_t)threads + (n % (size_t)threads != 0);
  per = (per + grain - 1) / grain * grain;
  *chunk_len = per;
  return n / per + (n % per != 0);
}

void strata_task_run(size_t n, size_t grain, int threads, strata_task_body body, void *ctx) {
  size_t len;
  const size_t chunks = strata_task_chunks(n, grain, threads, &len);
  const long count = (long)chunks;
#ifdef _OPENMP
#pragma omp parallel for num_threads((int)count) schedule(static, 1) if (count > 1)
#endif
  for (long c = 0; c < count; c++) {
    const size_t begin = (size_t)c * len;
    const size_t end = begin + len < n ? begin + len : n;
    body(ctx, (size_t)c, begin, end);
  }
}

int strata_task_compiled(void) {
#ifdef _OPENMP
  return 1;
#else
  return 0;
#endif
}

int strata_task_in_parallel(void) {
#ifdef _OPENMP
  return omp_in_parallel();
#else
  return 0;
#endif
}

int strata_task_max_threads(void) {
#ifdef _OPENMP
  return omp_get_max_threads();
#else
  return 1;
#endif
}
