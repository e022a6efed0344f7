/* strata/mpn.h: multi-word (big integer) addition and subtraction. See API.md section 5 and
   docs/mpn.md. Numbers are arrays of 64-bit limbs, least significant first (as GMP's mpn layer).
   Rules shared by every function here:
   - r may be exactly a and/or b (in place); any other overlap of r, a, b and the carry output(s)
     is STRATA_ERR_OVERLAP.
   - NULL with a non-zero limb count is STRATA_ERR_NULL; n * 8 bytes above PTRDIFF_MAX (or
     overflowing size_t) is STRATA_ERR_SIZE. A call that returns an error has written nothing.
   - Limb arrays and carry outputs need no alignment (API.md section 2), as everywhere.
   - Carry/borrow outputs are 0 or 1 and may be NULL when not wanted.
   - Layers: add_n and sub_n have SCALAR, BIT, INSTRUCTION, DATA and TASK; add_1 and sub_1 have
     SCALAR and DATA; add_batch has SCALAR, INSTRUCTION, DATA and TASK. Any other layer returns
     STRATA_ERR_UNSUPPORTED. AUTO picks by size (docs/mpn.md). */
#ifndef STRATA_MPN_H
#define STRATA_MPN_H

#include "strata/exec.h"

#ifdef __cplusplus
extern "C" {
#endif

/** r = a + b over n limbs; *carry (if carry is not NULL) = the carry out of the top limb, 0 or 1.
    n = 0 is valid and sets *carry = 0. */
STRATA_API strata_status strata_mpn_add_n(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                          size_t n, uint64_t *carry);
/** strata_mpn_add_n with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_mpn_add_n_ex(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                             size_t n, uint64_t *carry, const strata_exec *exec);

/** r = a - b over n limbs (modulo 2^(64n)); *borrow (if not NULL) = the borrow out of the top
    limb, 0 or 1 (1 when a < b). n = 0 is valid and sets *borrow = 0. */
STRATA_API strata_status strata_mpn_sub_n(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                          size_t n, uint64_t *borrow);
/** strata_mpn_sub_n with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_mpn_sub_n_ex(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                             size_t n, uint64_t *borrow, const strata_exec *exec);

/** r = a + b where a has n limbs and b is one limb; *carry (if not NULL) = the carry out of the
    top limb. n must be at least 1, else STRATA_ERR_ARG. */
STRATA_API strata_status strata_mpn_add_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t b,
                                          uint64_t *carry);
/** strata_mpn_add_1 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_mpn_add_1_ex(uint64_t *r, const uint64_t *a, size_t n, uint64_t b,
                                             uint64_t *carry, const strata_exec *exec);

/** r = a - b where a has n limbs and b is one limb; *borrow (if not NULL) = the borrow out of the
    top limb. n must be at least 1, else STRATA_ERR_ARG. */
STRATA_API strata_status strata_mpn_sub_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t b,
                                          uint64_t *borrow);
/** strata_mpn_sub_1 with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_mpn_sub_1_ex(uint64_t *r, const uint64_t *a, size_t n, uint64_t b,
                                             uint64_t *borrow, const strata_exec *exec);

/** `count` independent additions of `limbs`-limb numbers stored back to back: number k is
    r[k*limbs ..] = a[k*limbs ..] + b[k*limbs ..], and carries[k] (if carries is not NULL) is its
    carry out, 0 or 1. limbs = 0 is valid: every carry is 0. limbs * count * 8 bytes and count
    must not exceed PTRDIFF_MAX (else STRATA_ERR_SIZE); carries must not overlap r, a or b. */
STRATA_API strata_status strata_mpn_add_batch(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                              size_t limbs, size_t count, uint8_t *carries);
/** strata_mpn_add_batch with explicit execution settings (NULL: defaults). */
STRATA_API strata_status strata_mpn_add_batch_ex(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                                 size_t limbs, size_t count, uint8_t *carries,
                                                 const strata_exec *exec);

#ifdef __cplusplus
}
#endif

#endif
