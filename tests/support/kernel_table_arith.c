/* Kernel-table rows for strata/arith.h (see kernel_table.h for what each field means).
   strata_binary and strata_binary_scalar are one row each for the (op, type) pairs without a
   bit layer and one for the six with it (a row's layers are fixed); bits[0] picks the pair.
   Float outputs compare bit for bit except that any NaN matches any NaN (API.md section 2: NaN
   payloads may differ when an operation has two NaN operands); float reductions compare within
   the bound of API.md section 4.3 on inputs `shape` keeps finite and moderate. The typed
   shorthands (strata_add_u8 ...) are strata_binary with default settings: test_arith checks
   them one by one. */
#include <math.h>
#include <string.h>

#include "kernel_table.h"

#define L(x) KT_LAYER(STRATA_LAYER_##x)

typedef struct pair {
  strata_op op;
  strata_dtype type;
} pair;

#define P(o, t)                                                                                    \
  { STRATA_OP_##o, STRATA_##t }
#define ALL_TYPES(o)                                                                               \
  P(o, U8), P(o, I8), P(o, U16), P(o, I16), P(o, I32), P(o, I64), P(o, F32), P(o, F64)

/* The 44 valid pairs without a bit layer, and the 6 with one (API.md 4.1). */
static const pair plain_pairs[] = {
    P(ADD, U16),    P(ADD, I16),    P(ADD, I32),    P(ADD, I64),  P(ADD, F32),  P(ADD, F64),
    P(SUB, U16),    P(SUB, I16),    P(SUB, I32),    P(SUB, I64),  P(SUB, F32),  P(SUB, F64),
    ALL_TYPES(MUL), ALL_TYPES(MIN), ALL_TYPES(MAX), P(DIV, F32),  P(DIV, F64),  P(ADDS, I8),
    P(ADDS, U16),   P(ADDS, I16),   P(SUBS, I8),    P(SUBS, U16), P(SUBS, I16),
};
static const pair bit_pairs[] = {P(ADD, U8), P(ADD, I8),  P(SUB, U8),
                                 P(SUB, I8), P(ADDS, U8), P(SUBS, U8)};
#define COUNT(x) (sizeof(x) / sizeof *(x))

static size_t type_size(strata_dtype t) {
  static const size_t size[] = {1, 1, 2, 2, 4, 8, 4, 8};
  return (unsigned)t < COUNT(size) ? size[t] : 1;
}

/* bits[1] = 1: `invalid` asked for a raw (op, type) = (bits[2], bits[3]) instead of a pair. */
static pair pair_of(const kt_args *a, const pair *pairs, size_t n) {
  if (a->bits[1] == 1) return (pair){(strata_op)(int)a->bits[2], (strata_dtype)(int)a->bits[3]};
  return pairs[a->bits[0] % n];
}

/* Float element comparison (size 4 or 8 bytes): equal bits, or both NaN. */
static int is_nan(const char *p, size_t size) {
  if (size == 4) {
    float f;
    memcpy(&f, p, 4);
    return isnan(f);
  }
  double d;
  memcpy(&d, p, 8);
  return isnan(d);
}

static int floats_same(const void *got, const void *want, size_t n, size_t size) {
  for (size_t i = 0; i < n * size; i += size) {
    const char *g = (const char *)got + i, *w = (const char *)want + i;
    if (memcmp(g, w, size) != 0 && !(is_nan(g, size) && is_nan(w, size))) return 0;
  }
  return 1;
}

static int typed_same(strata_dtype t, const void *got, const void *want, size_t n) {
  if (t == STRATA_F32 || t == STRATA_F64) return floats_same(got, want, n, type_size(t));
  return memcmp(got, want, n * type_size(t)) == 0;
}

/* ---- strata_binary / strata_binary_scalar ---- */

static void binary_spans_of(pair p, const kt_args *a, kt_spans *s) {
  s->out = s->in[0] = s->in[1] = a->n * type_size(p.type);
}

/* The row functions over one set of pairs (plain_pairs, bit_pairs). binary_scalar's input 1 is
   the one element s. */
#define PAIR_SET(SET)                                                                              \
  static pair SET##_pair(const kt_args *a) {                                                       \
    return pair_of(a, SET##_pairs, COUNT(SET##_pairs));                                            \
  }                                                                                                \
  static void SET##_valid(kt_args *a) {                                                            \
    a->bits[0] %= COUNT(SET##_pairs);                                                              \
    a->bits[1] = 0;                                                                                \
  }                                                                                                \
  static void SET##_binary_spans(const kt_args *a, kt_spans *s) {                                  \
    binary_spans_of(SET##_pair(a), a, s);                                                          \
  }                                                                                                \
  static void SET##_scalar_spans(const kt_args *a, kt_spans *s) {                                  \
    binary_spans_of(SET##_pair(a), a, s);                                                          \
    s->in[1] = type_size(SET##_pair(a).type);                                                      \
  }                                                                                                \
  static strata_status SET##_binary_call(const kt_bufs *b, const kt_args *a,                       \
                                         const strata_exec *e) {                                   \
    const pair p = SET##_pair(a);                                                                  \
    return strata_binary_ex(p.op, p.type, b->out, b->in[0], b->in[1], a->n, e);                    \
  }                                                                                                \
  static strata_status SET##_scalar_call(const kt_bufs *b, const kt_args *a,                       \
                                         const strata_exec *e) {                                   \
    const pair p = SET##_pair(a);                                                                  \
    return strata_binary_scalar_ex(p.op, p.type, b->out, b->in[0], b->in[1], a->n, e);             \
  }                                                                                                \
  static int SET##_same(const kt_bufs *got, const kt_bufs *want, const kt_args *a) {               \
    return typed_same(SET##_pair(a).type, got->out, want->out, a->n);                              \
  }
PAIR_SET(plain)
PAIR_SET(bit)

/* (op, type) outside the valid pairs: integer DIV and saturation on 32/64-bit and float types
   are STRATA_ERR_UNSUPPORTED, values outside the enums STRATA_ERR_ARG. */
static strata_status binary_invalid(kt_args *a, unsigned k, const char **what) {
  static const struct {
    int op, type;
    strata_status s;
  } bad[] = {
      {STRATA_OP_DIV, STRATA_I32, STRATA_ERR_UNSUPPORTED},
      {STRATA_OP_DIV, STRATA_U8, STRATA_ERR_UNSUPPORTED},
      {STRATA_OP_ADDS, STRATA_I32, STRATA_ERR_UNSUPPORTED},
      {STRATA_OP_SUBS, STRATA_I64, STRATA_ERR_UNSUPPORTED},
      {STRATA_OP_ADDS, STRATA_F32, STRATA_ERR_UNSUPPORTED},
      {STRATA_OP_SUBS + 1, STRATA_U8, STRATA_ERR_ARG},
      {STRATA_OP_ADD, STRATA_F64 + 1, STRATA_ERR_ARG},
      {-1, STRATA_U8, STRATA_ERR_ARG},
      {STRATA_OP_ADD, -1, STRATA_ERR_ARG},
      {1 << 30, 1 << 30, STRATA_ERR_ARG},
  };
  if (k >= COUNT(bad)) return STRATA_OK;
  a->bits[1] = 1;
  a->bits[2] = (uint64_t)bad[k].op;
  a->bits[3] = (uint64_t)bad[k].type;
  *what = bad[k].s == STRATA_ERR_ARG ? "op or type outside its enum" : "(op, type) not defined";
  return bad[k].s;
}

#define BINARY_ROW(NAME, FN, LAYERS, INPUT1, SPANS, VALID, CALL, SAME)                             \
  const kt_kernel kt_##NAME = {                                                                    \
      .name = FN,                                                                                  \
      .family = "arith",                                                                           \
      .layers = LAYERS,                                                                            \
      .inputs = 2,                                                                                 \
      .alias_ok = INPUT1 ? 1u : 3u,                                                                \
      .required = INPUT1 ? 1u << 1 : 0u,                                                           \
      .elem = 1,                                                                                   \
      .spans = SPANS,                                                                              \
      .valid = VALID,                                                                              \
      .call = CALL,                                                                                \
      .same = SAME,                                                                                \
      .invalid = binary_invalid,                                                                   \
  }
#define MAP_LAYERS (L(SCALAR) | L(DATA) | L(TASK))
BINARY_ROW(binary, "strata_binary", MAP_LAYERS, 0, plain_binary_spans, plain_valid,
           plain_binary_call, plain_same);
BINARY_ROW(binary_bit, "strata_binary (bit-layer pairs)", MAP_LAYERS | L(BIT), 0, bit_binary_spans,
           bit_valid, bit_binary_call, bit_same);
BINARY_ROW(binary_scalar, "strata_binary_scalar", MAP_LAYERS, 1, plain_scalar_spans, plain_valid,
           plain_scalar_call, plain_same);
BINARY_ROW(binary_scalar_bit, "strata_binary_scalar (bit-layer pairs)", MAP_LAYERS | L(BIT), 1,
           bit_scalar_spans, bit_valid, bit_scalar_call, bit_same);

/* ---- fma, axpy ---- */

static void f32_spans(const kt_args *a, kt_spans *s) {
  s->out = s->in[0] = s->in[1] = s->in[2] = a->n * 4;
}
static void f64_spans(const kt_args *a, kt_spans *s) {
  s->out = s->in[0] = s->in[1] = s->in[2] = a->n * 8;
}
static void any_valid(kt_args *a) {
  (void)a;
}
static strata_status no_invalid(kt_args *a, unsigned k, const char **what) {
  (void)a, (void)k, (void)what;
  return STRATA_OK;
}
static int out_f32_same(const kt_bufs *got, const kt_bufs *want, const kt_args *a) {
  return floats_same(got->out, want->out, a->n, 4);
}
static int out_f64_same(const kt_bufs *got, const kt_bufs *want, const kt_args *a) {
  return floats_same(got->out, want->out, a->n, 8);
}

static strata_status fma_f32_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_fma_f32_ex(b->out, b->in[0], b->in[1], b->in[2], a->n, e);
}
static strata_status fma_f64_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_fma_f64_ex(b->out, b->in[0], b->in[1], b->in[2], a->n, e);
}

/* y = alpha x + y: y is the output (its initial contents matter), x input 0, alpha any value */
static float alpha_f32(const kt_args *a) {
  const uint32_t u = (uint32_t)a->bits[0];
  float f;
  memcpy(&f, &u, 4);
  return f;
}
static double alpha_f64(const kt_args *a) {
  double d;
  memcpy(&d, &a->bits[0], 8);
  return d;
}
static strata_status axpy_f32_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_axpy_f32_ex(b->out, alpha_f32(a), b->in[0], a->n, e);
}
static strata_status axpy_f64_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_axpy_f64_ex(b->out, alpha_f64(a), b->in[0], a->n, e);
}

#define FLOAT_ROW(NAME, INPUTS, ALIAS, ELEM, SPANS, CALL, SAME)                                    \
  const kt_kernel kt_##NAME = {                                                                    \
      .name = "strata_" #NAME,                                                                     \
      .family = "arith",                                                                           \
      .layers = MAP_LAYERS,                                                                        \
      .inputs = INPUTS,                                                                            \
      .alias_ok = ALIAS,                                                                           \
      .elem = ELEM,                                                                                \
      .spans = SPANS,                                                                              \
      .valid = any_valid,                                                                          \
      .call = CALL,                                                                                \
      .same = SAME,                                                                                \
      .invalid = no_invalid,                                                                       \
  }
FLOAT_ROW(fma_f32, 3, 7u, 4, f32_spans, fma_f32_call, out_f32_same);
FLOAT_ROW(fma_f64, 3, 7u, 8, f64_spans, fma_f64_call, out_f64_same);
FLOAT_ROW(axpy_f32, 1, 1u, 4, f32_spans, axpy_f32_call, out_f32_same);
FLOAT_ROW(axpy_f64, 1, 1u, 8, f64_spans, axpy_f64_call, out_f64_same);

/* ---- Reductions: no output array, the result is *out ---- */

#define REDUCE_SPANS(NAME, ELEM, RESULT)                                                           \
  static void NAME(const kt_args *a, kt_spans *s) {                                                \
    s->out = 0;                                                                                    \
    s->in[0] = s->in[1] = a->n * (ELEM);                                                           \
    s->result = RESULT;                                                                            \
  }
REDUCE_SPANS(sum_f32_spans, 4, 4)
REDUCE_SPANS(sum_f64_spans, 8, 8)
REDUCE_SPANS(sum_i32_spans, 4, 8)
REDUCE_SPANS(sum_u8_spans, 1, 8)

static strata_status sum_f32_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_sum_f32_ex(b->in[0], a->n, b->result, e);
}
static strata_status sum_f64_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_sum_f64_ex(b->in[0], a->n, b->result, e);
}
static strata_status dot_f32_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_dot_f32_ex(b->in[0], b->in[1], a->n, b->result, e);
}
static strata_status dot_f64_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_dot_f64_ex(b->in[0], b->in[1], a->n, b->result, e);
}
static strata_status sum_i32_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_sum_i32_ex(b->in[0], a->n, b->result, e);
}
static strata_status sum_u8_call(const kt_bufs *b, const kt_args *a, const strata_exec *e) {
  return strata_sum_u8_ex(b->in[0], a->n, b->result, e);
}

/* Random bits -> finite values of moderate size (|x| < 2^15), so that no partial sum or product
   overflows and the error bound means something. */
static void f32_shape(void *p, size_t bytes, unsigned which) {
  (void)which;
  for (size_t i = 0; i + 4 <= bytes; i += 4) {
    int32_t u;
    memcpy(&u, (char *)p + i, 4);
    const float v = (float)u / 65536.0f;
    memcpy((char *)p + i, &v, 4);
  }
}
static void f64_shape(void *p, size_t bytes, unsigned which) {
  (void)which;
  for (size_t i = 0; i + 8 <= bytes; i += 8) {
    int64_t u;
    memcpy(&u, (char *)p + i, 8);
    const double v = (double)u / 0x1p48;
    memcpy((char *)p + i, &v, 8);
  }
}

/* |got - exact| <= 2 n eps sum|terms| (API.md 4.3), the exact value in long double (64-bit
   significand on x86: its own error is far below the bound). x[i] (sum) or x[i] * y[i] (dot). */
static int within_bound(long double got, const kt_bufs *want, const kt_args *a, size_t elem,
                        int dot, long double eps) {
  long double exact = 0, mag = 0;
  for (size_t i = 0; i < a->n; i++) {
    long double t;
    if (elem == 4) {
      float x, y = 1;
      memcpy(&x, (const char *)want->in[0] + 4 * i, 4);
      if (dot) memcpy(&y, (const char *)want->in[1] + 4 * i, 4);
      t = (long double)x * y;
    } else {
      double x, y = 1;
      memcpy(&x, (const char *)want->in[0] + 8 * i, 8);
      if (dot) memcpy(&y, (const char *)want->in[1] + 8 * i, 8);
      t = (long double)x * y;
    }
    exact += t;
    mag += fabsl(t);
  }
  return fabsl(got - exact) <= 2.0L * (long double)a->n * eps * mag;
}

#define REDUCE_SAME(NAME, T, ELEM, DOT, EPS)                                                       \
  static int NAME(const kt_bufs *got, const kt_bufs *want, const kt_args *a) {                     \
    T g;                                                                                           \
    memcpy(&g, got->result, sizeof g);                                                             \
    return within_bound(g, want, a, ELEM, DOT, EPS);                                               \
  }
REDUCE_SAME(sum_f32_same, float, 4, 0, 0x1p-24L)
REDUCE_SAME(sum_f64_same, double, 8, 0, 0x1p-53L)
REDUCE_SAME(dot_f32_same, float, 4, 1, 0x1p-24L)
REDUCE_SAME(dot_f64_same, double, 8, 1, 0x1p-53L)

#define REDUCE_ROW(NAME, INPUTS, ELEM, SPANS, CALL, SAME, SHAPE)                                   \
  const kt_kernel kt_##NAME = {                                                                    \
      .name = "strata_" #NAME,                                                                     \
      .family = "arith",                                                                           \
      .layers = L(SCALAR) | L(INSTRUCTION) | L(DATA) | L(TASK),                                    \
      .inputs = INPUTS,                                                                            \
      .result = KT_RESULT_REQUIRED,                                                                \
      .elem = ELEM,                                                                                \
      .spans = SPANS,                                                                              \
      .valid = any_valid,                                                                          \
      .call = CALL,                                                                                \
      .same = SAME,                                                                                \
      .shape = SHAPE,                                                                              \
      .invalid = no_invalid,                                                                       \
  }
REDUCE_ROW(sum_f32, 1, 4, sum_f32_spans, sum_f32_call, sum_f32_same, f32_shape);
REDUCE_ROW(sum_f64, 1, 8, sum_f64_spans, sum_f64_call, sum_f64_same, f64_shape);
REDUCE_ROW(dot_f32, 2, 4, sum_f32_spans, dot_f32_call, dot_f32_same, f32_shape);
REDUCE_ROW(dot_f64, 2, 8, sum_f64_spans, dot_f64_call, dot_f64_same, f64_shape);
REDUCE_ROW(sum_i32, 1, 4, sum_i32_spans, sum_i32_call, NULL, NULL);
REDUCE_ROW(sum_u8, 1, 1, sum_u8_spans, sum_u8_call, NULL, NULL);
