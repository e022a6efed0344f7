/* strata/mpn.h: every function and layer against the scalar reference and against GMP, limb for
   limb and carry for carry (the suite runs once per ISA). Patterns: random limbs; carry chains
   across all limbs and starting at every position of a SIMD block; sums that are all ones
   (propagating limbs) sprinkled among random ones; alternating bits; borrow chains for sub.
   Lengths 0..3W+1 limbs (W = 8 limbs, AVX-512) and beyond, and 65537 and 1M; misaligned buffers
   with sentinels; in place r == a, r == b, r == a == b. Batches with 0..9 limbs and 0..1000
   numbers, carries NULL or not. Every error rule, with nothing written on error. */
#include <gmp.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

typedef enum { F_ADD_N, F_SUB_N, F_ADD_1, F_SUB_1, F_BATCH } fn_id;

static const strata_exec scalar = {STRATA_LAYER_SCALAR, STRATA_ISA_AUTO, 0};

static int supported(fn_id f, const strata_exec *e) {
  switch (f) {
  case F_ADD_N:
  case F_SUB_N:
    return 1;
  case F_ADD_1:
  case F_SUB_1:
    return e->layer == STRATA_LAYER_SCALAR || e->layer == STRATA_LAYER_DATA ||
           e->layer == STRATA_LAYER_AUTO;
  case F_BATCH:
    return e->layer != STRATA_LAYER_BIT;
  }
  return 0;
}

/* Lengths in limbs: every n in 0..3W+1 and a bit more, block edges, and large ones. */
static size_t lengths(size_t *out) {
  size_t k = 0;
  for (size_t n = 0; n <= 72; n++) out[k++] = n;
  static const size_t more[] = {127, 128, 129, 255, 256, 257, 1000, 4099, 65537, (size_t)1 << 20};
  for (size_t i = 0; i < sizeof more / sizeof *more; i++) out[k++] = more[i];
  return k;
}

enum { P_RANDOM, P_PROPAGATE, P_CHAIN_ALL, P_CHAIN_FROM, P_ALTERNATE, P_COUNT };

/* Fills a and b (n limbs) with pattern p; `at` picks where a chain starts for P_CHAIN_FROM.
   For sub the chains are borrow chains (a = 0 where add has all ones). */
static void fill(uint64_t *a, uint64_t *b, size_t n, int p, size_t at, int sub, uint64_t *seed) {
  const uint64_t edge = sub ? 0 : UINT64_MAX;
  for (size_t i = 0; i < n; i++) {
    uint64_t x = tu_rand(seed), y = tu_rand(seed);
    switch (p) {
    case P_PROPAGATE: /* a quarter of the limbs sum to all ones (differ by zero) */
      if ((x & 3) == 0) y = sub ? x : ~x;
      break;
    case P_CHAIN_ALL:
      x = edge, y = i == 0;
      break;
    case P_CHAIN_FROM:
      x = edge, y = i == at % (n ? n : 1);
      break;
    case P_ALTERNATE:
      x = i & 1 ? UINT64_C(0xAAAAAAAAAAAAAAAA) : UINT64_C(0x5555555555555555);
      y = sub ? x : ~x;
      if (i % 9 == 4) y ^= 1; /* a few lanes that generate (or stop) carries */
      break;
    default:
      break;
    }
    a[i] = x;
    b[i] = y;
  }
}

static strata_status call_n(int sub, uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n,
                            uint64_t *c, const strata_exec *e) {
  return sub ? strata_mpn_sub_n_ex(r, a, b, n, c, e) : strata_mpn_add_n_ex(r, a, b, n, c, e);
}

/* Checks one variant in one aliasing mode against want/want_c, with r in rb and the copy of a in
   other (both n limbs, sentinels around them). mode: 0 out of place, 1 r == a, 2 r == b,
   3 r == a == b (then b is a and want is a op a). */
static void check_mode(int sub, const strata_exec *e, int mode, const uint64_t *a,
                       const uint64_t *b, size_t n, const uint64_t *want, uint64_t want_c,
                       tu_buf *rb, tu_buf *other) {
  const size_t bytes = n * 8;
  uint64_t *r = (uint64_t *)rb->p, *o = (uint64_t *)other->p;
  const uint64_t *x = a, *y = b;
  if (n) memset(r, 0x5A, bytes);
  if (mode == 1 || mode == 3) {
    if (n) memcpy(r, a, bytes);
    x = r;
  }
  if (mode == 2) {
    if (n) memcpy(r, b, bytes);
    y = r;
  }
  if (mode == 3) y = r;
  if (mode == 0) {
    if (n) memcpy(o, a, bytes);
    x = o;
  }
  uint64_t c = 7;
  assert_int_equal(call_n(sub, r, x, y, n, &c, e), STRATA_OK);
  if (c != want_c || (n && memcmp(r, want, bytes) != 0)) {
    size_t i = 0;
    while (i < n && r[i] == want[i]) i++;
    fail_msg("%s %s mode %d n=%zu mis=%zu: carry %llu want %llu, first bad limb %zu",
             sub ? "sub_n" : "add_n", tu_variant_name(e), mode, n, rb->misalign,
             (unsigned long long)c, (unsigned long long)want_c, i);
  }
  tu_buf_check(rb);
  tu_buf_check(other);
}

static void run_n(int sub) {
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  size_t ns[128];
  const size_t nlen = lengths(ns);
  uint64_t seed = 42 + (uint64_t)sub;
  for (size_t li = 0; li < nlen; li++) {
    const size_t n = ns[li];
    const int big = n > 4099;
    for (int p = 0; p < P_COUNT; p++) {
      /* alternating bits are covered by smaller n; a chain through all limbs is kept at 65537,
         where it runs through every task chunk (the fix-up's worst case) */
      if (big && (p == P_ALTERNATE || (p == P_CHAIN_ALL && n > 65537))) continue;
      /* chains from every position of the first two AVX-512 blocks (small n), else a few */
      const size_t starts = p != P_CHAIN_FROM ? 1 : n <= 72 ? (n < 17 ? (n ? n : 1) : 17) : 2;
      for (size_t at = 0; at < starts; at++) {
        const size_t where = n > 72 ? (at * 7919 + n / 2) % n : at;
        uint64_t *a = malloc(n * 8 + 8), *b = malloc(n * 8 + 8), *want = malloc(n * 8 + 8);
        uint64_t *aa = malloc(n * 8 + 8), *gm = malloc(n * 8 + 8);
        fill(a, b, n, p, where, sub, &seed);
        uint64_t wc = 9, wcaa = 9;
        assert_int_equal(call_n(sub, want, a, b, n, &wc, &scalar), STRATA_OK);
        assert_int_equal(call_n(sub, aa, a, a, n, &wcaa, &scalar), STRATA_OK);
        if (n) { /* the reference against GMP */
          const mp_limb_t gc =
              sub ? mpn_sub_n(gm, a, b, (mp_size_t)n) : mpn_add_n(gm, a, b, (mp_size_t)n);
          if (gc != wc || memcmp(gm, want, n * 8) != 0)
            fail_msg("scalar %s differs from GMP at n=%zu pattern %d", sub ? "sub" : "add", n, p);
        } else {
          assert_int_equal(wc, 0);
        }
        for (size_t v = 0; v < nvars; v++) {
          tu_buf rb = tu_buf_new(n * 8, (8 * (li + v + at)) % 64, &seed);
          tu_buf other = tu_buf_new(n * 8, (8 * (li + v + 3)) % 64, &seed);
          for (int mode = 0; mode < 4; mode++) {
            if (big && mode == 2 && p != P_RANDOM) continue;
            if (mode == 3)
              check_mode(sub, &vars[v], 3, a, a, n, aa, wcaa, &rb, &other);
            else
              check_mode(sub, &vars[v], mode, a, b, n, want, wc, &rb, &other);
          }
          tu_buf_free(&rb);
          tu_buf_free(&other);
        }
        free(a), free(b), free(want), free(aa), free(gm);
      }
    }
  }
}

static void test_add_n(void **state) {
  (void)state;
  run_n(0);
}

static void test_sub_n(void **state) {
  (void)state;
  run_n(1);
}

static strata_status call_1(int sub, uint64_t *r, const uint64_t *a, size_t n, uint64_t b,
                            uint64_t *c, const strata_exec *e) {
  return sub ? strata_mpn_sub_1_ex(r, a, n, b, c, e) : strata_mpn_add_1_ex(r, a, n, b, c, e);
}

/* add_1 / sub_1: carries that die at once (random a), that run some limbs, and that run off the
   top (a all ones + 1, zero - 1), against GMP and the scalar layer, out of place and in place. */
static void run_1(int sub) {
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  size_t ns[128];
  const size_t nlen = lengths(ns);
  uint64_t seed = 7 + (uint64_t)sub;
  const uint64_t edge = sub ? 0 : UINT64_MAX;
  for (size_t li = 1; li < nlen; li++) {
    const size_t n = ns[li];
    for (int p = 0; p < 4; p++) {
      uint64_t *a = malloc(n * 8), *want = malloc(n * 8), *gm = malloc(n * 8);
      uint64_t bl = tu_rand(&seed);
      for (size_t i = 0; i < n; i++) a[i] = tu_rand(&seed);
      if (p == 1) { /* runs to the top */
        for (size_t i = 0; i < n; i++) a[i] = edge;
        bl = 1 + (tu_rand(&seed) & 3);
      }
      if (p == 2) { /* runs half way */
        for (size_t i = 0; i < n / 2; i++) a[i] = edge;
        bl = 1;
      }
      if (p == 3) bl = p == 3 && (li & 1) ? 0 : UINT64_MAX;
      uint64_t wc = 9;
      assert_int_equal(call_1(sub, want, a, n, bl, &wc, &scalar), STRATA_OK);
      const mp_limb_t gc =
          sub ? mpn_sub_1(gm, a, (mp_size_t)n, bl) : mpn_add_1(gm, a, (mp_size_t)n, bl);
      if (gc != wc || memcmp(gm, want, n * 8) != 0)
        fail_msg("scalar %s_1 differs from GMP at n=%zu pattern %d", sub ? "sub" : "add", n, p);
      for (size_t v = 0; v < nvars; v++) {
        if (!supported(sub ? F_SUB_1 : F_ADD_1, &vars[v])) {
          uint64_t c = 5;
          assert_int_equal(call_1(sub, gm, a, n, bl, &c, &vars[v]), STRATA_ERR_UNSUPPORTED);
          assert_int_equal(c, 5);
          continue;
        }
        for (int inplace = 0; inplace < 2; inplace++) {
          tu_buf rb = tu_buf_new(n * 8, (8 * (li + v)) % 64, &seed);
          uint64_t *r = (uint64_t *)rb.p, c = 9;
          if (inplace) memcpy(r, a, n * 8);
          assert_int_equal(call_1(sub, r, inplace ? r : a, n, bl, &c, &vars[v]), STRATA_OK);
          if (c != wc || memcmp(r, want, n * 8) != 0)
            fail_msg("%s_1 %s n=%zu pattern %d in place %d differs", sub ? "sub" : "add",
                     tu_variant_name(&vars[v]), n, p, inplace);
          tu_buf_check(&rb);
          tu_buf_free(&rb);
        }
        /* NULL carry is fine */
        assert_int_equal(call_1(sub, gm, a, n, bl, NULL, &vars[v]), STRATA_OK);
        assert_memory_equal(gm, want, n * 8);
      }
      free(a), free(want), free(gm);
    }
  }
}

static void test_add_1(void **state) {
  (void)state;
  run_1(0);
}

static void test_sub_1(void **state) {
  (void)state;
  run_1(1);
}

/* Batches: limbs 0..9, counts 0..1000, some numbers with carry chains, carries NULL or not, out of
   place and in place (r == a, r == b), against the scalar layer and a loop of GMP calls. */
static void test_batch(void **state) {
  (void)state;
  static const size_t counts[] = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 63, 100, 1000};
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  uint64_t seed = 99;
  for (size_t limbs = 0; limbs <= 9; limbs++) {
    for (size_t ci = 0; ci < sizeof counts / sizeof *counts; ci++) {
      const size_t count = counts[ci], total = limbs * count, bytes = total * 8 + 8;
      uint64_t *a = malloc(bytes), *b = malloc(bytes), *want = malloc(bytes), *gm = malloc(bytes);
      uint8_t *wc = malloc(count + 1), *c = malloc(count + 1);
      for (size_t k = 0; k < count; k++)
        fill(a + k * limbs, b + k * limbs, limbs,
             k % 3 == 0   ? P_CHAIN_FROM
             : k % 3 == 1 ? P_PROPAGATE
                          : P_RANDOM,
             k, 0, &seed);
      assert_int_equal(strata_mpn_add_batch_ex(want, a, b, limbs, count, wc, &scalar), STRATA_OK);
      for (size_t k = 0; k < count; k++) {
        const mp_limb_t g =
            limbs ? mpn_add_n(gm + k * limbs, a + k * limbs, b + k * limbs, (mp_size_t)limbs) : 0;
        if (g != wc[k]) fail_msg("scalar batch carry %zu differs from GMP", k);
      }
      if (total && memcmp(gm, want, total * 8) != 0) fail_msg("scalar batch differs from GMP");
      for (size_t v = 0; v < nvars; v++) {
        const strata_exec *e = &vars[v];
        if (!supported(F_BATCH, e)) {
          assert_int_equal(strata_mpn_add_batch_ex(gm, a, b, limbs, count, c, e),
                           STRATA_ERR_UNSUPPORTED);
          continue;
        }
        for (int mode = 0; mode < 3; mode++) {
          tu_buf rb = tu_buf_new(total * 8, (8 * (v + ci + (size_t)mode)) % 64, &seed);
          uint64_t *r = (uint64_t *)rb.p;
          if (mode == 1 && total) memcpy(r, a, total * 8);
          if (mode == 2 && total) memcpy(r, b, total * 8);
          memset(c, 0xEE, count + 1);
          uint8_t *cs = (mode == 2) ? NULL : c;
          assert_int_equal(
              strata_mpn_add_batch_ex(r, mode == 1 ? r : a, mode == 2 ? r : b, limbs, count, cs, e),
              STRATA_OK);
          if (total && memcmp(r, want, total * 8) != 0)
            fail_msg("batch %s limbs=%zu count=%zu mode %d differs", tu_variant_name(e), limbs,
                     count, mode);
          if (cs && count && memcmp(c, wc, count) != 0)
            fail_msg("batch %s limbs=%zu count=%zu carries differ", tu_variant_name(e), limbs,
                     count);
          assert_int_equal(c[count], cs ? 0xEE : 0xEE);
          tu_buf_check(&rb);
          tu_buf_free(&rb);
        }
      }
      free(a), free(b), free(want), free(gm), free(wc), free(c);
    }
  }
}

/* Batches large enough for non-temporal stores (8 MiB of output and more), with r vector aligned
   (streaming path) and not, for the transpose-free shapes and one other. */
static void test_batch_large(void **state) {
  (void)state;
  static const size_t shapes[] = {4, 8, 3};
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  uint64_t seed = 123;
  for (size_t si = 0; si < sizeof shapes / sizeof *shapes; si++) {
    const size_t limbs = shapes[si], count = ((size_t)8 << 20) / (8 * limbs) + 5;
    const size_t total = limbs * count;
    uint64_t *a = malloc(total * 8), *b = malloc(total * 8), *want = malloc(total * 8);
    uint8_t *wc = malloc(count), *c = malloc(count);
    for (size_t k = 0; k < count; k++)
      fill(a + k * limbs, b + k * limbs, limbs, k % 5 == 0 ? P_CHAIN_FROM : P_RANDOM, k, 0, &seed);
    assert_int_equal(strata_mpn_add_batch_ex(want, a, b, limbs, count, wc, &scalar), STRATA_OK);
    for (size_t v = 0; v < nvars; v++) {
      if (!supported(F_BATCH, &vars[v])) continue;
      for (size_t mis = 0; mis < 16; mis += 8) {
        tu_buf rb = tu_buf_new(total * 8, mis, &seed);
        assert_int_equal(strata_mpn_add_batch_ex((uint64_t *)rb.p, a, b, limbs, count, c, &vars[v]),
                         STRATA_OK);
        if (memcmp(rb.p, want, total * 8) != 0 || memcmp(c, wc, count) != 0)
          fail_msg("large batch %s limbs=%zu misalign=%zu differs", tu_variant_name(&vars[v]),
                   limbs, mis);
        tu_buf_check(&rb);
        tu_buf_free(&rb);
      }
    }
    free(a), free(b), free(want), free(wc), free(c);
  }
}

/* Every error rule, for every variant, with nothing written; and the n = 0 / NULL no-ops. */
static void test_errors(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  uint64_t buf[64], copy[64];
  uint8_t cs[16];
  for (size_t i = 0; i < 64; i++) buf[i] = i * UINT64_C(0x9E3779B97F4A7C15);
  memcpy(copy, buf, sizeof buf);
  const size_t huge = SIZE_MAX / 8 + 1;
  for (size_t v = 0; v < nvars; v++) {
    const strata_exec *e = &vars[v];
    for (int sub = 0; sub < 2; sub++) {
      uint64_t c = 5;
      assert_int_equal(call_n(sub, NULL, buf, buf, 1, &c, e), STRATA_ERR_NULL);
      assert_int_equal(call_n(sub, buf, NULL, buf, 1, &c, e), STRATA_ERR_NULL);
      assert_int_equal(call_n(sub, buf, buf, NULL, 1, &c, e), STRATA_ERR_NULL);
      assert_int_equal(call_n(sub, buf + 1, buf, buf + 32, 10, &c, e), STRATA_ERR_OVERLAP);
      assert_int_equal(call_n(sub, buf, buf + 1, buf + 32, 10, &c, e), STRATA_ERR_OVERLAP);
      assert_int_equal(call_n(sub, buf, buf, buf + 9, 10, &c, e), STRATA_ERR_OVERLAP);
      assert_int_equal(call_n(sub, buf, buf, buf, 10, buf + 9, e), STRATA_ERR_OVERLAP);
      assert_int_equal(call_n(sub, buf, buf + 20, buf + 40, 10, buf + 25, e), STRATA_ERR_OVERLAP);
      assert_int_equal(call_n(sub, buf, buf + 20, buf + 40, 10, buf + 49, e), STRATA_ERR_OVERLAP);
      assert_int_equal(call_n(sub, buf, buf + 20, buf + 40, 10, buf + 29, e), STRATA_ERR_OVERLAP);
      assert_int_equal(call_n(sub, buf, buf, buf, huge, &c, e), STRATA_ERR_SIZE);
      assert_int_equal(call_1(sub, buf, buf, 0, 1, &c, e), STRATA_ERR_ARG);
      assert_int_equal(call_1(sub, NULL, buf, 3, 1, &c, e), STRATA_ERR_NULL);
      assert_int_equal(call_1(sub, buf, NULL, 3, 1, &c, e), STRATA_ERR_NULL);
      assert_int_equal(call_1(sub, buf + 1, buf, 3, 1, &c, e), STRATA_ERR_OVERLAP);
      assert_int_equal(call_1(sub, buf, buf, 3, 1, buf + 2, e), STRATA_ERR_OVERLAP);
      assert_int_equal(call_1(sub, buf, buf, huge, 1, &c, e), STRATA_ERR_SIZE);
      assert_int_equal(c, 5);
      /* n = 0: a no-op that sets the carry to 0, NULL pointers allowed */
      if (supported(F_ADD_N, e)) {
        assert_int_equal(call_n(sub, NULL, NULL, NULL, 0, &c, e), STRATA_OK);
        assert_int_equal(c, 0);
        assert_int_equal(call_n(sub, buf + 10, buf, buf + 20, 10, NULL, e), STRATA_OK);
        memcpy(buf, copy, sizeof buf);
      }
    }
    assert_int_equal(strata_mpn_add_batch_ex(NULL, buf, buf, 2, 3, cs, e), STRATA_ERR_NULL);
    assert_int_equal(strata_mpn_add_batch_ex(buf, buf, NULL, 2, 3, NULL, e), STRATA_ERR_NULL);
    assert_int_equal(strata_mpn_add_batch_ex(buf + 1, buf, buf, 2, 3, cs, e), STRATA_ERR_OVERLAP);
    assert_int_equal(strata_mpn_add_batch_ex(buf, buf, buf, 2, 3, (uint8_t *)(buf + 5), e),
                     STRATA_ERR_OVERLAP);
    assert_int_equal(
        strata_mpn_add_batch_ex(buf, buf + 10, buf + 20, 2, 3, (uint8_t *)(buf + 25), e),
        STRATA_ERR_OVERLAP);
    assert_int_equal(strata_mpn_add_batch_ex(buf, buf, buf, SIZE_MAX / 2, 3, cs, e),
                     STRATA_ERR_SIZE);
    assert_int_equal(strata_mpn_add_batch_ex(buf, buf, buf, huge / 4, 4, cs, e), STRATA_ERR_SIZE);
    assert_memory_equal(buf, copy, sizeof buf);
    if (supported(F_BATCH, e)) {
      memset(cs, 3, sizeof cs);
      assert_int_equal(strata_mpn_add_batch_ex(NULL, NULL, NULL, 0, 10, cs, e), STRATA_OK);
      for (int k = 0; k < 10; k++) assert_int_equal(cs[k], 0);
      assert_int_equal(cs[10], 3);
      assert_int_equal(strata_mpn_add_batch_ex(NULL, NULL, NULL, 5, 0, NULL, e), STRATA_OK);
    }
  }
  /* bad exec values */
  const strata_exec bad_layer = {(strata_layer)99, STRATA_ISA_AUTO, 0};
  const strata_exec bad_threads = {STRATA_LAYER_AUTO, STRATA_ISA_AUTO, -1};
  uint64_t c = 5;
  assert_int_equal(strata_mpn_add_n_ex(buf, buf, buf, 4, &c, &bad_layer), STRATA_ERR_ARG);
  assert_int_equal(strata_mpn_sub_1_ex(buf, buf, 4, 1, &c, &bad_threads), STRATA_ERR_ARG);
  assert_int_equal(c, 5);
  assert_memory_equal(buf, copy, sizeof buf);
  /* the plain forms */
  assert_int_equal(strata_mpn_add_n(buf, buf, buf, 0, &c), STRATA_OK);
  assert_int_equal(c, 0);
  assert_int_equal(strata_mpn_sub_n(buf, buf, buf, 0, NULL), STRATA_OK);
  assert_int_equal(strata_mpn_add_1(buf, buf, 0, 1, NULL), STRATA_ERR_ARG);
  assert_int_equal(strata_mpn_sub_1(buf, buf, 0, 1, NULL), STRATA_ERR_ARG);
  assert_int_equal(strata_mpn_add_batch(NULL, NULL, NULL, 0, 0, NULL), STRATA_OK);
}

int main(void) {
  int skip = tu_skip_unrunnable_isa();
  if (skip) return skip;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_add_n),  cmocka_unit_test(test_sub_n),
      cmocka_unit_test(test_add_1),  cmocka_unit_test(test_sub_1),
      cmocka_unit_test(test_batch),  cmocka_unit_test(test_batch_large),
      cmocka_unit_test(test_errors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
