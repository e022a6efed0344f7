#!/usr/bin/env bash
# Installs strata into prefixes and builds outside projects against them, as a user would:
#   - this build's library, plus the other flavour (static/shared) built once more, into one
#     prefix; examples/ built there with CMake twice (strata_SHARED_LIBS=OFF and ON), each
#     checked to link the flavour it asked for, and run; the same with COMPONENTS static/shared,
#     and a missing component must not be found;
#   - every example built with pkg-config: shared from that prefix, and static (--static) from a
#     prefix holding only the static library, moved after installing (paths must not be baked in).
# Usage (from ctest): test_install.sh SOURCE_DIR BUILD_DIR SHARED(1|0) GENERATOR CC CFLAGS LDFLAGS
#                                    OPENMP(1|0) ISAS(comma-separated)
# The other flavour is built with this build's compiler, flags, STRATA_OPENMP and STRATA_ISAS.
set -euo pipefail
src=$1 build=$2 shared=$3 generator=$4 cc=$5 cflags=$6 ldflags=$7 openmp=$8 isas=${9//,/;}
work=$build/tests/install
rm -rf "$work/prefix" "$work/static-only" "$work/moved" "$work/comp" "$work"/ex-* "$work"/pc-*
mkdir -p "$work"

step() { echo "== $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
needs_libstrata_so() { readelf -d "$1" | grep -q 'NEEDED.*libstrata\.so'; }

if [[ $shared == 1 || $shared == ON ]]; then this=shared other=OFF; else this=static other=ON; fi
step "build the other flavour (BUILD_SHARED_LIBS=$other)"
cmake -S "$src" -B "$work/build-other" -G "$generator" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="$cflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
  -DCMAKE_SHARED_LINKER_FLAGS="$ldflags" -DBUILD_SHARED_LIBS=$other \
  -DSTRATA_OPENMP="$openmp" -DSTRATA_ISAS="$isas" \
  -DSTRATA_BUILD_TESTS=OFF -DSTRATA_BUILD_BENCH=OFF -DSTRATA_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$work/build-other" >/dev/null

step "install both flavours into one prefix"
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake --install "$work/build-other" --prefix "$work/prefix" >/dev/null
ls "$work/prefix/lib/libstrata.a" "$work/prefix/lib/libstrata.so" \
   "$work/prefix/lib/cmake/strata/strataConfig.cmake" "$work/prefix/lib/pkgconfig/strata.pc" \
   "$work/prefix/include/strata/strata.h" >/dev/null
"$work/prefix/bin/strata" info >/dev/null || fail "the installed strata tool does not run"
cmp -s "$build/pkg/strata.pc" "$work/prefix/lib/pkgconfig/strata.pc" ||
  fail "the two flavours install different strata.pc files"

for flavour in static shared; do
  if [[ $flavour == shared ]]; then want=ON; else want=OFF; fi
  step "examples with CMake, find_package(strata) with strata_SHARED_LIBS=$want"
  cmake -S "$src/examples" -B "$work/ex-cmake-$flavour" -G "$generator" \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="$cflags" \
    -DCMAKE_EXE_LINKER_FLAGS="$ldflags" -DCMAKE_PREFIX_PATH="$work/prefix" \
    -Dstrata_SHARED_LIBS=$want >/dev/null
  cmake --build "$work/ex-cmake-$flavour" >/dev/null
  if needs_libstrata_so "$work/ex-cmake-$flavour/brighten_buffer"; then linked=shared; else linked=static; fi
  [[ $linked == "$flavour" ]] || fail "asked CMake for the $flavour library, got $linked"
  ctest --test-dir "$work/ex-cmake-$flavour" --output-on-failure >/dev/null ||
    fail "examples built with CMake ($flavour) failed"
done

step "find_package(strata CONFIG COMPONENTS static|shared)"
mkdir -p "$work/comp"
cat > "$work/comp/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(components LANGUAGES C)
find_package(strata CONFIG REQUIRED COMPONENTS \${WANT})
add_executable(choose_isa "$src/examples/choose_isa.c")
target_link_libraries(choose_isa PRIVATE strata::strata)
CMAKE
for flavour in static shared; do
  cmake -S "$work/comp" -B "$work/ex-comp-$flavour" -G "$generator" -DCMAKE_C_COMPILER="$cc" \
    -DCMAKE_C_FLAGS="$cflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
    -DCMAKE_PREFIX_PATH="$work/prefix" -DWANT=$flavour >/dev/null
  cmake --build "$work/ex-comp-$flavour" >/dev/null
  if needs_libstrata_so "$work/ex-comp-$flavour/choose_isa"; then linked=shared; else linked=static; fi
  [[ $linked == "$flavour" ]] || fail "COMPONENTS $flavour linked the $linked library"
  "$work/ex-comp-$flavour/choose_isa" >/dev/null || fail "choose_isa (COMPONENTS $flavour) failed"
done

step "static library alone in a prefix that is then moved"
cmake --install "$([[ $this == static ]] && echo "$build" || echo "$work/build-other")" \
  --prefix "$work/static-only" >/dev/null
mv "$work/static-only" "$work/moved"

step "a component the prefix lacks is not found"
if cmake -S "$work/comp" -B "$work/ex-comp-missing" -G "$generator" -DCMAKE_C_COMPILER="$cc" \
     -DCMAKE_PREFIX_PATH="$work/moved" -DWANT=shared >/dev/null 2>&1; then
  fail "find_package(strata COMPONENTS shared) succeeded on a static-only prefix"
fi

pc_build() { # flavour prefix pkg-config-args...
  local flavour=$1 prefix=$2
  shift 2
  mkdir -p "$work/pc-$flavour"
  for example in "$src"/examples/*.c; do
    local name extra=()
    name=$(basename "$example" .c)
    grep -q '<gmp.h>' "$example" && extra=(-lgmp)
    # shellcheck disable=SC2046
    "$cc" $cflags -Wall -Wextra -Werror -o "$work/pc-$flavour/$name" "$example" \
      $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config "$@" strata) "${extra[@]}" $ldflags
    if needs_libstrata_so "$work/pc-$flavour/$name"; then linked=shared; else linked=static; fi
    [[ $linked == "$flavour" ]] || fail "pkg-config $*: $name linked the $linked library"
    "$work/pc-$flavour/$name" >/dev/null || fail "$name built with pkg-config ($flavour) failed"
  done
}
step "examples with pkg-config, shared"
libdir=$(PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig" pkg-config --variable=libdir strata)
ldflags="$ldflags -Wl,-rpath,$libdir" pc_build shared "$work/prefix" --cflags --libs
step "examples with pkg-config --static, from the moved prefix"
pc_build static "$work/moved" --static --cflags --libs
echo "install test: OK"
