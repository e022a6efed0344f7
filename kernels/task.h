/* task.h: the task layer's one parallel loop. [0, n) is cut into at most `threads` chunks whose
   lengths are multiples of `grain` (the last one may be shorter); the chunks run on OpenMP threads
   and call body(ctx, chunk_index, begin, end). One thread, and no parallel region at all, when
   there is a single chunk. Chunk indices are dense from 0, so a reduction can keep one partial
   per chunk and combine them in index order (deterministic for a given thread count).
   This is the only file that uses OpenMP. Built without OpenMP, it runs the chunks in order. */
#ifndef STRATA_KERNELS_TASK_H
#define STRATA_KERNELS_TASK_H

#include <stddef.h>

typedef void (*strata_task_body)(void *ctx, size_t chunk, size_t begin, size_t end);

/* The number of chunks strata_task_run will use, and the length of each but the last. */
size_t strata_task_chunks(size_t n, size_t grain, int threads, size_t *chunk_len);
void strata_task_run(size_t n, size_t grain, int threads, strata_task_body body, void *ctx);

int strata_task_compiled(void);    /* non-zero when built with OpenMP */
int strata_task_in_parallel(void); /* non-zero inside an active OpenMP parallel region */
int strata_task_max_threads(void); /* omp_get_max_threads(), or 1 without OpenMP */

#endif
