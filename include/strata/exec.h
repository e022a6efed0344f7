/* strata/exec.h: execution control shared by every kernel: status codes, layers of parallelism,
   instruction sets, and the per-call strata_exec settings. See API.md section 1. */
#ifndef STRATA_EXEC_H
#define STRATA_EXEC_H

#include <stddef.h>
#include <stdint.h>

#include "strata/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Result of every strata call. A call that returns anything but STRATA_OK has written nothing. */
typedef enum strata_status {
  STRATA_OK = 0,
  STRATA_ERR_NULL = 1,       /**< a pointer is NULL while its element count is non-zero */
  STRATA_ERR_SIZE = 2,       /**< a byte size overflows size_t, or a stride is shorter than a row */
  STRATA_ERR_OVERLAP = 3,    /**< an output overlaps an input other than exactly (in place) */
  STRATA_ERR_ARG = 4,        /**< an argument is outside its documented range */
  STRATA_ERR_UNSUPPORTED = 5 /**< no version of this kernel for the layer/ISA, or the CPU cannot
                                  run the requested ISA */
} strata_status;

/** The layers of parallelism, plus the reference and automatic choice. */
typedef enum strata_layer {
  STRATA_LAYER_AUTO = 0,    /**< fastest for this size and CPU (the default) */
  STRATA_LAYER_SCALAR,      /**< reference: one element per step, never vectorized */
  STRATA_LAYER_BIT,         /**< bit-level: SWAR lanes packed in 64-bit words, carry masks */
  STRATA_LAYER_INSTRUCTION, /**< instruction-level: unrolled, independent dependency chains */
  STRATA_LAYER_DATA,        /**< data-level: SIMD vectors (SIMDe), one thread */
  STRATA_LAYER_TASK         /**< task-level: SIMD vectors on OpenMP threads */
} strata_layer;

/** Instruction sets a data-layer kernel is compiled for. */
typedef enum strata_isa {
  STRATA_ISA_AUTO = 0, /**< best the CPU and build support (or the STRATA_ISA override) */
  STRATA_ISA_GENERIC,  /**< SIMDe portable emulation, no native intrinsics: runs anywhere */
  STRATA_ISA_SSE2,     /**< 128-bit x86 */
  STRATA_ISA_AVX2,     /**< 256-bit x86 (with FMA, BMI2) */
  STRATA_ISA_AVX512,   /**< 512-bit x86 (F, BW, VL) */
  STRATA_ISA_NEON      /**< 128-bit Arm */
} strata_isa;

/** Per-call execution settings; a zeroed struct (or a NULL pointer) means all defaults. */
typedef struct strata_exec {
  strata_layer layer; /**< 0 = AUTO */
  strata_isa isa;     /**< 0 = AUTO; used by the AUTO, DATA and TASK layers, ignored by SCALAR,
                           BIT and INSTRUCTION (but still range-checked) */
  int threads;        /**< 0 = default; TASK: this many (see below); AUTO: at most this many;
                           ignored by the single-threaded layers (but still checked >= 0).
                           The TASK layer never starts more threads than it has chunks of work
                           (one chunk is at least one vector), nor more than STRATA_MAX_THREADS. */
} strata_exec;

/** Upper bound on the threads of one call; larger requests are clamped to it. */
#define STRATA_MAX_THREADS 256

/** "MAJOR.MINOR.PATCH" */
STRATA_API const char *strata_version(void);
/** A short English description; never NULL, also for unknown values. */
STRATA_API const char *strata_status_string(strata_status s);
/** "auto" "scalar" "bit" "instruction" "data" "task"; "unknown" for other values. */
STRATA_API const char *strata_layer_name(strata_layer l);
/** "auto" "generic" "sse2" "avx2" "avx512" "neon"; "unknown" for other values. */
STRATA_API const char *strata_isa_name(strata_isa i);
/** Non-zero when the ISA is compiled in and this CPU runs it (AUTO: non-zero when AUTO resolves). */
STRATA_API int strata_isa_available(strata_isa i);
/** What an ISA of AUTO resolves to now: the STRATA_ISA override if set, else the best ISA the
    build and CPU support. STRATA_ISA_AUTO when the override is unknown or cannot run here. */
STRATA_API strata_isa strata_best_isa(void);
/** What threads = 0 resolves to: STRATA_NUM_THREADS if set to a positive integer, else the
    OpenMP default (omp_get_max_threads), else 1 when built without OpenMP. */
STRATA_API int strata_default_threads(void);

/** Diagnostics (an addition to the contract): the layer, ISA and thread count that the calling
    thread's most recent successful kernel call ran with (ISA is AUTO for layers that use none,
    threads is 1 for single-threaded layers). All zero before the first call. */
STRATA_API strata_exec strata_last_exec(void);

#ifdef __cplusplus
}
#endif

#endif
