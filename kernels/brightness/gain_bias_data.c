/* Gain/bias, data layer: dst = rne(clamp(fmaf((float)src, gain, bias), 0, 255)), bit-exact with
   the reference on every ISA. Compiled once per ISA; two exact ways:
   - With native FMA (the avx2 and avx512 objects): 32 bytes at a time widened to four vectors of
     eight float32, one fused multiply-add each (the same single rounding as fmaf), a min
     against 255, and a conversion that rounds to nearest even (the default MXCSR mode, which
     the reference's rintf uses too), packed back with unsigned saturation (the clamp at 0).
   Per-channel gains and biases come from patterns laid out so that float lane l of a block at byte
   offset o reads channel (o + l) % channels. Blocks are 256-bit on both objects (SIMDe 0.7.4 has no
     512-bit float/int conversions); the last block of a row overlaps the one before it and is
     computed before anything is stored, so in place stays exact.
     When all channels share a gain and bias and the CPU has AVX-512 VBMI, the 256 possible
     results are computed once this way and the row goes through the vpermi2b lookup instead
     (lut_data.c): measured faster (docs/brightness.md).
   - Without native FMA (sse2, generic): SIMDe would emulate the fused operation with two
     roundings, which is not exact. The 256 results per channel are computed once by the
     reference formula and then looked up (the lookup kernel when all channels agree, an
     interleaved table loop otherwise). Short images skip the tables and run the reference.
   Any alignment; dst may equal src; reads and writes exactly the bytes of each row. */
#include "pixel.h"

#if defined(SIMDE_X86_FMA_NATIVE)
#include <simde/x86/avx2.h>
#include <simde/x86/fma.h>

/* g[k] = gain[k % channels], b[k] = bias[k % channels]: a block at phase p reads from g + p. */
struct gb_pattern {
  float g[32 + 4], b[32 + 4];
};

static inline __attribute__((always_inline)) simde__m256i
gb_block(simde__m256i x, const struct gb_pattern *pat, unsigned phase) {
  const simde__m128i lo = simde_mm256_castsi256_si128(x), hi = simde_mm256_extracti128_si256(x, 1);
  const simde__m128i q[4] = {lo, simde_mm_srli_si128(lo, 8), hi, simde_mm_srli_si128(hi, 8)};
  const simde__m256 top = simde_mm256_set1_ps(255.0f);
  simde__m256i v[4];
  for (int j = 0; j < 4; j++) {
    const simde__m256 f = simde_mm256_cvtepi32_ps(simde_mm256_cvtepu8_epi32(q[j]));
    simde__m256 y = simde_mm256_fmadd_ps(f, simde_mm256_loadu_ps(pat->g + phase + 8 * j),
                                         simde_mm256_loadu_ps(pat->b + phase + 8 * j));
    /* y <= 255 here; negatives (also those past the int32 range, which convert to INT32_MIN)
       become 0 in the unsigned-saturating packs below, which is the clamp at 0. */
    v[j] = simde_mm256_cvtps_epi32(simde_mm256_min_ps(y, top));
  }
  /* packs work per 128-bit lane: dwords come out as 0lo 1lo 2lo 3lo 0hi 1hi 2hi 3hi. */
  const simde__m256i packed = simde_mm256_packus_epi16(simde_mm256_packus_epi32(v[0], v[1]),
                                                       simde_mm256_packus_epi32(v[2], v[3]));
  return simde_mm256_permutevar8x32_epi32(packed, simde_mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
}

static void gb_row(uint8_t *dst, const uint8_t *src, size_t n, unsigned channels,
                   const struct gb_pattern *pat) {
  if (n < 32) {
    uint8_t buf[32] = {0};
    if (n == 0) return;
    memcpy(buf, src, n);
    simde_mm256_storeu_si256((simde__m256i *)buf,
                             gb_block(simde_mm256_loadu_si256((const simde__m256i *)buf), pat, 0));
    memcpy(dst, buf, n);
    return;
  }
  const simde__m256i tail = gb_block(simde_mm256_loadu_si256((const simde__m256i *)(src + n - 32)),
                                     pat, (unsigned)((n - 32) % channels));
  const unsigned step = 32 % channels;
  unsigned phase = 0;
  for (size_t i = 0; i + 32 <= n; i += 32) {
    simde_mm256_storeu_si256(
        (simde__m256i *)(dst + i),
        gb_block(simde_mm256_loadu_si256((const simde__m256i *)(src + i)), pat, phase));
    phase += step;
    if (phase >= channels) phase -= channels;
  }
  simde_mm256_storeu_si256((simde__m256i *)(dst + n - 32), tail);
}

static void gb_pattern_make(struct gb_pattern *pat, const strata_gain_bias_params *p) {
  for (unsigned k = 0; k < 36; k++) {
    pat->g[k] = p->gain[k % p->channels];
    pat->b[k] = p->bias[k % p->channels];
  }
}

void STRATA_ISA_FN(strata_gain_bias_rows_u8_data)(const strata_rows *r, const void *params,
                                                  int stream) {
  const strata_gain_bias_params *p = params;
  struct gb_pattern pat;
  gb_pattern_make(&pat, p);
#if STRATA_VEC_BITS == 512
  int uniform = 1;
  for (unsigned k = 1; k < p->channels; k++)
    uniform &= p->gain[k] == p->gain[0] && p->bias[k] == p->bias[0];
  if (uniform && p->vbmi && r->row_bytes * r->height >= 1024) {
    uint8_t iota[256], table[256];
    for (int x = 0; x < 256; x++) iota[x] = (uint8_t)x;
    gb_row(table, iota, 256, 1, &pat); /* every channel's pattern is the same */
    const strata_lut_params lp = {table, 1};
    STRATA_ISA_FN(strata_lut_rows_u8_data)(r, &lp, stream);
    return;
  }
#endif
  (void)stream;
  for (size_t y = 0; y < r->height; y++)
    gb_row(r->dst + y * r->dst_stride, r->src + y * r->src_stride, r->row_bytes, p->channels, &pat);
}

#else /* no native FMA: exact tables from the reference formula */

static void gb_rows_tables(const strata_rows *r, const strata_gain_bias_params *p) {
  const unsigned c = p->channels;
  uint8_t table[4][256];
  for (unsigned k = 0; k < c; k++) strata_gain_bias_table_u8(table[k], p->gain[k], p->bias[k]);
  for (size_t y = 0; y < r->height; y++) {
    uint8_t *dst = r->dst + y * r->dst_stride;
    const uint8_t *src = r->src + y * r->src_stride;
    unsigned phase = 0;
    for (size_t i = 0; i < r->row_bytes; i++) {
      dst[i] = table[phase][src[i]];
      if (++phase == c) phase = 0;
    }
  }
}

void STRATA_ISA_FN(strata_gain_bias_rows_u8_data)(const strata_rows *r, const void *params,
                                                  int stream) {
  const strata_gain_bias_params *p = params;
  int uniform = 1;
  for (unsigned k = 1; k < p->channels; k++)
    uniform &= p->gain[k] == p->gain[0] && p->bias[k] == p->bias[0];
  if (r->row_bytes * r->height < 1024u * p->channels) {
    strata_gain_bias_rows_u8_scalar(r, params, stream);
  } else if (uniform) {
    uint8_t table[256];
    strata_gain_bias_table_u8(table, p->gain[0], p->bias[0]);
    const strata_lut_params lp = {table, p->vbmi};
    STRATA_ISA_FN(strata_lut_rows_u8_data)(r, &lp, stream);
  } else {
    gb_rows_tables(r, p);
  }
}
#endif
