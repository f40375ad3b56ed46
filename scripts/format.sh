#!/usr/bin/env bash
# clang-format over our C++ (src/, wasm/, tests/); Prettier over our JavaScript and CSS (.prettierrc.json).
#   scripts/format.sh [--check]
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files -co --exclude-standard 'src/*.cpp' 'src/*.hpp' 'wasm/*.cpp' 'tests/*.cpp' 'tests/*.hpp')
# what Prettier formats: .prettierignore leaves out data, pages, prose and web/lib (a link to wasm/)
prettier=node_modules/.bin/prettier
if [[ "${1:-}" == --check ]]; then
  clang-format --dry-run --Werror "${files[@]}"
  "$prettier" --check --log-level warn .
  echo "formatting: ${#files[@]} C++ files and the JavaScript and CSS clean"
else
  clang-format -i "${files[@]}"
  "$prettier" --write --log-level warn .
fi
