# Brightness family (strata/image.h).
list(APPEND STRATA_SRC_SOURCES src/image.c)
list(APPEND STRATA_KERNEL_SOURCES kernels/brightness/bit.c kernels/brightness/task.c)
list(APPEND STRATA_SCALAR_SOURCES kernels/brightness/scalar.c)
list(APPEND STRATA_DATA_SOURCES kernels/brightness/data.c kernels/brightness/gain_bias_data.c
            kernels/brightness/lut_data.c)
