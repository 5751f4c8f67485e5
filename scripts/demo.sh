#!/usr/bin/env bash
# Sets everything up and runs the main job: a local Kafka broker, the newsworker worker,
# and the sample news flowing through it, with the enriched events shown. Stops both at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

demo=var/demo
rm -rf "$demo" && mkdir -p "$demo"
export NEWSWORKER_DATA_DIR=$demo
worker_pid=""
cleanup() {
  [ -n "$worker_pid" ] && kill "$worker_pid" 2>/dev/null && wait "$worker_pid" 2>/dev/null || true
  newsworker kafka stop --data-dir "$demo/kafka" || true
}
trap cleanup EXIT

KAFKA_BOOTSTRAP=$(newsworker kafka start --port "${DEMO_KAFKA_PORT:-0}" --data-dir "$demo/kafka")
export KAFKA_BOOTSTRAP
port=${NEWSWORKER_WEB_PORT:-6066}
export NEWSWORKER_WEB_PORT=$port

echo "[demo] starting the worker (log: $demo/worker.log)" >&2
newsworker worker >"$demo/worker.log" 2>&1 &
worker_pid=$!
for _ in $(seq 240); do
  if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then break; fi
  kill -0 "$worker_pid" 2>/dev/null || { echo "[demo] the worker exited; see $demo/worker.log" >&2; tail -20 "$demo/worker.log" >&2; exit 1; }
  sleep 0.5
done
echo "[demo] worker ready; metrics at http://127.0.0.1:$port/metrics" >&2

items=$(grep -c . samples/news.jsonl)
newsworker produce samples/news.jsonl
newsworker tail enriched dlq --max "$items" --idle-timeout 20 --summary
echo "[demo] counters:" >&2
curl -fsS "http://127.0.0.1:$port/metrics" | grep -E '^newsworker_items_(consumed|enriched|duplicate)_total' >&2
