/* Execution settings: names, version, ISA resolution (CPU bits, STRATA_ISA override),
   default threads (STRATA_NUM_THREADS), and the per-call plan (plan.h).
   The environment and the CPU are read once, under pthread_once; nothing else is global. */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>

#include "cpu.h"
#include "dispatch.h"
#include "plan.h"
#include "task.h"

static const char *const layer_names[] = {"auto", "scalar", "bit", "instruction", "data", "task"};
static const char *const isa_names[] = {"auto", "generic", "sse2", "avx2", "avx512", "neon"};

/* Best first: the order AUTO tries the ISAs in. */
static const strata_isa isa_preference[] = {STRATA_ISA_AVX512, STRATA_ISA_AVX2, STRATA_ISA_NEON,
                                             STRATA_ISA_SSE2, STRATA_ISA_GENERIC};

static struct {
  unsigned runnable;     /* compiled in and runnable on this CPU */
  strata_isa auto_isa;   /* what ISA AUTO resolves to; STRATA_ISA_AUTO if STRATA_ISA is bad */
  int default_threads;   /* threads = 0 */
  size_t stream_min;     /* strata_stream_min_bytes */
  unsigned task_scale;   /* AUTO's task thresholds are multiplied by this */
} g_env;
static pthread_once_t g_env_once = PTHREAD_ONCE_INIT;

static _Thread_local strata_exec g_last;

static int parse_positive(const char *s, long max) {
  char *end;
  long v;
  if (!s || !*s) return 0;
  v = strtol(s, &end, 10);
  if (*end || v < 1) return 0;
  return (int)(v > max ? max : v);
}

static size_t last_level_cache_bytes(void) {
  /* sysfs is what the kernel was told; sysconf's figure is wrong under some hypervisors. */
  for (int index = 3; index >= 0; index--) {
    char path[64], buf[32];
    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/size", index);
    FILE *f = fopen(path, "r");
    if (!f) continue;
    char *ok = fgets(buf, sizeof buf, f);
    fclose(f);
    if (!ok) continue;
    char *end;
    size_t v = strtoul(buf, &end, 10);
    if (*end == 'K') v <<= 10;
    if (*end == 'M') v <<= 20;
    if (v) return v;
  }
  return (size_t)32 << 20;
}

static void env_init(void) {
  g_env.runnable = strata_cpu_isa_bits() & STRATA_COMPILED_ISA_BITS;
  g_env.auto_isa = STRATA_ISA_AUTO;
  const char *forced = getenv("STRATA_ISA");
  if (forced) {
    for (int i = STRATA_ISA_GENERIC; i < STRATA_ISA_COUNT; i++)
      if (strcmp(forced, isa_names[i]) == 0 && (g_env.runnable >> i & 1)) g_env.auto_isa = i;
  } else {
    for (size_t k = 0; k < sizeof isa_preference / sizeof *isa_preference; k++)
      if (g_env.runnable >> isa_preference[k] & 1) {
        g_env.auto_isa = isa_preference[k];
        break;
      }
  }
  int threads = parse_positive(getenv("STRATA_NUM_THREADS"), STRATA_MAX_THREADS);
  if (!threads) threads = strata_task_max_threads();
  g_env.default_threads = threads < 1 ? 1 : threads > STRATA_MAX_THREADS ? STRATA_MAX_THREADS : threads;
  /* Non-temporal stores pay off once the output no longer fits in the last-level cache (measured
     with bench/: at 32 MiB on a 32 MiB L3 plain stores still win, from 64 MiB streaming does). */
  g_env.stream_min = 2 * last_level_cache_bytes();
  /* With OMP_WAIT_POLICY=passive idle workers sleep, and waking them costs ~40 us instead of
     ~1 us: measured on brighten_u8, 2 threads then first win at ~8x the size they win at with
     the default policy. */
  const char *policy = getenv("OMP_WAIT_POLICY");
  g_env.task_scale = policy && strcasecmp(policy, "passive") == 0 ? 8 : 1;
}

static void env_ready(void) { pthread_once(&g_env_once, env_init); }

const char *strata_version(void) { return STRATA_VERSION_STRING; }

const char *strata_status_string(strata_status s) {
  switch (s) {
  case STRATA_OK: return "ok";
  case STRATA_ERR_NULL: return "a pointer is NULL while its element count is non-zero";
  case STRATA_ERR_SIZE: return "a byte size overflows size_t or exceeds PTRDIFF_MAX, or a stride is shorter than a row";
  case STRATA_ERR_OVERLAP: return "an output partially overlaps an input";
  case STRATA_ERR_ARG: return "an argument is outside its documented range";
  case STRATA_ERR_UNSUPPORTED:
    return "no version of this kernel for the requested layer or ISA, or the CPU cannot run it";
  }
  return "unknown strata_status";
}

const char *strata_layer_name(strata_layer l) {
  return (unsigned)l <= STRATA_LAYER_TASK ? layer_names[l] : "unknown";
}

const char *strata_isa_name(strata_isa i) {
  return (unsigned)i < STRATA_ISA_COUNT ? isa_names[i] : "unknown";
}

strata_isa strata_best_isa(void) {
  env_ready();
  return g_env.auto_isa;
}

int strata_isa_available(strata_isa i) {
  env_ready();
  if (i == STRATA_ISA_AUTO) return g_env.auto_isa != STRATA_ISA_AUTO;
  return (unsigned)i < STRATA_ISA_COUNT && (g_env.runnable >> i & 1);
}

int strata_default_threads(void) {
  env_ready();
  return g_env.default_threads;
}

size_t strata_stream_min_bytes(void) {
  env_ready();
  return g_env.stream_min;
}

strata_exec strata_last_exec(void) { return g_last; }

static strata_status resolve_isa(strata_isa requested, strata_isa *out) {
  *out = requested == STRATA_ISA_AUTO ? strata_best_isa() : requested;
  return strata_isa_available(*out) && *out != STRATA_ISA_AUTO ? STRATA_OK
                                                                : STRATA_ERR_UNSUPPORTED;
}

strata_status strata_plan_make(const strata_exec *exec, unsigned layers, size_t work_bytes,
                               size_t task_min_bytes, strata_plan *plan) {
  const strata_exec e = exec ? *exec : (strata_exec){0};
  if ((unsigned)e.layer > STRATA_LAYER_TASK || (unsigned)e.isa >= STRATA_ISA_COUNT ||
      e.threads < 0)
    return STRATA_ERR_ARG;
  const int limit = e.threads > STRATA_MAX_THREADS ? STRATA_MAX_THREADS : e.threads;
  strata_plan p = {e.layer, STRATA_ISA_AUTO, 1};
  strata_status s = STRATA_OK;
  switch (e.layer) {
  case STRATA_LAYER_AUTO: {
    const int defaults = strata_default_threads();
    const int allowed = limit && limit < defaults ? limit : defaults;
    p.layer = STRATA_LAYER_DATA;
    if ((layers & STRATA_LAYER_MASK(STRATA_LAYER_TASK)) && strata_task_compiled() &&
        allowed > 1 && work_bytes / g_env.task_scale >= task_min_bytes &&
        !strata_task_in_parallel()) {
      p.layer = STRATA_LAYER_TASK;
      p.threads = allowed;
    }
    s = resolve_isa(e.isa, &p.isa);
    break;
  }
  case STRATA_LAYER_SCALAR:
  case STRATA_LAYER_BIT:
  case STRATA_LAYER_INSTRUCTION:
    if (!(layers & STRATA_LAYER_MASK(e.layer))) s = STRATA_ERR_UNSUPPORTED;
    break;
  case STRATA_LAYER_DATA:
    s = resolve_isa(e.isa, &p.isa);
    break;
  case STRATA_LAYER_TASK:
    if (!(layers & STRATA_LAYER_MASK(e.layer)) || !strata_task_compiled())
      return STRATA_ERR_UNSUPPORTED;
    p.threads = limit ? limit : strata_default_threads();
    s = resolve_isa(e.isa, &p.isa);
    break;
  }
  if (s != STRATA_OK) return s;
  *plan = p;
  g_last = (strata_exec){p.layer, p.isa, p.threads};
  return STRATA_OK;
}
