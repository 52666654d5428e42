#!/usr/bin/env bash
# Runs the whole test suite under a sanitizer (docs/reliability.md):
#   scripts/sanitize.sh address   # AddressSanitizer, build folder .build-asan
#   scripts/sanitize.sh leak      # AddressSanitizer with LeakSanitizer on (the same build)
#   scripts/sanitize.sh thread    # ThreadSanitizer, build folder .build-tsan
# Extra arguments go to `swift test` (e.g. --filter DICOMProtocolTests).
# Exits non-zero when a test fails or the sanitizer reports an error.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"

leaks=0
case "${1:-}" in
  address) scratch=.build-asan sanitizer=address ;;
  leak) scratch=.build-asan sanitizer=address leaks=1 ;;
  thread) scratch=.build-tsan sanitizer=thread ;;
  *) echo "usage: $0 address|leak|thread [swift test arguments…]" >&2; exit 2 ;;
esac
shift

# Stop at the first report with a non-zero exit status, so a report fails the run even if it
# is printed from a child process or after the tests passed. LeakSanitizer (part of ASan on
# Linux) checks at each process's exit — the test runner's and every `pacslink` child's —
# with the suppressions in scripts/lsan.supp (leaks outside our code, each explained there);
# scripts/asan.supp suppresses one memory-error report in Foundation (explained there).
# A 16 MB quarantine (default 256 MB) keeps freed buffers from counting as resident memory in
# the tests that bound a process's memory; those tests also allow for ASan's shadow memory and
# redzones when PACSLINK_SANITIZER is set.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=$leaks:abort_on_error=1:halt_on_error=1:quarantine_size_mb=16:suppressions=$PWD/scripts/asan.supp}"
export PACSLINK_SANITIZER=$sanitizer
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp:print_suppressions=1}"
# Swift's backtracer, reading a crashed (or LeakSanitizer-aborted) process's memory, trips ASan
# itself and can leave the child hanging, and the suite with it.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"

log=$(mktemp)
started=$(mktemp)  # children's output files newer than this belong to this run
trap 'rm -f "$log" "$started"' EXIT
status=0
report="ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer"
# One test at a time: under a sanitizer every test is 5–10× slower, and in parallel the tests
# that block a Swift concurrency pool thread while a child process runs (most interop tests)
# starve the in-process ones: SimulatorRetrieveTests' C-MOVE timed out (5 s DIMSE) in three of
# three parallel ThreadSanitizer runs of the whole suite and passed alone. About 5 minutes.
swift test --sanitize="$sanitizer" --scratch-path "$scratch" --no-parallel "$@" 2>&1 | tee "$log" || status=$?
# Child processes started through TestSupport.ChildProcess write to peer-*/stderr.txt files.
children=$(find "${TMPDIR:-/tmp}" -maxdepth 2 -path '*/peer-*/stderr.txt' -newer "$started" -print0 2>/dev/null |
  xargs -0 -r grep -lE "$report" || true)
if [[ -n "$children" ]]; then
  echo "error: the $sanitizer sanitizer reported a problem in a child process:" >&2
  echo "$children" >&2
  exit 1
fi
if grep -qE "$report" "$log"; then
  echo "error: the $sanitizer sanitizer reported a problem (above)" >&2
  exit 1
fi
exit "$status"
