/* strata_brighten_image_u8 and strata_gain_bias_image_u8: every layer against the formula and
   the scalar layer, bit for bit, on images of 1..4 channels with odd widths and heights, row
   strides with sentinel padding (which must never change), misaligned rows, out of place and
   in place; and every error rule of the image calls, with nothing written on error. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const strata_exec scalar = {STRATA_LAYER_SCALAR, STRATA_ISA_AUTO, 0};

enum op { BRIGHTEN, GAIN_BIAS };

typedef struct params {
  int delta[4];
  float gain[4], bias[4];
} params;

static int supported(enum op op, const strata_exec *e) {
  if (e->layer == STRATA_LAYER_INSTRUCTION) return 0;
  return op == BRIGHTEN || e->layer != STRATA_LAYER_BIT;
}

static strata_status call(enum op op, uint8_t *dst, size_t ds, const uint8_t *src, size_t ss,
                          size_t w, size_t h, unsigned c, const params *p, const strata_exec *e) {
  if (op == BRIGHTEN) return strata_brighten_image_u8_ex(dst, ds, src, ss, w, h, c, p->delta, e);
  return strata_gain_bias_image_u8_ex(dst, ds, src, ss, w, h, c, p->gain, p->bias, e);
}

static uint8_t formula(enum op op, uint8_t x, const params *p, unsigned ch) {
  if (op == BRIGHTEN) {
    int v = x + p->delta[ch];
    return (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
  }
  float y = fmaf((float)x, p->gain[ch], p->bias[ch]);
  y = y < 0.0f ? 0.0f : y > 255.0f ? 255.0f : y;
  return (uint8_t)rintf(y);
}

/* Every pixel value in every channel of a 256-pixel image, with per-channel deltas that sweep
   [-255, 255] (each channel its own, one channel 0), through every layer against the formula. */
static void test_brighten_all_values_all_deltas(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  uint8_t src[256 * 4], dst[256 * 4];
  for (unsigned c = 1; c <= 4; c++) {
    for (size_t i = 0; i < 256 * c; i++) src[i] = (uint8_t)(i / c + 67 * (i % c));
    for (int d = -255; d <= 255; d++) {
      params p = {{0}, {0}, {0}};
      for (unsigned k = 0; k < c; k++) p.delta[k] = (d + 255 + 131 * (int)k) % 511 - 255;
      if (c == 4) p.delta[3] = 0; /* alpha */
      for (size_t v = 0; v < nvars; v++) {
        if (!supported(BRIGHTEN, &vars[v])) continue;
        assert_int_equal(call(BRIGHTEN, dst, 256 * c, src, 256 * c, 256, 1, c, &p, &vars[v]),
                         STRATA_OK);
        for (size_t i = 0; i < 256 * c; i++)
          if (dst[i] != formula(BRIGHTEN, src[i], &p, (unsigned)(i % c)))
            fail_msg("%s c=%u: byte %zu src %u delta %d gave %u", tu_variant_name(&vars[v]), c, i,
                     src[i], p.delta[i % c], dst[i]);
      }
    }
  }
}

static params random_params(uint64_t *seed, unsigned c, int round) {
  params p;
  const int uniform = round % 3 == 0;
  for (unsigned k = 0; k < 4; k++) {
    const uint64_t r = tu_rand(seed);
    p.delta[k] = (int)(r % 511) - 255;
    if (r % 5 == 0) p.delta[k] = 0;
    p.gain[k] = (float)((int)(r >> 16 & 0xff) - 96) / 32.0f;
    p.bias[k] = (float)((int)(r >> 24 & 0x3ff) - 400) / 4.0f;
    if (uniform && k) {
      p.delta[k] = p.delta[0];
      p.gain[k] = p.gain[0];
      p.bias[k] = p.bias[0];
    }
  }
  (void)c;
  return p;
}

/* A strided image in one buffer: `height` rows `stride` bytes apart, the padding filled with
   TU_SENTINEL, the pixels random; `misalign` bytes past a 64-byte boundary. */
static tu_buf image_new(size_t row, size_t height, size_t stride, size_t misalign, uint64_t *seed) {
  const size_t span = height ? (height - 1) * stride + row : 0;
  tu_buf b = tu_buf_new(span, misalign, seed);
  for (size_t y = 0; y + 1 < height; y++) memset(b.p + y * stride + row, TU_SENTINEL, stride - row);
  return b;
}

static void check_padding(const tu_buf *b, size_t row, size_t height, size_t stride,
                          const char *what) {
  tu_buf_check(b);
  for (size_t y = 0; y + 1 < height; y++)
    for (size_t i = row; i < stride; i++)
      if (b->p[y * stride + i] != TU_SENTINEL)
        fail_msg("%s: padding byte %zu of row %zu was written", what, i, y);
}

static int rows_equal(const uint8_t *a, size_t as, const uint8_t *b, size_t bs, size_t row,
                      size_t height) {
  for (size_t y = 0; y < height; y++)
    if (row && memcmp(a + y * as, b + y * bs, row) != 0) return 0;
  return 1;
}

/* Odd widths and heights, 1..4 channels, padded strides, misaligned rows, out of place and in
   place, every layer against the scalar layer (itself checked against the formula). */
static void shapes(enum op op) {
  static const size_t widths[] = {0, 1, 2, 3, 5, 7, 11, 16, 17, 21, 31, 43, 64, 65, 97, 130, 301};
  static const size_t heights[] = {0, 1, 2, 3, 5};
  static const size_t pads[] = {0, 1, 13, 64};
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  uint64_t seed = 7 + op;
  int round = 0;
  for (unsigned c = 1; c <= 4; c++)
    for (size_t wi = 0; wi < sizeof widths / sizeof *widths; wi++)
      for (size_t hi = 0; hi < sizeof heights / sizeof *heights; hi++)
        for (size_t pi = 0; pi < sizeof pads / sizeof *pads; pi++, round++) {
          const size_t w = widths[wi], h = heights[hi], row = w * c;
          const size_t ss = row + pads[pi], ds = row + pads[(pi + 1) % 4];
          const size_t mis = (size_t)round % 5;
          const params p = random_params(&seed, c, round);
          tu_buf src = image_new(row, h, ss, mis, &seed);
          tu_buf want = image_new(row, h, ds, 0, &seed);
          assert_int_equal(call(op, want.p, ds, src.p, ss, w, h, c, &p, &scalar), STRATA_OK);
          for (size_t y = 0; y < h; y++)
            for (size_t i = 0; i < row; i++)
              if (want.p[y * ds + i] != formula(op, src.p[y * ss + i], &p, (unsigned)(i % c)))
                fail_msg("scalar: c=%u w=%zu h=%zu byte %zu of row %zu differs from the formula", c,
                         w, h, i, y);
          for (size_t v = 0; v < nvars; v++) {
            if (!supported(op, &vars[v])) continue;
            const char *name = tu_variant_name(&vars[v]);
            tu_buf dst = image_new(row, h, ds, (mis * 7 + 3) % 64, &seed);
            assert_int_equal(call(op, dst.p, ds, src.p, ss, w, h, c, &p, &vars[v]), STRATA_OK);
            if (!rows_equal(dst.p, ds, want.p, ds, row, h))
              fail_msg("%s: c=%u w=%zu h=%zu strides %zu/%zu differs from scalar", name, c, w, h,
                       ss, ds);
            check_padding(&dst, row, h, ds, name);
            tu_buf_free(&dst);
            /* in place: the same pointer and stride */
            tu_buf io = image_new(row, h, ss, mis, &seed);
            for (size_t y = 0; y < h; y++) memcpy(io.p + y * ss, src.p + y * ss, row);
            assert_int_equal(call(op, io.p, ss, io.p, ss, w, h, c, &p, &vars[v]), STRATA_OK);
            if (!rows_equal(io.p, ss, want.p, ds, row, h))
              fail_msg("%s: in place c=%u w=%zu h=%zu stride %zu differs from scalar", name, c, w,
                       h, ss);
            check_padding(&io, row, h, ss, name);
            tu_buf_free(&io);
          }
          check_padding(&src, row, h, ss, "src");
          tu_buf_free(&src);
          tu_buf_free(&want);
        }
}

static void test_brighten_shapes(void **state) {
  (void)state;
  shapes(BRIGHTEN);
}

static void test_gain_bias_shapes(void **state) {
  (void)state;
  shapes(GAIN_BIAS);
}

/* Large images: contiguous (one long row, cut into byte ranges by the task layer) and strided
   (cut into rows), RGB with one channel left alone, in place and not. */
static void test_large_images(void **state) {
  (void)state;
  static const size_t dims[][3] = {{1021, 301, 3}, {640, 480, 1}, {333, 700, 4}};
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  uint64_t seed = 99;
  for (int op = BRIGHTEN; op <= GAIN_BIAS; op++)
    for (size_t k = 0; k < sizeof dims / sizeof *dims; k++)
      for (size_t pad = 0; pad <= 40; pad += 40) {
        const size_t w = dims[k][0], h = dims[k][1], row = w * dims[k][2], stride = row + pad;
        const unsigned c = (unsigned)dims[k][2];
        params p = {{40, 0, -70, 0}, {1.25f, 1.0f, 0.8f, 1.0f}, {-10.0f, 0.0f, 20.5f, 0.0f}};
        tu_buf src = image_new(row, h, stride, 3, &seed);
        tu_buf want = image_new(row, h, stride, 0, &seed);
        assert_int_equal(call(op, want.p, stride, src.p, stride, w, h, c, &p, &scalar), STRATA_OK);
        for (size_t v = 0; v < nvars; v++) {
          if (!supported(op, &vars[v])) continue;
          tu_buf io = image_new(row, h, stride, 1, &seed);
          memcpy(io.p, src.p, io.n);
          assert_int_equal(call(op, io.p, stride, io.p, stride, w, h, c, &p, &vars[v]), STRATA_OK);
          if (!rows_equal(io.p, stride, want.p, stride, row, h))
            fail_msg("%s: op %d %zux%zux%u pad %zu differs from scalar", tu_variant_name(&vars[v]),
                     op, w, h, c, pad);
          check_padding(&io, row, h, stride, tu_variant_name(&vars[v]));
          tu_buf_free(&io);
        }
        tu_buf_free(&src);
        tu_buf_free(&want);
      }
}

/* An image past the non-temporal store threshold (half the last-level cache: 16 MiB on the CI
   machine; 70 MiB is past it for caches up to 140 MiB), so the streaming loops run too: in
   place, data and task. */
static void test_streaming_sizes(void **state) {
  (void)state;
  const size_t w = 4096, h = 6000, c = 3, n = w * h * c; /* 70.3 MiB */
  const strata_exec layers[] = {{STRATA_LAYER_DATA, STRATA_ISA_AUTO, 0},
                                {STRATA_LAYER_TASK, STRATA_ISA_AUTO, 2}};
  uint8_t *img = malloc(n), table[3][256], lut[256];
  assert_non_null(img);
  const params p = {{-30, 0, 90, 0}, {0.75f, 1.0f, 1.5f, 0.0f}, {0.5f, 0.0f, -20.0f, 0.0f}};
  for (int x = 0; x < 256; x++) lut[x] = (uint8_t)(x * 5 + 1);
  for (size_t l = 0; l < 2; l++) {
    /* built without OpenMP, the task layer is unsupported (test_errors covers that answer) */
    if (strata_brighten_u8_ex(NULL, NULL, 0, 0, &layers[l]) == STRATA_ERR_UNSUPPORTED) continue;
    for (int step = 0; step < 3; step++) {
      for (size_t i = 0; i < n; i++) img[i] = (uint8_t)(i * 7 ^ i >> 12);
      for (unsigned ch = 0; ch < 3; ch++)
        for (int x = 0; x < 256; x++)
          table[ch][x] = step == 2 ? lut[x] : formula((enum op)step, (uint8_t)x, &p, ch);
      strata_status s = step == 2
                            ? strata_lut_u8_ex(img, img, n, lut, &layers[l])
                            : call((enum op)step, img, w * c, img, w * c, w, h, c, &p, &layers[l]);
      assert_int_equal(s, STRATA_OK);
      for (size_t i = 0; i < n; i++)
        if (img[i] != table[i % 3][(uint8_t)(i * 7 ^ i >> 12)])
          fail_msg("%s step %d: byte %zu wrong", tu_variant_name(&layers[l]), step, i);
    }
  }
  free(img);
}

/* Every error rule, for every variant; the destination is unchanged afterwards. */
static void test_errors_write_nothing(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  _Alignas(64) uint8_t buf[4096];
  uint8_t copy[sizeof buf];
  for (size_t i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)(i * 13);
  memcpy(copy, buf, sizeof buf);
  const params good = {{10, -10, 0, 5}, {1.5f, 0.5f, 1.0f, 2.0f}, {1.0f, 2.0f, 3.0f, 4.0f}};
  for (size_t v = 0; v < nvars; v++) {
    const strata_exec *e = &vars[v];
    for (int o = BRIGHTEN; o <= GAIN_BIAS; o++) {
      const enum op op = (enum op)o;
      uint8_t *d = buf + 2048;
      const uint8_t *s = buf;
      /* NULL images with pixels to process; NULL parameter arrays always */
      assert_int_equal(call(op, NULL, 30, s, 30, 10, 2, 3, &good, e), STRATA_ERR_NULL);
      assert_int_equal(call(op, d, 30, NULL, 30, 10, 2, 3, &good, e), STRATA_ERR_NULL);
      if (op == BRIGHTEN)
        assert_int_equal(strata_brighten_image_u8_ex(d, 30, s, 30, 10, 2, 3, NULL, e),
                         STRATA_ERR_NULL);
      else {
        assert_int_equal(strata_gain_bias_image_u8_ex(d, 30, s, 30, 10, 2, 3, NULL, good.bias, e),
                         STRATA_ERR_NULL);
        assert_int_equal(strata_gain_bias_image_u8_ex(d, 30, s, 30, 10, 2, 3, good.gain, NULL, e),
                         STRATA_ERR_NULL);
      }
      /* channels 0 and 5 */
      assert_int_equal(call(op, d, 30, s, 30, 10, 2, 0, &good, e), STRATA_ERR_ARG);
      assert_int_equal(call(op, d, 50, s, 50, 10, 2, 5, &good, e), STRATA_ERR_ARG);
      /* a stride shorter than a row (either one), also with one row */
      assert_int_equal(call(op, d, 29, s, 30, 10, 2, 3, &good, e), STRATA_ERR_SIZE);
      assert_int_equal(call(op, d, 30, s, 29, 10, 2, 3, &good, e), STRATA_ERR_SIZE);
      assert_int_equal(call(op, d, 29, s, 29, 10, 1, 3, &good, e), STRATA_ERR_SIZE);
      /* size overflow: width * channels, and (height - 1) * stride + row */
      assert_int_equal(call(op, d, SIZE_MAX, s, SIZE_MAX, SIZE_MAX / 2, 1, 4, &good, e),
                       STRATA_ERR_SIZE);
      assert_int_equal(call(op, d, SIZE_MAX / 2, s, SIZE_MAX / 2, 10, 3, 3, &good, e),
                       STRATA_ERR_SIZE);
      assert_int_equal(call(op, d, 30, s, SIZE_MAX / 4, 10, 5, 3, &good, e), STRATA_ERR_SIZE);
      /* partial overlap of dst and src spans, both ways; dst == src with other strides */
      assert_int_equal(call(op, buf + 1, 30, buf, 30, 10, 4, 3, &good, e), STRATA_ERR_OVERLAP);
      assert_int_equal(call(op, buf, 30, buf + 29, 30, 10, 4, 3, &good, e), STRATA_ERR_OVERLAP);
      assert_int_equal(call(op, buf + 60, 32, buf, 32, 10, 4, 3, &good, e), STRATA_ERR_OVERLAP);
      assert_int_equal(call(op, buf, 40, buf, 30, 10, 4, 3, &good, e), STRATA_ERR_OVERLAP);
      /* a parameter array inside the destination */
      {
        params *inside = (params *)(void *)(buf + 512);
        memcpy(inside, &good, sizeof good);
        memcpy(copy + 512, inside, sizeof good);
        assert_int_equal(call(op, buf + 500, 100, buf + 2048, 100, 20, 3, 4, inside, e),
                         STRATA_ERR_OVERLAP);
      }
      /* out-of-range parameters */
      params bad = good;
      if (op == BRIGHTEN) {
        static const int deltas[] = {256, -256, 1 << 30, INT32_MIN};
        for (size_t k = 0; k < 4; k++) {
          bad = good;
          bad.delta[k % 3] = deltas[k];
          assert_int_equal(call(op, d, 30, s, 30, 10, 2, 3, &bad, e), STRATA_ERR_ARG);
        }
      } else {
        const float nonfinite[] = {NAN, INFINITY, -INFINITY};
        for (size_t k = 0; k < 3; k++) {
          bad = good;
          bad.gain[k] = nonfinite[k];
          assert_int_equal(call(op, d, 30, s, 30, 10, 2, 3, &bad, e), STRATA_ERR_ARG);
          bad = good;
          bad.bias[2 - k] = nonfinite[k];
          assert_int_equal(call(op, d, 30, s, 30, 10, 2, 3, &bad, e), STRATA_ERR_ARG);
        }
        assert_int_equal(strata_gain_bias_u8_ex(d, s, 100, NAN, 0.0f, e), STRATA_ERR_ARG);
        assert_int_equal(strata_gain_bias_u8_ex(d, s, 100, 1.0f, -INFINITY, e), STRATA_ERR_ARG);
        assert_int_equal(strata_gain_bias_u8_ex(NULL, s, 100, 1.0f, 0.0f, e), STRATA_ERR_NULL);
        assert_int_equal(strata_gain_bias_u8_ex(buf + 1, buf, 100, 1.0f, 0.0f, e),
                         STRATA_ERR_OVERLAP);
      }
      assert_memory_equal(buf, copy, sizeof buf);
      /* empty images are no-ops, NULL allowed; the unimplemented layers say so */
      if (supported(op, e)) {
        assert_int_equal(call(op, NULL, 0, NULL, 0, 0, 0, 3, &good, e), STRATA_OK);
        assert_int_equal(call(op, NULL, 30, NULL, 30, 10, 0, 3, &good, e), STRATA_OK);
        assert_int_equal(call(op, NULL, 0, NULL, 0, 0, 7, 2, &good, e), STRATA_OK);
      } else {
        assert_int_equal(call(op, d, 30, s, 30, 10, 2, 3, &good, e), STRATA_ERR_UNSUPPORTED);
      }
      assert_memory_equal(buf, copy, sizeof buf);
    }
  }
}

/* The forced ISA is the one that ran (STRATA_ISA from ctest). */
static void test_isa_that_ran(void **state) {
  (void)state;
  uint8_t px[300] = {0};
  const params p = {{1, 2, 3, 0}, {1, 1, 1, 1}, {1, 2, 3, 4}};
  const strata_exec data = {STRATA_LAYER_DATA, STRATA_ISA_AUTO, 0};
  for (int op = BRIGHTEN; op <= GAIN_BIAS; op++) {
    assert_int_equal(call(op, px, 300, px, 300, 100, 1, 3, &p, &data), STRATA_OK);
    assert_int_equal(strata_last_exec().isa, strata_best_isa());
    assert_int_equal(strata_last_exec().layer, STRATA_LAYER_DATA);
  }
}

int main(void) {
  int skip = tu_skip_unrunnable_isa();
  if (skip) return skip;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_brighten_all_values_all_deltas),
      cmocka_unit_test(test_brighten_shapes),
      cmocka_unit_test(test_gain_bias_shapes),
      cmocka_unit_test(test_large_images),
      cmocka_unit_test(test_streaming_sizes),
      cmocka_unit_test(test_errors_write_nothing),
      cmocka_unit_test(test_isa_that_ran),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
