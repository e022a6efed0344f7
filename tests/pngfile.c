/* See pngfile.h. Errors longjmp back to the png_jmpbuf set in each function. */
#include "pngfile.h"

#include <png.h>
#include <stdlib.h>

int pf_write_png(const char *path, const uint8_t *pixels, size_t width, size_t height,
                 int color_type, int depth, const uint8_t *palette, int entries) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct(png);
  png_bytep *volatile rows = malloc(sizeof *rows * height);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    free(rows);
    fclose(f);
    return -1;
  }
  png_init_io(png, f);
  png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, depth, color_type,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (palette) png_set_PLTE(png, info, (png_const_colorp)palette, entries);
  png_write_info(png, info);
  const int channels = png_get_channels(png, info);
  for (size_t y = 0; y < height; y++)
    rows[y] = (png_bytep)pixels + y * ((width * (size_t)channels * (size_t)depth + 7) / 8);
  png_write_image(png, rows);
  png_write_end(png, NULL);
  png_destroy_write_struct(&png, &info);
  free(rows);
  return fclose(f);
}

uint8_t *pf_read_png(const char *path, size_t *width, size_t *height, unsigned *channels) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct(png);
  uint8_t *volatile pixels = NULL;
  png_bytep *volatile rows = NULL;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, NULL);
    free(pixels);
    free(rows);
    fclose(f);
    return NULL;
  }
  png_init_io(png, f);
  png_read_info(png, info);
  if (png_get_bit_depth(png, info) != 8 || png_get_color_type(png, info) == PNG_COLOR_TYPE_PALETTE)
    png_error(png, "not an 8-bit gray/RGB(A) file");
  const size_t w = png_get_image_width(png, info), h = png_get_image_height(png, info);
  const unsigned ch = png_get_channels(png, info);
  pixels = malloc(w * h * ch + 1);
  rows = malloc(sizeof *rows * h + 1);
  for (size_t y = 0; y < h; y++) rows[y] = pixels + y * w * ch;
  png_read_image(png, rows);
  png_destroy_read_struct(&png, &info, NULL);
  free(rows);
  fclose(f);
  *width = w, *height = h, *channels = ch;
  return pixels;
}
