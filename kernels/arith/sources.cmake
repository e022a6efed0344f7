# Element-wise arithmetic family (strata/arith.h).
list(APPEND STRATA_SRC_SOURCES src/arith.c)
list(APPEND STRATA_KERNEL_SOURCES kernels/arith/bit.c kernels/arith/instruction.c
     kernels/arith/task.c)
list(APPEND STRATA_SCALAR_SOURCES kernels/arith/scalar.c)
list(APPEND STRATA_DATA_SOURCES kernels/arith/data.c)
# The instruction layer shows parallelism between instructions only: like the scalar reference,
# it is compiled without auto-vectorization (which would turn its accumulators into a vector).
set_source_files_properties(kernels/arith/instruction.c PROPERTIES COMPILE_OPTIONS
  "$<$<C_COMPILER_ID:GNU>:-fno-tree-vectorize>;$<$<C_COMPILER_ID:Clang>:-fno-vectorize;-fno-slp-vectorize>")
# (Data-layer objects are compiled -fwrapv for every family: see the top-level CMakeLists.txt.)
