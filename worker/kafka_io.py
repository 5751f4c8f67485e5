"""Plain aiokafka helpers for the CLI: topic creation, producing files, tailing topics."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import time
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError, KafkaError, TopicAlreadyExistsError

from worker.errors import BrokerUnavailable, ConfigError
from worker.progress import Progress
from worker.settings import Settings

__all__ = ["check_broker", "ensure_topics", "produce_lines", "tail", "key_of", "quiet_aiokafka"]


@contextlib.contextmanager
def quiet_aiokafka() -> Iterator[None]:
    """Mute aiokafka's per-attempt connection errors while we wait for a broker on purpose."""
    logger = logging.getLogger("aiokafka")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)  # noqa: T201 - progress for a CLI user


async def check_broker(bootstrap: str, timeout_s: float) -> None:
    """Raise BrokerUnavailable unless the cluster answers within timeout_s."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=int(timeout_s * 1000))
    try:
        with quiet_aiokafka():
            async with asyncio.timeout(timeout_s):
                await admin.start()
                await admin.describe_cluster()
    except (TimeoutError, KafkaConnectionError, KafkaError, OSError) as exc:
        raise BrokerUnavailable(
            f"cannot reach Kafka at {bootstrap} within {timeout_s:.0f} s ({type(exc).__name__}); "
            "start it with 'newsworker kafka start' or set KAFKA_BOOTSTRAP"
        ) from None
    finally:
        with contextlib.suppress(Exception):
            await admin.close()


async def ensure_topics(settings: Settings, internal: Mapping[str, tuple[int, str]] | None = None) -> list[str]:
    """Create newsworker's topics that do not exist yet; return the names created.

    ``internal`` maps the runtime's internal topics and table changelogs to their
    partition counts and cleanup policies. Creating them before the first
    assignment gets them assigned at once instead of after the next rebalance.

    Raise ConfigError when the input topic exists with another partition count
    than NEWSWORKER_PARTITIONS: tables are co-partitioned with it, and Faust
    would otherwise crash on the first table write.
    """
    bootstrap = ",".join(settings.bootstrap)
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        t = settings.topics
        wanted = {name: settings.partitions for name in (t.raw, t.enriched, t.quotes, t.entities, t.trends, t.dlq)}
        policies = {name: policy for name, (_, policy) in (internal or {}).items()}
        wanted.update({name: partitions for name, (partitions, _) in (internal or {}).items()})
        missing = [name for name in wanted if name not in existing]
        if missing:
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics([
                    NewTopic(
                        name, num_partitions=wanted[name], replication_factor=1,
                        topic_configs={"cleanup.policy": policies[name]} if name in policies else {},
                    )
                    for name in missing
                ])
            if not await _until_visible(admin, {name: wanted[name] for name in missing}):
                _progress(
                    f"created topics not in the broker's metadata after {TOPICS_VISIBLE_TIMEOUT_S:.0f} s; "
                    "their partitions will be assigned after the next metadata refresh"
                )
        if t.raw in existing:
            described = await admin.describe_topics([t.raw])
            partitions = len(described[0]["partitions"]) if described else settings.partitions
            if partitions != settings.partitions:
                raise ConfigError(
                    f"topic {t.raw} has {partitions} partitions but NEWSWORKER_PARTITIONS={settings.partitions}; "
                    "set NEWSWORKER_PARTITIONS to match or recreate the topic"
                )
        return missing
    finally:
        await admin.close()


#: How long a start waits for topics it created to show in the broker's metadata.
TOPICS_VISIBLE_TIMEOUT_S = 30.0


async def _until_visible(admin: AIOKafkaAdminClient, partitions: Mapping[str, int]) -> bool:
    """Wait until every topic has all its partitions with a leader in the broker's metadata.

    A broker publishes new topics to its metadata a moment after it creates them. A worker
    that joins its group before then is assigned none of their partitions, and gets them only
    after the next metadata refresh (five minutes by default). False when it timed out.
    """
    deadline = time.monotonic() + TOPICS_VISIBLE_TIMEOUT_S
    names = list(partitions)
    while True:
        described = await admin.describe_topics(names)
        ready = {
            t["topic"]
            for t in described
            if t["error_code"] == 0
            and len(t["partitions"]) == partitions.get(t["topic"], -1)
            and all(p["leader"] >= 0 for p in t["partitions"])
        }
        if ready >= set(names):
            return True
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.2)


def key_of(line: bytes) -> bytes | None:
    """The item id of a JSON Lines record as the message key, or None when the line has none."""
    try:
        item = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
        return str(item["id"]).encode("utf-8")
    return None


async def produce_lines(bootstrap: str, topic: str, lines: Iterable[bytes]) -> int:
    """Send each line as one message keyed by its item id, exactly as read; return the count."""
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        max_request_size=8 * 1024 * 1024,
    )
    await producer.start()
    sent = 0
    progress = Progress("produced")
    try:
        pending = []
        for line in lines:
            pending.append(await producer.send(topic, value=line, key=key_of(line)))
            sent += 1
            progress.update(sent)
        await producer.flush()
        for future in pending:
            await future
    finally:
        progress.close()
        await producer.stop()
    return sent


async def tail(
    bootstrap: str, topics: list[str], *, timeout_s: float, max_events: int | None = None,
    from_beginning: bool = True,
) -> AsyncIterator[tuple[str, bytes | None, dict[str, Any] | bytes]]:
    """Yield (topic, key, event) from committed transactions until timeout_s passes with nothing new."""
    consumer = AIOKafkaConsumer(
        *topics,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest" if from_beginning else "latest",
        enable_auto_commit=False,
        isolation_level="read_committed",
        group_id=None,
    )
    await consumer.start()
    count = 0
    try:
        while max_events is None or count < max_events:
            batch = await consumer.getmany(timeout_ms=int(timeout_s * 1000))
            if not batch:
                return
            for records in batch.values():
                for record in records:
                    value: dict[str, Any] | bytes
                    try:
                        value = orjson.loads(record.value) if record.value is not None else b""
                    except orjson.JSONDecodeError:
                        value = record.value or b""
                    yield record.topic, record.key, value
                    count += 1
    finally:
        await consumer.stop()
