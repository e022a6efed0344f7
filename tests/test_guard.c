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
    kt_args a = {.n = li <= MAX_SMALL ? li : large_lengths[li - MAX_SMALL - 1], .rows = 1};
    for (int b = 0; b < 4; b++) a.bits[b] = tu_rand(&seed);
    k->valid(&a);
    size_t out_bytes, in_bytes[KT_MAX_IN] = {0};
    k->spans(&a, &out_bytes, in_bytes);
    /* Arenas sized for this case: misalignments are below 64 bytes. */
    gb_arena out_arena = gb_arena_new(out_bytes + 64), in_arena[KT_MAX_IN];
    for (unsigned i = 0; i < k->inputs; i++) in_arena[i] = gb_arena_new(in_bytes[i] + 64);
    /* The inputs, the output's initial contents, and the scalar reference. */
    uint8_t *in0[KT_MAX_IN] = {0}, *init = xmalloc(out_bytes), *want = xmalloc(out_bytes);
    const void *inp[KT_MAX_IN] = {0};
    for (unsigned i = 0; i < k->inputs; i++) {
      in0[i] = xmalloc(in_bytes[i]);
      tu_fill(in0[i], in_bytes[i], &seed);
      inp[i] = in0[i];
    }
    tu_fill(init, out_bytes, &seed);
    memcpy(want, init, out_bytes);
    assert_int_equal(k->call(want, inp, &a, &kt_scalar), STRATA_OK);
    /* In place: the reference runs on the output buffer holding input 0. */
    uint8_t *want_io = NULL;
    const int can_alias = (k->alias_ok & 1) && k->inputs >= 1 && in_bytes[0] == out_bytes;
    if (can_alias) {
      want_io = xmalloc(out_bytes);
      memcpy(want_io, in0[0], out_bytes);
      const void *io[KT_MAX_IN] = {want_io, inp[1], inp[2]};
      assert_int_equal(k->call(want_io, io, &a, &kt_scalar), STRATA_OK);
    }

    for (size_t pl = 0; pl < NPLACE; pl++) {
      const placement *P = &placements[pl];
      if (P->in_place && !can_alias) continue;
      uint8_t *out = gb_place(&out_arena, out_bytes, P->out_side, P->out_mis);
      const void *in[KT_MAX_IN] = {0};
      for (unsigned i = 0; i < k->inputs; i++) {
        if (i == 0 && P->in_place) {
          in[0] = out;
          continue;
        }
        uint8_t *p = gb_place(&in_arena[i], in_bytes[i], P->in_side, P->in_mis);
        if (in_bytes[i]) memcpy(p, in0[i], in_bytes[i]);
        gb_readonly(&in_arena[i], 1);
        in[i] = p;
      }
      for (size_t x = 0; x < nexec; x++) {
        const strata_exec *e = &execs[x];
        const uint8_t *expect = P->in_place ? want_io : want;
        if (out_bytes) memcpy(out, P->in_place ? in0[0] : init, out_bytes);
        gb_describe("%s %s n=%zu %s", k->name, kt_exec_name(e), a.n, P->name);
        const strata_status s = k->call(out, in, &a, e);
        if (s != STRATA_OK)
          fail_msg("%s %s n=%zu %s: status %d", k->name, kt_exec_name(e), a.n, P->name, s);
        const int ok = k->same ? k->same(out, expect, in, &a) : memcmp(out, expect, out_bytes) == 0;
        if (!ok)
          fail_msg("%s %s n=%zu %s: differs from the scalar layer", k->name, kt_exec_name(e),
                   a.n, P->name);
        if (!gb_check(&out_arena))
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
    for (unsigned i = 0; i < k->inputs; i++) free(in0[i]);
    free(init);
    free(want);
    free(want_io);
    gb_arena_free(&out_arena);
    for (unsigned i = 0; i < k->inputs; i++) gb_arena_free(&in_arena[i]);
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
