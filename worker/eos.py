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
  Records of co-partitioned table changelogs keep Faust's routing; global
  tables' records, written to partitions another worker may own, join a
  transaction this worker owns.
- SerializedCommitConsumer commits only between items: the agent holds
  ``processing_lock`` while it processes an item and acks it, and the commit
  takes the same lock, flushes the table changelog buffer into the open
  transactions, and only then snapshots the acked offsets.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

import faust
from aiokafka.errors import IllegalOperation
from faust.exceptions import ProducerSendError
from faust.streams import current_event
from faust.transport.consumer import TransactionManager
from faust.transport.drivers.aiokafka import Consumer as AIOKafkaConsumer
from faust.types import TP, RecordMetadata

__all__ = ["SourcePartitionTransactionManager", "SerializedCommitConsumer", "install", "processing_lock"]


class SourcePartitionTransactionManager(TransactionManager):
    """Puts the outputs of an event in the transaction of the partition the event came from."""

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
        candidates: list[str] = []
        own_tid = self._tid_for(topic, destination)
        if self._is_copartitioned_changelog(topic) and own_tid is not None:
            # The destination partition of a co-partitioned table's changelog is its source
            # partition, so it names the right transaction; and its buffered records may be flushed
            # from any agent's task, whose current event did not make them.
            candidates.append(own_tid)
        elif event is not None:
            candidates.append(self._tid(event.message.tp))
        if own_tid is not None:
            candidates.append(own_tid)
        # A global table's record goes to partitions another worker may own; after a rebalance a
        # late record may name a transaction this worker has given up. Any open transaction of
        # this worker carries it, and without one it is written outside transactions rather than lost.
        candidates.extend(sorted(getattr(self.producer, "_transaction_producers", {})))
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
            return result
        # No open transaction (after the last commit of a rebalance or shutdown): every record of a
        # committed offset was flushed before that commit, under the lock all agents hold while they
        # process an event, so this one belongs to an event whose offset is not committed and that
        # will be processed again. Dropping it is what exactly-once needs; the failed
        # future is logged by Faust as a warning instead of crashing the send buffer.
        dropped: asyncio.Future[RecordMetadata] = asyncio.get_running_loop().create_future()
        dropped.set_exception(ProducerSendError(f"no open transaction for a record to {topic}; its event is replayed"))
        return dropped

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


class SerializedCommitConsumer(AIOKafkaConsumer):
    """A consumer whose offset commits never fall in the middle of an item."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.processing_lock = asyncio.Lock()

    async def force_commit(self, topics: Any = None, start_new_transaction: bool = True) -> bool:
        async with self.processing_lock:
            # Table writes go through a send buffer; drain it so they join the
            # transaction that commits the offsets of the items that made them.
            await self.app.producer.buffer.flush()
            committed: bool = await super().force_commit(topics, start_new_transaction=start_new_transaction)
            return committed


def install(app: faust.App) -> None:
    """Use the classes above for this app's consumer and transactions."""
    transport = app.transport
    transport.Consumer = SerializedCommitConsumer  # type: ignore[misc]
    transport.TransactionManager = SourcePartitionTransactionManager  # type: ignore[misc]


def processing_lock(app: faust.App) -> asyncio.Lock:
    """The lock an agent holds while it processes one event, shared with the offset commit."""
    lock: asyncio.Lock = getattr(app.consumer, "processing_lock", None) or asyncio.Lock()
    return lock
