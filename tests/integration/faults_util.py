"""Helpers for the fault scenarios in test_faults_more.py: items, progress, outcomes, consistency."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer

from tests.conftest import ROOT
from tests.integration.conftest import decode

POISON_DIR = Path(__file__).resolve().parent / "poison"
POISON_MARKER = "POISON-PILL"
BODY_CHARS = 400

Message = tuple[bytes | None, bytes | None]


def build_messages(
    count: int, prefix: str, *, poison_every: int = 0, poison_offset: int = 13,
) -> tuple[list[Message], set[bytes], set[bytes]]:
    """count unique items from samples/news.jsonl with short bodies; (messages, all keys, poisoned keys)."""
    samples = [orjson.loads(line) for line in (ROOT / "samples" / "news.jsonl").read_bytes().splitlines()]
    messages: list[Message] = []
    poisoned: set[bytes] = set()
    for number in range(count):
        key = f"{prefix}-{number:05d}".encode()
        sample = samples[number % len(samples)]
        body = sample["body"][:BODY_CHARS]
        if poison_every and number % poison_every == poison_offset:
            body = f"{body}\n{POISON_MARKER}"
            poisoned.add(key)
        item = {**sample, "id": key.decode(), "body": body}
        messages.append((key, orjson.dumps(item)))
    return messages, {key for key, _ in messages if key is not None}, poisoned


def done_count(worker: Any, *, published: bool = False) -> float:
    """Items the worker reports finished (enriched or dead-lettered for any reason); 0 when it does not answer.

    With ``published``, an enriched item counts only once the story stage has handed its news.enriched event
    to the producer, not when the first stage has enriched it.
    """
    try:
        _, body = worker.get("/metrics")
    except OSError:
        return 0.0
    enriched = "newsworker_items_enriched_total "
    if published:
        enriched = 'newsworker_events_published_total{output="enriched"} '
    total = 0.0
    for line in body.decode(errors="replace").splitlines():
        if line.startswith((enriched, "newsworker_items_dead_lettered_total{")):
            total += float(line.rsplit(" ", 1)[1])
    return total


def wait_for_progress(worker: Any, at_least: float, timeout_s: float = 240.0) -> float:
    """Block until the worker reports at least `at_least` finished items; return the count."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        done = done_count(worker)
        if done >= at_least:
            return done
        if worker.process is not None and worker.process.poll() is not None:
            raise AssertionError(f"worker exited with {worker.process.returncode}:\n{worker.log_tail()}")
        time.sleep(0.3)
    raise AssertionError(f"worker made no progress to {at_least} in {timeout_s} s:\n{worker.log_tail()}")


@dataclass
class Outcomes:
    """What came out on the committed output topics for the items sent."""

    enriched: Counter[bytes] = field(default_factory=Counter)
    dead: Counter[bytes] = field(default_factory=Counter)
    dead_letters: list[dict[str, Any]] = field(default_factory=list)
    events: dict[bytes, dict[str, Any]] = field(default_factory=dict)

    def lost(self, keys: set[bytes]) -> set[bytes]:
        return keys - set(self.enriched + self.dead)

    def doubled(self) -> dict[bytes, int]:
        return {key: count for key, count in (self.enriched + self.dead).items() if count > 1}

    def line(self, scenario: str, sent: int, keys: set[bytes]) -> str:
        doubled = self.doubled()
        return (
            f"faults[{scenario}]: sent {sent}, enriched {len(self.enriched)}, dead-lettered {len(self.dead)}, "
            f"lost {len(self.lost(keys))}, doubled {len(doubled)}"
        )


async def read_committed(
    bootstrap: str, topics: list[str], *, until: int, quiet_s: float = 120.0, timeout_s: float = 900.0,
    settle_s: float = 5.0,
) -> list[Any]:
    """Committed records of topics until `until` have arrived (then settle_s more, to catch extras).

    Gives up only when nothing new arrives for quiet_s, or after timeout_s in all: a worker on a
    busy machine may be slow, and a fixed short timeout would report its backlog as lost.
    """
    consumer = AIOKafkaConsumer(
        *topics, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False,
        isolation_level="read_committed", group_id=None,
    )
    await consumer.start()
    records: list[Any] = []
    try:
        began = last_new = time.monotonic()
        settle_deadline: float | None = None
        while time.monotonic() - began < timeout_s and time.monotonic() - last_new < quiet_s:
            if settle_deadline is not None and time.monotonic() > settle_deadline:
                break
            batch = await consumer.getmany(timeout_ms=500)
            for partition_records in batch.values():
                records.extend(partition_records)
                last_new = time.monotonic()
            if len(records) >= until and settle_deadline is None:
                settle_deadline = time.monotonic() + settle_s
    finally:
        await consumer.stop()
    return records


def collect_outcomes(bootstrap: str, topics: dict[str, str], expected: int, quiet_s: float = 120.0) -> Outcomes:
    """Read news.enriched and news.dlq (read_committed) until `expected` records, then settle a few seconds."""
    outputs = [topics["enriched"], topics["dlq"]]
    records = asyncio.run(read_committed(bootstrap, outputs, until=expected, quiet_s=quiet_s))
    outcomes = Outcomes()
    for record in records:
        if record.topic == topics["enriched"]:
            event = decode(record.value)
            key = event["id"].encode()
            outcomes.enriched[key] += 1
            outcomes.events[key] = event
        else:
            outcomes.dead[record.key] += 1
            outcomes.dead_letters.append(decode(record.value))
    return outcomes


def entity_mismatches(bootstrap: str, topics: dict[str, str], outcomes: Outcomes) -> str:
    """Compare news.entities (read_committed) with the entities of the enriched events; '' when consistent.

    Every enriched event's (item id, entity id) pairs must appear on news.entities exactly once,
    and nothing else may be there.
    """
    expected: Counter[tuple[str, str]] = Counter()
    for event in outcomes.events.values():
        for entity in event["entities"]:
            expected[(event["id"], entity["entity_id"])] += 1

    records = asyncio.run(read_committed(bootstrap, [topics["entities"]], until=sum(expected.values()), quiet_s=60))
    actual: Counter[tuple[str, str]] = Counter()
    wrong_key = 0
    for record in records:
        mention = decode(record.value)
        actual[(mention["item_id"], mention["entity_id"])] += 1
        if record.key != mention["entity_id"].encode():
            wrong_key += 1
    missing = expected - actual
    extra = actual - expected
    if not missing and not extra and not wrong_key:
        return ""
    return (
        f"news.entities vs enriched events: expected {sum(expected.values())} mentions, got {sum(actual.values())}; "
        f"missing {sum(missing.values())} e.g. {list(missing)[:3]}, "
        f"extra {sum(extra.values())} e.g. {list(extra)[:3]}, "
        f"wrongly keyed {wrong_key}"
    )
