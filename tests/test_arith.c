/* strata_binary / strata_binary_scalar and the typed shorthands: every valid (op, type) pair in
   every layer against the scalar reference, bit for bit, and the scalar layer against the
   formula itself; random data mixed with each type's extremes and the float specials (NaN, inf,
   +-0, subnormals); lengths 0..3W+1 and large, misaligned, with sentinels; dst == a, dst == b,
   a == b; MIN/MAX on NaN and signed zeros; division by zero; every error code, with nothing
   written on error. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define NOPS 8
#define NTYPES 8

static const char *const op_names[NOPS] = {"add", "sub", "mul",  "div",
                                           "min", "max", "adds", "subs"};
static const char *const type_names[NTYPES] = {"u8",  "i8",  "u16", "i16",
                                               "i32", "i64", "f32", "f64"};
static const size_t type_sizes[NTYPES] = {1, 1, 2, 2, 4, 8, 4, 8};

static int is_float(int t) {
  return t == STRATA_F32 || t == STRATA_F64;
}

/* The contract's table of valid pairs. */
static int valid_pair(int op, int t) {
  if (op == STRATA_OP_DIV) return is_float(t);
  if (op == STRATA_OP_ADDS || op == STRATA_OP_SUBS) return t <= STRATA_I16;
  return 1;
}

/* Layers the contract and docs/arith.md give each pair. */
static int layer_supported(int op, int t, strata_layer layer) {
  if (layer == STRATA_LAYER_INSTRUCTION) return 0;
  if (layer == STRATA_LAYER_BIT)
    return ((op == STRATA_OP_ADD || op == STRATA_OP_SUB) && t <= STRATA_I8) ||
           ((op == STRATA_OP_ADDS || op == STRATA_OP_SUBS) && t == STRATA_U8);
  return 1;
}

static const strata_exec scalar = {STRATA_LAYER_SCALAR, STRATA_ISA_AUTO, 0};

/* ---- Element values ---- */

static int64_t load_int(int t, const void *p) {
  switch (t) {
  case STRATA_U8:
    return *(const uint8_t *)p;
  case STRATA_I8:
    return *(const int8_t *)p;
  case STRATA_U16:
    return *(const uint16_t *)p;
  case STRATA_I16:
    return *(const int16_t *)p;
  case STRATA_I32:
    return *(const int32_t *)p;
  default:
    return *(const int64_t *)p;
  }
}

static void store_int(int t, void *p, int64_t v) {
  memcpy(p, &v, type_sizes[t]);
}

static int64_t int_min(int t) {
  static const int64_t m[] = {0, INT8_MIN, 0, INT16_MIN, INT32_MIN, INT64_MIN};
  return m[t];
}
static int64_t int_max(int t) {
  static const int64_t m[] = {UINT8_MAX, INT8_MAX, UINT16_MAX, INT16_MAX, INT32_MAX, INT64_MAX};
  return m[t];
}

static const double float_specials[] = {
    0.0,    -0.0,    1.0, -1.0, INFINITY, -INFINITY, NAN,   -NAN,   1e-40,  -1e-40,
    5e-324, -5e-324, 2.0, 0.5,  3.4e38,   -3.4e38,   1e308, -1e308, 1e-310, 1.17549435e-38};

/* One random element: a quarter raw random bits, a quarter extremes / specials, half ordinary
   small values (so that equal operands, exact results and ordinary rounding all occur). */
static void random_element(int t, void *p, uint64_t *seed) {
  const uint64_t r = tu_rand(seed), kind = r & 3, v = r >> 8;
  if (kind == 0) {
    memcpy(p, &v, type_sizes[t]);
    return;
  }
  if (is_float(t)) {
    double x;
    if (kind == 1)
      x = float_specials[v % (sizeof float_specials / sizeof *float_specials)];
    else
      x = (double)(int64_t)(v % 2001) / 8.0 - 125.0;
    if (t == STRATA_F32) {
      float f = (float)x;
      memcpy(p, &f, 4);
    } else {
      memcpy(p, &x, 8);
    }
    return;
  }
  if (kind == 1) {
    const int64_t ext[] = {int_min(t), int_max(t), int_min(t) + 1, int_max(t) - 1, 0, 1, -1};
    store_int(t, p, ext[v % 7]);
  } else {
    store_int(t, p, (int64_t)(v % 9) - 4);
  }
}

static void fill_elements(int t, void *p, size_t n, uint64_t *seed) {
  for (size_t i = 0; i < n; i++) random_element(t, (uint8_t *)p + i * type_sizes[t], seed);
}

/* The formula of API.md 4.1 for one element, written independently of the library. */
static void formula(int op, int t, void *out, const void *pa, const void *pb) {
  if (t == STRATA_F32 || t == STRATA_F64) {
    double a, b, r;
    if (t == STRATA_F32) {
      float fa, fb, fr = 0;
      memcpy(&fa, pa, 4);
      memcpy(&fb, pb, 4);
      switch (op) {
      case STRATA_OP_ADD:
        fr = fa + fb;
        break;
      case STRATA_OP_SUB:
        fr = fa - fb;
        break;
      case STRATA_OP_MUL:
        fr = fa * fb;
        break;
      case STRATA_OP_DIV:
        fr = fa / fb;
        break;
      case STRATA_OP_MIN:
        fr = fb < fa ? fb : fa;
        break;
      case STRATA_OP_MAX:
        fr = fb > fa ? fb : fa;
        break;
      }
      memcpy(out, &fr, 4);
      return;
    }
    memcpy(&a, pa, 8);
    memcpy(&b, pb, 8);
    switch (op) {
    case STRATA_OP_ADD:
      r = a + b;
      break;
    case STRATA_OP_SUB:
      r = a - b;
      break;
    case STRATA_OP_MUL:
      r = a * b;
      break;
    case STRATA_OP_DIV:
      r = a / b;
      break;
    case STRATA_OP_MIN:
      r = b < a ? b : a;
      break;
    default:
      r = b > a ? b : a;
      break;
    }
    memcpy(out, &r, 8);
    return;
  }
  const int64_t a = load_int(t, pa), b = load_int(t, pb);
  int64_t r = 0;
  switch (op) {
  case STRATA_OP_ADD:
    r = (int64_t)((uint64_t)a + (uint64_t)b);
    break;
  case STRATA_OP_SUB:
    r = (int64_t)((uint64_t)a - (uint64_t)b);
    break;
  case STRATA_OP_MUL:
    r = (int64_t)((uint64_t)a * (uint64_t)b);
    break;
  case STRATA_OP_MIN:
    r = b < a ? b : a;
    break;
  case STRATA_OP_MAX:
    r = b > a ? b : a;
    break;
  case STRATA_OP_ADDS:
  case STRATA_OP_SUBS:
    r = op == STRATA_OP_ADDS ? a + b : a - b;
    r = r < int_min(t) ? int_min(t) : r > int_max(t) ? int_max(t) : r;
    break;
  }
  store_int(t, out, r); /* keeps the low bytes: wrapping */
}

static int is_nan_elem(int t, const void *p) {
  if (t == STRATA_F32) {
    float f;
    memcpy(&f, p, 4);
    return isnan(f);
  }
  if (t == STRATA_F64) {
    double d;
    memcpy(&d, p, 8);
    return isnan(d);
  }
  return 0;
}

/* Element i of got equals want, bit for bit; the NaN payload may differ only when both operands
   are NaN and the op is arithmetic (API.md section 2). */
static int same_elem(int op, int t, const void *got, const void *want, const void *a,
                     const void *b) {
  if (memcmp(got, want, type_sizes[t]) == 0) return 1;
  return op != STRATA_OP_MIN && op != STRATA_OP_MAX && is_nan_elem(t, a) && is_nan_elem(t, b) &&
         is_nan_elem(t, got) && is_nan_elem(t, want);
}

/* Fails unless dst[0..n) matches want; a and b (b one element when bcast) explain mismatches. */
static void check_result(const char *what, int op, int t, const strata_exec *e, const uint8_t *dst,
                         const uint8_t *want, const uint8_t *a, const uint8_t *b, int bcast,
                         size_t n) {
  const size_t es = type_sizes[t];
  for (size_t i = 0; i < n; i++)
    if (!same_elem(op, t, dst + i * es, want + i * es, a + i * es, bcast ? b : b + i * es))
      fail_msg("%s %s_%s %s: n=%zu element %zu differs from the reference", what, op_names[op],
               type_names[t], tu_variant_name(e), n, i);
}

/* ---- Tests ---- */

/* The scalar layer is the formula, for every valid pair (binary and with a scalar operand). */
static void test_scalar_layer_is_the_formula(void **state) {
  (void)state;
  enum { N = 4099 };
  static uint8_t a[N * 8], b[N * 8], dst[N * 8], want[8];
  uint64_t seed = 11;
  for (int t = 0; t < NTYPES; t++) {
    const size_t es = type_sizes[t];
    fill_elements(t, a, N, &seed);
    fill_elements(t, b, N, &seed);
    for (int op = 0; op < NOPS; op++) {
      if (!valid_pair(op, t)) continue;
      assert_int_equal(strata_binary_ex(op, t, dst, a, b, N, &scalar), STRATA_OK);
      for (size_t i = 0; i < N; i++) {
        formula(op, t, want, a + i * es, b + i * es);
        if (!same_elem(op, t, dst + i * es, want, a + i * es, b + i * es))
          fail_msg("scalar %s_%s element %zu is not the formula", op_names[op], type_names[t], i);
      }
      assert_int_equal(strata_binary_scalar_ex(op, t, dst, a, b + 5 * es, N, &scalar), STRATA_OK);
      for (size_t i = 0; i < N; i++) {
        formula(op, t, want, a + i * es, b + 5 * es);
        if (!same_elem(op, t, dst + i * es, want, a + i * es, b + 5 * es))
          fail_msg("scalar %s_%s with scalar operand: element %zu is not the formula", op_names[op],
                   type_names[t], i);
      }
    }
  }
}

/* One (op, type, n): every layer, out of place, binary and with a scalar operand, and one of
   the aliasing modes (chosen by n) against the scalar layer. */
static void check_pair_length(int op, int t, size_t n, uint64_t *seed) {
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  const size_t es = type_sizes[t], nb = n * es;
  tu_buf a = tu_buf_new(nb, (n * 3) % 8, seed), b = tu_buf_new(nb, (n * 5 + 1) % 8, seed);
  tu_buf s = tu_buf_new(es, 3, seed);
  fill_elements(t, a.p, n, seed);
  fill_elements(t, b.p, n, seed);
  fill_elements(t, s.p, 1, seed);
  uint8_t *want = malloc(nb + 1), *want_s = malloc(nb + 1), *want_alias = malloc(nb + 1);
  assert_int_equal(strata_binary_ex(op, t, want, a.p, b.p, n, &scalar), STRATA_OK);
  assert_int_equal(strata_binary_scalar_ex(op, t, want_s, a.p, s.p, n, &scalar), STRATA_OK);
  /* aliasing modes: 0 dst == a, 1 dst == b, 2 a == b (dst apart), 3 dst == a == b */
  const int mode = (int)(n % 4);
  if (mode >= 2) assert_int_equal(strata_binary_ex(op, t, want_alias, a.p, a.p, n, &scalar), 0);
  for (size_t v = 0; v < nvars; v++) {
    const strata_exec *e = &vars[v];
    if (!layer_supported(op, t, e->layer)) {
      assert_int_equal(strata_binary_ex(op, t, want, a.p, b.p, n, e), STRATA_ERR_UNSUPPORTED);
      continue;
    }
    tu_buf dst = tu_buf_new(nb, (n + v) % 8, seed);
    assert_int_equal(strata_binary_ex(op, t, dst.p, a.p, b.p, n, e), STRATA_OK);
    check_result("binary", op, t, e, dst.p, want, a.p, b.p, 0, n);
    tu_buf_check(&dst);
    assert_int_equal(strata_binary_scalar_ex(op, t, dst.p, a.p, s.p, n, e), STRATA_OK);
    check_result("binary_scalar", op, t, e, dst.p, want_s, a.p, s.p, 1, n);
    tu_buf_check(&dst);
    /* in place, or a == b */
    if (nb) memcpy(dst.p, mode == 1 ? b.p : a.p, nb);
    strata_status st;
    const uint8_t *ref = want;
    switch (mode) {
    case 0:
      st = strata_binary_ex(op, t, dst.p, dst.p, b.p, n, e);
      break;
    case 1:
      st = strata_binary_ex(op, t, dst.p, a.p, dst.p, n, e);
      break;
    case 2:
      st = strata_binary_ex(op, t, dst.p, a.p, a.p, n, e);
      ref = want_alias;
      break;
    default:
      st = strata_binary_ex(op, t, dst.p, dst.p, dst.p, n, e);
      ref = want_alias;
      break;
    }
    assert_int_equal(st, STRATA_OK);
    check_result(mode == 0   ? "dst==a"
                 : mode == 1 ? "dst==b"
                 : mode == 2 ? "a==b"
                             : "dst==a==b",
                 op, t, e, dst.p, ref, a.p, mode >= 2 ? a.p : b.p, 0, n);
    tu_buf_check(&dst);
    /* in place with a scalar operand */
    if (nb) memcpy(dst.p, a.p, nb);
    assert_int_equal(strata_binary_scalar_ex(op, t, dst.p, dst.p, s.p, n, e), STRATA_OK);
    check_result("binary_scalar in place", op, t, e, dst.p, want_s, a.p, s.p, 1, n);
    tu_buf_check(&dst);
    tu_buf_free(&dst);
  }
  tu_buf_check(&a);
  tu_buf_check(&b);
  tu_buf_check(&s);
  tu_buf_free(&a);
  tu_buf_free(&b);
  tu_buf_free(&s);
  free(want);
  free(want_s);
  free(want_alias);
}

/* Every valid pair, every layer, lengths 0..3W+1 and two large ones. */
static void test_every_pair_every_length(void **state) {
  (void)state;
  size_t lengths[TU_MAX_LENGTHS];
  const size_t nlen = tu_lengths(lengths);
  uint64_t seed = 2;
  for (int t = 0; t < NTYPES; t++)
    for (int op = 0; op < NOPS; op++) {
      if (!valid_pair(op, t)) continue;
      for (size_t li = 0; li < nlen; li++)
        if (lengths[li] <= 3 * TU_W / type_sizes[t] + 1 ||
            (lengths[li] > 3 * TU_W + 1 && lengths[li] < (1u << 20)))
          check_pair_length(op, t, lengths[li], &seed);
    }
}

/* Outputs beyond the stream threshold (non-temporal stores) on a few representative pairs. */
static void test_large(void **state) {
  (void)state;
  static const int pairs[][2] = {{STRATA_OP_ADD, STRATA_F32}, {STRATA_OP_MUL, STRATA_I64},
                                 {STRATA_OP_ADDS, STRATA_U8}, {STRATA_OP_MIN, STRATA_F64},
                                 {STRATA_OP_DIV, STRATA_F64}, {STRATA_OP_SUB, STRATA_I8}};
  uint64_t seed = 3;
  for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++)
    check_pair_length(pairs[k][0], pairs[k][1], (1u << 20) + 13, &seed);
}

/* MIN and MAX on every combination of NaN, +-0, +-inf, subnormals and ordinary values, in both
   operand positions, exactly as (b < a) ? b : a and (b > a) ? b : a say. */
static void test_minmax_nan_signed_zero(void **state) {
  (void)state;
  static const double sp[] = {NAN, -NAN, 0.0, -0.0, 1.0, -1.0, INFINITY, -INFINITY, 1e-310, 1e-40};
  enum { K = sizeof sp / sizeof *sp, N = K * K * 2 + 1 };
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  for (int t = STRATA_F32; t <= STRATA_F64; t++) {
    const size_t es = type_sizes[t];
    uint8_t a[N * 8], b[N * 8], dst[N * 8], want[8];
    for (size_t i = 0; i < N; i++) {
      const double x = sp[(i / K) % K], y = sp[i % K];
      if (t == STRATA_F32) {
        const float fx = (float)x, fy = (float)y;
        memcpy(a + i * 4, &fx, 4);
        memcpy(b + i * 4, &fy, 4);
      } else {
        memcpy(a + i * 8, &x, 8);
        memcpy(b + i * 8, &y, 8);
      }
    }
    for (int op = STRATA_OP_MIN; op <= STRATA_OP_MAX; op++)
      for (size_t v = 0; v < nvars; v++) {
        if (!layer_supported(op, t, vars[v].layer)) continue;
        for (size_t n = 1; n <= N; n++) {
          assert_int_equal(strata_binary_ex(op, t, dst, a, b, n, &vars[v]), STRATA_OK);
          for (size_t i = 0; i < n; i++) {
            formula(op, t, want, a + i * es, b + i * es);
            if (memcmp(dst + i * es, want, es) != 0)
              fail_msg("%s_%s %s: n=%zu element %zu: NaN/signed-zero rule broken", op_names[op],
                       type_names[t], tu_variant_name(&vars[v]), n, i);
          }
        }
        for (size_t k = 0; k < K; k++) { /* every special as the scalar operand */
          assert_int_equal(strata_binary_scalar_ex(op, t, dst, a, b + k * es, N, &vars[v]), 0);
          for (size_t i = 0; i < N; i++) {
            formula(op, t, want, a + i * es, b + k * es);
            if (memcmp(dst + i * es, want, es) != 0)
              fail_msg("%s_%s scalar %s: element %zu: NaN/signed-zero rule broken", op_names[op],
                       type_names[t], tu_variant_name(&vars[v]), i);
          }
        }
      }
  }
  /* spot checks of the formula itself */
  float d[4];
  const float x[4] = {NAN, 1.0f, 0.0f, -0.0f}, y[4] = {1.0f, NAN, -0.0f, 0.0f};
  assert_int_equal(strata_min_f32(d, x, y, 4), STRATA_OK);
  assert_true(isnan(d[0]) && d[1] == 1.0f && !signbit(d[2]) && signbit(d[3]));
  assert_int_equal(strata_max_f32(d, x, y, 4), STRATA_OK);
  assert_true(isnan(d[0]) && d[1] == 1.0f && !signbit(d[2]) && signbit(d[3]));
}

/* x / 0: +-inf or NaN in every layer, never an error. */
static void test_division_by_zero(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  enum { N = 200 };
  double a[N], b[N], d[N];
  float fa[N], fb[N], fd[N];
  for (size_t i = 0; i < N; i++) {
    static const double num[] = {1.0, -1.0, 0.0, -0.0, INFINITY, NAN, 1e-40};
    a[i] = num[i % 7];
    b[i] = (i / 7) % 2 ? -0.0 : 0.0;
    fa[i] = (float)a[i];
    fb[i] = (float)b[i];
  }
  for (size_t v = 0; v < nvars; v++) {
    if (!layer_supported(STRATA_OP_DIV, STRATA_F64, vars[v].layer)) continue;
    assert_int_equal(strata_binary_ex(STRATA_OP_DIV, STRATA_F64, d, a, b, N, &vars[v]), STRATA_OK);
    assert_int_equal(strata_binary_ex(STRATA_OP_DIV, STRATA_F32, fd, fa, fb, N, &vars[v]),
                     STRATA_OK);
    for (size_t i = 0; i < N; i++) {
      const int neg = signbit(a[i]) != signbit(b[i]);
      if (a[i] == 0 || isnan(a[i])) {
        assert_true(isnan(d[i]) && isnan(fd[i]));
      } else {
        assert_true(isinf(d[i]) && isinf(fd[i]));
        assert_int_equal(!!signbit(d[i]), neg);
        assert_int_equal(!!signbit(fd[i]), neg);
      }
    }
  }
}

/* The typed shorthands are strata_binary with that pair. */
static void test_shorthands(void **state) {
  (void)state;
  uint8_t u8a[67], u8b[67], u8d[67], u8w[67];
  uint64_t seed = 5;
  tu_fill(u8a, sizeof u8a, &seed);
  tu_fill(u8b, sizeof u8b, &seed);
  assert_int_equal(strata_adds_u8(u8d, u8a, u8b, 67), STRATA_OK);
  assert_int_equal(strata_binary(STRATA_OP_ADDS, STRATA_U8, u8w, u8a, u8b, 67), STRATA_OK);
  assert_memory_equal(u8d, u8w, 67);
  int16_t i16a[33] = {INT16_MIN, INT16_MAX, -5}, i16b[33] = {1, -1, 7}, i16d[33];
  assert_int_equal(strata_subs_i16(i16d, i16a, i16b, 33), STRATA_OK);
  assert_int_equal(i16d[0], INT16_MIN);
  assert_int_equal(i16d[1], INT16_MAX);
  assert_int_equal(i16d[2], -12);
  int64_t i64a[5] = {INT64_MAX, INT64_MIN, 3, -3, 1LL << 40}, i64b[5] = {2, 2, -5, -5, 1LL << 30};
  int64_t i64d[5];
  assert_int_equal(strata_mul_i64(i64d, i64a, i64b, 5), STRATA_OK);
  assert_true(i64d[0] == -2 && i64d[1] == 0 && i64d[2] == -15 && i64d[3] == 15 && i64d[4] == 0);
  uint8_t m8[3] = {200, 16, 255}, n8[3] = {3, 16, 255}, p8[3];
  assert_int_equal(strata_mul_u8(p8, m8, n8, 3), STRATA_OK);
  assert_true(p8[0] == (uint8_t)600 && p8[1] == 0 && p8[2] == 1);
  double x[3] = {1, 2, 3}, y[3] = {4, 5, 6}, z[3];
  assert_int_equal(strata_div_f64(z, x, y, 3), STRATA_OK);
  assert_true(z[0] == 0.25 && z[1] == 0.4 && z[2] == 0.5);
  assert_int_equal(strata_max_i32(NULL, NULL, NULL, 0), STRATA_OK);
}

/* Every error code of the contract, in every layer, with nothing written. */
static void test_errors_write_nothing(void **state) {
  (void)state;
  const strata_exec *vars;
  const size_t nvars = tu_variants(&vars);
  uint8_t buf[1024], copy[1024];
  for (size_t i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)(i * 13);
  memcpy(copy, buf, sizeof buf);
  const size_t huge = SIZE_MAX / 2 + 2; /* times 2 bytes overflows */
  for (size_t v = 0; v < nvars; v++) {
    const strata_exec *e = &vars[v];
    /* enums out of range */
    assert_int_equal(strata_binary_ex(NOPS, STRATA_U8, buf, buf, buf, 4, e), STRATA_ERR_ARG);
    assert_int_equal(strata_binary_ex((strata_op)-1, STRATA_U8, buf, buf, buf, 4, e),
                     STRATA_ERR_ARG);
    assert_int_equal(strata_binary_ex(STRATA_OP_ADD, NTYPES, buf, buf, buf, 4, e), STRATA_ERR_ARG);
    assert_int_equal(strata_binary_scalar_ex(STRATA_OP_ADD, (strata_dtype)99, buf, buf, buf, 4, e),
                     STRATA_ERR_ARG);
    /* pairs outside the table */
    for (int t = 0; t < NTYPES; t++)
      for (int op = 0; op < NOPS; op++)
        if (!valid_pair(op, t)) {
          assert_int_equal(strata_binary_ex(op, t, buf, buf + 64, buf + 128, 4, e),
                           STRATA_ERR_UNSUPPORTED);
          assert_int_equal(strata_binary_scalar_ex(op, t, buf, buf + 64, buf + 128, 4, e),
                           STRATA_ERR_UNSUPPORTED);
        }
    for (int t = 0; t < NTYPES; t++) {
      const size_t es = type_sizes[t];
      const int op = STRATA_OP_MIN;
      /* NULL with n > 0; the scalar operand is never NULL */
      assert_int_equal(strata_binary_ex(op, t, NULL, buf, buf, 1, e), STRATA_ERR_NULL);
      assert_int_equal(strata_binary_ex(op, t, buf, NULL, buf, 1, e), STRATA_ERR_NULL);
      assert_int_equal(strata_binary_ex(op, t, buf, buf, NULL, 1, e), STRATA_ERR_NULL);
      assert_int_equal(strata_binary_scalar_ex(op, t, buf, buf, NULL, 1, e), STRATA_ERR_NULL);
      assert_int_equal(strata_binary_scalar_ex(op, t, NULL, NULL, NULL, 0, e), STRATA_ERR_NULL);
      /* size overflow */
      if (es > 1) {
        assert_int_equal(strata_binary_ex(op, t, buf, buf, buf, huge, e), STRATA_ERR_SIZE);
        assert_int_equal(strata_binary_scalar_ex(op, t, buf, buf, buf + 8, huge, e),
                         STRATA_ERR_SIZE);
      }
      /* partial overlap of dst with a or b, by one byte, one element and one vector */
      const size_t n = 40;
      const size_t shifts[] = {1, es, 32};
      for (size_t k = 0; k < 3; k++) {
        const size_t d = shifts[k];
        assert_int_equal(strata_binary_ex(op, t, buf + d, buf, buf + 300, n, e),
                         STRATA_ERR_OVERLAP);
        assert_int_equal(strata_binary_ex(op, t, buf, buf + d, buf + 300, n, e),
                         STRATA_ERR_OVERLAP);
        assert_int_equal(strata_binary_ex(op, t, buf + d, buf + 300, buf, n, e),
                         STRATA_ERR_OVERLAP);
        assert_int_equal(strata_binary_ex(op, t, buf, buf + 300, buf + d, n, e),
                         STRATA_ERR_OVERLAP);
        assert_int_equal(strata_binary_scalar_ex(op, t, buf + d, buf, buf + 400, n, e),
                         STRATA_ERR_OVERLAP);
      }
      /* the scalar operand inside dst (also at its first and last element), even in place */
      assert_int_equal(strata_binary_scalar_ex(op, t, buf, buf + 300, buf, n, e),
                       STRATA_ERR_OVERLAP);
      assert_int_equal(strata_binary_scalar_ex(op, t, buf, buf, buf + (n - 1) * es, n, e),
                       STRATA_ERR_OVERLAP);
      assert_int_equal(strata_binary_scalar_ex(op, t, buf, buf + 300, buf + 1, n, e),
                       STRATA_ERR_OVERLAP);
      /* an unsupported layer for this pair */
      if (!layer_supported(op, t, e->layer))
        assert_int_equal(strata_binary_ex(op, t, buf, buf + 64, buf + 128, 4, e),
                         STRATA_ERR_UNSUPPORTED);
      assert_memory_equal(buf, copy, sizeof buf);
      /* the valid corner cases: NULL with n = 0, adjacent buffers, s right after dst */
      if (layer_supported(op, t, e->layer)) {
        assert_int_equal(strata_binary_ex(op, t, NULL, NULL, NULL, 0, e), STRATA_OK);
        assert_int_equal(strata_binary_scalar_ex(op, t, NULL, NULL, buf, 0, e), STRATA_OK);
        assert_int_equal(strata_binary_scalar_ex(op, t, buf, buf + n * es, buf + n * es, n, e),
                         STRATA_OK);
        memcpy(buf, copy, sizeof buf);
      }
    }
  }
  /* bad exec settings */
  const strata_exec bad_layer = {(strata_layer)17, STRATA_ISA_AUTO, 0};
  const strata_exec bad_threads = {STRATA_LAYER_TASK, STRATA_ISA_AUTO, -1};
  assert_int_equal(strata_binary_ex(STRATA_OP_ADD, STRATA_F32, buf, buf, buf, 4, &bad_layer),
                   STRATA_ERR_ARG);
  assert_int_equal(strata_binary_ex(STRATA_OP_ADD, STRATA_F32, buf, buf, buf, 4, &bad_threads),
                   STRATA_ERR_ARG);
  assert_memory_equal(buf, copy, sizeof buf);
}

int main(void) {
  int skip = tu_skip_unrunnable_isa();
  if (skip) return skip;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_scalar_layer_is_the_formula),
      cmocka_unit_test(test_every_pair_every_length),
      cmocka_unit_test(test_large),
      cmocka_unit_test(test_minmax_nan_signed_zero),
      cmocka_unit_test(test_division_by_zero),
      cmocka_unit_test(test_shorthands),
      cmocka_unit_test(test_errors_write_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
