"""``newsworker bench``: what newsworker sustains, against the raw aiokafka and Faust floors, in one run.

Imports nothing heavy at module level: the CLI builds its parser from here.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["add_arguments", "run"]

DEFAULT_JSON = Path("bench-out") / "bench.json"


def _out(text: str) -> None:
    print(text, flush=True)  # noqa: T201 - the command's report


def _err(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)  # noqa: T201 - progress for a CLI user


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The bench subcommand's options."""
    parser.add_argument("--quick", action="store_true", help="small sizes: finishes in under 3 minutes")
    parser.add_argument("--json", default=str(DEFAULT_JSON),
                        help=f"where to write the results; the PNG goes beside it (default {DEFAULT_JSON})")
    parser.add_argument("--bootstrap", help="use this broker (default: KAFKA_BOOTSTRAP if reachable, else start one)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    # Hidden: tiny end-to-end runs for the tests.
    parser.add_argument("--items", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--phase-seconds", type=float, help=argparse.SUPPRESS)


def _options(args: argparse.Namespace, json_path: Path, bootstrap: str, guarantee: str, client: Any,
             kafka_env: dict[str, str]) -> Any:
    from worker.bench.runner import Options

    if args.items:
        n = max(5, int(args.items))
        return Options(json_path, bootstrap, client, fast_items=n, enrich_items=n, offline_items=n, profile_items=n,
                       phase_seconds=args.phase_seconds or 1.0, fast_budget_s=30.0, enrich_budget_s=60.0,
                       seed=args.seed, guarantee=guarantee, quick=True, kafka_env=kafka_env)
    if args.quick:
        return Options(json_path, bootstrap, client, fast_items=3000, enrich_items=600, offline_items=300,
                       profile_items=150, phase_seconds=args.phase_seconds or 5.0, fast_budget_s=10.0,
                       enrich_budget_s=20.0, seed=args.seed,
                       guarantee=guarantee, quick=True, kafka_env=kafka_env)
    return Options(json_path, bootstrap, client, fast_items=20000, enrich_items=4000, offline_items=1500,
                   profile_items=600, phase_seconds=args.phase_seconds or 30.0, fast_budget_s=60.0,
                   enrich_budget_s=150.0,
                   seed=args.seed, guarantee=guarantee, kafka_env=kafka_env)


def _reachable(client: Any) -> bool:
    from worker.errors import BrokerUnavailable
    from worker.kafka_io import check_broker

    try:
        asyncio.run(check_broker(client, 10.0))
    except BrokerUnavailable:
        return False
    return True


def _print_report(result: dict[str, Any], json_path: Path, png_path: Path) -> None:
    rates = result["items_per_s"]
    cpu = result.get("cpu_percent_per_process", {})
    _out("")
    _out("throughput (items/s, same run; CPU % per process while measured, 100 = one core)")
    for key, value in rates.items():
        percent = ", ".join(f"{c:.0f}%" for c in cpu.get(key, []))
        _out(f"  {key:<24} {value:>10.1f}   {percent}")
    _out("ratios")
    for key, value in result["ratios"].items():
        _out(f"  {key:<24} {value:>10.3f}")
    _out("end-to-end latency, 1 process (ms; to the read_committed subscriber / to the output record)")
    for row in result["latency_curve"]:
        _out(f"  {row['load_fraction']:>4.0%} load {row['offered_items_per_s']:>8.1f}/s  p50 {row['p50']:>7.1f}  "
             f"p95 {row['p95']:>7.1f}  p99 {row['p99']:>7.1f}   /  p99 {row['event_time_p99']:>7.1f}")
    _out(f"peak RSS per worker {result['rss_mb_per_worker']:.1f} MB ({result['rss_mb']})")
    _out(f"1-process worker, ms per item by stage (its /metrics): {result.get('worker_stage_ms_per_item')}")
    _out("targets")
    for row in result["targets"]:
        mark = "MET" if row["met"] else "not met"
        _out(f"  {row['target']:<40} {row['value']:>10.3f}  wanted {row['wanted']:<10} {mark}")
    _out("profile, top 10 by cumulative time (offline enrich)")
    for row in result["profile_top"]:
        _out(f"  {row['cumtime_s']:>8.3f} s {row['cum_ms_per_item']:>8.3f} ms/item  {row['function']}")
    for stage, error in result.get("errors", {}).items():
        _out(f"FAILED {stage}: {error}")
    _out(f"results: {json_path.resolve()}")
    _out(f"chart:   {png_path.resolve()}")


def run(args: argparse.Namespace, guarantee: str = "exactly_once", env_bootstrap: str | None = None) -> int:
    """Run the benchmark; write the JSON and the PNG; print the report. Returns the exit code."""
    import orjson

    from worker import devkafka
    from worker.bench.chart import ChartUnavailable, write_chart
    from worker.bench.runner import run_bench
    from worker.settings import ENV_DEFAULTS

    json_path = Path(args.json)
    png_path = json_path.with_suffix(".png")
    json_path.parent.mkdir(parents=True, exist_ok=True)

    from worker.kafka_clients import KafkaClientConfig, client_for

    candidates = [b for b in (args.bootstrap, env_bootstrap) if b]
    bootstrap = next((b for b in candidates if _reachable(client_for(b))), None)
    broker_dir: Path | None = None
    kind = "external"
    # An external broker is reached with this environment's KAFKA_* settings, which the workers
    # inherit; the broker the bench starts itself speaks plaintext, whatever they say.
    kafka_env: dict[str, str] = {}
    if bootstrap is None:
        if args.bootstrap:
            _err(f"--bootstrap {args.bootstrap} is not reachable")
            return 2
        broker_dir = Path(tempfile.mkdtemp(prefix="newsworker-bench-kafka-"))
        _err("starting a local broker")
        bootstrap = devkafka.start(broker_dir, port=0).bootstrap
        kind = "local"
        kafka_env = {name: "" for name in ENV_DEFAULTS if name.startswith("KAFKA_")}
        kafka_env.update(KAFKA_SECURITY_PROTOCOL="PLAINTEXT", KAFKA_SSL_CHECK_HOSTNAME="true")
    client = client_for(bootstrap) if kind == "external" else KafkaClientConfig(bootstrap)
    try:
        result = run_bench(_options(args, json_path, bootstrap, guarantee, client, kafka_env), kind)
    finally:
        if broker_dir is not None:
            devkafka.stop(broker_dir)
            shutil.rmtree(broker_dir, ignore_errors=True)
    result["files"] = {"json": str(json_path.resolve()), "png": str(png_path.resolve())}
    json_path.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2) + b"\n")
    try:
        write_chart(result, png_path)
    except ChartUnavailable as exc:
        _err(f"no chart: {exc}")
    _print_report(result, json_path, png_path)
    return 0
