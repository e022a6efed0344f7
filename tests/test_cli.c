/* The strata tool, run as a user runs it: real PNG (gray, gray+alpha, RGB, RGBA, palette) and
   PGM/PPM files through `strata brighten`, pixels compared with the library called directly;
   every layer and ISA; many files at once with a bad one among them; the error cases (missing,
   unsupported, unwritable), with no output or temporary file left behind; info, bench, help.
   Usage: test_cli PATH_TO_STRATA_TOOL */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <fcntl.h>
#include <png.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pngfile.h"
#include "testutil.h"

extern char **environ;

static const char *g_tool;
static char g_dir[64];      /* the scratch directory */
static char g_out[1 << 16]; /* what the last run printed to stdout */
static char g_err[1 << 16]; /* ... and to stderr */

static char *path(const char *name) {
  static char buf[8][256];
  static int k;
  k = (k + 1) % 8;
  snprintf(buf[k], sizeof buf[k], "%s/%s", g_dir, name);
  return buf[k];
}

static void slurp(const char *file, char *out, size_t len) {
  FILE *f = fopen(file, "r");
  size_t n = f ? fread(out, 1, len - 1, f) : 0;
  out[n] = 0;
  if (f) fclose(f);
}

/* Runs the tool with the given arguments (NULL-terminated); returns its exit status. */
static int run(const char *first, ...) {
  const char *args[64] = {g_tool, first};
  int n = first ? 2 : 1;
  va_list ap;
  va_start(ap, first);
  while (first && n < 63 && (args[n] = va_arg(ap, const char *)) != NULL) n++;
  va_end(ap);
  args[n] = NULL;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, path("stdout.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, path("stderr.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid;
  assert_int_equal(posix_spawn(&pid, g_tool, &fa, NULL, (char *const *)args, environ), 0);
  posix_spawn_file_actions_destroy(&fa);
  int status;
  assert_int_equal(waitpid(pid, &status, 0), pid);
  slurp(path("stdout.txt"), g_out, sizeof g_out);
  slurp(path("stderr.txt"), g_err, sizeof g_err);
  assert_true(WIFEXITED(status));
  return WEXITSTATUS(status);
}

static int exists(const char *p) {
  struct stat st;
  return stat(p, &st) == 0;
}

/* No temporary output files (".name.XXXXXX") left in the scratch directory or below `sub`. */
static void assert_no_temporaries(const char *sub) {
  DIR *d = opendir(sub ? path(sub) : g_dir);
  assert_non_null(d);
  for (struct dirent *e; (e = readdir(d)) != NULL;)
    if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
      fail_msg("temporary file left behind: %s", e->d_name);
  closedir(d);
}

static const int png_types[5] = {0, PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA,
                                 PNG_COLOR_TYPE_RGB, PNG_COLOR_TYPE_RGB_ALPHA};

typedef struct image {
  uint8_t *p;
  size_t w, h;
  unsigned ch;
} image;

/* A random image written as a PNG file `name`. */
static image make_png(const char *name, size_t w, size_t h, unsigned ch, uint64_t seed) {
  image img = {malloc(w * h * ch), w, h, ch};
  tu_fill(img.p, w * h * ch, &seed);
  assert_int_equal(pf_write_png(path(name), img.p, w, h, png_types[ch], 8, NULL, 0), 0);
  return img;
}

static void write_pnm(const char *name, const image *img) {
  FILE *f = fopen(path(name), "wb");
  assert_non_null(f);
  fprintf(f, "P%c\n# made by test_cli\n%zu %zu\n255\n", img->ch == 1 ? '5' : '6', img->w, img->h);
  fwrite(img->p, 1, img->w * img->h * img->ch, f);
  fclose(f);
}

static image read_pnm(const char *name) {
  FILE *f = fopen(path(name), "rb");
  assert_non_null(f);
  char magic[3] = {0};
  image img = {0};
  int maxval = 0;
  assert_int_equal(fscanf(f, "%2s %zu %zu %d", magic, &img.w, &img.h, &maxval), 4);
  fgetc(f);
  img.ch = magic[1] == '5' ? 1 : 3;
  img.p = malloc(img.w * img.h * img.ch + 1);
  assert_int_equal(fread(img.p, 1, img.w * img.h * img.ch, f), img.w * img.h * img.ch);
  fclose(f);
  return img;
}

/* A 16-bit RGB PNG "deep.png", which the tool refuses. */
static void make_deep_png(void) {
  const uint16_t deep[4 * 4 * 3] = {0};
  assert_int_equal(
      pf_write_png(path("deep.png"), (const uint8_t *)deep, 4, 4, PNG_COLOR_TYPE_RGB, 16, NULL, 0),
      0);
}

/* The output PNG `name` must equal want (same size, channels and bytes). */
static void assert_png_equals(const char *name, const image *want, const char *what) {
  image got = {0};
  got.p = pf_read_png(path(name), &got.w, &got.h, &got.ch);
  if (!got.p) fail_msg("%s: output %s missing or unreadable (stderr: %s)", what, name, g_err);
  assert_int_equal(got.w, want->w);
  assert_int_equal(got.h, want->h);
  assert_int_equal(got.ch, want->ch);
  if (memcmp(got.p, want->p, want->w * want->h * want->ch) != 0)
    fail_msg("%s: pixels differ from the library's", what);
  free(got.p);
}

static image copy(const image *img) {
  image c = *img;
  c.p = malloc(img->w * img->h * img->ch);
  memcpy(c.p, img->p, img->w * img->h * img->ch);
  return c;
}

/* What `--delta N` must produce: the library on colour channels, alpha untouched. */
static image expect_delta(const image *in, const int *delta) {
  image want = copy(in);
  const size_t stride = in->w * in->ch;
  assert_int_equal(
      strata_brighten_image_u8(want.p, stride, in->p, stride, in->w, in->h, in->ch, delta),
      STRATA_OK);
  return want;
}

/* --delta on gray, gray+alpha, RGB, RGBA; alpha untouched; odd sizes. */
static void test_delta_png_all_channel_counts(void **state) {
  (void)state;
  for (unsigned ch = 1; ch <= 4; ch++) {
    image in = make_png("in.png", 67, 45, ch, ch);
    const int delta[4] = {40, ch == 2 ? 0 : 40, 40, 0};
    image want = expect_delta(&in, delta);
    assert_int_equal(run("brighten", "--delta", "40", path("in.png"), path("out.png"), NULL), 0);
    assert_png_equals("out.png", &want, "--delta 40");
    for (size_t i = 0; (ch == 2 || ch == 4) && i < in.w * in.h; i++)
      assert_int_equal(want.p[i * ch + ch - 1], in.p[i * ch + ch - 1]);
    free(in.p), free(want.p);
  }
}

/* Per-channel deltas, the alpha value given explicitly, and --alpha. */
static void test_delta_per_channel_and_alpha(void **state) {
  (void)state;
  image in = make_png("rgba.png", 33, 17, 4, 9);
  const int d3[4] = {10, -20, 30, 0}, d4[4] = {10, -20, 30, -5}, all[4] = {-7, -7, -7, -7};
  image want = expect_delta(&in, d3);
  assert_int_equal(run("brighten", "--delta", "10,-20,30", path("rgba.png"), path("o.png"), NULL),
                   0);
  assert_png_equals("o.png", &want, "--delta 10,-20,30");
  free(want.p);
  want = expect_delta(&in, d4);
  assert_int_equal(run("brighten", "--delta=10,-20,30,-5", path("rgba.png"), path("o.png"), NULL),
                   0);
  assert_png_equals("o.png", &want, "--delta 10,-20,30,-5");
  free(want.p);
  want = expect_delta(&in, all);
  assert_int_equal(
      run("brighten", "--alpha", "--delta", "-7", path("rgba.png"), path("o.png"), NULL), 0);
  assert_png_equals("o.png", &want, "--alpha --delta -7");
  free(want.p);
  /* Two values for a 4-channel image fit no rule: that file fails, nothing is written. */
  unlink(path("o.png"));
  assert_int_equal(run("brighten", "--delta", "1,2", path("rgba.png"), path("o.png"), NULL), 1);
  assert_non_null(strstr(g_err, "4-channel image"));
  assert_false(exists(path("o.png")));
  free(in.p);
}

static void test_gain_bias_and_gamma(void **state) {
  (void)state;
  image in = make_png("ga.png", 40, 30, 2, 5);
  const size_t stride = in.w * in.ch;
  /* --gain/--bias: the library's gain_bias on gray, alpha kept with gain 1 and bias 0. */
  const float gain[2] = {1.5f, 1.0f}, bias[2] = {-20.0f, 0.0f};
  image want = copy(&in);
  assert_int_equal(
      strata_gain_bias_image_u8(want.p, stride, in.p, stride, in.w, in.h, 2, gain, bias),
      STRATA_OK);
  assert_int_equal(
      run("brighten", "--gain", "1.5", "--bias", "-20", path("ga.png"), path("o.png"), NULL), 0);
  assert_png_equals("o.png", &want, "--gain 1.5 --bias -20");
  /* --gamma 2.2: the library's table for exponent 1/2.2 on gray, alpha untouched. */
  uint8_t lut[256];
  assert_int_equal(strata_gamma_lut_u8(lut, 1.0 / 2.2), STRATA_OK);
  for (size_t i = 0; i < in.w * in.h; i++)
    want.p[2 * i] = lut[in.p[2 * i]], want.p[2 * i + 1] = in.p[2 * i + 1];
  assert_int_equal(run("brighten", "--gamma", "2.2", path("ga.png"), path("o.png"), NULL), 0);
  assert_png_equals("o.png", &want, "--gamma 2.2");
  free(in.p), free(want.p);
}

/* Every layer on every ISA this CPU runs gives the library's pixels, or fails cleanly (a layer
   the kernel lacks) with nothing written. */
static void test_layers_and_isas(void **state) {
  (void)state;
  image in = make_png("rgb.png", 301, 7, 3, 3);
  const int delta[3] = {-60, -60, -60};
  image want = expect_delta(&in, delta);
  for (int isa = STRATA_ISA_AUTO; isa <= STRATA_ISA_NEON; isa++) {
    if (!strata_isa_available((strata_isa)isa)) continue;
    for (int layer = STRATA_LAYER_AUTO; layer <= STRATA_LAYER_TASK; layer++) {
      unlink(path("o.png"));
      const int rc = run("brighten", "--delta", "-60", "--layer", strata_layer_name(layer), "--isa",
                         strata_isa_name(isa), "--threads", "2", "--time", path("rgb.png"),
                         path("o.png"), NULL);
      char what[64];
      snprintf(what, sizeof what, "layer %s isa %s", strata_layer_name(layer),
               strata_isa_name(isa));
      if (rc == 0) {
        assert_png_equals("o.png", &want, what);
        assert_non_null(strstr(g_out, "GB/s"));
        assert_non_null(strstr(g_out, strata_layer_name(layer == 0 ? STRATA_LAYER_DATA : layer)));
      } else {
        assert_int_equal(rc, 1);
        assert_non_null(strstr(g_err, "no version of this kernel"));
        assert_false(exists(path("o.png")));
      }
    }
  }
  free(in.p), free(want.p);
}

/* PGM and PPM in and out, PNG to PPM, palette PNG (becomes RGB), 1-bit gray (becomes 8-bit). */
static void test_pnm_and_palette(void **state) {
  (void)state;
  uint64_t seed = 11;
  for (unsigned ch = 1; ch <= 3; ch += 2) {
    image in = {malloc(50 * 20 * ch), 50, 20, ch};
    tu_fill(in.p, 50 * 20 * ch, &seed);
    write_pnm("in.pnm", &in);
    const int delta[3] = {25, 25, 25};
    image want = expect_delta(&in, delta);
    const char *out = ch == 1 ? "o.pgm" : "o.ppm";
    assert_int_equal(run("brighten", "--delta", "25", path("in.pnm"), path(out), NULL), 0);
    image got = read_pnm(out);
    assert_int_equal(got.ch, ch);
    assert_memory_equal(got.p, want.p, 50 * 20 * ch);
    free(got.p), free(in.p), free(want.p);
  }
  image rgb = make_png("rgb.png", 9, 4, 3, 4);
  const int delta[3] = {1, 2, 3};
  image want = expect_delta(&rgb, delta);
  assert_int_equal(run("brighten", "--delta", "1,2,3", path("rgb.png"), path("o.ppm"), NULL), 0);
  image got = read_pnm("o.ppm");
  assert_memory_equal(got.p, want.p, 9 * 4 * 3);
  free(got.p), free(rgb.p), free(want.p);
  /* Palette: index i has colour (i, 2i, 255-i); the output is RGB. */
  uint8_t palette[3 * 100], index[13 * 5];
  image pal = {malloc(13 * 5 * 3), 13, 5, 3};
  for (int i = 0; i < 100; i++)
    palette[3 * i] = i, palette[3 * i + 1] = 2 * i, palette[3 * i + 2] = 255 - i;
  for (int i = 0; i < 13 * 5; i++) index[i] = (uint8_t)(i * 7 % 100);
  for (int i = 0; i < 13 * 5; i++) memcpy(pal.p + 3 * i, palette + 3 * index[i], 3);
  assert_int_equal(
      pf_write_png(path("pal.png"), index, 13, 5, PNG_COLOR_TYPE_PALETTE, 8, palette, 100), 0);
  const int d10[3] = {10, 10, 10};
  want = expect_delta(&pal, d10);
  assert_int_equal(run("brighten", "--delta", "10", path("pal.png"), path("o.png"), NULL), 0);
  assert_png_equals("o.png", &want, "palette");
  free(pal.p), free(want.p);
  /* 1-bit gray (8 pixels per byte, MSB first) becomes 8-bit gray: 0 and 255. */
  const uint8_t bits[2] = {0xA5, 0x0F};
  assert_int_equal(pf_write_png(path("bits.png"), bits, 8, 2, PNG_COLOR_TYPE_GRAY, 1, NULL, 0), 0);
  assert_int_equal(run("brighten", "--delta", "-10", path("bits.png"), path("o.png"), NULL), 0);
  image gray = {malloc(16), 8, 2, 1};
  for (int i = 0; i < 16; i++) gray.p[i] = (bits[i / 8] >> (7 - i % 8) & 1) ? 245 : 0;
  assert_png_equals("o.png", &gray, "1-bit gray");
  free(gray.p);
  assert_no_temporaries(NULL);
}

/* Errors: each reported with its file, exit status 1, no output and no temporary file left;
   an existing output stays as it was. */
static void test_file_errors(void **state) {
  (void)state;
  unlink(path("o.png"));
  assert_int_equal(run("brighten", "--delta", "5", path("missing.png"), path("o.png"), NULL), 1);
  assert_non_null(strstr(g_err, "missing.png: cannot open"));
  assert_false(exists(path("o.png")));

  make_deep_png();
  assert_int_equal(run("brighten", "--delta", "5", path("deep.png"), path("o.png"), NULL), 1);
  assert_non_null(strstr(g_err, "16-bit"));
  assert_false(exists(path("o.png")));

  FILE *f = fopen(path("text.png"), "w");
  fputs("not an image\n", f);
  fclose(f);
  assert_int_equal(run("brighten", "--delta", "5", path("text.png"), path("o.png"), NULL), 1);
  assert_non_null(strstr(g_err, "unsupported format"));
  static const char *const pnm_bad[][2] = {{"P3\n2 2\n255\n0 0 0 0 0 0 0 0 0 0 0 0\n", "P3"},
                                           {"P5\n2 2\n65535\n", "maxval 65535"},
                                           {"P5\n4 4\n255\nab", "truncated"}};
  for (size_t i = 0; i < 3; i++) {
    unlink(path("o.pgm"));
    f = fopen(path("bad.pgm"), "w");
    fputs(pnm_bad[i][0], f);
    fclose(f);
    assert_int_equal(run("brighten", "--delta", "5", path("bad.pgm"), path("o.pgm"), NULL), 1);
    if (!strstr(g_err, pnm_bad[i][1])) fail_msg("want '%s' in: %s", pnm_bad[i][1], g_err);
    assert_false(exists(path("o.pgm")));
  }
  image in = make_png("rgba.png", 5, 5, 4, 2);
  /* Unwritable: a directory that does not exist, and a path below a regular file. */
  assert_int_equal(run("brighten", "--delta", "5", path("rgba.png"), path("nodir/o.png"), NULL), 1);
  assert_non_null(strstr(g_err, "cannot write"));
  assert_int_equal(run("brighten", "--delta", "5", path("rgba.png"), path("text.png/o.png"), NULL),
                   1);
  assert_non_null(strstr(g_err, "cannot write"));
  /* RGBA cannot be a PPM: the encoder fails after the temporary file exists. The old output
     stays untouched and the temporary file is gone. */
  f = fopen(path("keep.ppm"), "w");
  fputs("old", f);
  fclose(f);
  assert_int_equal(run("brighten", "--delta", "5", path("rgba.png"), path("keep.ppm"), NULL), 1);
  assert_non_null(strstr(g_err, "cannot hold RGBA"));
  char old[16];
  slurp(path("keep.ppm"), old, sizeof old);
  assert_string_equal(old, "old");
  assert_no_temporaries(NULL);
  free(in.p);
}

static void test_usage_errors(void **state) {
  (void)state;
  static const char *const bad[][6] = {{"brighten", "--delta", "300", "a.png", "b.png", NULL},
                                       {"brighten", "--delta", "1,2,3,4,5", "a.png", "b.png", NULL},
                                       {"brighten", "--delta", "5", "--gamma", "2", "a.png"},
                                       {"brighten", "a.png", "b.png", NULL},
                                       {"brighten", "--delta", "5", "a.png", NULL},
                                       {"brighten", "--delta", "5", "a.png", "b.jpg"},
                                       {"brighten", "--layer", "vector", "--delta", "5", "a.png"},
                                       {"brighten", "--isa", "mmx", "--delta", "5", "a.png"},
                                       {"brighten", "--threads", "-1", "--delta", "5", "a.png"},
                                       {"brighten", "--bogus", NULL},
                                       {"brighten", "--gamma", "0", "a.png", "b.png", NULL},
                                       {"info", "extra", NULL},
                                       {"frobnicate", NULL}};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    const int rc = run(bad[i][0], bad[i][1], bad[i][2], bad[i][3], bad[i][4], bad[i][5], NULL);
    if (rc != 2) fail_msg("case %zu (%s %s): exit %d, want 2", i, bad[i][0], bad[i][1], rc);
    assert_true(strlen(g_err) > 0);
  }
}

/* Many files at once through the pool: the good ones are all done, the bad one (and a repeated
   one) is reported, and the exit status is 1. */
static void test_batch_with_a_bad_file(void **state) {
  (void)state;
  mkdir(path("outdir"), 0755);
  make_deep_png();
  enum { N = 6 };
  image in[N];
  char names[N][8];
  char *outdir = strdup(path("outdir"));
  const char *args[N + 12] = {"--delta", "40", "-j", "3", "-o", outdir};
  int n = 6;
  for (int i = 0; i < N; i++) {
    snprintf(names[i], sizeof names[i], "b%d.png", i);
    in[i] = make_png(names[i], 100 + (size_t)i * 37, 50, 1 + (unsigned)i % 4, 100 + (uint64_t)i);
    args[n++] = strdup(path(names[i]));
    if (i == 2) args[n++] = strdup(path("deep.png"));
  }
  args[n++] = strdup(path(names[0])); /* twice: the second one would overwrite the first */
  args[n] = NULL;
  const int rc = run("brighten", args[0], args[1], args[2], args[3], args[4], args[5], args[6],
                     args[7], args[8], args[9], args[10], args[11], args[12], args[13], NULL);
  assert_int_equal(rc, 1);
  assert_non_null(strstr(g_err, "deep.png: PNG: 16-bit"));
  assert_non_null(strstr(g_err, "b0.png: skipped"));
  for (int i = 0; i < N; i++) {
    const int d = in[i].ch == 2 ? 0 : 40, delta[4] = {40, d, 40, 0};
    image want = expect_delta(&in[i], delta);
    char out[64];
    snprintf(out, sizeof out, "outdir/%s", names[i]);
    assert_png_equals(out, &want, "batch");
    free(want.p), free(in[i].p);
  }
  assert_false(exists(path("outdir/deep.png")));
  assert_no_temporaries("outdir");
  for (int i = 6; i < n; i++) free((char *)args[i]);
  free(outdir);
}

static void test_info_help_bench(void **state) {
  (void)state;
  assert_int_equal(run("info", NULL), 0);
  for (const char *k =
           "strata:\0cpu:\0isa compiled:\0isa available:\0isa auto:\0threads:\0caches:\0";
       *k; k += strlen(k) + 1)
    if (!strstr(g_out, k)) fail_msg("strata info lacks '%s':\n%s", k, g_out);
  assert_non_null(strstr(g_out, strata_isa_name(strata_best_isa())));
  assert_int_equal(run("--version", NULL), 0);
  assert_non_null(strstr(g_out, strata_version()));
  static const char *const cmds[] = {"--help", "info", "brighten", "bench"};
  for (size_t i = 0; i < 4; i++) {
    assert_int_equal(i ? run(cmds[i], "--help", NULL) : run(cmds[i], NULL), 0);
    assert_non_null(strstr(g_out, "usage: strata"));
  }
  assert_int_equal(run(NULL), 2);
  /* bench forwards its arguments to scripts/report.sh (which rejects this one at once). */
  assert_int_equal(run("bench", "--no-such-option", NULL), 2);
  assert_non_null(strstr(g_err, "report.sh: unknown option --no-such-option"));
  setenv("STRATA_SOURCE_DIR", path("nowhere"), 1);
  assert_int_equal(run("bench", NULL), 1);
  assert_non_null(strstr(g_err, "source checkout"));
  unsetenv("STRATA_SOURCE_DIR");
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: test_cli PATH_TO_STRATA_TOOL\n");
    return 2;
  }
  g_tool = argv[1];
  snprintf(g_dir, sizeof g_dir, "test_cli_XXXXXX");
  if (!mkdtemp(g_dir)) return 1;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_delta_png_all_channel_counts),
      cmocka_unit_test(test_delta_per_channel_and_alpha),
      cmocka_unit_test(test_gain_bias_and_gamma),
      cmocka_unit_test(test_layers_and_isas),
      cmocka_unit_test(test_pnm_and_palette),
      cmocka_unit_test(test_file_errors),
      cmocka_unit_test(test_usage_errors),
      cmocka_unit_test(test_batch_with_a_bad_file),
      cmocka_unit_test(test_info_help_bench),
  };
  const int failed = cmocka_run_group_tests(tests, NULL, NULL);
  if (!failed) {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_dir);
    if (system(cmd) != 0) return 1;
  }
  return failed;
}
