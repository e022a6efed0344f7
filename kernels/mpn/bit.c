/* Multi-word addition, bit layer: the carry chain becomes one integer addition per block of 64
   limbs. For each limb of a block the plain sum s[i] = a[i] + b[i] is stored at once, and two bits
   are kept: generate g[i] (the sum wrapped, so limb i sends a carry up) and propagate p[i] (the
   sum is all ones, so a carry arriving at limb i passes through). g and p are never both set.
   The carries arriving at every limb of the block are then, all 64 at once,
       c = ((g << 1 | carry_in) + p) ^ p
   because adding p to a set bit of (g << 1 | carry_in) ripples it through exactly the run of
   propagating limbs above it. The carry out of the block is g[63] or the overflow of that
   addition (or bit m of c for a short block of m limbs). A second pass adds c[i] to r[i].
   Subtraction is the same with borrows: g[i] = a[i] < b[i], p[i] = (difference == 0).
   Any alignment; r may equal a and/or b (a limb of a and b is read before r's limb is written,
   and the second pass reads only r); reads and writes exactly n limbs. */
#include "mpn.h"

#define BLOCK 64

/* Resolves the carries of a block of m <= 64 limbs: returns the mask of limbs receiving a carry
   and sets *out to the carry out of the block. */
static inline uint64_t resolve(uint64_t g, uint64_t p, uint64_t cin, size_t m, uint64_t *out) {
  uint64_t sum;
  const uint64_t overflow = __builtin_add_overflow(g << 1 | cin, p, &sum);
  const uint64_t c = sum ^ p;
  *out = m == BLOCK ? (g >> 63 | overflow) : (c >> m & 1);
  return m == BLOCK ? c : c & ((UINT64_C(1) << m) - 1);
}

uint64_t strata_mpn_add_n_bit(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n) {
  uint64_t carry = 0;
  for (size_t base = 0; base < n; base += BLOCK) {
    const size_t m = n - base < BLOCK ? n - base : BLOCK;
    uint64_t g = 0, p = 0;
    for (size_t i = 0; i < m; i++) {
      const uint64_t x = limb_get(a, base + i), s = x + limb_get(b, base + i);
      g |= (uint64_t)(s < x) << i;
      p |= (uint64_t)(s == UINT64_MAX) << i;
      limb_set(r, base + i, s);
    }
    const uint64_t c = resolve(g, p, carry, m, &carry);
    for (size_t i = 0; i < m; i++) limb_set(r, base + i, limb_get(r, base + i) + (c >> i & 1));
  }
  return carry;
}

uint64_t strata_mpn_sub_n_bit(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n) {
  uint64_t borrow = 0;
  for (size_t base = 0; base < n; base += BLOCK) {
    const size_t m = n - base < BLOCK ? n - base : BLOCK;
    uint64_t g = 0, p = 0;
    for (size_t i = 0; i < m; i++) {
      const uint64_t x = limb_get(a, base + i), y = limb_get(b, base + i), d = x - y;
      g |= (uint64_t)(x < y) << i;
      p |= (uint64_t)(d == 0) << i;
      limb_set(r, base + i, d);
    }
    const uint64_t c = resolve(g, p, borrow, m, &borrow);
    for (size_t i = 0; i < m; i++) limb_set(r, base + i, limb_get(r, base + i) - (c >> i & 1));
  }
  return borrow;
}
