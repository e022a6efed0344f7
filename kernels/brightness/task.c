/* Brightness, task layer: the work is cut into chunks and each thread runs the data-layer kernel
   it was handed (by src/) on its chunk, through strata_task_run (task.h).
   - Byte streams: chunks of whole 64-byte blocks.
   - Row sets: runs of whole rows when there are several rows; a single row (a contiguous image)
     is cut into byte ranges whose lengths are multiples of `grain`, so every chunk starts at
     channel 0 and on a vector boundary.
   Same contract as the data layer: dst may equal src; reads and writes exactly the given bytes. */
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

struct rows_job {
  const strata_rows *rows;
  const void *params;
  int stream;
  strata_rows_fn *kernel;
};

static void rows_chunk(void *ctx, size_t chunk, size_t begin, size_t end) {
  const struct rows_job *job = ctx;
  const strata_rows *r = job->rows;
  strata_rows part = *r;
  (void)chunk;
  if (r->height == 1) {
    part.dst += begin;
    part.src += begin;
    part.row_bytes = end - begin;
  } else {
    part.dst += begin * r->dst_stride;
    part.src += begin * r->src_stride;
    part.height = end - begin;
  }
  job->kernel(&part, job->params, job->stream);
}

void strata_rows_task(const strata_rows *rows, size_t grain, const void *params, int stream,
                      int threads, strata_rows_fn *kernel) {
  struct rows_job job = {rows, params, stream, kernel};
  if (rows->height == 1)
    strata_task_run(rows->row_bytes, grain, threads, rows_chunk, &job);
  else
    strata_task_run(rows->height, 1, threads, rows_chunk, &job);
}
