/* Public entry points of strata/mpn.h: check the arguments (API.md sections 2 and 5), choose the
   variant (plan.h, plus the small-n rule below), run it. */
#include "strata/mpn.h"

#include <string.h>

#include "check.h"
#include "dispatch.h"
#include "mpn/mpn.h"

/* AUTO runs the task layer from this many bytes of output (n * 8): 16M limbs, just above the
   largest size measured. On this 2-core machine, loaded by other processes, two threads never beat
   the one-thread data layer with non-temporal stores up to 8M limbs (wall clock, medians of 5:
   1M limbs task:avx2:t2 7-17x slower than data:avx2 with the default OpenMP wait policy, 1.45x
   slower with OMP_WAIT_POLICY=passive; 8M limbs 1.5x slower, and on par with passive).
   See docs/mpn.md. */
#define MPN_TASK_MIN_BYTES ((size_t)128 << 20)
/* AUTO runs the data layer (AVX2, AVX-512) from this many limbs, the instruction layer below. */
#define MPN_DATA_MIN_LIMBS 16
/* AUTO runs the batch task layer from this many bytes of output (as MPN_TASK_MIN_BYTES). Below
   it AUTO runs the data layer for 4- and 8-limb numbers (its transpose-free path: 3.3x and 2.6x a
   loop of GMP calls in cache) and the instruction layer for the other lengths (2 limbs: 2.1x
   against the data layer's 1.75x, which transposes). */
#define MPN_BATCH_TASK_MIN_BYTES ((size_t)128 << 20)

#define LAYERS_N (STRATA_LAYERS_BIT_DATA_TASK | STRATA_LAYER_MASK(STRATA_LAYER_INSTRUCTION))
#define LAYERS_1 (STRATA_LAYER_MASK(STRATA_LAYER_SCALAR) | STRATA_LAYER_MASK(STRATA_LAYER_DATA))
#define LAYERS_BATCH                                                                               \
  (STRATA_LAYER_MASK(STRATA_LAYER_SCALAR) | STRATA_LAYER_MASK(STRATA_LAYER_INSTRUCTION) |          \
   STRATA_LAYER_MASK(STRATA_LAYER_DATA) | STRATA_LAYER_MASK(STRATA_LAYER_TASK))

static strata_mpn_n_fn *const add_n_data[STRATA_ISA_COUNT] =
    STRATA_ISA_TABLE(strata_mpn_add_n_data);
static strata_mpn_n_fn *const sub_n_data[STRATA_ISA_COUNT] =
    STRATA_ISA_TABLE(strata_mpn_sub_n_data);
static strata_mpn_1_fn *const add_1_data[STRATA_ISA_COUNT] =
    STRATA_ISA_TABLE(strata_mpn_add_1_data);
static strata_mpn_1_fn *const sub_1_data[STRATA_ISA_COUNT] =
    STRATA_ISA_TABLE(strata_mpn_sub_1_data);
static strata_mpn_batch_fn *const add_batch_data[STRATA_ISA_COUNT] =
    STRATA_ISA_TABLE(strata_mpn_add_batch_data);

/* Non-temporal stores from 1/8 of strata_stream_min_bytes() of output (8 MiB, 1M limbs, with a
   32 MiB L3): three arrays then fill most of the L3, which other cores share. Measured with the
   AVX2 kernel on this machine (medians of 15, loaded): 1M limbs NT 1.38x plain stores, 8M limbs
   1.35x; 256K limbs plain stores 1.15x NT. */
static int stream_for(size_t bytes) {
  /* the first test spares short calls the lookup (a pthread_once) */
  return bytes >= ((size_t)1 << 20) && bytes >= strata_stream_min_bytes() / 8;
}

/* Null, size and overlap rules for r, a, b of n limbs (no b for add_1 / sub_1: has_b = 0) and the
   one-limb result `out`; sets *bytes = n * 8. */
static strata_status check(const uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n,
                           int has_b, const uint64_t *out, size_t *bytes) {
  if (n && (!r || !a || (has_b && !b))) return STRATA_ERR_NULL;
  if (strata_mul_overflows(n, sizeof(uint64_t), bytes)) return STRATA_ERR_SIZE;
  const size_t nb = has_b ? *bytes : 0;
  if (strata_overlaps(r, *bytes, a, *bytes) || strata_overlaps(r, *bytes, b, nb))
    return STRATA_ERR_OVERLAP;
  if (out &&
      (strata_touches(out, sizeof *out, r, *bytes) || strata_touches(out, sizeof *out, a, *bytes) ||
       strata_touches(out, sizeof *out, b, nb)))
    return STRATA_ERR_OVERLAP;
  return STRATA_OK;
}

/* strata_plan_make, then AUTO's rule for short numbers: below MPN_DATA_MIN_LIMBS, or when the ISA
   has no fast 64-bit vector compare (GENERIC, SSE2), the adc chain beats the vectors. The second
   plan is made with the same isa and threads so that strata_last_exec reports what ran. */
static strata_status plan_auto(const strata_exec *exec, unsigned layers, size_t n, size_t bytes,
                               size_t task_min, strata_plan *plan) {
  strata_status s = strata_plan_make(exec, layers, bytes, task_min, plan);
  if (s != STRATA_OK || (exec && exec->layer != STRATA_LAYER_AUTO)) return s;
  if (!(layers & STRATA_LAYER_MASK(STRATA_LAYER_INSTRUCTION)) || plan->layer == STRATA_LAYER_TASK)
    return s;
  const int wide = plan->isa == STRATA_ISA_AVX2 || plan->isa == STRATA_ISA_AVX512;
  if (wide && n >= MPN_DATA_MIN_LIMBS) return s;
  const strata_exec e = {STRATA_LAYER_INSTRUCTION, exec ? exec->isa : STRATA_ISA_AUTO,
                         exec ? exec->threads : 0};
  return strata_plan_make(&e, layers, bytes, task_min, plan);
}

/* The fast path. strata_plan_make costs ~100 instructions, several times GMP's whole mpn_add_n
   for a few limbs, and its answer is often known beforehand:
   - default settings (exec NULL or all zero) below the task threshold: what AUTO picks depends
     only on the environment, read once, and on whether n reaches MPN_DATA_MIN_LIMBS; so each
     (function kind, short or not) keeps the plan it got the first time, packed in one atomic word
     (0: not known yet);
   - SCALAR, BIT and INSTRUCTION with in-range isa and threads: {layer, AUTO, 1}.
   A call may skip strata_plan_make only when strata_last_exec() already reports that plan (the
   calling thread's last call ran the same way), so what it reports stays true; otherwise it goes
   the slow way, which records the plan. */
enum { KIND_N, KIND_1, KIND_BATCH, KIND_COUNT };
static uint64_t auto_cache[KIND_COUNT][2];

static uint64_t pack(const strata_plan *p) {
  return UINT64_C(1) << 63 | (uint64_t)p->layer << 16 | (uint64_t)p->isa << 8 |
         (uint64_t)p->threads;
}

static strata_status plan_for(int kind, const strata_exec *exec, unsigned layers, size_t n,
                              size_t bytes, size_t task_min, strata_plan *plan) {
  const strata_exec e = exec ? *exec : (strata_exec){0};
  uint64_t known = 0, *slot = NULL;
  if (e.layer == STRATA_LAYER_AUTO && e.isa == STRATA_ISA_AUTO && e.threads == 0 &&
      bytes < task_min) {
    slot = &auto_cache[kind][n >= MPN_DATA_MIN_LIMBS];
    known = __atomic_load_n(slot, __ATOMIC_RELAXED);
  } else if ((e.layer == STRATA_LAYER_SCALAR || e.layer == STRATA_LAYER_BIT ||
              e.layer == STRATA_LAYER_INSTRUCTION) &&
             (layers & STRATA_LAYER_MASK(e.layer)) && (unsigned)e.isa < STRATA_ISA_COUNT &&
             e.threads >= 0) {
    known = pack(&(strata_plan){e.layer, STRATA_ISA_AUTO, 1});
  }
  if (known) {
    const strata_exec last = strata_last_exec();
    const strata_plan p = {(strata_layer)(known >> 16 & 0xff), (strata_isa)(known >> 8 & 0xff),
                           (int)(known & 0xff)};
    if (last.layer == p.layer && last.isa == p.isa && last.threads == p.threads) {
      *plan = p;
      return STRATA_OK;
    }
  }
  const strata_status s = plan_auto(exec, layers, n, bytes, task_min, plan);
  if (s == STRATA_OK && slot && !known) __atomic_store_n(slot, pack(plan), __ATOMIC_RELAXED);
  return s;
}

static strata_status addsub_n(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n,
                              uint64_t *carry, const strata_exec *exec, int sub) {
  size_t bytes;
  strata_plan plan;
  strata_status s = check(r, a, b, n, 1, carry, &bytes);
  if (s == STRATA_OK) s = plan_for(KIND_N, exec, LAYERS_N, n, bytes, MPN_TASK_MIN_BYTES, &plan);
  if (s != STRATA_OK) return s;
  uint64_t c = 0;
  if (n) {
    strata_mpn_n_fn *data = (sub ? sub_n_data : add_n_data)[plan.isa];
    switch (plan.layer) {
    case STRATA_LAYER_SCALAR:
      c = sub ? strata_mpn_sub_n_scalar(r, a, b, n) : strata_mpn_add_n_scalar(r, a, b, n);
      break;
    case STRATA_LAYER_BIT:
      c = sub ? strata_mpn_sub_n_bit(r, a, b, n) : strata_mpn_add_n_bit(r, a, b, n);
      break;
    case STRATA_LAYER_INSTRUCTION:
      c = sub ? strata_mpn_sub_n_instruction(r, a, b, n) : strata_mpn_add_n_instruction(r, a, b, n);
      break;
    case STRATA_LAYER_TASK:
      c = strata_mpn_n_task(r, a, b, n, stream_for(bytes), plan.threads, data,
                            (sub ? sub_1_data : add_1_data)[plan.isa]);
      break;
    default:
      c = data(r, a, b, n, stream_for(bytes));
      break;
    }
  }
  if (carry) memcpy(carry, &c, sizeof c); /* carry need not be aligned */
  return STRATA_OK;
}

static strata_status addsub_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t b, uint64_t *carry,
                              const strata_exec *exec, int sub) {
  size_t bytes;
  strata_plan plan;
  if (n == 0) return STRATA_ERR_ARG;
  strata_status s = check(r, a, NULL, n, 0, carry, &bytes);
  if (s == STRATA_OK) s = plan_for(KIND_1, exec, LAYERS_1, n, bytes, SIZE_MAX, &plan);
  if (s != STRATA_OK) return s;
  uint64_t c;
  if (plan.layer == STRATA_LAYER_SCALAR)
    c = sub ? strata_mpn_sub_1_scalar(r, a, n, b) : strata_mpn_add_1_scalar(r, a, n, b);
  else
    c = (sub ? sub_1_data : add_1_data)[plan.isa](r, a, n, b, stream_for(bytes));
  if (carry) memcpy(carry, &c, sizeof c); /* carry need not be aligned */
  return STRATA_OK;
}

strata_status strata_mpn_add_n_ex(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n,
                                  uint64_t *carry, const strata_exec *exec) {
  return addsub_n(r, a, b, n, carry, exec, 0);
}

strata_status strata_mpn_add_n(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n,
                               uint64_t *carry) {
  return addsub_n(r, a, b, n, carry, NULL, 0);
}

strata_status strata_mpn_sub_n_ex(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n,
                                  uint64_t *borrow, const strata_exec *exec) {
  return addsub_n(r, a, b, n, borrow, exec, 1);
}

strata_status strata_mpn_sub_n(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n,
                               uint64_t *borrow) {
  return addsub_n(r, a, b, n, borrow, NULL, 1);
}

strata_status strata_mpn_add_1_ex(uint64_t *r, const uint64_t *a, size_t n, uint64_t b,
                                  uint64_t *carry, const strata_exec *exec) {
  return addsub_1(r, a, n, b, carry, exec, 0);
}

strata_status strata_mpn_add_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t b,
                               uint64_t *carry) {
  return addsub_1(r, a, n, b, carry, NULL, 0);
}

strata_status strata_mpn_sub_1_ex(uint64_t *r, const uint64_t *a, size_t n, uint64_t b,
                                  uint64_t *borrow, const strata_exec *exec) {
  return addsub_1(r, a, n, b, borrow, exec, 1);
}

strata_status strata_mpn_sub_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t b,
                               uint64_t *borrow) {
  return addsub_1(r, a, n, b, borrow, NULL, 1);
}

strata_status strata_mpn_add_batch_ex(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                      size_t limbs, size_t count, uint8_t *carries,
                                      const strata_exec *exec) {
  size_t total, bytes;
  strata_plan plan;
  /* count is also a byte count (carries), and bounds the loop even when limbs = 0 */
  if (strata_mul_overflows(limbs, count, &total) || count > STRATA_MAX_BYTES)
    return STRATA_ERR_SIZE;
  strata_status s = check(r, a, b, total, 1, NULL, &bytes);
  if (s == STRATA_OK && carries &&
      (strata_touches(carries, count, r, bytes) || strata_touches(carries, count, a, bytes) ||
       strata_touches(carries, count, b, bytes)))
    s = STRATA_ERR_OVERLAP;
  if (s == STRATA_OK)
    s = plan_for(KIND_BATCH, exec, LAYERS_BATCH, (limbs == 4 || limbs == 8) ? total : 0, bytes,
                 MPN_BATCH_TASK_MIN_BYTES, &plan);
  if (s != STRATA_OK) return s;
  if (total == 0) {
    if (carries && count) memset(carries, 0, count);
    return STRATA_OK;
  }
  switch (plan.layer) {
  case STRATA_LAYER_SCALAR:
    strata_mpn_add_batch_scalar(r, a, b, limbs, count, carries);
    break;
  case STRATA_LAYER_INSTRUCTION:
    strata_mpn_add_batch_instruction(r, a, b, limbs, count, carries);
    break;
  case STRATA_LAYER_TASK:
    strata_mpn_add_batch_task(r, a, b, limbs, count, carries, stream_for(bytes), plan.threads,
                              add_batch_data[plan.isa]);
    break;
  default:
    add_batch_data[plan.isa](r, a, b, limbs, count, carries, stream_for(bytes));
    break;
  }
  return STRATA_OK;
}

strata_status strata_mpn_add_batch(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t limbs,
                                   size_t count, uint8_t *carries) {
  return strata_mpn_add_batch_ex(r, a, b, limbs, count, carries, NULL);
}
