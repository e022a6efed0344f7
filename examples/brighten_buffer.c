/* Brighten an image buffer with strata: in place, into a second buffer, with explicit
   execution settings, and how errors come back.
   Build: cc brighten_buffer.c $(pkg-config --cflags --libs strata) */
#include <stdio.h>
#include <stdlib.h>

#include <strata/strata.h>

int main(void) {
  enum { WIDTH = 640, HEIGHT = 480 };
  const size_t n = (size_t)WIDTH * HEIGHT; /* one 8-bit gray channel */
  uint8_t *pixels = malloc(n), *out = malloc(n);
  if (!pixels || !out) return 1;
  for (size_t i = 0; i < n; i++) pixels[i] = (uint8_t)(i % WIDTH * 256 / WIDTH); /* a ramp */

  /* In place, all defaults (the AUTO layer and ISA): +40, saturating at 255. */
  strata_status s = strata_brighten_u8(pixels, pixels, n, 40);
  if (s != STRATA_OK) {
    fprintf(stderr, "brighten: %s\n", strata_status_string(s));
    return 1;
  }

  /* Into another buffer, darker, on the SWAR (bit) layer. */
  strata_exec exec = {.layer = STRATA_LAYER_BIT};
  s = strata_brighten_u8_ex(out, pixels, n, -40, &exec);
  if (s != STRATA_OK) {
    fprintf(stderr, "brighten: %s\n", strata_status_string(s));
    return 1;
  }
  printf("pixel 600: ramp %d, +40 -> %d, then -40 -> %d\n", 600 * 256 / WIDTH, pixels[600],
         out[600]);

  /* Bad arguments come back as a status and nothing is written. */
  s = strata_brighten_u8(out, pixels, n, 300);
  printf("delta 300: %s\n", strata_status_string(s));
  const int ok = s == STRATA_ERR_ARG && out[600] == 215;

  free(pixels);
  free(out);
  return ok ? 0 : 1;
}
