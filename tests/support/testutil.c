#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint64_t tu_rand(uint64_t *state) {
  /* splitmix64: good enough, and the same sequence on every platform. */
  uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));
  z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
  return z ^ (z >> 31);
}

void tu_fill(void *p, size_t n, uint64_t *state) {
  uint8_t *b = p;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t r = tu_rand(state);
    memcpy(b + i, &r, 8);
  }
  if (i < n) {
    uint64_t r = tu_rand(state);
    memcpy(b + i, &r, n - i);
  }
}

tu_buf tu_buf_new(size_t n, size_t misalign, uint64_t *seed) {
  tu_buf b = {0};
  size_t total = TU_GUARD + misalign + n + TU_GUARD;
  total = (total + 63) / 64 * 64;
  b.base = aligned_alloc(64, total);
  assert_non_null(b.base);
  memset(b.base, TU_SENTINEL, total);
  b.p = b.base + TU_GUARD + misalign;
  b.n = n;
  b.misalign = misalign;
  tu_fill(b.p, n, seed);
  return b;
}

void tu_buf_check(const tu_buf *b) {
  for (size_t i = 0; i < TU_GUARD + b->misalign; i++)
    if (b->base[i] != TU_SENTINEL) fail_msg("sentinel byte %zu before the buffer was written", TU_GUARD + b->misalign - i);
  for (size_t i = 0; i < TU_GUARD; i++)
    if (b->p[b->n + i] != TU_SENTINEL) fail_msg("sentinel byte %zu past the end was written", i);
}

void tu_buf_free(tu_buf *b) {
  free(b->base);
  b->base = b->p = NULL;
}

size_t tu_lengths(size_t *out) {
  size_t k = 0;
  for (size_t n = 0; n <= 3 * TU_W + 1; n++) out[k++] = n;
  static const size_t large[] = {4096 + 3, 65536 + 7, (1u << 20) + 13};
  for (size_t i = 0; i < sizeof large / sizeof *large; i++) out[k++] = large[i];
  return k;
}

static const strata_exec variants[] = {
    {STRATA_LAYER_SCALAR, STRATA_ISA_AUTO, 0}, {STRATA_LAYER_BIT, STRATA_ISA_AUTO, 0},
    {STRATA_LAYER_INSTRUCTION, STRATA_ISA_AUTO, 0}, {STRATA_LAYER_DATA, STRATA_ISA_AUTO, 0},
    {STRATA_LAYER_TASK, STRATA_ISA_AUTO, 1}, {STRATA_LAYER_TASK, STRATA_ISA_AUTO, 2},
    {STRATA_LAYER_TASK, STRATA_ISA_AUTO, 3}, {STRATA_LAYER_AUTO, STRATA_ISA_AUTO, 0},
};

size_t tu_variants(const strata_exec **out) {
  /* Built without OpenMP (STRATA_OPENMP=OFF) the task layer reports STRATA_ERR_UNSUPPORTED, so
     the TASK variants are left out (tests/test_hostile.c checks that status). */
  static _Thread_local strata_exec picked[sizeof variants / sizeof *variants];
  const strata_exec task = {STRATA_LAYER_TASK, STRATA_ISA_GENERIC, 1};
  const int has_task = strata_brighten_u8_ex(NULL, NULL, 0, 0, &task) == STRATA_OK;
  size_t k = 0;
  for (size_t i = 0; i < sizeof variants / sizeof *variants; i++)
    if (has_task || variants[i].layer != STRATA_LAYER_TASK) picked[k++] = variants[i];
  *out = picked;
  return k;
}

const char *tu_variant_name(const strata_exec *e) {
  static _Thread_local char name[32];
  if (e->layer == STRATA_LAYER_TASK)
    snprintf(name, sizeof name, "task/%d", e->threads);
  else
    snprintf(name, sizeof name, "%s", strata_layer_name(e->layer));
  return name;
}

int tu_skip_unrunnable_isa(void) {
  const char *forced = getenv("STRATA_ISA");
  if (forced && strata_best_isa() == STRATA_ISA_AUTO) {
    printf("skipped: STRATA_ISA=%s is not an ISA this build and CPU can run\n", forced);
    return 77;
  }
  return 0;
}
