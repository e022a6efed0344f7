/* strata_gain_bias_u8: every layer against the formula, bit for bit, over all 256 inputs with
   gains and biases that produce exact .5 ties (both parities), negative, huge, tiny and
   subnormal values, and pairs where fused and unfused multiply-add round differently (found by
   search, so a non-fused implementation fails here); every length, misaligned, in place. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const strata_exec scalar = {STRATA_LAYER_SCALAR, STRATA_ISA_AUTO, 0};

static int supported(const strata_exec *e) {
  return e->layer != STRATA_LAYER_INSTRUCTION && e->layer != STRATA_LAYER_BIT;
}

static uint8_t rne_clamp(float y) {
  y = y < 0.0f ? 0.0f : y > 255.0f ? 255.0f : y;
  return (uint8_t)rintf(y);
}

static uint8_t formula(uint8_t x, float gain, float bias) {
  return rne_clamp(fmaf((float)x, gain, bias));
}

static uint8_t unfused(uint8_t x, float gain, float bias) {
  volatile float product = (float)x * gain;
  return rne_clamp(product + bias);
}

#define MAX_PAIRS 128
static size_t npairs;
static float gains[MAX_PAIRS], biases[MAX_PAIRS];

static void add_pair(float g, float b) {
  assert_true(npairs < MAX_PAIRS);
  gains[npairs] = g;
  biases[npairs++] = b;
}

static void make_pairs(void) {
  static const float fixed[][2] = {
      {1.0f, 0.0f},        {1.0f, 0.5f},         {1.0f, -0.5f},     {0.5f, 0.0f},
      {0.5f, 0.25f},       {1.5f, 0.0f},         {2.5f, 0.5f},      {0.25f, 0.125f},
      {-1.0f, 255.0f},     {-0.5f, 127.5f},      {-1.5f, 300.5f},   {-3.0f, -1.0f},
      {0.0f, 0.0f},        {0.0f, 254.5f},       {0.0f, 255.5f},    {0.0f, 0.5f},
      {0.0f, -0.5f},       {0.0f, 1.5f},         {1.0f, 254.5f},    {1.0f, -254.5f},
      {1e30f, 0.0f},       {-1e30f, 0.0f},       {FLT_MAX, 0.0f},   {-FLT_MAX, FLT_MAX},
      {FLT_MAX, -FLT_MAX}, {1.0f, FLT_MAX},      {1.0f, -FLT_MAX},  {1e-30f, 0.5f},
      {1e-30f, 1.5f},      {FLT_TRUE_MIN, 2.5f}, {1e-38f, -1e-38f}, {1.0f, 1e-40f},
      {1.0f, -1e-40f},     {1.0f / 3.0f, 0.0f},  {0.1f, 0.05f},     {1.2f, -12.7f},
      {0.8f, 20.5f},       {3.0f, -382.5f},      {255.0f, -254.5f}, {128.0f, -0.5f},
      {0.998f, 0.4990f},   {1.0001f, -0.5f},
  };
  npairs = 0;
  for (size_t k = 0; k < sizeof fixed / sizeof *fixed; k++) add_pair(fixed[k][0], fixed[k][1]);
  /* ties just off by one ulp either way */
  add_pair(1.0f, nextafterf(0.5f, 1.0f));
  add_pair(1.0f, nextafterf(0.5f, 0.0f));
  add_pair(nextafterf(0.5f, 1.0f), 0.0f);
  add_pair(nextafterf(1.5f, 0.0f), 0.0f);
  /* pairs where the fused result rounds to another integer than the unfused one */
  uint64_t seed = 42;
  size_t found = 0;
  for (int tries = 0; tries < 2000000 && found < 24; tries++) {
    const uint64_t r = tu_rand(&seed);
    const float g = 1.0f + (float)(int32_t)(r & 0xffffff) * 0x1p-24f * 4.0f;
    const float b = (float)(int)(r >> 32 & 0x1ff) - 256.0f + 0.5f;
    for (int x = 1; x < 256; x++)
      if (formula((uint8_t)x, g, b) != unfused((uint8_t)x, g, b)) {
        add_pair(g, b);
        found++;
        break;
      }
  }
  assert_true(found >= 8); /* otherwise the test could not tell fused from unfused */
}

static void test_all_inputs(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  uint8_t src[256 * 5], dst[sizeof src];
  for (size_t i = 0; i < sizeof src; i++) src[i] = (uint8_t)(i * 37 + i / 256);
  make_pairs();
  for (size_t k = 0; k < npairs; k++)
    for (size_t v = 0; v < nvars; v++) {
      if (!supported(&vars[v])) continue;
      assert_int_equal(strata_gain_bias_u8_ex(dst, src, sizeof src, gains[k], biases[k], &vars[v]),
                       STRATA_OK);
      for (size_t i = 0; i < sizeof src; i++)
        if (dst[i] != formula(src[i], gains[k], biases[k]))
          fail_msg("%s: x=%u gain=%a bias=%a gave %u, want %u", tu_variant_name(&vars[v]), src[i],
                   (double)gains[k], (double)biases[k], dst[i],
                   formula(src[i], gains[k], biases[k]));
    }
}

/* Per-channel gains and biases from the same list, over all inputs, through every layer. */
static void test_all_inputs_per_channel(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  uint8_t src[256 * 4 * 3], dst[sizeof src];
  make_pairs();
  for (unsigned c = 2; c <= 4; c++) {
    const size_t width = sizeof src / c, row = width * c;
    for (size_t i = 0; i < sizeof src; i++) src[i] = (uint8_t)(i / c + 91 * (i % c));
    for (size_t k = 0; k + c <= npairs; k += 3) {
      float g[4], b[4];
      for (unsigned ch = 0; ch < c; ch++) g[ch] = gains[k + ch], b[ch] = biases[k + ch];
      for (size_t v = 0; v < nvars; v++) {
        if (!supported(&vars[v])) continue;
        assert_int_equal(
            strata_gain_bias_image_u8_ex(dst, row, src, row, width, 1, c, g, b, &vars[v]),
            STRATA_OK);
        for (size_t i = 0; i < row; i++)
          if (dst[i] != formula(src[i], g[i % c], b[i % c]))
            fail_msg("%s c=%u: byte %zu x=%u gave %u, want %u", tu_variant_name(&vars[v]), c, i,
                     src[i], dst[i], formula(src[i], g[i % c], b[i % c]));
      }
    }
  }
}

/* Every length and misalignment, out of place and in place, against the scalar layer. */
static void test_lengths_alignment_in_place(void **state) {
  (void)state;
  static const float pairs[][2] = {{1.25f, -10.0f}, {0.5f, 0.0f}, {-2.0f, 300.0f}, {1.0f, 0.5f}};
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  size_t lengths[TU_MAX_LENGTHS];
  const size_t nlen = tu_lengths(lengths);
  uint64_t seed = 3;
  for (size_t li = 0; li < nlen; li++) {
    const size_t n = lengths[li];
    for (size_t mis = 0; mis < 3; mis++) {
      const float g = pairs[(li + mis) % 4][0], b = pairs[(li + mis) % 4][1];
      tu_buf src = tu_buf_new(n, mis, &seed);
      tu_buf want = tu_buf_new(n, 0, &seed);
      assert_int_equal(strata_gain_bias_u8_ex(want.p, src.p, n, g, b, &scalar), STRATA_OK);
      for (size_t v = 0; v < nvars; v++) {
        if (!supported(&vars[v])) continue;
        tu_buf dst = tu_buf_new(n, (mis * 5 + 3) % 64, &seed);
        assert_int_equal(strata_gain_bias_u8_ex(dst.p, src.p, n, g, b, &vars[v]), STRATA_OK);
        if (n && memcmp(dst.p, want.p, n) != 0)
          fail_msg("%s: n=%zu misalign=%zu differs from scalar", tu_variant_name(&vars[v]), n, mis);
        tu_buf_check(&dst);
        tu_buf_free(&dst);
        tu_buf io = tu_buf_new(n, mis, &seed);
        if (n) memcpy(io.p, src.p, n);
        assert_int_equal(strata_gain_bias_u8_ex(io.p, io.p, n, g, b, &vars[v]), STRATA_OK);
        if (n && memcmp(io.p, want.p, n) != 0)
          fail_msg("%s: in place n=%zu misalign=%zu differs from scalar", tu_variant_name(&vars[v]),
                   n, mis);
        tu_buf_check(&io);
        tu_buf_free(&io);
      }
      tu_buf_check(&src);
      tu_buf_free(&src);
      tu_buf_free(&want);
    }
  }
}

int main(void) {
  int skip = tu_skip_unrunnable_isa();
  if (skip) return skip;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_all_inputs),
      cmocka_unit_test(test_all_inputs_per_channel),
      cmocka_unit_test(test_lengths_alignment_in_place),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
