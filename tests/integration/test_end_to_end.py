"""200 items, 20 of them malformed in different ways, through a real worker on a real broker."""

from __future__ import annotations

import asyncio
import base64
import time
from collections import Counter
from typing import Any

import orjson
import pytest

from tests.conftest import ROOT, assert_valid, record_measurement
from tests.integration.conftest import consume, decode, produce

pytestmark = pytest.mark.integration

MAX_BODY = 50_000


def _valid_items(count: int) -> list[dict[str, Any]]:
    samples = [orjson.loads(line) for line in (ROOT / "samples" / "news.jsonl").read_bytes().splitlines()]
    items = []
    for number in range(count):
        base = samples[number % len(samples)]
        items.append({**base, "id": f"item-{number:04d}", "seq": number})
    return items


def _malformed() -> list[tuple[str, bytes | None]]:
    """(expected reason, raw value): twenty different ways for a message not to be a news item."""
    big_body = "Қазақстан " * (MAX_BODY // 10 + 100)
    return [
        ("not_json", b"{\"id\": \"trunc\", \"body\": \"cut off"),
        ("not_json", "Жай мәтін, JSON емес".encode()),
        ("not_json", b"<item><id>1</id></item>"),
        ("not_json", b"{'id': 'single-quoted', 'body': 'x'}"),
        ("not_json", b"[" * 3000 + b"]" * 3000),
        ("invalid_utf8", b'{"id": "u1", "body": "\xff\xfe"}'),
        ("invalid_utf8", b'{"id": "u2", "body": "\xed\xa0\x80"}'),
        ("invalid_utf8", b"\xc3\x28\xa0\xa1"),
        ("schema", b'{"id": "no-body"}'),
        ("schema", b'{"id": 12345, "body": "numeric id"}'),
        ("schema", b'{"id": "", "body": "empty id"}'),
        ("schema", b'{"id": "bad-date", "body": "x", "published_at": "25/11/2026"}'),
        ("schema", b'{"id": "bad-title", "body": "x", "title": 42}'),
        ("schema", b'{"body": "no id at all"}'),
        ("too_large", orjson.dumps({"id": "big-1", "body": big_body})),
        ("too_large", orjson.dumps({"id": "big-2", "body": "x" * (MAX_BODY + 1)})),
        ("not_object", b"[1, 2, 3]"),
        ("not_object", b'"a bare string"'),
        ("not_object", b"42"),
        ("empty", None),
    ]


async def _run(worker: Any, bootstrap: str) -> dict[str, Any]:
    valid = _valid_items(180)
    malformed = _malformed()
    assert len(valid) + len(malformed) == 200
    messages: list[tuple[bytes | None, bytes | None]] = [
        (item["id"].encode(), orjson.dumps(item)) for item in valid
    ]
    expected_reason = {}
    for number, (reason, raw) in enumerate(malformed):
        key = f"bad-{number:02d}".encode()
        expected_reason[key] = reason
        messages.insert(number * 9 + 3, (key, raw))
    duplicates = [(item["id"].encode(), orjson.dumps(item)) for item in valid[:10]]

    began = time.monotonic()
    await produce(bootstrap, worker.topics["raw"], messages + duplicates)
    outputs = [worker.topics["enriched"], worker.topics["dlq"]]
    records = []
    elapsed = 0.0
    async for record in consume(bootstrap, outputs, until=200, timeout_s=180):
        records.append(record)
        if len(records) == 200:
            elapsed = time.monotonic() - began
    side = [
        record async for record in consume(
            bootstrap, [worker.topics["quotes"], worker.topics["entities"]], until=1, timeout_s=20, settle_s=1,
        )
    ]
    return {"records": records, "side": side, "valid": valid, "expected_reason": expected_reason,
            "elapsed": elapsed}


def test_every_item_comes_out_exactly_once(worker_factory: Any, kafka_bootstrap: str) -> None:
    worker = worker_factory(NEWSWORKER_MAX_BODY_BYTES=str(MAX_BODY))
    worker.start()
    result = asyncio.run(_run(worker, kafka_bootstrap))
    records = result["records"]

    enriched = [record for record in records if record.topic == worker.topics["enriched"]]
    dead = [record for record in records if record.topic == worker.topics["dlq"]]
    enriched_ids = Counter(decode(record.value)["id"] for record in enriched)
    assert enriched_ids == Counter(item["id"] for item in result["valid"]), "each valid item exactly once"
    assert all(record.key == decode(record.value)["id"].encode() for record in enriched)

    dead_keys = Counter(record.key for record in dead)
    assert dead_keys == Counter(result["expected_reason"].keys()), "each malformed message exactly once"
    for record in dead:
        letter = decode(record.value)
        assert_valid("dead-letter.v1.json", letter)
        assert letter["reason"] == result["expected_reason"][record.key], record.key
        assert letter["source"]["topic"] == worker.topics["raw"]
        assert base64.b64decode(letter["key_b64"]) == record.key
    for record in enriched:
        assert_valid("enriched-news.v1.json", decode(record.value))
    for record in result["side"]:
        event = decode(record.value)
        assert_valid("quote.v1.json" if record.topic == worker.topics["quotes"] else "entity.v1.json", event)

    assert worker.metric("newsworker_items_consumed_total") == 210
    assert worker.metric("newsworker_items_enriched_total") == 180
    assert worker.metric("newsworker_items_duplicate_total") == 10
    by_reason = Counter(result["expected_reason"].values())
    for reason, count in by_reason.items():
        assert worker.metric("newsworker_items_dead_lettered_total", reason=reason) == count
    assert worker.metric("newsworker_end_to_end_latency_seconds_count") == 180

    assert result["elapsed"] > 0
    errors = [line for line in worker.log_path.read_text().splitlines() if '"level":"error"' in line]
    assert not errors, "the worker logged errors:\n" + "\n".join(line[:500] for line in errors[:5])

    rate = 200 / result["elapsed"]
    record_measurement(
        f"end-to-end: 200 items (20 malformed) + 10 duplicates through one worker in "
        f"{result['elapsed']:.2f} s = {rate:.0f} items/s (produce start to the 200th committed output)"
    )
