#!/usr/bin/env bash
# The libFuzzer targets of tests/fuzz (clang-14, ASan + UBSan with float-cast-overflow), built in build/fuzz.
#   scripts/fuzz.sh                  replay every seed and regression input, then fuzz each target 60 s
#   scripts/fuzz.sh --hours N        ... then fuzz each target N hours (one after the other)
#   scripts/fuzz.sh --seconds N      ... each target N seconds (scripts/test.sh uses a few)
#   scripts/fuzz.sh --replay         only replay the seeds and regressions
#   scripts/fuzz.sh ... TARGET...    only these targets (e.g. fuzz_checkpoint)
# Seeds are generated into build/fuzz/seeds from web/ (make_seeds); what a run finds new goes to
# build/fuzz/corpus/<target> (kept between runs), crashes to build/fuzz/findings/<target>/. Add a crash
# input, once fixed, to tests/fuzz/regressions/<target>/ so every test run replays it.
# Prints one line per target: runs, coverage (cov: edges, ft: features), corpus size; also in build/fuzz/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
replay_only=0
targets=()
while (($#)); do
  case "$1" in
    --hours) seconds=$(awk "BEGIN { printf \"%d\", $2 * 3600 }"); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --replay) replay_only=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    fuzz_*) targets+=("$1"); shift ;;
    *) echo "usage: scripts/fuzz.sh [--hours N | --seconds N | --replay] [fuzz_TARGET...]" >&2; exit 2 ;;
  esac
done

scripts/build.sh fuzz
bin=build/fuzz/tests/fuzz
if ((${#targets[@]} == 0)); then
  for src in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi

rm -rf build/fuzz/seeds
"$bin/make_seeds" build/fuzz/seeds web

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
common=(-rss_limit_mb=3072 -timeout=30 -print_final_stats=1)
summary=build/fuzz/summary.txt
: >"$summary"
status=0

for target in "${targets[@]}"; do
  name=${target#fuzz_}
  seeds=build/fuzz/seeds/$name
  regressions=tests/fuzz/regressions/$name
  mkdir -p "$seeds" "build/fuzz/corpus/$name" "build/fuzz/findings/$name"
  dict=tests/fuzz/dicts/tinyformer.dict
  case "$name" in
    utf8|tokenizer|corpus) dict=tests/fuzz/dicts/text.dict ;;
    cli_flags) dict=tests/fuzz/dicts/cli.dict ;;
  esac

  # 1. every seed and every committed regression input, run once each
  mapfile -t inputs < <(find "$seeds" "$regressions" -type f 2>/dev/null | sort)
  if ((${#inputs[@]})); then
    if ! "$bin/$target" "${common[@]}" "${inputs[@]}" >"build/fuzz/$name.replay.log" 2>&1; then
      tail -40 "build/fuzz/$name.replay.log" >&2
      echo "fuzz: $target failed on a seed or regression input (build/fuzz/$name.replay.log)" >&2
      exit 1
    fi
  fi
  ((replay_only)) && { echo "$target: replayed ${#inputs[@]} inputs" | tee -a "$summary"; continue; }

  # 2. fuzzing for $seconds, from the kept corpus and the seeds
  log=build/fuzz/$name.log
  if ! "$bin/$target" "${common[@]}" -max_len=65536 -dict="$dict" -max_total_time="$seconds" \
      -artifact_prefix="build/fuzz/findings/$name/" "build/fuzz/corpus/$name" "$seeds" >"$log" 2>&1; then
    tail -60 "$log" >&2
    echo "fuzz: $target found a problem: build/fuzz/findings/$name/ (log $log)" | tee -a "$summary" >&2
    status=1
    continue
  fi
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo '?')
  ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo '?')
  corpus=$(find "build/fuzz/corpus/$name" -type f | wc -l)
  printf '%-24s %6ss  runs %10s  cov %6s  ft %7s  corpus %5s  replayed %3s\n' \
    "$target" "$seconds" "$runs" "$cov" "$ft" "$corpus" "${#inputs[@]}" | tee -a "$summary"
done
exit "$status"
