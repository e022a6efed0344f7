/* strata_brighten_u8: every layer against the scalar reference, bit for bit, and the scalar
   layer against the formula itself; every length 0..3W+1 and large, misaligned, in place, with
   sentinels around every buffer; every error rule with nothing written on error. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static uint8_t formula(uint8_t x, int delta) {
  int v = x + delta;
  return (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
}

static const strata_exec scalar = {STRATA_LAYER_SCALAR, STRATA_ISA_AUTO, 0};

static int supported(const strata_exec *e) {
  return e->layer != STRATA_LAYER_INSTRUCTION;
}

/* All 256 pixel values with every delta in [-255, 255], through every layer. */
static void test_all_values_all_deltas(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  uint8_t src[256 * 3], dst[sizeof src];
  for (size_t i = 0; i < sizeof src; i++) src[i] = (uint8_t)(i * 7);
  for (size_t v = 0; v < nvars; v++) {
    if (!supported(&vars[v])) continue;
    for (int delta = -255; delta <= 255; delta++) {
      assert_int_equal(strata_brighten_u8_ex(dst, src, sizeof src, delta, &vars[v]), STRATA_OK);
      for (size_t i = 0; i < sizeof src; i++)
        if (dst[i] != formula(src[i], delta))
          fail_msg("%s: src %u delta %d gave %u, want %u", tu_variant_name(&vars[v]), src[i],
                   delta, dst[i], formula(src[i], delta));
    }
  }
}

/* Every length and misalignment, out of place and in place, against the scalar layer. */
static void test_lengths_alignment_in_place(void **state) {
  (void)state;
  static const int deltas[] = {0, 1, 37, 255, -1, -100, -255};
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  size_t lengths[TU_MAX_LENGTHS];
  const size_t nlen = tu_lengths(lengths);
  uint64_t seed = 1;
  for (size_t li = 0; li < nlen; li++) {
    const size_t n = lengths[li];
    for (size_t mis = 0; mis < 4; mis++) {
      const int delta = deltas[(li + mis) % (sizeof deltas / sizeof *deltas)];
      tu_buf src = tu_buf_new(n, mis, &seed);
      tu_buf want = tu_buf_new(n, 0, &seed);
      assert_int_equal(strata_brighten_u8_ex(want.p, src.p, n, delta, &scalar), STRATA_OK);
      for (size_t v = 0; v < nvars; v++) {
        if (!supported(&vars[v])) continue;
        tu_buf dst = tu_buf_new(n, (mis * 5 + 3) % 64, &seed);
        assert_int_equal(strata_brighten_u8_ex(dst.p, src.p, n, delta, &vars[v]), STRATA_OK);
        if (n && memcmp(dst.p, want.p, n) != 0)
          fail_msg("%s: n=%zu misalign=%zu delta=%d differs from scalar",
                   tu_variant_name(&vars[v]), n, mis, delta);
        tu_buf_check(&dst);
        tu_buf_free(&dst);
        /* in place: dst == src */
        tu_buf io = tu_buf_new(n, mis, &seed);
        if (n) memcpy(io.p, src.p, n);
        assert_int_equal(strata_brighten_u8_ex(io.p, io.p, n, delta, &vars[v]), STRATA_OK);
        if (n && memcmp(io.p, want.p, n) != 0)
          fail_msg("%s: in place n=%zu misalign=%zu delta=%d differs from scalar",
                   tu_variant_name(&vars[v]), n, mis, delta);
        tu_buf_check(&io);
        tu_buf_free(&io);
      }
      tu_buf_check(&src);
      tu_buf_free(&src);
      tu_buf_free(&want);
    }
  }
}

static void test_errors_write_nothing(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  uint8_t buf[256], copy[256];
  for (size_t i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)i;
  memcpy(copy, buf, sizeof buf);
  for (size_t v = 0; v < nvars; v++) {
    const strata_exec *e = &vars[v];
    assert_int_equal(strata_brighten_u8_ex(NULL, buf, 1, 1, e), STRATA_ERR_NULL);
    assert_int_equal(strata_brighten_u8_ex(buf, NULL, 1, 1, e), STRATA_ERR_NULL);
    assert_int_equal(strata_brighten_u8_ex(buf, buf, 10, 256, e), STRATA_ERR_ARG);
    assert_int_equal(strata_brighten_u8_ex(buf, buf, 10, -256, e), STRATA_ERR_ARG);
    assert_int_equal(strata_brighten_u8_ex(buf, buf, 10, 1 << 30, e), STRATA_ERR_ARG);
    /* partial overlap in both directions, by one byte and by one vector */
    assert_int_equal(strata_brighten_u8_ex(buf + 1, buf, 100, 5, e), STRATA_ERR_OVERLAP);
    assert_int_equal(strata_brighten_u8_ex(buf, buf + 1, 100, 5, e), STRATA_ERR_OVERLAP);
    assert_int_equal(strata_brighten_u8_ex(buf + 32, buf, 100, 5, e), STRATA_ERR_OVERLAP);
    assert_int_equal(strata_brighten_u8_ex(buf, buf + 99, 100, 5, e), STRATA_ERR_OVERLAP);
    assert_memory_equal(buf, copy, sizeof buf);
    /* NULL with n = 0 is a no-op; adjacent buffers do not overlap */
    if (supported(e)) {
      assert_int_equal(strata_brighten_u8_ex(NULL, NULL, 0, 5, e), STRATA_OK);
      assert_int_equal(strata_brighten_u8_ex(buf + 100, buf, 100, 0, e), STRATA_OK);
      assert_memory_equal(buf + 100, copy, 100);
      memcpy(buf, copy, sizeof buf);
    }
  }
  assert_int_equal(strata_brighten_u8(NULL, NULL, 0, 0), STRATA_OK);
}

int main(void) {
  int skip = tu_skip_unrunnable_isa();
  if (skip) return skip;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_all_values_all_deltas),
      cmocka_unit_test(test_lengths_alignment_in_place),
      cmocka_unit_test(test_errors_write_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
