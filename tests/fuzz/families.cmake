# The kernel families with a differential fuzzer (a `family` value of the kernel table); each has
# its seed corpus in tests/fuzz/corpus/<family>/ (python3 tests/fuzz/make_seeds.py <family> <n>).
set(STRATA_FUZZ_FAMILIES image arith mpn)
