/* Concurrency: (1) many application threads (pthreads) calling data-, task- and auto-layer
   kernels of the kernel table at once, each on its own buffers, every result checked against
   the scalar layer and every thread's strata_last_exec() checked to be its own; (2) calls made
   from inside the application's own OpenMP parallel region: AUTO stays on one thread there, an
   explicit TASK request gets a nested team (of one thread under the default max-active-levels),
   results are exact, nothing deadlocks, and no new threads are created by the nested calls.
   A watchdog turns a deadlock into a failure. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "kernel_table.h"
#include "testutil.h"

#define APP_THREADS 8
#define ROUNDS 24

static int threads_in_process(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  int n = -1;
  while (f && fgets(line, sizeof line, f))
    if (sscanf(line, "Threads: %d", &n) == 1) break;
  if (f) fclose(f);
  return n;
}

typedef struct worker {
  int id;
  const strata_isa *isas;
  size_t nisa;
  int task_calls;  /* how many of its calls ran on the task layer */
  int peak;        /* most threads seen in the process after one of its calls */
  char error[256]; /* empty: all good */
} worker;

/* strata_last_exec() reports an ISA only for the layers that use one. */
static int uses_isa(strata_layer l) {
  return l == STRATA_LAYER_DATA || l == STRATA_LAYER_TASK;
}

/* One round: a kernel, an execution, a size (small or large enough for AUTO to go parallel). */
static void *work(void *arg) {
  worker *w = arg;
  uint64_t seed = 1000 + (uint64_t)w->id;
  const kt_kernel *const *ks;
  const size_t nk = kt_kernels(NULL, &ks);
  for (int r = 0; r < ROUNDS && !w->error[0]; r++) {
    const kt_kernel *k = ks[tu_rand(&seed) % nk];
    strata_exec execs[KT_MAX_EXECS];
    const size_t nexec = kt_execs(k->layers, w->isas, w->nisa, execs);
    const strata_exec e = execs[tu_rand(&seed) % nexec];
    kt_args a = {.n = (r % 3 == 0) ? (1u << 20) + (size_t)w->id : tu_rand(&seed) % 5000};
    if (a.n < k->min_n) a.n = k->min_n;
    kt_random_geometry(&a, tu_rand(&seed));
    for (int i = 0; i < 4; i++) a.bits[i] = tu_rand(&seed);
    k->valid(&a);
    kt_spans sp = {0};
    k->spans(&a, &sp);
    const size_t out_bytes = sp.out, rb = sp.result, *in_bytes = sp.in;
    uint8_t *in[KT_MAX_IN] = {0};
    kt_bufs got = {malloc(out_bytes + 1), rb ? malloc(rb) : NULL, {0}};
    kt_bufs want = {malloc(out_bytes + 1), rb ? malloc(rb) : NULL, {0}};
    for (unsigned i = 0; i < k->inputs; i++) {
      in[i] = malloc(in_bytes[i] + 1);
      tu_fill(in[i], in_bytes[i], &seed);
      if (k->shape) k->shape(in[i], in_bytes[i], i);
      got.in[i] = want.in[i] = in[i];
    }
    tu_fill(got.out, out_bytes, &seed);
    if (k->shape) k->shape(got.out, out_bytes, KT_MAX_IN);
    memcpy(want.out, got.out, out_bytes);
    if (rb) {
      tu_fill(got.result, rb, &seed);
      memcpy(want.result, got.result, rb);
    }
    strata_status s1 = k->call(&want, &a, &kt_scalar);
    strata_status s2 = k->call(&got, &a, &e);
    const strata_exec ran = strata_last_exec();
    const int now = threads_in_process();
    w->peak = now > w->peak ? now : w->peak;
    w->task_calls += s2 == STRATA_OK && ran.layer == STRATA_LAYER_TASK && ran.threads > 1;
    if (s1 != STRATA_OK || s2 != STRATA_OK)
      snprintf(w->error, sizeof w->error, "%s %s n=%zu: status %d/%d", k->name, kt_exec_name(&e),
               a.n, s1, s2);
    else if (!kt_same(k, &got, &want, &a, &sp))
      snprintf(w->error, sizeof w->error, "%s %s n=%zu: differs from scalar", k->name,
               kt_exec_name(&e), a.n);
    else if ((e.layer != STRATA_LAYER_AUTO && ran.layer != e.layer) ||
             (e.isa != STRATA_ISA_AUTO && ran.isa != e.isa && uses_isa(ran.layer)) ||
             (e.layer == STRATA_LAYER_TASK && ran.threads != e.threads)) {
      char asked[48];
      snprintf(asked, sizeof asked, "%s", kt_exec_name(&e));
      snprintf(w->error, sizeof w->error, "%s %s: strata_last_exec() says %s (another thread's?)",
               k->name, asked, kt_exec_name(&ran));
    }
    for (unsigned i = 0; i < k->inputs; i++) free(in[i]);
    free(got.out);
    free(got.result);
    free(want.out);
    free(want.result);
  }
  return NULL;
}

static void test_many_app_threads(void **state) {
  (void)state;
  strata_isa isas[8];
  const size_t nisa = kt_isas(isas);
  pthread_t t[APP_THREADS];
  worker w[APP_THREADS];
  for (int i = 0; i < APP_THREADS; i++) {
    w[i] = (worker){.id = i, .isas = isas, .nisa = nisa};
    assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
  }
  for (int i = 0; i < APP_THREADS; i++) assert_int_equal(pthread_join(t[i], NULL), 0);
  int task_calls = 0, peak = 0;
  for (int i = 0; i < APP_THREADS; i++) {
    if (w[i].error[0]) fail_msg("application thread %d: %s", i, w[i].error);
    task_calls += w[i].task_calls;
    peak = w[i].peak > peak ? w[i].peak : peak;
  }
  printf("%d application threads x %d calls (%d on the task layer): ok; peak %d threads in the "
         "process\n",
         APP_THREADS, ROUNDS, task_calls, peak);
  /* Each application thread leads at most one team, of at most 3 threads (the most kt_execs
     asks for) or the default count (AUTO): no explosion. */
  const int team = strata_default_threads() > 3 ? strata_default_threads() : 3;
  assert_true(peak <= 1 + APP_THREADS * team + 2);
  if (kt_task_supported()) assert_true(task_calls > 0);
}

/* Calls from inside the application's own parallel region. */
static void test_inside_omp_region(void **state) {
  (void)state;
#ifdef _OPENMP
  if (!kt_task_supported()) skip();
  const size_t n = (4u << 20) + 3; /* far above brighten's AUTO task threshold */
  uint8_t *src = malloc(n), *want = malloc(n);
  uint64_t seed = 3;
  assert_true(src && want);
  tu_fill(src, n, &seed);
  assert_int_equal(strata_brighten_u8_ex(want, src, n, 17, &kt_scalar), STRATA_OK);
  /* warm up the application's team, then count threads */
#pragma omp parallel num_threads(2)
  { (void)omp_get_thread_num(); }
  const int before = threads_in_process();
  int errors = 0, auto_parallel = 0, nested_team = 0;
#pragma omp parallel num_threads(2) reduction(+ : errors, auto_parallel, nested_team)
  {
    uint8_t *dst = malloc(n);
    const strata_exec task = {STRATA_LAYER_TASK, STRATA_ISA_AUTO, 2};
    for (int r = 0; r < 3 && dst; r++) {
      memset(dst, 0, n);
      errors += strata_brighten_u8(dst, src, n, 17) != STRATA_OK || memcmp(dst, want, n) != 0;
      const strata_exec ran = strata_last_exec();
      auto_parallel += ran.layer == STRATA_LAYER_TASK || ran.threads != 1;
      memset(dst, 0, n);
      errors +=
          strata_brighten_u8_ex(dst, src, n, 17, &task) != STRATA_OK || memcmp(dst, want, n) != 0;
      nested_team += omp_get_max_active_levels() > 1;
    }
    errors += dst == NULL;
    free(dst);
  }
  const int after = threads_in_process();
  printf("inside an OpenMP region: threads in process %d before, %d after; max-active-levels %d\n",
         before, after, omp_get_max_active_levels());
  assert_int_equal(errors, 0);
  assert_int_equal(auto_parallel, 0); /* AUTO never forks inside a parallel region */
  if (nested_team == 0) assert_int_equal(after, before); /* TASK got a team of one */
  free(src);
  free(want);
#else
  skip();
#endif
}

static void on_alarm(int sig) {
  (void)sig;
  static const char msg[] = "test_concurrency: still running after 300 s: deadlock?\n";
  ssize_t r = write(2, msg, sizeof msg - 1);
  (void)r;
  _exit(1);
}

int main(void) {
  int skip = tu_skip_unrunnable_isa();
  if (skip) return skip;
  signal(SIGALRM, on_alarm);
  alarm(300);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_many_app_threads),
      cmocka_unit_test(test_inside_omp_region),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
