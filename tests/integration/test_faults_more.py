"""Issue 8, the rest: broker restart, poison items, a throttled broker, an output topic that refuses our events.

Each scenario sends at least 3,000 items and checks, on the committed (read_committed) output,
that every item comes out exactly once: enriched or dead-lettered, nothing lost, nothing doubled.
"""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
import signal
import subprocess
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
THROTTLE_S = 10.0
THROTTLED_BYTES_PER_S = 10_000  # below what one item's events take, so the quota binds
RESTART_READY_TIMEOUT_S = 420.0


def _restart(worker: Any) -> str:
    """Start the worker again; after a stall, rebalancing and table recovery can take minutes here."""
    try:
        worker.start(ready_timeout_s=RESTART_READY_TIMEOUT_S)
    except AssertionError:
        return f", and was not ready {RESTART_READY_TIMEOUT_S:.0f} s later"
    return ""


def _finish(
    worker: Any, keys: set[bytes], bootstrap: str, *, stall_s: float = 90.0, timeout_s: float = 900.0,
) -> str:
    """Let the worker run until every item has an outcome on the committed outputs.

    Restarts it when it exits or stalls, and returns what happened, for the measurement line.
    Metrics restart from zero with a new process and count replayed items again, so when the
    count stops moving, the committed outputs decide whether the worker is done or stuck.
    """
    events: list[str] = []
    deadline = time.monotonic() + timeout_s
    last, last_change, checked = -1.0, time.monotonic(), 0.0
    while time.monotonic() < deadline:
        assert worker.process is not None
        if worker.process.poll() is not None:
            code = worker.process.returncode
            events.append(f"worker exited with {code} and was restarted{_restart(worker)}")
            last, last_change = -1.0, time.monotonic()
            continue
        done = done_count(worker, published=True)
        if done >= len(keys) and not events:
            return "worker carried on by itself" + _in_place_restarts(worker)
        if done != last:
            last, last_change = done, time.monotonic()
        quiet = time.monotonic() - last_change
        if quiet > 10.0 and last_change > checked:
            checked = time.monotonic()
            if not collect_outcomes(bootstrap, worker.topics, len(keys), quiet_s=5.0).lost(keys):
                return "; ".join(events) or "worker carried on by itself" + _in_place_restarts(worker)
        if quiet > stall_s:
            worker.process.send_signal(signal.SIGUSR2)  # the worker logs where each of its tasks waits
            time.sleep(1.0)
            worker.stop()
            events.append(f"worker stalled at {done:.0f} finished for {stall_s:.0f} s and was restarted"
                          f"{_restart(worker)}")
            last, last_change = -1.0, time.monotonic()
        time.sleep(0.5)
    events.append("worker did not finish in time")
    return "; ".join(events)


def _in_place_restarts(worker: Any) -> str:
    """What the worker's log says about restarts it made by itself after retriable errors."""
    log = worker.log_path.read_text(errors="replace")
    reasons = [line.split("retriable error: ", 1)[1][:120] for line in log.splitlines() if "retriable error: " in line]
    if not reasons:
        return ""
    return f" (restarting itself in place {len(reasons)} time(s), first after: {reasons[0]})"


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

    note = _finish(worker, keys, bootstrap)
    outcomes = collect_outcomes(bootstrap, worker.topics, ITEMS)
    record_measurement(f"{outcomes.line('broker down 10 s', ITEMS, keys)} ({note})")
    lost, doubled = outcomes.lost(keys), outcomes.doubled()
    assert not lost, f"{len(lost)} lost, e.g. {sorted(lost)[:5]} ({note})\n{worker.log_tail(20)}"
    assert not doubled, f"{len(doubled)} doubled, e.g. {sorted(doubled)[:5]} ({note})"
    assert alive_while_down and note.startswith("worker carried on by itself"), f"{note}\n{worker.log_tail(30)}"


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


async def _set_topic_config(bootstrap: str, topic: str, configs: dict[str, str]) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        responses = await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic, configs=configs)])
        for response in responses:
            for error_code, message, *_ in response.resources:
                assert error_code == 0, f"alter_configs failed: {error_code} {message}"
    finally:
        await admin.close()


def _set_producer_quota(bootstrap: str, bytes_per_s: int | None) -> None:
    """Throttle every producer on the broker to bytes_per_s (None lifts it), with Kafka's own ConfigCommand."""
    change = ["--add-config", f"producer_byte_rate={bytes_per_s}"] if bytes_per_s else [
        "--delete-config", "producer_byte_rate"]
    java = shutil.which("java") or "java"
    result = subprocess.run(  # noqa: S603 - fixed arguments, the project's own broker jars
        [java, "-cp", f"{devkafka.ensure_jars()}/*", "kafka.admin.ConfigCommand", "--bootstrap-server", bootstrap,
         "--alter", "--entity-type", "clients", "--entity-default", *change],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _worker_with_backlog(worker_factory: Any, bootstrap: str, prefix: str) -> tuple[Any, set[bytes]]:
    """A worker working through ITEMS items, 300 of them done."""
    worker = worker_factory()
    messages, keys, _ = build_messages(ITEMS, prefix)
    worker.start()
    asyncio.run(produce(bootstrap, worker.topics["raw"], messages))
    wait_for_progress(worker, at_least=300)
    return worker, keys


def test_throttled_broker_holds_the_stream_back_without_loss(
    worker_factory: Any, kafka_bootstrap: str,
) -> None:
    """The broker takes the worker's writes at 10 KB/s for a while: back-pressure, then a clean catch-up."""
    worker, keys = _worker_with_backlog(worker_factory, kafka_bootstrap, "w")

    # A quota, as a full or overloaded cluster applies it: the broker holds back its answers to a
    # producer that writes faster, so records wait in the worker instead of being refused.
    rate_before = _published_rate(worker, seconds=THROTTLE_S)  # the story stage publishes in bursts
    _set_producer_quota(kafka_bootstrap, THROTTLED_BYTES_PER_S)
    try:
        time.sleep(2.0)  # what was in flight settles
        rate_throttled = _published_rate(worker, seconds=THROTTLE_S)
        alive_while_throttled = worker.process is not None and worker.process.poll() is None
    finally:
        _set_producer_quota(kafka_bootstrap, None)

    note = _finish(worker, keys, kafka_bootstrap)
    outcomes = collect_outcomes(kafka_bootstrap, worker.topics, ITEMS)
    kb_per_s = THROTTLED_BYTES_PER_S // 1000
    record_measurement(
        f"{outcomes.line(f'producers throttled to {kb_per_s} KB/s for {THROTTLE_S:.0f} s', ITEMS, keys)} ({note}; "
        f"enriched events handed to the producer: {rate_before:.1f}/s before, {rate_throttled:.1f}/s throttled)"
    )
    lost, doubled = outcomes.lost(keys), outcomes.doubled()
    assert not lost, f"{len(lost)} lost, e.g. {sorted(lost)[:5]} ({note})\n{worker.log_tail(20)}"
    assert not doubled, f"{len(doubled)} doubled, e.g. {sorted(doubled)[:5]} ({note})"
    assert alive_while_throttled and note.startswith("worker carried on by itself"), f"{note}\n{worker.log_tail(30)}"
    # Back-pressure: the stream slows to what the broker takes instead of running ahead of it.
    assert rate_throttled <= max(1.0, rate_before / 3), (rate_before, rate_throttled)


def _published_rate(worker: Any, seconds: float) -> float:
    start = worker.metric("newsworker_events_published_total", output="enriched")
    time.sleep(seconds)
    return (worker.metric("newsworker_events_published_total", output="enriched") - start) / seconds


def test_output_record_refused_for_good_aborts_and_stops_instead_of_losing(
    worker_factory: Any, kafka_bootstrap: str,
) -> None:
    """news.enriched accepts no event as large as ours (max.message.bytes): no commit without them."""
    worker, keys = _worker_with_backlog(worker_factory, kafka_bootstrap, "m")

    asyncio.run(_set_topic_config(kafka_bootstrap, worker.topics["enriched"], {"max.message.bytes": "512"}))
    assert worker.process is not None
    try:
        exit_code: int | None = worker.process.wait(timeout=120)
    except subprocess.TimeoutExpired:
        exit_code = None
    log = worker.log_path.read_text(errors="replace")
    asyncio.run(_set_topic_config(kafka_bootstrap, worker.topics["enriched"], {"max.message.bytes": "1048588"}))
    worker.stop()
    restarted = _restart(worker)

    note = _finish(worker, keys, kafka_bootstrap, timeout_s=300.0)
    outcomes = collect_outcomes(kafka_bootstrap, worker.topics, ITEMS)
    record_measurement(
        f"{outcomes.line('news.enriched refuses our events for good', ITEMS, keys)} "
        f"(worker exited with {exit_code}, restarted{restarted}; then {note})"
    )
    assert exit_code not in (None, 0), f"the worker did not stop on a refused record\n{worker.log_tail(30)}"
    assert "refused an output record" in log, log[-3000:]
    # The refused transaction was aborted, so a restart replays its items: none lost, none doubled.
    lost, doubled = outcomes.lost(keys), outcomes.doubled()
    assert not lost, f"{len(lost)} lost, e.g. {sorted(lost)[:5]} ({note})\n{worker.log_tail(20)}"
    assert not doubled, f"{len(doubled)} doubled, e.g. {sorted(doubled)[:5]} ({note})"
