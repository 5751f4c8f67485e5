"""Issue 8, the rest: broker restart, a worker joining and leaving, poison items, a refusing output topic.

Each scenario sends at least 3,000 items and checks, on the committed (read_committed) output,
that every item comes out exactly once: enriched or dead-lettered, nothing lost, nothing doubled.
"""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from tests.conftest import record_measurement
from tests.integration.conftest import produce
from tests.integration.faults_util import (
    POISON_DIR,
    POISON_MARKER,
    build_messages,
    collect_outcomes,
    done_count,
    wait_for_progress,
)
from worker import devkafka

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ITEMS = 3000
BROKER_DOWN_S = 10.0
REFUSE_WRITES_S = 10.0
BROKER_DEFAULT_MAX_MESSAGE_BYTES = "1048588"
RESTART_READY_TIMEOUT_S = 420.0


def _restart(worker: Any) -> str:
    """Start the worker again; after a stall, rebalancing and table recovery can take minutes here."""
    try:
        worker.start(ready_timeout_s=RESTART_READY_TIMEOUT_S)
    except AssertionError:
        return f", and was not ready {RESTART_READY_TIMEOUT_S:.0f} s later"
    return ""


def _finish(worker: Any, total: int, *, stall_s: float = 90.0, timeout_s: float = 900.0) -> str:
    """Let the worker run until it reports `total` finished items; restart it if it exits or stalls.

    Returns what happened, for the measurement line. Metrics restart from zero with a new process,
    so after a restart completion is judged from the output topics only.
    """
    deadline = time.monotonic() + timeout_s
    last, last_change = -1.0, time.monotonic()
    while time.monotonic() < deadline:
        if worker.process.poll() is not None:
            code = worker.process.returncode
            return f"worker exited with {code} and was restarted{_restart(worker)}"
        done = done_count(worker)
        if done >= total:
            return "worker carried on by itself"
        if done != last:
            last, last_change = done, time.monotonic()
        elif time.monotonic() - last_change > stall_s:
            worker.stop()
            return f"worker stalled at {done:.0f} finished for {stall_s:.0f} s and was restarted{_restart(worker)}"
        time.sleep(0.5)
    return "worker did not finish in time"


@pytest.fixture()
def own_broker(tmp_path: Path) -> Iterator[tuple[Path, int, str]]:
    """A broker of this test only, on a fixed port, so it can be stopped without disturbing other tests."""
    data_dir = tmp_path / "own-kafka"
    port = devkafka.free_port()
    handle = devkafka.start(data_dir, port=port)
    try:
        yield data_dir, port, handle.bootstrap
    finally:
        devkafka.stop(data_dir)
        shutil.rmtree(data_dir, ignore_errors=True)


def test_broker_stopped_and_restarted(worker_factory: Any, own_broker: tuple[Path, int, str]) -> None:
    data_dir, port, bootstrap = own_broker
    worker = worker_factory(KAFKA_BOOTSTRAP=bootstrap)
    messages, keys, _ = build_messages(ITEMS, "b")
    worker.start()
    asyncio.run(produce(bootstrap, worker.topics["raw"], messages))
    wait_for_progress(worker, at_least=600)

    devkafka.stop(data_dir)
    time.sleep(BROKER_DOWN_S)
    alive_while_down = worker.process.poll() is None
    devkafka.start(data_dir, port=port)

    note = _finish(worker, ITEMS)
    outcomes = collect_outcomes(bootstrap, worker.topics, ITEMS)
    record_measurement(f"{outcomes.line('broker down 10 s', ITEMS, keys)} ({note})")
    lost, doubled = outcomes.lost(keys), outcomes.doubled()
    assert not lost, f"{len(lost)} lost, e.g. {sorted(lost)[:5]} ({note})\n{worker.log_tail(20)}"
    assert not doubled, f"{len(doubled)} doubled, e.g. {sorted(doubled)[:5]} ({note})"
    assert alive_while_down and note == "worker carried on by itself", f"{note}\n{worker.log_tail(30)}"


def test_poison_item_is_dead_lettered(worker_factory: Any, kafka_bootstrap: str) -> None:
    python_path = os.pathsep.join(p for p in (str(POISON_DIR), os.environ.get("PYTHONPATH", "")) if p)
    worker = worker_factory(PYTHONPATH=python_path)
    messages, keys, poisoned = build_messages(ITEMS, "p", poison_every=100)
    worker.start()
    asyncio.run(produce(kafka_bootstrap, worker.topics["raw"], messages))

    outcomes = collect_outcomes(kafka_bootstrap, worker.topics, ITEMS)
    record_measurement(outcomes.line(f"poison x{len(poisoned)}", ITEMS, keys))
    lost, doubled = outcomes.lost(keys), outcomes.doubled()
    assert not lost, f"{len(lost)} lost, e.g. {sorted(lost)[:5]}\n{worker.log_tail(20)}"
    assert not doubled, f"{len(doubled)} doubled, e.g. {sorted(doubled)[:5]}"
    assert set(outcomes.dead) == poisoned
    assert set(outcomes.enriched) == keys - poisoned
    for letter in outcomes.dead_letters:
        assert letter["reason"] == "extractor_error", letter
        assert letter["detail"].startswith("ValueError: injected poison"), letter["detail"]
        # The last stack frame is the one that raised: the injected wrapper.
        assert "sitecustomize.py:" in letter["detail"] and letter["detail"].endswith("in extract_quotes")
        assert POISON_MARKER.encode() in base64.b64decode(letter["value_b64"])
    assert worker.process is not None and worker.process.poll() is None, "the worker died on a poison item"
    assert worker.metric("newsworker_items_dead_lettered_total", reason="extractor_error") >= len(poisoned)


async def _set_max_message_bytes(bootstrap: str, topic: str, value: str) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        responses = await admin.alter_configs(
            [ConfigResource(ConfigResourceType.TOPIC, topic, configs={"max.message.bytes": value})]
        )
        for response in responses:
            for error_code, message, *_ in response.resources:
                assert error_code == 0, f"alter_configs failed: {error_code} {message}"
    finally:
        await admin.close()
