"""The commit of one batch, step by step, against a stand-in producer (the integration tier uses the real broker)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiokafka import TopicPartition
from aiokafka import errors as kafka_errors
from aiokafka.structs import RecordMetadata

from worker.errors import OutputRejected
from worker.runtime.checkpoint import Checkpoint, CheckpointState
from worker.stages import Output
from worker.state.table import Table

SOURCE = TopicPartition("news.raw", 2)


class _Batch:
    def __init__(self) -> None:
        self.records: list[tuple[bytes | None, bytes]] = []

    def append(self, *, key: bytes | None, value: bytes, timestamp: float | None) -> object:
        self.records.append((key, value))
        return object()


class _Producer:
    """Records the calls a checkpoint makes; a record to ``refuse_topic`` fails with ``refusal``."""

    def __init__(self, refuse_topic: str | None = None, refusal: BaseException | None = None) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.refuse_topic = refuse_topic
        self.refusal = refusal
        self.offset = 0

    async def begin_transaction(self) -> None:
        self.calls.append(("begin",))

    async def partitions_for(self, topic: str) -> set[int]:
        return {0, 1, 2, 3}

    def create_batch(self) -> _Batch:
        return _Batch()

    async def send_batch(self, batch: _Batch, topic: str, *, partition: int) -> asyncio.Future[RecordMetadata]:
        self.calls.append(("send", topic, [key for key, _ in batch.records], partition))
        future: asyncio.Future[RecordMetadata] = asyncio.get_running_loop().create_future()
        if topic == self.refuse_topic and self.refusal is not None:
            future.set_exception(self.refusal)
        else:
            tp = TopicPartition(topic, partition)
            future.set_result(RecordMetadata(topic, partition, tp, self.offset + 1, 0, 0, 0))
            self.offset += len(batch.records)
        return future

    async def send_offsets_to_transaction(self, offsets: dict[Any, Any], group_id: str) -> None:
        self.calls.append(("offsets", {tp: meta.offset for tp, meta in offsets.items()}, group_id))

    async def commit_transaction(self) -> None:
        self.calls.append(("commit",))

    async def abort_transaction(self) -> None:
        self.calls.append(("abort",))


def _checkpoint(producer: _Producer, table: Table) -> Checkpoint:
    return Checkpoint(
        producer=producer,  # type: ignore[arg-type]
        source=SOURCE, next_offset=41, group_id="g",
        outputs=[Output("news.enriched", b"x", b"{}"), Output("news.dlq", b"y", b"{}")],
        tables=[(table, "seen-changelog")],
    )


async def test_a_batch_commits_outputs_changelog_and_offset_in_one_transaction_in_order() -> None:
    table = Table("seen-ids", 2)
    table.set("x", [2, 40])
    producer = _Producer()
    checkpoint = _checkpoint(producer, table)
    await checkpoint.run()
    kinds = [call[0] for call in producer.calls]
    assert kinds == ["begin", "send", "send", "send", "offsets", "commit"]
    assert producer.calls[3] == ("send", "seen-changelog", [b"x"], 2)  # the changelog partition is the source's
    assert producer.calls[4] == ("offsets", {SOURCE: 41}, "g")
    assert checkpoint.state is CheckpointState.APPLIED
    assert dict(table.items()) == {"x": [2, 40]} and table.position == 4


async def test_a_refused_record_aborts_the_batch_and_leaves_no_state() -> None:
    table = Table("seen-ids", 2)
    table.set("x", [2, 40])
    producer = _Producer("news.dlq", kafka_errors.MessageSizeTooLargeError())
    checkpoint = _checkpoint(producer, table)
    with pytest.raises(OutputRejected) as raised:
        await checkpoint.run()
    assert not raised.value.retriable
    assert [call[0] for call in producer.calls][-1] == "abort" and ("commit",) not in producer.calls
    assert checkpoint.state is CheckpointState.ABORTED
    assert "x" not in table and table.position == 0


async def test_a_refusal_a_new_producer_gets_past_is_retriable() -> None:
    producer = _Producer("news.enriched", kafka_errors.OutOfOrderSequenceNumber())
    with pytest.raises(OutputRejected) as raised:
        await _checkpoint(producer, Table("seen-ids", 2)).run()
    assert raised.value.retriable


class _RefusedPartition(_Producer):
    """Like a producer whose transaction lost a partition to an ACL: the refused records fail, and
    every later send raises "not in transaction" without saying why."""

    async def send_batch(self, batch: _Batch, topic: str, *, partition: int) -> asyncio.Future[RecordMetadata]:
        if any(call[0] == "send" and call[1] == self.refuse_topic for call in self.calls):
            raise kafka_errors.IllegalOperation("Can't send messages while not in transaction")
        return await super().send_batch(batch, topic, partition=partition)


async def test_an_acl_refusal_is_named_even_when_a_later_send_fails_first() -> None:
    producer = _RefusedPartition("news.enriched", kafka_errors.TopicAuthorizationFailedError("news.enriched"))
    checkpoint = _checkpoint(producer, Table("seen-ids", 2))
    with pytest.raises(OutputRejected) as raised:
        await checkpoint.run()
    assert not raised.value.retriable
    assert "not authorised to write to topic news.enriched" in str(raised.value)
    assert producer.calls[-1] == ("abort",) and checkpoint.state is CheckpointState.ABORTED


class _SlowChangelog(_Producer):
    """Acknowledges changelog records only when the test says so: a write held back by the broker."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[asyncio.Future[RecordMetadata]] = []

    async def send_batch(self, batch: _Batch, topic: str, *, partition: int) -> asyncio.Future[RecordMetadata]:
        if topic != "seen-changelog":
            return await super().send_batch(batch, topic, partition=partition)
        self.calls.append(("send", topic, [key for key, _ in batch.records], partition))
        future: asyncio.Future[RecordMetadata] = asyncio.get_running_loop().create_future()
        self.held.append(future)
        return future


async def test_the_commit_waits_for_a_changelog_write_held_back_past_the_commit_interval() -> None:
    table = Table("seen-ids", 2)
    table.set("x", [2, 40])
    producer = _SlowChangelog()
    running = asyncio.create_task(_checkpoint(producer, table).run())
    await asyncio.sleep(0.2)
    assert ("commit",) not in producer.calls and not running.done()
    assert "x" not in table.committed
    producer.held[0].set_result(RecordMetadata("seen-changelog", 2, TopicPartition("seen-changelog", 2), 7, 0, 0, 0))
    await running
    assert producer.calls[-1] == ("commit",) and table.committed == {"x": [2, 40]} and table.position == 8


class _SmallBatches(_Producer):
    """Batches of two records at most; a record of more than 100 bytes fits no batch."""

    def create_batch(self) -> _Batch:
        class Small(_Batch):
            def append(self, *, key: bytes | None, value: bytes, timestamp: float | None) -> object:
                if len(self.records) >= 2 or len(value) > 100:
                    return None
                return super().append(key=key, value=value, timestamp=timestamp)

        return Small()

    async def send(self, topic: str, value: bytes, key: bytes | None = None,
                   partition: int | None = None) -> asyncio.Future[RecordMetadata]:
        self.calls.append(("alone", topic, key, partition))
        future: asyncio.Future[RecordMetadata] = asyncio.get_running_loop().create_future()
        self.offset += 1
        future.set_result(RecordMetadata(topic, partition or 0, TopicPartition(topic, partition or 0), self.offset,
                                         0, 0, 0))
        return future


async def test_records_of_one_partition_go_in_batches_and_one_too_large_for_a_batch_alone() -> None:
    producer = _SmallBatches()
    outputs = [Output("out", None, b"v", partition=1) for _ in range(5)]
    outputs.append(Output("out", None, b"x" * 200, partition=1))
    checkpoint = Checkpoint(producer=producer,  # type: ignore[arg-type]
                            source=SOURCE, next_offset=1, group_id="g", outputs=outputs, tables=[])
    await checkpoint.run()
    sends = [call for call in producer.calls if call[0] in ("send", "alone")]
    assert [(call[0], len(call[2]) if call[0] == "send" else 1) for call in sends] == [
        ("send", 2), ("send", 2), ("send", 1), ("alone", 1)]  # each record once, none sent twice
    assert checkpoint.state is CheckpointState.APPLIED
