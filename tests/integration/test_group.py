"""A group of workers: rebalances under load, and the query API answered by any worker for the whole group."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import orjson
import pytest

from tests.conftest import ROOT, record_measurement
from tests.integration.conftest import consume, decode, produce, twin
from tests.integration.faults_util import build_messages, collect_outcomes, done_count, entity_mismatches

pytestmark = [pytest.mark.integration, pytest.mark.slow]

GROUP_TOKEN = "group-token-3e9a"  # noqa: S105 - a test token, not a credential
AUTH = {"Authorization": f"Bearer {GROUP_TOKEN}"}

ITEMS = 2400
CHUNK = 100


def _feed(bootstrap: str, topic: str, messages: list[Any], pause_s: float, stop: threading.Event) -> None:
    """Send the messages in chunks, a pause between them: items keep flowing while workers come and go."""
    for start in range(0, len(messages), CHUNK):
        if stop.is_set():
            return
        asyncio.run(produce(bootstrap, topic, messages[start:start + CHUNK]))
        time.sleep(pause_s)


def _wait_done(workers: list[Any], at_least: float, timeout_s: float = 240.0) -> None:
    deadline = time.monotonic() + timeout_s
    while sum(done_count(w) for w in workers) < at_least:
        for worker in workers:
            assert worker.process is not None and worker.process.poll() is None, worker.log_tail()
        assert time.monotonic() < deadline, f"no progress to {at_least}"
        time.sleep(0.3)


def test_three_workers_join_and_leave_in_turn_while_items_flow(worker_factory: Any, kafka_bootstrap: str) -> None:
    first = worker_factory()
    messages, keys, _ = build_messages(ITEMS, "g3")
    first.start()
    stop = threading.Event()
    feeder = threading.Thread(target=_feed, args=(kafka_bootstrap, first.topics["raw"], messages, 0.4, stop))
    feeder.start()
    try:
        _wait_done([first], 200)
        second = twin(worker_factory, first)
        second.start()
        _wait_done([first, second], 600)
        third = twin(worker_factory, first)
        third.start()
        _wait_done([first, second, third], 1000)
        assert second.stop() == 0, second.log_tail()
        _wait_done([first, third], 1300)
        assert third.stop() == 0, third.log_tail()
    finally:
        feeder.join()
        stop.set()
    outcomes = collect_outcomes(kafka_bootstrap, first.topics, ITEMS)
    record_measurement(outcomes.line("three workers join and leave in turn", ITEMS, keys))
    lost, doubled = outcomes.lost(keys), outcomes.doubled()
    assert first.process is not None and first.process.poll() is None, first.log_tail()
    assert not lost, f"{len(lost)} lost, e.g. {sorted(lost)[:5]}"
    assert not doubled, f"{len(doubled)} doubled, e.g. {sorted(doubled)[:5]}"
    mismatch = entity_mismatches(kafka_bootstrap, first.topics, outcomes)
    assert not mismatch, mismatch


def test_any_of_two_workers_answers_for_the_whole_group(worker_factory: Any, kafka_bootstrap: str) -> None:
    # Both workers require the group's API token, so every forwarded lookup and merged top list below
    # also shows that a worker sends it to its peer (without it the peer's 401 would fail the answers).
    first = worker_factory(NEWSWORKER_API_TOKEN=GROUP_TOKEN)
    first.start()
    second = twin(worker_factory, first)
    second.env["NEWSWORKER_API_TOKEN"] = GROUP_TOKEN
    second.start()
    assert first.get("/api/stats")[0] == 401
    samples = [orjson.loads(line) for line in (ROOT / "samples" / "news.jsonl").read_bytes().splitlines()]
    items = [{**s, "id": f"{s['id']}-{n}", "published_at": "2026-03-02T10:15:00+00:00"}
             for n in range(4) for s in samples]

    async def run() -> dict[str, Any]:
        await produce(kafka_bootstrap, first.topics["raw"], [(i["id"].encode(), orjson.dumps(i)) for i in items])
        return {decode(r.value)["id"]: decode(r.value) async for r in consume(
            kafka_bootstrap, [first.topics["enriched"]], until=len(items), timeout_s=120)}

    enriched = asyncio.run(run())
    assert len(enriched) == len(items)
    mentions: dict[str, int] = {}
    for event in enriched.values():
        for entity in event["entities"]:
            mentions[entity["entity_id"]] = mentions.get(entity["entity_id"], 0) + len(entity["mentions"])
    speakers = {q["speaker"]["entity_id"] for e in enriched.values() for q in e["quotes"]
                if q["speaker"] and q["speaker"]["entity_id"]}
    at = "2026-03-02T10:30:00Z"
    # The counting stage commits a moment after the enriched events: wait until the totals are in.
    deadline = time.monotonic() + 60
    while True:
        status, body = first.get(f"/api/entities/top?window=24h&limit=200&at={at}", AUTH)
        rows = orjson.loads(body)["items"] if status == 200 else []
        if sum(r["count"] for r in rows) >= sum(mentions.values()) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    tops = [orjson.loads(w.get(f"/api/entities/top?window=24h&limit=200&at={at}", AUTH)[1])["items"]
            for w in (first, second)]
    assert tops[0] == tops[1]
    assert {r["entity_id"]: r["count"] for r in tops[0]} == mentions
    for entity_id, count in mentions.items():
        answers = [w.get(f"/api/entities/{entity_id}", AUTH) for w in (first, second)]
        assert [status for status, _ in answers] == [200, 200], (entity_id, answers)
        bodies = [orjson.loads(body) for _, body in answers]
        assert bodies[0] == bodies[1] and bodies[0]["mentions_total"] == count
    for speaker_id in speakers:
        answers = [w.get(f"/api/speakers/{speaker_id}/quotes", AUTH) for w in (first, second)]
        assert [status for status, _ in answers] == [200, 200] and answers[0][1] == answers[1][1]
    # Every worker reads the whole story index back from its topic, a moment after each commit.
    story_id = next(iter(enriched.values()))["story_id"]
    deadline = time.monotonic() + 30
    while True:
        answers = [w.get(f"/api/stories/{story_id}", AUTH) for w in (first, second)]
        if answers[0] == answers[1] or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert [status for status, _ in answers] == [200, 200] and answers[0][1] == answers[1][1]
    assert done_count(first) > 0 and done_count(second) > 0, "one worker did all the work"
