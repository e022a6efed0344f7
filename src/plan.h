/* Variant choice: turns a caller's strata_exec into the layer, ISA and thread count one call runs
   with. Every public entry point calls strata_plan_make after checking its own arguments. */
#ifndef STRATA_SRC_PLAN_H
#define STRATA_SRC_PLAN_H

#include <stddef.h>

#include "strata/exec.h"

#define STRATA_ISA_COUNT (STRATA_ISA_NEON + 1)
#define STRATA_LAYER_MASK(l) (1u << (l))
#define STRATA_LAYERS_BIT_DATA_TASK                                                                \
  (STRATA_LAYER_MASK(STRATA_LAYER_SCALAR) | STRATA_LAYER_MASK(STRATA_LAYER_BIT) |                  \
   STRATA_LAYER_MASK(STRATA_LAYER_DATA) | STRATA_LAYER_MASK(STRATA_LAYER_TASK))

typedef struct strata_plan {
  strata_layer layer; /* never AUTO */
  strata_isa isa;     /* resolved for DATA and TASK, AUTO otherwise */
  int threads;        /* 1 unless TASK */
} strata_plan;

/* Validates `exec` (NULL = defaults) and resolves it for a kernel that implements the layers in
   `layers` (a mask of STRATA_LAYER_MASK bits; SCALAR and DATA are always among them).
   AUTO picks TASK when work_bytes >= task_min_bytes and more than one thread is allowed, DATA
   otherwise. Returns STRATA_ERR_ARG or STRATA_ERR_UNSUPPORTED as API.md section 1 says; on
   success records the plan for strata_last_exec. */
strata_status strata_plan_make(const strata_exec *exec, unsigned layers, size_t work_bytes,
                               size_t task_min_bytes, strata_plan *plan);

/* Output size from which data kernels use non-temporal stores: beyond the last-level cache. */
size_t strata_stream_min_bytes(void);

#endif
