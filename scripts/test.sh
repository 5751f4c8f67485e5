#!/usr/bin/env bash
# Sets everything up and runs all tests: lint and types, unit, agents (Faust test_context),
# and integration tests against a real Kafka broker that this script starts on a free port.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

if command -v cc >/dev/null || command -v gcc >/dev/null; then
  # with a compiler the tests must run the compiled entity modules (tests/unit/test_entities_compiled.py)
  export NEWSWORKER_EXPECT_COMPILED=1
fi

echo "[test] ruff and mypy" >&2
ruff check worker tests scripts
mypy

kafka_dir=$(mktemp -d -t newsworker-kafka-XXXXXX)
cleanup() { newsworker kafka stop --data-dir "$kafka_dir" || true; rm -rf "$kafka_dir"; }
trap cleanup EXIT
# 'kafka start' reports on stderr how long the broker took to become ready.
KAFKA_BOOTSTRAP=$(newsworker kafka start --port 0 --data-dir "$kafka_dir")
export KAFKA_BOOTSTRAP

python -m pytest tests -p no:cacheprovider "$@"
