/* Add two float arrays with an explicit layer and thread count, then check the result: every
   layer gives exactly the IEEE single-precision sums.
   Build: cc add_floats.c $(pkg-config --cflags --libs strata) */
#include <stdio.h>
#include <stdlib.h>

#include <strata/strata.h>

int main(void) {
  const size_t n = (size_t)1 << 20; /* 4 MiB per array: enough work for two threads */
  float *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), *sum = malloc(n * sizeof *sum);
  if (!a || !b || !sum) return 1;
  for (size_t i = 0; i < n; i++) {
    a[i] = (float)i * 0.5f;
    b[i] = 1.0f / (float)(i + 1);
  }

  /* The task layer: SIMD vectors (the ISA AUTO picks) on exactly 2 OpenMP threads. */
  strata_exec exec = {.layer = STRATA_LAYER_TASK, .isa = STRATA_ISA_AUTO, .threads = 2};
  strata_status s = strata_binary_ex(STRATA_OP_ADD, STRATA_F32, sum, a, b, n, &exec);
  if (s == STRATA_ERR_UNSUPPORTED) { /* strata built without OpenMP: one thread, SIMD */
    exec = (strata_exec){.layer = STRATA_LAYER_DATA};
    s = strata_binary_ex(STRATA_OP_ADD, STRATA_F32, sum, a, b, n, &exec);
  }
  if (s != STRATA_OK) {
    fprintf(stderr, "add: %s\n", strata_status_string(s));
    return 1;
  }
  const strata_exec ran = strata_last_exec();
  printf("added %zu floats on the %s layer, %s, %d thread(s)\n", n, strata_layer_name(ran.layer),
         strata_isa_name(ran.isa), ran.threads);

  /* The same with all defaults, through the typed shorthand, in place into a. */
  s = strata_add_f32(a, a, b, n);
  size_t wrong = 0;
  for (size_t i = 0; i < n; i++) wrong += a[i] != sum[i] || sum[i] != (float)i * 0.5f + b[i];
  printf("sum[3] = %g; %zu of %zu sums differ from plain C\n", sum[3], wrong, n);

  free(a);
  free(b);
  free(sum);
  return s == STRATA_OK && wrong == 0 ? 0 : 1;
}
