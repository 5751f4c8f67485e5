#!/usr/bin/env bash
# Installs the headless browser the live-page test drives: Debian's `chromium` (and `chromium-driver`, for anyone
# who prefers WebDriver), plus fonts-dejavu-core so Cyrillic and Kazakh text render as letters, not boxes.
# Idempotent: does nothing when /usr/bin/chromium is there. Needs root (CI runs as root); without root and without
# the browser it says what to run and exits 1.
set -euo pipefail

packages=(chromium chromium-driver fonts-dejavu-core)

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "[browser] /usr/bin/chromium is missing. Install Debian's packages as root:" >&2
  echo "[browser]   sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "[browser] /usr/bin/chromium is missing, and this is not a Debian-like system (no apt-get):" \
       "install Chromium so that /usr/bin/chromium exists" >&2
  exit 1
fi

echo "[browser] installing Debian's ${packages[*]}" >&2
log=$(mktemp -t newsworker-browser-XXXXXX.log)
export DEBIAN_FRONTEND=noninteractive
status=0
{ apt-get update -q && apt-get install -y -q --no-install-recommends "${packages[@]}"; } >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  tail -30 "$log" >&2
  echo "[browser] installing ${packages[*]} failed (exit $status); the whole log is in $log" >&2
  exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "[browser] /usr/bin/chromium still missing after the install; the log is in $log" >&2
  exit 1
fi
rm -f "$log"
echo "[browser] $(/usr/bin/chromium --version 2>/dev/null | head -1)" >&2
