"""Exactly-once for real: each item's outputs join the transaction that commits its input offset.

faust-streaming opens one Kafka transaction per input partition, but routes
every send to the transaction of the *destination* partition. An item read
from news.raw partition 0 whose enriched event is keyed to partition 2 is then
written in partition 2's transaction, while its input offset is committed in
partition 0's; a crash between the two commits loses or doubles it. The commit
also runs as a separate task, so it can commit an item's first outputs before
the item has finished and been acked; after a crash that item is processed
again and its early outputs appear twice. Both were seen in the SIGKILL test
(tests/integration/test_faults.py).

The two classes here fix that where it happens:

- SourcePartitionTransactionManager sends every message an agent produces
  while it processes an event in the transaction of that event's source
  partition, so outputs and the input offset commit or abort together.
  Records of co-partitioned table changelogs keep Faust's routing.
- SerializedCommitConsumer commits only between items: the agent holds
  ``processing_lock`` while it processes an item and acks it, and the commit
  takes the same lock, flushes the table changelog buffer into the open
  transactions, and only then snapshots the acked offsets.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Mapping
from functools import partial
from typing import Any

import faust
from aiokafka import errors
from aiokafka.errors import IllegalOperation
from faust.exceptions import ProducerSendError
from faust.streams import current_event
from faust.transport.consumer import TransactionManager
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread, ensure_aiokafka_TP
from faust.transport.drivers.aiokafka import Consumer as AIOKafkaConsumer
from faust.transport.drivers.aiokafka import Producer as AIOKafkaProducerBase
from faust.types import TP, Message, RecordMetadata

from worker.errors import BrokerUnavailable, OutputRejected

__all__ = [
    "SourcePartitionTransactionManager", "SerializedCommitConsumer", "BrokerHighwaterConsumerThread",
    "PatientTransactionProducer", "install", "lost_connection",
    "processing_lock", "first_delivery", "head_gap_fill",
]


class SourcePartitionTransactionManager(TransactionManager):
    """Puts the outputs of an event in the transaction of the partition the event came from."""

    #: Transactional id -> the first error a record sent in its open transaction failed with.
    #: aiokafka fails a batch the broker refuses for good but still commits the transaction
    #: around it, which would commit the input offsets of items whose outputs are missing.
    rejected: dict[str, BaseException]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rejected = {}

    async def send(
        self,
        topic: str,
        key: bytes | None,
        value: bytes | None,
        partition: int | None,
        timestamp: float | None,
        headers: Any,
        *,
        transactional_id: str | None = None,
    ) -> Awaitable[RecordMetadata]:
        event = current_event()
        destination = self.consumer.key_partition(topic, key, partition)
        own_tid = self._tid_for(topic, destination)
        tid: str | None
        if self._is_copartitioned_changelog(topic):
            # The destination partition of a co-partitioned table's changelog is its source
            # partition, so it names the right transaction; and its buffered records may be flushed
            # from any agent's task, whose current event did not make them.
            tid = own_tid
        elif event is not None:
            tid = self._tid(event.message.tp)
        else:
            tid = own_tid
        candidates = [] if tid is None else [tid]
        for tid in dict.fromkeys(candidates):
            # Ownership, not "in a transaction right now": between a commit and the next begin the
            # producer is briefly outside one, and Faust's per-transaction lock makes the send wait.
            if not self._owned(tid):
                continue
            try:
                result: Awaitable[RecordMetadata] = await self.producer.send(
                    topic, key, value, destination, timestamp, headers, transactional_id=tid
                )
            except (IllegalOperation, ProducerSendError):
                continue  # the transaction closed while we waited for it (a rebalance or shutdown)
            if isinstance(result, asyncio.Future):
                result.add_done_callback(partial(self._on_delivered, tid, topic))
            return result
        # No open transaction (after the last commit of a rebalance or shutdown): every record of a
        # committed offset was flushed before that commit, under the lock all agents hold while they
        # process an event, so this one belongs to an event whose offset is not committed and that
        # will be processed again. Dropping it is what exactly-once needs; the failed
        # future is logged by Faust as a warning instead of crashing the send buffer.
        dropped: asyncio.Future[RecordMetadata] = asyncio.get_running_loop().create_future()
        dropped.set_exception(ProducerSendError(f"no open transaction for a record to {topic}; its event is replayed"))
        return dropped

    async def on_rebalance(self, assigned: set[TP], revoked: set[TP], newly_assigned: set[TP]) -> None:
        """Keep a transactional producer for exactly the partitions this worker now processes.

        Faust stops the producers of revoked partitions only when they are not standbys; but a
        revoked active partition usually becomes a standby of the same worker, so its producer
        lived on after the new owner had fenced it, and every later send or commit through it
        failed with ProducerFenced once the partition came back. Here every producer whose
        partition is no longer active here is stopped, and every kept one starts a fresh
        transaction.
        """
        producers = getattr(self.producer, "_transaction_producers", {})
        keep = self._tps_to_transactional_ids(assigned)
        stale = sorted(set(producers) - keep)
        if stale:
            self.log.info("Stopping %d transactional producers of partitions now elsewhere: %s", len(stale), stale)
            await self._stop_transactions(stale)
        # Whatever a kept partition's transaction still holds was not committed before the
        # rebalance, and Faust has forgotten those acks and seeks back to the committed offset:
        # the same events are processed again. Left open, the transaction would commit their
        # outputs twice.
        leftover = sorted(tid for tid in keep if tid in producers and _in_transaction(producers[tid]))
        if leftover:
            self.log.info("Aborting uncommitted transactions of %d kept partitions: %s", len(leftover), leftover)
            for tid in leftover:
                await self.producer.abort_transaction(tid)
        self.rejected.clear()  # those transactions are aborted or gone
        idle = sorted(tid for tid in keep if tid not in producers or not _in_transaction(producers[tid]))
        if idle:
            self.log.info("Beginning transactions of %d partitions: %s", len(idle), idle)
            await self._start_transactions(idle)
        # Faust ends every transaction before a rebalance; from here commits may run again.
        consumer = self.consumer
        if isinstance(consumer, SerializedCommitConsumer):
            consumer.transactions_open = True

    def _on_delivered(self, tid: str, topic: str, future: asyncio.Future[RecordMetadata]) -> None:
        if future.cancelled() or future.exception() is None:
            return
        exc = future.exception()
        if tid in getattr(self.producer, "_transaction_producers", {}) and tid not in self.rejected:
            self.rejected[tid] = exc if exc is not None else RuntimeError("unknown")
            self.log.error("A record to %s was rejected in transaction %s: %r", topic, tid, exc)

    def _tid_for(self, topic: str, partition: int | None) -> str | None:
        """The transaction of a partition of a topic this app consumes; None for output-only topics."""
        try:
            group = self.app.assignor.group_for_topic(topic)
        except KeyError:
            return None
        return f"{self.app.conf.id}-{group}-{partition}"

    def _tid(self, source: TP) -> str:
        group = self.app.assignor.group_for_topic(source.topic)
        return f"{self.app.conf.id}-{group}-{source.partition}"

    def _owned(self, tid: str) -> bool:
        return tid in getattr(self.producer, "_transaction_producers", {})

    def _is_copartitioned_changelog(self, topic: str) -> bool:
        table = self.app.tables._changelogs.get(topic)  # type: ignore[attr-defined]  # no public lookup by topic
        return table is not None and not table.is_global


def _in_transaction(producer: Any) -> bool:
    manager = getattr(producer, "_txn_manager", None)
    return manager is not None and bool(manager.is_in_transaction())


class BrokerHighwaterConsumerThread(AIOKafkaConsumerThread):
    """Asks the broker for the highwaters that table recovery reads changelogs up to.

    Under transactions Faust answers from the last fetch response, which has no
    value for a partition not fetched since it was assigned: every highwater is
    then -1, and a worker that owned a changelog partition before (so has a
    persisted offset for it) crashes with a ConsistencyError when the partition
    comes back to it in a rebalance. A ListOffsets request made by a
    read_committed consumer returns the last stable offset: the same bound,
    known for every partition.
    """

    async def _highwaters(self, partitions: list[TP]) -> Any:
        return await self._ensure_consumer().end_offsets(partitions)


class SerializedCommitConsumer(AIOKafkaConsumer):
    """A consumer whose offset commits never fall in the middle of an item."""

    def _new_consumer_thread(self) -> AIOKafkaConsumerThread:
        return BrokerHighwaterConsumerThread(self, loop=self.loop, beacon=self.beacon)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.processing_lock = asyncio.Lock()
        self.transactions_open = True
        #: The highest offset processed per partition since the last assignment.
        self.last_processed: dict[TP, int] = {}
        #: Counts completed seeks to the committed offsets, so that a fetch can tell it is stale.
        self.seek_epoch = 0
        #: True while such a seek is under way.
        self.seeking = False
        #: ``seek_epoch`` when the fetch being handed out began, or -1 if a seek was under way.
        self.fetch_epoch = 0
        #: Where the last seek put each partition, until its first record after the seek is handed out.
        self.sought: dict[TP, int] = {}
        #: Offset ranges (inclusive) the consumer stepped over right after a seek: transaction
        #: markers and aborted records, which a read_committed consumer never hands out.
        self.skipped: dict[TP, list[tuple[int, int]]] = {}

    async def perform_seek(self) -> None:
        """Seek to the committed offsets; every record fetched before or during the seek is stale.

        Table recovery resumes the stream partitions *before* it seeks them to the committed
        offsets, and resuming flow afterwards empties the streams' buffers. Records fetched in
        between were dropped from the buffers, while the rest of their fetch was still handed
        out after the seek and moved the read offset past them, so their copies fetched again
        were discarded as already read: never processed, and the next commit went past them.
        Seen in the SIGTERM test (tests/integration/test_shutdown.py): the story queue's offsets
        28 to 30 were lost when the seek set the read offset back to 23 while the drain loop
        was handing out 31. ``getmany`` below drops what is left of such a fetch.
        """
        self.seeking = True
        try:
            await super().perform_seek()
            # aiokafka's seek_to_committed leaves a partition without a committed offset where
            # it is, which is wherever the stale fetch left it. auto_offset_reset is "earliest"
            # (see worker.app), so the committed position of such a partition is its start.
            uncommitted = [
                tp for tp in self.assignment()
                if self.app.topics.acks_enabled_for(tp.topic) and not self._read_offset.get(tp)
            ]
            if uncommitted:
                # An explicit offset, not seek_to_beginning: that leaves the position unset until a
                # reset request returns, and Faust's livelock detector asserts on it meanwhile.
                starts = await self._thread.earliest_offsets(*(ensure_aiokafka_TP(tp) for tp in uncommitted))
                await self._thread.seek_wait(starts)
        finally:
            self.seeking = False
            self.seek_epoch += 1
        for tp in self.assignment():
            # Holes seen before the seek are seen again when their neighbours are fetched again.
            self._gap.pop(tp, None)
            position = self._read_offset.get(tp)
            if position is not None:
                self.sought[tp] = position

    async def _wait_next_records(self, timeout: float) -> Any:  # noqa: ASYNC109 - Faust's signature
        self.fetch_epoch = -1 if self.seeking else self.seek_epoch
        result = await super()._wait_next_records(timeout)
        records = result[0]
        if records and self.fetch_epoch == self.seek_epoch:
            # What the client returned, before Faust filters anything: a record it drops (its
            # partition paused) was still there, and must not be taken for a skipped offset.
            for tp, fetched in records.items():
                start = self.sought.pop(tp, None)
                if start is not None and fetched and fetched[0].offset > start:
                    self.skipped.setdefault(tp, []).append((start, fetched[0].offset - 1))
        return result

    async def getmany(self, timeout: float) -> AsyncIterator[tuple[TP, Message]]:  # noqa: ASYNC109 - Faust's signature
        """Faust's fetch, minus the records fetched before or while the partitions were sought.

        When a fetch turns out stale, the rest of it is dropped and the partitions are sought to
        the committed offsets again (what Faust itself does when it fetched while flow was
        stopped): that undoes a read offset the drain loop set from a stale record, and refetches
        anything a fetch during the seek skipped. What was processed since is skipped by
        ``first_delivery``, and its outputs stay in the same open transaction.
        """
        async for tp, message in super().getmany(timeout):
            if self.fetch_epoch != self.seek_epoch:
                break
            if self._read_offset.get(tp) == 0 and message.offset > 1 and self.app.topics.acks_enabled_for(tp.topic):
                # Faust's drain loop notes the hole between the last read offset and this one
                # only when the last read offset is truthy, so the hole after a partition's
                # first record (offset 0) is never noted, and the partition is never committed
                # past it again. Note it here, as the drain loop would have.
                self.log.info("Noting offsets 1 to %d of %s as a gap after its first record", message.offset - 1, tp)
                await self._add_gap(tp, 1, message.offset)
            yield tp, message
        if self.fetch_epoch != self.seek_epoch:
            self.log.info("Dropped the rest of a fetch made before a seek; seeking to the committed offsets again")
            await self.perform_seek()

    async def force_commit(self, topics: Any = None, start_new_transaction: bool = True) -> bool:
        async with self.processing_lock:
            if self.in_transaction and not self.transactions_open:
                # The last commit before a rebalance or shutdown ended the transactions. Whatever
                # was acked since belongs to no transaction: its outputs were dropped, and its
                # offsets stay uncommitted so that the partition's next owner processes it again.
                return False
            # Table writes go through a send buffer; drain it so they join the
            # transaction that commits the offsets of the items that made them.
            await self.app.producer.buffer.flush()
            if self.in_transaction:
                await self._deliver_or_abort()
            try:
                committed: bool = await super().force_commit(topics, start_new_transaction=start_new_transaction)
            except errors.KafkaError as exc:
                # aiokafka wraps a connection lost mid-commit (the broker stopped while the
                # transaction's offsets were on their way) in errors it does not mark retriable,
                # and Faust then stops the worker for good.  The transaction is not committed, or
                # is committed whole; a fresh producer session fences whatever is left open.
                if not lost_connection(exc):
                    raise
                raise BrokerUnavailable(
                    f"the broker went away while a transaction was committing ({exc}); nothing of it "
                    "counts unless it committed whole, and the worker restarts itself"
                ) from exc
            if not start_new_transaction:
                self.transactions_open = False
            return committed

    async def on_partitions_revoked(self, revoked: set[TP]) -> None:
        """Abort the open transactions before Faust forgets which events were acked.

        Faust drops the acked offsets of revoked partitions (in a rebalance, all of them)
        first and commits afterwards, so that commit would carry the outputs of events whose
        offsets it no longer has: after the rebalance those events are processed again and
        their outputs come out twice. Aborting instead loses nothing: every event since the
        last commit is processed again from the committed offsets that Faust seeks to.
        """
        if self.in_transaction:
            async with self.processing_lock:
                self.transactions_open = False
                await self._abort_open_transactions("the partitions are being reassigned")
        await super().on_partitions_revoked(revoked)

    async def on_partitions_assigned(self, assigned: set[TP], generation_id: int = 0) -> None:
        """Forget the acks made while the transactions were closed for the rebalance.

        Events still in flight when the partitions were revoked finish and are acked after
        their transaction was aborted; their outputs are gone. Faust re-reads them from the
        committed offsets after the assignment, and a stale ack would let the next commit
        skip past them (or, left in the ack index, stop the re-read copies from being acked).
        """
        self.last_processed.clear()
        self.sought.clear()
        self.skipped.clear()
        if self.in_transaction:
            self._acked.clear()
            self._acked_index.clear()
            # Faust counts offsets it never saw between two read messages as a gap that may be
            # committed (transaction markers leave such holes). Positions read before the
            # rebalance would make the events re-read after it look like a gap.
            self._gap.clear()
            self._read_offset.clear()
        await super().on_partitions_assigned(assigned, generation_id)

    def _new_offset(self, tp: TP) -> int | None:
        """Faust's committable offset, with the offsets skipped right after a seek counted as done.

        Faust fills the holes between two records it reads from gaps it notes as it reads them,
        and refuses to commit while the first acked offset is more than one past the committed
        one. The hole between a seek and the first record after it is noted only if the read
        offset the seek set is still there when that record arrives; a rebalance or a second
        seek racing the fetch loses it, and then nothing of the partition is ever committed
        again: its transaction stays open, and read_committed subscribers see nothing past it
        until the broker aborts it (seen after two SIGKILLs in tests/integration/test_faults.py:
        the story queue's committed offset stayed at 1 with its next record at 435).
        """
        committed = self._committed_offset[tp]
        acked = self._acked[tp]
        skipped = self.skipped.get(tp)
        if committed is not None and acked and skipped:
            first_acked = min(acked)
            fill = head_gap_fill(committed, first_acked, skipped)
            if fill is not None:
                self.log.info("Counting offsets %d to %d of %s as skipped (transaction markers or aborted records)",
                              fill[0], fill[1], tp)
                self._gap[tp].addi(fill[0], fill[1] + 1)
                self._gap[tp].merge_overlaps()
            self.skipped[tp] = [(a, b) for a, b in skipped if b >= committed]
        offset: int | None = super()._new_offset(tp)
        return offset

    async def _add_gap(self, tp: TP, offset_from: int, offset_to: int) -> None:
        """Record the offsets between two read messages (transaction markers) as committable.

        Faust passes the offset of the message just read as ``offset_to`` and records the gap
        with it included, before the message is processed. A commit while it waits in a stream
        buffer then commits its offset: after a crash it is lost. And once it is acked, its
        offset is in the acked list twice and the commit stops at the duplicate, leaving the
        outputs of the items after it committed without their offsets (14 items came out twice
        after four consecutive markers on the story queue in a join-and-leave run).
        """
        await super()._add_gap(tp, offset_from, offset_to - 1)

    async def commit_and_end_transactions(self) -> None:
        """The last commit before a rebalance or shutdown: commit what is acked, abort the rest.

        Faust's version returns without committing when the periodic commit is running, and
        leaves transactions with nothing to commit open; their records would then block
        read_committed consumers until the partition's next owner fences them.
        """
        await self.maybe_wait_for_commit_to_finish()
        await self.force_commit(start_new_transaction=False)
        await self._abort_open_transactions("their events were not acked")

    async def _deliver_or_abort(self) -> None:
        """Wait until every record of the open transactions is delivered; abort them all if one was refused.

        Refusals the broker may lift (a partition offline, too few in-sync replicas) are retried
        until they succeed, so this waits, and the stream waits with it: back-pressure. A refusal
        for good aborts the transactions and stops the worker; nothing is committed without it.
        """
        producers = getattr(self.app.producer, "_transaction_producers", {})
        await asyncio.gather(*(p.flush() for p in producers.values() if _in_transaction(p)))
        transactions = self.transactions
        rejected = getattr(transactions, "rejected", None)
        if not rejected:
            return
        tid, exc = next(iter(rejected.items()))
        self.transactions_open = False
        await self._abort_open_transactions("an output record was refused")
        rejected.clear()
        retriable = not isinstance(exc, REFUSED_FOR_GOOD)
        raise OutputRejected(
            f"the broker refused an output record of transaction {tid} ({type(exc).__name__}: {exc}); "
            "nothing was committed, and the items are processed again after a restart"
            + (" (the worker restarts itself)" if retriable else ""),
            retriable=retriable,
        )

    async def _abort_open_transactions(self, why: str) -> None:
        producer = self.app.producer
        for tid, transaction_producer in list(getattr(producer, "_transaction_producers", {}).items()):
            if _in_transaction(transaction_producer):
                self.log.info("Aborting transaction %s (%s): its events will be processed again", tid, why)
                await producer.abort_transaction(tid)


def head_gap_fill(committed: int, first_acked: int, skipped: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The range between a committed offset and the first acked one, if every offset in it was skipped.

    Faust lets one offset after the committed one go unacked, so the range is
    ``committed + 1`` to ``first_acked - 1`` (inclusive); None when it is empty or
    any offset in it was not seen skipped, because that one may still be on its way.
    """
    low, high = committed + 1, first_acked - 1
    if low > high:
        return None
    covered_to = low - 1
    for start, end in sorted(skipped):
        if start > covered_to + 1:
            break
        covered_to = max(covered_to, end)
        if covered_to >= high:
            return low, high
    return None


def lost_connection(exc: BaseException) -> bool:
    """Whether a Kafka error comes from a connection lost or not yet back (anywhere in its causes)."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, errors.KafkaError) and getattr(cur, "retriable", False):
            return True
        if isinstance(cur, (ConnectionError, asyncio.IncompleteReadError)):
            return True
        cur = cur.__cause__ or cur.__context__
    return False


#: Refusals no restart gets past: the record itself, the topic or the credentials must change.
#: Anything else (OutOfOrderSequenceNumber after request timeouts under a quota, a fenced or
#: expired producer) is gone with a fresh producer session and a replay from the committed offsets.
REFUSED_FOR_GOOD: tuple[type[BaseException], ...] = (
    errors.MessageSizeTooLargeError,
    errors.RecordTooLargeError,
    errors.RecordListTooLargeError,
    errors.CorruptRecordException,
    errors.InvalidTopicError,
    errors.TopicAuthorizationFailedError,
    errors.TransactionalIdAuthorizationFailed,
    errors.ClusterAuthorizationFailedError,
    errors.UnsupportedVersionError,
    errors.InvalidRequiredAcksError,
)


#: How long a transaction may stay open before the broker aborts it. aiokafka's 60 s was outlived
#: by a commit under a quota; much longer would let an orphaned transaction (a worker gone, its
#: partitions not yet taken over) hold back read_committed subscribers for that long.
TRANSACTION_TIMEOUT_MS = 300_000


class PatientTransactionProducer(AIOKafkaProducerBase):
    """A producer whose transactions outlast a broker that throttles or briefly refuses writes.

    Under a quota the commit waits for every record of the open transactions (see
    ``SerializedCommitConsumer._deliver_or_abort``), and with producers throttled to 10 KB/s one
    commit took 10 s; the transactions outlived aiokafka's 60 s default, the coordinator aborted
    them (525 ProducerFenced errors in the log), and the worker stopped instead of waiting.
    """

    def _settings_extra(self) -> Mapping[str, Any]:
        return {**super()._settings_extra(), "transaction_timeout_ms": TRANSACTION_TIMEOUT_MS}


def install(app: faust.App) -> None:
    """Use the classes above for this app's consumer and transactions."""
    transport = app.transport
    transport.Consumer = SerializedCommitConsumer  # type: ignore[misc]
    transport.TransactionManager = SourcePartitionTransactionManager  # type: ignore[misc]
    transport.Producer = PatientTransactionProducer  # type: ignore[misc]


def first_delivery(app: faust.App, event: Any) -> bool:
    """False when this event's offset was already processed since the partition was assigned.

    Faust can hand a stream the same message twice: its duplicate filter lets the last-read
    offset through again (it compares with ``>=``), and a fetch in flight during the seek
    after recovery delivers it. Both copies would be processed, and in the same transaction,
    so both would be committed. Within one assignment offsets only grow; a replay after an
    aborted transaction always comes with a new assignment, which resets this.
    """
    consumer = app.consumer
    if not isinstance(consumer, SerializedCommitConsumer) or not consumer.in_transaction:
        return True  # at-least-once: a second copy is allowed, and skipping one is never worth a loss
    tp = event.message.tp
    offset: int = event.message.offset
    last = consumer.last_processed.get(tp)
    if last is not None and offset <= last:
        return False
    consumer.last_processed[tp] = offset
    return True


def processing_lock(app: faust.App) -> asyncio.Lock:
    """The lock an agent holds while it processes one event, shared with the offset commit."""
    lock: asyncio.Lock = getattr(app.consumer, "processing_lock", None) or asyncio.Lock()
    return lock
