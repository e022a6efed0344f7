/* strata: compute kernels in layers of parallelism (bit, instruction, data, task).
   The umbrella header: include this one. */
#ifndef STRATA_STRATA_H
#define STRATA_STRATA_H

#include "strata/exec.h"
#include "strata/image.h"
#include "strata/arith.h"
#include "strata/mpn.h"

#endif
