/* PNG through libpng's low-level API (the simplified API would apply gamma conversions to some
   files; here the samples are passed through exactly). libpng reports errors by longjmp to the
   png_jmpbuf set in each function; its message is copied into err first. */
#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "image_io.h"

static void on_error(png_structp png, png_const_charp msg) {
  char *err = png_get_error_ptr(png);
  snprintf(err, CLI_ERR_LEN, "PNG: %s", msg);
  png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg) {
  (void)png, (void)msg;
}

int cli_png_read(FILE *f, cli_image *img, char *err) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, err, on_error, on_warning);
  png_infop info = png ? png_create_info_struct(png) : NULL;
  uint8_t *volatile pixels = NULL;
  png_bytep *volatile rows = NULL;
  if (!info) {
    png_destroy_read_struct(&png, NULL, NULL);
    snprintf(err, CLI_ERR_LEN, "out of memory");
    return -1;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, NULL);
    free(pixels);
    free(rows);
    return -1;
  }
  png_init_io(png, f);
  png_read_info(png, info);
  png_uint_32 width, height;
  int depth, color, interlace;
  png_get_IHDR(png, info, &width, &height, &depth, &color, &interlace, NULL, NULL);
  if (depth == 16) png_error(png, "16-bit samples are not supported (strata works on 8-bit)");
  if (color == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (color == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  const unsigned channels = png_get_channels(png, info);
  const size_t stride = png_get_rowbytes(png, info);
  if (stride != (size_t)width * channels || (height && stride > SIZE_MAX / height))
    png_error(png, "unexpected row layout");
  pixels = malloc(stride * height + !height);
  rows = malloc(sizeof *rows * height + !height);
  if (!pixels || !rows) png_error(png, "out of memory");
  for (size_t y = 0; y < height; y++) rows[y] = pixels + y * stride;
  png_read_image(png, rows);
  png_read_end(png, NULL);
  png_destroy_read_struct(&png, &info, NULL);
  free(rows);
  *img = (cli_image){pixels, width, height, stride, channels, CLI_FORMAT_PNG};
  return 0;
}

int cli_png_write(FILE *f, const cli_image *img, char *err) {
  static const int color_types[] = {PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA,
                                    PNG_COLOR_TYPE_RGB, PNG_COLOR_TYPE_RGB_ALPHA};
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, err, on_error, on_warning);
  png_infop info = png ? png_create_info_struct(png) : NULL;
  png_bytep *volatile rows = NULL;
  if (!info) {
    png_destroy_write_struct(&png, NULL);
    snprintf(err, CLI_ERR_LEN, "out of memory");
    return -1;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    free(rows);
    return -1;
  }
  png_init_io(png, f);
  png_set_IHDR(png, info, (png_uint_32)img->width, (png_uint_32)img->height, 8,
               color_types[img->channels - 1], PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  rows = malloc(sizeof *rows * img->height + !img->height);
  if (!rows) png_error(png, "out of memory");
  for (size_t y = 0; y < img->height; y++) rows[y] = img->pixels + y * img->stride;
  png_write_info(png, info);
  png_write_image(png, rows);
  png_write_end(png, NULL);
  png_destroy_write_struct(&png, &info);
  free(rows);
  return 0;
}
