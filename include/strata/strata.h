/** \file strata/strata.h
    strata: compute kernels in layers of parallelism (bit, instruction, data, task).
    The umbrella header: include this one. It brings in
    - strata/exec.h: status codes, layers, ISAs, ::strata_exec and the queries about them;
    - strata/image.h: brightness, gain/bias and table lookups on 8-bit pixels;
    - strata/arith.h: element-wise arithmetic, fused operations and reductions;
    - strata/mpn.h: multi-word (big integer) addition and subtraction.

    Link with `-lstrata` (pkg-config: `pkg-config --cflags --libs strata`; CMake:
    `find_package(strata CONFIG)` and the target `strata::strata`). */
#ifndef STRATA_STRATA_H
#define STRATA_STRATA_H

#include "strata/exec.h"
#include "strata/arith.h"
#include "strata/image.h"
#include "strata/mpn.h"

#endif
