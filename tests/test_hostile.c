/* Hostile input: every kernel of the kernel table, under every execution variant, against every
   rule of API.md section 2 -- NULL with and without a count, sizes that overflow, partial
   overlaps in both directions (by one byte, by one vector, by all but one byte), exact aliasing
   where it is not allowed, out-of-range parameters (the row's `invalid` list), out-of-range
   strata_exec fields, negative and huge thread counts, layers the kernel lacks and ISAs the CPU
   lacks. Each call must return the documented status; a call that fails must leave its output
   (and inputs) untouched and must not change strata_last_exec().
   ctest also runs this binary with STRATA_ISA set to junk, to an empty string and to an ISA the
   CPU lacks: then every call that resolves an ISA must return STRATA_ERR_UNSUPPORTED (or, when
   it also breaks another rule, that rule's code) and the ISA-free layers keep working. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel_table.h"
#include "testutil.h"

static size_t g_checks;

/* STRATA_ISA names something this process cannot run. */
static int env_isa_broken(void) {
  return getenv("STRATA_ISA") && strata_best_isa() == STRATA_ISA_AUTO;
}

static int resolves_isa(const strata_exec *e) {
  return e->layer == STRATA_LAYER_AUTO ||
         ((e->layer == STRATA_LAYER_DATA || e->layer == STRATA_LAYER_TASK) &&
          e->isa == STRATA_ISA_AUTO);
}

/* Buffers for one call, each in its own allocation, with snapshots. */
typedef struct call_bufs {
  uint8_t *out, *res, *in[KT_MAX_IN], *snap_out, *snap_res, *snap_in[KT_MAX_IN];
  size_t out_bytes, res_bytes, in_bytes[KT_MAX_IN];
  kt_spans sp;
} call_bufs;

static uint8_t *alloc_copy(size_t n, uint64_t *seed, uint8_t **snap) {
  uint8_t *p = malloc(n + 1);
  *snap = malloc(n + 1);
  assert_true(p && *snap);
  tu_fill(p, n, seed);
  memcpy(*snap, p, n);
  return p;
}

static call_bufs bufs_new(const kt_kernel *k, const kt_args *a, uint64_t *seed) {
  call_bufs b = {0};
  k->spans(a, &b.sp);
  b.out_bytes = b.sp.out;
  b.res_bytes = b.sp.result;
  memcpy(b.in_bytes, b.sp.in, sizeof b.in_bytes);
  b.out = alloc_copy(b.out_bytes, seed, &b.snap_out);
  b.res = alloc_copy(b.res_bytes, seed, &b.snap_res);
  for (unsigned i = 0; i < k->inputs; i++) b.in[i] = alloc_copy(b.in_bytes[i], seed, &b.snap_in[i]);
  if (k->shape) {
    k->shape(b.out, b.out_bytes, KT_MAX_IN);
    memcpy(b.snap_out, b.out, b.out_bytes);
    for (unsigned i = 0; i < k->inputs; i++) {
      k->shape(b.in[i], b.in_bytes[i], i);
      memcpy(b.snap_in[i], b.in[i], b.in_bytes[i]);
    }
  }
  return b;
}

static kt_bufs view(const kt_kernel *k, const call_bufs *b) {
  kt_bufs v = {b->out, k->result != KT_RESULT_NONE ? b->res : NULL, {b->in[0], b->in[1], b->in[2]}};
  return v;
}

static void bufs_free(call_bufs *b) {
  free(b->out);
  free(b->snap_out);
  free(b->res);
  free(b->snap_res);
  for (unsigned i = 0; i < KT_MAX_IN; i++) {
    free(b->in[i]);
    free(b->snap_in[i]);
  }
}

static int same_exec(strata_exec x, strata_exec y) {
  return x.layer == y.layer && x.isa == y.isa && x.threads == y.threads;
}

/* What an error must leave untouched: up to two byte ranges and their snapshots (which a
   successful call refreshes, since it may write them). */
typedef struct untouched {
  const uint8_t *p[2];
  uint8_t *snap[2];
  size_t n[2];
} untouched;

static untouched outputs_of(const call_bufs *b) {
  return (untouched){{b->out, b->res}, {b->snap_out, b->snap_res}, {b->out_bytes, b->res_bytes}};
}

/* Calls k and checks the status against `want` (or `also`, or the STRATA_ISA allowance); on an
   error, checks that the untouched ranges are and that strata_last_exec() did not move; on
   success, takes new snapshots. */
static void expect(const kt_kernel *k, const strata_exec *e, const kt_bufs *b, const kt_args *a,
                   strata_status want, strata_status also, untouched u, const char *what) {
  const int unsupported_ok = env_isa_broken() && resolves_isa(e);
  if (want == STRATA_OK && unsupported_ok) want = STRATA_ERR_UNSUPPORTED;
  /* A successful scalar call first, so that strata_last_exec() has something to keep. */
  uint8_t probe = 0;
  const strata_exec scalar = {STRATA_LAYER_SCALAR, STRATA_ISA_AUTO, 0};
  assert_int_equal(strata_brighten_u8_ex(&probe, &probe, 1, 0, &scalar), STRATA_OK);
  const strata_exec before = strata_last_exec();
  const strata_status s = k->call(b, a, e);
  g_checks++;
  const int ok = s == want || (also != STRATA_OK && s == also) ||
                 (want != STRATA_OK && unsupported_ok && s == STRATA_ERR_UNSUPPORTED);
  if (!ok)
    fail_msg("%s %s: %s: status %d (%s), want %d", k->name, kt_exec_name(e), what, s,
             strata_status_string(s), want);
  if (s == STRATA_OK) {
    for (int r = 0; r < 2; r++)
      if (u.n[r]) memcpy(u.snap[r], u.p[r], u.n[r]);
  } else {
    for (int r = 0; r < 2; r++)
      if (u.n[r] && memcmp(u.p[r], u.snap[r], u.n[r]) != 0)
        fail_msg("%s %s: %s: returned %d but wrote to its output", k->name, kt_exec_name(e), what,
                 s);
    if (!same_exec(before, strata_last_exec()))
      fail_msg("%s %s: %s: a failed call changed strata_last_exec()", k->name, kt_exec_name(e),
               what);
  }
}

static void check_inputs(const kt_kernel *k, const call_bufs *b, const strata_exec *e) {
  for (unsigned i = 0; i < k->inputs; i++)
    if (b->in_bytes[i] && memcmp(b->in[i], b->snap_in[i], b->in_bytes[i]) != 0)
      fail_msg("%s %s: input %u was written", k->name, kt_exec_name(e), i);
}

static kt_args valid_args(const kt_kernel *k, size_t n, uint64_t *seed) {
  kt_args a = {.n = n};
  kt_random_geometry(&a, tu_rand(seed));
  /* at least one row (or number in a batch): with none, a huge n could be a valid no-op */
  a.rows += a.rows == 0;
  for (int i = 0; i < 4; i++) a.bits[i] = tu_rand(seed);
  k->valid(&a);
  return a;
}

/* NULL pointers with and without a count. */
static void nulls(const kt_kernel *k, const strata_exec *e, uint64_t *seed) {
  kt_args a = valid_args(k, 64, seed);
  call_bufs b = bufs_new(k, &a, seed);
  const untouched u = outputs_of(&b);
  kt_bufs v = view(k, &b);
  if (b.out_bytes) {
    v.out = NULL;
    expect(k, e, &v, &a, STRATA_ERR_NULL, STRATA_OK, u, "NULL output, n > 0");
    v = view(k, &b);
  }
  for (unsigned i = 0; i < k->inputs; i++) {
    v.in[i] = NULL;
    expect(k, e, &v, &a, STRATA_ERR_NULL, STRATA_OK, u, "NULL input, n > 0");
    v = view(k, &b);
  }
  if (k->result == KT_RESULT_REQUIRED) {
    v.result = NULL;
    expect(k, e, &v, &a, STRATA_ERR_NULL, STRATA_OK, u, "NULL result");
    v = view(k, &b);
  }
  /* n = 0: NULL is fine except for parameter arrays and a required result (and n = 0 itself
     is STRATA_ERR_ARG for kernels that need n >= 1). */
  kt_args z = a; /* the same geometry: parameter arrays hold `channels` entries */
  z.n = 0;
  const strata_status zero = k->min_n ? STRATA_ERR_ARG : STRATA_OK;
  kt_bufs none = {NULL, k->result == KT_RESULT_REQUIRED ? b.res : NULL, {0}};
  for (unsigned i = 0; i < KT_MAX_IN; i++) none.in[i] = (k->required >> i & 1) ? b.in[i] : NULL;
  expect(k, e, &none, &z, zero, STRATA_OK, u, "NULL pointers with n = 0");
  for (unsigned i = 0; i < k->inputs; i++) {
    if (!(k->required >> i & 1)) continue;
    none.in[i] = NULL;
    expect(k, e, &none, &z, STRATA_ERR_NULL, zero, u, "NULL parameter array with n = 0");
    none.in[i] = b.in[i];
  }
  if (k->result == KT_RESULT_REQUIRED) {
    none.result = NULL;
    expect(k, e, &none, &z, STRATA_ERR_NULL, zero, u, "NULL result with n = 0");
  }
  /* Last, since it succeeds and writes the output: an optional result may be NULL. */
  if (k->result == KT_RESULT_OPTIONAL) {
    v.result = NULL;
    expect(k, e, &v, &a, STRATA_OK, STRATA_OK, u, "NULL optional result");
  }
  check_inputs(k, &b, e);
  bufs_free(&b);
}

/* Counts whose byte size or address range cannot exist, with small distinct buffers: the kernel
   must refuse them rather than run off the end. n * elem overflowing size_t, or above
   PTRDIFF_MAX bytes (no object is larger; an addition to API.md section 2), is STRATA_ERR_SIZE;
   a range that would wrap past the top of memory overlaps every other buffer, so
   STRATA_ERR_OVERLAP is accepted too (two rules are broken). Two arrays of 2^61 bytes next to
   each other must overlap: STRATA_ERR_OVERLAP. (A single array of 2^61 bytes beside a small
   result cannot be told from a real buffer by any rule, and is not tried.) */
static void huge_sizes(const kt_kernel *k, const strata_exec *e, uint64_t *seed) {
  kt_args small = valid_args(k, 64, seed);
  call_bufs b = bufs_new(k, &small, seed);
  const kt_bufs v = view(k, &b);
  const int two_arrays = b.out_bytes && k->inputs && b.in_bytes[0] && !(k->required & 1);
  const size_t top = (size_t)PTRDIFF_MAX + 1; /* 2^63 on 64-bit targets */
  const size_t huge[] = {SIZE_MAX, SIZE_MAX - 1,  k->elem > 1 ? SIZE_MAX / k->elem + 1 : SIZE_MAX,
                         top,      top / k->elem, two_arrays ? SIZE_MAX / 8 + 1 : SIZE_MAX};
  for (size_t h = 0; h < sizeof huge / sizeof *huge; h++) {
    kt_args a = small;
    a.n = huge[h];
    expect(k, e, &v, &a, STRATA_ERR_SIZE, STRATA_ERR_OVERLAP, outputs_of(&b),
           "count whose byte size overflows or cannot exist");
  }
  check_inputs(k, &b, e);
  bufs_free(&b);
}

/* Partial overlaps: the output and input i in one allocation, input i shifted by d bytes from
   the output; and the result placed inside the output or an input. */
static void overlaps(const kt_kernel *k, const strata_exec *e, uint64_t *seed) {
  kt_args a = valid_args(k, 300, seed);
  call_bufs b = bufs_new(k, &a, seed);
  size_t span = b.out_bytes + b.res_bytes;
  for (unsigned i = 0; i < k->inputs; i++) span = b.in_bytes[i] > span ? b.in_bytes[i] : span;
  const size_t total = 3 * span;
  uint8_t *arena = malloc(total), *snap = malloc(total);
  assert_true(arena && snap);
  tu_fill(arena, total, seed);
  memcpy(snap, arena, total);
  const untouched u = {{arena, b.res}, {snap, b.snap_res}, {total, b.res_bytes}};
  uint8_t *out = arena + span;
  for (unsigned i = 0; i < k->inputs && b.out_bytes; i++) {
    /* one byte, one element, one vector of each width, all but one byte; both directions */
    const long el = (long)k->elem;
    const long shifts[] = {1,
                           -1,
                           el,
                           -el,
                           16,
                           -16,
                           32,
                           -32,
                           64,
                           -64,
                           (long)b.in_bytes[i] - 1,
                           -((long)b.out_bytes - 1)};
    for (size_t s = 0; s < sizeof shifts / sizeof *shifts; s++) {
      const long d = shifts[s];
      /* input i at out + d overlaps the output when -in_bytes < d < out_bytes */
      if (d == 0 || d <= -(long)b.in_bytes[i] || d >= (long)b.out_bytes) continue;
      kt_bufs v = view(k, &b);
      v.out = out;
      v.in[i] = out + d;
      char what[96];
      snprintf(what, sizeof what, "input %u at output %+ld bytes (partial overlap)", i, d);
      expect(k, e, &v, &a, STRATA_ERR_OVERLAP, STRATA_OK, u, what);
    }
    /* exactly the output: allowed only where the kernel says so */
    if (!(k->alias_ok >> i & 1) || b.in_bytes[i] != b.out_bytes) {
      kt_bufs v = view(k, &b);
      v.out = out;
      v.in[i] = out;
      expect(k, e, &v, &a, STRATA_ERR_OVERLAP, STRATA_OK, u,
             "input aliases the output where that is not allowed");
    }
  }
  /* The result may share no byte with the output or any input. */
  const size_t rb = b.res_bytes;
  for (unsigned target = 0; rb && target <= k->inputs; target++) {
    const size_t tb = target == 0 ? b.out_bytes : b.in_bytes[target - 1];
    const long at[] = {0, 1, (long)tb - 1, -(long)rb + 1};
    for (size_t s = 0; s < sizeof at / sizeof *at; s++) {
      if (tb == 0 || at[s] < -(long)rb + 1 || at[s] >= (long)tb) continue;
      kt_bufs v = view(k, &b);
      uint8_t *base = arena + span; /* the output, or input target - 1, sits here */
      if (target == 0)
        v.out = base;
      else
        v.in[target - 1] = base;
      v.result = base + at[s];
      const untouched ua = {{arena}, {snap}, {total}};
      char what[96];
      snprintf(what, sizeof what, "result at %s %+ld bytes", target ? "an input" : "the output",
               at[s]);
      expect(k, e, &v, &a, STRATA_ERR_OVERLAP, STRATA_OK, ua, what);
    }
  }
  check_inputs(k, &b, e);
  free(arena);
  free(snap);
  bufs_free(&b);
}

/* The row's out-of-range parameters. */
static void invalid_params(const kt_kernel *k, const strata_exec *e, uint64_t *seed) {
  const kt_args good = valid_args(k, 100, seed);
  for (unsigned v = 0;; v++) {
    kt_args a = good;
    const char *what = "?";
    const strata_status want = k->invalid(&a, v, &what);
    if (want == STRATA_OK) break;
    call_bufs b = bufs_new(k, &good, seed);
    const kt_bufs view_b = view(k, &b);
    expect(k, e, &view_b, &a, want, STRATA_OK, outputs_of(&b), what);
    check_inputs(k, &b, e);
    bufs_free(&b);
  }
}

/* strata_exec fields out of range, layers the kernel lacks, ISAs the CPU lacks, thread counts. */
static void bad_execs(const kt_kernel *k, uint64_t *seed) {
  kt_args a = valid_args(k, 1000, seed);
  call_bufs b = bufs_new(k, &a, seed);
  const kt_bufs v = view(k, &b);
  const untouched u = outputs_of(&b);
  const strata_exec bad[] = {
      {(strata_layer)6, STRATA_ISA_AUTO, 0},         {(strata_layer)-1, STRATA_ISA_AUTO, 0},
      {(strata_layer)INT_MAX, STRATA_ISA_AUTO, 0},   {STRATA_LAYER_DATA, (strata_isa)6, 0},
      {STRATA_LAYER_SCALAR, (strata_isa)-1, 0},      {STRATA_LAYER_TASK, (strata_isa)INT_MIN, 1},
      {STRATA_LAYER_SCALAR, STRATA_ISA_AUTO, -1},    {STRATA_LAYER_TASK, STRATA_ISA_AUTO, -2},
      {STRATA_LAYER_AUTO, STRATA_ISA_AUTO, INT_MIN}, {STRATA_LAYER_DATA, STRATA_ISA_GENERIC, -1},
  };
  kt_args z = a;
  z.n = 0;
  kt_bufs none = {NULL, k->result == KT_RESULT_REQUIRED ? b.res : NULL, {0}};
  for (unsigned j = 0; j < KT_MAX_IN; j++) none.in[j] = (k->required >> j & 1) ? b.in[j] : NULL;
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    expect(k, &bad[i], &v, &a, STRATA_ERR_ARG, STRATA_OK, u, "strata_exec out of range");
    expect(k, &bad[i], &none, &z, STRATA_ERR_ARG, STRATA_OK, u, "strata_exec out of range, n = 0");
  }
  for (int l = STRATA_LAYER_SCALAR; l <= STRATA_LAYER_TASK; l++) {
    const strata_exec e = {(strata_layer)l, STRATA_ISA_GENERIC, 1};
    const int has = (k->layers >> l & 1) && (l != STRATA_LAYER_TASK || kt_task_supported());
    if (!has)
      expect(k, &e, &v, &a, STRATA_ERR_UNSUPPORTED, STRATA_OK, u,
             "a layer the kernel (or build) does not have");
  }
  for (int i = STRATA_ISA_GENERIC; i <= STRATA_ISA_NEON; i++) {
    if (strata_isa_available((strata_isa)i)) continue;
    const strata_exec lacks[] = {{STRATA_LAYER_DATA, (strata_isa)i, 0},
                                 {STRATA_LAYER_AUTO, (strata_isa)i, 0},
                                 {STRATA_LAYER_TASK, (strata_isa)i, 2}};
    for (size_t j = 0; j < 3; j++)
      expect(k, &lacks[j], &v, &a, STRATA_ERR_UNSUPPORTED, STRATA_OK, u,
             "an ISA this CPU cannot run");
  }
  /* huge thread counts are clamped, and the result is still the reference */
  kt_bufs want = v;
  want.out = malloc(b.out_bytes + 1);
  want.result = v.result ? malloc(b.res_bytes + 1) : NULL;
  assert_non_null(want.out);
  memcpy(want.out, b.snap_out, b.out_bytes);
  if (want.result) memcpy(want.result, b.snap_res, b.res_bytes);
  assert_int_equal(k->call(&want, &a, &kt_scalar), STRATA_OK);
  const strata_exec many[] = {{STRATA_LAYER_TASK, STRATA_ISA_GENERIC, INT_MAX},
                              {STRATA_LAYER_TASK, STRATA_ISA_GENERIC, STRATA_MAX_THREADS + 1},
                              {STRATA_LAYER_AUTO, STRATA_ISA_GENERIC, INT_MAX},
                              {STRATA_LAYER_SCALAR, STRATA_ISA_AUTO, INT_MAX}};
  for (size_t i = 0; i < sizeof many / sizeof *many; i++) {
    if (many[i].layer == STRATA_LAYER_TASK && !kt_task_supported()) continue;
    if (!(k->layers >> many[i].layer & 1) && many[i].layer != STRATA_LAYER_AUTO) continue;
    memcpy(b.out, b.snap_out, b.out_bytes);
    memcpy(b.res, b.snap_res, b.res_bytes);
    assert_int_equal(k->call(&v, &a, &many[i]), STRATA_OK);
    const strata_exec ran = strata_last_exec();
    assert_true(ran.threads >= 1 && ran.threads <= STRATA_MAX_THREADS);
    if (!kt_same(k, &v, &want, &a, &b.sp))
      fail_msg("%s %s threads=%d: differs from scalar", k->name, kt_exec_name(&many[i]),
               many[i].threads);
    g_checks++;
  }
  check_inputs(k, &b, &kt_scalar);
  free(want.out);
  free(want.result);
  bufs_free(&b);
}

static void test_kernels_hostile(void **state) {
  (void)state;
  strata_isa isas[8];
  const size_t nisa = kt_isas(isas);
  const kt_kernel *const *ks;
  const size_t nk = kt_kernels(NULL, &ks);
  uint64_t seed = 7;
  for (size_t i = 0; i < nk; i++) {
    strata_exec execs[KT_MAX_EXECS];
    const size_t nexec = kt_execs(ks[i]->layers, isas, nisa, execs);
    for (size_t x = 0; x < nexec; x++) {
      nulls(ks[i], &execs[x], &seed);
      huge_sizes(ks[i], &execs[x], &seed);
      overlaps(ks[i], &execs[x], &seed);
      invalid_params(ks[i], &execs[x], &seed);
    }
    bad_execs(ks[i], &seed);
  }
  printf("hostile input: %zu checks over %zu kernels\n", g_checks, nk);
}

/* The exec API itself with values outside its enums. */
static void test_exec_api_hostile(void **state) {
  (void)state;
  const int odd[] = {-1, 6, 7, 100, INT_MAX, INT_MIN};
  for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
    assert_string_equal(strata_layer_name((strata_layer)odd[i]), "unknown");
    assert_string_equal(strata_isa_name((strata_isa)odd[i]), "unknown");
    assert_false(strata_isa_available((strata_isa)odd[i]));
    assert_non_null(strata_status_string((strata_status)odd[i]));
  }
  const int t = strata_default_threads();
  assert_true(t >= 1 && t <= STRATA_MAX_THREADS);
  const strata_isa best = strata_best_isa();
  if (env_isa_broken()) {
    assert_int_equal(best, STRATA_ISA_AUTO);
    assert_false(strata_isa_available(STRATA_ISA_AUTO));
  } else {
    assert_true(strata_isa_available(best));
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_exec_api_hostile),
      cmocka_unit_test(test_kernels_hostile),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
