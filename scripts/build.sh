#!/usr/bin/env bash
# build.sh - configures (once) and builds QuantC with Ninja and clang-22.
#
# The build folder is $QUANTC_BUILD_DIR, by default build/ in the checkout.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${QUANTC_BUILD_DIR:-$root/build}

if [[ ! -f $build/build.ninja ]]; then
  cmake -G Ninja -S "$root" -B "$build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DLLVM_ENABLE_LLD=ON >/dev/null
fi
cmake --build "$build"
