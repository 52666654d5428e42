#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for a bounded time (docs/reliability.md).
#
#   scripts/fuzz.sh [SECONDS] [TARGET…]     # default: 60 s each, every target
#
# Each run starts from the committed corpus Fuzz/Corpus/<target>/ and keeps what it finds in a
# temporary folder; afterwards `-merge=1` adds to the committed corpus only the inputs that
# reach new coverage, unless that would take the target's folder over FUZZ_CORPUS_CAP_KB
# (default 256). FUZZ_MERGE=0 leaves the tree untouched.
#
# Fails when a target crashes (trap, sanitizer report, leak, timeout of an input, out of
# memory); the reproducer is kept under Fuzz/.build/fuzz-artifacts/ and printed. Replay it
# with `Fuzz/.build/debug/<target> <reproducer>`.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"

seconds=${1:-60}
shift || true
all=(FuzzPDUDecoder FuzzDataSetDecoder FuzzPart10Header FuzzMessageAssembler FuzzAssociationCore FuzzIniDocument)
targets=("${@:-${all[@]}}")
cap_kb=${FUZZ_CORPUS_CAP_KB:-256}
merge=${FUZZ_MERGE:-1}

# `--sanitize=fuzzer` makes SwiftPM link libFuzzer's `main` instead of the target's; the
# swiftc flag then instruments for coverage and ASan together (given as two separate
# -sanitize flags, swiftc keeps only the last).
for target in "${targets[@]}"; do
  swift build --product "$target" --sanitize=fuzzer \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
    | grep -v "ld.gold: warning: Cannot export local symbol '__asan" || true
  test -x ".build/debug/$target" || { echo "error: $target did not build" >&2; exit 1; }
done

# Swift's own backtracer would race ASan's report; libFuzzer reports the crash.
export SWIFT_BACKTRACE=enable=no
artifacts=.build/fuzz-artifacts
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

summary=()
failed=0
for target in "${targets[@]}"; do
  binary=".build/debug/$target"
  corpus="Corpus/$target"
  found="$work/$target"
  log="$work/$target.log"
  mkdir -p "$corpus" "$found"
  echo "== $target: ${seconds}s from $(ls "$corpus" | wc -l) corpus inputs"
  status=0
  "$binary" "$found" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/$target-" -print_final_stats=1 >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' "$log")
  if [ "$status" -ne 0 ]; then
    failed=1
    grep -E "ERROR|Fatal error|invariant|SUMMARY|deadly|Test unit written" "$log" || tail -20 "$log"
    reproducer=$(sed -n "s/.*Test unit written to \(.*\)$/\1/p" "$log" | tail -1)
    echo "error: $target crashed; reproducer: Fuzz/${reproducer:-$artifacts} (log kept at Fuzz/$artifacts/$target.log)" >&2
    cp "$log" "$artifacts/$target.log"
    summary+=("$target: CRASH after ${runs:-?} ($(grep -m1 -oE 'Fatal error: .*|ERROR: [A-Za-z]+: [a-z-]+' "$log" || echo 'see log'))")
    continue
  fi
  new=$(ls "$found" | wc -l)
  added=0
  if [ "$merge" = 1 ] && [ "$new" -gt 0 ]; then
    before=$(ls "$corpus" | sort)
    "$binary" -merge=1 "$corpus" "$found" >"$log.merge" 2>&1
    added_files=$(comm -13 <(echo "$before") <(ls "$corpus" | sort))
    added=$(echo -n "$added_files" | grep -c . || true)
    size_kb=$(( $(cat "$corpus"/* | wc -c) / 1024 ))
    if [ "$size_kb" -gt "$cap_kb" ]; then
      echo "warning: $corpus would grow to ${size_kb} KB (cap ${cap_kb} KB): not adding $added inputs" >&2
      (cd "$corpus" && echo "$added_files" | xargs -r rm -f)
      added=0
    fi
  fi
  summary+=("$target: ok, ${runs:-? runs}, $new new inputs found, $added added to $corpus")
done

echo
printf '%s\n' "${summary[@]}"
exit "$failed"
