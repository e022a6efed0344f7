/* CPU feature detection with the compiler's cpuid wrappers (which also check that the OS saves
   the wider register state). AVX2 means the x86-64-v3 set the AVX2 objects are compiled for;
   AVX512 means x86-64-v4 (F, BW, VL, DQ, CD). */
#include "cpu.h"

#include "strata/exec.h"

unsigned strata_cpu_isa_bits(void) {
  unsigned bits = 1u << STRATA_ISA_GENERIC;
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("sse2")) bits |= 1u << STRATA_ISA_SSE2;
  const int v3 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
                 __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2");
  if (v3) bits |= 1u << STRATA_ISA_AVX2;
  if (v3 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512cd"))
    bits |= 1u << STRATA_ISA_AVX512;
#elif defined(__aarch64__)
  bits |= 1u << STRATA_ISA_NEON;
#endif
  return bits;
}
