#!/usr/bin/env bash
# The speed benchmark of the reference workload (V 96, T 32, C 64, 4 heads, 2 layers, MLP 256, B 16, Adam)
# and of the encoder-decoder workload (2+2 layers, C 64, 4 heads, MLP 256, vocab 512->384, B 16 x S 12 / T 16,
# Adam; tests/bench/workload.mjs): installs what is missing, builds the native and WebAssembly benchmarks,
# then runs them natively, as wasm under Node, as wasm in headless Chromium and against two peers,
# TensorFlow.js 4.22 (wasm backend) and PyTorch on the CPU (one thread, OpenBLAS; tests/bench/torch_gpt.py),
# several processes each, and prints one table (median / min / max, with the targets, the CPU family and its
# measured peaks), the encoder-decoder in a section of its own. Results also go to
# build/bench/results-<date>.json. Speed never fails the run; a correctness check does (exit 1).
#   scripts/bench.sh                 everything (about 6 to 8 minutes after the first build)
#   scripts/bench.sh --quick         fewer, shorter runs (about a minute): for trying changes
#   scripts/bench.sh --only native,node,chromium,tfjs,pytorch,learner     a subset of the places
#   (learner: seconds of in-tab training on the training page, its defaults, until samples read as sentences;
#    tests/bench/learner.mjs, which also prints the samples the threshold was chosen from with --samples)
# Profiling the native training step:  perf record build/native/tinyformer_bench train --steps 400
#                    (the encoder-decoder's: build/native/tinyformer_bench seq2seq-train --steps 400)
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}   # emcc needs Debian's acorn
jobs=${JOBS:-2}

scripts/deps.sh bench >&2

# native: a Release build in build/native (the same tree scripts/build.sh native uses); only the bench target
if [[ ! -f build/native/CMakeCache.txt ]]; then
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
if ! grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' build/native/CMakeCache.txt; then
  echo "tinyformer bench: build/native is not a Release build; the native figures will be meaningless" >&2
fi
cmake --build build/native --target tinyformer_bench -j "$jobs" >&2

# WebAssembly: the module + site (the JS API figures) and the bench for Node and the browser
scripts/build.sh wasm >&2

exec node tests/bench/bench.mjs "$@"
