/* Multi-word addition, data layer, compiled once per ISA.

   add_n / sub_n, 128- and 256-bit vectors: speculative carries. Each vector of L limbs is added
   lane by lane; the carry out of every lane is an unsigned compare (a signed compare of values
   biased by 2^63, as SSE4.2/AVX2 have only signed 64-bit compares); the carry vector is shifted up
   one lane (the top lane of the previous vector moves into lane 0) and subtracted (a true compare
   is -1). That is exact unless a lane sum is all ones (all zeros for sub) and receives a carry,
   which then ripples further: a block of 4 vectors with any such lane is detected before anything
   of it is stored and redone limb by limb, so in-place calls stay exact. With random limbs that
   happens with probability ~2^-60 per block.
   add_n / sub_n, 512-bit vectors: the exact mask-carry method. Compares give the generate and
   propagate bits of 32 limbs in four mask registers; the carries arriving at every limb are
   ((g << 1 | carry_in) + p) ^ p (see bit.c) and are added with masked adds.
   add_1 / sub_1: the carry is resolved limb by limb and stops at the first limb that absorbs it;
   the rest is copied with vectors (not at all when in place).
   add_batch: numbers of exactly 1 or 2 vectors (4 or 8 limbs; 2 or 4 on 128-bit builds) are each
   added in their own vectors with the speculative carries above; other lengths put one number per
   lane, the limbs of 4 (2) numbers transposed in registers, added with a per-lane carry and
   transposed back. The AVX-512 build runs the 256-bit batch code (an 8x8 transpose costs more
   shuffles per limb).

   Any alignment of the limb arrays (single limbs go through limb_get / limb_set, vectors through
   unaligned loads); r may equal a and/or b (every block is loaded before it is stored); reads
   and writes exactly the limbs given; the limbs before the first whole block and after the last
   go limb by limb through carry.h.
   With `stream`, stores to r are non-temporal: add_n / sub_n / add_1 / sub_1 first align r limb by
   limb; batches stream only on the transpose-free path and only when r is vector aligned. */
#include "carry.h"
#include "mpn.h"
#include "vec.h"
#if STRATA_VEC_BITS == 128
#include <simde/x86/sse4.2.h> /* 64-bit compares (emulated on SSE2) */
#endif

#define LANES (VEC_BYTES / 8)

/* Exact limb-by-limb chain over n limbs with carry (borrow) c in; returns the carry out. */
static inline uint64_t chain(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n,
                             uint64_t c, const int sub) {
  mpn_carry_t k = (mpn_carry_t)c;
  for (size_t i = 0; i < n; i++) {
    const uint64_t x = limb_get(a, i), y = limb_get(b, i);
    uint64_t t;
    k = sub ? SUBB(k, x, y, &t) : ADDC(k, x, y, &t);
    limb_set(r, i, t);
  }
  return k;
}

VEC_INLINE void put(uint64_t *p, vec_i v, int stream) {
  if (stream)
    vec_stream(p, v);
  else
    vec_storeu(p, v);
}

/* Limbs to handle one by one before r + i is vector aligned (only when streaming). */
static inline size_t stream_head(const uint64_t *r, size_t n, int stream) {
  if (!stream) return 0;
  const size_t h = ((VEC_BYTES - ((uintptr_t)r & (VEC_BYTES - 1))) & (VEC_BYTES - 1)) / 8;
  return h < n ? h : n;
}

/* bvec: the vectors of the speculative-carry code, 256-bit from AVX2 up (the AVX-512 build uses
   them for batches), 128-bit for GENERIC and SSE2. BLANES limbs each. */
#if STRATA_VEC_BITS >= 256
typedef simde__m256i bvec;
#define BV(name) simde_mm256_##name
#define BV_SI(name) simde_mm256_##name##_si256
#define BLANES 4
/* 4x4 transpose of limbs: v[q] lane t <-> v[t] lane q. */
VEC_INLINE void transpose(bvec v[BLANES]) {
  const bvec t0 = BV(unpacklo_epi64)(v[0], v[1]), t1 = BV(unpackhi_epi64)(v[0], v[1]);
  const bvec t2 = BV(unpacklo_epi64)(v[2], v[3]), t3 = BV(unpackhi_epi64)(v[2], v[3]);
  v[0] = BV(permute2x128_si256)(t0, t2, 0x20);
  v[1] = BV(permute2x128_si256)(t1, t3, 0x20);
  v[2] = BV(permute2x128_si256)(t0, t2, 0x31);
  v[3] = BV(permute2x128_si256)(t1, t3, 0x31);
}
#else
typedef simde__m128i bvec;
#define BV(name) simde_mm_##name
#define BV_SI(name) simde_mm_##name##_si128
#define BLANES 2
VEC_INLINE void transpose(bvec v[BLANES]) {
  const bvec t0 = BV(unpacklo_epi64)(v[0], v[1]), t1 = BV(unpackhi_epi64)(v[0], v[1]);
  v[0] = t0;
  v[1] = t1;
}
#endif

/* 64-bit lane add and subtract. SIMDe 0.7.4 emulates _mm_add_epi64 / _mm_sub_epi64 with signed
   arithmetic in the GENERIC build (SIMDE_NO_NATIVE), which overflows (UBSan rejects it); there the
   lanes go through unsigned integers, which the compiler turns into the same vector add. */
VEC_INLINE bvec add64(bvec x, bvec y) {
#if defined(SIMDE_NO_NATIVE)
  uint64_t u[BLANES], v[BLANES];
  BV_SI(storeu)((bvec *)u, x);
  BV_SI(storeu)((bvec *)v, y);
  for (int i = 0; i < BLANES; i++) u[i] += v[i];
  return BV_SI(loadu)((const bvec *)u);
#else
  return BV(add_epi64)(x, y);
#endif
}

VEC_INLINE bvec sub64(bvec x, bvec y) {
#if defined(SIMDE_NO_NATIVE)
  uint64_t u[BLANES], v[BLANES];
  BV_SI(storeu)((bvec *)u, x);
  BV_SI(storeu)((bvec *)v, y);
  for (int i = 0; i < BLANES; i++) u[i] -= v[i];
  return BV_SI(loadu)((const bvec *)u);
#else
  return BV(sub_epi64)(x, y);
#endif
}

/* The carries into the lanes of a vector from its generate mask g (-1 where a lane wrapped) and
   the running state, which holds the previous vector's top-lane carry; updates the state.
   256-bit: the state is g rotated up one lane (vpermq), and the new lane 0 comes from the previous
   rotation (vpblendd). 128-bit: one shufpd of the previous g and this one. */
VEC_INLINE bvec carry_in(bvec g, bvec *state) {
#if BLANES == 4
  const bvec rot = simde_mm256_permute4x64_epi64(g, SIMDE_MM_SHUFFLE(2, 1, 0, 3));
  const bvec c = simde_mm256_blend_epi32(rot, *state, 0x03);
  *state = rot;
#else
  const bvec c = simde_mm_castpd_si128(
      simde_mm_shuffle_pd(simde_mm_castsi128_pd(*state), simde_mm_castsi128_pd(g), 1));
  *state = g;
#endif
  return c;
}

/* The carry (0 or 1) that the state hands to the next limb. */
VEC_INLINE uint64_t state_carry(bvec state) {
  uint64_t t[BLANES];
  BV_SI(storeu)((bvec *)t, state);
#if BLANES == 4
  return t[0] & 1;
#else
  return t[BLANES - 1] & 1;
#endif
}

/* Non-zero when any bit of v is set. Not simde_mm_testz_si128: SIMDe 0.7.4's emulation of it
   (GENERIC, SSE2) returns 1 as soon as one 64-bit lane is zero. */
VEC_INLINE int any_set(bvec v) {
#if BLANES == 4
  return !simde_mm256_testz_si256(v, v);
#else
  return simde_mm_movemask_epi8(v) != 0;
#endif
}

/* s = x + y lane by lane, and *g = its generate mask (-1 where the lane wrapped): with
   x' = x ^ 2^63, s' = x' + y is the sum biased the same way, and it wrapped iff x' > s' signed. */
VEC_INLINE bvec add_gen(bvec x, bvec y, bvec *g) {
  const bvec bias = BV(set1_epi64x)(INT64_MIN);
  const bvec xb = BV_SI(xor)(x, bias), sb = add64(xb, y);
  *g = BV(cmpgt_epi64)(xb, sb);
  return BV_SI(xor)(sb, bias);
}

/* The top lane of a mask vector, as 0 or 1. */
VEC_INLINE uint64_t top_bit(bvec g) {
#if BLANES == 4
  return (uint64_t)simde_mm256_movemask_pd(simde_mm256_castsi256_pd(g)) >> 3;
#else
  return (uint64_t)simde_mm_movemask_pd(simde_mm_castsi128_pd(g)) >> 1;
#endif
}

#if STRATA_VEC_BITS == 512

/* Masks of the lanes whose sum (difference) wrapped: generate bits. */
VEC_INLINE uint64_t gen_mask(vec_i x, vec_i y, vec_i s, const int sub) {
  return (uint8_t) ~(sub ? simde_mm512_cmpge_epu64_mask(x, y) : simde_mm512_cmpge_epu64_mask(s, x));
}

VEC_INLINE vec_i apply(vec_i s, uint64_t c, vec_i ones, const int sub) {
  const simde__mmask8 m = (simde__mmask8)c;
  return sub ? simde_mm512_mask_add_epi64(s, m, s, ones)
             : simde_mm512_mask_sub_epi64(s, m, s, ones);
}

VEC_INLINE uint64_t addsub_n(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n,
                             int stream, const int sub) {
  const vec_i ones = simde_mm512_set1_epi64(-1);
  const vec_i edge = sub ? simde_mm512_setzero_si512() : ones;
  size_t i = stream_head(r, n, stream);
  uint64_t carry = chain(r, a, b, i, 0, sub);
  for (; i + 4 * LANES <= n; i += 4 * LANES) {
    vec_i s[4];
    uint64_t g = 0, p = 0;
    for (int q = 0; q < 4; q++) {
      const vec_i x = vec_loadu(a + i + q * LANES), y = vec_loadu(b + i + q * LANES);
      s[q] = sub ? simde_mm512_sub_epi64(x, y) : simde_mm512_add_epi64(x, y);
      g |= gen_mask(x, y, s[q], sub) << 8 * q;
      p |= (uint64_t)simde_mm512_cmpeq_epi64_mask(s[q], edge) << 8 * q;
    }
    const uint64_t sum = (g << 1 | carry) + p, c = sum ^ p;
    carry = sum >> 32;
    for (int q = 0; q < 4; q++) put(r + i + q * LANES, apply(s[q], c >> 8 * q, ones, sub), stream);
  }
  for (; i + LANES <= n; i += LANES) {
    const vec_i x = vec_loadu(a + i), y = vec_loadu(b + i);
    const vec_i s = sub ? simde_mm512_sub_epi64(x, y) : simde_mm512_add_epi64(x, y);
    const uint64_t g = gen_mask(x, y, s, sub), p = simde_mm512_cmpeq_epi64_mask(s, edge);
    const uint64_t sum = (g << 1 | carry) + p;
    carry = sum >> 8;
    put(r + i, apply(s, sum ^ p, ones, sub), stream);
  }
  carry = chain(r + i, a + i, b + i, n - i, carry, sub);
  if (stream) vec_stream_fence();
  return carry;
}

#else

#define BLOCK 4 /* vectors per step of the speculative loop */

/* Speculative carries, BLOCK vectors per step. Unsigned compares are signed compares of values
   biased by 2^63: for add, x' = x ^ 2^63 and s' = x' + y is the biased sum, so the carry is
   x' > s' and s = s' ^ 2^63; for sub, the borrow is y' > x'. Any lane whose result is all ones
   (all zeros for sub) makes the block suspect, whatever its carry in: then the block is redone
   limb by limb (a carry into such a lane would ripple on). That costs one compare per vector and
   one test per block, and with random limbs a redo happens with probability ~2^-64 per lane. */
VEC_INLINE uint64_t addsub_n(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n,
                             int stream, const int sub) {
  const vec_i bias = VEC_OP(set1_epi64x)(INT64_MIN);
  const vec_i edge = sub ? VEC_SI(setzero)() : VEC_OP(set1_epi64x)(-1);
  size_t i = stream_head(r, n, stream);
  vec_i state = VEC_OP(set1_epi64x)(-(int64_t)chain(r, a, b, i, 0, sub));
  for (; i + BLOCK * LANES <= n; i += BLOCK * LANES) {
    vec_i s[BLOCK], c[BLOCK], suspect = VEC_SI(setzero)();
    const vec_i before = state;
    for (int q = 0; q < BLOCK; q++) {
      const vec_i x = vec_loadu(a + i + q * LANES), y = vec_loadu(b + i + q * LANES);
      const vec_i xb = VEC_SI(xor)(x, bias);
      vec_i g;
      if (sub) {
        g = VEC_OP(cmpgt_epi64)(VEC_SI(xor)(y, bias), xb);
        s[q] = sub64(x, y);
      } else {
        const vec_i sb = add64(xb, y);
        g = VEC_OP(cmpgt_epi64)(xb, sb);
        s[q] = VEC_SI(xor)(sb, bias);
      }
      c[q] = carry_in(g, &state);
      suspect = VEC_SI(or)(suspect, VEC_OP(cmpeq_epi64)(s[q], edge));
    }
    if (__builtin_expect(any_set(suspect), 0)) {
      const uint64_t cin = state_carry(before);
      state = VEC_OP(set1_epi64x)(-(int64_t)chain(r + i, a + i, b + i, BLOCK * LANES, cin, sub));
      continue;
    }
    for (int q = 0; q < BLOCK; q++)
      put(r + i + q * LANES, sub ? add64(s[q], c[q]) : sub64(s[q], c[q]), stream);
  }
  const uint64_t carry = chain(r + i, a + i, b + i, n - i, state_carry(state), sub);
  if (stream) vec_stream_fence();
  return carry;
}

#endif

uint64_t STRATA_ISA_FN(strata_mpn_add_n_data)(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                              size_t n, int stream) {
  return addsub_n(r, a, b, n, stream && ((uintptr_t)r & 7) == 0, 0);
}

uint64_t STRATA_ISA_FN(strata_mpn_sub_n_data)(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                              size_t n, int stream) {
  return addsub_n(r, a, b, n, stream && ((uintptr_t)r & 7) == 0, 1);
}

/* r[0..n) = a[0..n) with vector loads and stores. */
static void copy(uint64_t *r, const uint64_t *a, size_t n, int stream) {
  size_t i = stream_head(r, n, stream);
  for (size_t k = 0; k < i; k++) limb_set(r, k, limb_get(a, k));
  for (; i + LANES <= n; i += LANES) put(r + i, vec_loadu(a + i), stream);
  for (; i < n; i++) limb_set(r, i, limb_get(a, i));
  if (stream) vec_stream_fence();
}

VEC_INLINE uint64_t addsub_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t b, int stream,
                             const int sub) {
  uint64_t c = b;
  size_t i = 0;
  for (; i < n && c; i++) {
    const uint64_t x = limb_get(a, i), t = sub ? x - c : x + c;
    c = sub ? x < c : t < c;
    limb_set(r, i, t);
  }
  if (r != a) copy(r + i, a + i, n - i, stream && ((uintptr_t)r & 7) == 0);
  return c;
}

uint64_t STRATA_ISA_FN(strata_mpn_add_1_data)(uint64_t *r, const uint64_t *a, size_t n, uint64_t b,
                                              int stream) {
  return addsub_1(r, a, n, b, stream, 0);
}

uint64_t STRATA_ISA_FN(strata_mpn_sub_1_data)(uint64_t *r, const uint64_t *a, size_t n, uint64_t b,
                                              int stream) {
  return addsub_1(r, a, n, b, stream, 1);
}

/* Lane-wise x + y + carry, where *cv holds -carry per lane; updates *cv to the carries out. */
VEC_INLINE bvec lane_adc(bvec x, bvec y, bvec *cv) {
  const bvec bias = BV(set1_epi64x)(INT64_MIN), ones = BV(set1_epi64x)(-1);
  const bvec t = add64(x, y);
  const bvec g = BV(cmpgt_epi64)(BV_SI(xor)(x, bias), BV_SI(xor)(t, bias));
  const bvec s = sub64(t, *cv);
  *cv = BV_SI(or)(g, BV_SI(and)(*cv, BV(cmpeq_epi64)(t, ones)));
  return s;
}

/* Any number of limbs: BLANES numbers at a time, one per lane, their limbs transposed in and out
   in tiles of BLANES x BLANES; limbs past the last whole tile are gathered one by one. */
static void batch_lanes(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t limbs,
                        size_t count, uint8_t *carries) {
  size_t k = 0;
  for (; k + BLANES <= count; k += BLANES) {
    const size_t base = k * limbs;
    bvec cv = BV_SI(setzero)();
    size_t j = 0;
    for (; j + BLANES <= limbs; j += BLANES) {
      bvec x[BLANES], y[BLANES];
      for (int q = 0; q < BLANES; q++) {
        x[q] = BV_SI(loadu)((const bvec *)(a + base + q * limbs + j));
        y[q] = BV_SI(loadu)((const bvec *)(b + base + q * limbs + j));
      }
      transpose(x);
      transpose(y);
      for (int t = 0; t < BLANES; t++) x[t] = lane_adc(x[t], y[t], &cv);
      transpose(x);
      for (int q = 0; q < BLANES; q++) BV_SI(storeu)((bvec *)(r + base + q * limbs + j), x[q]);
    }
    for (; j < limbs; j++) {
      uint64_t xs[BLANES], ys[BLANES];
      for (int q = 0; q < BLANES; q++) {
        xs[q] = limb_get(a, base + q * limbs + j);
        ys[q] = limb_get(b, base + q * limbs + j);
      }
      const bvec s = lane_adc(BV_SI(loadu)((const bvec *)xs), BV_SI(loadu)((const bvec *)ys), &cv);
      BV_SI(storeu)((bvec *)xs, s);
      for (int q = 0; q < BLANES; q++) limb_set(r, base + q * limbs + j, xs[q]);
    }
    if (carries) {
      uint64_t cs[BLANES];
      BV_SI(storeu)((bvec *)cs, cv);
      for (int q = 0; q < BLANES; q++) carries[k + q] = (uint8_t)(cs[q] & 1);
    }
  }
  for (; k < count; k++) {
    const uint64_t c = chain(r + k * limbs, a + k * limbs, b + k * limbs, limbs, 0, 0);
    if (carries) carries[k] = (uint8_t)c;
  }
}

/* Numbers of exactly m vectors (m = 1, 2): each number is added in its own vectors with the
   speculative carries of add_n, its state starting from 0, four vectors (4 / m numbers) per step.
   A step with a lane sum of all ones anywhere is redone number by number, limb by limb, before
   anything of it is stored. No transposes: one lane rotation per vector. */
VEC_INLINE void batch_rows(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t count,
                           uint8_t *carries, int stream, const size_t m) {
  const bvec ones = BV(set1_epi64x)(-1), zero = BV_SI(setzero)();
  const size_t limbs = m * BLANES, group = 4 / m;
  size_t k = 0;
  for (; k + group <= count; k += group) {
    const size_t at = k * limbs;
    bvec s[4], c[4], g[4], state = zero, suspect = zero;
    for (size_t q = 0; q < 4; q++) {
      if (q % m == 0) state = zero;
      s[q] = add_gen(BV_SI(loadu)((const bvec *)(a + at + q * BLANES)),
                     BV_SI(loadu)((const bvec *)(b + at + q * BLANES)), &g[q]);
      c[q] = carry_in(g[q], &state);
      suspect = BV_SI(or)(suspect, BV(cmpeq_epi64)(s[q], ones));
    }
    if (__builtin_expect(any_set(suspect), 0)) {
      for (size_t j = 0; j < group; j++) {
        const uint64_t carry =
            chain(r + at + j * limbs, a + at + j * limbs, b + at + j * limbs, limbs, 0, 0);
        if (carries) carries[k + j] = (uint8_t)carry;
      }
      continue;
    }
    for (size_t q = 0; q < 4; q++) {
      bvec *to = (bvec *)(r + at + q * BLANES);
      if (stream)
        BV_SI(stream)(to, sub64(s[q], c[q]));
      else
        BV_SI(storeu)(to, sub64(s[q], c[q]));
    }
    if (carries)
      for (size_t j = 0; j < group; j++) carries[k + j] = (uint8_t)top_bit(g[j * m + m - 1]);
  }
  for (; k < count; k++) {
    const uint64_t carry = chain(r + k * limbs, a + k * limbs, b + k * limbs, limbs, 0, 0);
    if (carries) carries[k] = (uint8_t)carry;
  }
}

/* Non-temporal stores (when `stream`) only on the transpose-free path, and only when r is vector
   aligned: every number then starts on a vector boundary. */
void STRATA_ISA_FN(strata_mpn_add_batch_data)(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                              size_t limbs, size_t count, uint8_t *carries,
                                              int stream) {
  stream = stream && ((uintptr_t)r & (sizeof(bvec) - 1)) == 0;
  if (limbs == BLANES)
    batch_rows(r, a, b, count, carries, stream, 1);
  else if (limbs == 2 * BLANES)
    batch_rows(r, a, b, count, carries, stream, 2);
  else
    batch_lanes(r, a, b, limbs, count, carries);
  if (stream) simde_mm_sfence();
}
