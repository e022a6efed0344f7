/* PNG files for the tool's tests, written and read with libpng directly (independently of the
   tool's own reader): any colour type, 8 or 16 bits, optional palette. */
#ifndef STRATA_TEST_PNGFILE_H
#define STRATA_TEST_PNGFILE_H

#include <stddef.h>
#include <stdint.h>

/* Writes height rows of width pixels; color_type is a PNG_COLOR_TYPE_*, depth the bits per
   sample (1, 2, 4, 8 or 16; rows are packed, a whole number of bytes each); palette (3 bytes
   per entry, `entries` of them) only for PNG_COLOR_TYPE_PALETTE. 0 on success. */
int pf_write_png(const char *path, const uint8_t *pixels, size_t width, size_t height,
                 int color_type, int depth, const uint8_t *palette, int entries);
/* Reads an 8-bit gray, gray+alpha, RGB or RGBA PNG with no conversion; NULL if the file is
   anything else. The caller frees the pixels (rows of width*channels bytes). */
uint8_t *pf_read_png(const char *path, size_t *width, size_t *height, unsigned *channels);

#endif
