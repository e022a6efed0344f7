#!/usr/bin/env bash
# Checks the ISA discipline of the build: the objects compiled with baseline flags (src/ and the
# non-data kernels, which run before and around the CPU check) contain no VEX/EVEX instruction,
# while the AVX2 and AVX-512 data objects do use ymm / zmm registers (at least one object of each:
# a kernel whose wide path is a table may legitimately compile to no wide instruction).
# Usage: check_isa_objects.sh BASELINE_OBJECTS... -- AVX2_OBJECTS... -- AVX512_OBJECTS...
set -euo pipefail
fail=0
group=baseline
wide_avx2=0
wide_avx512=0
for f in "$@"; do
  case "$f" in
    --) if [[ $group == baseline ]]; then group=avx2; else group=avx512; fi; continue ;;
  esac
  asm=$(objdump -d --no-show-raw-insn "$f")
  case $group in
    baseline)
      if grep -Eq $'\t''v[a-z0-9]+ ' <<<"$asm"; then
        echo "FAIL: $f (baseline flags) contains VEX/EVEX instructions:"
        grep -E $'\t''v[a-z0-9]+ ' <<<"$asm" | head -3
        fail=1
      fi ;;
    avx2) grep -q '%ymm' <<<"$asm" && wide_avx2=1 ;;
    avx512) grep -q '%zmm' <<<"$asm" && wide_avx512=1 ;;
  esac
done
((wide_avx2)) || { echo "FAIL: no AVX2 data object contains a ymm instruction"; fail=1; }
((wide_avx512)) || { echo "FAIL: no AVX-512 data object contains a zmm instruction"; fail=1; }
if ((fail == 0)); then echo "ISA objects: baseline objects are VEX-free; avx2/avx512 objects use ymm/zmm"; fi
exit $fail
