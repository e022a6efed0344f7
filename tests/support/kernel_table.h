/* The kernel table: every public kernel described once, in one uniform shape, so that the
   reliability tests (guard pages, hostile input, concurrency) and the differential fuzzers can
   run all of them with the same loops. A family joins by adding one kt_kernel row per public
   kernel to its kernel_table_<family>.c and listing that table in kernel_table.c
   (docs/reliability.md walks through it).

   The shape: a kernel writes one output array and possibly one fixed-size result (a carry, a
   reduction's out), and reads up to KT_MAX_IN input arrays; what it computes is fixed by kt_args
   (lengths, image geometry, and parameter bits). The table itself has no test-framework
   dependency (the fuzzers link it too). */
#ifndef STRATA_KERNEL_TABLE_H
#define STRATA_KERNEL_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "strata/strata.h"

#define KT_MAX_IN 3
#define KT_LAYER(l) (1u << (l))
#define KT_MAX_EXECS 64
#define KT_RESULT (1u << 8)

typedef struct kt_args {
  size_t n;          /* elements (1-D kernels), or pixels per row (image kernels) */
  size_t rows;       /* image kernels: rows; 1-D kernels ignore it */
  size_t pad[2];     /* image kernels: stride minus row bytes, for the output and the input */
  unsigned channels; /* image kernels: 1..4 */
  uint64_t bits[4];  /* parameters, verbatim (a delta is (int64_t)bits[0]); `valid` maps random
                        bits into range, `invalid` writes out-of-range values */
} kt_args;

/* The buffers of one call. */
typedef struct kt_bufs {
  void *out;                 /* the output array: `spans` bytes */
  void *result;              /* the fixed-size result (carry, reduction out), or NULL */
  const void *in[KT_MAX_IN]; /* the inputs: `spans` bytes each */
} kt_bufs;

typedef struct kt_kernel {
  const char *name;    /* the public function, e.g. "strata_brighten_u8" */
  const char *family;  /* "image", "arith", "mpn": which fuzzer covers it */
  unsigned layers;     /* KT_LAYER bits of the layers it implements (AUTO is always allowed) */
  unsigned inputs;     /* how many input buffers (0..KT_MAX_IN) */
  unsigned alias_ok;   /* bit i: the output may be exactly input i (in place) */
  unsigned required;   /* bit i: input i is a parameter array (lut, delta, s) and KT_RESULT: the
                          result is not optional (a reduction's out): NULL is STRATA_ERR_NULL
                          even when n = 0. A result without KT_RESULT (a carry) may be NULL. */
  size_t elem;         /* bytes per element of the output (1 for rows that mix types) */
  size_t result_bytes; /* bytes of the result (8 for a carry); 0: the kernel has none */
  /* Bytes the output and each input span for these arguments. */
  void (*spans)(const kt_args *a, size_t *out, size_t in[KT_MAX_IN]);
  /* Makes a->bits (and the geometry, for images) valid for this kernel, keeping a->n. */
  void (*valid)(kt_args *a);
  /* Calls the kernel's _ex entry point on b (b->result may be NULL). */
  strata_status (*call)(const kt_bufs *b, const kt_args *a, const strata_exec *e);
  /* Non-zero when `got` is an acceptable result given the reference `want` (want->in are the
     inputs). NULL: output and result must equal byte for byte (kt_same). Float reductions
     (error bound) and float NaN payloads need their own. */
  int (*same)(const kt_bufs *got, const kt_bufs *want, const kt_args *a);
  /* Hostile arguments: turns valid *a into its k-th out-of-range variant (k = 0, 1, ...), sets
     *what, and returns the status the kernel must give; STRATA_OK when there is no k-th one.
     Buffers stay those of the valid arguments, so a variant may also claim a huge n. */
  strata_status (*invalid)(kt_args *a, unsigned k, const char **what);
} kt_kernel;

/* k->same, or byte equality of the output (out_bytes) and the result. */
int kt_same(const kt_kernel *k, const kt_bufs *got, const kt_bufs *want, const kt_args *a,
            size_t out_bytes);

/* Every kernel in the library; `family` NULL: all of them. */
size_t kt_kernels(const char *family, const kt_kernel *const **out);

/* The ISAs to iterate explicitly: only the one STRATA_ISA forces (if it can run here), else every
   ISA the build and CPU run. Returns how many. */
size_t kt_isas(strata_isa out[8]);

/* The executions to compare with the scalar layer, for a kernel implementing `layers`: each
   ISA-free layer once, then per ISA in isas: DATA, TASK with 1, 2 and 3 threads, AUTO with that
   ISA; and AUTO with isa = AUTO last. TASK is left out when the build has no OpenMP. */
size_t kt_execs(unsigned layers, const strata_isa *isas, size_t nisa,
                strata_exec out[KT_MAX_EXECS]);
/* "data/avx2", "task/3/sse2", "auto/auto", "scalar" (a static thread-local buffer). */
const char *kt_exec_name(const strata_exec *e);

/* Non-zero when the build runs the task layer (built with OpenMP). */
int kt_task_supported(void);

/* The scalar reference execution. */
extern const strata_exec kt_scalar;

#endif
