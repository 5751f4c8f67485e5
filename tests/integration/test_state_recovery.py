"""Tables outlive their worker: recovery from the changelog after SIGKILL and on an empty disk."""

from __future__ import annotations

import asyncio
import signal
import time
from typing import Any

import orjson
import pytest

from tests.conftest import record_measurement
from tests.integration.conftest import consume, decode, produce
from tests.integration.test_state_api import _items

pytestmark = [pytest.mark.integration, pytest.mark.slow]

RECOVERY_KEYS = 100_000


def _load(worker: Any, bootstrap: str) -> dict[str, Any]:
    items = _items()

    async def run() -> dict[str, Any]:
        await produce(bootstrap, worker.topics["raw"], [(i["id"].encode(), orjson.dumps(i)) for i in items])
        enriched = {}
        async for record in consume(bootstrap, [worker.topics["enriched"]], until=len(items), timeout_s=180):
            event = decode(record.value)
            enriched[event["id"]] = event
        return enriched

    return asyncio.run(run())


def _entity_ids(enriched: dict[str, Any]) -> dict[str, int]:
    """Entity id -> mentions, as the enriched events say: what the entity table must hold."""
    totals: dict[str, int] = {}
    for event in enriched.values():
        for entity in event["entities"]:
            totals[entity["entity_id"]] = totals.get(entity["entity_id"], 0) + len(entity["mentions"])
    return totals


def _wait_totals(worker: Any, expected: dict[str, int], timeout_s: float = 90) -> dict[str, int]:
    deadline = time.monotonic() + timeout_s
    seen: dict[str, int] = {}
    while time.monotonic() < deadline:
        seen = {}
        for entity_id in expected:
            status, body = worker.get(f"/api/entities/{entity_id}")
            seen[entity_id] = orjson.loads(body)["mentions_total"] if status == 200 else -1
        if seen == expected:
            return seen
        time.sleep(1)
    return seen


def _twin(factory: Any, first: Any, **extra: str) -> Any:
    """Another worker of the same group: same app id and topics, its own state and port."""
    worker = factory(**extra)
    for name in ("NEWSWORKER_APP_ID", "NEWSWORKER_TOPIC_PREFIX"):
        worker.env[name] = first.env[name]
    worker.topics = first.topics
    return worker


def test_tables_survive_sigkill_and_a_lost_disk(worker_factory: Any, kafka_bootstrap: str) -> None:
    first = worker_factory()
    first.start()
    enriched = _load(first, kafka_bootstrap)
    expected = _entity_ids(enriched)
    assert _wait_totals(first, expected) == expected
    first.stop(sig=signal.SIGKILL)

    # A new worker with an empty data dir: everything must come back from the changelogs.
    second = _twin(worker_factory, first)
    began = time.monotonic()
    second.start()
    ready_s = time.monotonic() - began
    assert _wait_totals(second, expected) == expected
    story = enriched["story-a"]["story_id"]
    status, body = second.get(f"/api/stories/{story}")
    assert status == 200 and len(orjson.loads(body)["items"]) == 2
    record_measurement(
        f"state recovery after SIGKILL on an empty disk: {len(expected)} entities, counts unchanged; "
        f"worker ready in {ready_s:.1f} s"
    )


def test_recovery_time_for_100k_keys(worker_factory: Any, kafka_bootstrap: str) -> None:
    """Fill a table's changelog with 100,000 keys written the way the worker writes them, then time recovery."""
    seeder = worker_factory()
    seeder.start()
    _load(seeder, kafka_bootstrap)
    changelog = f"{seeder.env['NEWSWORKER_APP_ID']}-entity-mentions-changelog"

    async def sample() -> Any:
        async for record in consume(kafka_bootstrap, [changelog], until=1, timeout_s=30, settle_s=0):
            return record
        raise AssertionError(f"nothing on {changelog}")

    template = asyncio.run(sample())
    seeder.stop()
    value = orjson.loads(template.value)
    quoted = template.key.startswith(b'"')
    messages = []
    for number in range(RECOVERY_KEYS):
        key = f"nw:recovery-{number:06d}"
        raw_key = orjson.dumps(key) if quoted else key.encode()
        messages.append((raw_key, orjson.dumps({**value, "name": key, "offset": number})))
    asyncio.run(produce(kafka_bootstrap, changelog, messages))

    restarted = _twin(worker_factory, seeder)
    began = time.monotonic()
    restarted.start(ready_timeout_s=600)
    ready_s = time.monotonic() - began
    status, body = restarted.get("/api/entities/nw:recovery-099999")
    assert status == 200, body[:200]
    assert orjson.loads(body)["name"] == "nw:recovery-099999"
    record_measurement(
        f"recovery: {RECOVERY_KEYS} table keys restored from the changelog, worker ready in {ready_s:.1f} s"
    )
