/* The kernel table's registry and the execution lists; see kernel_table.h. */
#include "kernel_table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One line per public kernel; the rows live in kernel_table_<family>.c. */
extern const kt_kernel kt_brighten_u8, kt_brighten_image_u8, kt_gain_bias_u8, kt_gain_bias_image_u8,
    kt_lut_u8, kt_binary, kt_binary_bit, kt_binary_scalar, kt_binary_scalar_bit, kt_fma_f32,
    kt_fma_f64, kt_axpy_f32, kt_axpy_f64, kt_sum_f32, kt_sum_f64, kt_dot_f32, kt_dot_f64,
    kt_sum_i32, kt_sum_u8, kt_mpn_add_n, kt_mpn_sub_n, kt_mpn_add_1, kt_mpn_sub_1, kt_mpn_add_batch;

static const kt_kernel *const all_kernels[] = {
    /* image */
    &kt_brighten_u8,
    &kt_brighten_image_u8,
    &kt_gain_bias_u8,
    &kt_gain_bias_image_u8,
    &kt_lut_u8,
    /* arith */
    &kt_binary,
    &kt_binary_bit,
    &kt_binary_scalar,
    &kt_binary_scalar_bit,
    &kt_fma_f32,
    &kt_fma_f64,
    &kt_axpy_f32,
    &kt_axpy_f64,
    &kt_sum_f32,
    &kt_sum_f64,
    &kt_dot_f32,
    &kt_dot_f64,
    &kt_sum_i32,
    &kt_sum_u8,
    /* mpn */
    &kt_mpn_add_n,
    &kt_mpn_sub_n,
    &kt_mpn_add_1,
    &kt_mpn_sub_1,
    &kt_mpn_add_batch,
};

size_t kt_kernels(const char *family, const kt_kernel *const **out) {
  static _Thread_local const kt_kernel *picked[sizeof all_kernels / sizeof *all_kernels];
  size_t k = 0;
  for (size_t i = 0; i < sizeof all_kernels / sizeof *all_kernels; i++)
    if (!family || strcmp(family, all_kernels[i]->family) == 0) picked[k++] = all_kernels[i];
  *out = picked;
  return k;
}

int kt_same(const kt_kernel *k, const kt_bufs *got, const kt_bufs *want, const kt_args *a,
            const kt_spans *s) {
  if (k->same) return k->same(got, want, a);
  if (s->out && memcmp(got->out, want->out, s->out) != 0) return 0;
  return !s->result || !got->result || !want->result ||
         memcmp(got->result, want->result, s->result) == 0;
}

const strata_exec kt_scalar = {STRATA_LAYER_SCALAR, STRATA_ISA_AUTO, 0};

void kt_random_geometry(kt_args *a, uint64_t r) {
  a->rows = (size_t)(r % 17);
  a->pad[0] = (size_t)(r >> 8 & 63);
  a->pad[1] = (size_t)(r >> 16 & 63);
  a->channels = (unsigned)(r >> 24 & 0xFF);
}

size_t kt_isas(strata_isa out[8]) {
  size_t k = 0;
  if (getenv("STRATA_ISA")) {
    if (strata_best_isa() != STRATA_ISA_AUTO) out[k++] = strata_best_isa();
    return k;
  }
  for (int i = STRATA_ISA_GENERIC; i <= STRATA_ISA_NEON; i++)
    if (strata_isa_available((strata_isa)i)) out[k++] = (strata_isa)i;
  return k;
}

int kt_task_supported(void) {
  const strata_exec task = {STRATA_LAYER_TASK, STRATA_ISA_GENERIC, 1};
  return strata_brighten_u8_ex(NULL, NULL, 0, 0, &task) == STRATA_OK;
}

size_t kt_execs(unsigned layers, const strata_isa *isas, size_t nisa,
                strata_exec out[KT_MAX_EXECS]) {
  static const strata_layer plain[] = {STRATA_LAYER_SCALAR, STRATA_LAYER_BIT,
                                       STRATA_LAYER_INSTRUCTION};
  const int task = (layers & KT_LAYER(STRATA_LAYER_TASK)) && kt_task_supported();
  size_t k = 0;
  for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
    if (layers & KT_LAYER(plain[i])) out[k++] = (strata_exec){plain[i], STRATA_ISA_AUTO, 0};
  for (size_t i = 0; i < nisa && k + 5 < KT_MAX_EXECS; i++) {
    if (layers & KT_LAYER(STRATA_LAYER_DATA))
      out[k++] = (strata_exec){STRATA_LAYER_DATA, isas[i], 0};
    for (int t = 1; task && t <= 3; t++) out[k++] = (strata_exec){STRATA_LAYER_TASK, isas[i], t};
    out[k++] = (strata_exec){STRATA_LAYER_AUTO, isas[i], 0};
  }
  out[k++] = (strata_exec){STRATA_LAYER_AUTO, STRATA_ISA_AUTO, 0};
  return k;
}

const char *kt_exec_name(const strata_exec *e) {
  static _Thread_local char name[48];
  if (e->layer == STRATA_LAYER_TASK)
    snprintf(name, sizeof name, "task/%d/%s", e->threads, strata_isa_name(e->isa));
  else if (e->layer == STRATA_LAYER_DATA || e->layer == STRATA_LAYER_AUTO)
    snprintf(name, sizeof name, "%s/%s", strata_layer_name(e->layer), strata_isa_name(e->isa));
  else
    snprintf(name, sizeof name, "%s", strata_layer_name(e->layer));
  return name;
}
