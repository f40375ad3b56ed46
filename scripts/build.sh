#!/usr/bin/env bash
# Builds the WebAssembly module and assembles the static site in build/wasm/site.
#   scripts/build.sh            the site (what serve.sh serves)
#   scripts/build.sh native     the native library, CLI and tests in build/native
#   scripts/build.sh asan       the same with AddressSanitizer + UndefinedBehaviorSanitizer in build/asan
#   scripts/build.sh fuzz       the libFuzzer targets of tests/fuzz (clang-14, ASan + UBSan) in build/fuzz
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}   # emcc needs Debian's acorn
jobs=${JOBS:-2}

case "${1:-wasm}" in
  wasm)
    [[ -f build/wasm/CMakeCache.txt ]] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build build/wasm -j "$jobs"
    ;;
  native)
    [[ -f build/native/CMakeCache.txt ]] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build build/native -j "$jobs"
    ;;
  asan)
    [[ -f build/asan/CMakeCache.txt ]] ||
      cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DTINYFORMER_SANITIZE=ON -DCMAKE_CXX_FLAGS=-O1 >/dev/null
    cmake --build build/asan -j "$jobs"
    ;;
  fuzz)
    [[ -f build/fuzz/CMakeCache.txt ]] ||
      CXX=clang++-14 cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTINYFORMER_FUZZ=ON >/dev/null
    cmake --build build/fuzz --target fuzz_all -j "$jobs"
    ;;
  *)
    echo "usage: scripts/build.sh [wasm|native|asan|fuzz]" >&2
    exit 2
    ;;
esac
