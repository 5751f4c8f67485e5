#!/usr/bin/env bash
# Installs the monitoring tools the deployment tests use: promtool (rule checks and rule unit tests) and
# prometheus (the integration test runs a real one), both from Debian's `prometheus` package.
# Idempotent: does nothing when both are on PATH. Needs root (CI runs as root); without root and without the
# tools it says what to run and exits 1. The Kubernetes schema validator is a Python test dependency (pyproject).
set -euo pipefail

missing=()
for tool in promtool prometheus; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "[ops-tools] missing: ${missing[*]}. Install Debian's prometheus package as root:" >&2
  echo "[ops-tools]   sudo apt-get update && sudo apt-get install -y --no-install-recommends prometheus" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "[ops-tools] missing: ${missing[*]}, and this is not a Debian-like system (no apt-get):" \
       "install Prometheus 2.x so that promtool and prometheus are on PATH" >&2
  exit 1
fi

echo "[ops-tools] installing Debian's prometheus package (for ${missing[*]})" >&2
log=$(mktemp -t newsworker-ops-tools-XXXXXX.log)
export DEBIAN_FRONTEND=noninteractive
# The package's service is never started here: policy-rc.d denies service starts during the install.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
fi
status=0
{ apt-get update && apt-get install -y --no-install-recommends prometheus; } >"$log" 2>&1 || status=$?
if [ "$created_policy" -eq 1 ]; then rm -f "$policy"; fi
if [ "$status" -ne 0 ]; then
  tail -30 "$log" >&2
  echo "[ops-tools] installing prometheus failed (exit $status); the whole log is in $log" >&2
  exit 1
fi
for tool in promtool prometheus; do
  command -v "$tool" >/dev/null 2>&1 || { echo "[ops-tools] $tool still missing after the install" >&2; exit 1; }
done
rm -f "$log"
echo "[ops-tools] $(promtool --version 2>&1 | head -1)" >&2
