/* Saturating brightness, bit layer (SWAR): eight pixels per uint64_t, saturating add and subtract
   in every byte lane with integer operations only (swar.h).
   Any alignment; dst may equal src; reads and writes exactly the bytes given: the last n % 8
   bytes of a row go through a zeroed word, never past the row's end.
   Per-channel deltas: lane l of the word at byte offset o gets delta[(o + l) % channels]; the
   words for each phase o % channels are built once, and a word adds the positive deltas and
   then subtracts the negative ones (a zero lane leaves the byte unchanged). */
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

static uint64_t brighten_word(uint64_t w, uint64_t add, uint64_t sub) {
  return swar_subs_u8(swar_adds_u8(w, add), sub);
}

void strata_brighten_rows_u8_bit(const strata_rows *r, const void *params, int stream) {
  const strata_brighten_params *p = params;
  const unsigned c = p->channels;
  uint64_t add[4], sub[4];
  (void)stream;
  for (unsigned phase = 0; phase < c; phase++) {
    uint8_t a[8], s[8];
    for (unsigned l = 0; l < 8; l++) {
      const int d = p->delta[(phase + l) % c];
      a[l] = (uint8_t)(d > 0 ? d : 0);
      s[l] = (uint8_t)(d < 0 ? -d : 0);
    }
    add[phase] = swar_load(a);
    sub[phase] = swar_load(s);
  }
  const unsigned step = 8 % c;
  for (size_t y = 0; y < r->height; y++) {
    uint8_t *dst = r->dst + y * r->dst_stride;
    const uint8_t *src = r->src + y * r->src_stride;
    const size_t n = r->row_bytes;
    unsigned phase = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      swar_store(dst + i, brighten_word(swar_load(src + i), add[phase], sub[phase]));
      phase += step;
      if (phase >= c) phase -= c;
    }
    if (i < n) {
      uint64_t w = 0;
      memcpy(&w, src + i, n - i);
      w = brighten_word(w, add[phase], sub[phase]);
      memcpy(dst + i, &w, n - i);
    }
  }
}
