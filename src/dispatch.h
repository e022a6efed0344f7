/* Per-ISA kernel tables. STRATA_ISA_TABLE(name) is an array initializer indexed by strata_isa
   that holds name_generic, name_sse2, ... for the ISAs compiled into this build, and NULL for the
   others. Which ISAs the CPU can run is the plan's business (plan.h), not the table's. */
#ifndef STRATA_SRC_DISPATCH_H
#define STRATA_SRC_DISPATCH_H

#include "plan.h"

#if STRATA_HAVE_GENERIC
#define STRATA_IF_GENERIC(x) x,
#else
#define STRATA_IF_GENERIC(x)
#endif
#if STRATA_HAVE_SSE2
#define STRATA_IF_SSE2(x) x,
#else
#define STRATA_IF_SSE2(x)
#endif
#if STRATA_HAVE_AVX2
#define STRATA_IF_AVX2(x) x,
#else
#define STRATA_IF_AVX2(x)
#endif
#if STRATA_HAVE_AVX512
#define STRATA_IF_AVX512(x) x,
#else
#define STRATA_IF_AVX512(x)
#endif
#if STRATA_HAVE_NEON
#define STRATA_IF_NEON(x) x,
#else
#define STRATA_IF_NEON(x)
#endif

#define STRATA_ISA_TABLE(name)                                                                     \
  {                                                                                                \
    STRATA_IF_GENERIC([STRATA_ISA_GENERIC] = name##_generic)                                       \
    STRATA_IF_SSE2([STRATA_ISA_SSE2] = name##_sse2)                                                \
    STRATA_IF_AVX2([STRATA_ISA_AVX2] = name##_avx2)                                                \
    STRATA_IF_AVX512([STRATA_ISA_AVX512] = name##_avx512)                                          \
    STRATA_IF_NEON([STRATA_ISA_NEON] = name##_neon)                                                \
  }

/* Bit i set: ISA i is compiled into this build. */
#define STRATA_COMPILED_ISA_BITS                                                                   \
  ((STRATA_HAVE_GENERIC + 0u) << STRATA_ISA_GENERIC | (STRATA_HAVE_SSE2 + 0u) << STRATA_ISA_SSE2 |  \
   (STRATA_HAVE_AVX2 + 0u) << STRATA_ISA_AVX2 | (STRATA_HAVE_AVX512 + 0u) << STRATA_ISA_AVX512 |   \
   (STRATA_HAVE_NEON + 0u) << STRATA_ISA_NEON)

#endif
