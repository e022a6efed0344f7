/* Vector helpers of the brightness family's data layer (included by data-layer sources only,
   after vec.h has fixed the vector width).
   - px_phase_vectors: per-channel parameters laid out for a vector that starts at any byte of a
     row. Byte k of a row belongs to channel k % channels, so a vector starting at byte offset o
     needs the pattern for phase o % channels; there are `channels` such patterns.
   - px_map_rows: the row driver of every per-channel byte kernel: the vec_map_u8 scheme (head
     and tail vectors computed before anything is stored, aligned body, optional non-temporal
     stores, short rows through a zeroed stack vector) with the phase tracked along the row. */
#ifndef STRATA_KERNELS_BRIGHTNESS_PIXEL_H
#define STRATA_KERNELS_BRIGHTNESS_PIXEL_H

#include "brightness.h"
#include "vec.h"

/* v[phase] lane l = val[(phase + l) % channels], for phase < channels. */
VEC_INLINE void px_phase_vectors(vec_i v[4], const uint8_t val[4], unsigned channels) {
  uint8_t buf[VEC_BYTES + 4];
  for (size_t k = 0; k < sizeof buf; k++) buf[k] = val[k % channels];
  for (unsigned phase = 0; phase < channels; phase++) v[phase] = vec_loadu(buf + phase);
}

/* op(x, ctx, phase): the result vector for the source vector x that starts at a byte offset
   whose phase is `phase`. */
typedef vec_i (*px_op)(vec_i x, const void *ctx, unsigned phase);

VEC_INLINE void px_map_row(uint8_t *dst, const uint8_t *src, size_t n, unsigned channels, px_op op,
                           const void *ctx, int stream) {
  if (n < VEC_BYTES) {
    uint8_t buf[VEC_BYTES] = {0};
    if (n == 0) return;
    memcpy(buf, src, n);
    vec_storeu(buf, op(vec_loadu(buf), ctx, 0));
    memcpy(dst, buf, n);
    return;
  }
  const unsigned step = VEC_BYTES % channels;
  const vec_i head = op(vec_loadu(src), ctx, 0);
  const vec_i tail =
      op(vec_loadu(src + n - VEC_BYTES), ctx, (unsigned)((n - VEC_BYTES) % channels));
  size_t i = (VEC_BYTES - ((uintptr_t)dst & (VEC_BYTES - 1))) & (VEC_BYTES - 1);
  unsigned phase = (unsigned)(i % channels);
  for (; i + VEC_BYTES <= n; i += VEC_BYTES) {
    const vec_i v = op(vec_loadu(src + i), ctx, phase);
    if (stream) /* loop-invariant: the compiler makes two loops of this one */
      vec_stream(dst + i, v);
    else
      vec_store(dst + i, v);
    phase += step;
    if (phase >= channels) phase -= channels;
  }
  if (stream) vec_stream_fence();
  vec_storeu(dst, head);
  vec_storeu(dst + n - VEC_BYTES, tail);
}

VEC_INLINE void px_map_rows(const strata_rows *r, unsigned channels, px_op op, const void *ctx,
                            int stream) {
  for (size_t y = 0; y < r->height; y++)
    px_map_row(r->dst + y * r->dst_stride, r->src + y * r->src_stride, r->row_bytes, channels, op,
               ctx, stream);
}

#endif
