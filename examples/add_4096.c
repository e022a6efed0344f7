/* Add two 4096-bit numbers (64 limbs of 64 bits, least significant first, like GMP's mpn
   functions) on each layer of strata, and check every result against GMP's mpn_add_n.
   Build: cc add_4096.c $(pkg-config --cflags --libs strata) -lgmp */
#include <gmp.h>
#include <stdio.h>
#include <string.h>

#include <strata/strata.h>

enum { LIMBS = 4096 / 64 };
_Static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "GMP limbs are 64-bit here");

static uint64_t next(uint64_t *x) { /* xorshift64: reproducible test numbers */
  *x ^= *x << 13, *x ^= *x >> 7, *x ^= *x << 17;
  return *x;
}

int main(void) {
  uint64_t a[LIMBS], b[LIMBS], r[LIMBS], seed = 4096;
  for (int i = 0; i < LIMBS; i++) a[i] = next(&seed), b[i] = next(&seed);
  /* A long carry chain: limbs 10..40 of a are all ones, and b's limb 10 overflows them. */
  for (int i = 10; i <= 40; i++) a[i] = ~(uint64_t)0;
  b[10] |= 1;

  mp_limb_t want[LIMBS];
  const mp_limb_t want_carry = mpn_add_n(want, (const mp_limb_t *)a, (const mp_limb_t *)b, LIMBS);

  int failures = 0;
  for (strata_layer layer = STRATA_LAYER_AUTO; layer <= STRATA_LAYER_TASK; layer++) {
    const strata_exec exec = {.layer = layer};
    uint64_t carry = 2;
    memset(r, 0, sizeof r);
    const strata_status s = strata_mpn_add_n_ex(r, a, b, LIMBS, &carry, &exec);
    if (s != STRATA_OK) { /* e.g. a layer this kernel has no version for */
      printf("%-12s %s\n", strata_layer_name(layer), strata_status_string(s));
      failures += s != STRATA_ERR_UNSUPPORTED;
      continue;
    }
    const int same = memcmp(r, want, sizeof r) == 0 && carry == want_carry;
    printf("%-12s carry %llu, top limb %016llx: %s\n", strata_layer_name(layer),
           (unsigned long long)carry, (unsigned long long)r[LIMBS - 1],
           same ? "same as GMP" : "DIFFERS FROM GMP");
    failures += !same;
  }
  return failures ? 1 : 0;
}
