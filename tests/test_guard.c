/* Guard pages: every kernel of the kernel table, every layer it implements, every ISA (iterated
   explicitly through strata_exec.isa), lengths 0..200 and three large ones, with each buffer
   ending right before a PROT_NONE page or starting right after one, in place and out of place,
   misaligned. Inputs are read-only while the kernel runs. A read or write one byte outside a
   buffer faults (the handler names the case); a result that differs from the scalar layer, or a
   sentinel byte written next to a buffer, fails the test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guardbuf.h"
#include "kernel_table.h"
#include "testutil.h"

#define MAX_SMALL 200
static const size_t large_lengths[] = {4096 + 3, 65536 + 7, (1u << 20) + 13};

/* Where the output and the inputs sit. */
typedef struct placement {
  const char *name;
  gb_side out_side, in_side;
  size_t out_mis, in_mis;
  int in_place; /* output is input 0 (for kernels that allow it) */
} placement;

static const placement placements[] = {
    {"out:end in:end", GB_END, GB_END, 0, 0, 0},
    {"out:start in:start", GB_START, GB_START, 0, 0, 0},
    {"out:end in:start+1", GB_END, GB_START, 0, 1, 0},
    {"out:start+3 in:end", GB_START, GB_END, 3, 0, 0},
    {"inplace:end", GB_END, GB_END, 0, 0, 1},
    {"inplace:start", GB_START, GB_START, 0, 0, 1},
    {"inplace:start+5", GB_START, GB_START, 5, 5, 1},
};
#define NPLACE (sizeof placements / sizeof *placements)

static size_t g_cases;

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  assert_non_null(p);
  return p;
}

static void run_kernel(const kt_kernel *k, const strata_isa *isas, size_t nisa) {
  strata_exec execs[KT_MAX_EXECS];
  const size_t nexec = kt_execs(k->layers, isas, nisa, execs);
  const size_t nlarge = sizeof large_lengths / sizeof *large_lengths;
  uint64_t seed = 42;

  for (size_t li = 0; li <= MAX_SMALL + nlarge; li++) {
    kt_args a = {.n = li <= MAX_SMALL ? li : large_lengths[li - MAX_SMALL - 1]};
    if (a.n < k->min_n) continue;
    kt_random_geometry(&a, tu_rand(&seed));
    for (int b = 0; b < 4; b++) a.bits[b] = tu_rand(&seed);
    k->valid(&a);
    kt_spans sp = {0};
    k->spans(&a, &sp);
    const size_t out_bytes = sp.out, rb = sp.result, *in_bytes = sp.in;
    /* Arenas sized for this case (misalignments are below 64 bytes). */
    gb_arena out_arena = gb_arena_new(out_bytes + 64), res_arena = gb_arena_new(rb + 64);
    gb_arena in_arena[KT_MAX_IN];
    for (unsigned i = 0; i < k->inputs; i++) in_arena[i] = gb_arena_new(in_bytes[i] + 64);
    /* The inputs, the initial output and result, and the scalar references (out of place and,
       when the kernel allows it, in place). */
    uint8_t *in0[KT_MAX_IN] = {0}, *init = xmalloc(out_bytes), *init_res = xmalloc(rb);
    kt_bufs want = {xmalloc(out_bytes), rb ? xmalloc(rb) : NULL, {0}};
    for (unsigned i = 0; i < k->inputs; i++) {
      in0[i] = xmalloc(in_bytes[i]);
      tu_fill(in0[i], in_bytes[i], &seed);
      if (k->shape) k->shape(in0[i], in_bytes[i], i);
      want.in[i] = in0[i];
    }
    tu_fill(init, out_bytes, &seed);
    if (k->shape) k->shape(init, out_bytes, KT_MAX_IN);
    tu_fill(init_res, rb, &seed);
    memcpy(want.out, init, out_bytes);
    if (rb) memcpy(want.result, init_res, rb);
    assert_int_equal(k->call(&want, &a, &kt_scalar), STRATA_OK);
    const int can_alias = (k->alias_ok & 1) && k->inputs >= 1 && in_bytes[0] == out_bytes;
    kt_bufs want_io = want;
    if (can_alias) {
      want_io.out = xmalloc(out_bytes);
      want_io.result = rb ? xmalloc(rb) : NULL;
      memcpy(want_io.out, in0[0], out_bytes);
      if (rb) memcpy(want_io.result, init_res, rb);
      want_io.in[0] = want_io.out;
      assert_int_equal(k->call(&want_io, &a, &kt_scalar), STRATA_OK);
    }

    for (size_t pl = 0; pl < NPLACE; pl++) {
      const placement *P = &placements[pl];
      if (P->in_place && !can_alias) continue;
      kt_bufs got = {gb_place(&out_arena, out_bytes, P->out_side, P->out_mis),
                     rb ? gb_place(&res_arena, rb, P->out_side, P->out_mis) : NULL,
                     {0}};
      for (unsigned i = 0; i < k->inputs; i++) {
        if (i == 0 && P->in_place) {
          got.in[0] = got.out;
          continue;
        }
        uint8_t *p = gb_place(&in_arena[i], in_bytes[i], P->in_side, P->in_mis);
        if (in_bytes[i]) memcpy(p, in0[i], in_bytes[i]);
        gb_readonly(&in_arena[i], 1);
        got.in[i] = p;
      }
      kt_bufs *expect = P->in_place ? &want_io : &want;
      for (size_t x = 0; x < nexec; x++) {
        const strata_exec *e = &execs[x];
        if (out_bytes) memcpy(got.out, P->in_place ? in0[0] : init, out_bytes);
        if (rb) memcpy(got.result, init_res, rb);
        gb_describe("%s %s n=%zu %s", k->name, kt_exec_name(e), a.n, P->name);
        const strata_status s = k->call(&got, &a, e);
        if (s != STRATA_OK)
          fail_msg("%s %s n=%zu %s: status %d", k->name, kt_exec_name(e), a.n, P->name, s);
        if (!kt_same(k, &got, expect, &a, &sp))
          fail_msg("%s %s n=%zu %s: differs from the scalar layer", k->name, kt_exec_name(e), a.n,
                   P->name);
        if (!gb_check(&out_arena) || !gb_check(&res_arena))
          fail_msg("%s %s n=%zu %s: wrote next to the output", k->name, kt_exec_name(e), a.n,
                   P->name);
        g_cases++;
      }
      for (unsigned i = 0; i < k->inputs; i++) {
        if (i == 0 && P->in_place) continue;
        gb_readonly(&in_arena[i], 0);
        assert_true(gb_check(&in_arena[i]));
      }
    }
    for (unsigned i = 0; i < k->inputs; i++) {
      free(in0[i]);
      gb_arena_free(&in_arena[i]);
    }
    free(init);
    free(init_res);
    free(want.out);
    free(want.result);
    if (can_alias) {
      free(want_io.out);
      free(want_io.result);
    }
    gb_arena_free(&out_arena);
    gb_arena_free(&res_arena);
  }
}

static void test_guard_pages(void **state) {
  (void)state;
  strata_isa isas[8];
  const size_t nisa = kt_isas(isas);
  const kt_kernel *const *ks;
  const size_t nk = kt_kernels(NULL, &ks);
  for (size_t i = 0; i < nk; i++) run_kernel(ks[i], isas, nisa);
  printf("guard pages: %zu cases (%zu kernels, %zu ISAs explicitly)\n", g_cases, nk, nisa);
}

int main(void) {
  int skip = tu_skip_unrunnable_isa();
  if (skip) return skip;
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_guard_pages)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
