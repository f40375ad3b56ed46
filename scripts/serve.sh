#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build, and serve the playground.
#   scripts/serve.sh [--port 8080]
set -euo pipefail
cd "$(dirname "$0")/.."
port=8080
while (($#)); do
  case "$1" in
    --port) port="${2:?--port needs a number}"; shift 2 ;;
    -h|--help) echo "usage: scripts/serve.sh [--port N]"; exit 0 ;;
    *) echo "unknown option $1 (usage: scripts/serve.sh [--port N])" >&2; exit 2 ;;
  esac
done
scripts/deps.sh build
scripts/build.sh wasm
exec node scripts/serve.mjs build/wasm/site "$port"
