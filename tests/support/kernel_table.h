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

typedef struct kt_args {
  size_t n;          /* elements (1-D kernels), or pixels per row (image kernels) */
  size_t rows;       /* image kernels: rows; 1-D kernels ignore it */
  size_t pad[2];     /* image kernels: stride minus row bytes, for the output and the input */
  unsigned channels; /* image kernels: 1..4 */
  uint64_t bits[4];  /* parameters, verbatim (a delta is (int64_t)bits[0]); `valid` maps random
                        bits into range, `invalid` writes out-of-range values */
} kt_args;

/* The bytes each buffer of one call spans. */
typedef struct kt_spans {
  size_t out;           /* the output array */
  size_t result;        /* the result (carry: 8, reduction out: 4 or 8, batch carries: count) */
  size_t in[KT_MAX_IN]; /* each input */
} kt_spans;

/* Does the kernel write a result through a separate pointer (a carry, a reduction's out)? */
typedef enum kt_result {
  KT_RESULT_NONE = 0,
  KT_RESULT_OPTIONAL, /* may be NULL: the caller does not want it (mpn carries) */
  KT_RESULT_REQUIRED  /* NULL is STRATA_ERR_NULL even when n = 0 (a reduction's out) */
} kt_result;

/* The buffers of one call. */
typedef struct kt_bufs {
  void *out;                 /* the output array: `spans` bytes */
  void *result;              /* the fixed-size result (carry, reduction out), or NULL */
  const void *in[KT_MAX_IN]; /* the inputs: `spans` bytes each */
} kt_bufs;

typedef struct kt_kernel {
  const char *name;   /* the public function, e.g. "strata_brighten_u8" */
  const char *family; /* "image", "arith", "mpn": which fuzzer covers it */
  unsigned layers;    /* KT_LAYER bits of the layers it implements (AUTO is always allowed) */
  unsigned inputs;    /* how many input buffers (0..KT_MAX_IN) */
  unsigned alias_ok;  /* bit i: the output may be exactly input i (in place) */
  unsigned required;  /* bit i: input i is a parameter array (lut, delta, s): NULL is
                         STRATA_ERR_NULL even when n = 0 */
  kt_result result;   /* whether it writes a result through a separate pointer */
  size_t elem;        /* bytes per element of the output (1 for rows that mix types) */
  size_t min_n;       /* the smallest valid n (1 for mpn_add_1/sub_1; n below: STRATA_ERR_ARG) */
  /* Bytes each buffer spans for these arguments. */
  void (*spans)(const kt_args *a, kt_spans *s);
  /* Makes a->bits (and the geometry, for images) valid for this kernel, keeping a->n. */
  void (*valid)(kt_args *a);
  /* Calls the kernel's _ex entry point on b (b->result may be NULL). */
  strata_status (*call)(const kt_bufs *b, const kt_args *a, const strata_exec *e);
  /* Non-zero when `got` is an acceptable result given the reference `want` (want->in are the
     inputs). NULL: output and result must equal byte for byte (kt_same). Float reductions
     (error bound) and float NaN payloads need their own. */
  int (*same)(const kt_bufs *got, const kt_bufs *want, const kt_args *a);
  /* Optional: turns random bytes into data the kernel's comparison can judge (say, finite floats
     of moderate size for a float reduction, whose error bound means nothing once a partial sum
     overflows). `which` is the input index, or KT_MAX_IN for the output's initial contents.
     NULL: any bytes (NaN, inf, subnormals and all). */
  void (*shape)(void *p, size_t bytes, unsigned which);
  /* Hostile arguments: turns valid *a into its k-th out-of-range variant (k = 0, 1, ...), sets
     *what, and returns the status the kernel must give; STRATA_OK when there is no k-th one.
     Buffers stay those of the valid arguments, so a variant may also claim a huge n. */
  strata_status (*invalid)(kt_args *a, unsigned k, const char **what);
} kt_kernel;

/* k->same, or byte equality of the output and the result. */
int kt_same(const kt_kernel *k, const kt_bufs *got, const kt_bufs *want, const kt_args *a,
            const kt_spans *s);

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

/* Random image geometry from one random word: rows 0..16, pads 0..63, channels 0..255 (the
   row's `valid` maps them into range; 1-D kernels ignore them, a batch takes rows as its count). */
void kt_random_geometry(kt_args *a, uint64_t r);

/* Non-zero when the build runs the task layer (built with OpenMP). */
int kt_task_supported(void);

/* The scalar reference execution. */
extern const strata_exec kt_scalar;

#endif
