"""Rebalances: a second worker joins mid-stream and later leaves; nothing is lost or doubled."""

from __future__ import annotations

import asyncio
import signal
import time
from typing import Any

import pytest

from tests.conftest import record_measurement
from tests.integration.conftest import produce, twin
from tests.integration.faults_util import (
    build_messages,
    collect_outcomes,
    done_count,
    entity_mismatches,
    wait_for_progress,
)

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ITEMS = 3000
EARLY = 1000  # sent before the second worker joins; the rest after


def _diagnostic_lines(worker: Any, keep: int = 80) -> str:
    """The worker's rebalance, recovery and warning lines, without the expected per-record drop warnings."""
    lines = [
        line[:400] for line in worker.log_path.read_text(errors="replace").splitlines()
        if ("recovery" in line or "task_dump" in line or '"warning"' in line or '"error"' in line or "eos" in line)
        and "no open transaction" not in line and "buffer full" not in line
    ]
    return "\n".join(lines[-keep:])


def test_second_worker_joins_then_leaves(worker_factory: Any, kafka_bootstrap: str) -> None:
    first = worker_factory()
    messages, keys, _ = build_messages(ITEMS, "rb")
    first.start()
    asyncio.run(produce(kafka_bootstrap, first.topics["raw"], messages[:EARLY]))

    wait_for_progress(first, at_least=300)
    second = twin(worker_factory, first)
    second.start()
    # The rest is sent once the second owns its partitions: a first worker that is quick next to the
    # second's start-up would otherwise have drained them, leaving the second nothing to hand back.
    asyncio.run(produce(kafka_bootstrap, first.topics["raw"], messages[EARLY:]))
    # Both must work on the stream before the second leaves, or no handover was tested.
    deadline = time.monotonic() + 240
    while done_count(second) < 200 and time.monotonic() < deadline:
        assert first.process is not None and first.process.poll() is None, first.log_tail()
        time.sleep(0.3)
    second_done = done_count(second)
    assert second_done >= 200, f"the second worker did no work:\n{second.log_tail()}"
    exit_code = second.stop()
    assert exit_code == 0, second.log_tail()

    outcomes = collect_outcomes(kafka_bootstrap, first.topics, ITEMS)
    record_measurement(
        outcomes.line("second worker joins, then leaves", ITEMS, keys)
        + f" (the second worker finished {second_done:.0f} before it left)"
    )
    lost = outcomes.lost(keys)
    doubled = outcomes.doubled()
    if lost:
        # A stall shows up only as loss here; the worker's view of it goes into the report.
        if first.process is not None and first.process.poll() is None:
            first.process.send_signal(signal.SIGUSR2)  # the worker logs where each of its tasks waits
            time.sleep(1.0)
        record_measurement(f"first worker's log around the loss:\n{_diagnostic_lines(first)}")
    assert first.process is not None and first.process.poll() is None, first.log_tail()
    assert len(outcomes.enriched) + len(outcomes.dead) + len(lost) == ITEMS
    assert not lost, f"{len(lost)} lost, e.g. {sorted(lost)[:5]}"
    assert not doubled, f"{len(doubled)} doubled, e.g. {sorted(doubled)[:5]}"
    mismatch = entity_mismatches(kafka_bootstrap, first.topics, outcomes)
    assert not mismatch, mismatch
