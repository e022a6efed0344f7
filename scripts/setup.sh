#!/usr/bin/env bash
# Installs what strata needs from Debian's packages, and only what is missing. Safe to run
# again: with everything present it changes nothing and needs no network.
#   scripts/setup.sh          build + tests
#   scripts/setup.sh bench    build + tests + the benchmark report (peers, plotting)
set -euo pipefail

packages=(cmake ninja-build gcc g++ clang libomp-dev pkg-config python3
          libsimde-dev libcmocka-dev libgmp-dev libbenchmark-dev libpng-dev doxygen
          libclang-rt-14-dev valgrind)  # libFuzzer/sanitizer runtimes and memcheck for .ci/run
if [[ "${1:-}" == "bench" ]]; then
  packages+=(libopencv-dev python3-matplotlib python3-numpy python3-scipy)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
