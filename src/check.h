/* Argument checks shared by the public entry points (API.md section 2). */
#ifndef STRATA_SRC_CHECK_H
#define STRATA_SRC_CHECK_H

#include <stddef.h>
#include <stdint.h>

/* Non-zero when the byte ranges [a, a + na) and [b, b + nb) share a byte and are not the very
   same range (same start, same length: the in-place case). Empty ranges overlap nothing. */
static inline int strata_overlaps(const void *a, size_t na, const void *b, size_t nb) {
  const uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
  if (na == 0 || nb == 0) return 0;
  if (x == y && na == nb) return 0;
  return x - y < nb || y - x < na; /* see strata_touches */
}

/* Non-zero when the ranges share any byte at all (for outputs that may never alias).
   The distances are taken modulo the address space and no end is computed: for ranges that fit
   below the top of memory this is the plain interval test, and a range too long to exist (one
   whose end would wrap past the top, say n = SIZE_MAX) overlaps every other buffer, so it is
   refused instead of being run off the end of memory. */
static inline int strata_touches(const void *a, size_t na, const void *b, size_t nb) {
  const uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;
  return na != 0 && nb != 0 && (x - y < nb || y - x < na);
}

/* The largest byte count a buffer can have. No C object is larger than PTRDIFF_MAX bytes (the
   difference of two pointers into it must fit ptrdiff_t, and malloc refuses more), so a count of
   more bytes cannot describe a real buffer: it is STRATA_ERR_SIZE (an addition to API.md
   section 2; it also closes the one case the overlap rules cannot catch, a single input of
   2^63 bytes or more next to a small result). */
#define STRATA_MAX_BYTES ((size_t)PTRDIFF_MAX)

/* *out = a * b; non-zero when that overflows size_t or exceeds STRATA_MAX_BYTES. */
static inline int strata_mul_overflows(size_t a, size_t b, size_t *out) {
  return __builtin_mul_overflow(a, b, out) || *out > STRATA_MAX_BYTES;
}

/* *out = a + b; non-zero when that overflows size_t or exceeds STRATA_MAX_BYTES. */
static inline int strata_add_overflows(size_t a, size_t b, size_t *out) {
  return __builtin_add_overflow(a, b, out) || *out > STRATA_MAX_BYTES;
}

#endif
