/* Saturating brightness, task layer: the byte range is cut into chunks of whole 64-byte blocks
   (task.h), and each thread runs the data-layer kernel it was handed on its chunk.
   Same contract as the data layer: dst may equal src; reads and writes exactly n bytes. */
#include "brightness.h"
#include "task.h"

struct brighten_job {
  uint8_t *dst;
  const uint8_t *src;
  int delta, stream;
  strata_brighten_u8_fn *kernel;
};

static void brighten_chunk(void *ctx, size_t chunk, size_t begin, size_t end) {
  const struct brighten_job *job = ctx;
  (void)chunk;
  job->kernel(job->dst + begin, job->src + begin, end - begin, job->delta, job->stream);
}

void strata_brighten_u8_task(uint8_t *dst, const uint8_t *src, size_t n, int delta, int stream,
                             int threads, strata_brighten_u8_fn *kernel) {
  struct brighten_job job = {dst, src, delta, stream, kernel};
  strata_task_run(n, 64, threads, brighten_chunk, &job);
}
