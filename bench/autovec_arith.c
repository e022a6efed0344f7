/* The arith family's reference rows "<kernel>/autovec/<size>": each op as the plain loop a user
   would write, compiled -O3 -march=native (bench/CMakeLists.txt) so that the compiler vectorizes
   it for this very CPU. No restrict (the compiler adds its own overlap check), no fast-math (so
   float reductions stay sequential, as the C semantics demand).
   Also the 2-input ceiling: triad_ceiling, the fastest loop that reads two arrays and writes one
   (a bitwise OR over 64-bit words: no arithmetic latency, only the memory traffic). */
#include <math.h>
#include <stddef.h>
#include <stdint.h>

#define AUTOVEC_BINARY(name, T, expr)                                                              \
  void autovec_##name(T *d, const T *a, const T *b, size_t n) {                                    \
    for (size_t i = 0; i < n; i++) d[i] = (expr);                                                  \
  }

AUTOVEC_BINARY(add_f32, float, a[i] + b[i])
AUTOVEC_BINARY(add_f64, double, a[i] + b[i])
AUTOVEC_BINARY(add_i32, int32_t, (int32_t)((uint32_t)a[i] + (uint32_t)b[i]))
AUTOVEC_BINARY(add_u8, uint8_t, (uint8_t)(a[i] + b[i]))
AUTOVEC_BINARY(sub_f32, float, a[i] - b[i])
AUTOVEC_BINARY(sub_f64, double, a[i] - b[i])
AUTOVEC_BINARY(sub_i32, int32_t, (int32_t)((uint32_t)a[i] - (uint32_t)b[i]))
AUTOVEC_BINARY(mul_f32, float, a[i] * b[i])
AUTOVEC_BINARY(mul_f64, double, a[i] * b[i])
AUTOVEC_BINARY(mul_i32, int32_t, (int32_t)((uint32_t)a[i] * (uint32_t)b[i]))
AUTOVEC_BINARY(mul_u8, uint8_t, (uint8_t)(a[i] * b[i]))
AUTOVEC_BINARY(div_f32, float, a[i] / b[i])
AUTOVEC_BINARY(div_f64, double, a[i] / b[i])
AUTOVEC_BINARY(min_f32, float, b[i] < a[i] ? b[i] : a[i])
AUTOVEC_BINARY(max_f64, double, b[i] > a[i] ? b[i] : a[i])
AUTOVEC_BINARY(min_i32, int32_t, b[i] < a[i] ? b[i] : a[i])
AUTOVEC_BINARY(adds_u8, uint8_t, (uint8_t)(a[i] + b[i] > 255 ? 255 : a[i] + b[i]))
AUTOVEC_BINARY(subs_i16, int16_t,
               (int16_t)(a[i] - b[i] < INT16_MIN   ? INT16_MIN
                         : a[i] - b[i] > INT16_MAX ? INT16_MAX
                                                   : a[i] - b[i]))

void autovec_fma_f32(float *d, const float *a, const float *b, const float *c, size_t n) {
  for (size_t i = 0; i < n; i++) d[i] = fmaf(a[i], b[i], c[i]);
}
void autovec_fma_f64(double *d, const double *a, const double *b, const double *c, size_t n) {
  for (size_t i = 0; i < n; i++) d[i] = fma(a[i], b[i], c[i]);
}
void autovec_axpy_f32(float *y, float alpha, const float *x, size_t n) {
  for (size_t i = 0; i < n; i++) y[i] = fmaf(alpha, x[i], y[i]);
}

float autovec_sum_f32(const float *a, size_t n) {
  float s = 0;
  for (size_t i = 0; i < n; i++) s += a[i];
  return s;
}
double autovec_sum_f64(const double *a, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++) s += a[i];
  return s;
}
float autovec_dot_f32(const float *a, const float *b, size_t n) {
  float s = 0;
  for (size_t i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}
double autovec_dot_f64(const double *a, const double *b, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}
int64_t autovec_sum_i32(const int32_t *a, size_t n) {
  int64_t s = 0;
  for (size_t i = 0; i < n; i++) s += a[i];
  return s;
}
uint64_t autovec_sum_u8(const uint8_t *a, size_t n) {
  uint64_t s = 0;
  for (size_t i = 0; i < n; i++) s += a[i];
  return s;
}

void triad_ceiling(uint64_t *restrict d, const uint64_t *restrict a, const uint64_t *restrict b,
                   size_t n) {
  for (size_t i = 0; i < n; i++) d[i] = a[i] | b[i];
}
