"""Kafka helpers of the benchmark: create topics, produce a batch or at a fixed rate, collect committed outputs."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from worker.kafka_clients import KafkaClientConfig

__all__ = ["Output", "create_topics", "produce_all", "produce_at_rate", "collect", "drive", "LatencyCollector"]

_MAX_REQUEST = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Output:
    """Committed output records: their count and first and last Kafka timestamps (ms)."""

    count: int
    first_ms: int
    last_ms: int
    complete: bool

    def rate(self) -> float:
        """Items per second between the first and the last output record.

        Kafka timestamps are whole milliseconds: a small run of a fast stage can fit in one, and
        its span is then taken as 1 ms (a lower bound on the rate) instead of reading as zero.
        """
        span_s = max(self.last_ms - self.first_ms, 1) / 1000.0
        return (self.count - 1) / span_s if self.count > 1 else 0.0


async def create_topics(client: KafkaClientConfig, names: Sequence[str], partitions: int) -> None:
    admin = AIOKafkaAdminClient(**client.kwargs())
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [name for name in names if name not in existing]
        if missing:
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics([NewTopic(n, num_partitions=partitions, replication_factor=1)
                                           for n in missing])
    finally:
        await admin.close()


def _producer(client: KafkaClientConfig) -> AIOKafkaProducer:
    return AIOKafkaProducer(**client.kwargs(), acks="all", linger_ms=5, max_batch_size=256 * 1024,
                            max_request_size=_MAX_REQUEST)


async def produce_all(client: KafkaClientConfig, topic: str, messages: Sequence[tuple[bytes, bytes]]) -> float:
    """Send (key, value) messages as fast as the producer takes them; return the seconds it took."""
    producer = _producer(client)
    await producer.start()
    began = time.perf_counter()
    try:
        futures = [await producer.send(topic, value=value, key=key) for key, value in messages]
        await producer.flush()
        for future in futures:
            await future
    finally:
        await producer.stop()
    return time.perf_counter() - began


async def produce_at_rate(
    client: KafkaClientConfig, topic: str, items: Sequence[tuple[bytes, bytes]], rate: float,
) -> int:
    """Send items at ``rate`` per second (token bucket, 5 ms ticks), each with "bench_sent_at" set at send time.

    ``items`` are (key, JSON object bytes); the field is spliced in front of the object's first key.
    """
    producer = _producer(client)
    await producer.start()
    sent = 0
    try:
        began = time.monotonic()
        while sent < len(items):
            due = min(len(items), int((time.monotonic() - began) * rate) + 1)
            while sent < due:
                key, value = items[sent]
                stamped = b'{"bench_sent_at":' + repr(time.time()).encode() + b"," + value[1:]
                await producer.send(topic, value=stamped, key=key)
                sent += 1
            await asyncio.sleep(0.005)
        await producer.flush()
    finally:
        await producer.stop()
    return sent


async def _consumer_at(
    client: KafkaClientConfig, topics: Sequence[str], partitions: int, *, from_end: bool
) -> AIOKafkaConsumer:
    consumer = AIOKafkaConsumer(
        **client.kwargs(), group_id=None, enable_auto_commit=False, isolation_level="read_committed",
        auto_offset_reset="earliest", max_partition_fetch_bytes=4 * 1024 * 1024, fetch_max_bytes=16 * 1024 * 1024,
    )
    await consumer.start()
    assigned = [TopicPartition(topic, p) for topic in topics for p in range(partitions)]
    consumer.assign(assigned)
    if from_end:
        await consumer.seek_to_end(*assigned)
    else:
        await consumer.seek_to_beginning(*assigned)
    for tp in assigned:
        await consumer.position(tp)
    return consumer


async def collect(
    client: KafkaClientConfig, topics: Sequence[str], partitions: int, expected: int, *, timeout_s: float,
    idle_timeout_s: float = 60.0, alive: object = None,
) -> Output:
    """Read committed records from the start of ``topics`` until ``expected`` distinct keys arrived, or timeouts."""
    consumer = await _consumer_at(client, topics, partitions, from_end=False)
    keys: set[bytes | None] = set()
    first_ms = last_ms = 0
    deadline = time.monotonic() + timeout_s
    last_new = time.monotonic()
    try:
        while len(keys) < expected and time.monotonic() < deadline and time.monotonic() - last_new < idle_timeout_s:
            if callable(alive):
                alive()
            batch = await consumer.getmany(timeout_ms=500, max_records=5000)
            for records in batch.values():
                for record in records:
                    if record.key in keys:
                        continue
                    keys.add(record.key)
                    last_new = time.monotonic()
                    first_ms = record.timestamp if not first_ms else min(first_ms, record.timestamp)
                    last_ms = max(last_ms, record.timestamp)
    finally:
        await consumer.stop()
    return Output(len(keys), first_ms, last_ms, len(keys) >= expected)


@dataclass
class LatencyCollector:
    """Committed enriched events carrying "bench_sent_at": per-item latency, to the consumer and to the record."""

    client: KafkaClientConfig
    topic: str
    partitions: int
    consumed_ms: list[float] = field(default_factory=list)
    event_time_ms: list[float] = field(default_factory=list)
    _consumer: AIOKafkaConsumer | None = None

    async def start(self) -> None:
        self._consumer = await _consumer_at(self.client, [self.topic], self.partitions, from_end=True)

    async def run(self, expected: int, timeout_s: float, alive: object = None) -> None:
        consumer = self._consumer
        assert consumer is not None  # noqa: S101 - start() first
        deadline = time.monotonic() + timeout_s
        try:
            while len(self.consumed_ms) < expected and time.monotonic() < deadline:
                if callable(alive):
                    alive()
                batch = await consumer.getmany(timeout_ms=200, max_records=5000)
                now = time.time()
                for records in batch.values():
                    for record in records:
                        sent = _sent_at(record.value)
                        if sent is None:
                            continue
                        self.consumed_ms.append((now - sent) * 1000.0)
                        self.event_time_ms.append(max(0.0, record.timestamp / 1000.0 - sent) * 1000.0)
        finally:
            await consumer.stop()


def _sent_at(value: bytes | None) -> float | None:
    if not value:
        return None
    try:
        event = orjson.loads(value)
    except orjson.JSONDecodeError:
        return None
    extra = event.get("extra") if isinstance(event, dict) else None
    sent = extra.get("bench_sent_at") if isinstance(extra, dict) else None
    return float(sent) if isinstance(sent, int | float) else None


async def drive(
    client: KafkaClientConfig, source: str, outputs: Sequence[str], partitions: int,
    messages: Sequence[tuple[bytes, bytes]],
    *, budget_s: float, first_batch: int = 50, drain_timeout_s: float = 60.0, alive: object = None,
    backlog_s: float = 2.0,
) -> tuple[Output, int]:
    """Feed ``messages`` to ``source`` in batches and read committed outputs until the backlog is drained.

    The backlog is kept to about ``backlog_s`` of work at the rate seen so far, and producing stops after
    ``budget_s`` (or when the messages run out), so a slow stage is measured in bounded time and little is
    left to drain. Returns the outputs (distinct keys, first and last Kafka timestamps) and the count produced.
    """
    consumer = await _consumer_at(client, outputs, partitions, from_end=False)
    producer = _producer(client)
    await producer.start()
    keys: set[bytes | None] = set()
    first_ms = last_ms = 0
    produced = 0
    batch_size = min(len(messages), first_batch)
    began = time.monotonic()
    last_new = time.monotonic()
    try:
        while True:
            now = time.monotonic()
            if callable(alive):
                alive()
            producing = produced < len(messages) and now - began < budget_s
            if producing and produced - len(keys) <= batch_size // 2:
                chunk = messages[produced:produced + batch_size]
                for key, value in chunk:
                    await producer.send(source, value=value, key=key)
                await producer.flush()
                produced += len(chunk)
            if not producing and len(keys) >= produced:
                break
            if now - last_new > drain_timeout_s:
                break
            batch = await consumer.getmany(timeout_ms=200, max_records=5000)
            for records in batch.values():
                for record in records:
                    if record.key in keys:
                        continue
                    keys.add(record.key)
                    last_new = time.monotonic()
                    first_ms = record.timestamp if not first_ms else min(first_ms, record.timestamp)
                    last_ms = max(last_ms, record.timestamp)
            if len(keys) > 10 and last_ms > first_ms:
                rate = (len(keys) - 1) / ((last_ms - first_ms) / 1000.0)
                batch_size = int(min(5000, max(20, rate * backlog_s)))
    finally:
        await producer.stop()
        await consumer.stop()
    return Output(len(keys), first_ms, last_ms, len(keys) >= produced), produced
