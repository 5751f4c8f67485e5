"""The newsworker command: enrich | worker | produce | tail | kafka start/stop."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import orjson

from worker.errors import DecodeError, NewsworkerError
from worker.settings import ENV_DEFAULTS, Settings, load_settings

__all__ = ["main"]


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)  # noqa: T201 - the CLI talks to its user


def _open_input(path: str) -> IO[bytes]:
    return sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115 - closed by the caller


def _bytes_as_text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    raise TypeError(type(value).__name__)


def _lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    for number, line in enumerate(stream, start=1):
        stripped = line.strip()
        if stripped:
            yield number, stripped


def cmd_enrich(args: argparse.Namespace, settings: Settings) -> int:
    """Offline enrichment of JSON Lines with the agents' own extraction code."""
    from worker.codec import decode_item, encode
    from worker.pipeline import enrich
    from worker.progress import Progress

    enriched = bad = 0
    began = time.monotonic()
    progress = Progress("enriched")
    source = _open_input(args.input)
    sink = sys.stdout.buffer if args.output in (None, "-") else open(args.output, "wb")  # noqa: SIM115
    try:
        for number, line in _lines(source):
            try:
                item = decode_item(line, settings.max_body_bytes)
            except DecodeError as exc:
                bad += 1
                _err(f"line {number}: {exc.reason.value}: {exc.detail}")
                continue
            sink.write(encode(enrich(item)) + b"\n")
            enriched += 1
            progress.update(enriched, bad)
        sink.flush()
    finally:
        progress.close()
        if source is not sys.stdin.buffer:
            source.close()
        if sink is not sys.stdout.buffer:
            sink.close()
    elapsed = time.monotonic() - began
    _err(f"enriched {enriched} items, skipped {bad} bad lines, in {elapsed:.2f} s")
    return 0


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    """Run the worker: check the broker, create the topics, then the Faust app with the stream runtime."""
    import faust

    from worker import ops
    from worker.api.routes import register as register_routes
    from worker.app import create_app
    from worker.kafka_clients import client_config
    from worker.kafka_io import check_broker, ensure_topics
    from worker.logs import logging_config
    from worker.runtime.compat import check_versions
    from worker.runtime.loop import StreamRuntime, internal_topics

    check_versions()
    client = client_config(settings)

    async def prepare() -> list[str]:
        await check_broker(client, args.broker_timeout)
        return await ensure_topics(settings, internal_topics(settings), client=client)

    created = asyncio.run(prepare())
    if created:
        _err(f"created topics: {', '.join(created)}")
    settings.data_dir.mkdir(parents=True, exist_ok=True)

    app = create_app(settings, client.faust_credentials)
    if args.no_web:
        app.conf.web_enabled = False
    runtime = StreamRuntime(settings, client)
    app.service(runtime)  # type: ignore[arg-type]  # faust starts a service instance as it does a class
    register_routes(app, runtime, settings)
    ops.register(app, settings)
    faust_worker = faust.Worker(
        app, loglevel=settings.log_level, logging_config=logging_config(settings.log_level), quiet=True,
    )
    try:
        faust_worker.execute_from_commandline()
    except SystemExit:
        reason = runtime.error or faust_worker.crash_reason
        if isinstance(reason, NewsworkerError) and reason.retriable:
            _restart_in_place(reason)
        elif isinstance(reason, NewsworkerError):
            _err(f"newsworker: error: {reason}")
        raise
    return 0


#: In-place restarts after retriable crashes: the pause before the n-th is 2**n s, at most
#: _RESTART_PAUSE_MAX_S; after _RESTARTS_MAX within _RESTART_WINDOW_S the worker exits instead.
_RESTARTS_MAX = 8
_RESTART_PAUSE_MAX_S = 30.0
_RESTART_WINDOW_S = 600.0
_RESTARTS_ENV = "NEWSWORKER_RESTARTS"


def _restart_in_place(reason: BaseException) -> None:
    """Run the worker again in this process (same pid, same arguments) after a retriable crash.

    The worker rejoins its group, recovers its tables and processes again everything after the
    committed offsets. Returns only when too many restarts came too close together.
    """
    count, since = 0, time.time()
    recorded = os.environ.get(_RESTARTS_ENV, "")
    if recorded:
        with contextlib.suppress(ValueError):
            n, t = recorded.split("@", 1)
            if time.time() - float(t) < _RESTART_WINDOW_S:
                count, since = int(n), float(t)
    if count >= _RESTARTS_MAX:
        _err(f"newsworker: {count} restarts in {time.time() - since:.0f} s; giving up: {reason}")
        return
    pause = min(_RESTART_PAUSE_MAX_S, 2.0**count)
    _err(f"newsworker: restarting in {pause:.0f} s after a retriable error: {reason}")
    time.sleep(pause)
    os.environ[_RESTARTS_ENV] = f"{count + 1}@{since}"
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "worker.cli", *sys.argv[1:]])  # noqa: S606 - our own command


def cmd_produce(args: argparse.Namespace, settings: Settings) -> int:
    """Publish JSON Lines to the input topic, one message per line, keyed by item id."""
    from worker.kafka_clients import client_config
    from worker.kafka_io import check_broker, ensure_topics, produce_lines

    client = client_config(settings)
    topic = args.topic or settings.topics.raw
    source = _open_input(args.input)
    try:
        lines = [line for _, line in _lines(source)]
    finally:
        if source is not sys.stdin.buffer:
            source.close()

    async def run() -> int:
        await check_broker(client, args.broker_timeout)
        # The topic gets the configured partitions even when the worker has never run: a topic the
        # worker finds with another count stops it. Only this topic: a producer may write nothing else.
        await ensure_topics(settings, client=client, only=[topic])
        return await produce_lines(client, topic, lines)

    began = time.monotonic()
    sent = asyncio.run(run())
    _err(f"produced {sent} items to {topic} in {time.monotonic() - began:.2f} s")
    return 0


def summarize(value: dict[str, Any] | bytes) -> str:
    """A few human lines for one output event: what a newsroom person wants to see."""
    if not isinstance(value, dict):
        return f"(not JSON: {len(value)} bytes)"
    if value.get("schema") == "dead-letter.v1":
        return f"DEAD LETTER {value.get('item_id') or '-'}: {value['reason']}: {value['detail'][:120]}"
    if value.get("schema") != "enriched-news.v1":
        return orjson.dumps(value).decode()[:300]
    headline = value.get("title") or value["body"].split("\n", 1)[0]
    lines = [f"== {value['id']} [{value['language']}] {headline[:100]}"]
    if value["topics"]:
        lines.append("   topics:   " + ", ".join(f"{t['label']} {t['score']:.2f}" for t in value["topics"][:4]))
    if value["entities"]:
        lines.append("   entities: " + ", ".join(f"{e['name']} ({e['type']})" for e in value["entities"][:12]))
    for quote in value["quotes"]:
        speaker = quote["speaker"] or {}
        who = speaker.get("name") or speaker.get("mention") or "?"
        text = quote["text"] if len(quote["text"]) <= 110 else quote["text"][:107] + "..."
        lines.append(f"   quote:    «{text}» - {who}")
    return "\n".join(lines)


def cmd_tail(args: argparse.Namespace, settings: Settings) -> int:
    """Print committed events of output topics as JSON Lines until the topics go quiet."""
    from worker.kafka_clients import client_config
    from worker.kafka_io import check_broker, tail

    client = client_config(settings)
    names = {
        "enriched": settings.topics.enriched,
        "quotes": settings.topics.quotes,
        "entities": settings.topics.entities,
        "trends": settings.topics.trends,
        "dlq": settings.topics.dlq,
        "raw": settings.topics.raw,
    }
    topics = [names.get(name, name) for name in args.topics]

    async def run() -> int:
        await check_broker(client, args.broker_timeout)
        count = 0
        async for topic, key, value in tail(client, topics, timeout_s=args.idle_timeout, max_events=args.max):
            if args.summary:
                sys.stdout.write(summarize(value) + "\n")
            else:
                record = {"topic": topic, "key": key.decode("utf-8", "replace") if key else None, "value": value}
                sys.stdout.buffer.write(orjson.dumps(record, default=_bytes_as_text) + b"\n")
            count += 1
        sys.stdout.flush()
        return count

    count = asyncio.run(run())
    _err(f"read {count} events from {', '.join(topics)}")
    return 0


def cmd_kafka(args: argparse.Namespace, settings: Settings) -> int:
    """Start or stop the local broker."""
    from worker import devkafka

    data_dir = Path(args.data_dir) if args.data_dir else settings.data_dir / "kafka"
    if args.action == "start":
        handle = devkafka.start(data_dir, port=args.port, heap=args.heap, secure_mode=args.secure, settings=settings)
        print(handle.bootstrap, flush=True)  # noqa: T201 - the bootstrap address, for scripts
        return 0
    if not devkafka.stop(data_dir):
        _err(f"no broker running from {data_dir.resolve()}")
    return 0


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    """Benchmark newsworker against raw aiokafka and a Faust passthrough (see worker/bench)."""
    from worker.bench import run

    return run(args, guarantee=settings.processing_guarantee, env_bootstrap=os.environ.get("KAFKA_BOOTSTRAP"))


def _parser() -> argparse.ArgumentParser:
    env_help = "\n".join(f"  {name} (default {value!r})" for name, value in ENV_DEFAULTS.items())
    parser = argparse.ArgumentParser(
        prog="newsworker",
        description="Streaming enrichment of news on Kafka: quotes with speakers, entities, topics.",
        epilog=f"Configuration is read from the environment:\n{env_help}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)

    enrich = sub.add_parser("enrich", help="enrich JSON Lines offline, without Kafka")
    enrich.add_argument("input", nargs="?", default="-", help="JSON Lines file, or - for stdin (default)")
    enrich.add_argument("-o", "--output", help="where to write enriched JSON Lines (default stdout)")
    enrich.set_defaults(run=cmd_enrich)

    worker = sub.add_parser("worker", help="run the Faust stream worker")
    worker.add_argument("--no-web", action="store_true", help="do not serve /metrics and the API")
    worker.add_argument("--broker-timeout", type=float, default=30.0, help="seconds to wait for Kafka")
    worker.set_defaults(run=cmd_worker)

    produce = sub.add_parser("produce", help="publish JSON Lines items to the input topic")
    produce.add_argument("input", help="JSON Lines file, or - for stdin")
    produce.add_argument("--topic", help="override the input topic")
    produce.add_argument("--broker-timeout", type=float, default=30.0)
    produce.set_defaults(run=cmd_produce)

    tail = sub.add_parser("tail", help="print committed events from output topics")
    tail.add_argument("topics", nargs="*", default=["enriched"],
                      help="enriched, quotes, entities, trends, dlq, raw or a topic name")
    tail.add_argument("--max", type=int, default=None, help="stop after this many events")
    tail.add_argument("--idle-timeout", type=float, default=5.0, help="stop after this many quiet seconds")
    tail.add_argument("--summary", action="store_true", help="a few readable lines per event instead of JSON")
    tail.add_argument("--broker-timeout", type=float, default=30.0)
    tail.set_defaults(run=cmd_tail)

    kafka = sub.add_parser("kafka", help="a local single-node Kafka broker for machines without Docker")
    kafka.add_argument("action", choices=["start", "stop"])
    kafka.add_argument("--port", type=int, default=9092, help="client port; 0 picks a free one (default 9092)")
    kafka.add_argument("--data-dir", help="broker data (default $NEWSWORKER_DATA_DIR/kafka)")
    kafka.add_argument("--heap", default="512m", help="Java heap size (default 512m)")
    kafka.add_argument(
        "--secure", action="store_true",
        help="SASL_SSL only, SCRAM users newsworker/producer/reader with ACLs for the configured topics; "
        "writes DIR/client.env, DIR/producer.env and DIR/reader.env",
    )
    kafka.set_defaults(run=cmd_kafka)

    from worker.bench import add_arguments as bench_arguments

    bench = sub.add_parser("bench", help="measure throughput, latency and memory against aiokafka and Faust floors")
    bench_arguments(bench)
    bench.set_defaults(run=cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the newsworker console script."""
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        code: int = args.run(args, settings)
    except NewsworkerError as exc:
        _err(f"newsworker: error: {exc}")
        return 2
    except FileNotFoundError as exc:
        _err(f"newsworker: error: no such file: {exc.filename}")
        return 2
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    raise SystemExit(main())
