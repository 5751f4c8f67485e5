"""A story queue whose first record is followed by an aborted transaction (a crashed owner's work).

The worker that takes the queue over must step over the aborted records, publish only what
was committed, and keep committing: if it never commits past the hole, its own transaction
stays open and read_committed subscribers see none of its output. The previous owner either
committed the first record before it crashed, or crashed before its first commit, so that
the new owner reads from the start.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import orjson
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.structs import OffsetAndMetadata

from tests.conftest import ROOT
from tests.integration.conftest import consume, decode
from worker.pipeline import enrich
from worker.state.stories import signature

pytestmark = [pytest.mark.integration]

ABORTED = 50
COMMITTED_AFTER = 10


def _queued(item_id: str) -> tuple[bytes, bytes]:
    samples = [orjson.loads(line) for line in (ROOT / "samples" / "news.jsonl").read_bytes().splitlines()]
    item = {**samples[int(item_id[-4:]) % len(samples)], "id": item_id}
    now = time.time()
    # The queue's record as the enrich stage writes it (worker.agents._process).
    queued = {"event": enrich(item), "sig": signature(f"{item.get('title') or ''}\n{item['body']}"),
              "when": now, "received": now}
    return item_id.encode(), orjson.dumps(queued)


async def _write_queue(bootstrap: str, queue: str, group: str, *, first_consumed: bool) -> list[str]:
    """Offset 0 committed, 2..51 aborted, 53..62 committed; returns the ids to publish.

    With ``first_consumed`` the group has consumed offset 0 already.
    """
    plan = [("done", 1, True), ("aborted", ABORTED, False), ("kept", COMMITTED_AFTER, True)]
    to_publish: list[str] = []
    for name, count, commit in plan:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, transactional_id=f"{group}-test-{name}")
        await producer.start()
        try:
            await producer.begin_transaction()
            for n in range(count):
                item_id = f"{name}-{n:04d}"
                key, value = _queued(item_id)
                await producer.send_and_wait(queue, key=key, value=value)
                if commit and (name == "kept" or not first_consumed):
                    to_publish.append(item_id)
            await (producer.commit_transaction() if commit else producer.abort_transaction())
        finally:
            await producer.stop()
    if not first_consumed:
        return to_publish
    # As if the queue's previous owner had processed offset 0 and crashed afterwards.
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        tp = TopicPartition(queue, 0)
        consumer.assign([tp])
        await consumer.commit({tp: OffsetAndMetadata(1, "")})
    finally:
        await consumer.stop()
    return to_publish


async def _committed_and_end(bootstrap: str, queue: str, group: str) -> tuple[int | None, int]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False,
                                isolation_level="read_committed")
    await consumer.start()
    try:
        tp = TopicPartition(queue, 0)
        consumer.assign([tp])
        committed = await consumer.committed(tp)
        end = (await consumer.end_offsets([tp]))[tp]
        return committed, end
    finally:
        await consumer.stop()


@pytest.mark.parametrize("first_consumed", [True, False], ids=["first-consumed", "from-the-start"])
def test_takeover_steps_over_an_aborted_run_and_keeps_committing(
    worker_factory: Any, kafka_bootstrap: str, first_consumed: bool
) -> None:
    worker = worker_factory(NEWSWORKER_PROCESSING_GUARANTEE="exactly_once")
    group = worker.env["NEWSWORKER_APP_ID"]
    queue = f"{group}-story-queue"
    worker.start()  # creates the topics
    worker.stop()
    to_publish = asyncio.run(_write_queue(kafka_bootstrap, queue, group, first_consumed=first_consumed))
    worker.start()

    async def collect() -> list[str]:
        ids: list[str] = []
        async for record in consume(kafka_bootstrap, [worker.topics["enriched"]], until=len(to_publish),
                                    timeout_s=120, settle_s=3):
            ids.append(decode(record.value)["id"])
        return ids

    published = asyncio.run(collect())
    assert sorted(published) == sorted(to_publish), published

    deadline = time.monotonic() + 60
    committed, end = asyncio.run(_committed_and_end(kafka_bootstrap, queue, group))
    while (committed or 0) < end - 1 and time.monotonic() < deadline:
        time.sleep(1)
        committed, end = asyncio.run(_committed_and_end(kafka_bootstrap, queue, group))
    # The last record is at end - 2 (a commit marker follows it), so end - 1 means all of it is done.
    assert committed is not None and committed >= end - 1, (committed, end, worker.log_tail(20))
