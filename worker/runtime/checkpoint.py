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
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaProducer, TopicPartition
from aiokafka import errors as kafka_errors
from aiokafka.structs import OffsetAndMetadata, RecordMetadata

from worker.errors import BrokerUnavailable, OutputRejected
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

    def __post_init__(self) -> None:
        self.changelog_records = [(changelog, table.seal()) for table, changelog in self.tables]

    async def run(self) -> None:
        """Commit the batch, or abort it and raise an error that says whether a restart helps."""
        try:
            futures = await self._open()
            await self._flush(futures)
            await self._commit()
        except BaseException as exc:
            await self._abort()
            raise self._classify(exc) from exc
        self._apply()

    async def _open(self) -> list[asyncio.Future[RecordMetadata]]:
        if self.transactional:
            await self.producer.begin_transaction()
        self.state = CheckpointState.OPEN
        send = self.producer.send
        futures: list[asyncio.Future[RecordMetadata]] = []
        for output in self.outputs:
            futures.append(await send(output.topic, value=output.value, key=output.key, partition=output.partition))
        for changelog, records in self.changelog_records:
            for key, value in records:
                futures.append(await send(changelog, value=value, key=key, partition=self.source.partition))
        return futures

    async def _flush(self, futures: list[asyncio.Future[RecordMetadata]]) -> None:
        results = await asyncio.gather(*futures, return_exceptions=True)
        refused = next((r for r in results if isinstance(r, BaseException)), None)
        if refused is not None:
            raise refused
        changelogs = {changelog for _, changelog in self.tables}
        for result in results:
            if isinstance(result, RecordMetadata) and result.topic in changelogs:
                self.changelog_offsets[result.topic] = max(self.changelog_offsets.get(result.topic, -1), result.offset)
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
