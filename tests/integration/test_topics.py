"""Topics a worker creates at start are in the broker's metadata before it joins its group."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from tests.conftest import ROOT
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


def test_produce_before_the_worker_creates_the_input_with_the_configured_partitions(
    kafka_bootstrap: str, worker_factory: Any, tmp_path: Path,
) -> None:
    """The broker creates no topic on first use; `produce` creates the one it writes as the worker would,
    so a worker started afterwards finds the partition count it expects and starts."""
    worker = worker_factory(NEWSWORKER_PARTITIONS="3")
    items = tmp_path / "items.jsonl"
    items.write_bytes((ROOT / "samples" / "news.jsonl").read_bytes())
    done = subprocess.run([sys.executable, "-m", "worker.cli", "produce", str(items)], cwd=ROOT, env=worker.env,
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr

    async def partitions() -> dict[str, set[int] | None]:
        """Each topic's partitions, None for a topic that does not exist."""
        names = [worker.topics["raw"], worker.topics["enriched"]]
        admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
        await admin.start()
        try:
            described = {t["topic"]: t for t in await admin.describe_topics(names)}
        finally:
            await admin.close()
        return {
            name: {p["partition"] for p in described[name]["partitions"]} if described[name]["error_code"] == 0
            else None
            for name in names
        }

    found = asyncio.run(partitions())
    raw, enriched = found[worker.topics["raw"]], found[worker.topics["enriched"]]
    assert raw == {0, 1, 2}
    assert enriched is None  # only the topic it writes: a producer's ACLs may allow no other
    worker.start()
    assert worker.metric("newsworker_items_consumed_total") >= 0
