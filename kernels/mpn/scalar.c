/* Multi-word addition, scalar layer: the specification. One limb per step; the carry (borrow)
   out of a limb comes from comparisons, never from intrinsics or wider types. Compiled without
   vectorization. Any alignment of the limb arrays; r may equal a and/or b (each limb is read
   before it is written); reads and writes exactly the limbs given. */
#include "mpn.h"

uint64_t strata_mpn_add_n_scalar(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n) {
  uint64_t carry = 0;
  for (size_t i = 0; i < n; i++) {
    const uint64_t x = limb_get(a, i), s = x + limb_get(b, i), t = s + carry;
    carry = (s < x) | (t < s);
    limb_set(r, i, t);
  }
  return carry;
}

uint64_t strata_mpn_sub_n_scalar(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n) {
  uint64_t borrow = 0;
  for (size_t i = 0; i < n; i++) {
    const uint64_t x = limb_get(a, i), y = limb_get(b, i), d = x - y, t = d - borrow;
    borrow = (x < y) | (d < borrow);
    limb_set(r, i, t);
  }
  return borrow;
}

uint64_t strata_mpn_add_1_scalar(uint64_t *r, const uint64_t *a, size_t n, uint64_t b) {
  uint64_t carry = b;
  for (size_t i = 0; i < n; i++) {
    const uint64_t t = limb_get(a, i) + carry;
    carry = t < carry;
    limb_set(r, i, t);
  }
  return carry;
}

uint64_t strata_mpn_sub_1_scalar(uint64_t *r, const uint64_t *a, size_t n, uint64_t b) {
  uint64_t borrow = b;
  for (size_t i = 0; i < n; i++) {
    const uint64_t x = limb_get(a, i);
    limb_set(r, i, x - borrow);
    borrow = x < borrow;
  }
  return borrow;
}

void strata_mpn_add_batch_scalar(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t limbs,
                                 size_t count, uint8_t *carries) {
  for (size_t k = 0; k < count; k++) {
    const uint64_t c = strata_mpn_add_n_scalar(r + k * limbs, a + k * limbs, b + k * limbs, limbs);
    if (carries) carries[k] = (uint8_t)c;
  }
}
