#!/usr/bin/env bash
# Creates .venv with newsworker and its test tools installed, and fetches the local Kafka broker's jars.
# Sourced by demo.sh and test.sh; safe to run again (it only installs what is missing or changed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON=${PYTHON:-python3}
"$PYTHON" - <<'PY' || { echo "newsworker needs Python 3.11 or newer ($PYTHON is older)" >&2; exit 1; }
import sys
sys.exit(0 if sys.version_info >= (3, 11) else 1)
PY
command -v java >/dev/null || { echo "newsworker's local broker needs Java 17 or newer: install it" >&2; exit 1; }
command -v mvn >/dev/null || { echo "fetching Kafka needs Maven (mvn): install it" >&2; exit 1; }

if [ ! -x .venv/bin/python ]; then
  echo "[setup] creating .venv" >&2
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.newsworker-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "[setup] installing newsworker and its test tools into .venv" >&2
  log=.venv/install.log
  if ! { .venv/bin/python -m pip install --upgrade pip && .venv/bin/python -m pip install -e '.[test,lint,bench]'; } >"$log" 2>&1; then
    tail -30 "$log" >&2
    echo "[setup] installing failed; the whole log is in $log" >&2
    exit 1
  fi
  touch "$stamp"
fi
# The entity extractor's per-token modules compiled with mypyc (about 1.4x faster); where no
# C compiler is, this says so and the Python sources run.
.venv/bin/python -m worker.entities.compile --if-needed
.venv/bin/python -c "from worker.devkafka import ensure_jars; ensure_jars()"
# promtool and prometheus (Debian's package) for the alert-rule and monitoring tests.
bash scripts/install-ops-tools.sh
# Debian's Chromium for the live page's browser test.
bash scripts/install-browser.sh
export PATH="$PWD/.venv/bin:$PATH"
