"""Topics a worker creates at start are in the broker's metadata before it joins its group."""

from __future__ import annotations

import asyncio
import uuid

from aiokafka import AIOKafkaConsumer, TopicPartition

from worker.kafka_io import ensure_topics
from worker.settings import load_settings


def test_a_consumer_joining_right_after_ensure_topics_is_assigned_every_partition(kafka_bootstrap: str) -> None:
    prefix = f"t{uuid.uuid4().hex[:10]}"
    settings = load_settings(
        {"KAFKA_BOOTSTRAP": kafka_bootstrap, "NEWSWORKER_TOPIC_PREFIX": prefix, "NEWSWORKER_PARTITIONS": "4"}
    )
    internal = {f"{prefix}-table-changelog": (4, "compact"), f"{prefix}-queue": (4, "delete")}

    async def run() -> tuple[list[str], set[TopicPartition]]:
        created = await ensure_topics(settings, internal)
        # joins its group at once, as a worker does after ensure_topics
        consumer = AIOKafkaConsumer(*created, bootstrap_servers=kafka_bootstrap, group_id=f"g-{prefix}")
        await consumer.start()
        try:
            for _ in range(40):
                await consumer.getmany(timeout_ms=250)
                if consumer.assignment():
                    break
            return created, set(consumer.assignment())
        finally:
            await consumer.stop()

    created, assigned = asyncio.run(run())
    assert len(created) == 8, created
    assert assigned == {TopicPartition(name, p) for name in created for p in range(4)}
