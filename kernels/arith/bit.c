/* Element-wise arithmetic, bit layer (SWAR): eight byte lanes per uint64_t, with lane-wise
   operations built from plain integer instructions so that no carry or borrow crosses a lane.
   It covers ADD and SUB on U8 and I8 (wrapping: the same bits for both) and ADDS, SUBS on U8
   (swar.h); every other pair has no bit-layer version (NULL in the table).
   Any alignment; dst may be exactly a or b; reads and writes exactly n bytes: the last n % 8
   bytes go through zeroed words, never past a + n. */
#include "arith.h"
#include "swar.h"

/* Lane-wise a + b mod 256: add the low 7 bits, then put the top bit back with xor. */
static inline uint64_t swar_add_u8(uint64_t a, uint64_t b) {
  return ((a & SWAR_LOW7) + (b & SWAR_LOW7)) ^ ((a ^ b) & SWAR_HIGH);
}

/* Lane-wise a - b mod 256: subtract from a with every top bit set (no borrow leaves a lane),
   then fix the top bit with xor. */
static inline uint64_t swar_sub_u8(uint64_t a, uint64_t b) {
  return ((a | SWAR_HIGH) - (b & SWAR_LOW7)) ^ ((a ^ ~b) & SWAR_HIGH);
}

typedef uint64_t swar_op(uint64_t a, uint64_t b);

static inline __attribute__((always_inline)) void
bit_map(uint8_t *dst, const uint8_t *a, const uint8_t *b, size_t n, unsigned flags, swar_op *op) {
  const int bcast = flags & ARITH_BCAST;
  const uint64_t splat = bcast ? SWAR_ONES * b[0] : 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    swar_store(dst + i, op(swar_load(a + i), bcast ? splat : swar_load(b + i)));
  if (i < n) {
    uint64_t x = 0, y = splat;
    memcpy(&x, a + i, n - i);
    if (!bcast) memcpy(&y, b + i, n - i);
    x = op(x, y);
    memcpy(dst + i, &x, n - i);
  }
}

#define BIT_BINARY(name, swar)                                                                     \
  static void name##_bit(void *dst, const void *a, const void *b, size_t n, unsigned flags) {      \
    bit_map(dst, a, b, n, flags, swar);                                                            \
  }
BIT_BINARY(add_u8, swar_add_u8)
BIT_BINARY(sub_u8, swar_sub_u8)
BIT_BINARY(adds_u8, swar_adds_u8)
BIT_BINARY(subs_u8, swar_subs_u8)

const arith_kernels strata_arith_bit = {
    .binary =
        {
            [STRATA_OP_ADD][STRATA_U8] = add_u8_bit,
            [STRATA_OP_ADD][STRATA_I8] = add_u8_bit,
            [STRATA_OP_SUB][STRATA_U8] = sub_u8_bit,
            [STRATA_OP_SUB][STRATA_I8] = sub_u8_bit,
            [STRATA_OP_ADDS][STRATA_U8] = adds_u8_bit,
            [STRATA_OP_SUBS][STRATA_U8] = subs_u8_bit,
        },
};
