/* Saturating brightness, bit layer (SWAR): eight pixels per uint64_t, saturating add or
   subtract of |delta| in every byte lane with integer operations only (swar.h).
   Any alignment; dst may equal src; reads and writes exactly n bytes: the last n % 8 bytes go
   through a zeroed word, never past src + n. */
#include "brightness.h"
#include "swar.h"

void strata_brighten_u8_bit(uint8_t *dst, const uint8_t *src, size_t n, int delta) {
  const uint64_t d = SWAR_ONES * (uint64_t)(delta < 0 ? -delta : delta);
  uint64_t (*const op)(uint64_t, uint64_t) = delta < 0 ? swar_subs_u8 : swar_adds_u8;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) swar_store(dst + i, op(swar_load(src + i), d));
  if (i < n) {
    uint64_t w = 0;
    memcpy(&w, src + i, n - i);
    w = op(w, d);
    memcpy(dst + i, &w, n - i);
  }
}
