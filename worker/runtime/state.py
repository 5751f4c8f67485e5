"""Local stores of the tables, and their recovery from the changelog topics.

A table partition's committed state lives in three places: in memory (what the
batches and the API read), in its compacted changelog partition (the truth,
written inside each batch's transaction), and, with ``NEWSWORKER_STORE=rocksdb``,
in a local RocksDB with the changelog offset it reflects. The local store is
written only after a commit, so it never holds what an aborted transaction
wrote; recovery then reads only the changelog's tail from that offset. With
``memory`` a worker keeps what it had in this process (a partition that comes
back after a rebalance reads only what others wrote meanwhile) and reads the
whole changelog at start.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from worker.state.table import Table

__all__ = ["TableStores", "recover"]

log = logging.getLogger(__name__)

_POSITION_KEY = b"\x00position"


class TableStores:
    """Every table partition this worker has held, by (name, partition), and their local stores."""

    def __init__(self, kind: str, directory: Path) -> None:
        self.kind = kind
        self.directory = directory
        self.tables: dict[tuple[str, int], Table] = {}
        self._dbs: dict[tuple[str, int], Any] = {}

    def table(self, name: str, partition: int) -> Table:
        """The table partition, loaded from its local store the first time."""
        key = (name, partition)
        table = self.tables.get(key)
        if table is None:
            table = self.tables[key] = Table(name, partition)
            if self.kind == "rocksdb":
                self._load(table)
        return table

    def persist(self, table: Table, written: dict[str, Any]) -> None:
        """Write a committed batch's changes and the changelog position they reach."""
        db = self._dbs.get((table.name, table.partition))
        if db is None:
            return
        from rocksdict import WriteBatch

        batch = WriteBatch(raw_mode=True)
        for key, value in written.items():
            batch.put(key.encode("utf-8"), orjson.dumps(value))
        batch.put(_POSITION_KEY, str(table.position).encode("ascii"))
        db.write(batch)

    def mark_recovered(self, table: Table) -> None:
        """After recovery: the local store catches up with what was read from the changelog."""
        db = self._dbs.get((table.name, table.partition))
        if db is not None:
            self.persist(table, table.committed)

    def close(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()

    def _load(self, table: Table) -> None:
        from rocksdict import Options, Rdict

        path = self.directory / f"{table.name}-{table.partition}"
        path.parent.mkdir(parents=True, exist_ok=True)
        db = Rdict(str(path), Options(raw_mode=True))
        self._dbs[(table.name, table.partition)] = db
        for key, value in db.items():
            if not isinstance(key, bytes) or not isinstance(value, bytes):
                continue  # raw mode stores bytes only
            if key == _POSITION_KEY:
                table.position = int(value)
            else:
                table.committed[key.decode("utf-8")] = orjson.loads(value)


async def recover(
    consumer_config: dict[str, Any], tables: Sequence[tuple[Table, str]], *, timeout_s: float = 600.0,
) -> int:
    """Read each table's changelog partition from the table's position to its end; return the records read.

    The end is the last stable offset (read_committed): a transaction of a previous owner is
    already fenced and ended when this runs, since the new owner's producer has started.
    """
    wanted = {TopicPartition(changelog, table.partition): table for table, changelog in tables}
    if not wanted:
        return 0
    consumer = AIOKafkaConsumer(
        **consumer_config, group_id=None, enable_auto_commit=False, isolation_level="read_committed",
        auto_offset_reset="earliest",
    )
    await consumer.start()
    read = 0
    began = time.monotonic()
    try:
        consumer.assign(list(wanted))
        ends = await consumer.end_offsets(list(wanted))
        behind = {tp: table for tp, table in wanted.items() if table.position < ends[tp]}
        if behind:
            consumer.assign(list(behind))
            for tp, table in behind.items():
                consumer.seek(tp, table.position)
        while behind:
            if time.monotonic() - began > timeout_s:
                raise TimeoutError(f"table recovery did not reach the end of {sorted(map(str, behind))}")
            batch = await consumer.getmany(*behind, timeout_ms=200, max_records=5000)
            for tp, records in batch.items():
                table = behind[tp]
                for record in records:
                    table.restore(record.key, record.value, record.offset)
                read += sum(1 for _ in records)
            for tp in list(behind):
                position = await consumer.position(tp)
                if position >= ends[tp]:
                    behind[tp].position = max(behind[tp].position, ends[tp])
                    del behind[tp]
            await asyncio.sleep(0)
    finally:
        await consumer.stop()
    if read:
        log.info("recovered %d changelog records in %.1f s", read, time.monotonic() - began)
    return read
