/* vec.h: a thin width-generic vector layer over SIMDe, for the data-layer kernels.
   The including translation unit is compiled once per ISA with STRATA_VEC_BITS set to 128, 256
   or 512 by the build; the same kernel source then works on 16-, 32- or 64-byte vectors:
     vec_i      integer vector,         VEC_BYTES bytes
     vec_f      float32 vector          vec_d  float64 vector
   Operations are named after the SSE/AVX intrinsics they map to, without the width prefix.
   Also here: vec_map_u8, the driver every byte-stream kernel uses for head, body and tail. */
#ifndef STRATA_KERNELS_VEC_H
#define STRATA_KERNELS_VEC_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if !defined(STRATA_VEC_BITS)
#error "vec.h is for data-layer sources: the build sets STRATA_VEC_BITS"
#endif

#define SIMDE_ENABLE_NATIVE_ALIASES_NOT
#if STRATA_VEC_BITS == 512
#include <simde/x86/avx512.h>
typedef simde__m512i vec_i;
typedef simde__m512 vec_f;
typedef simde__m512d vec_d;
#define VEC_OP(name) simde_mm512_##name
#define VEC_SI(name) simde_mm512_##name##_si512
#elif STRATA_VEC_BITS == 256
#include <simde/x86/avx2.h>
#include <simde/x86/fma.h>
typedef simde__m256i vec_i;
typedef simde__m256 vec_f;
typedef simde__m256d vec_d;
#define VEC_OP(name) simde_mm256_##name
#define VEC_SI(name) simde_mm256_##name##_si256
#elif STRATA_VEC_BITS == 128
#include <simde/x86/sse2.h>
typedef simde__m128i vec_i;
typedef simde__m128 vec_f;
typedef simde__m128d vec_d;
#define VEC_OP(name) simde_mm_##name
#define VEC_SI(name) simde_mm_##name##_si128
#else
#error "STRATA_VEC_BITS must be 128, 256 or 512"
#endif

#define VEC_BYTES (STRATA_VEC_BITS / 8)

#define VEC_INLINE static inline __attribute__((always_inline))

VEC_INLINE vec_i vec_loadu(const void *p) { return VEC_SI(loadu)((const vec_i *)p); }
VEC_INLINE void vec_storeu(void *p, vec_i v) { VEC_SI(storeu)((vec_i *)p, v); }
VEC_INLINE void vec_store(void *p, vec_i v) { VEC_SI(store)((vec_i *)p, v); }
#if STRATA_VEC_BITS == 512
/* SIMDe 0.7.4 has no 512-bit stream: the native one, or two 256-bit halves. */
VEC_INLINE void vec_stream(void *p, vec_i v) {
#if defined(SIMDE_X86_AVX512F_NATIVE)
  _mm512_stream_si512(p, v);
#else
  simde_mm256_stream_si256((simde__m256i *)p, simde_mm512_extracti64x4_epi64(v, 0));
  simde_mm256_stream_si256((simde__m256i *)p + 1, simde_mm512_extracti64x4_epi64(v, 1));
#endif
}
#else
VEC_INLINE void vec_stream(void *p, vec_i v) { VEC_SI(stream)((vec_i *)p, v); }
#endif
VEC_INLINE void vec_stream_fence(void) { simde_mm_sfence(); }

VEC_INLINE vec_i vec_set1_u8(uint8_t x) { return VEC_OP(set1_epi8)((char)x); }
VEC_INLINE vec_i vec_adds_u8(vec_i a, vec_i b) { return VEC_OP(adds_epu8)(a, b); }
VEC_INLINE vec_i vec_subs_u8(vec_i a, vec_i b) { return VEC_OP(subs_epu8)(a, b); }

/* Byte-stream map: dst[0..n) = op(src[0..n)), one vector at a time; `param` is handed to every
   call of op (a splatted constant, for example). Works for any element size that divides
   VEC_BYTES as long as n (in bytes) is a multiple of it.
   Any alignment; dst may equal src; reads and writes exactly n bytes.
   - n < VEC_BYTES: the bytes go through a zeroed stack vector (never past src + n).
   - otherwise the first and the last vector (which may overlap the body) are computed from src
     before anything is stored, so in place stays exact; the body runs on dst-aligned vectors,
     with non-temporal stores when `stream` is non-zero. */
typedef vec_i (*vec_map_fn)(vec_i x, vec_i param);

VEC_INLINE void vec_map_u8(uint8_t *dst, const uint8_t *src, size_t n, vec_map_fn op, vec_i param,
                           int stream) {
  if (n < VEC_BYTES) {
    uint8_t buf[VEC_BYTES] = {0};
    if (n == 0) return;
    memcpy(buf, src, n);
    vec_storeu(buf, op(vec_loadu(buf), param));
    memcpy(dst, buf, n);
    return;
  }
  const vec_i head = op(vec_loadu(src), param);
  const vec_i tail = op(vec_loadu(src + n - VEC_BYTES), param);
  size_t i = (VEC_BYTES - ((uintptr_t)dst & (VEC_BYTES - 1))) & (VEC_BYTES - 1);
  if (stream) {
    for (; i + VEC_BYTES <= n; i += VEC_BYTES) vec_stream(dst + i, op(vec_loadu(src + i), param));
    vec_stream_fence();
  } else {
    for (; i + VEC_BYTES <= n; i += VEC_BYTES) vec_store(dst + i, op(vec_loadu(src + i), param));
  }
  vec_storeu(dst, head);
  vec_storeu(dst + n - VEC_BYTES, tail);
}

#endif
