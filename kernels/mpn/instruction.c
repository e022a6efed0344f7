/* Multi-word addition, instruction layer: the carry flag chain, GMP's approach. On x86-64 every
   limb is one `adc` (`sbb`) through _addcarry_u64 (_subborrow_u64), which baseline x86-64 has
   (it is not ADX); the loop is unrolled x16 so that the loads, stores and loop control of sixteen
   limbs overlap the one-cycle carry chain. Elsewhere the same loop carries through
   __builtin_add_overflow / __builtin_sub_overflow.
   Any alignment; r may equal a and/or b (limb i of a and b is read before limb i of r is
   written); reads and writes exactly n limbs. */
#include "carry.h"
#include "mpn.h"

/* One adc chain, unrolled x16; OP is ADDC or SUBB. */
#define STEP(OP, k) c = OP(c, a[i + k], b[i + k], &r[i + k])
#define CHAIN(OP, r, a, b, n)                                                                      \
  do {                                                                                             \
    mpn_carry_t c = 0;                                                                             \
    size_t i = 0;                                                                                  \
    for (; i + 16 <= n; i += 16) {                                                                 \
      STEP(OP, 0), STEP(OP, 1), STEP(OP, 2), STEP(OP, 3), STEP(OP, 4), STEP(OP, 5);               \
      STEP(OP, 6), STEP(OP, 7), STEP(OP, 8), STEP(OP, 9), STEP(OP, 10), STEP(OP, 11);             \
      STEP(OP, 12), STEP(OP, 13), STEP(OP, 14), STEP(OP, 15);                                     \
    }                                                                                              \
    for (; i < n; i++) STEP(OP, 0);                                                                \
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
