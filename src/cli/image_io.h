/* Image files for the strata tool: 8-bit PNG (libpng) and binary PGM/PPM (P5/P6, maxval 255),
   read into interleaved 8-bit pixels, and written through a temporary file that is renamed over
   the output only when complete (never a partial output file). */
#ifndef STRATA_CLI_IMAGE_IO_H
#define STRATA_CLI_IMAGE_IO_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum cli_format { CLI_FORMAT_PNG, CLI_FORMAT_PNM } cli_format;

/* height rows of width pixels of `channels` bytes (1 gray, 2 gray+alpha, 3 RGB, 4 RGBA),
   rows `stride` = width * channels bytes apart. */
typedef struct cli_image {
  uint8_t *pixels;
  size_t width, height, stride;
  unsigned channels;
  cli_format format; /* the format it was read from */
} cli_image;

/* Error messages are written to err (at most CLI_ERR_LEN bytes, without the file name). */
#define CLI_ERR_LEN 256

/* Reads a PNG or PNM file (told apart by their first bytes). PNG: palette images become RGB or
   RGBA, gray below 8 bits becomes 8-bit gray, a tRNS colour key becomes an alpha channel;
   16-bit PNG is refused. PNM: P5 and P6 with maxval 255 only. 0 on success, -1 on error. */
int cli_image_read(const char *path, cli_image *img, char *err);
/* Writes img to path in the given format, through a temporary file in the same directory.
   PNM holds 1 or 3 channels only. 0 on success, -1 on error (then path is untouched). */
int cli_image_write(const char *path, const cli_image *img, cli_format format, char *err);
void cli_image_free(cli_image *img);

/* The format a file name asks for by its extension (.png, .pgm/.ppm/.pnm); -1 if none. */
int cli_format_from_name(const char *path);

/* Format readers and writers on open streams (png_io.c, pnm_io.c). */
int cli_png_read(FILE *f, cli_image *img, char *err);
int cli_png_write(FILE *f, const cli_image *img, char *err);
int cli_pnm_read(FILE *f, cli_image *img, char *err);
int cli_pnm_write(FILE *f, const cli_image *img, char *err);

/* Sets the permission bits new output files get (0666 minus the umask); call once from main. */
void cli_image_set_umask(unsigned mask);

#endif
