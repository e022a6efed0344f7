/* One limb of an add-with-carry or subtract-with-borrow chain: ADDC(c, x, y, &out) sets
   out = x + y + c and returns the carry out (0 or 1); SUBB(c, x, y, &out) sets out = x - y - c and
   returns the borrow out. On x86-64 these are _addcarry_u64 / _subborrow_u64 (the baseline `adc` /
   `sbb` instructions, not ADX); elsewhere, and in the GENERIC data build, the overflow builtins. */
#ifndef STRATA_KERNELS_MPN_CARRY_H
#define STRATA_KERNELS_MPN_CARRY_H

#include <stdint.h>

#if (defined(__x86_64__) || defined(_M_X64)) && !defined(SIMDE_NO_NATIVE)
#include <x86intrin.h>
typedef unsigned char mpn_carry_t;
static inline mpn_carry_t ADDC(mpn_carry_t c, uint64_t x, uint64_t y, uint64_t *out) {
  return _addcarry_u64(c, x, y, (unsigned long long *)out);
}
static inline mpn_carry_t SUBB(mpn_carry_t c, uint64_t x, uint64_t y, uint64_t *out) {
  return _subborrow_u64(c, x, y, (unsigned long long *)out);
}
#else
typedef unsigned mpn_carry_t;
static inline mpn_carry_t ADDC(mpn_carry_t c, uint64_t x, uint64_t y, uint64_t *out) {
  uint64_t s, t;
  const mpn_carry_t c1 = __builtin_add_overflow(x, y, &s);
  const mpn_carry_t c2 = __builtin_add_overflow(s, (uint64_t)c, &t);
  *out = t;
  return c1 | c2;
}
static inline mpn_carry_t SUBB(mpn_carry_t c, uint64_t x, uint64_t y, uint64_t *out) {
  uint64_t d, t;
  const mpn_carry_t c1 = __builtin_sub_overflow(x, y, &d);
  const mpn_carry_t c2 = __builtin_sub_overflow(d, (uint64_t)c, &t);
  *out = t;
  return c1 | c2;
}
#endif

#endif
