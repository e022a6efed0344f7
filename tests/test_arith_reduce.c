/* strata_fma_*, strata_axpy_* and the reductions. FMA and AXPY: every layer bit-exact with C's
   fmaf / fma (including a case where an unfused multiply-add gives a different answer), all
   lengths, misaligned, in place. Float reductions: every layer within the contract's bound
   2 * n * eps * sum|terms| of a long double reference, NaN and inf propagate, the task layer
   gives the same bits for the same thread count. Integer reductions: exact, up to 2^22 + 3
   elements of the extreme values. Error codes, with nothing written. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static int map_layer(const strata_exec *e) {
  return e->layer != STRATA_LAYER_BIT && e->layer != STRATA_LAYER_INSTRUCTION;
}
static int reduce_layer(const strata_exec *e) {
  return e->layer != STRATA_LAYER_BIT;
}

static double uniform(uint64_t *seed) {
  return (double)(tu_rand(seed) >> 11) * 0x1p-53;
}

/* Mostly values in [-4, 4) with random low bits (so products and sums round), some specials. */
static double random_value(uint64_t *seed) {
  static const double sp[] = {0.0, -0.0, INFINITY, -INFINITY, NAN, 1e-40, -1e-310, 3e38, 1e300};
  const uint64_t r = tu_rand(seed);
  if (r % 16 == 0) return sp[(r >> 8) % (sizeof sp / sizeof *sp)];
  return uniform(seed) * 8 - 4;
}

/* ---- FMA and AXPY ---- */

static void check_fma_f32(size_t n, uint64_t *seed) {
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  const size_t nb = n * sizeof(float);
  tu_buf a = tu_buf_new(nb, n % 4 * 4, seed), b = tu_buf_new(nb, 4, seed),
         c = tu_buf_new(nb, 1, seed);
  /* values are made in aligned arrays and copied to the (possibly byte-misaligned) buffers:
     the test itself never dereferences a misaligned float pointer */
  float *fa = (float *)a.p, *fb = (float *)b.p, *fc = (float *)c.p;
  float *xa = malloc(nb + 4), *xb = malloc(nb + 4), *xc = malloc(nb + 4);
  for (size_t i = 0; i < n; i++) {
    xa[i] = (float)random_value(seed);
    xb[i] = (float)random_value(seed);
    xc[i] = (float)random_value(seed);
    if (i % 5 == 0) { /* a*b + c cancels: the unfused answer differs from the fused one */
      xa[i] = xb[i] = 1.0f + 0x1p-12f;
      xc[i] = -(1.0f + 0x1p-11f);
    }
  }
  if (n) memcpy(fa, xa, nb), memcpy(fb, xb, nb), memcpy(fc, xc, nb);
  float *want = malloc(nb + 4), *want_axpy = malloc(nb + 4);
  const float alpha = (float)random_value(seed);
  for (size_t i = 0; i < n; i++) {
    want[i] = fmaf(xa[i], xb[i], xc[i]);
    want_axpy[i] = fmaf(alpha, xa[i], xc[i]);
  }
  for (size_t v = 0; v < nvars; v++) {
    const strata_exec *e = &vars[v];
    if (!map_layer(e)) {
      assert_int_equal(strata_fma_f32_ex(fc, fa, fb, fc, n, e), STRATA_ERR_UNSUPPORTED);
      assert_int_equal(strata_axpy_f32_ex(fc, alpha, fa, n, e), STRATA_ERR_UNSUPPORTED);
      continue;
    }
    tu_buf d = tu_buf_new(nb, (n + v) % 4 * 4 + (v & 1) * 2, seed);
    float *fd = (float *)d.p;
    assert_int_equal(strata_fma_f32_ex(fd, fa, fb, fc, n, e), STRATA_OK);
    if (n && memcmp(fd, want, nb) != 0)
      fail_msg("fma_f32 %s n=%zu differs from fmaf", tu_variant_name(e), n);
    tu_buf_check(&d);
    /* in place: dst == a, b or c by turn */
    if (n) memcpy(fd, n % 3 == 0 ? xa : n % 3 == 1 ? xb : xc, nb);
    strata_status st = n % 3 == 0   ? strata_fma_f32_ex(fd, fd, fb, fc, n, e)
                       : n % 3 == 1 ? strata_fma_f32_ex(fd, fa, fd, fc, n, e)
                                    : strata_fma_f32_ex(fd, fa, fb, fd, n, e);
    assert_int_equal(st, STRATA_OK);
    if (n && memcmp(fd, want, nb) != 0)
      fail_msg("fma_f32 %s in place n=%zu differs from fmaf", tu_variant_name(e), n);
    /* axpy on a copy of c */
    if (n) memcpy(fd, xc, nb);
    assert_int_equal(strata_axpy_f32_ex(fd, alpha, fa, n, e), STRATA_OK);
    if (n && memcmp(fd, want_axpy, nb) != 0)
      fail_msg("axpy_f32 %s n=%zu differs from fmaf", tu_variant_name(e), n);
    tu_buf_check(&d);
    tu_buf_free(&d);
  }
  free(want);
  free(want_axpy);
  free(xa);
  free(xb);
  free(xc);
  tu_buf_free(&a);
  tu_buf_free(&b);
  tu_buf_free(&c);
}

static void check_fma_f64(size_t n, uint64_t *seed) {
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  const size_t nb = n * sizeof(double);
  tu_buf a = tu_buf_new(nb, n % 8, seed), b = tu_buf_new(nb, 8, seed), c = tu_buf_new(nb, 4, seed);
  double *fa = (double *)a.p, *fb = (double *)b.p, *fc = (double *)c.p;
  double *xa = malloc(nb + 8), *xb = malloc(nb + 8), *xc = malloc(nb + 8);
  for (size_t i = 0; i < n; i++) {
    xa[i] = random_value(seed);
    xb[i] = random_value(seed);
    xc[i] = random_value(seed);
    if (i % 5 == 0) {
      xa[i] = xb[i] = 1.0 + 0x1p-27;
      xc[i] = -(1.0 + 0x1p-26);
    }
  }
  if (n) memcpy(fa, xa, nb), memcpy(fb, xb, nb), memcpy(fc, xc, nb);
  double *want = malloc(nb + 8), *want_axpy = malloc(nb + 8), *want_self = malloc(nb + 8);
  const double alpha = random_value(seed);
  for (size_t i = 0; i < n; i++) {
    want[i] = fma(xa[i], xb[i], xc[i]);
    want_axpy[i] = fma(alpha, xa[i], xc[i]);
    want_self[i] = fma(alpha, xa[i], xa[i]);
  }
  for (size_t v = 0; v < nvars; v++) {
    const strata_exec *e = &vars[v];
    if (!map_layer(e)) continue;
    tu_buf d = tu_buf_new(nb, (n + v) % 8, seed);
    double *fd = (double *)d.p;
    assert_int_equal(strata_fma_f64_ex(fd, fa, fb, fc, n, e), STRATA_OK);
    if (n && memcmp(fd, want, nb) != 0)
      fail_msg("fma_f64 %s n=%zu differs from fma", tu_variant_name(e), n);
    if (n) memcpy(fd, xc, nb);
    assert_int_equal(strata_fma_f64_ex(fd, fa, fb, fd, n, e), STRATA_OK);
    if (n && memcmp(fd, want, nb) != 0)
      fail_msg("fma_f64 %s in place n=%zu differs from fma", tu_variant_name(e), n);
    if (n) memcpy(fd, xc, nb);
    assert_int_equal(strata_axpy_f64_ex(fd, alpha, fa, n, e), STRATA_OK);
    if (n && memcmp(fd, want_axpy, nb) != 0)
      fail_msg("axpy_f64 %s n=%zu differs from fma", tu_variant_name(e), n);
    /* y == x */
    if (n) memcpy(fd, xa, nb);
    assert_int_equal(strata_axpy_f64_ex(fd, alpha, fd, n, e), STRATA_OK);
    if (n && memcmp(fd, want_self, nb) != 0)
      fail_msg("axpy_f64 %s y == x n=%zu differs from fma", tu_variant_name(e), n);
    tu_buf_check(&d);
    tu_buf_free(&d);
  }
  free(want);
  free(want_axpy);
  free(want_self);
  free(xa);
  free(xb);
  free(xc);
  tu_buf_free(&a);
  tu_buf_free(&b);
  tu_buf_free(&c);
}

static void test_fma_axpy(void **state) {
  (void)state;
  size_t lengths[TU_MAX_LENGTHS];
  const size_t nlen = tu_lengths(lengths);
  uint64_t seed = 7;
  for (size_t li = 0; li < nlen; li++) {
    const size_t n = lengths[li];
    if (n <= 3 * TU_W / 4 + 1 || n > 3 * TU_W + 1) check_fma_f32(n, &seed);
    if (n <= 3 * TU_W / 8 + 1 || n > 3 * TU_W + 1) check_fma_f64(n, &seed);
  }
  /* the cancellation case, spelled out */
  const float x = 1.0f + 0x1p-12f, z = -(1.0f + 0x1p-11f);
  float a[19], c[19], d[19];
  for (size_t i = 0; i < 19; i++) a[i] = x, c[i] = z;
  assert_int_equal(strata_fma_f32(d, a, a, c, 19), STRATA_OK);
  for (size_t i = 0; i < 19; i++) assert_true(d[i] == 0x1p-24f);
}

/* ---- Float reductions ---- */

typedef struct ref_sum {
  long double value, abs; /* exact-ish sum, and sum of |terms| */
} ref_sum;

static ref_sum reference(const double *a, const double *b, size_t n) {
  ref_sum r = {0, 0};
  long double c = 0; /* Kahan compensation on top of the 64-bit mantissa */
  for (size_t i = 0; i < n; i++) {
    const long double term = b ? (long double)a[i] * b[i] : (long double)a[i];
    const long double y = term - c, t = r.value + y;
    c = (t - r.value) - y;
    r.value = t;
    r.abs += fabsl(term);
  }
  return r;
}

static void check_bound(const char *what, const strata_exec *e, size_t n, long double got,
                        ref_sum ref, long double eps) {
  const long double bound = 2.0L * (long double)n * eps * ref.abs;
  if (fabsl(got - ref.value) > bound)
    fail_msg("%s %s n=%zu: |%.20Lg - %.20Lg| > %.6Lg", what, tu_variant_name(e), n, got, ref.value,
             bound);
}

static void check_float_reductions(size_t n, uint64_t *seed, int positive) {
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  tu_buf a = tu_buf_new(n * 8, n % 8, seed), b = tu_buf_new(n * 8, 8, seed);
  tu_buf fa = tu_buf_new(n * 4, 4 * (n % 2), seed), fb = tu_buf_new(n * 4, 1, seed);
  double *da = (double *)a.p, *db = (double *)b.p;
  float *sa = (float *)fa.p, *sb = (float *)fb.p;
  /* made in aligned arrays, copied into the misaligned buffers (see check_fma_f32) */
  double *wa = malloc(n * 8 + 8), *wb = malloc(n * 8 + 8), *xa = malloc(n * 8 + 8),
         *xb = malloc(n * 8 + 8);
  float *ya = malloc(n * 4 + 4), *yb = malloc(n * 4 + 4);
  for (size_t i = 0; i < n; i++) {
    /* positive terms of varied magnitude, or mixed signs (cancellation) */
    xa[i] =
        positive ? uniform(seed) * ldexp(1.0, (int)(tu_rand(seed) % 20)) : uniform(seed) * 2 - 1;
    xb[i] = uniform(seed) * 2 - 1;
    ya[i] = (float)xa[i];
    yb[i] = (float)xb[i];
    wa[i] = ya[i]; /* the float values actually summed, widened exactly */
    wb[i] = yb[i];
  }
  if (n) {
    memcpy(da, xa, n * 8);
    memcpy(db, xb, n * 8);
    memcpy(sa, ya, n * 4);
    memcpy(sb, yb, n * 4);
  }
  const ref_sum r_sum64 = reference(xa, NULL, n), r_dot64 = reference(xa, xb, n);
  const ref_sum r_sum32 = reference(wa, NULL, n), r_dot32 = reference(wa, wb, n);
  const ref_sum r_sq64 = reference(xa, xa, n);
  for (size_t v = 0; v < nvars; v++) {
    const strata_exec *e = &vars[v];
    float f, f2;
    double d, d2;
    if (!reduce_layer(e)) {
      assert_int_equal(strata_sum_f32_ex(sa, n, &f, e), STRATA_ERR_UNSUPPORTED);
      continue;
    }
    assert_int_equal(strata_sum_f32_ex(sa, n, &f, e), STRATA_OK);
    check_bound("sum_f32", e, n, f, r_sum32, 0x1p-24L);
    assert_int_equal(strata_dot_f32_ex(sa, sb, n, &f, e), STRATA_OK);
    check_bound("dot_f32", e, n, f, r_dot32, 0x1p-24L);
    assert_int_equal(strata_sum_f64_ex(da, n, &d, e), STRATA_OK);
    check_bound("sum_f64", e, n, d, r_sum64, 0x1p-53L);
    assert_int_equal(strata_dot_f64_ex(da, db, n, &d, e), STRATA_OK);
    check_bound("dot_f64", e, n, d, r_dot64, 0x1p-53L);
    /* a == b is a valid dot (sum of squares); deterministic for a thread count */
    assert_int_equal(strata_dot_f64_ex(da, da, n, &d, e), STRATA_OK);
    check_bound("dot_f64 a==b", e, n, d, r_sq64, 0x1p-53L);
    if (e->layer != STRATA_LAYER_AUTO) {
      assert_int_equal(strata_dot_f32_ex(sa, sb, n, &f, e), STRATA_OK);
      assert_int_equal(strata_dot_f32_ex(sa, sb, n, &f2, e), STRATA_OK);
      assert_memory_equal(&f, &f2, sizeof f);
      assert_int_equal(strata_sum_f64_ex(da, n, &d, e), STRATA_OK);
      assert_int_equal(strata_sum_f64_ex(da, n, &d2, e), STRATA_OK);
      assert_memory_equal(&d, &d2, sizeof d);
    }
  }
  free(wa);
  free(wb);
  free(xa);
  free(xb);
  free(ya);
  free(yb);
  tu_buf_check(&a);
  tu_buf_check(&fa);
  tu_buf_free(&a);
  tu_buf_free(&b);
  tu_buf_free(&fa);
  tu_buf_free(&fb);
}

static void test_float_reductions(void **state) {
  (void)state;
  size_t lengths[TU_MAX_LENGTHS];
  const size_t nlen = tu_lengths(lengths);
  uint64_t seed = 9;
  for (size_t li = 0; li < nlen; li++) {
    check_float_reductions(lengths[li], &seed, 0);
    if (li % 7 == 0 || lengths[li] > 3 * TU_W) check_float_reductions(lengths[li], &seed, 1);
  }
}

/* NaN and inf anywhere reach the result in every layer; n = 0 gives +0. */
static void test_reduction_specials(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  enum { N = 301 };
  float a[N];
  double d[N];
  for (size_t v = 0; v < nvars; v++) {
    const strata_exec *e = &vars[v];
    if (!reduce_layer(e)) continue;
    for (size_t pos = 0; pos < N; pos += 37) {
      for (size_t i = 0; i < N; i++) a[i] = 1.0f, d[i] = 1.0;
      float f;
      double x;
      a[pos] = NAN;
      d[pos] = INFINITY;
      assert_int_equal(strata_sum_f32_ex(a, N, &f, e), STRATA_OK);
      assert_true(isnan(f));
      assert_int_equal(strata_sum_f64_ex(d, N, &x, e), STRATA_OK);
      assert_true(isinf(x) && x > 0);
      assert_int_equal(strata_dot_f64_ex(d, d, N, &x, e), STRATA_OK);
      assert_true(isinf(x) && x > 0);
      d[(pos + 1) % N] = -INFINITY;
      assert_int_equal(strata_sum_f64_ex(d, N, &x, e), STRATA_OK);
      assert_true(isnan(x));
    }
    float f = 5;
    double x = 5;
    int64_t s = 5;
    uint64_t u = 5;
    assert_int_equal(strata_sum_f32_ex(NULL, 0, &f, e), STRATA_OK);
    assert_int_equal(strata_dot_f64_ex(NULL, NULL, 0, &x, e), STRATA_OK);
    assert_int_equal(strata_sum_i32_ex(NULL, 0, &s, e), STRATA_OK);
    assert_int_equal(strata_sum_u8_ex(NULL, 0, &u, e), STRATA_OK);
    assert_true(f == 0 && !signbit(f) && x == 0 && s == 0 && u == 0);
  }
}

/* ---- Integer reductions: exact ---- */

static void test_integer_reductions(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  size_t lengths[TU_MAX_LENGTHS + 3];
  size_t nlen = tu_lengths(lengths);
  lengths[nlen++] = ((size_t)1 << 22) + 3;
  uint64_t seed = 13;
  for (size_t li = 0; li < nlen; li++) {
    const size_t n = lengths[li];
    tu_buf a = tu_buf_new(n * 4, (n % 4) * 4 + (n & 1), &seed), u = tu_buf_new(n, n % 64, &seed);
    int32_t *x = (int32_t *)a.p, *xs = malloc(n * 4 + 4);
    /* random, then all extremes for the longest */
    const int kind = n > (1u << 21) ? 0 : 1;
    for (size_t i = 0; i < n; i++) {
      uint32_t r = (uint32_t)tu_rand(&seed);
      int32_t v;
      memcpy(&v, &r, 4);
      if (kind == 0)
        v = INT32_MIN;
      else if (i % 5 == 0)
        v = (i / 5) % 2 ? INT32_MAX : INT32_MIN;
      xs[i] = v;
    }
    if (kind == 0) memset(u.p, 0xff, n);
    for (int pass = 0; pass < (kind == 0 ? 2 : 1); pass++) {
      if (pass == 1)
        for (size_t i = 0; i < n; i++) xs[i] = INT32_MAX;
      if (n) memcpy(x, xs, n * 4);
      int64_t want = 0;
      uint64_t want_u = 0;
      for (size_t i = 0; i < n; i++) want += xs[i], want_u += u.p[i];
      for (size_t v = 0; v < nvars; v++) {
        const strata_exec *e = &vars[v];
        int64_t s = 0;
        uint64_t su = 0;
        if (!reduce_layer(e)) {
          assert_int_equal(strata_sum_i32_ex(x, n, &s, e), STRATA_ERR_UNSUPPORTED);
          continue;
        }
        assert_int_equal(strata_sum_i32_ex(x, n, &s, e), STRATA_OK);
        if (s != want)
          fail_msg("sum_i32 %s n=%zu: %lld, want %lld", tu_variant_name(e), n, (long long)s,
                   (long long)want);
        assert_int_equal(strata_sum_u8_ex(u.p, n, &su, e), STRATA_OK);
        if (su != want_u)
          fail_msg("sum_u8 %s n=%zu: %llu, want %llu", tu_variant_name(e), n,
                   (unsigned long long)su, (unsigned long long)want_u);
      }
    }
    free(xs);
    tu_buf_check(&a);
    tu_buf_check(&u);
    tu_buf_free(&a);
    tu_buf_free(&u);
  }
}

/* ---- Errors ---- */

static void test_errors_write_nothing(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  double buf[128], copy[128];
  for (size_t i = 0; i < 128; i++) buf[i] = (double)i;
  memcpy(copy, buf, sizeof buf);
  float *f = (float *)buf;
  const size_t huge = SIZE_MAX / 4 + 2;
  for (size_t v = 0; v < nvars; v++) {
    const strata_exec *e = &vars[v];
    /* NULL */
    assert_int_equal(strata_fma_f64_ex(NULL, buf, buf, buf, 1, e), STRATA_ERR_NULL);
    assert_int_equal(strata_fma_f64_ex(buf, buf, buf, NULL, 1, e), STRATA_ERR_NULL);
    assert_int_equal(strata_fma_f32_ex(f, f, NULL, f, 1, e), STRATA_ERR_NULL);
    assert_int_equal(strata_axpy_f32_ex(NULL, 1, f, 1, e), STRATA_ERR_NULL);
    assert_int_equal(strata_axpy_f64_ex(buf, 1, NULL, 1, e), STRATA_ERR_NULL);
    assert_int_equal(strata_sum_f32_ex(f, 4, NULL, e), STRATA_ERR_NULL);
    assert_int_equal(strata_sum_f64_ex(NULL, 0, NULL, e), STRATA_ERR_NULL);
    assert_int_equal(strata_sum_f64_ex(NULL, 3, (double *)copy, e), STRATA_ERR_NULL);
    assert_int_equal(strata_dot_f32_ex(f, NULL, 3, f + 100, e), STRATA_ERR_NULL);
    assert_int_equal(strata_dot_f64_ex(buf, buf, 3, NULL, e), STRATA_ERR_NULL);
    assert_int_equal(strata_sum_i32_ex((int32_t *)buf, 3, NULL, e), STRATA_ERR_NULL);
    assert_int_equal(strata_sum_u8_ex(NULL, 1, (uint64_t *)(buf + 100), e), STRATA_ERR_NULL);
    /* size overflow */
    assert_int_equal(strata_fma_f32_ex(f, f + 40, f + 80, f + 120, huge, e), STRATA_ERR_SIZE);
    assert_int_equal(strata_axpy_f64_ex(buf, 2, buf + 50, huge, e), STRATA_ERR_SIZE);
    assert_int_equal(strata_sum_f64_ex(buf, huge, (double *)copy, e), STRATA_ERR_SIZE);
    assert_int_equal(strata_dot_f32_ex(f, f, huge, (float *)copy, e), STRATA_ERR_SIZE);
    assert_int_equal(strata_sum_i32_ex((int32_t *)buf, huge, (int64_t *)copy, e), STRATA_ERR_SIZE);
    /* partial overlap of the output with an input; out inside an input */
    assert_int_equal(strata_fma_f64_ex(buf + 1, buf, buf + 60, buf + 90, 20, e),
                     STRATA_ERR_OVERLAP);
    assert_int_equal(strata_fma_f64_ex(buf, buf + 30, buf + 10, buf + 90, 20, e),
                     STRATA_ERR_OVERLAP);
    assert_int_equal(strata_fma_f32_ex(f, f + 30, f + 60, f + 19, 20, e), STRATA_ERR_OVERLAP);
    assert_int_equal(strata_axpy_f32_ex(f + 1, 2, f, 20, e), STRATA_ERR_OVERLAP);
    assert_int_equal(strata_axpy_f64_ex(buf, 2, buf + 19, 20, e), STRATA_ERR_OVERLAP);
    assert_int_equal(strata_sum_f64_ex(buf, 20, buf + 19, e), STRATA_ERR_OVERLAP);
    assert_int_equal(strata_sum_f64_ex(buf, 20, buf, e), STRATA_ERR_OVERLAP);
    assert_int_equal(strata_sum_f32_ex(f, 20, (float *)((uint8_t *)buf + 79), e),
                     STRATA_ERR_OVERLAP);
    assert_int_equal(strata_dot_f32_ex(f, f + 40, 20, f + 45, e), STRATA_ERR_OVERLAP);
    assert_int_equal(strata_dot_f64_ex(buf, buf + 40, 20, buf + 5, e), STRATA_ERR_OVERLAP);
    assert_int_equal(strata_sum_i32_ex((int32_t *)buf, 20, (int64_t *)buf + 9, e),
                     STRATA_ERR_OVERLAP);
    assert_int_equal(strata_sum_u8_ex((uint8_t *)buf, 20, (uint64_t *)((uint8_t *)buf + 13), e),
                     STRATA_ERR_OVERLAP);
    /* unsupported layers */
    if (!map_layer(e)) {
      assert_int_equal(strata_fma_f64_ex(buf, buf, buf, buf, 4, e), STRATA_ERR_UNSUPPORTED);
      assert_int_equal(strata_axpy_f64_ex(buf, 1, buf, 4, e), STRATA_ERR_UNSUPPORTED);
    }
    if (!reduce_layer(e))
      assert_int_equal(strata_sum_u8_ex((uint8_t *)buf, 4, (uint64_t *)buf + 10, e),
                       STRATA_ERR_UNSUPPORTED);
    assert_memory_equal(buf, copy, sizeof buf);
    /* n = 0 with NULL arrays is a no-op; out right after the input is fine */
    if (map_layer(e)) {
      assert_int_equal(strata_fma_f32_ex(NULL, NULL, NULL, NULL, 0, e), STRATA_OK);
      assert_int_equal(strata_axpy_f64_ex(NULL, 3, NULL, 0, e), STRATA_OK);
    }
    if (reduce_layer(e)) {
      double out;
      assert_int_equal(strata_sum_f64_ex(buf, 20, buf + 20, e), STRATA_OK);
      assert_true(buf[20] == 190.0);
      buf[20] = copy[20];
      assert_int_equal(strata_sum_f64_ex(buf, 20, &out, e), STRATA_OK);
    }
  }
  const strata_exec bad = {STRATA_LAYER_DATA, (strata_isa)42, 0};
  assert_int_equal(strata_sum_u8_ex((uint8_t *)buf, 4, (uint64_t *)buf + 10, &bad), STRATA_ERR_ARG);
  assert_int_equal(strata_fma_f32_ex(f, f, f, f, 4, &bad), STRATA_ERR_ARG);
  assert_memory_equal(buf, copy, sizeof buf);
}

int main(void) {
  int skip = tu_skip_unrunnable_isa();
  if (skip) return skip;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fma_axpy),
      cmocka_unit_test(test_float_reductions),
      cmocka_unit_test(test_reduction_specials),
      cmocka_unit_test(test_integer_reductions),
      cmocka_unit_test(test_errors_write_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
