/* strata brighten: options, the per-file work (decode, kernel, encode) and the pool of workers
   that runs several files at once. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "image_io.h"

static const char help[] =
    "usage: strata brighten [options] IN OUT\n"
    "       strata brighten [options] -o OUTDIR IN...\n"
    "\n"
    "Brightens (or darkens) 8-bit PNG, PGM (P5) and PPM (P6) images. IN's format is read from\n"
    "its first bytes; OUT's is chosen by its extension (.png, .pgm, .ppm, .pnm); with -o each\n"
    "output is OUTDIR/<name of IN>, in IN's format. Outputs appear complete or not at all.\n"
    "\n"
    "one operation:\n"
    "  --delta N | R,G,B       add N (or per channel), saturating: -255..255\n"
    "  --gain G --bias B       y = G*x + B in float32, rounded and clamped (G or B alone: the\n"
    "                          other is 1 or 0); each may also be per channel: R,G,B\n"
    "  --gamma X               y = 255*(x/255)^(1/X): X > 1 brightens, X < 1 darkens\n"
    "  Alpha is left untouched, unless a value is given for it (--delta R,G,B,A, or gray,alpha\n"
    "  for gray+alpha images) or --alpha applies the single value to it too.\n"
    "\n"
    "how:\n"
    "  --layer NAME            auto scalar bit instruction data task (default auto)\n"
    "  --isa NAME              auto generic sse2 avx2 avx512 neon (default auto)\n"
    "  --threads N             kernel threads: task layer exactly N, auto at most N (0: default;\n"
    "                          with several jobs, default threads are shared among them)\n"
    "  -j, --jobs N            files processed at once (default: the default thread count)\n"
    "  --time                  print each file's kernel time and its GB/s (bytes read+written)\n"
    "\n"
    "A file that fails is reported and the others are still done; the exit status is then 1.\n"
    "Palette PNGs become RGB(A) and gray PNGs below 8 bits become 8-bit gray; 16-bit PNGs and\n"
    "PNM files other than P5/P6 with maxval 255 are refused. PNG text, gamma and colour-profile\n"
    "chunks are not copied. Exit status: 0 done, 1 a file failed, 2 bad command line.\n";

typedef enum op_kind { OP_NONE, OP_DELTA, OP_GAIN_BIAS, OP_GAMMA } op_kind;

/* A per-channel parameter as given: 1 to 4 comma-separated numbers. */
typedef struct values {
  double v[4];
  unsigned n;
} values;

typedef struct options {
  op_kind op;
  values delta, gain, bias;
  uint8_t gamma_lut[256];
  int alpha; /* --alpha */
  strata_exec exec;
  int threads_given, time;
  unsigned jobs;
  const char *outdir;
} options;

typedef struct job {
  const char *in;
  char *out;
  int out_format;        /* -1: the input's */
  const char *collision; /* an earlier input with the same output file, or NULL */
} job;

/* Parses "a[,b[,c[,d]]]" into v; each in [lo, hi]. 0 on success. */
static int parse_values(const char *s, double lo, double hi, int integer, values *v) {
  v->n = 0;
  for (;;) {
    char *end;
    errno = 0;
    const double x = integer ? (double)strtol(s, &end, 10) : strtod(s, &end);
    if (end == s || errno || !(x >= lo && x <= hi) || v->n == 4) return -1;
    v->v[v->n++] = x;
    if (*end == 0) return 0;
    if (*end != ',') return -1;
    s = end + 1;
  }
}

static int parse_count(const char *s, long lo, long *out) {
  char *end;
  errno = 0;
  const long v = strtol(s, &end, 10);
  if (end == s || *end || errno || v < lo || v > 1 << 20) return -1;
  *out = v;
  return 0;
}

/* Expands a parameter to the image's channels: one value for every colour channel, one per
   colour channel, or one per channel including alpha. Alpha gets `identity` unless a value is
   given for it or --alpha spreads the single value to it. -1 if the count fits none of these. */
static int per_channel(const values *v, unsigned channels, int alpha, double identity,
                       double out[4]) {
  const unsigned color = channels == 2 || channels == 4 ? channels - 1 : channels;
  if (v->n != 1 && v->n != color && v->n != channels) return -1;
  for (unsigned c = 0; c < channels; c++) {
    if (c < color)
      out[c] = v->v[v->n == 1 ? 0 : c];
    else
      out[c] = v->n == channels && v->n > 1 ? v->v[c] : alpha && v->n == 1 ? v->v[0] : identity;
  }
  return 0;
}

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Runs the operation on img in place; 0 on success, else -1 with err set. */
static int apply(const options *o, cli_image *img, double *seconds, char *err) {
  const unsigned ch = img->channels;
  const size_t w = img->width, h = img->height, stride = img->stride;
  uint8_t *const p = img->pixels;
  double a[4], b[4];
  strata_status s = STRATA_OK;
  double t0;
  switch (o->op) {
  case OP_DELTA: {
    if (per_channel(&o->delta, ch, o->alpha, 0, a)) goto bad_count;
    int delta[4];
    for (unsigned c = 0; c < ch; c++) delta[c] = (int)a[c];
    t0 = now_seconds();
    s = strata_brighten_image_u8_ex(p, stride, p, stride, w, h, ch, delta, &o->exec);
    break;
  }
  case OP_GAIN_BIAS: {
    const values one = {{1}, 1}, zero = {{0}, 1};
    if (per_channel(o->gain.n ? &o->gain : &one, ch, o->alpha, 1, a) ||
        per_channel(o->bias.n ? &o->bias : &zero, ch, o->alpha, 0, b))
      goto bad_count;
    float gain[4], bias[4];
    for (unsigned c = 0; c < ch; c++) gain[c] = (float)a[c], bias[c] = (float)b[c];
    t0 = now_seconds();
    s = strata_gain_bias_image_u8_ex(p, stride, p, stride, w, h, ch, gain, bias, &o->exec);
    break;
  }
  default: { /* OP_GAMMA: one table for every colour channel; alpha is kept aside if present */
    const int keep_alpha = (ch == 2 || ch == 4) && !o->alpha;
    const size_t n = w * h;
    uint8_t *alpha = keep_alpha ? malloc(n + !n) : NULL;
    if (keep_alpha && !alpha) {
      snprintf(err, CLI_ERR_LEN, "out of memory");
      return -1;
    }
    for (size_t i = 0; keep_alpha && i < n; i++) alpha[i] = p[i * ch + ch - 1];
    t0 = now_seconds();
    s = strata_lut_u8_ex(p, p, stride * h, o->gamma_lut, &o->exec);
    *seconds = now_seconds() - t0;
    for (size_t i = 0; keep_alpha && i < n; i++) p[i * ch + ch - 1] = alpha[i];
    free(alpha);
    goto done;
  }
  }
  *seconds = now_seconds() - t0;
done:
  if (s != STRATA_OK) {
    snprintf(err, CLI_ERR_LEN, "%s", strata_status_string(s));
    return -1;
  }
  return 0;
bad_count:
  snprintf(err, CLI_ERR_LEN,
           "%u-channel image: give 1 value, one per colour channel, or one per channel", ch);
  return -1;
}

/* Decode, kernel, encode one file; 0 on success, else -1 after reporting the error. */
static int process(const options *o, const job *j) {
  char err[CLI_ERR_LEN] = "";
  cli_image img;
  double seconds = 0;
  if (j->collision) {
    fprintf(stderr, "strata brighten: %s: skipped: %s is written from %s already\n", j->in, j->out,
            j->collision);
    return -1;
  }
  if (cli_image_read(j->in, &img, err)) {
    fprintf(stderr, "strata brighten: %s: %s\n", j->in, err);
    return -1;
  }
  if (apply(o, &img, &seconds, err)) {
    fprintf(stderr, "strata brighten: %s: %s\n", j->in, err);
    cli_image_free(&img);
    return -1;
  }
  const strata_exec ran = strata_last_exec();
  const int format = j->out_format >= 0 ? j->out_format : (int)img.format;
  if (cli_image_write(j->out, &img, (cli_format)format, err)) {
    fprintf(stderr, "strata brighten: %s: %s\n", j->out, err);
    cli_image_free(&img);
    return -1;
  }
  if (o->time) {
    const double bytes = 2.0 * (double)(img.stride * img.height);
    printf("%s: %zux%zu, %u channel%s, %s/%s/%d thread%s: kernel %.3f ms, %.2f GB/s\n", j->in,
           img.width, img.height, img.channels, img.channels > 1 ? "s" : "",
           strata_layer_name(ran.layer), strata_isa_name(ran.isa), ran.threads,
           ran.threads > 1 ? "s" : "", seconds * 1e3, seconds > 0 ? bytes / seconds * 1e-9 : 0.0);
  }
  cli_image_free(&img);
  return 0;
}

/* The pool: `jobs` workers (the calling thread is one) take the next file from a shared
   counter, so decoding, the kernel and encoding of different files overlap, and at most one
   image per worker is in memory at a time. */
typedef struct pool {
  const options *o;
  const job *list;
  size_t n;
  atomic_size_t next;
  atomic_int failed;
} pool;

static void *worker(void *arg) {
  pool *p = arg;
  for (size_t i; (i = atomic_fetch_add(&p->next, 1)) < p->n;)
    if (process(p->o, &p->list[i])) atomic_fetch_add(&p->failed, 1);
  return NULL;
}

static int run_pool(const options *o, const job *list, size_t n) {
  pool p = {.o = o, .list = list, .n = n};
  atomic_init(&p.next, 0);
  atomic_init(&p.failed, 0);
  pthread_t threads[64];
  size_t started = 0;
  for (; started + 1 < o->jobs && started < 64; started++)
    if (pthread_create(&threads[started], NULL, worker, &p) != 0) break; /* fewer workers */
  worker(&p);
  for (size_t t = 0; t < started; t++) pthread_join(threads[t], NULL);
  return atomic_load(&p.failed) ? CLI_EXIT_FAILED : CLI_EXIT_OK;
}

static int usage_error(const char *msg, const char *arg) {
  fprintf(stderr, "strata brighten: %s%s%s\n(strata brighten --help lists the options)\n", msg,
          arg ? ": " : "", arg ? arg : "");
  return CLI_EXIT_USAGE;
}

/* The jobs for `-o OUTDIR IN...`; NULL after reporting an error. */
static job *batch_jobs(const char *outdir, char **inputs, size_t n) {
  job *list = calloc(n, sizeof *list);
  if (!list) return NULL;
  for (size_t i = 0; i < n; i++) {
    const char *slash = strrchr(inputs[i], '/');
    const char *name = slash ? slash + 1 : inputs[i];
    list[i].in = inputs[i];
    list[i].out = malloc(strlen(outdir) + strlen(name) + 2);
    list[i].out_format = -1;
    if (!list[i].out) {
      for (size_t k = 0; k < i; k++) free(list[k].out);
      free(list);
      return NULL;
    }
    sprintf(list[i].out, "%s/%s", outdir, name);
    for (size_t k = 0; k < i && !list[i].collision; k++)
      if (strcmp(list[k].out, list[i].out) == 0) list[i].collision = list[k].in;
  }
  return list;
}

enum {
  OPT_DELTA = 256,
  OPT_GAIN,
  OPT_BIAS,
  OPT_GAMMA,
  OPT_ALPHA,
  OPT_LAYER,
  OPT_ISA,
  OPT_THREADS,
  OPT_TIME,
  OPT_HELP
};

int cli_brighten(int argc, char **argv) {
  static const struct option longopts[] = {{"delta", required_argument, NULL, OPT_DELTA},
                                           {"gain", required_argument, NULL, OPT_GAIN},
                                           {"bias", required_argument, NULL, OPT_BIAS},
                                           {"gamma", required_argument, NULL, OPT_GAMMA},
                                           {"alpha", no_argument, NULL, OPT_ALPHA},
                                           {"layer", required_argument, NULL, OPT_LAYER},
                                           {"isa", required_argument, NULL, OPT_ISA},
                                           {"threads", required_argument, NULL, OPT_THREADS},
                                           {"jobs", required_argument, NULL, 'j'},
                                           {"time", no_argument, NULL, OPT_TIME},
                                           {"output-dir", required_argument, NULL, 'o'},
                                           {"help", no_argument, NULL, OPT_HELP},
                                           {NULL, 0, NULL, 0}};
  options o = {0};
  double gamma = 0;
  long count;
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "j:o:h", longopts, NULL)) != -1) {
    switch (c) {
    case OPT_DELTA:
      if (parse_values(optarg, -255, 255, 1, &o.delta)) return usage_error("bad --delta", optarg);
      break;
    case OPT_GAIN:
      if (parse_values(optarg, -1e30, 1e30, 0, &o.gain)) return usage_error("bad --gain", optarg);
      break;
    case OPT_BIAS:
      if (parse_values(optarg, -1e30, 1e30, 0, &o.bias)) return usage_error("bad --bias", optarg);
      break;
    case OPT_GAMMA: {
      values v;
      if (parse_values(optarg, 1e-3, 1e3, 0, &v) || v.n != 1)
        return usage_error("bad --gamma (one number in 0.001..1000)", optarg);
      gamma = v.v[0];
      break;
    }
    case OPT_ALPHA:
      o.alpha = 1;
      break;
    case OPT_LAYER:
      if (cli_parse_layer(optarg, &o.exec.layer)) return usage_error("unknown layer", optarg);
      break;
    case OPT_ISA:
      if (cli_parse_isa(optarg, &o.exec.isa)) return usage_error("unknown ISA", optarg);
      break;
    case OPT_THREADS:
      if (parse_count(optarg, 0, &count)) return usage_error("bad --threads", optarg);
      o.exec.threads = (int)count;
      o.threads_given = 1;
      break;
    case 'j':
      if (parse_count(optarg, 1, &count)) return usage_error("bad --jobs", optarg);
      o.jobs = (unsigned)(count > 64 ? 64 : count);
      break;
    case OPT_TIME:
      o.time = 1;
      break;
    case 'o':
      o.outdir = optarg;
      break;
    case 'h':
    case OPT_HELP:
      fputs(help, stdout);
      return CLI_EXIT_OK;
    default:
      return usage_error("unknown or incomplete option", argv[optind - 1]);
    }
  }
  const int ops = (o.delta.n > 0) + (o.gain.n > 0 || o.bias.n > 0) + (gamma > 0);
  if (ops != 1) return usage_error("give exactly one of --delta, --gain/--bias, --gamma", NULL);
  o.op = o.delta.n ? OP_DELTA : gamma > 0 ? OP_GAMMA : OP_GAIN_BIAS;
  if (o.op == OP_GAMMA && strata_gamma_lut_u8(o.gamma_lut, 1.0 / gamma) != STRATA_OK)
    return usage_error("bad --gamma", NULL);

  char **files = argv + optind;
  const size_t nfiles = (size_t)(argc - optind);
  job single;
  job *list = &single;
  size_t n = 1;
  if (o.outdir) {
    if (nfiles == 0) return usage_error("no input files", NULL);
    struct stat st;
    if (stat(o.outdir, &st) != 0 || !S_ISDIR(st.st_mode)) {
      fprintf(stderr, "strata brighten: %s: not a directory\n", o.outdir);
      return CLI_EXIT_FAILED;
    }
    list = batch_jobs(o.outdir, files, nfiles);
    if (!list) return CLI_EXIT_FAILED;
    n = nfiles;
  } else {
    if (nfiles != 2) return usage_error("give IN OUT, or -o OUTDIR IN...", NULL);
    single = (job){files[0], files[1], cli_format_from_name(files[1]), NULL};
    if (single.out_format < 0)
      return usage_error("OUT needs a .png, .pgm, .ppm or .pnm extension", files[1]);
  }
  /* Files at once; when several run, they share the default kernel threads. */
  const unsigned def = (unsigned)strata_default_threads();
  if (!o.jobs) o.jobs = def < 64 ? def : 64;
  if (o.jobs > n) o.jobs = (unsigned)n;
  if (!o.threads_given && o.jobs > 1) o.exec.threads = def / o.jobs > 1 ? (int)(def / o.jobs) : 1;

  const int rc = run_pool(&o, list, n);
  if (list != &single) {
    for (size_t i = 0; i < n; i++) free(list[i].out);
    free(list);
  }
  return rc;
}
