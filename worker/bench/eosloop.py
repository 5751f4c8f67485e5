"""The benchmark's fair floor for exactly-once: a plain aiokafka transactional batch loop, no parsing.

Run as ``python -m worker.bench.eosloop BOOTSTRAP IN_TOPIC OUT_TOPIC GROUP BATCH COMMIT_MS READY_FILE``.
A consumer group member (read_committed, no auto-commit) with one transactional
producer per input partition, as the worker has: each batch of a partition (up to
BATCH records, fetched within COMMIT_MS) is copied to OUT_TOPIC, its offsets are
sent to the transaction, and it commits; partitions commit concurrently. It writes
the number of partitions it holds to READY_FILE once assigned, and runs until SIGTERM.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.structs import ConsumerRecord, OffsetAndMetadata

from worker.kafka_clients import client_for

__all__ = ["eos_loop", "main"]


class _Producers(ConsumerRebalanceListener):  # type: ignore[misc]  # aiokafka leaves it untyped
    def __init__(self, bootstrap: str, group: str, ready_file: Path) -> None:
        self.client, self.group, self.ready_file = client_for(bootstrap), group, ready_file
        self.producers: dict[TopicPartition, AIOKafkaProducer] = {}

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        for tp in revoked:
            producer = self.producers.pop(tp, None)
            if producer is not None:
                await producer.stop()

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        for tp in assigned:
            producer = AIOKafkaProducer(
                **self.client.kwargs(), transactional_id=f"{self.group}-{tp.partition}",
                enable_idempotence=True, acks="all", linger_ms=2, max_batch_size=256 * 1024,
                max_request_size=8 * 1024 * 1024)
            await producer.start()
            self.producers[tp] = producer
        await asyncio.to_thread(self.ready_file.write_text, str(len(assigned)))


async def _commit(producer: AIOKafkaProducer, sink: str, tp: TopicPartition,
                  records: list[ConsumerRecord[bytes, bytes]], group: str) -> None:
    async with producer.transaction():
        futures = [await producer.send(sink, value=r.value, key=r.key) for r in records]
        await asyncio.gather(*futures)
        await producer.send_offsets_to_transaction({tp: OffsetAndMetadata(records[-1].offset + 1, "")}, group)


async def eos_loop(bootstrap: str, source: str, sink: str, group: str, batch: int, commit_ms: int,
                   ready_file: Path) -> None:
    """Copy records from source to sink, exactly once, until SIGTERM."""
    producers = _Producers(bootstrap, group, ready_file)
    consumer = AIOKafkaConsumer(
        **producers.client.kwargs(), group_id=group, enable_auto_commit=False, auto_offset_reset="earliest",
        isolation_level="read_committed", max_partition_fetch_bytes=4 * 1024 * 1024,
    )
    consumer.subscribe([source], listener=producers)
    await consumer.start()
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    try:
        while not stop.is_set():
            fetched = await consumer.getmany(timeout_ms=commit_ms, max_records=batch * max(1, len(producers.producers)))
            await asyncio.gather(*(_commit(producers.producers[tp], sink, tp, records, group)
                                   for tp, records in fetched.items() if records and tp in producers.producers))
    finally:
        await consumer.stop()
        for producer in producers.producers.values():
            await producer.stop()


def main() -> int:
    bootstrap, source, sink, group, batch, commit_ms, ready = sys.argv[1:8]
    asyncio.run(eos_loop(bootstrap, source, sink, group, int(batch), int(commit_ms), Path(ready)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
