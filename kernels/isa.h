/* Per-ISA symbol naming. A data-layer source is compiled once per ISA (see CMakeLists.txt); the
   build defines STRATA_ISA_SUFFIX (_generic, _sse2, _avx2, _avx512, _neon) for that translation
   unit, and STRATA_ISA_FN pastes it onto the kernel's name, so one source yields
   strata_brighten_u8_data_avx2, strata_brighten_u8_data_sse2, ...
   STRATA_DECLARE_PER_ISA declares every ISA's copy of a kernel for src/ to put in its tables. */
#ifndef STRATA_KERNELS_ISA_H
#define STRATA_KERNELS_ISA_H

#define STRATA_CAT_(a, b) a##b
#define STRATA_CAT(a, b) STRATA_CAT_(a, b)

#ifdef STRATA_ISA_SUFFIX
#define STRATA_ISA_FN(name) STRATA_CAT(name, STRATA_ISA_SUFFIX)
#endif

#define STRATA_DECLARE_PER_ISA(ret, name, params)                                                  \
  ret name##_generic params;                                                                       \
  ret name##_sse2 params;                                                                          \
  ret name##_avx2 params;                                                                          \
  ret name##_avx512 params;                                                                        \
  ret name##_neon params

#endif
