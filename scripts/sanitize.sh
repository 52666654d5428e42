#!/usr/bin/env bash
# Runs the whole test suite under a sanitizer (docs/reliability.md):
#   scripts/sanitize.sh address   # AddressSanitizer, build folder .build-asan
#   scripts/sanitize.sh thread    # ThreadSanitizer, build folder .build-tsan
# Extra arguments go to `swift test` (e.g. --filter DICOMProtocolTests).
# Exits non-zero when a test fails or the sanitizer reports an error.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"

case "${1:-}" in
  address) scratch=.build-asan ;;
  thread) scratch=.build-tsan ;;
  *) echo "usage: $0 address|thread [swift test arguments…]" >&2; exit 2 ;;
esac
sanitizer=$1
shift

# Stop at the first report with a non-zero exit status, so a report fails the run even if it
# is printed from a child process or after the tests passed.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:halt_on_error=1}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
swift test --sanitize="$sanitizer" --scratch-path "$scratch" "$@" 2>&1 | tee "$log" || status=$?
if grep -qE "ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer" "$log"; then
  echo "error: the $sanitizer sanitizer reported a problem (above)" >&2
  exit 1
fi
exit "$status"
