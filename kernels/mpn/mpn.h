/* Multi-word addition kernels (strata/mpn.h), one per layer. Numbers are arrays of 64-bit limbs,
   least significant first. Kernels do not validate: src/mpn.c has checked pointers, sizes and
   overlap before any of these runs. Every kernel allows r == a and/or r == b (in place) and no
   other overlap; it reads exactly n limbs of each input and writes exactly n limbs of r.
   The add_n / sub_n kernels return the carry (borrow) out of the top limb, 0 or 1. `stream` asks
   the data layer for non-temporal stores (chosen by src/ for outputs far beyond the LLC). */
#ifndef STRATA_KERNELS_MPN_H
#define STRATA_KERNELS_MPN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "isa.h"

/* Limb i of p, for arrays of any alignment (API.md section 2: nothing needs to be aligned). A
   misaligned uint64_t load or store is undefined in C (UBSan reports it), so every scalar limb
   access goes through memcpy, which compiles to the same single mov. */
static inline uint64_t limb_get(const uint64_t *p, size_t i) {
  uint64_t v;
  memcpy(&v, p + i, sizeof v);
  return v;
}
static inline void limb_set(uint64_t *p, size_t i, uint64_t v) {
  memcpy(p + i, &v, sizeof v);
}

typedef uint64_t strata_mpn_n_fn(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n,
                                 int stream);
typedef uint64_t strata_mpn_1_fn(uint64_t *r, const uint64_t *a, size_t n, uint64_t b, int stream);
typedef void strata_mpn_batch_fn(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t limbs,
                                 size_t count, uint8_t *carries, int stream);

/* scalar.c: the reference, one limb per step, carries from comparisons. */
uint64_t strata_mpn_add_n_scalar(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n);
uint64_t strata_mpn_sub_n_scalar(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n);
uint64_t strata_mpn_add_1_scalar(uint64_t *r, const uint64_t *a, size_t n, uint64_t b);
uint64_t strata_mpn_sub_1_scalar(uint64_t *r, const uint64_t *a, size_t n, uint64_t b);
void strata_mpn_add_batch_scalar(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t limbs,
                                 size_t count, uint8_t *carries);

/* bit.c: 64 carries at a time from generate/propagate masks. */
uint64_t strata_mpn_add_n_bit(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n);
uint64_t strata_mpn_sub_n_bit(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n);

/* instruction.c: adc / sbb chains unrolled x8 (portable carry arithmetic off x86-64). */
uint64_t strata_mpn_add_n_instruction(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n);
uint64_t strata_mpn_sub_n_instruction(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n);
void strata_mpn_add_batch_instruction(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                      size_t limbs, size_t count, uint8_t *carries);

/* data.c (per ISA): speculative carries across vector lanes; add_1/sub_1 resolve the carry limb
   by limb and copy the rest with vectors; batch puts one number in each lane. */
STRATA_DECLARE_PER_ISA(uint64_t, strata_mpn_add_n_data,
                       (uint64_t * r, const uint64_t *a, const uint64_t *b, size_t n, int stream));
STRATA_DECLARE_PER_ISA(uint64_t, strata_mpn_sub_n_data,
                       (uint64_t * r, const uint64_t *a, const uint64_t *b, size_t n, int stream));
STRATA_DECLARE_PER_ISA(uint64_t, strata_mpn_add_1_data,
                       (uint64_t * r, const uint64_t *a, size_t n, uint64_t b, int stream));
STRATA_DECLARE_PER_ISA(uint64_t, strata_mpn_sub_1_data,
                       (uint64_t * r, const uint64_t *a, size_t n, uint64_t b, int stream));
STRATA_DECLARE_PER_ISA(void, strata_mpn_add_batch_data,
                       (uint64_t * r, const uint64_t *a, const uint64_t *b, size_t limbs,
                        size_t count, uint8_t *carries, int stream));

/* task.c: chunks on threads with carry-in 0, then the chunk carries resolved in order and the
   chunks that receive a carry fixed up in place. `kernel` is the data-layer add_n or sub_n,
   `fix` the matching add_1 / sub_1 (used in place with b = 1). */
uint64_t strata_mpn_n_task(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n, int stream,
                           int threads, strata_mpn_n_fn *kernel, strata_mpn_1_fn *fix);
void strata_mpn_add_batch_task(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t limbs,
                               size_t count, uint8_t *carries, int stream, int threads,
                               strata_mpn_batch_fn *kernel);

#endif
