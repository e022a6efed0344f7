/* The brightness family's ops as plain loops, compiled -O3 -march=native (bench/CMakeLists.txt):
   what the compiler alone makes of them for this machine. Reference rows "autovec". */
#include <math.h>
#include <stddef.h>
#include <stdint.h>

void strata_autovec_brighten_u8(uint8_t *dst, const uint8_t *src, size_t n, int delta);
void strata_autovec_gain_bias_u8(uint8_t *dst, const uint8_t *src, size_t n, float gain,
                                 float bias);
void strata_autovec_lut_u8(uint8_t *dst, const uint8_t *src, size_t n, const uint8_t *lut);

void strata_autovec_brighten_u8(uint8_t *dst, const uint8_t *src, size_t n, int delta) {
  for (size_t i = 0; i < n; i++) {
    int v = src[i] + delta;
    dst[i] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
  }
}

void strata_autovec_gain_bias_u8(uint8_t *dst, const uint8_t *src, size_t n, float gain,
                                 float bias) {
  for (size_t i = 0; i < n; i++) {
    float y = fmaf((float)src[i], gain, bias);
    y = y < 0.0f ? 0.0f : y > 255.0f ? 255.0f : y;
    dst[i] = (uint8_t)rintf(y);
  }
}

void strata_autovec_lut_u8(uint8_t *dst, const uint8_t *src, size_t n, const uint8_t *lut) {
  for (size_t i = 0; i < n; i++) dst[i] = lut[src[i]];
}
