#!/usr/bin/env bash
# Installs what tinyformer needs, and only what is missing: Debian packages (apt, as root or via sudo)
# and the npm packages pinned in package-lock.json. Nothing else is downloaded.
#   scripts/deps.sh build     compilers and libraries (native + WebAssembly), Node.js
#   scripts/deps.sh test      build + Chromium, CJK fonts, clang-14 with libFuzzer and the npm test packages
#   scripts/deps.sh bench     test + PyTorch with OpenBLAS (the benchmark's CPU peer; never needed by CI)
set -euo pipefail
cd "$(dirname "$0")/.."

want=(cmake g++ make emscripten libxtensor-dev xtl-dev libxsimd-dev catch2 nlohmann-json3-dev libcli11-dev wabt)
mode=${1:-build}
if [[ $mode == test || $mode == bench ]]; then
  want+=(chromium fonts-noto-cjk clang-format clang-14 libclang-rt-14-dev)   # clang-14 + its runtime: libFuzzer
fi
if [[ $mode == bench ]]; then
  want+=(python3-torch libopenblas0-pthread)   # torch's generic BLAS resolves to OpenBLAS once it is installed
fi
command -v node >/dev/null 2>&1 || want+=(nodejs)
command -v npm >/dev/null 2>&1 || want+=(npm)

missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if ((${#missing[@]})); then
  echo "tinyformer: installing Debian packages: ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then
    apt_get=(apt-get)
  elif command -v sudo >/dev/null 2>&1; then
    apt_get=(sudo apt-get)
  else
    echo "tinyformer: these Debian packages are missing and I cannot install them (not root, no sudo):" >&2
    echo "    apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! { "${apt_get[@]}" update -q && "${apt_get[@]}" install -y -q --no-install-recommends "${missing[@]}"; }; then
    echo "tinyformer: installing failed; as root, run:  apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 18)); then
  echo "tinyformer: Node.js 18 or newer is needed (found $(node --version))." >&2
  exit 1
fi

if [[ $mode == test || $mode == bench ]]; then
  # npm ci only when the installed tree is missing or older than the lock file.
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    npm ci --no-audit --no-fund
  fi
fi
