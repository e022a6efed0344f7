/* Brightness kernels, one per layer. Kernels do not validate: src/image.c has checked pointers,
   ranges and overlap before any of these runs. `stream` asks for non-temporal stores (chosen by
   src/ for outputs far larger than the last-level cache). */
#ifndef STRATA_KERNELS_BRIGHTNESS_H
#define STRATA_KERNELS_BRIGHTNESS_H

#include <stddef.h>
#include <stdint.h>

#include "isa.h"

typedef void strata_brighten_u8_fn(uint8_t *dst, const uint8_t *src, size_t n, int delta,
                                   int stream);

void strata_brighten_u8_scalar(uint8_t *dst, const uint8_t *src, size_t n, int delta);
void strata_brighten_u8_bit(uint8_t *dst, const uint8_t *src, size_t n, int delta);
STRATA_DECLARE_PER_ISA(void, strata_brighten_u8_data,
                       (uint8_t * dst, const uint8_t *src, size_t n, int delta, int stream));
void strata_brighten_u8_task(uint8_t *dst, const uint8_t *src, size_t n, int delta, int stream,
                             int threads, strata_brighten_u8_fn *kernel);

#endif
