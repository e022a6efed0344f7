/* Kernel-table rows for strata/image.h (see kernel_table.h for what each field means).
   Parameters travel in kt_args.bits verbatim (a delta is bits[0] as an int64_t); `valid` maps
   random bits into the documented range and `invalid` writes values outside it. */
#include "kernel_table.h"

/* 1-D byte maps: the output and input 0 span n bytes. */
static void spans_u8_map(const kt_args *a, kt_spans *s) {
  s->out = a->n;
  s->in[0] = a->n;
}

/* strata_brighten_u8(dst, src, n, delta = bits[0]) */
static void brighten_valid(kt_args *a) {
  a->bits[0] = (uint64_t)((int64_t)(a->bits[0] % 511) - 255);
}

static strata_status brighten_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_brighten_u8_ex(b->out, b->in[0], a->n, (int)(int64_t)a->bits[0], e);
}

static strata_status brighten_invalid(kt_args *a, unsigned k, const char **what) {
  static const int bad[] = {256, -256, 1000, -1000, 1 << 30, -(1 << 30)};
  if (k >= sizeof bad / sizeof *bad) return STRATA_OK;
  a->bits[0] = (uint64_t)(int64_t)bad[k];
  *what = "delta outside [-255, 255]";
  return STRATA_ERR_ARG;
}

const kt_kernel kt_brighten_u8 = {
    .name = "strata_brighten_u8",
    .family = "image",
    .layers = KT_LAYER(STRATA_LAYER_SCALAR) | KT_LAYER(STRATA_LAYER_BIT) |
              KT_LAYER(STRATA_LAYER_DATA) | KT_LAYER(STRATA_LAYER_TASK),
    .inputs = 1,
    .alias_ok = 1u << 0,
    .required = 0,
    .elem = 1,
    .result = KT_RESULT_NONE,
    .min_n = 0,
    .spans = spans_u8_map,
    .valid = brighten_valid,
    .call = brighten_call,
    .same = NULL,
    .shape = NULL,
    .invalid = brighten_invalid,
};
