/* Brightness, the reference: the formulas of API.md section 3, one byte per step; compiled with
   -fno-tree-vectorize so these stay the plain loops.
   Any alignment; dst may equal src; reads and writes exactly the bytes of each row.
   Gain/bias: y = fmaf(x, gain, bias) in float32 (one rounding), then clamped to [0, 255], then
   rounded to the nearest integer with ties to even (rintf in the default rounding mode).
   `stream` is ignored: the reference never uses non-temporal stores. */
#include <math.h>

#include "brightness.h"

static uint8_t brighten_one(uint8_t x, int delta) {
  int v = x + delta;
  return (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
}

static uint8_t gain_bias_one(uint8_t x, float gain, float bias) {
  float y = fmaf((float)x, gain, bias);
  y = y < 0.0f ? 0.0f : y > 255.0f ? 255.0f : y;
  return (uint8_t)rintf(y);
}

void strata_brighten_u8_scalar(uint8_t *dst, const uint8_t *src, size_t n, int delta) {
  for (size_t i = 0; i < n; i++) dst[i] = brighten_one(src[i], delta);
}

void strata_brighten_rows_u8_scalar(const strata_rows *r, const void *params, int stream) {
  const strata_brighten_params *p = params;
  (void)stream;
  for (size_t y = 0; y < r->height; y++) {
    uint8_t *d = r->dst + y * r->dst_stride;
    const uint8_t *s = r->src + y * r->src_stride;
    for (size_t i = 0; i < r->row_bytes; i++) d[i] = brighten_one(s[i], p->delta[i % p->channels]);
  }
}

void strata_gain_bias_rows_u8_scalar(const strata_rows *r, const void *params, int stream) {
  const strata_gain_bias_params *p = params;
  (void)stream;
  for (size_t y = 0; y < r->height; y++) {
    uint8_t *d = r->dst + y * r->dst_stride;
    const uint8_t *s = r->src + y * r->src_stride;
    for (size_t i = 0; i < r->row_bytes; i++) {
      const unsigned c = (unsigned)(i % p->channels);
      d[i] = gain_bias_one(s[i], p->gain[c], p->bias[c]);
    }
  }
}

void strata_lut_rows_u8_scalar(const strata_rows *r, const void *params, int stream) {
  const uint8_t *lut = ((const strata_lut_params *)params)->lut;
  (void)stream;
  for (size_t y = 0; y < r->height; y++) {
    uint8_t *d = r->dst + y * r->dst_stride;
    const uint8_t *s = r->src + y * r->src_stride;
    for (size_t i = 0; i < r->row_bytes; i++) d[i] = lut[s[i]];
  }
}

void strata_gain_bias_table_u8(uint8_t table[256], float gain, float bias) {
  for (int x = 0; x < 256; x++) table[x] = gain_bias_one((uint8_t)x, gain, bias);
}
