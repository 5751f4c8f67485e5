"""Tables outlive their worker (recovered from the changelog after SIGKILL), and two workers answer any key."""

from __future__ import annotations

import asyncio
import signal
import time
from typing import Any

import orjson
import pytest

from tests.conftest import record_measurement
from tests.integration.conftest import consume, decode, produce, twin
from tests.integration.test_state_api import BASE, _items

pytestmark = [pytest.mark.integration, pytest.mark.slow]

RECOVERY_KEYS = 100_000


def _load(worker: Any, bootstrap: str) -> dict[str, Any]:
    items = _items()

    async def run() -> dict[str, Any]:
        await produce(bootstrap, worker.topics["raw"], [(i["id"].encode(), orjson.dumps(i)) for i in items])
        enriched = {}
        async for record in consume(bootstrap, [worker.topics["enriched"]], until=len(items), timeout_s=400):
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


def _wait_totals(worker: Any, expected: dict[str, int], timeout_s: float = 300) -> dict[str, int]:
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



def test_tables_survive_sigkill_and_a_lost_disk(worker_factory: Any, kafka_bootstrap: str) -> None:
    first = worker_factory()
    first.start()
    enriched = _load(first, kafka_bootstrap)
    expected = _entity_ids(enriched)
    assert _wait_totals(first, expected) == expected
    first.stop(sig=signal.SIGKILL)

    # A new worker with an empty data dir: everything must come back from the changelogs.
    second = twin(worker_factory, first)
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


def test_two_workers_answer_any_key(worker_factory: Any, kafka_bootstrap: str) -> None:
    first = worker_factory()
    first.start()
    second = twin(worker_factory, first)
    second.start()
    enriched = _load(first, kafka_bootstrap)
    expected = _entity_ids(enriched)
    # Each worker owns part of the partitions; both must answer for every key, routed to its owner.
    assert _wait_totals(first, expected) == expected
    assert _wait_totals(second, expected) == expected
    at = str(BASE + 6.5 * 3600)
    answers = []
    for worker in (first, second):
        status, body = worker.get(f"/api/entities/top?window=24h&limit=200&at={at}")
        assert status == 200, body[:300]
        answer = orjson.loads(body)
        top = {row["entity_id"]: row["count"] for row in answer["items"]}
        assert top and set(top) <= set(expected)
        answers.append(answer["items"])
        story = enriched["story-a"]["story_id"]
        status, body = worker.get(f"/api/stories/{story}")
        assert status == 200, body[:300]
        assert {row["item_id"] for row in orjson.loads(body)["items"]} == {"story-a", "story-b"}
        status, _ = worker.get("/api/stories/story:0000000000000000")
        assert status == 404
        speaker = next(q["speaker"]["entity_id"] for q in enriched["story-a"]["quotes"] if q["speaker"])
        status, body = worker.get(f"/api/speakers/{speaker}/quotes")
        assert status == 200, body[:300]
        assert {q["item_id"] for q in orjson.loads(body)["quotes"]} >= {"story-a", "story-b"}
    assert answers[0] == answers[1]
    topic_answers = []
    for worker in (first, second):
        status, body = worker.get(f"/api/topics/top?window=24h&at={at}")
        assert status == 200, body[:300]
        topic_answers.append(orjson.loads(body)["items"])
    assert topic_answers[0] and topic_answers[0] == topic_answers[1]
    for worker in (first, second):
        assert worker.get("/api/entities/top?window=7d")[0] == 400
        assert worker.get("/api/entities/nw:no-such-entity")[0] == 404


def test_recovery_time_for_100k_keys(worker_factory: Any, kafka_bootstrap: str) -> None:
    """Fill a table's changelog with 100,000 keys written the way the worker writes them, then time recovery."""
    seeder = worker_factory()
    seeder.start()
    _load(seeder, kafka_bootstrap)
    changelog = f"{seeder.env['NEWSWORKER_APP_ID']}-counts-changelog"

    async def sample() -> Any:
        async for record in consume(kafka_bootstrap, [changelog], until=100_000, timeout_s=30, settle_s=0):
            if record.key.startswith(b"e:"):  # an entity's counts, keyed as the counting stage keys them
                return record
        raise AssertionError(f"no entity on {changelog}")

    template = asyncio.run(sample())
    seeder.stop()
    value = orjson.loads(template.value)
    messages = []
    for number in range(RECOVERY_KEYS):
        key = f"nw:recovery-{number:06d}"
        # The default partitioner puts each key where the counting stage that owns it reads it back.
        messages.append((f"e:{key}".encode(), orjson.dumps({**value, "name": key})))
    asyncio.run(produce(kafka_bootstrap, changelog, messages))

    restarted = twin(worker_factory, seeder)
    began = time.monotonic()
    restarted.start(ready_timeout_s=600)
    ready_s = time.monotonic() - began
    status, body = restarted.get("/api/entities/nw:recovery-099999")
    assert status == 200, body[:200]
    assert orjson.loads(body)["name"] == "nw:recovery-099999"
    record_measurement(
        f"recovery: {RECOVERY_KEYS} table keys restored from the changelog, worker ready in {ready_s:.1f} s"
    )
