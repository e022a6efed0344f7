/* Kernel-table rows for strata/image.h (see kernel_table.h for what each field means).
   Scalar parameters travel in kt_args.bits verbatim (a delta is bits[0] as an int64_t, a gain or
   bias the low 32 bits of bits[0] / bits[1] as float bits); parameter arrays (lut, per-channel
   delta, gain, bias) are inputs 1 and 2, which `shape` turns into valid values. `valid` maps
   random bits and geometry into the documented range and `invalid` writes values outside it.
   Out-of-range values that live in a parameter array or in a stride are requested through a
   flag in the top byte of bits[3], which only `invalid` sets and which `call` reads. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "kernel_table.h"

#define L(x) KT_LAYER(STRATA_LAYER_##x)

/* The flags of bits[3] >> 56: what `call` passes instead of the valid value. */
enum {
  FLAG_NONE,
  FLAG_DST_STRIDE_SHORT, /* dst_stride = row bytes - 1 */
  FLAG_SRC_STRIDE_SHORT, /* src_stride = row bytes - 1 */
  FLAG_SPAN_OVERFLOW,    /* both strides SIZE_MAX / 2 (with rows = 3: the span overflows) */
  FLAG_BAD_PARAM0,       /* the last entry of parameter array 0 (delta, gain) = bits[2] */
  FLAG_BAD_PARAM1        /* the last entry of parameter array 1 (bias) = bits[2] */
};
#define FLAG(a) ((unsigned)((a)->bits[3] >> 56))
#define SET_FLAG(a, f)                                                                             \
  ((a)->bits[3] = ((a)->bits[3] & ~(UINT64_C(0xFF) << 56)) | (uint64_t)(f) << 56)

static float f32_of(uint64_t bits) {
  const uint32_t u = (uint32_t)bits;
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
}

static uint64_t bits_of(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  return u;
}

/* A finite float from random bits: half the time any finite value (huge, tiny, subnormal,
   signed zeros), else a moderate one (|x| < 2^15 / scale) whose results are not all saturated. */
static float finite_of(uint64_t bits, int any, float scale) {
  if (any) {
    float f = f32_of(bits);
    return isfinite(f) ? f : f32_of(bits & ~UINT64_C(0x40000000)); /* exponent below all ones */
  }
  return (float)(int16_t)bits / scale;
}

/* ---- 1-D byte maps: the output and input 0 span n bytes ---- */

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
    .layers = L(SCALAR) | L(BIT) | L(DATA) | L(TASK),
    .inputs = 1,
    .alias_ok = 1u << 0,
    .elem = 1,
    .spans = spans_u8_map,
    .valid = brighten_valid,
    .call = brighten_call,
    .invalid = brighten_invalid,
};

/* strata_gain_bias_u8(dst, src, n, gain = f32(bits[0]), bias = f32(bits[1])) */
static void gain_bias_valid(kt_args *a) {
  const int any = a->bits[2] & 1;
  a->bits[0] = bits_of(finite_of(a->bits[0], any, 4096.0f));
  a->bits[1] = bits_of(finite_of(a->bits[1], any, 64.0f));
}

static strata_status gain_bias_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_gain_bias_u8_ex(b->out, b->in[0], a->n, f32_of(a->bits[0]), f32_of(a->bits[1]), e);
}

static strata_status gain_bias_invalid(kt_args *a, unsigned k, const char **what) {
  static const float bad[] = {NAN, INFINITY, -INFINITY};
  if (k >= 2 * sizeof bad / sizeof *bad) return STRATA_OK;
  a->bits[k % 2] = bits_of(bad[k / 2]);
  *what = k % 2 ? "bias not finite" : "gain not finite";
  return STRATA_ERR_ARG;
}

const kt_kernel kt_gain_bias_u8 = {
    .name = "strata_gain_bias_u8",
    .family = "image",
    .layers = L(SCALAR) | L(DATA) | L(TASK),
    .inputs = 1,
    .alias_ok = 1u << 0,
    .elem = 1,
    .spans = spans_u8_map,
    .valid = gain_bias_valid,
    .call = gain_bias_call,
    .invalid = gain_bias_invalid,
};

/* strata_lut_u8(dst, src, n, lut = input 1: 256 bytes) */
static void lut_spans(const kt_args *a, kt_spans *s) {
  spans_u8_map(a, s);
  s->in[1] = 256;
}

static void lut_valid(kt_args *a) {
  (void)a;
}

static strata_status lut_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_lut_u8_ex(b->out, b->in[0], a->n, b->in[1], e);
}

static strata_status no_invalid(kt_args *a, unsigned k, const char **what) {
  (void)a, (void)k, (void)what;
  return STRATA_OK;
}

const kt_kernel kt_lut_u8 = {
    .name = "strata_lut_u8",
    .family = "image",
    .layers = L(SCALAR) | L(DATA) | L(TASK),
    .inputs = 2,
    .alias_ok = 1u << 0,
    .required = 1u << 1,
    .elem = 1,
    .spans = lut_spans,
    .valid = lut_valid,
    .call = lut_call,
    .invalid = no_invalid,
};

/* ---- Images: rows of n pixels of `channels` bytes, strides n * channels + pad ---- */

/* channels 1..4; rows 0..16 (1..2 above 4096 pixels, so that large cases stay a few MiB); equal
   strides when the row count allows in place to be chosen (rows <= 1) or half the time. */
static void image_valid(kt_args *a) {
  a->channels = 1 + a->channels % 4;
  a->rows %= 17;
  if (a->n > 4096 && a->rows > 2) a->rows = 1 + a->rows % 2;
  if (a->rows <= 1 || (a->bits[3] & 1)) a->pad[1] = a->pad[0];
  SET_FLAG(a, FLAG_NONE);
}

static size_t image_span(size_t rows, size_t row, size_t stride) {
  return rows ? (rows - 1) * stride + row : 0;
}

/* Parameter arrays hold `channels` 4-byte entries (int deltas, float gains and biases). */
static void image_spans(const kt_args *a, kt_spans *s) {
  const size_t row = a->n * a->channels;
  s->out = image_span(a->rows, row, row + a->pad[0]);
  s->in[0] = image_span(a->rows, row, row + a->pad[1]);
  s->in[1] = s->in[2] = 4 * (size_t)a->channels;
}

/* The strides `call` passes (wrapping like the caller's own arithmetic would). */
static void image_strides(const kt_args *a, size_t *dst, size_t *src) {
  const size_t row = a->n * a->channels;
  *dst = row + a->pad[0];
  *src = row + a->pad[1];
  switch (FLAG(a)) {
  case FLAG_DST_STRIDE_SHORT:
    *dst = row - 1;
    break;
  case FLAG_SRC_STRIDE_SHORT:
    *src = row - 1;
    break;
  case FLAG_SPAN_OVERFLOW:
    *dst = *src = SIZE_MAX / 2;
    break;
  default:
    break;
  }
}

/* Parameter array i as `call` passes it: the buffer, or a copy of it (in `copy`, 4 entries)
   with its last entry replaced by bits[2] when `invalid` asked for that. */
static const void *image_param(const kt_bufs *b, const kt_args *a, unsigned i, uint32_t copy[4]) {
  if (FLAG(a) != FLAG_BAD_PARAM0 + i) return b->in[1 + i];
  const unsigned c = a->channels >= 1 && a->channels <= 4 ? a->channels : 4;
  memcpy(copy, b->in[1 + i], 4 * (size_t)c);
  copy[c - 1] = (uint32_t)a->bits[2];
  return copy;
}

/* The geometry faults every image kernel must refuse; k counts from 0, more: STRATA_OK. */
static strata_status geometry_invalid(kt_args *a, unsigned k, const char **what) {
  switch (k) {
  case 0:
    a->channels = 0, *what = "channels = 0";
    return STRATA_ERR_ARG;
  case 1:
    a->channels = 5, *what = "channels = 5";
    return STRATA_ERR_ARG;
  case 2:
    SET_FLAG(a, FLAG_DST_STRIDE_SHORT), *what = "dst_stride < row bytes";
    break;
  case 3:
    SET_FLAG(a, FLAG_SRC_STRIDE_SHORT), *what = "src_stride < row bytes";
    break;
  case 4:
    a->rows = 3;
    SET_FLAG(a, FLAG_SPAN_OVERFLOW);
    *what = "(height - 1) * stride + row overflows size_t";
    break;
  default:
    return STRATA_OK;
  }
  return STRATA_ERR_SIZE;
}

/* strata_brighten_image_u8: input 1 is the per-channel delta array */
static void delta_shape(void *p, size_t bytes, unsigned which) {
  if (which != 1) return;
  for (size_t i = 0; i + 4 <= bytes; i += 4) {
    uint32_t u;
    memcpy(&u, (char *)p + i, 4);
    const int d = (int)(u % 511) - 255;
    memcpy((char *)p + i, &d, 4);
  }
}

static strata_status brighten_image_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  size_t ds, ss;
  uint32_t copy[4];
  image_strides(a, &ds, &ss);
  return strata_brighten_image_u8_ex(b->out, ds, b->in[0], ss, a->n, a->rows, a->channels,
                                     image_param(b, a, 0, copy), e);
}

static strata_status brighten_image_invalid(kt_args *a, unsigned k, const char **what) {
  static const int bad[] = {256, -256, INT32_MAX, INT32_MIN};
  const strata_status s = geometry_invalid(a, k, what);
  if (s != STRATA_OK || k < 5) return s;
  if (k - 5 >= sizeof bad / sizeof *bad) return STRATA_OK;
  SET_FLAG(a, FLAG_BAD_PARAM0);
  a->bits[2] = (uint32_t)bad[k - 5];
  *what = "a channel's delta outside [-255, 255]";
  return STRATA_ERR_ARG;
}

const kt_kernel kt_brighten_image_u8 = {
    .name = "strata_brighten_image_u8",
    .family = "image",
    .layers = L(SCALAR) | L(BIT) | L(DATA) | L(TASK),
    .inputs = 2,
    .alias_ok = 1u << 0,
    .required = 1u << 1,
    .elem = 1,
    .spans = image_spans,
    .valid = image_valid,
    .call = brighten_image_call,
    .shape = delta_shape,
    .invalid = brighten_image_invalid,
};

/* strata_gain_bias_image_u8: inputs 1 and 2 are the per-channel gain and bias arrays */
static void gain_bias_shape(void *p, size_t bytes, unsigned which) {
  if (which != 1 && which != 2) return;
  for (size_t i = 0; i + 4 <= bytes; i += 4) {
    uint32_t u;
    memcpy(&u, (char *)p + i, 4);
    const float f = finite_of(u, (u >> 16) & 1, which == 1 ? 4096.0f : 64.0f);
    memcpy((char *)p + i, &f, 4);
  }
}

static strata_status gain_bias_image_call(const kt_bufs *b, const kt_args *a,
                                          const strata_exec *e) {
  size_t ds, ss;
  uint32_t gain[4], bias[4];
  image_strides(a, &ds, &ss);
  return strata_gain_bias_image_u8_ex(b->out, ds, b->in[0], ss, a->n, a->rows, a->channels,
                                      image_param(b, a, 0, gain), image_param(b, a, 1, bias), e);
}

static strata_status gain_bias_image_invalid(kt_args *a, unsigned k, const char **what) {
  static const float bad[] = {NAN, INFINITY, -INFINITY};
  const strata_status s = geometry_invalid(a, k, what);
  if (s != STRATA_OK || k < 5) return s;
  if (k - 5 >= 2 * sizeof bad / sizeof *bad) return STRATA_OK;
  SET_FLAG(a, (k - 5) % 2 ? FLAG_BAD_PARAM1 : FLAG_BAD_PARAM0);
  a->bits[2] = bits_of(bad[(k - 5) / 2]);
  *what = (k - 5) % 2 ? "a channel's bias not finite" : "a channel's gain not finite";
  return STRATA_ERR_ARG;
}

const kt_kernel kt_gain_bias_image_u8 = {
    .name = "strata_gain_bias_image_u8",
    .family = "image",
    .layers = L(SCALAR) | L(DATA) | L(TASK),
    .inputs = 3,
    .alias_ok = 1u << 0,
    .required = (1u << 1) | (1u << 2),
    .elem = 1,
    .spans = image_spans,
    .valid = image_valid,
    .call = gain_bias_image_call,
    .shape = gain_bias_shape,
    .invalid = gain_bias_image_invalid,
};
