#!/usr/bin/env bash
# Quick start, command 2: install what is missing, then run every test layer.
#   1. formatting (clang-format, Prettier), lint (ESLint) and types (tsc)
#   2. native Catch2 tests (ctest)      3. the same under ASan + UBSan
#   4. WebAssembly: Catch2 under Node, SIMD128 check, the Embind module under node:test
#   5. the real page in headless Chromium (playwright-core driving /usr/bin/chromium)
#   6. libFuzzer targets (clang-14, ASan + UBSan): every seed and regression input, then 5 s of fuzzing each
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "dependencies"
scripts/deps.sh test

step "formatting"
scripts/format.sh --check

step "JavaScript lint (ESLint: names used but never defined, imports and variables left unused)"
node_modules/.bin/eslint .

step "JavaScript types (tsc: the engine's callers against the JS API's .d.ts)"
node_modules/.bin/tsc -p .

step "native build + Catch2"
scripts/build.sh native
(cd build/native && ctest --output-on-failure)

step "AddressSanitizer + UndefinedBehaviorSanitizer build + Catch2"
scripts/build.sh asan
(cd build/asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure)

step "WebAssembly build + Catch2 under Node + SIMD128 check"
scripts/build.sh wasm
(cd build/wasm && ctest --output-on-failure)

step "WebAssembly module under node:test"
node --test tests/node/

step "the page in headless Chromium"
node --test tests/browser/

step "libFuzzer targets: seeds and regression inputs replayed, then 5 s of fuzzing each"
scripts/fuzz.sh --seconds "${TINYFORMER_FUZZ_SECONDS:-5}"

echo
echo "tinyformer: every test layer passed"
