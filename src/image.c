/* Public entry points of strata/image.h: check the arguments (API.md section 2), choose the
   variant (plan.h), run it. */
#include "strata/image.h"

#include "brightness/brightness.h"
#include "check.h"
#include "dispatch.h"

/* AUTO runs the task layer from this many bytes of output. Measured on the 2-core Zen 3 CI
   machine (data vs task:2, default wait policy): 256 KiB 1.06x, 512 KiB 1.6x, 1 MiB 1.7x. */
#define BRIGHTEN_TASK_MIN_BYTES ((size_t)512 << 10)

static strata_brighten_u8_fn *const brighten_u8_data[STRATA_ISA_COUNT] =
    STRATA_ISA_TABLE(strata_brighten_u8_data);

strata_status strata_brighten_u8_ex(uint8_t *dst, const uint8_t *src, size_t n, int delta,
                                    const strata_exec *exec) {
  strata_plan plan;
  if (n && (!dst || !src)) return STRATA_ERR_NULL;
  if (delta < -255 || delta > 255) return STRATA_ERR_ARG;
  if (strata_overlaps(dst, n, src, n)) return STRATA_ERR_OVERLAP;
  strata_status s = strata_plan_make(exec, STRATA_LAYERS_BIT_DATA_TASK, n, BRIGHTEN_TASK_MIN_BYTES,
                                     &plan);
  if (s != STRATA_OK || n == 0) return s;
  const int stream = n >= strata_stream_min_bytes();
  switch (plan.layer) {
  case STRATA_LAYER_SCALAR: strata_brighten_u8_scalar(dst, src, n, delta); break;
  case STRATA_LAYER_BIT: strata_brighten_u8_bit(dst, src, n, delta); break;
  case STRATA_LAYER_TASK:
    strata_brighten_u8_task(dst, src, n, delta, stream, plan.threads, brighten_u8_data[plan.isa]);
    break;
  default: brighten_u8_data[plan.isa](dst, src, n, delta, stream); break;
  }
  return STRATA_OK;
}

strata_status strata_brighten_u8(uint8_t *dst, const uint8_t *src, size_t n, int delta) {
  return strata_brighten_u8_ex(dst, src, n, delta, NULL);
}
