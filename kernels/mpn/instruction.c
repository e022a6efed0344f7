/* Multi-word addition, instruction layer: the carry flag chain, GMP's approach. On x86-64 every
   limb is one `adc` (`sbb`) through _addcarry_u64 (_subborrow_u64), which baseline x86-64 has
   (it is not ADX); the loop is unrolled x8 so that the loads, stores and loop control of eight
   limbs overlap the one-cycle carry chain. Elsewhere the same loop carries through
   __builtin_add_overflow / __builtin_sub_overflow.
   Any alignment; r may equal a and/or b (limb i of a and b is read before limb i of r is
   written); reads and writes exactly n limbs. */
#include "carry.h"
#include "mpn.h"

/* One adc chain, unrolled x8; OP is ADDC or SUBB. */
#define CHAIN(OP, r, a, b, n)                                                                      \
  do {                                                                                             \
    mpn_carry_t c = 0;                                                                                 \
    size_t i = 0;                                                                                  \
    for (; i + 8 <= n; i += 8) {                                                                   \
      c = OP(c, a[i + 0], b[i + 0], &r[i + 0]);                                                    \
      c = OP(c, a[i + 1], b[i + 1], &r[i + 1]);                                                    \
      c = OP(c, a[i + 2], b[i + 2], &r[i + 2]);                                                    \
      c = OP(c, a[i + 3], b[i + 3], &r[i + 3]);                                                    \
      c = OP(c, a[i + 4], b[i + 4], &r[i + 4]);                                                    \
      c = OP(c, a[i + 5], b[i + 5], &r[i + 5]);                                                    \
      c = OP(c, a[i + 6], b[i + 6], &r[i + 6]);                                                    \
      c = OP(c, a[i + 7], b[i + 7], &r[i + 7]);                                                    \
    }                                                                                              \
    for (; i < n; i++) c = OP(c, a[i], b[i], &r[i]);                                               \
    return c;                                                                                      \
  } while (0)

uint64_t strata_mpn_add_n_instruction(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                      size_t n) {
  CHAIN(ADDC, r, a, b, n);
}

uint64_t strata_mpn_sub_n_instruction(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                      size_t n) {
  CHAIN(SUBB, r, a, b, n);
}

void strata_mpn_add_batch_instruction(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                      size_t limbs, size_t count, uint8_t *carries) {
  for (size_t k = 0; k < count; k++) {
    const uint64_t c =
        strata_mpn_add_n_instruction(r + k * limbs, a + k * limbs, b + k * limbs, limbs);
    if (carries) carries[k] = (uint8_t)c;
  }
}
