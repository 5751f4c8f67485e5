"""Nothing lost, nothing doubled: crashes and restarts of the worker on the real broker."""

from __future__ import annotations

import asyncio
import signal
import time
from collections import Counter
from typing import Any

import orjson
import pytest

from tests.conftest import ROOT, record_measurement
from tests.integration.conftest import consume, decode, produce

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ITEMS = 3000
MALFORMED_EVERY = 50


def _messages() -> tuple[list[tuple[bytes | None, bytes | None]], set[bytes]]:
    samples = [orjson.loads(line) for line in (ROOT / "samples" / "news.jsonl").read_bytes().splitlines()]
    messages: list[tuple[bytes | None, bytes | None]] = []
    for number in range(ITEMS):
        key = f"f-{number:05d}".encode()
        if number % MALFORMED_EVERY == 7:
            messages.append((key, b"{broken json " + key))
        else:
            item = {**samples[number % len(samples)], "id": key.decode()}
            messages.append((key, orjson.dumps(item)))
    return messages, {key for key, _ in messages if key is not None}


def _wait_for_progress(worker: Any, at_least: float, timeout_s: float = 180) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            done = worker.metric("newsworker_items_enriched_total") + sum(
                worker.metric("newsworker_items_dead_lettered_total", reason=r) for r in ("not_json",)
            )
        except (OSError, AssertionError):
            done = 0
        if done >= at_least:
            return
        time.sleep(0.2)
    raise AssertionError(f"worker made no progress to {at_least}:\n{worker.log_tail()}")


def _outcomes(records: list[Any], worker: Any) -> tuple[Counter[bytes], Counter[bytes]]:
    enriched: Counter[bytes] = Counter()
    dead: Counter[bytes] = Counter()
    for record in records:
        if record.topic == worker.topics["enriched"]:
            enriched[decode(record.value)["id"].encode()] += 1
        else:
            dead[record.key] += 1
    return enriched, dead


@pytest.mark.parametrize("guarantee", ["exactly_once", "at_least_once"])
def test_sigkill_twice_mid_stream(worker_factory: Any, kafka_bootstrap: str, guarantee: str) -> None:
    worker = worker_factory(NEWSWORKER_PROCESSING_GUARANTEE=guarantee)
    messages, keys = _messages()
    worker.start()  # creates the topics with the configured partitions
    asyncio.run(produce(kafka_bootstrap, worker.topics["raw"], messages))

    kills = 0
    for _ in range(2):
        _wait_for_progress(worker, at_least=400)
        worker.stop(sig=signal.SIGKILL)
        kills += 1
        worker.start()

    async def collect() -> list[Any]:
        records: list[Any] = []
        covered: set[bytes] = set()
        async for record in consume(
            kafka_bootstrap, [worker.topics["enriched"], worker.topics["dlq"]],
            until=ITEMS, timeout_s=300, settle_s=5, enough=lambda: covered >= keys,
        ):
            records.append(record)
            is_enriched = record.topic == worker.topics["enriched"]
            covered.add(decode(record.value)["id"].encode() if is_enriched else record.key)
        return records

    records = asyncio.run(collect())
    enriched, dead = _outcomes(records, worker)
    seen = enriched + dead
    lost = keys - set(seen)
    doubled = {key: count for key, count in seen.items() if count > 1}
    record_measurement(
        f"faults[sigkill x{kills}, {guarantee}]: sent {ITEMS}, enriched {len(enriched)}, "
        f"dead-lettered {len(dead)}, lost {len(lost)}, doubled {len(doubled)} "
        f"(extra copies {sum(doubled.values()) - len(doubled)})"
    )
    if lost:
        counters = {
            name: worker.metric(f"newsworker_items_{name}_total")
            for name in ("consumed", "enriched", "duplicate")
        }
        record_measurement(
            f"faults[sigkill x{kills}, {guarantee}]: lost e.g. {sorted(lost)[:5]}; last worker's counters {counters}"
        )
    malformed = {f"f-{n:05d}".encode() for n in range(ITEMS) if n % MALFORMED_EVERY == 7}
    assert set(dead) <= malformed, sorted(set(dead) - malformed)[:5]
    assert malformed - set(dead) <= lost, "a malformed item was enriched"
    assert not lost, f"{len(lost)} items lost, e.g. {sorted(lost)[:5]}\n{worker.log_tail(20)}"
    if guarantee == "exactly_once":
        assert not doubled, f"{len(doubled)} items doubled, e.g. {sorted(doubled)[:5]}"
