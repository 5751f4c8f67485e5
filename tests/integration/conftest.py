"""Integration tests run against a real Apache Kafka broker.

The broker is the one KAFKA_BOOTSTRAP names when it answers (scripts/test.sh
starts one), else a broker this session starts itself. Every test gets
random topic names and a random group id, so tests never see each other's data.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from tests.conftest import ROOT
from worker import devkafka
from worker.errors import BrokerUnavailable
from worker.kafka_clients import KafkaClientConfig
from worker.kafka_io import check_broker


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    given = os.environ.get("KAFKA_BOOTSTRAP")
    if given:
        try:
            asyncio.run(check_broker(KafkaClientConfig(given), timeout_s=10))
        except BrokerUnavailable:
            given = None
    if given:
        yield given
        return
    data_dir = Path(tempfile.mkdtemp(prefix="newsworker-kafka-"))
    handle = devkafka.start(data_dir, port=0)
    try:
        yield handle.bootstrap
    finally:
        devkafka.stop(data_dir)
        shutil.rmtree(data_dir, ignore_errors=True)


@dataclass
class Worker:
    """A `newsworker worker` process with its own topics, group and state."""

    env: dict[str, str]
    web_port: int
    topics: dict[str, str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    extra_env: dict[str, str] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.web_port}{path}"

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        status, _, body = self.request(path, headers=headers)
        return status, body

    def request(self, path: str, method: str = "GET", headers: dict[str, str] | None = None,
                ) -> tuple[int, dict[str, str], bytes]:
        """Status, response headers and body; an HTTP error status is an answer, not an exception."""
        request = urllib.request.Request(self.url(path), method=method, headers=headers or {})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - loopback only
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()

    def start(self, ready_timeout_s: float = 120.0) -> None:
        log = open(self.log_path, "ab")  # noqa: SIM115 - the process owns it
        self.process = subprocess.Popen(
            [sys.executable, "-m", "worker.cli", "worker"], cwd=ROOT, env=self.env,
            stdout=log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + ready_timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"worker exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                status, _ = self.get("/health/ready")
            except OSError:
                status = 0
            if status == 200:
                return
            time.sleep(0.5)
        raise AssertionError(f"worker not ready within {ready_timeout_s} s:\n{self.log_tail()}")

    def stop(self, sig: int = signal.SIGTERM, timeout_s: float = 30.0) -> int | None:
        if self.process is None or self.process.poll() is not None:
            return None if self.process is None else self.process.returncode
        self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def metric(self, name: str, **labels: str) -> float:
        _, body = self.get("/metrics")
        wanted = name + ("{" + ",".join(f'{k}="{v}"' for k, v in labels.items()) + "}" if labels else "")
        for line in body.decode().splitlines():
            if line.startswith(wanted + " "):
                return float(line.rsplit(" ", 1)[1])
        raise AssertionError(f"{wanted} not in /metrics")


@pytest.fixture()
def worker_factory(kafka_bootstrap: str, tmp_path: Path) -> Iterator[Any]:
    yield from _worker_factory(kafka_bootstrap, tmp_path)


@pytest.fixture(scope="module")
def worker_factory_module(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The same, shared by the tests of one module (a worker loaded once, queried many ways)."""
    yield from _worker_factory(kafka_bootstrap, tmp_path_factory.mktemp("workers"))


def _worker_factory(kafka_bootstrap: str, tmp_path: Path) -> Iterator[Any]:
    workers: list[Worker] = []

    def make(**env_overrides: str) -> Worker:
        prefix = f"t{uuid.uuid4().hex[:10]}."
        web_port = devkafka.free_port()
        env = {
            **os.environ,
            "KAFKA_BOOTSTRAP": kafka_bootstrap,
            "NEWSWORKER_APP_ID": f"nw-test-{uuid.uuid4().hex[:10]}",
            "NEWSWORKER_TOPIC_PREFIX": prefix,
            "NEWSWORKER_DATA_DIR": str(tmp_path / f"data-{len(workers)}"),
            "NEWSWORKER_WEB_PORT": str(web_port),
            "NEWSWORKER_WEB_HOST": "127.0.0.1",
            "NEWSWORKER_PARTITIONS": "4",
            # The agents tier sets NEWSWORKER_STORE=memory in this process; workers run as deployed.
            "NEWSWORKER_STORE": "rocksdb",
            **env_overrides,
        }
        topics = {name: prefix + f"news.{name}" for name in ("raw", "enriched", "quotes", "entities", "trends", "dlq")}
        worker = Worker(env=env, web_port=web_port, topics=topics, log_path=tmp_path / f"worker-{len(workers)}.log")
        workers.append(worker)
        return worker

    yield make
    for worker in workers:
        worker.stop()


def twin(factory: Any, first: Worker) -> Worker:
    """Another worker of the same group: same app id and topics, its own state and port."""
    worker: Worker = factory()
    for name in ("NEWSWORKER_APP_ID", "NEWSWORKER_TOPIC_PREFIX"):
        worker.env[name] = first.env[name]
    worker.topics = first.topics
    return worker


async def produce(bootstrap: str, topic: str, messages: list[tuple[bytes | None, bytes | None]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", max_request_size=8 * 1024 * 1024)
    await producer.start()
    try:
        futures = [await producer.send(topic, key=key, value=value) for key, value in messages]
        await producer.flush()
        for future in futures:
            await future
    finally:
        await producer.stop()


async def consume(
    bootstrap: str, topics: list[str], *, until: int, timeout_s: float, settle_s: float = 2.0,
    enough: Callable[[], bool] | None = None,
) -> AsyncIterator[Any]:
    """Committed records of topics until `until` have arrived (then settle_s more, to catch extras) or timeout.

    With `enough`, the caller decides instead (it sees each record before `enough` is asked): a
    count would stop early when duplicates make up for records still missing.
    """
    consumer = AIOKafkaConsumer(
        *topics, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False,
        isolation_level="read_committed", group_id=None,
    )
    await consumer.start()
    try:
        deadline = time.monotonic() + timeout_s
        seen = 0
        settle_deadline: float | None = None
        while time.monotonic() < deadline:
            if settle_deadline is not None and time.monotonic() > settle_deadline:
                return
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                for record in records:
                    seen += 1
                    yield record
            done = enough() if enough is not None else seen >= until
            if done and settle_deadline is None:
                settle_deadline = time.monotonic() + settle_s
    finally:
        await consumer.stop()


def decode(value: bytes) -> dict[str, Any]:
    event: dict[str, Any] = orjson.loads(value)
    return event
