/* swar.h: SIMD within a register. Eight 8-bit lanes packed in one uint64_t, with lane-wise
   saturating add and subtract built from plain integer operations (no carries cross lanes).
   Unaligned words are read and written with memcpy (one instruction on x86 and Arm). */
#ifndef STRATA_KERNELS_SWAR_H
#define STRATA_KERNELS_SWAR_H

#include <stdint.h>
#include <string.h>

#define SWAR_LOW7 UINT64_C(0x7f7f7f7f7f7f7f7f)
#define SWAR_HIGH UINT64_C(0x8080808080808080)
#define SWAR_ONES UINT64_C(0x0101010101010101)

static inline uint64_t swar_load(const void *p) {
  uint64_t w;
  memcpy(&w, p, sizeof w);
  return w;
}

static inline void swar_store(void *p, uint64_t w) { memcpy(p, &w, sizeof w); }

/* Spreads the high bit of each lane over the whole lane: 0x80 -> 0xff, 0x00 -> 0x00. */
static inline uint64_t swar_lane_mask(uint64_t high_bits) { return (high_bits >> 7) * 0xff; }

/* Lane-wise min(255, a + b): add the low 7 bits (no carry can leave a lane), put the top bit back
   with xor, and saturate the lanes whose top bit carried out. */
static inline uint64_t swar_adds_u8(uint64_t a, uint64_t b) {
  uint64_t sum = ((a & SWAR_LOW7) + (b & SWAR_LOW7)) ^ ((a ^ b) & SWAR_HIGH);
  uint64_t carry = ((a & b) | ((a | b) & ~sum)) & SWAR_HIGH;
  return sum | swar_lane_mask(carry);
}

/* Lane-wise max(0, a - b): subtract with the top bit of a set in every lane (no borrow can leave
   a lane), fix the top bit with xor, and zero the lanes that borrowed out. */
static inline uint64_t swar_subs_u8(uint64_t a, uint64_t b) {
  uint64_t diff = ((a | SWAR_HIGH) - (b & SWAR_LOW7)) ^ ((a ^ ~b) & SWAR_HIGH);
  uint64_t borrow = ((~a & b) | (~(a ^ b) & diff)) & SWAR_HIGH;
  return diff & ~swar_lane_mask(borrow);
}

#endif
