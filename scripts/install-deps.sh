#!/usr/bin/env bash
# Installs what PACSLink needs on Debian 12 and is missing: libuv and OpenSSL headers, DCMTK
# (the interop peers), pkg-config. Swift itself is expected at /opt/swift or on PATH.
set -euo pipefail
need=()
for pkg in libuv1-dev libssl-dev dcmtk pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"
swift --version >/dev/null
