/* Test helpers shared by every family's tests: random fills, buffers with sentinel bytes on
   both sides, the standard list of lengths, misalignments, and the layer variants to run. */
#ifndef STRATA_TESTUTIL_H
#define STRATA_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "strata/strata.h"

/* The widest vector any ISA uses, in bytes (AVX-512). Lengths 0..3W+1 cover every tail. */
#define TU_W 64
/* Sentinel bytes kept on each side of a tu_buf, and their value. */
#define TU_GUARD 64
#define TU_SENTINEL 0xA5

typedef struct tu_buf {
  uint8_t *base; /* allocation */
  uint8_t *p;    /* the usable bytes: base + TU_GUARD + misalign */
  size_t n;      /* usable bytes */
  size_t misalign;
} tu_buf;

/* A buffer of n usable bytes starting `misalign` bytes past a 64-byte boundary, filled with
   random bytes, with TU_GUARD sentinel bytes before and after. */
tu_buf tu_buf_new(size_t n, size_t misalign, uint64_t *seed);
/* Fails the test if a sentinel byte before or after the usable bytes changed. */
void tu_buf_check(const tu_buf *b);
void tu_buf_free(tu_buf *b);

uint64_t tu_rand(uint64_t *state);
void tu_fill(void *p, size_t n, uint64_t *state);

/* Lengths 0..3*TU_W+1, then a few large ones (a page and a bit, 64 KiB + 7, 1 MiB + 13).
   Returns how many it wrote to out (which holds at least TU_MAX_LENGTHS). */
#define TU_MAX_LENGTHS 256
size_t tu_lengths(size_t *out);

/* Every execution variant a kernel may support: SCALAR, BIT, INSTRUCTION, DATA, TASK with 1, 2
   and 3 threads (left out when built without OpenMP), and AUTO. ISA is AUTO, which the suite's
   STRATA_ISA environment forces. */
size_t tu_variants(const strata_exec **out);
/* "data", "task/2", ... for messages. */
const char *tu_variant_name(const strata_exec *e);

/* For main(): when STRATA_ISA names an ISA this CPU cannot run, print why and return 77 (which
   ctest reports as skipped); otherwise return 0. */
int tu_skip_unrunnable_isa(void);

#endif
