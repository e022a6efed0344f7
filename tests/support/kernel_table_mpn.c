/* Kernel-table rows for strata/mpn.h (see kernel_table.h for what each field means). n is the
   limb count; the one-limb operand of add_1 / sub_1 is bits[0]; a batch's count of numbers is
   kt_args.rows. Carry outputs are the optional result. */
#include "kernel_table.h"

#define L(x) KT_LAYER(STRATA_LAYER_##x)

static void n_spans(const kt_args *a, kt_spans *s) {
  s->out = s->in[0] = s->in[1] = a->n * 8;
  s->result = 8;
}

static void one_spans(const kt_args *a, kt_spans *s) {
  s->out = s->in[0] = a->n * 8;
  s->result = 8;
}

static void n_valid(kt_args *a) {
  (void)a;
}

/* b near 2^64 half the time, so that carries (borrows) run far into a */
static void one_valid(kt_args *a) {
  if (a->bits[1] & 1) a->bits[0] = ~(uint64_t)0 - (a->bits[1] >> 1 & 3);
}

static strata_status no_invalid(kt_args *a, unsigned k, const char **what) {
  (void)a, (void)k, (void)what;
  return STRATA_OK;
}

static strata_status one_invalid(kt_args *a, unsigned k, const char **what) {
  if (k > 0) return STRATA_OK;
  a->n = 0;
  *what = "n = 0";
  return STRATA_ERR_ARG;
}

static strata_status add_n_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_mpn_add_n_ex(b->out, b->in[0], b->in[1], a->n, b->result, e);
}

static strata_status sub_n_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_mpn_sub_n_ex(b->out, b->in[0], b->in[1], a->n, b->result, e);
}

static strata_status add_1_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_mpn_add_1_ex(b->out, b->in[0], a->n, a->bits[0], b->result, e);
}

static strata_status sub_1_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_mpn_sub_1_ex(b->out, b->in[0], a->n, a->bits[0], b->result, e);
}

#define N_ROW(NAME, CALL)                                                                          \
  const kt_kernel kt_##NAME = {                                                                    \
      .name = "strata_" #NAME,                                                                     \
      .family = "mpn",                                                                             \
      .layers = L(SCALAR) | L(BIT) | L(INSTRUCTION) | L(DATA) | L(TASK),                           \
      .inputs = 2,                                                                                 \
      .alias_ok = 3,                                                                               \
      .result = KT_RESULT_OPTIONAL,                                                                \
      .elem = 8,                                                                                   \
      .spans = n_spans,                                                                            \
      .valid = n_valid,                                                                            \
      .call = CALL,                                                                                \
      .invalid = no_invalid,                                                                       \
  }
N_ROW(mpn_add_n, add_n_call);
N_ROW(mpn_sub_n, sub_n_call);

#define ONE_ROW(NAME, CALL)                                                                        \
  const kt_kernel kt_##NAME = {                                                                    \
      .name = "strata_" #NAME,                                                                     \
      .family = "mpn",                                                                             \
      .layers = L(SCALAR) | L(DATA),                                                               \
      .inputs = 1,                                                                                 \
      .alias_ok = 1,                                                                               \
      .result = KT_RESULT_OPTIONAL,                                                                \
      .elem = 8,                                                                                   \
      .min_n = 1,                                                                                  \
      .spans = one_spans,                                                                          \
      .valid = one_valid,                                                                          \
      .call = CALL,                                                                                \
      .invalid = one_invalid,                                                                      \
  }
ONE_ROW(mpn_add_1, add_1_call);
ONE_ROW(mpn_sub_1, sub_1_call);

/* strata_mpn_add_batch(r, a, b, limbs = n, count = rows, carries = result: count bytes). Counts
   0..16; above 4096 limbs 1 or 2 numbers (a few MiB). */
static void batch_valid(kt_args *a) {
  a->rows %= 17;
  if (a->n > 4096 && a->rows > 2) a->rows = 1 + a->rows % 2;
}

static void batch_spans(const kt_args *a, kt_spans *s) {
  s->out = s->in[0] = s->in[1] = a->n * a->rows * 8;
  s->result = a->rows;
}

static strata_status batch_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_mpn_add_batch_ex(b->out, b->in[0], b->in[1], a->n, a->rows, b->result, e);
}

/* Counts whose product with the limb count, or whose carry bytes, cannot exist. */
static strata_status batch_invalid(kt_args *a, unsigned k, const char **what) {
  switch (k) {
  case 0:
    a->n = 0, a->rows = SIZE_MAX;
    break;
  case 1:
    a->n = 0, a->rows = SIZE_MAX / 2 + 1;
    break;
  case 2:
    a->n = 2, a->rows = SIZE_MAX / 2 + 1;
    break;
  case 3:
    a->n = 1, a->rows = SIZE_MAX / 8 + 1;
    break;
  default:
    return STRATA_OK;
  }
  *what = "count (or limbs x count) beyond any buffer";
  return STRATA_ERR_SIZE;
}

const kt_kernel kt_mpn_add_batch = {
    .name = "strata_mpn_add_batch",
    .family = "mpn",
    .layers = L(SCALAR) | L(INSTRUCTION) | L(DATA) | L(TASK),
    .inputs = 2,
    .alias_ok = 3,
    .result = KT_RESULT_OPTIONAL,
    .elem = 8,
    .spans = batch_spans,
    .valid = batch_valid,
    .call = batch_call,
    .invalid = batch_invalid,
};
