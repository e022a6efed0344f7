/* strata_lut_u8 and strata_gamma_lut_u8: every layer against the formula dst[i] = lut[src[i]],
   bit for bit, with tables that differ in every slice (all 256 inputs), every length 0..3W+1
   and large, misaligned, in place; the gamma table's formula and edges; every error rule with
   nothing written on error. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static int supported(const strata_exec *e) {
  return e->layer != STRATA_LAYER_INSTRUCTION && e->layer != STRATA_LAYER_BIT;
}

static void random_table(uint8_t lut[256], uint64_t *seed) {
  tu_fill(lut, 256, seed);
}

/* All 256 inputs through several tables: random, identity, inversion, constant, gamma. */
static void test_all_inputs(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  uint8_t src[256 * 3 + 5], dst[sizeof src], lut[256];
  uint64_t seed = 11;
  for (size_t i = 0; i < sizeof src; i++) src[i] = (uint8_t)(i * 101 + i / 256);
  for (int t = 0; t < 12; t++) {
    for (int x = 0; x < 256; x++)
      lut[x] = t == 0 ? (uint8_t)x : t == 1 ? (uint8_t)(255 - x) : t == 2 ? 77 : 0;
    if (t == 3) assert_int_equal(strata_gamma_lut_u8(lut, 2.2), STRATA_OK);
    if (t == 4) assert_int_equal(strata_gamma_lut_u8(lut, 1.0 / 2.2), STRATA_OK);
    if (t >= 5) random_table(lut, &seed);
    for (size_t v = 0; v < nvars; v++) {
      if (!supported(&vars[v])) continue;
      assert_int_equal(strata_lut_u8_ex(dst, src, sizeof src, lut, &vars[v]), STRATA_OK);
      for (size_t i = 0; i < sizeof src; i++)
        if (dst[i] != lut[src[i]])
          fail_msg("%s table %d: x=%u gave %u, want %u", tu_variant_name(&vars[v]), t, src[i],
                   dst[i], lut[src[i]]);
    }
  }
}

static void test_lengths_alignment_in_place(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  size_t lengths[TU_MAX_LENGTHS];
  const size_t nlen = tu_lengths(lengths);
  uint64_t seed = 5;
  uint8_t lut[256];
  for (size_t li = 0; li < nlen; li++) {
    const size_t n = lengths[li];
    for (size_t mis = 0; mis < 3; mis++) {
      random_table(lut, &seed);
      tu_buf src = tu_buf_new(n, mis, &seed);
      for (size_t v = 0; v < nvars; v++) {
        if (!supported(&vars[v])) continue;
        tu_buf dst = tu_buf_new(n, (mis * 5 + 3) % 64, &seed);
        assert_int_equal(strata_lut_u8_ex(dst.p, src.p, n, lut, &vars[v]), STRATA_OK);
        for (size_t i = 0; i < n; i++)
          if (dst.p[i] != lut[src.p[i]])
            fail_msg("%s: n=%zu misalign=%zu byte %zu wrong", tu_variant_name(&vars[v]), n, mis, i);
        tu_buf_check(&dst);
        /* in place */
        if (n) memcpy(dst.p, src.p, n);
        assert_int_equal(strata_lut_u8_ex(dst.p, dst.p, n, lut, &vars[v]), STRATA_OK);
        for (size_t i = 0; i < n; i++)
          if (dst.p[i] != lut[src.p[i]])
            fail_msg("%s: in place n=%zu misalign=%zu byte %zu wrong", tu_variant_name(&vars[v]), n,
                     mis, i);
        tu_buf_check(&dst);
        tu_buf_free(&dst);
      }
      tu_buf_check(&src);
      tu_buf_free(&src);
    }
  }
}

static void test_gamma_table(void **state) {
  (void)state;
  uint8_t lut[256];
  static const double gammas[] = {0.1, 0.4545, 1.0, 2.2, 10.0};
  for (size_t k = 0; k < sizeof gammas / sizeof *gammas; k++) {
    assert_int_equal(strata_gamma_lut_u8(lut, gammas[k]), STRATA_OK);
    assert_int_equal(lut[0], 0);
    assert_int_equal(lut[255], 255);
    for (int x = 0; x < 256; x++) {
      assert_int_equal(lut[x], (uint8_t)floor(255.0 * pow(x / 255.0, gammas[k]) + 0.5));
      if (x) assert_true(lut[x] >= lut[x - 1]);
      if (gammas[k] == 1.0) assert_int_equal(lut[x], x);
    }
  }
}

static void test_errors_write_nothing(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  uint8_t buf[1024], copy[1024], lut[256];
  for (size_t i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)(i * 3);
  for (int x = 0; x < 256; x++) lut[x] = (uint8_t)(255 - x);
  memcpy(copy, buf, sizeof buf);
  for (size_t v = 0; v < nvars; v++) {
    const strata_exec *e = &vars[v];
    assert_int_equal(strata_lut_u8_ex(NULL, buf, 1, lut, e), STRATA_ERR_NULL);
    assert_int_equal(strata_lut_u8_ex(buf, NULL, 1, lut, e), STRATA_ERR_NULL);
    assert_int_equal(strata_lut_u8_ex(buf, buf, 1, NULL, e), STRATA_ERR_NULL);
    assert_int_equal(strata_lut_u8_ex(NULL, NULL, 0, NULL, e), STRATA_ERR_NULL);
    assert_int_equal(strata_lut_u8_ex(buf + 1, buf, 100, lut, e), STRATA_ERR_OVERLAP);
    assert_int_equal(strata_lut_u8_ex(buf, buf + 99, 100, lut, e), STRATA_ERR_OVERLAP);
    /* the table inside the destination, partly or wholly */
    assert_int_equal(strata_lut_u8_ex(buf + 300, buf, 100, buf + 200, e), STRATA_ERR_OVERLAP);
    assert_int_equal(strata_lut_u8_ex(buf + 300, buf, 600, buf + 400, e), STRATA_ERR_OVERLAP);
    assert_memory_equal(buf, copy, sizeof buf);
    if (supported(e)) {
      assert_int_equal(strata_lut_u8_ex(NULL, NULL, 0, lut, e), STRATA_OK);
      /* the table may overlap the source */
      assert_int_equal(strata_lut_u8_ex(buf + 512, buf, 300, buf, e), STRATA_OK);
      for (size_t i = 0; i < 300; i++) assert_int_equal(buf[512 + i], copy[copy[i]]);
      memcpy(buf, copy, sizeof buf);
    } else {
      assert_int_equal(strata_lut_u8_ex(buf + 512, buf, 300, lut, e), STRATA_ERR_UNSUPPORTED);
      assert_memory_equal(buf, copy, sizeof buf);
    }
  }
  assert_int_equal(strata_gamma_lut_u8(NULL, 2.2), STRATA_ERR_NULL);
  memcpy(buf, copy, 256);
  static const double bad[] = {0.0, -1.0, NAN, INFINITY, -INFINITY};
  for (size_t k = 0; k < sizeof bad / sizeof *bad; k++)
    assert_int_equal(strata_gamma_lut_u8(buf, bad[k]), STRATA_ERR_ARG);
  assert_memory_equal(buf, copy, sizeof buf);
}

int main(void) {
  int skip = tu_skip_unrunnable_isa();
  if (skip) return skip;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_all_inputs),
      cmocka_unit_test(test_lengths_alignment_in_place),
      cmocka_unit_test(test_gamma_table),
      cmocka_unit_test(test_errors_write_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
