/** \file strata/exec.h
    Execution control shared by every kernel: status codes, the layers of parallelism, the
    instruction sets, and the per-call ::strata_exec settings (API.md section 1).

    Every kernel `strata_X(args...)` has a twin `strata_X_ex(args..., const strata_exec *exec)`;
    the first is the second with `exec == NULL`, which means all defaults (AUTO layer, AUTO ISA,
    default threads). Rules that hold for every kernel: nothing needs to be aligned; any length,
    including 0, is valid; a NULL pointer with a zero count is a no-op; an output may be exactly
    an input (in place) but overlap in any other way is ::STRATA_ERR_OVERLAP; a call that
    returns an error has written nothing; results are bit-identical on every layer and ISA
    (except floating-point reductions, within their documented bound); every call is
    thread-safe.

    Environment, read once at the first call: `STRATA_ISA=<name>` forces what an ISA of AUTO
    resolves to (an unknown name, or one this CPU cannot run, makes every call that would
    resolve an ISA return ::STRATA_ERR_UNSUPPORTED, never a silent fallback);
    `STRATA_NUM_THREADS=<n>` sets the default thread count. */
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
  STRATA_ERR_SIZE = 2,       /**< a byte size overflows size_t or exceeds PTRDIFF_MAX (the largest
                                  object C allows: an addition to API.md section 2), or a stride
                                  is shorter than a row */
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

/** The library's version.
    @return "MAJOR.MINOR.PATCH", a static string. */
STRATA_API const char *strata_version(void);
/** A short English description of a status, for messages.
    @return a static string; never NULL, also for values outside ::strata_status. */
STRATA_API const char *strata_status_string(strata_status s);
/** The name of a layer, as the strata tool's --layer option takes it.
    @return "auto" "scalar" "bit" "instruction" "data" "task"; "unknown" for other values. */
STRATA_API const char *strata_layer_name(strata_layer l);
/** The name of an instruction set, as `STRATA_ISA` and the strata tool's --isa take it.
    @return "auto" "generic" "sse2" "avx2" "avx512" "neon"; "unknown" for other values. */
STRATA_API const char *strata_isa_name(strata_isa i);
/** Whether a DATA or TASK call with this ISA can run here.
    @return non-zero when the ISA is compiled into the library and this CPU runs it; for
            ::STRATA_ISA_AUTO, non-zero when AUTO resolves (see strata_best_isa()). */
STRATA_API int strata_isa_available(strata_isa i);
/** What an ISA of AUTO resolves to in this process.
    @return the `STRATA_ISA` override if set, else the widest ISA the build and CPU support
            (avx512, avx2, neon, sse2, generic, in that order); ::STRATA_ISA_AUTO when the
            override is unknown or cannot run here. */
STRATA_API strata_isa strata_best_isa(void);
/** What `threads = 0` resolves to.
    @return `STRATA_NUM_THREADS` if set to a positive integer, else the OpenMP default
            (omp_get_max_threads()), else 1 when built without OpenMP; at most
            ::STRATA_MAX_THREADS. */
STRATA_API int strata_default_threads(void);

/** Diagnostics (an addition to the contract): what the calling thread's most recent
    successful kernel call actually ran with, e.g. which layer AUTO chose.
    @return the layer (never AUTO), the ISA (AUTO for the layers that use none) and the thread
            count (1 for single-threaded layers); all zero before the thread's first call. */
STRATA_API strata_exec strata_last_exec(void);

#ifdef __cplusplus
}
#endif

#endif
