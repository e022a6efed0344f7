/* Format detection, and the all-or-nothing output file: the image is written to a temporary
   file in the output's directory (so rename is atomic), which replaces the output only once it
   is complete and closed without error; on any failure it is removed. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "image_io.h"

static mode_t g_new_file_mode = 0644;

void cli_image_set_umask(unsigned mask) {
  g_new_file_mode = 0666 & ~(mode_t)mask;
}

void cli_image_free(cli_image *img) {
  free(img->pixels);
  img->pixels = NULL;
}

int cli_format_from_name(const char *path) {
  const char *dot = strrchr(path, '.');
  if (!dot || strchr(dot, '/')) return -1;
  if (strcasecmp(dot, ".png") == 0) return CLI_FORMAT_PNG;
  if (strcasecmp(dot, ".pgm") == 0 || strcasecmp(dot, ".ppm") == 0 || strcasecmp(dot, ".pnm") == 0)
    return CLI_FORMAT_PNM;
  return -1;
}

int cli_image_read(const char *path, cli_image *img, char *err) {
  static const unsigned char png_magic[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(err, CLI_ERR_LEN, "cannot open: %s", strerror(errno));
    return -1;
  }
  unsigned char magic[8] = {0};
  const size_t got = fread(magic, 1, sizeof magic, f);
  int rc = -1;
  if (ferror(f)) {
    snprintf(err, CLI_ERR_LEN, "cannot read: %s", strerror(errno));
  } else if (fseek(f, 0, SEEK_SET) != 0) {
    snprintf(err, CLI_ERR_LEN, "cannot seek: %s", strerror(errno));
  } else if (got == sizeof magic && memcmp(magic, png_magic, sizeof magic) == 0) {
    rc = cli_png_read(f, img, err);
  } else if (got >= 2 && magic[0] == 'P' && magic[1] >= '1' && magic[1] <= '7') {
    rc = cli_pnm_read(f, img, err);
  } else {
    snprintf(err, CLI_ERR_LEN, "unsupported format (strata reads PNG, PGM P5 and PPM P6)");
  }
  fclose(f);
  return rc;
}

int cli_image_write(const char *path, const cli_image *img, cli_format format, char *err) {
  err[0] = 0;
  /* The temporary file: ".<name>.XXXXXX" next to the output. */
  const char *slash = strrchr(path, '/');
  const size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
  char *tmp = malloc(strlen(path) + 9);
  if (!tmp) {
    snprintf(err, CLI_ERR_LEN, "out of memory");
    return -1;
  }
  sprintf(tmp, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
  const int fd = mkstemp(tmp);
  if (fd < 0) {
    snprintf(err, CLI_ERR_LEN, "cannot write: %s", strerror(errno));
    free(tmp);
    return -1;
  }
  FILE *f = fdopen(fd, "wb");
  if (!f) {
    snprintf(err, CLI_ERR_LEN, "cannot write: %s", strerror(errno));
    close(fd);
    unlink(tmp);
    free(tmp);
    return -1;
  }
  int rc = format == CLI_FORMAT_PNG ? cli_png_write(f, img, err) : cli_pnm_write(f, img, err);
  if (rc == 0 && fchmod(fd, g_new_file_mode) != 0) rc = -1;
  if (rc == 0 && (fflush(f) != 0 || ferror(f))) rc = -1;
  if (rc == 0 && fsync(fd) != 0 && errno != EINVAL) rc = -1;
  if (rc == -1 && !*err) snprintf(err, CLI_ERR_LEN, "cannot write: %s", strerror(errno));
  if (fclose(f) != 0 && rc == 0) {
    snprintf(err, CLI_ERR_LEN, "cannot write: %s", strerror(errno));
    rc = -1;
  }
  if (rc == 0 && rename(tmp, path) != 0) {
    snprintf(err, CLI_ERR_LEN, "cannot write: %s", strerror(errno));
    rc = -1;
  }
  if (rc != 0) unlink(tmp);
  free(tmp);
  return rc;
}
