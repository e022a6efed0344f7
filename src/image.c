/* Public entry points of strata/image.h: check the arguments (API.md section 2), choose the
   variant (plan.h), run it. Images become strata_rows (kernels/brightness/brightness.h); an
   image whose rows follow each other without padding becomes one long row, so the kernels and
   the task layer see one stream. */
#include <math.h>
#include <string.h>

#include "strata/image.h"

#include "brightness/brightness.h"
#include "check.h"
#include "dispatch.h"

/* AUTO runs the task layer from this many bytes of output. Brightness: 512 KiB, the lead's
   measurement on a quiet 2-core Zen 3 (data vs task:2: 256 KiB 1.06x, 512 KiB 1.6x, 1 MiB 1.7x).
   Gain/bias and lookup use the same figure: their AVX-512 kernels run at the same rates as
   brightness (within 15% from L2 to DRAM, docs/brightness.md); on the loaded CI machine task:2
   lost to data at every size below 100 MiB with the default wait policy, so no lower figure
   could be measured. */
#define BRIGHTEN_TASK_MIN_BYTES ((size_t)512 << 10)
#define GAIN_BIAS_TASK_MIN_BYTES BRIGHTEN_TASK_MIN_BYTES
#define LUT_TASK_MIN_BYTES BRIGHTEN_TASK_MIN_BYTES

/* Non-temporal stores from an output of a quarter of strata_stream_min_bytes() (half the
   last-level cache, 16 MiB here: source and destination no longer fit in it). Measured with the
   data kernel (avx512, stream on/off, median of 9, loaded CI machine): stream/plain 0.60x at
   4 MiB of output, 1.25x at 8 MiB, 1.72x at 16 MiB, 1.57x at 24 MiB, 1.45x at 64 MiB. */
static size_t stream_min_bytes(void) {
  return strata_stream_min_bytes() / 4;
}

#define LAYERS_SCALAR_DATA_TASK                                                                    \
  (STRATA_LAYER_MASK(STRATA_LAYER_SCALAR) | STRATA_LAYER_MASK(STRATA_LAYER_DATA) |                 \
   STRATA_LAYER_MASK(STRATA_LAYER_TASK))

static strata_brighten_u8_fn *const brighten_u8_data[STRATA_ISA_COUNT] =
    STRATA_ISA_TABLE(strata_brighten_u8_data);
static strata_rows_fn *const brighten_rows_data[STRATA_ISA_COUNT] =
    STRATA_ISA_TABLE(strata_brighten_rows_u8_data);
static strata_rows_fn *const gain_bias_rows_data[STRATA_ISA_COUNT] =
    STRATA_ISA_TABLE(strata_gain_bias_rows_u8_data);
static strata_rows_fn *const lut_rows_data[STRATA_ISA_COUNT] =
    STRATA_ISA_TABLE(strata_lut_rows_u8_data);

strata_status strata_brighten_u8_ex(uint8_t *dst, const uint8_t *src, size_t n, int delta,
                                    const strata_exec *exec) {
  strata_plan plan;
  if (n && (!dst || !src)) return STRATA_ERR_NULL;
  if (delta < -255 || delta > 255) return STRATA_ERR_ARG;
  if (n > STRATA_MAX_BYTES) return STRATA_ERR_SIZE;
  if (strata_overlaps(dst, n, src, n)) return STRATA_ERR_OVERLAP;
  strata_status s =
      strata_plan_make(exec, STRATA_LAYERS_BIT_DATA_TASK, n, BRIGHTEN_TASK_MIN_BYTES, &plan);
  if (s != STRATA_OK || n == 0) return s;
  const int stream = n >= stream_min_bytes();
  switch (plan.layer) {
  case STRATA_LAYER_SCALAR:
    strata_brighten_u8_scalar(dst, src, n, delta);
    break;
  case STRATA_LAYER_BIT:
    strata_brighten_u8_bit(dst, src, n, delta);
    break;
  case STRATA_LAYER_TASK:
    strata_brighten_u8_task(dst, src, n, delta, stream, plan.threads, brighten_u8_data[plan.isa]);
    break;
  default:
    brighten_u8_data[plan.isa](dst, src, n, delta, stream);
    break;
  }
  return STRATA_OK;
}

strata_status strata_brighten_u8(uint8_t *dst, const uint8_t *src, size_t n, int delta) {
  return strata_brighten_u8_ex(dst, src, n, delta, NULL);
}

/* The shape checks shared by every image call. `params` are the parameter arrays (with their
   byte sizes) that dst must not overlap; a NULL one is STRATA_ERR_NULL. On success fills `rows`
   (contiguous images folded into one row) and `bytes`, the number of bytes to write. */
struct param_span {
  const void *p;
  size_t bytes;
};

static strata_status check_image(uint8_t *dst, size_t dst_stride, const uint8_t *src,
                                 size_t src_stride, size_t width, size_t height, unsigned channels,
                                 const struct param_span *params, int nparams, strata_rows *rows,
                                 size_t *bytes) {
  size_t row, dst_span = 0, src_span = 0;
  for (int k = 0; k < nparams; k++)
    if (!params[k].p) return STRATA_ERR_NULL;
  if (channels < 1 || channels > 4) return STRATA_ERR_ARG;
  if (strata_mul_overflows(width, channels, &row)) return STRATA_ERR_SIZE;
  if (dst_stride < row || src_stride < row) return STRATA_ERR_SIZE;
  if (row && height) {
    if (!dst || !src) return STRATA_ERR_NULL;
    if (strata_mul_overflows(height - 1, dst_stride, &dst_span) ||
        strata_add_overflows(dst_span, row, &dst_span) ||
        strata_mul_overflows(height - 1, src_stride, &src_span) ||
        strata_add_overflows(src_span, row, &src_span))
      return STRATA_ERR_SIZE;
  }
  if (strata_overlaps(dst, dst_span, src, src_span)) return STRATA_ERR_OVERLAP;
  for (int k = 0; k < nparams; k++)
    if (strata_touches(dst, dst_span, params[k].p, params[k].bytes)) return STRATA_ERR_OVERLAP;
  *rows = (strata_rows){dst, src, dst_stride, src_stride, row, height};
  if (height == 1 || (dst_stride == row && src_stride == row)) {
    rows->row_bytes = row * height;
    rows->height = 1;
  }
  *bytes = row * height;
  return STRATA_OK;
}

/* Runs a row-set kernel in the layer of `plan`: scalar and bit kernels directly, the ISA's data
   kernel, or the task layer over it (byte chunks of whole 64-byte blocks of whole pixels). */
static void run_rows(const strata_plan *plan, const strata_rows *rows, size_t bytes,
                     unsigned channels, const void *params, strata_rows_fn *scalar,
                     strata_rows_fn *bit, strata_rows_fn *const data[STRATA_ISA_COUNT]) {
  const int stream = bytes >= stream_min_bytes();
  switch (plan->layer) {
  case STRATA_LAYER_SCALAR:
    scalar(rows, params, stream);
    break;
  case STRATA_LAYER_BIT:
    bit(rows, params, stream);
    break;
  case STRATA_LAYER_TASK:
    strata_rows_task(rows, (size_t)64 * channels, params, stream, plan->threads, data[plan->isa]);
    break;
  default:
    data[plan->isa](rows, params, stream);
    break;
  }
}

/* Non-zero when an AVX-512 kernel may use VBMI (byte permutes across 64 bytes). */
static int use_vbmi(strata_isa isa) {
#if defined(__x86_64__) || defined(__i386__)
  return isa == STRATA_ISA_AVX512 && __builtin_cpu_supports("avx512vbmi");
#else
  (void)isa;
  return 0;
#endif
}

strata_status strata_brighten_image_u8_ex(uint8_t *dst, size_t dst_stride, const uint8_t *src,
                                          size_t src_stride, size_t width, size_t height,
                                          unsigned channels, const int *delta,
                                          const strata_exec *exec) {
  const struct param_span params[] = {{delta, channels * sizeof *delta}};
  strata_rows rows;
  size_t bytes;
  strata_plan plan;
  strata_status s = check_image(dst, dst_stride, src, src_stride, width, height, channels, params,
                                1, &rows, &bytes);
  if (s != STRATA_OK) return s;
  strata_brighten_params p = {channels, {0}};
  memcpy(p.delta, delta, channels * sizeof *delta); /* delta need not be aligned */
  for (unsigned k = 0; k < channels; k++)
    if (p.delta[k] < -255 || p.delta[k] > 255) return STRATA_ERR_ARG;
  s = strata_plan_make(exec, STRATA_LAYERS_BIT_DATA_TASK, bytes, BRIGHTEN_TASK_MIN_BYTES, &plan);
  if (s != STRATA_OK || bytes == 0) return s;
  run_rows(&plan, &rows, bytes, channels, &p, strata_brighten_rows_u8_scalar,
           strata_brighten_rows_u8_bit, brighten_rows_data);
  return STRATA_OK;
}

strata_status strata_brighten_image_u8(uint8_t *dst, size_t dst_stride, const uint8_t *src,
                                       size_t src_stride, size_t width, size_t height,
                                       unsigned channels, const int *delta) {
  return strata_brighten_image_u8_ex(dst, dst_stride, src, src_stride, width, height, channels,
                                     delta, NULL);
}

strata_status strata_gain_bias_image_u8_ex(uint8_t *dst, size_t dst_stride, const uint8_t *src,
                                           size_t src_stride, size_t width, size_t height,
                                           unsigned channels, const float *gain, const float *bias,
                                           const strata_exec *exec) {
  const struct param_span params[] = {{gain, channels * sizeof *gain},
                                      {bias, channels * sizeof *bias}};
  strata_rows rows;
  size_t bytes;
  strata_plan plan;
  strata_status s = check_image(dst, dst_stride, src, src_stride, width, height, channels, params,
                                2, &rows, &bytes);
  if (s != STRATA_OK) return s;
  strata_gain_bias_params p = {channels, {0}, {0}, 0};
  memcpy(p.gain, gain, channels * sizeof *gain); /* gain and bias need not be aligned */
  memcpy(p.bias, bias, channels * sizeof *bias);
  for (unsigned k = 0; k < channels; k++)
    if (!isfinite(p.gain[k]) || !isfinite(p.bias[k])) return STRATA_ERR_ARG;
  s = strata_plan_make(exec, LAYERS_SCALAR_DATA_TASK, bytes, GAIN_BIAS_TASK_MIN_BYTES, &plan);
  if (s != STRATA_OK || bytes == 0) return s;
  p.vbmi = use_vbmi(plan.isa);
  run_rows(&plan, &rows, bytes, channels, &p, strata_gain_bias_rows_u8_scalar, NULL,
           gain_bias_rows_data);
  return STRATA_OK;
}

strata_status strata_gain_bias_image_u8(uint8_t *dst, size_t dst_stride, const uint8_t *src,
                                        size_t src_stride, size_t width, size_t height,
                                        unsigned channels, const float *gain, const float *bias) {
  return strata_gain_bias_image_u8_ex(dst, dst_stride, src, src_stride, width, height, channels,
                                      gain, bias, NULL);
}

strata_status strata_gain_bias_u8_ex(uint8_t *dst, const uint8_t *src, size_t n, float gain,
                                     float bias, const strata_exec *exec) {
  return strata_gain_bias_image_u8_ex(dst, n, src, n, n, 1, 1, &gain, &bias, exec);
}

strata_status strata_gain_bias_u8(uint8_t *dst, const uint8_t *src, size_t n, float gain,
                                  float bias) {
  return strata_gain_bias_u8_ex(dst, src, n, gain, bias, NULL);
}

strata_status strata_lut_u8_ex(uint8_t *dst, const uint8_t *src, size_t n, const uint8_t lut[256],
                               const strata_exec *exec) {
  const struct param_span params[] = {{lut, 256}};
  strata_rows rows;
  size_t bytes;
  strata_plan plan;
  strata_status s = check_image(dst, n, src, n, n, 1, 1, params, 1, &rows, &bytes);
  if (s != STRATA_OK) return s;
  s = strata_plan_make(exec, LAYERS_SCALAR_DATA_TASK, bytes, LUT_TASK_MIN_BYTES, &plan);
  if (s != STRATA_OK || bytes == 0) return s;
  const strata_lut_params p = {lut, use_vbmi(plan.isa)};
  run_rows(&plan, &rows, bytes, 1, &p, strata_lut_rows_u8_scalar, NULL, lut_rows_data);
  return STRATA_OK;
}

strata_status strata_lut_u8(uint8_t *dst, const uint8_t *src, size_t n, const uint8_t lut[256]) {
  return strata_lut_u8_ex(dst, src, n, lut, NULL);
}

strata_status strata_gamma_lut_u8(uint8_t lut[256], double gamma) {
  if (!lut) return STRATA_ERR_NULL;
  if (!isfinite(gamma) || !(gamma > 0)) return STRATA_ERR_ARG;
  for (int x = 0; x < 256; x++) lut[x] = (uint8_t)floor(255.0 * pow(x / 255.0, gamma) + 0.5);
  return STRATA_OK;
}
