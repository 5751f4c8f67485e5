"""The benchmark's Faust passthrough: newsworker's own app and transport, an agent that only parses and re-emits.

Run as ``python -m worker.bench.passthrough`` with the same environment as
``newsworker worker``. It reads the input topic (news.raw under the prefix),
parses each value with orjson and writes it again to news.enriched, keyed as
it came. The app is ``worker.app.app``: the same producer and consumer
settings, processing guarantee (exactly_once unless
NEWSWORKER_PROCESSING_GUARANTEE says otherwise) and exactly-once fixes as the
real worker, and it holds the same processing lock per event, so the
difference to the full worker is the enrichment and its outputs.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import faust
import orjson
from faust.types import StreamT

from worker.app import app, settings
from worker.eos import processing_lock
from worker.kafka_io import check_broker, ensure_topics

__all__ = ["passthrough", "main"]


def _bytes_topic(name: str) -> faust.TopicT:
    return app.topic(name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw",
                     partitions=settings.partitions)


_source = _bytes_topic(settings.topics.raw)
_sink = _bytes_topic(settings.topics.enriched)


@app.agent(_source, concurrency=1)
async def passthrough(stream: StreamT[bytes]) -> None:
    """Parse every value and send it on unchanged in content."""
    lock = processing_lock(app)
    async for event in stream.events():
        async with lock:
            value: Any = orjson.loads(event.message.value or b"null")
            await _sink.send(key=event.message.key, value=orjson.dumps(value))


def main() -> int:
    """Check the broker, create the topics, run the worker (with /health/ready on NEWSWORKER_WEB_PORT)."""
    from worker import web  # noqa: F401 - the health checks the benchmark waits for
    from worker.logs import logging_config

    async def prepare() -> None:
        await check_broker(",".join(settings.bootstrap), 30.0)
        await ensure_topics(settings)

    asyncio.run(prepare())
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    faust.Worker(
        app, loglevel=settings.log_level, logging_config=logging_config(settings.log_level), quiet=True,
    ).execute_from_commandline()
    return 0


if __name__ == "__main__":
    sys.argv[1:] = []  # faust.Worker reads the command line; it takes no options from us
    raise SystemExit(main())
