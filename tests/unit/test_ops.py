"""The task dump an operator asks for with SIGUSR2 when a worker stops moving."""

from __future__ import annotations

import asyncio
import logging

import pytest

from worker.ops import _await_chain, dump_tasks


async def _waits_on(lock: asyncio.Lock) -> None:
    async with lock:
        pass


async def test_the_dump_names_the_line_each_task_waits_on(caplog: pytest.LogCaptureFixture) -> None:
    lock = asyncio.Lock()
    await lock.acquire()
    task = asyncio.create_task(_waits_on(lock), name="stuck-on-a-lock")
    await asyncio.sleep(0)
    chain = _await_chain(task.get_coro())
    assert chain[0].startswith("test_ops.py:") and chain[0].endswith("_waits_on")
    assert any(step.endswith(" acquire") for step in chain), chain
    with caplog.at_level(logging.WARNING, logger="worker.ops"):
        dump_tasks()
    assert any("stuck-on-a-lock" in r.getMessage() and "_waits_on" in r.getMessage() for r in caplog.records)
    lock.release()
    await task


class _Actor:
    """Awaits a coroutine through __await__, as Faust's agent actors do."""

    def __init__(self, lock: asyncio.Lock) -> None:
        self.lock = lock

    def __await__(self):  # type: ignore[no-untyped-def]
        return _waits_on(self.lock).__await__()


async def _runs_actor(lock: asyncio.Lock) -> None:
    await _Actor(lock)


async def test_the_chain_follows_awaits_through_wrappers() -> None:
    lock = asyncio.Lock()
    await lock.acquire()
    task = asyncio.create_task(_runs_actor(lock))
    await asyncio.sleep(0)
    chain = _await_chain(task.get_coro())
    assert chain[0].endswith("_runs_actor") and chain[1].endswith("_waits_on"), chain
    lock.release()
    await task


async def test_the_worker_says_which_entity_modules_run(caplog: pytest.LogCaptureFixture) -> None:
    from prometheus_client import REGISTRY

    from worker.entities import implementation
    from worker.ops import announce_build
    from worker.settings import load_settings

    with caplog.at_level(logging.INFO, logger="worker.ops"):
        announce_build(load_settings({}))
    samples = [
        s
        for metric in REGISTRY.collect()
        if metric.name == "newsworker_info"
        for s in metric.samples
        if s.labels.get("entities") == implementation()
    ]
    assert samples and samples[0].value == 1.0 and samples[0].labels["version"] != ""
    assert any(r.getMessage() == f"entity modules: {implementation()}" for r in caplog.records)
