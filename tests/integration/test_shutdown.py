"""SIGTERM drains: the worker stops fetching, finishes, commits, flushes and exits within 10 seconds."""

from __future__ import annotations

import asyncio
import signal
import time
from typing import Any

import orjson
import pytest

from tests.conftest import ROOT, record_measurement
from tests.integration.conftest import consume, decode, produce

pytestmark = pytest.mark.integration


def test_sigterm_drains_and_exits_within_10_s(worker_factory: Any, kafka_bootstrap: str) -> None:
    worker = worker_factory()
    worker.start()
    samples = [orjson.loads(line) for line in (ROOT / "samples" / "news.jsonl").read_bytes().splitlines()]
    items = [{**samples[n % len(samples)], "id": f"term-{n}"} for n in range(60)]
    asyncio.run(produce(kafka_bootstrap, worker.topics["raw"], [(i["id"].encode(), orjson.dumps(i)) for i in items]))
    time.sleep(1)  # let it be in the middle of the batch

    began = time.monotonic()
    code = worker.stop(sig=signal.SIGTERM, timeout_s=30)
    took = time.monotonic() - began
    assert code == 0, worker.log_tail()
    assert took <= 10, f"took {took:.1f} s to exit"

    # Whatever it enriched before stopping is committed, and a restart finishes the rest exactly once.
    worker.start()

    async def collect() -> list[Any]:
        return [r async for r in consume(kafka_bootstrap, [worker.topics["enriched"]], until=len(items), timeout_s=300)]

    ids = [decode(record.value)["id"] for record in asyncio.run(collect())]
    missing = {i["id"] for i in items} - set(ids)
    doubled = len(ids) - len(set(ids))
    record_measurement(
        f"shutdown: SIGTERM to exit in {took:.1f} s (exit code {code}); after a restart, of {len(items)} items "
        f"{len(missing)} missing, {doubled} doubled"
    )
    assert not missing, f"{len(missing)} items never came out, e.g. {sorted(missing)[:5]}\n{worker.log_tail(20)}"
    assert doubled == 0, f"{doubled} items came out twice"
