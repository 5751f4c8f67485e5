"""Plain aiokafka helpers for the CLI: topic creation, producing files, tailing topics."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError, KafkaError, TopicAlreadyExistsError, for_code

from worker.errors import BrokerUnavailable, ConfigError, KafkaAccessDenied
from worker.kafka_clients import KafkaClientConfig, client_config, denied, diagnose
from worker.progress import Progress
from worker.settings import Settings

_T = TypeVar("_T")

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


async def check_broker(client: KafkaClientConfig, timeout_s: float) -> None:
    """Raise BrokerUnavailable unless the cluster answers within timeout_s."""
    bootstrap = client.bootstrap
    admin = AIOKafkaAdminClient(**client.kwargs(request_timeout_ms=int(timeout_s * 1000)))
    try:
        with quiet_aiokafka():
            async with asyncio.timeout(timeout_s):
                await admin.start()
                await admin.describe_cluster()
    except (TimeoutError, KafkaConnectionError, KafkaError, OSError) as exc:
        with quiet_aiokafka():
            refusal = await diagnose(client, min(timeout_s, 10.0))
        if refusal is not None:
            raise refusal from None
        raise BrokerUnavailable(
            f"cannot reach Kafka at {bootstrap} within {timeout_s:.0f} s ({type(exc).__name__}); "
            "start it with 'newsworker kafka start' or set KAFKA_BOOTSTRAP"
        ) from None
    finally:
        with contextlib.suppress(Exception):
            await admin.close()


async def ensure_topics(
    settings: Settings,
    internal: Mapping[str, tuple[int, str]] | None = None,
    *,
    client: KafkaClientConfig | None = None,
    only: Iterable[str] | None = None,
) -> list[str]:
    """Create newsworker's topics that do not exist yet; return the names created.

    ``internal`` maps the runtime's internal topics and table changelogs to their
    partition counts and cleanup policies. Creating them before the first
    assignment gets them assigned at once instead of after the next rebalance.

    Raise ConfigError when the input topic exists with another partition count
    than NEWSWORKER_PARTITIONS: tables are co-partitioned with it, and Faust
    would otherwise crash on the first table write.

    ``only`` limits the work to some of the topics (``produce`` creates just the one it
    writes, which is all a producer's ACLs may allow).
    """
    admin = AIOKafkaAdminClient(**(client or client_config(settings)).kwargs())
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        t = settings.topics
        wanted = {name: settings.partitions for name in (t.raw, t.enriched, t.quotes, t.entities, t.trends, t.dlq)}
        policies = {name: policy for name, (_, policy) in (internal or {}).items()}
        wanted.update({name: partitions for name, (partitions, _) in (internal or {}).items()})
        if only is not None:
            wanted = {name: wanted.get(name, settings.partitions) for name in only}
        missing = [name for name in wanted if name not in existing]
        if missing:
            with contextlib.suppress(TopicAlreadyExistsError):
                response = await admin.create_topics([
                    NewTopic(
                        name, num_partitions=wanted[name], replication_factor=1,
                        topic_configs={"cleanup.policy": policies[name]} if name in policies else {},
                    )
                    for name in missing
                ])
                _raise_topic_errors(response.topic_errors, client or client_config(settings))
            if not await _until_visible(admin, {name: wanted[name] for name in missing}):
                _progress(
                    f"created topics not in the broker's metadata after {TOPICS_VISIBLE_TIMEOUT_S:.0f} s; "
                    "their partitions will be assigned after the next metadata refresh"
                )
        if t.raw in existing and t.raw in wanted:
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


def _raise_topic_errors(topic_errors: Iterable[tuple[Any, ...]], client: KafkaClientConfig) -> None:
    """Turn CreateTopics' per-topic answers into one clear error; a topic that exists is no error."""
    for entry in topic_errors:
        topic, code = entry[0], entry[1]
        if code in (0, TopicAlreadyExistsError.errno):
            continue
        error = for_code(code)(topic)
        refusal = denied(error, client, "create", f"topic {topic}")
        if refusal is not None:
            raise KafkaAccessDenied(refusal)
        detail = entry[2] if len(entry) > 2 and entry[2] else error.__class__.__name__
        raise ConfigError(f"the broker would not create topic {topic}: {detail}")


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


async def produce_lines(client: KafkaClientConfig, topic: str, lines: Iterable[bytes]) -> int:
    """Send each line as one message keyed by its item id, exactly as read; return the count."""
    producer = AIOKafkaProducer(
        **client.kwargs(),
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        max_request_size=8 * 1024 * 1024,
    )
    sent = 0
    progress = Progress("produced")
    try:
        await producer.start()
        pending = []
        for line in lines:
            pending.append(await producer.send(topic, value=line, key=key_of(line)))
            sent += 1
            progress.update(sent)
        await producer.flush()
        for future in pending:
            await future
    except KafkaError as exc:
        # An idempotent producer without any Write ACL is refused at start as a cluster action.
        refusal = denied(exc, client, "write to", f"topic {topic}")
        if refusal is not None:
            raise KafkaAccessDenied(refusal) from None
        raise
    finally:
        progress.close()
        await producer.stop()
    return sent


async def _refusals_named(call: Awaitable[_T], client: KafkaClientConfig, operation: str) -> _T:
    """Await ``call``; an authorisation error becomes KafkaAccessDenied naming what was refused."""
    try:
        return await call
    except KafkaError as exc:
        refusal = denied(exc, client, operation)
        if refusal is not None:
            raise KafkaAccessDenied(refusal) from None
        raise


async def tail(
    client: KafkaClientConfig, topics: list[str], *, timeout_s: float, max_events: int | None = None,
    from_beginning: bool = True,
) -> AsyncIterator[tuple[str, bytes | None, dict[str, Any] | bytes]]:
    """Yield (topic, key, event) from committed transactions until timeout_s passes with nothing new."""
    consumer = AIOKafkaConsumer(
        *topics,
        **client.kwargs(),
        auto_offset_reset="earliest" if from_beginning else "latest",
        enable_auto_commit=False,
        isolation_level="read_committed",
        group_id=None,
    )
    count = 0
    try:
        await _refusals_named(consumer.start(), client, "read")
        while max_events is None or count < max_events:
            batch = await _refusals_named(consumer.getmany(timeout_ms=int(timeout_s * 1000)), client, "read")
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
