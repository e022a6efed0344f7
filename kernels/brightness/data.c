/* Saturating brightness, data layer: dst[i] = min(255, max(0, src[i] + delta)) as one unsigned
   saturating add (delta >= 0) or subtract (delta < 0) per vector of VEC_BYTES pixels.
   Compiled once per ISA. Any alignment; dst may equal src; reads and writes exactly n bytes
   (head, tail and short inputs as in vec_map_u8). Non-temporal stores when `stream`. */
#include "brightness.h"
#include "vec.h"

void STRATA_ISA_FN(strata_brighten_u8_data)(uint8_t *dst, const uint8_t *src, size_t n, int delta,
                                            int stream) {
  if (delta >= 0)
    vec_map_u8(dst, src, n, vec_adds_u8, vec_set1_u8((uint8_t)delta), stream);
  else
    vec_map_u8(dst, src, n, vec_subs_u8, vec_set1_u8((uint8_t)-delta), stream);
}
