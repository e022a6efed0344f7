/* CPU feature detection: which strata ISAs this CPU can run (bit i set = strata_isa i). */
#ifndef STRATA_SRC_CPU_H
#define STRATA_SRC_CPU_H

unsigned strata_cpu_isa_bits(void);

#endif
