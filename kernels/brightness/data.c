/* Saturating brightness, data layer: dst = min(255, max(0, src + delta)) as unsigned saturating
   adds and subtracts of whole vectors. Compiled once per ISA.
   - One delta (strata_brighten_u8, and images whose channels all share a delta): one saturating
     add (delta >= 0) or subtract (delta < 0) per vector, through vec_map_u8.
   - Per-channel deltas: a saturating add of the positive deltas then a saturating subtract of the
     negative ones, with the lane pattern of the vector's phase (pixel.h); a channel whose delta
     is 0 passes through both unchanged.
   Any alignment; dst may equal src; reads and writes exactly the bytes of each row (head, tail
   and short rows as in vec_map_u8). Non-temporal stores when `stream`. */
#include "pixel.h"

void STRATA_ISA_FN(strata_brighten_u8_data)(uint8_t *dst, const uint8_t *src, size_t n, int delta,
                                            int stream) {
  if (delta >= 0)
    vec_map_u8(dst, src, n, vec_adds_u8, vec_set1_u8((uint8_t)delta), stream);
  else
    vec_map_u8(dst, src, n, vec_subs_u8, vec_set1_u8((uint8_t)-delta), stream);
}

struct brighten_phases {
  vec_i add[4], sub[4];
};

VEC_INLINE vec_i brighten_phase(vec_i x, const void *ctx, unsigned phase) {
  const struct brighten_phases *b = ctx;
  return vec_subs_u8(vec_adds_u8(x, b->add[phase]), b->sub[phase]);
}

void STRATA_ISA_FN(strata_brighten_rows_u8_data)(const strata_rows *r, const void *params,
                                                 int stream) {
  const strata_brighten_params *p = params;
  const unsigned c = p->channels;
  int uniform = 1;
  for (unsigned k = 1; k < c; k++) uniform &= p->delta[k] == p->delta[0];
  if (uniform) {
    for (size_t y = 0; y < r->height; y++)
      STRATA_ISA_FN(strata_brighten_u8_data)
      (r->dst + y * r->dst_stride, r->src + y * r->src_stride, r->row_bytes, p->delta[0], stream);
    return;
  }
  uint8_t add[4] = {0}, sub[4] = {0};
  for (unsigned k = 0; k < c; k++) {
    add[k] = (uint8_t)(p->delta[k] > 0 ? p->delta[k] : 0);
    sub[k] = (uint8_t)(p->delta[k] < 0 ? -p->delta[k] : 0);
  }
  struct brighten_phases b;
  px_phase_vectors(b.add, add, c);
  px_phase_vectors(b.sub, sub, c);
  px_map_rows(r, c, brighten_phase, &b, stream);
}
