/* Brightness kernels, one per layer. Kernels do not validate: src/image.c has checked pointers,
   ranges and overlap before any of these runs. `stream` asks for non-temporal stores (chosen by
   src/ for outputs far larger than the last-level cache).

   Two shapes of kernel:
   - byte streams (dst, src, n): strata_brighten_u8 with one delta;
   - row sets (strata_rows): `height` rows of `row_bytes` bytes, rows `*_stride` bytes apart, every
     row starting at channel 0 of an interleaved pixel. Bytes between row_bytes and the stride are
     never read nor written. dst may equal src with the same stride (in place); each row is then
     read before it is written. A contiguous image arrives as one long row. */
#ifndef STRATA_KERNELS_BRIGHTNESS_H
#define STRATA_KERNELS_BRIGHTNESS_H

#include <stddef.h>
#include <stdint.h>

#include "isa.h"

typedef struct strata_rows {
  uint8_t *dst;
  const uint8_t *src;
  size_t dst_stride, src_stride;
  size_t row_bytes, height;
} strata_rows;

/* Per-channel saturating delta: byte k of a row gets delta[k % channels], each in [-255, 255]. */
typedef struct strata_brighten_params {
  unsigned channels; /* 1..4 */
  int delta[4];
} strata_brighten_params;

/* Per-channel gain/bias: byte k of a row becomes
   rne(clamp(fmaf((float)x, gain[k % channels], bias[k % channels]), 0, 255)); finite gains/biases.
   `vbmi`: the CPU runs AVX-512 VBMI (src/ checks; only the AVX-512 kernels look at it). */
typedef struct strata_gain_bias_params {
  unsigned channels; /* 1..4 */
  float gain[4], bias[4];
  int vbmi;
} strata_gain_bias_params;

/* Table lookup: dst byte = lut[src byte]. `vbmi` as above. */
typedef struct strata_lut_params {
  const uint8_t *lut; /* 256 entries */
  int vbmi;
} strata_lut_params;

/* Every row-set kernel has this type (params points at the op's strata_*_params), so that the
   task layer can run any of them on chunks of rows. */
typedef void strata_rows_fn(const strata_rows *rows, const void *params, int stream);

typedef void strata_brighten_u8_fn(uint8_t *dst, const uint8_t *src, size_t n, int delta,
                                   int stream);

/* Reference layer (scalar.c): the formulas, one byte per step. */
void strata_brighten_u8_scalar(uint8_t *dst, const uint8_t *src, size_t n, int delta);
void strata_brighten_rows_u8_scalar(const strata_rows *rows, const void *params, int stream);
void strata_gain_bias_rows_u8_scalar(const strata_rows *rows, const void *params, int stream);
void strata_lut_rows_u8_scalar(const strata_rows *rows, const void *params, int stream);
/* table[x] = the gain/bias formula applied to x, for x in 0..255. */
void strata_gain_bias_table_u8(uint8_t table[256], float gain, float bias);

/* Bit layer (bit.c): SWAR, eight bytes per uint64_t. */
void strata_brighten_u8_bit(uint8_t *dst, const uint8_t *src, size_t n, int delta);
void strata_brighten_rows_u8_bit(const strata_rows *rows, const void *params, int stream);

/* Data layer, compiled once per ISA (data.c, gain_bias_data.c, lut_data.c). */
STRATA_DECLARE_PER_ISA(void, strata_brighten_u8_data,
                       (uint8_t * dst, const uint8_t *src, size_t n, int delta, int stream));
STRATA_DECLARE_PER_ISA(void, strata_brighten_rows_u8_data,
                       (const strata_rows *rows, const void *params, int stream));
STRATA_DECLARE_PER_ISA(void, strata_gain_bias_rows_u8_data,
                       (const strata_rows *rows, const void *params, int stream));
STRATA_DECLARE_PER_ISA(void, strata_lut_rows_u8_data,
                       (const strata_rows *rows, const void *params, int stream));

/* Task layer (task.c): the data-layer kernel handed in by src/ on OpenMP threads. */
void strata_brighten_u8_task(uint8_t *dst, const uint8_t *src, size_t n, int delta, int stream,
                             int threads, strata_brighten_u8_fn *kernel);
/* Runs `kernel` on chunks of `rows`: runs of whole rows when there are several rows, else byte
   ranges of the single row whose lengths are multiples of `grain` bytes (a multiple of the
   vector width and of the channel count, so that every chunk starts at channel 0). */
void strata_rows_task(const strata_rows *rows, size_t grain, const void *params, int stream,
                      int threads, strata_rows_fn *kernel);

#endif
