/* The execution contract (API.md section 1): names, version, ISA availability and the STRATA_ISA
   and STRATA_NUM_THREADS overrides, strata_exec validation, and that the forced ISA is the one
   that actually ran. ctest runs this binary under several environments (tests/CMakeLists.txt);
   each case below reads the environment it was given and checks what the contract promises. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static strata_isa isa_from_name(const char *name) {
  for (int i = STRATA_ISA_GENERIC; i <= STRATA_ISA_NEON; i++)
    if (strcmp(name, strata_isa_name((strata_isa)i)) == 0) return (strata_isa)i;
  return STRATA_ISA_AUTO;
}

static void test_names(void **state) {
  (void)state;
  assert_string_equal(strata_layer_name(STRATA_LAYER_AUTO), "auto");
  assert_string_equal(strata_layer_name(STRATA_LAYER_INSTRUCTION), "instruction");
  assert_string_equal(strata_layer_name(STRATA_LAYER_TASK), "task");
  assert_string_equal(strata_layer_name((strata_layer)99), "unknown");
  assert_string_equal(strata_isa_name(STRATA_ISA_GENERIC), "generic");
  assert_string_equal(strata_isa_name(STRATA_ISA_AVX512), "avx512");
  assert_string_equal(strata_isa_name(STRATA_ISA_NEON), "neon");
  assert_string_equal(strata_isa_name((strata_isa)-1), "unknown");
  for (int s = -1; s <= 6; s++) assert_non_null(strata_status_string((strata_status)s));
  assert_string_equal(strata_status_string(STRATA_OK), "ok");
  assert_string_not_equal(strata_status_string(STRATA_ERR_NULL),
                          strata_status_string(STRATA_ERR_SIZE));
  const char *v = strata_version();
  int major, minor, patch;
  char extra;
  assert_int_equal(sscanf(v, "%d.%d.%d%c", &major, &minor, &patch, &extra), 3);
}

/* Was `isa` compiled in (-DSTRATA_ISAS, passed down by tests/CMakeLists.txt)? */
static int built(const char *isa) {
  char list[64], want[16];
  snprintf(list, sizeof list, ",%s,", STRATA_TEST_BUILT_ISAS);
  snprintf(want, sizeof want, ",%s,", isa);
  return strstr(list, want) != NULL;
}

/* Available = compiled in and runnable on this CPU. */
static void test_isa_availability(void **state) {
  (void)state;
  assert_true(strata_isa_available(STRATA_ISA_GENERIC));
  assert_false(strata_isa_available((strata_isa)42));
#if defined(__x86_64__)
  __builtin_cpu_init();
  assert_false(strata_isa_available(STRATA_ISA_NEON));
  assert_int_equal(strata_isa_available(STRATA_ISA_SSE2) != 0, built("sse2"));
  assert_int_equal(strata_isa_available(STRATA_ISA_AVX2) != 0,
                   built("avx2") && __builtin_cpu_supports("avx2") &&
                       __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi2"));
  if (strata_isa_available(STRATA_ISA_AVX512))
    assert_true(built("avx512") && __builtin_cpu_supports("avx512bw"));
  else
    assert_false(built("avx512") && __builtin_cpu_supports("avx512bw") &&
                 __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
                 __builtin_cpu_supports("avx512cd"));
#endif
}

/* With STRATA_ISA unset, AUTO is the best runnable ISA; set to a runnable name, exactly that ISA;
   set to anything else (junk, empty, an ISA this CPU lacks), every call that resolves an ISA
   fails with STRATA_ERR_UNSUPPORTED while the ISA-free layers still run. */
static void test_isa_override_and_what_ran(void **state) {
  (void)state;
  const char *forced = getenv("STRATA_ISA");
  uint8_t buf[100] = {1, 2, 3};
  const strata_exec data = {STRATA_LAYER_DATA, STRATA_ISA_AUTO, 0};
  const strata_exec task = {STRATA_LAYER_TASK, STRATA_ISA_AUTO, 2};
  const strata_exec scalar = {STRATA_LAYER_SCALAR, STRATA_ISA_AUTO, 0};
  strata_isa want;
  if (!forced) {
    want = strata_best_isa();
    assert_int_not_equal(want, STRATA_ISA_AUTO);
    for (int i = want + 1; i <= STRATA_ISA_AVX512 && want != STRATA_ISA_NEON; i++)
      assert_false(strata_isa_available((strata_isa)i));
  } else {
    want = isa_from_name(forced);
    if (want == STRATA_ISA_AUTO || !strata_isa_available(want)) {
      assert_int_equal(strata_best_isa(), STRATA_ISA_AUTO);
      assert_false(strata_isa_available(STRATA_ISA_AUTO));
      assert_int_equal(strata_brighten_u8(buf, buf, sizeof buf, 1), STRATA_ERR_UNSUPPORTED);
      assert_int_equal(strata_brighten_u8_ex(buf, buf, sizeof buf, 1, &data),
                       STRATA_ERR_UNSUPPORTED);
      assert_int_equal(strata_brighten_u8_ex(buf, buf, sizeof buf, 1, &task),
                       STRATA_ERR_UNSUPPORTED);
      assert_int_equal(buf[0], 1); /* nothing written */
      assert_int_equal(strata_brighten_u8_ex(buf, buf, sizeof buf, 1, &scalar), STRATA_OK);
      assert_int_equal(buf[0], 2);
      return;
    }
    assert_int_equal(strata_best_isa(), want);
  }
  assert_int_equal(strata_brighten_u8_ex(buf, buf, sizeof buf, 1, &data), STRATA_OK);
  strata_exec ran = strata_last_exec();
  assert_int_equal(ran.layer, STRATA_LAYER_DATA);
  assert_int_equal(ran.isa, want);
  assert_int_equal(ran.threads, 1);
  if (strata_brighten_u8_ex(buf, buf, sizeof buf, 1, &task) == STRATA_OK) {
    ran = strata_last_exec();
    assert_int_equal(ran.layer, STRATA_LAYER_TASK);
    assert_int_equal(ran.isa, want);
    assert_int_equal(ran.threads, 2);
  }
  assert_int_equal(strata_brighten_u8(buf, buf, sizeof buf, 1), STRATA_OK);
  assert_int_equal(strata_last_exec().isa, want);
  /* An explicit ISA that the CPU runs is honoured, whatever the override says. */
  const strata_exec generic = {STRATA_LAYER_DATA, STRATA_ISA_GENERIC, 0};
  assert_int_equal(strata_brighten_u8_ex(buf, buf, sizeof buf, 1, &generic), STRATA_OK);
  assert_int_equal(strata_last_exec().isa, STRATA_ISA_GENERIC);
  assert_int_equal(strata_brighten_u8_ex(buf, buf, sizeof buf, 1, &scalar), STRATA_OK);
  assert_int_equal(strata_last_exec().layer, STRATA_LAYER_SCALAR);
}

static void test_default_threads(void **state) {
  (void)state;
  const char *env = getenv("STRATA_NUM_THREADS");
  int t = strata_default_threads();
  assert_true(t >= 1 && t <= STRATA_MAX_THREADS);
  if (env && atoi(env) > 0 && atoi(env) <= STRATA_MAX_THREADS) assert_int_equal(t, atoi(env));
}

static void test_exec_validation(void **state) {
  (void)state;
  uint8_t buf[16] = {7};
  const strata_exec bad[] = {
      {(strata_layer)6, STRATA_ISA_AUTO, 0},      {(strata_layer)-1, STRATA_ISA_AUTO, 0},
      {STRATA_LAYER_SCALAR, (strata_isa)6, 0},    {STRATA_LAYER_SCALAR, (strata_isa)-3, 0},
      {STRATA_LAYER_SCALAR, STRATA_ISA_AUTO, -1}, {STRATA_LAYER_TASK, STRATA_ISA_AUTO, -5},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    assert_int_equal(strata_brighten_u8_ex(buf, buf, sizeof buf, 1, &bad[i]), STRATA_ERR_ARG);
    assert_int_equal(strata_brighten_u8_ex(NULL, NULL, 0, 1, &bad[i]), STRATA_ERR_ARG);
  }
  assert_int_equal(buf[0], 7);
  /* brighten has no instruction-level variant */
  const strata_exec ilp = {STRATA_LAYER_INSTRUCTION, STRATA_ISA_AUTO, 0};
  assert_int_equal(strata_brighten_u8_ex(buf, buf, sizeof buf, 1, &ilp), STRATA_ERR_UNSUPPORTED);
  /* an ISA this build or CPU cannot run */
  for (int i = STRATA_ISA_GENERIC; i <= STRATA_ISA_NEON; i++) {
    const strata_exec e = {STRATA_LAYER_DATA, (strata_isa)i, 0};
    const strata_status want =
        strata_isa_available((strata_isa)i) ? STRATA_OK : STRATA_ERR_UNSUPPORTED;
    assert_int_equal(strata_brighten_u8_ex(buf, buf, sizeof buf, 0, &e), want);
  }
  /* single-threaded layers ignore threads (but check it); TASK clamps huge counts */
  const strata_exec scalar_threads = {STRATA_LAYER_SCALAR, STRATA_ISA_AUTO, 1000};
  assert_int_equal(strata_brighten_u8_ex(buf, buf, sizeof buf, 1, &scalar_threads), STRATA_OK);
  assert_int_equal(strata_last_exec().threads, 1);
  const strata_exec huge = {STRATA_LAYER_TASK, STRATA_ISA_GENERIC, 1 << 30};
  const strata_status s = strata_brighten_u8_ex(buf, buf, sizeof buf, 1, &huge);
  if (s == STRATA_OK) {
    assert_int_equal(strata_last_exec().threads, STRATA_MAX_THREADS);
    assert_int_equal(buf[0], 9);
  } else {
    assert_int_equal(s, STRATA_ERR_UNSUPPORTED); /* built without OpenMP */
    assert_int_equal(buf[0], 8);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_names),
      cmocka_unit_test(test_isa_availability),
      cmocka_unit_test(test_isa_override_and_what_ran),
      cmocka_unit_test(test_default_threads),
      cmocka_unit_test(test_exec_validation),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
