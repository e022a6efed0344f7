/* Saturating brightness, the reference: dst[i] = min(255, max(0, src[i] + delta)).
   One byte per step; compiled with -fno-tree-vectorize so it stays the plain loop.
   Any alignment; dst may equal src; reads and writes exactly n bytes. */
#include "brightness.h"

void strata_brighten_u8_scalar(uint8_t *dst, const uint8_t *src, size_t n, int delta) {
  for (size_t i = 0; i < n; i++) {
    int v = src[i] + delta;
    dst[i] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
  }
}
