"""The commit of one batch of one input partition, in order, as an explicit state machine.

    IDLE -> OPEN -> FLUSHED -> COMMITTED -> APPLIED
              \\--------\\-------> ABORTED

1. OPEN: begin the transaction and hand every output and one changelog record
   per dirty key to the producer.
2. FLUSHED: every one of those records was acknowledged. aiokafka commits a
   transaction even when the broker refused a record in it, which would commit
   the input offsets of items whose outputs are missing: so the commit waits
   for each record's own answer first, and aborts on a refusal.
3. COMMITTED: the input offset joined the transaction
   (``send_offsets_to_transaction``) and the transaction committed.
4. APPLIED: the tables' pending writes became their committed view and were
   written to the local store. An aborted batch leaves no trace in either.

Under at-least-once there is no transaction: the records are flushed, then the
offset is committed through the consumer.
"""

from __future__ import annotations

import asyncio
import enum
import functools
import logging
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaProducer, TopicPartition
from aiokafka import errors as kafka_errors
from aiokafka.structs import OffsetAndMetadata, RecordMetadata

from worker.errors import BrokerUnavailable, OutputRejected
from worker.runtime.membership import partition_for_key
from worker.stages import Output
from worker.state.table import Table

__all__ = ["CheckpointState", "Checkpoint", "REFUSED_FOR_GOOD", "lost_connection"]

log = logging.getLogger(__name__)


class CheckpointState(enum.Enum):
    IDLE = "idle"
    OPEN = "open"
    FLUSHED = "flushed"
    COMMITTED = "committed"
    APPLIED = "applied"
    ABORTED = "aborted"


#: Refusals no restart gets past: the record itself, the topic or the credentials must change.
#: Anything else (a sequence lost to request timeouts under a quota, a fenced or expired producer)
#: is gone with a fresh producer session and a replay from the committed offsets.
#: How long an aborting batch waits for its records' answers to learn why the producer failed.
_REFUSAL_WAIT_S = 2.0

REFUSED_FOR_GOOD: tuple[type[BaseException], ...] = (
    kafka_errors.MessageSizeTooLargeError,
    kafka_errors.RecordTooLargeError,
    kafka_errors.RecordListTooLargeError,
    kafka_errors.CorruptRecordException,
    kafka_errors.InvalidTopicError,
    kafka_errors.TopicAuthorizationFailedError,
    kafka_errors.TransactionalIdAuthorizationFailed,
    kafka_errors.ClusterAuthorizationFailedError,
    kafka_errors.UnsupportedVersionError,
    kafka_errors.InvalidRequiredAcksError,
)


def _partition(key: bytes | None, partitions: int) -> int:
    """Where Kafka's default partitioner puts a key; a record without one goes to any partition."""
    if key is None:
        return random.randrange(partitions)  # noqa: S311 - spreading load, not security
    return _keyed_partition(key, partitions)


@functools.lru_cache(maxsize=65_536)
def _keyed_partition(key: bytes, partitions: int) -> int:
    # Entity and speaker ids come again and again; murmur2 in Python is worth remembering.
    return partition_for_key(key, partitions)


def lost_connection(exc: BaseException) -> bool:
    """Whether a Kafka error comes from a connection lost or not yet back (anywhere in its causes)."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, kafka_errors.KafkaError) and getattr(cur, "retriable", False):
            return True
        if isinstance(cur, (ConnectionError, asyncio.IncompleteReadError)):
            return True
        cur = cur.__cause__ or cur.__context__
    return False


@dataclass(slots=True)
class Checkpoint:
    """One batch's commit for one input partition."""

    producer: AIOKafkaProducer
    source: TopicPartition
    #: The next input offset to read once this batch is done.
    next_offset: int
    group_id: str
    outputs: Sequence[Output]
    tables: Sequence[tuple[Table, str]]
    """Each table with its changelog topic; the changelog partition is the source partition. Their open
    batches are sealed when the checkpoint is made, so the next batch may run while this one commits."""
    transactional: bool = True
    #: Commits the offset under at-least-once (the consumer's commit).
    commit_offset: Callable[[dict[TopicPartition, int]], Awaitable[None]] | None = None
    #: Writes a table's committed changes to its local store (after the commit).
    persist: Callable[[Table, dict[str, Any]], None] | None = None
    state: CheckpointState = CheckpointState.IDLE
    changelog_offsets: dict[str, int] = field(default_factory=dict)
    changelog_records: list[tuple[str, list[tuple[bytes, bytes]]]] = field(default_factory=list)
    _handed_over: list[asyncio.Future[RecordMetadata]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.changelog_records = [(changelog, table.seal()) for table, changelog in self.tables]

    async def run(self) -> None:
        """Commit the batch, or abort it and raise an error that says whether a restart helps."""
        try:
            futures = await self._open()
            await self._flush(futures)
            await self._commit()
        except BaseException as exc:  # noqa: BLE001 - aborted, classified and raised again
            cause = await self._refusal_behind(exc)
            await self._abort()
            raise self._classify(cause) from cause
        self._apply()

    async def _refusal_behind(self, exc: BaseException) -> BaseException:
        """The refusal for good that ``exc`` stands for, when records already handed over carry one.

        A producer refused a partition of its transaction (an ACL) fails that partition's records
        and then every later send with "not in transaction": the first error says why, the later
        one does not. Waiting on the records also retrieves their errors, so none goes unread.
        """
        if isinstance(exc, (REFUSED_FOR_GOOD, asyncio.CancelledError)) or not self._handed_over:
            return exc
        await asyncio.wait(self._handed_over, timeout=_REFUSAL_WAIT_S)
        for future in self._handed_over:
            if future.done() and not future.cancelled():
                refused = future.exception()
                if isinstance(refused, REFUSED_FOR_GOOD):
                    return refused
        return exc

    async def _open(self) -> list[tuple[asyncio.Future[RecordMetadata], int]]:
        """Begin the transaction and hand every record to the producer, one record batch per partition.

        A batch built here and handed over whole (``create_batch``, ``send_batch``) costs the producer
        one enqueue per partition instead of one per record; each future answers for its whole batch.
        Returns each future with the number of records it carries.
        """
        if self.transactional:
            await self.producer.begin_transaction()
        self.state = CheckpointState.OPEN
        records = [(o.topic, o.partition, o.key, o.value) for o in self.outputs]
        for changelog, changes in self.changelog_records:
            records += [(changelog, self.source.partition, key, value) for key, value in changes]
        sizes: dict[str, int] = {}
        open_batches: dict[tuple[str, int], tuple[Any, int]] = {}
        futures: list[tuple[asyncio.Future[RecordMetadata], int]] = []
        for topic, partition, key, value in records:
            if partition is None:
                if topic not in sizes:
                    sizes[topic] = len(await self.producer.partitions_for(topic))
                partition = _partition(key, sizes[topic])
            builder, count = open_batches.get((topic, partition)) or (self.producer.create_batch(), 0)
            if builder.append(key=key, value=value, timestamp=None) is None:
                if count:  # full: send it and start the next one
                    futures.append((await self.producer.send_batch(builder, topic, partition=partition), count))
                    self._handed_over.append(futures[-1][0])
                    builder, count = self.producer.create_batch(), 0
                    open_batches[(topic, partition)] = (builder, count)
                if builder.append(key=key, value=value, timestamp=None) is None:
                    # larger than a whole batch: the producer sends it in a request of its own
                    futures.append((await self.producer.send(topic, value=value, key=key, partition=partition), 1))
                    self._handed_over.append(futures[-1][0])
                    continue
            open_batches[(topic, partition)] = (builder, count + 1)
        for (topic, partition), (builder, count) in open_batches.items():
            if count:
                futures.append((await self.producer.send_batch(builder, topic, partition=partition), count))
                self._handed_over.append(futures[-1][0])
        return futures

    async def _flush(self, futures: list[tuple[asyncio.Future[RecordMetadata], int]]) -> None:
        results = await asyncio.gather(*(future for future, _ in futures), return_exceptions=True)
        refused = next((r for r in results if isinstance(r, BaseException)), None)
        if refused is not None:
            raise refused
        changelogs = {changelog for _, changelog in self.tables}
        for result, (_, count) in zip(results, futures, strict=True):
            if isinstance(result, RecordMetadata) and result.topic in changelogs:
                last = result.offset + count - 1  # a batch's future gives its first offset
                self.changelog_offsets[result.topic] = max(self.changelog_offsets.get(result.topic, -1), last)
        self.state = CheckpointState.FLUSHED

    async def _commit(self) -> None:
        offsets = {self.source: self.next_offset}
        if self.transactional:
            await self.producer.send_offsets_to_transaction(
                {self.source: OffsetAndMetadata(self.next_offset, "")}, self.group_id)
            await self.producer.commit_transaction()
        elif self.commit_offset is not None:
            await self.commit_offset(offsets)
        self.state = CheckpointState.COMMITTED

    def _apply(self) -> None:
        for table, changelog in self.tables:
            written = table.commit()
            last = self.changelog_offsets.get(changelog)
            if last is not None:
                table.position = max(table.position, last + 1)
            if self.persist is not None and written:
                self.persist(table, written)
        self.state = CheckpointState.APPLIED

    async def _abort(self) -> None:
        for table, _ in self.tables:
            table.abort()
        previous, self.state = self.state, CheckpointState.ABORTED
        if not self.transactional or previous in (CheckpointState.IDLE, CheckpointState.COMMITTED):
            return
        try:
            await self.producer.abort_transaction()
        except Exception as exc:  # noqa: BLE001 - the producer is replaced after this anyway
            log.warning("aborting the transaction of %s failed too: %r", self.source, exc)

    def _classify(self, exc: BaseException) -> BaseException:
        if isinstance(exc, asyncio.CancelledError):
            return exc
        if isinstance(exc, kafka_errors.TopicAuthorizationFailedError):
            topic = exc.args[0] if exc.args else "?"
            return OutputRejected(
                f"not authorised to write to topic {topic} (no ACL grants it; see docs/operations.md): "
                f"a batch of {self.source.topic}[{self.source.partition}] was aborted, nothing of it committed",
                retriable=False)
        if isinstance(exc, REFUSED_FOR_GOOD):
            return OutputRejected(
                f"the broker refused an output record of {self.source.topic}[{self.source.partition}] "
                f"({type(exc).__name__}: {exc}); nothing of the batch was committed", retriable=False)
        if lost_connection(exc):
            return BrokerUnavailable(
                f"the broker went away while the batch of {self.source.topic}[{self.source.partition}] was committing "
                f"({type(exc).__name__}: {exc}); nothing of it counts unless it committed whole")
        return OutputRejected(
            f"the batch of {self.source.topic}[{self.source.partition}] could not commit "
            f"({type(exc).__name__}: {exc}); nothing of it was committed, and it is processed again after the restart",
            retriable=True)
