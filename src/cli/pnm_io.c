/* Binary PGM (P5, gray) and PPM (P6, RGB) with maxval 255, as netpbm writes them: the magic,
   width, height and maxval separated by whitespace (with # comments to the end of a line), one
   whitespace byte, then the rows. Other PNM kinds (ASCII P2/P3, bitmaps, 16-bit) are refused. */
#include <ctype.h>
#include <stdlib.h>

#include "image_io.h"

/* The next header number; -1 on junk or end of file. */
static long header_number(FILE *f) {
  int c = getc(f);
  for (;;) {
    if (c == '#')
      while (c != '\n' && c != EOF) c = getc(f);
    else if (isspace(c))
      c = getc(f);
    else
      break;
  }
  long v = 0;
  if (!isdigit(c)) return -1;
  for (; isdigit(c); c = getc(f)) {
    if (v > 100000000) return -1;
    v = v * 10 + (c - '0');
  }
  if (!isspace(c)) return -1; /* exactly one whitespace byte after the last number is eaten */
  return v;
}

int cli_pnm_read(FILE *f, cli_image *img, char *err) {
  char magic[2];
  if (fread(magic, 1, 2, f) != 2 || magic[0] != 'P') {
    snprintf(err, CLI_ERR_LEN, "not a PNM file");
    return -1;
  }
  if (magic[1] != '5' && magic[1] != '6') {
    snprintf(err, CLI_ERR_LEN, "PNM type P%c is not supported (only binary P5 and P6)", magic[1]);
    return -1;
  }
  const unsigned channels = magic[1] == '5' ? 1 : 3;
  const long width = header_number(f), height = header_number(f), maxval = header_number(f);
  if (width < 0 || height < 0 || maxval < 0) {
    snprintf(err, CLI_ERR_LEN, "PNM: bad header");
    return -1;
  }
  if (maxval != 255) {
    snprintf(err, CLI_ERR_LEN, "PNM maxval %ld is not supported (only 255, 8-bit)", maxval);
    return -1;
  }
  const size_t stride = (size_t)width * channels, bytes = stride * (size_t)height;
  uint8_t *pixels = malloc(bytes + !bytes);
  if (!pixels) {
    snprintf(err, CLI_ERR_LEN, "out of memory");
    return -1;
  }
  if (fread(pixels, 1, bytes, f) != bytes) {
    free(pixels);
    snprintf(err, CLI_ERR_LEN, "PNM: file is truncated");
    return -1;
  }
  *img = (cli_image){pixels, (size_t)width, (size_t)height, stride, channels, CLI_FORMAT_PNM};
  return 0;
}

int cli_pnm_write(FILE *f, const cli_image *img, char *err) {
  if (img->channels != 1 && img->channels != 3) {
    snprintf(err, CLI_ERR_LEN, "PGM/PPM cannot hold %s: write a .png",
             img->channels == 2 ? "gray+alpha" : "RGBA");
    return -1;
  }
  fprintf(f, "P%c\n%zu %zu\n255\n", img->channels == 1 ? '5' : '6', img->width, img->height);
  for (size_t y = 0; y < img->height; y++)
    if (fwrite(img->pixels + y * img->stride, 1, img->width * img->channels, f) !=
        img->width * img->channels)
      break; /* the caller sees the error through ferror/fclose */
  return 0;
}
