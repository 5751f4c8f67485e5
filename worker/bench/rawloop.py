"""The benchmark's floor: a raw aiokafka consume-and-produce loop, bytes in and bytes out, no parsing.

Run as ``python -m worker.bench.rawloop BOOTSTRAP IN_TOPIC OUT_TOPIC PARTITIONS READY_FILE``.
It assigns itself the PARTITIONS partitions of IN_TOPIC (no consumer group, no offset commits,
no transactions), copies each record's key and value to OUT_TOPIC with the
worker's producer settings (acks=all, linger 5 ms, 256 KiB batches), and writes
the number of partitions it reads to READY_FILE once it is positioned.
It runs until SIGTERM.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from worker.kafka_clients import client_for

__all__ = ["copy_loop", "main"]


async def copy_loop(bootstrap: str, source: str, sink: str, partitions: int, ready_file: Path) -> None:
    """Copy records from source to sink until cancelled."""
    client = client_for(bootstrap)
    consumer = AIOKafkaConsumer(
        **client.kwargs(), group_id=None, enable_auto_commit=False, auto_offset_reset="earliest",
        max_partition_fetch_bytes=4 * 1024 * 1024, fetch_max_bytes=4 * 1024 * 1024,
    )
    producer = AIOKafkaProducer(
        **client.kwargs(), acks="all", linger_ms=5, max_batch_size=256 * 1024,
        max_request_size=8 * 1024 * 1024,
    )
    await consumer.start()
    await producer.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    try:
        assigned = [TopicPartition(source, p) for p in range(partitions)]
        consumer.assign(assigned)
        await consumer.seek_to_beginning(*assigned)
        for tp in assigned:
            await consumer.position(tp)
        await asyncio.to_thread(ready_file.write_text, str(len(assigned)))
        while not stop.is_set():
            batch = await consumer.getmany(timeout_ms=100, max_records=2000)
            for records in batch.values():
                for record in records:
                    await producer.send(sink, value=record.value, key=record.key)
    finally:
        await producer.stop()
        await consumer.stop()


def main() -> int:
    bootstrap, source, sink, partitions, ready = sys.argv[1:6]
    asyncio.run(copy_loop(bootstrap, source, sink, int(partitions), Path(ready)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
