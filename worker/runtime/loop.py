"""The stream runtime: one consumer, one task per input partition, one batch loop per task.

The consumer (group ``NEWSWORKER_APP_ID``, read_committed) is subscribed to
news.raw and to the internal counts topic. Each partition it is assigned
becomes a ``PartitionTask`` with its own transactional producer, whose
transactional id is fixed per input partition (``{app_id}-{role}-{partition}``):
aiokafka has no KIP-447, so fencing a zombie rests on the next owner of the
partition starting a producer with the same id. The fetch loop hands each
task its records; each task runs batches (up to ``NEWSWORKER_BATCH_MAX_ITEMS``
items, or as many as fit in ``NEWSWORKER_COMMIT_INTERVAL_MS`` of processing),
then commits the batch's outputs, changelog records and input offset in one
transaction (``checkpoint``). Tasks of different partitions process and commit
concurrently, so one partition's commit I/O overlaps another's extraction.

Every error of a batch goes to one callback, ``StreamRuntime.on_batch_error``:
the worker stops, saying whether a restart gets past it, and a restart replays
from the committed offsets. A rebalance lets every revoked task finish and
commit the batch it is in before the partitions move.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import faust
import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka import errors as kafka_errors
from aiokafka.structs import ConsumerRecord

from worker.errors import KafkaAccessDenied, NewsworkerError
from worker.kafka_clients import KafkaClientConfig, client_config, denied
from worker.metrics import (
    ASSIGNED_PARTITIONS,
    BATCH_ITEMS,
    CONSUMER_LAG,
    END_TO_END_SECONDS,
    REBALANCES,
    STAGE_SECONDS,
    TABLE_KEYS,
)
from worker.pipeline import enrich, warm_up
from worker.runtime.checkpoint import Checkpoint
from worker.runtime.compat import check_versions
from worker.runtime.membership import MembershipAssignor
from worker.runtime.state import TableStores, recover
from worker.settings import Settings
from worker.stages import COUNTS, SEEN_IDS, CountStage, EnrichStage, InputRecord, Outcome, Output, StageTopics
from worker.state.story_index import StoryIndex, StoryOverlay
from worker.state.table import Table

__all__ = ["StreamRuntime", "PartitionTask", "ENRICH", "COUNT", "internal_topics"]

log = logging.getLogger(__name__)

ENRICH, COUNT = "enrich", "count"
#: Per batch: handing its records to Kafka and committing its transaction.
_STAGE_PUBLISH = STAGE_SECONDS.labels("publish")
_Client = TypeVar("_Client", AIOKafkaConsumer, AIOKafkaProducer)
#: How long a transaction may stay open before the broker aborts it. Long enough for a commit
#: under a quota; short enough that an orphaned one does not hold back read_committed readers long.
TRANSACTION_TIMEOUT_MS = 300_000


def internal_topics(settings: Settings) -> dict[str, tuple[int, str]]:
    """The runtime's internal topics: name -> (partitions, cleanup policy)."""
    topics = StageTopics.of(settings)
    return {
        topics.counts: (settings.partitions, "delete"),
        topics.story_index: (1, "compact"),
        f"{settings.app_id}-{SEEN_IDS}-changelog": (settings.partitions, "compact"),
        f"{settings.app_id}-{COUNTS}-changelog": (settings.partitions, "compact"),
    }


class PartitionTask:
    """One input partition: its queue of fetched records, its stage, its tables and its producer."""

    def __init__(
        self, runtime: StreamRuntime, tp: TopicPartition, role: str, producer: AIOKafkaProducer,
        tables: list[tuple[Table, str]], next_offset: int,
    ) -> None:
        self.runtime = runtime
        self.tp = tp
        self.role = role
        self.producer = producer
        self.tables = tables
        self.next_offset = next_offset
        #: The next offset to process (ahead of next_offset while a batch commits).
        self.position = next_offset
        self.queue: collections.deque[ConsumerRecord[bytes, bytes]] = collections.deque()
        self.wake = asyncio.Event()
        self.stopping = False
        self.paused = False
        #: Set while no batch of this task is being processed (a revocation waits for it).
        self.idle = asyncio.Event()
        self.idle.set()
        #: The batch whose transaction is committing, if any.
        self.committing: _Committing | None = None
        self.stories: StoryOverlay | None = None
        self.stage: EnrichStage | CountStage
        if role == ENRICH:
            self.stories = StoryOverlay(runtime.stories)
            self.stage = EnrichStage(runtime.topics, tables[0][0], self.stories,
                                     max_body_bytes=runtime.settings.max_body_bytes,
                                     enrich_item=runtime.enrich_item)
        else:
            self.stage = CountStage(runtime.topics, tables[0][0])

    def feed(self, records: Iterable[ConsumerRecord[bytes, bytes]]) -> None:
        for record in records:
            # A record before the position this task reached is a copy fetched before a seek.
            if record.offset >= self.position and (not self.queue or record.offset > self.queue[-1].offset):
                self.queue.append(record)
        self.wake.set()

    async def stop(self) -> None:
        """Let the batch in progress finish and commit, then stop taking batches."""
        self.stopping = True
        await self.idle.wait()
        await self.settle()

    async def settle(self) -> None:
        """Wait for the committing batch, if any, and do what follows its commit."""
        committing, self.committing = self.committing, None
        if committing is not None:
            await self.finish(committing)

    @property
    def ready(self) -> bool:
        """Whether the loop may take a batch of this task now (its last batch may still be committing)."""
        return bool(self.queue) and not self.stopping

    async def process_batch(self) -> _Batch | None:
        """Run the stage over up to a batch of queued records, for at most the commit interval."""
        runtime = self.runtime
        began = time.monotonic()
        budget = runtime.commit_interval_s
        outputs: list[Output] = []
        last_offset = -1
        count = 0
        process = self.stage.process
        while self.queue and count < runtime.batch_max and not self.stopping:
            record = self.queue.popleft()
            if record.offset < self.position:
                continue
            outputs += process(InputRecord(record.topic, record.partition, record.offset, record.key, record.value,
                                           record.timestamp / 1000.0))
            last_offset = record.offset
            count += 1
            # Let the producer's sender, the heartbeat and the other partitions' commits run.
            await asyncio.sleep(0)
            if time.monotonic() - began > budget:
                break
        if self.paused and len(self.queue) < runtime.backlog_max // 2:
            runtime.resume(self)
        if last_offset < 0:
            return None
        self.position = last_offset + 1
        outputs += self.stage.finish_batch()
        stories = self.stories
        if stories is not None and isinstance(self.stage, EnrichStage):
            # The next batch sees this one's items while this one commits.
            self.stories = self.stage.stories = StoryOverlay(runtime.stories, previous=stories.pending)
        return _Batch(outputs, self.stage.take_outcome(), count, last_offset + 1, stories)

    def start_commit(self, batch: _Batch) -> None:
        runtime = self.runtime
        checkpoint = Checkpoint(
            producer=self.producer, source=self.tp, next_offset=batch.next_offset, group_id=runtime.group_id,
            outputs=batch.outputs, tables=self.tables, transactional=runtime.transactional,
            commit_offset=runtime.commit_offsets, persist=runtime.stores.persist,
        )
        self.committing = _Committing(batch, asyncio.create_task(checkpoint.run()), time.monotonic())
        self.committing.task.add_done_callback(lambda _: runtime.wake.set())

    async def finish(self, committing: _Committing) -> None:
        """Wait for a batch's commit; then count it and let its story entries join the shared index."""
        await committing.task
        batch = committing.batch
        _STAGE_PUBLISH.observe(time.monotonic() - committing.began)
        BATCH_ITEMS.observe(batch.count)
        self.next_offset = batch.next_offset
        if batch.stories is not None:
            batch.stories.commit()
        batch.outcome.count(batch.outputs)
        batch.outcome.record()
        now = time.time()
        for received in batch.outcome.received:
            END_TO_END_SECONDS.observe(max(0.0, now - received))
        highwater = self.runtime.highwater(self.tp)
        if highwater is not None:
            CONSUMER_LAG.labels(self.tp.topic, str(self.tp.partition)).set(max(0, highwater - self.next_offset))


@dataclass(slots=True)
class _Batch:
    outputs: list[Output]
    outcome: Outcome
    count: int
    next_offset: int
    stories: StoryOverlay | None


@dataclass(slots=True)
class _Committing:
    batch: _Batch
    task: asyncio.Task[None]
    began: float


class _Rebalance(ConsumerRebalanceListener):  # type: ignore[misc]  # aiokafka leaves it untyped
    def __init__(self, runtime: StreamRuntime) -> None:
        self.runtime = runtime

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        await self.runtime.revoke(revoked)

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        await self.runtime.assign(assigned)


class StreamRuntime(faust.Service):
    """The batch loop as a Faust service: started and stopped with the app, crashing the worker on error."""

    def __init__(
        self, settings: Settings, client: KafkaClientConfig | None = None, *,
        enrich_item: Callable[[dict[str, Any]], dict[str, Any]] = enrich, **kwargs: Any,
    ) -> None:
        self.settings = settings
        self.client = client or client_config(settings)
        self.topics = StageTopics.of(settings)
        self.group_id = settings.app_id
        self.transactional = settings.processing_guarantee == "exactly_once"
        self.commit_interval_s = settings.commit_interval_ms / 1000.0
        self.batch_max = settings.batch_max_items
        self.backlog_max = max(4 * settings.batch_max_items, 256)
        self.enrich_item = enrich_item
        self.assignor = MembershipAssignor(settings.web_url)
        self.stores = TableStores(settings.store, Path(settings.data_dir) / "tables")
        self.stories = StoryIndex()
        self.stories_ready = asyncio.Event()
        #: Set when records arrive or a commit ends: the processing loop has something to look at.
        self.wake = asyncio.Event()
        self.tasks: dict[TopicPartition, PartitionTask] = {}
        self.assigned: set[TopicPartition] = set()
        self.recovering = True
        self.rebalancing = False
        self.consumer: AIOKafkaConsumer | None = None
        self._shared_producer: AIOKafkaProducer | None = None
        self._story_reader: AIOKafkaConsumer | None = None
        self.error: BaseException | None = None
        super().__init__(**kwargs)

    # --- configuration of the clients -------------------------------------------------------

    def client_config(self) -> dict[str, Any]:
        return self.client.kwargs()

    def _producer(self, transactional_id: str | None) -> AIOKafkaProducer:
        return AIOKafkaProducer(
            **self.client_config(),
            transactional_id=transactional_id,
            enable_idempotence=True,
            acks="all",
            linger_ms=2,
            max_batch_size=256 * 1024,
            max_request_size=8 * 1024 * 1024,
            # aiokafka's default 40 s; a timed-out request is retried, which idempotence makes safe.
            request_timeout_ms=30_000,
            transaction_timeout_ms=TRANSACTION_TIMEOUT_MS,
            # Right after a commit the coordinator is still writing the transaction's markers, and the next
            # transaction's first request is answered CONCURRENT_TRANSACTIONS until it is done: retried
            # after aiokafka's default 100 ms, every commit cost two round trips of that.
            retry_backoff_ms=10,
        )

    # --- lifecycle ---------------------------------------------------------------------------

    async def on_start(self) -> None:
        check_versions()
        if self.enrich_item is enrich:
            warm_up()
        if not self.transactional:
            self._shared_producer = self._producer(None)
            await self._shared_producer.start()
        await self._start_story_reader()
        self.consumer = AIOKafkaConsumer(
            **self.client_config(),
            group_id=self.group_id,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            isolation_level="read_committed",
            partition_assignment_strategy=(self.assignor,),
            # A killed worker's partitions move to the others after this long.
            session_timeout_ms=15_000,
            heartbeat_interval_ms=3_000,
            # The broker hands out one record larger than these anyway; bigger fetches only hold memory.
            max_partition_fetch_bytes=1024 * 1024,
            fetch_max_bytes=8 * 1024 * 1024,
        )
        self.consumer.subscribe([self.settings.topics.raw, self.topics.counts], listener=_Rebalance(self))
        await self.consumer.start()
        self.add_future(self._fetch_loop())
        self.add_future(self._process_loop())
        self.add_future(self._follow_story_index())
        self.add_future(self._gauges())

    async def on_stop(self) -> None:
        await asyncio.gather(*(task.stop() for task in list(self.tasks.values())), return_exceptions=True)
        if self.consumer is not None:
            try:
                await self.consumer.stop()
            except Exception as exc:  # noqa: BLE001 - stopping anyway
                log.warning("stopping the consumer failed: %r", exc)
        for task in list(self.tasks.values()):
            await _stop_producer(task.producer)
        self.tasks.clear()
        for client in (self._shared_producer, self._story_reader):
            if client is not None:
                await _stop_client(client)
        self.stores.close()

    @property
    def ready(self) -> bool:
        return bool(self.assigned) and not self.recovering and not self.rebalancing and self.stories_ready.is_set()

    # --- the fetch loop ----------------------------------------------------------------------

    async def _fetch_loop(self) -> None:
        consumer = self._client(self.consumer)
        while not self.should_stop:
            batch = await consumer.getmany(timeout_ms=max(10, int(self.commit_interval_s * 1000)),
                                           max_records=self.backlog_max)
            for tp, records in batch.items():
                task = self.tasks.get(tp)
                if task is None or task.stopping:
                    continue
                task.feed(records)
                self.wake.set()
                if not task.paused and len(task.queue) >= self.backlog_max:
                    consumer.pause(tp)
                    task.paused = True

    async def _process_loop(self) -> None:
        """The one loop that processes every partition's batches, in turn; their commits run beside it.

        One loop and not one per partition: a commit needs the event loop a dozen times, and with a
        CPU-bound coroutine per partition each of those waited for every other partition's slice
        (commits took 150-250 ms). Here each waits at most for one item. A partition's next batch is
        processed while its last one commits.
        """
        turn = 0
        while not self.should_stop:
            tasks = list(self.tasks.values())
            for task in tasks:
                if task.committing is not None and task.committing.task.done():
                    await self._guarded(task, task.settle())
            ready = [task for task in tasks if task.ready and (task.role == COUNT or self.stories_ready.is_set())]
            if not ready:
                self.wake.clear()
                await self.wake.wait()
                continue
            turn += 1
            task = ready[turn % len(ready)]
            task.idle.clear()
            try:
                batch = await task.process_batch()
                # The batch before commits while this one is processed: one transaction open at a time.
                await task.settle()
                if batch is not None:
                    task.start_commit(batch)
            except Exception as exc:  # noqa: BLE001 - every batch error goes to the one callback
                await self.on_batch_error(task, exc)
            finally:
                task.idle.set()

    async def _guarded(self, task: PartitionTask, step: Awaitable[None]) -> None:
        try:
            await step
        except Exception as exc:  # noqa: BLE001 - every batch error goes to the one callback
            await self.on_batch_error(task, exc)

    def resume(self, task: PartitionTask) -> None:
        if self.consumer is not None and task.tp in self.consumer.assignment():
            self.consumer.resume(task.tp)
        task.paused = False

    def highwater(self, tp: TopicPartition) -> int | None:
        if self.consumer is None:
            return None
        try:
            value: int | None = self.consumer.highwater(tp)
        except (AssertionError, KeyError):  # not assigned any more
            return None
        return value

    async def commit_offsets(self, offsets: dict[TopicPartition, int]) -> None:
        await self._client(self.consumer).commit(offsets)

    @staticmethod
    def _client(client: _Client | None) -> _Client:
        if client is None:
            raise RuntimeError("the runtime's Kafka clients are used before on_start created them")
        return client

    # --- rebalances --------------------------------------------------------------------------

    async def revoke(self, revoked: set[TopicPartition]) -> None:
        """Let every task finish and commit its batch, then stop its producer: the partition moves on."""
        self.rebalancing = True
        REBALANCES.inc()
        tasks = [self.tasks.pop(tp) for tp in revoked if tp in self.tasks]
        await asyncio.gather(*(task.stop() for task in tasks))
        await asyncio.gather(*(_stop_producer(task.producer) for task in tasks if task.producer is not
                               self._shared_producer))
        self.assigned -= set(revoked)

    async def assign(self, assigned: set[TopicPartition]) -> None:
        """Start a producer per partition (fencing its previous owner), recover tables, seek, start."""
        self.recovering = True
        try:
            consumer = self._client(self.consumer)
            tps = sorted(assigned)
            producers = await asyncio.gather(*(self._partition_producer(tp) for tp in tps))
            tables = {tp: [self._table_of(tp)] for tp in tps}
            await recover(self.client_config(), [entry for entries in tables.values() for entry in entries])
            for entries in tables.values():
                for table, _ in entries:
                    self.stores.mark_recovered(table)
            starts = await self._committed(consumer, tps)
            for tp, producer in zip(tps, producers, strict=True):
                consumer.seek(tp, starts[tp])
                role = ENRICH if tp.topic == self.settings.topics.raw else COUNT
                task = PartitionTask(self, tp, role, producer, tables[tp], starts[tp])
                self.tasks[tp] = task
            self.wake.set()
            self.assigned = set(assigned)
            raw = self.settings.topics.raw
            ASSIGNED_PARTITIONS.set(sum(1 for tp in assigned if tp.topic == raw))
            for labels in list(_gauge_labels(CONSUMER_LAG)):
                if TopicPartition(labels[0], int(labels[1])) not in assigned:
                    CONSUMER_LAG.remove(*labels)
            log.info("assigned %s", ", ".join(f"{tp.topic}[{tp.partition}]@{starts[tp]}" for tp in tps) or "nothing",
                     extra={"event": "assigned"})
        except BaseException as exc:  # noqa: BLE001 - the listener's errors would only be logged by aiokafka
            await self.on_fatal(exc)
        finally:
            self.recovering = False
            self.rebalancing = False

    async def _partition_producer(self, tp: TopicPartition) -> AIOKafkaProducer:
        if not self.transactional:
            return self._client(self._shared_producer)
        role = ENRICH if tp.topic == self.settings.topics.raw else COUNT
        producer = self._producer(f"{self.group_id}-{role}-{tp.partition}")
        # Starting it fences the partition's previous owner and ends its open transaction, so the
        # committed offset read after this is final.
        await producer.start()
        return producer

    def _table_of(self, tp: TopicPartition) -> tuple[Table, str]:
        name = SEEN_IDS if tp.topic == self.settings.topics.raw else COUNTS
        return self.stores.table(name, tp.partition), f"{self.settings.app_id}-{name}-changelog"

    async def _committed(self, consumer: AIOKafkaConsumer, tps: list[TopicPartition]) -> dict[TopicPartition, int]:
        starts: dict[TopicPartition, int] = {}
        missing = []
        for tp in tps:
            committed = await consumer.committed(tp)
            if committed is None:
                missing.append(tp)
            else:
                starts[tp] = committed
        if missing:
            starts.update(await consumer.beginning_offsets(missing))
        return starts

    # --- errors ------------------------------------------------------------------------------

    async def on_batch_error(self, task: PartitionTask, exc: BaseException) -> None:
        """The one place a batch's error goes: log it and stop the worker (a restart replays)."""
        log.error("batch of %s[%d] failed: %s", task.tp.topic, task.tp.partition, exc,
                  extra={"topic": task.tp.topic, "partition": task.tp.partition, "event": "batch_error"})
        await self.on_fatal(exc)

    async def on_fatal(self, exc: BaseException) -> None:
        refusal = denied(exc, self.client, _OPERATION_REFUSED.get(type(exc), "use"))
        if refusal is not None:
            exc = KafkaAccessDenied(refusal)
        if self.error is None:
            self.error = exc
        await self.crash(exc if isinstance(exc, NewsworkerError) else _wrap(exc))

    # --- the story index every worker reads whole ---------------------------------------------

    async def _start_story_reader(self) -> None:
        reader = AIOKafkaConsumer(
            **self.client_config(), group_id=None, enable_auto_commit=False, isolation_level="read_committed",
            auto_offset_reset="earliest",
        )
        await reader.start()
        self._story_reader = reader
        tp = TopicPartition(self.topics.story_index, 0)
        reader.assign([tp])
        await reader.seek_to_beginning(tp)
        self._story_end = (await reader.end_offsets([tp]))[tp]
        if self._story_end == 0:
            self.stories_ready.set()

    async def _follow_story_index(self) -> None:
        reader = self._client(self._story_reader)
        tp = TopicPartition(self.topics.story_index, 0)
        while not self.should_stop:
            batch = await reader.getmany(timeout_ms=200, max_records=5000)
            for records in batch.values():
                for record in records:
                    if record.key is None or record.value is None:
                        continue
                    item_id = record.key.decode("utf-8")
                    if item_id not in self.stories.items:  # this worker's own items are in already
                        self.stories.apply(item_id, orjson.loads(record.value))
            if not self.stories_ready.is_set() and await reader.position(tp) >= self._story_end:
                log.info("story index loaded: %d items", len(self.stories.items), extra={"event": "stories_ready"})
                self.stories_ready.set()

    async def _gauges(self) -> None:
        while not self.should_stop:
            sizes: dict[str, int] = collections.Counter()
            for (name, _), table in list(self.stores.tables.items()):
                sizes[name] += len(table)
            for name, size in sizes.items():
                TABLE_KEYS.labels(name).set(size)
            TABLE_KEYS.labels("story-index").set(len(self.stories.items))
            await self.sleep(15.0)

    # --- what the query API reads --------------------------------------------------------------

    def count_tables(self) -> list[Table]:
        """The counting table partitions this worker owns now."""
        return [task.tables[0][0] for tp, task in self.tasks.items() if task.role == COUNT]

    def owns_count_key(self, key: str) -> tuple[bool, str | None]:
        """Whether this worker owns a counting key, and else the URL of the one that does."""
        from worker.runtime.membership import partition_for_key

        partition = partition_for_key(key.encode("utf-8"), self.settings.partitions)
        tp = TopicPartition(self.topics.counts, partition)
        if tp in self.tasks:
            return True, None
        return False, self.assignor.owner(self.topics.counts, partition)


def _gauge_labels(gauge: Any) -> Iterable[tuple[str, ...]]:
    samples = gauge.collect()[0].samples
    return [(s.labels["topic"], s.labels["partition"]) for s in samples]


class _Unexpected(NewsworkerError):
    """An error the runtime did not foresee; a restart may get past it."""

    retriable = True


#: What the runtime was doing when the cluster refused it, by the refusal's kind.
_OPERATION_REFUSED: dict[type[BaseException], str] = {
    kafka_errors.GroupAuthorizationFailedError: "join",
    kafka_errors.TransactionalIdAuthorizationFailed: "use",
    kafka_errors.TopicAuthorizationFailedError: "read or write",
}


def _wrap(exc: BaseException) -> NewsworkerError:
    wrapped = _Unexpected(f"{type(exc).__name__}: {exc}")
    wrapped.__cause__ = exc
    return wrapped


async def _stop_producer(producer: AIOKafkaProducer) -> None:
    await _stop_client(producer)


async def _stop_client(client: Any) -> None:
    try:
        await client.stop()
    except Exception as exc:  # noqa: BLE001 - stopping anyway
        log.warning("stopping a Kafka client failed: %r", exc)
