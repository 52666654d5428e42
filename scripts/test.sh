#!/usr/bin/env bash
# The test command (README.md, .ci/run): build without warnings in our code, debug and
# release, then run the whole suite (unit, interop against DCMTK, CLI).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"

check_warnings() { # $1: log file
  if grep -E "^/.*(Sources|Tests|Benchmarks)/.*warning:" "$1" | grep -v "/.build" ; then
    echo "error: the build printed warnings in PACSLink's own code (above)" >&2
    exit 1
  fi
}
log=$(mktemp)
swift build --build-tests 2>&1 | tee "$log"; test "${PIPESTATUS[0]}" -eq 0
check_warnings "$log"
swift build -c release --static-swift-stdlib --product pacslink 2>&1 | tee "$log"; test "${PIPESTATUS[0]}" -eq 0
check_warnings "$log"
# README's first command as a user runs it, but for the install step: it must end in a demo
# that succeeds (session 3 once broke it: `swift run` takes no --static-swift-stdlib).
demo=$(sed -n '/^```sh$/{n;p;q}' README.md)
bash -c "${demo#bash scripts/install-deps.sh && }"
# The transport tests count the whole process's file descriptors to prove nothing leaks; run
# them on their own so that other targets' sockets and files do not blur the count.
swift test --skip-build --filter DICOMTransportTests
swift test --skip-build --skip DICOMTransportTests
