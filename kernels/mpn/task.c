/* Multi-word addition, task layer. The limbs are cut into one chunk per thread (multiples of
   GRAIN limbs, task.h); every chunk is added by the data-layer kernel it was handed as if its carry
   in were 0, which gives each chunk a generate bit (its own carry out). The carries between chunks
   are then resolved in chunk order, a prefix over (generate, propagate) pairs: chunk k receives a
   carry when chunk k-1 generated one or received one and propagated it. Propagating means the
   chunk's result is all ones (all zeros for sub); rather than scanning for that, a chunk that
   receives a carry is fixed up in place with add_1 (sub_1), which stops at the first limb that
   absorbs the carry (usually the first) and reports whether it ran off the top, i.e. propagated.
   So the fix-up touches one limb per chunk in practice, and a whole chunk only in the worst case
   (a chunk of all ones receiving a carry), which is then correct but serial.
   Same contract as the data layer: r may equal a and/or b; reads and writes exactly n limbs.
   Batches: chunks of whole numbers (at least GRAIN limbs' worth), each run through the data-layer
   batch kernel. */
#include "mpn.h"
#include "strata/exec.h"
#include "task.h"

/* Limbs per chunk at least (and a multiple of it): 32 KiB of output. Below 2 x GRAIN the task
   layer runs one chunk on the calling thread and opens no parallel region; two threads only pay
   off far above that (ARCHITECTURE.md: ~128 KiB of work per call on an idle machine). */
#define GRAIN 4096

struct n_job {
  uint64_t *r;
  const uint64_t *a, *b;
  int stream;
  strata_mpn_n_fn *kernel;
  uint64_t carry[STRATA_MAX_THREADS];
};

static void n_chunk(void *ctx, size_t chunk, size_t begin, size_t end) {
  struct n_job *job = ctx;
  job->carry[chunk] =
      job->kernel(job->r + begin, job->a + begin, job->b + begin, end - begin, job->stream);
}

uint64_t strata_mpn_n_task(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n, int stream,
                           int threads, strata_mpn_n_fn *kernel, strata_mpn_1_fn *fix) {
  struct n_job job = {r, a, b, stream, kernel, {0}};
  size_t len;
  const size_t chunks = strata_task_chunks(n, GRAIN, threads, &len);
  strata_task_run(n, GRAIN, threads, n_chunk, &job);
  uint64_t carry = 0;
  for (size_t k = 0; k < chunks; k++) {
    const size_t begin = k * len, end = begin + len < n ? begin + len : n;
    if (carry) carry = fix(r + begin, r + begin, end - begin, 1, 0);
    carry |= job.carry[k];
  }
  return carry;
}

struct batch_job {
  uint64_t *r;
  const uint64_t *a, *b;
  size_t limbs;
  uint8_t *carries;
  int stream;
  strata_mpn_batch_fn *kernel;
};

static void batch_chunk(void *ctx, size_t chunk, size_t begin, size_t end) {
  const struct batch_job *job = ctx;
  const size_t at = begin * job->limbs;
  (void)chunk;
  job->kernel(job->r + at, job->a + at, job->b + at, job->limbs, end - begin,
              job->carries ? job->carries + begin : NULL, job->stream);
}

void strata_mpn_add_batch_task(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t limbs,
                               size_t count, uint8_t *carries, int stream, int threads,
                               strata_mpn_batch_fn *kernel) {
  struct batch_job job = {r, a, b, limbs, carries, stream, kernel};
  const size_t grain = limbs >= GRAIN ? 4 : (GRAIN / limbs + 3) / 4 * 4;
  strata_task_run(count, grain, threads, batch_chunk, &job);
}
