/* Table lookup, data layer: dst = lut[src] for every byte. Compiled once per ISA; three ways:
   - AVX-512 with VBMI (params->vbmi, checked by src/): two vpermi2b look up the byte in the low
     and the high 128 entries (each spans two 64-byte table registers, indexed by bits 0-6), and
     bit 7 of the byte picks one: three instructions per 64 bytes. The avx512 object is built for
     x86-64-v4, which lacks VBMI, so this function alone is compiled with target("avx512vbmi").
   - A byte shuffle (pshufb on AVX2 and AVX-512BW, SSSE3 or NEON when native): the table as 16
     slices of 16 bytes; slice k answers the bytes in [16k, 16k + 16): x - 16k, saturated up by
     0x70, is 0x70..0x7f (a valid pshufb index) exactly for those bytes and >= 0x80 (which pshufb
     turns into 0) for all others, so OR-ing the 16 shuffles gives the lookup.
   - Otherwise (SSE2 has no byte shuffle; SIMDe would emulate it one byte at a time): the table
     loop, eight bytes per step through one 64-bit load and store.
   Any alignment; dst may equal src; reads and writes exactly the bytes of each row (head, tail
   and short rows as in vec_map_u8). Non-temporal stores when `stream` (vector paths). */
#include "pixel.h"

#if STRATA_VEC_BITS == 128
#include <simde/x86/ssse3.h>
#endif

#if STRATA_VEC_BITS > 128 || defined(SIMDE_X86_SSSE3_NATIVE) || defined(SIMDE_ARM_NEON_A64V8_NATIVE)
#define LUT_SHUFFLE 1
#endif
#if STRATA_VEC_BITS == 512 && defined(SIMDE_X86_AVX512BW_NATIVE)
#define LUT_VBMI 1
#include <immintrin.h>
#endif

#if LUT_VBMI
struct lut_vbmi {
  __m512i t[4];
};

#define LUT_VBMI_FN static inline __attribute__((always_inline, target("avx512vbmi")))

LUT_VBMI_FN vec_i lut_vbmi_op(vec_i x, const void *ctx, unsigned phase) {
  const struct lut_vbmi *l = ctx;
  (void)phase;
  const __m512i lo = _mm512_permutex2var_epi8(l->t[0], x, l->t[1]);
  const __m512i hi = _mm512_permutex2var_epi8(l->t[2], x, l->t[3]);
  return _mm512_mask_blend_epi8(_mm512_movepi8_mask(x), lo, hi);
}

__attribute__((target("avx512vbmi"))) static void lut_rows_vbmi(const strata_rows *r,
                                                                 const uint8_t *lut, int stream) {
  struct lut_vbmi l;
  for (int k = 0; k < 4; k++) l.t[k] = _mm512_loadu_si512(lut + 64 * k);
  px_map_rows(r, 1, lut_vbmi_op, &l, stream);
}
#endif

#if LUT_SHUFFLE
struct lut_slices {
  vec_i t[16];
};

VEC_INLINE vec_i lut_shuffle_op(vec_i x, const void *ctx, unsigned phase) {
  const struct lut_slices *l = ctx;
  const vec_i bias = vec_set1_u8(0x70), sixteen = vec_set1_u8(16);
  vec_i out = VEC_SI(setzero)();
  (void)phase;
  for (int k = 0; k < 16; k++) {
    out = VEC_SI(or)(out, VEC_OP(shuffle_epi8)(l->t[k], vec_adds_u8(x, bias)));
    x = VEC_OP(sub_epi8)(x, sixteen);
  }
  return out;
}

static void lut_rows_shuffle(const strata_rows *r, const uint8_t *lut, int stream) {
  struct lut_slices l;
  for (int k = 0; k < 16; k++) {
    uint8_t slice[VEC_BYTES];
    for (int j = 0; j < VEC_BYTES; j++) slice[j] = lut[16 * k + (j & 15)];
    l.t[k] = vec_loadu(slice);
  }
  px_map_rows(r, 1, lut_shuffle_op, &l, stream);
}
#else
static void lut_rows_loop(const strata_rows *r, const uint8_t *lut) {
  for (size_t y = 0; y < r->height; y++) {
    uint8_t *dst = r->dst + y * r->dst_stride;
    const uint8_t *src = r->src + y * r->src_stride;
    const size_t n = r->row_bytes;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      uint64_t w, out = 0;
      memcpy(&w, src + i, 8);
      for (int b = 0; b < 64; b += 8) out |= (uint64_t)lut[(w >> b) & 0xff] << b;
      memcpy(dst + i, &out, 8);
    }
    for (; i < n; i++) dst[i] = lut[src[i]];
  }
}
#endif

void STRATA_ISA_FN(strata_lut_rows_u8_data)(const strata_rows *r, const void *params, int stream) {
  const strata_lut_params *p = params;
#if LUT_VBMI
  if (p->vbmi) {
    lut_rows_vbmi(r, p->lut, stream);
    return;
  }
#endif
#if LUT_SHUFFLE
  lut_rows_shuffle(r, p->lut, stream);
#else
  (void)stream;
  lut_rows_loop(r, p->lut);
#endif
}
