# The kernel table's sources (tests/support/kernel_table.h), shared by the test suite and the
# fuzzers. A family adds its kernel_table_<family>.c here.
set(STRATA_KERNEL_TABLE_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/kernel_table.c
    ${CMAKE_CURRENT_LIST_DIR}/kernel_table_image.c
    ${CMAKE_CURRENT_LIST_DIR}/kernel_table_arith.c
    ${CMAKE_CURRENT_LIST_DIR}/kernel_table_mpn.c)
