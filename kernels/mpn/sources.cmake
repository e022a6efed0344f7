# Multi-word addition family (strata/mpn.h).
list(APPEND STRATA_SRC_SOURCES src/mpn.c)
list(APPEND STRATA_KERNEL_SOURCES kernels/mpn/bit.c kernels/mpn/instruction.c kernels/mpn/task.c)
list(APPEND STRATA_SCALAR_SOURCES kernels/mpn/scalar.c)
list(APPEND STRATA_DATA_SOURCES kernels/mpn/data.c)
