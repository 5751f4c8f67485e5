"""The benchmark's Faust passthrough: a stock Faust app whose one agent parses and re-emits each item.

Run as ``python -m worker.bench.passthrough`` with the same environment as
``newsworker worker``. It reads the input topic (news.raw under the prefix),
parses each value with orjson and writes it again to news.enriched, keyed as
it came, with Faust's own processing guarantee (exactly_once unless
NEWSWORKER_PROCESSING_GUARANTEE says otherwise) and Faust's own commit loop:
what Faust's stream layer costs by itself.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import faust
import orjson
from faust.types import StreamT
from faust.web import Request, Response, View

from worker.kafka_clients import KafkaClientConfig, client_config
from worker.kafka_io import check_broker, ensure_topics
from worker.settings import load_settings

__all__ = ["main"]


def build(settings: Any, client: KafkaClientConfig) -> faust.App:
    app = faust.App(
        f"{settings.app_id}-faust", broker=settings.broker_url, broker_credentials=client.faust_credentials,
        store="memory://",
        processing_guarantee=settings.processing_guarantee, topic_partitions=settings.partitions,
        web_host=settings.web_host, web_port=settings.web_port, web_bind=settings.web_host,
        datadir=str(settings.data_dir / "faust"), autodiscover=False, producer_linger_ms=5,
        broker_commit_interval=settings.commit_interval_ms / 1000.0, consumer_auto_offset_reset="earliest",
    )
    source = app.topic(settings.topics.raw, key_type=bytes, value_type=bytes, key_serializer="raw",
                       value_serializer="raw")
    sink = app.topic(settings.topics.enriched, key_type=bytes, value_type=bytes, key_serializer="raw",
                     value_serializer="raw")

    @app.agent(source)
    async def passthrough(stream: StreamT[bytes]) -> None:
        async for event in stream.events():
            value: Any = orjson.loads(event.message.value or b"null")
            await sink.send(key=event.message.key, value=orjson.dumps(value))

    @app.page("/health/ready")
    async def ready(web: View, request: Request) -> Response:
        assigned = app.consumer.assignment() if app.consumer is not None else set()
        if app.rebalancing or not assigned:
            return web.json({"status": "starting"}, status=503)
        return web.json({"status": "ready", "partitions": len(assigned)})

    return app


def main() -> int:
    """Check the broker, create the topics, run the worker (with /health/ready on NEWSWORKER_WEB_PORT)."""
    from worker.logs import logging_config

    settings = load_settings()
    client = client_config(settings)

    async def prepare() -> None:
        await check_broker(client, 30.0)
        await ensure_topics(settings, client=client)

    asyncio.run(prepare())
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    faust.Worker(
        build(settings, client), loglevel=settings.log_level, logging_config=logging_config(settings.log_level),
        quiet=True,
    ).execute_from_commandline()
    return 0


if __name__ == "__main__":
    sys.argv[1:] = []  # faust.Worker reads the command line; it takes no options from us
    raise SystemExit(main())
