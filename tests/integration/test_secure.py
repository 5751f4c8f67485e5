"""The whole pipeline on the local broker in secure mode (SASL_SSL, SCRAM users, ACLs), and its refusals.

One secure broker serves the module; its ACLs are granted for this module's random app id and
topic prefix. The users are the ones ``newsworker kafka start --secure`` creates: ``newsworker``
runs the worker, ``producer`` writes the input, ``reader`` reads the outputs.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pytest
from aiokafka import AIOKafkaConsumer

from tests.conftest import ROOT
from tests.integration.conftest import Worker
from worker import devkafka
from worker.devkafka.secure import AclGrant
from worker.kafka_clients import client_config
from worker.settings import load_settings

pytestmark = pytest.mark.integration

PARTITIONS = 2


@dataclass
class SecureCluster:
    data_dir: Path
    bootstrap: str
    names: dict[str, str]
    """NEWSWORKER_APP_ID and NEWSWORKER_TOPIC_PREFIX the ACLs were granted for."""

    def env(self, user_file: str, **extra: str) -> dict[str, str]:
        """The process environment of a client logging in with ``DIR/<user_file>``."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("KAFKA_")}
        for line in (self.data_dir / user_file).read_text().splitlines():
            if line and not line.startswith("#"):
                key, _, value = line.partition("=")
                env[key] = value
        env.update(self.names, NEWSWORKER_PARTITIONS=str(PARTITIONS))
        env.update(extra)
        return env

    def topic(self, name: str) -> str:
        return self.names["NEWSWORKER_TOPIC_PREFIX"] + f"news.{name}"


@pytest.fixture(scope="module")
def secure_cluster() -> Iterator[SecureCluster]:
    tag = uuid.uuid4().hex[:8]
    names = {"NEWSWORKER_APP_ID": f"nw-sec-{tag}", "NEWSWORKER_TOPIC_PREFIX": f"s{tag}."}
    data_dir = Path(tempfile.mkdtemp(prefix="newsworker-secure-"))
    handle = devkafka.start(data_dir, port=0, secure_mode=True, settings=load_settings(names))
    try:
        yield SecureCluster(data_dir, handle.bootstrap, names)
    finally:
        devkafka.stop(data_dir)
        shutil.rmtree(data_dir, ignore_errors=True)


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=180, check=False,
    )


def _items(tag: str, count: int) -> list[dict[str, Any]]:
    samples = [orjson.loads(line) for line in (ROOT / "samples" / "news.jsonl").read_bytes().splitlines()]
    return [{**samples[n % len(samples)], "id": f"{tag}-{n:03d}"} for n in range(count)]


def _produce(cluster: SecureCluster, lines: list[bytes], tmp_path: Path) -> None:
    path = tmp_path / f"items-{uuid.uuid4().hex[:6]}.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    done = _cli(cluster.env("producer.env"), "produce", str(path))
    assert done.returncode == 0, done.stderr


async def _read_as_reader(cluster: SecureCluster, topics: list[str], until: int, quiet_s: float = 60.0) -> list[Any]:
    """Committed records of the topics, read as the ``reader`` user, until ``until`` arrived and a few seconds more."""
    client = client_config(load_settings(cluster.env("reader.env")))
    consumer = AIOKafkaConsumer(
        *topics, **client.kwargs(), group_id=f"reader-{uuid.uuid4().hex[:6]}", auto_offset_reset="earliest",
        enable_auto_commit=False, isolation_level="read_committed",
    )
    await consumer.start()
    records: list[Any] = []
    try:
        last_new = time.monotonic()
        settle: float | None = None
        while time.monotonic() - last_new < quiet_s and (settle is None or time.monotonic() < settle):
            for batch in (await consumer.getmany(timeout_ms=500)).values():
                records.extend(batch)
                last_new = time.monotonic()
            if len(records) >= until and settle is None:
                settle = time.monotonic() + 5.0
    finally:
        await consumer.stop()
    return records


def _worker(cluster: SecureCluster, tmp_path: Path, name: str) -> Worker:
    port = devkafka.free_port()
    env = cluster.env(
        "client.env", NEWSWORKER_DATA_DIR=str(tmp_path / f"data-{name}"), NEWSWORKER_WEB_PORT=str(port),
        NEWSWORKER_WEB_HOST="127.0.0.1", NEWSWORKER_STORE="rocksdb",
    )
    topics = {n: cluster.topic(n) for n in ("raw", "enriched", "quotes", "entities", "trends", "dlq")}
    return Worker(env=env, web_port=port, topics=topics, log_path=tmp_path / f"worker-{name}.log")


def _count_outcomes(cluster: SecureCluster, records: list[Any], tag: str) -> tuple[Counter[str], Counter[str]]:
    enriched: Counter[str] = Counter()
    dead: Counter[str] = Counter()
    for record in records:
        key = (record.key or b"").decode()
        if not key.startswith(tag):
            continue
        (enriched if record.topic == cluster.topic("enriched") else dead)[key] += 1
    return enriched, dead


def test_secure_pipeline_exactly_once(secure_cluster: SecureCluster, tmp_path: Path) -> None:
    """Items in as ``producer``, enriched events and dead letters out once each, read as ``reader``."""
    items = _items("ok", 40)
    bad = [b'{"id": "ok-bad-1", "body": 7}', b'{"id": "ok-bad-2"}']
    _produce(secure_cluster, [orjson.dumps(item) for item in items] + bad, tmp_path)
    worker = _worker(secure_cluster, tmp_path, "a")
    worker.start()
    try:
        records = asyncio.run(_read_as_reader(
            secure_cluster, [secure_cluster.topic("enriched"), secure_cluster.topic("dlq")], until=len(items) + 2,
        ))
    finally:
        assert worker.stop() == 0, worker.log_tail()
    enriched, dead = _count_outcomes(secure_cluster, records, "ok-")
    assert set(enriched) == {item["id"] for item in items}
    assert set(dead) == {"ok-bad-1", "ok-bad-2"}
    assert max(enriched.values()) == 1 and max(dead.values()) == 1
    assert "authentication" not in worker.log_path.read_text().lower()


def test_wrong_password_is_refused_without_showing_it(secure_cluster: SecureCluster, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.password"
    wrong.write_text("not-the-password-3f9a\n")
    done = _cli(secure_cluster.env("client.env", KAFKA_SASL_PASSWORD_FILE=str(wrong)), "tail", "--idle-timeout", "2")
    assert done.returncode == 2
    assert "authentication failed" in done.stderr and "'newsworker'" in done.stderr
    assert "not-the-password-3f9a" not in done.stderr + done.stdout


def test_plaintext_client_against_the_tls_port(secure_cluster: SecureCluster) -> None:
    env = secure_cluster.env("client.env")
    for name in ("KAFKA_SASL_MECHANISM", "KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD_FILE", "KAFKA_SSL_CAFILE"):
        env.pop(name)
    env["KAFKA_SECURITY_PROTOCOL"] = "PLAINTEXT"
    done = _cli(env, "tail", "--idle-timeout", "2")
    assert done.returncode == 2
    assert "closed the connection" in done.stderr and "KAFKA_SECURITY_PROTOCOL" in done.stderr


def test_a_ca_that_did_not_sign_the_broker(secure_cluster: SecureCluster, tmp_path: Path) -> None:
    other = tmp_path / "other-ca"
    other.mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "ca.pem",
         "-days", "2", "-subj", "/CN=someone else"], cwd=other, check=True, capture_output=True,
    )
    done = _cli(secure_cluster.env("client.env", KAFKA_SSL_CAFILE=str(other / "ca.pem")), "tail", "--idle-timeout", "2")
    assert done.returncode == 2
    assert "TLS handshake" in done.stderr and "KAFKA_SSL_CAFILE" in done.stderr


def test_the_reader_may_not_write(secure_cluster: SecureCluster, tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_bytes(orjson.dumps(_items("rd", 1)[0]) + b"\n")
    enriched = secure_cluster.topic("enriched")
    done = _cli(secure_cluster.env("reader.env"), "produce", "--topic", enriched, str(path))
    assert done.returncode == 2
    assert f"reader may not write to topic {enriched}" in done.stderr
    done = _cli(secure_cluster.env("reader.env"), "tail", "raw", "--idle-timeout", "2")
    assert done.returncode == 2
    assert f"reader may not read topic {secure_cluster.topic('raw')}" in done.stderr


def test_worker_without_its_write_acl_on_enriched(secure_cluster: SecureCluster, tmp_path: Path) -> None:
    """The refused transaction is aborted and the worker stops; with the ACL back, each item comes out once."""
    enriched = secure_cluster.topic("enriched")
    revoked = [AclGrant("newsworker", ("Write",), "topic", (enriched,))]
    devkafka.change_acls(secure_cluster.data_dir, revoked, remove=True)
    items = _items("acl", 12)
    try:
        _produce(secure_cluster, [orjson.dumps(item) for item in items], tmp_path)
        worker = _worker(secure_cluster, tmp_path, "b")
        log = open(worker.log_path, "ab")  # noqa: SIM115 - closed below
        process = subprocess.Popen([sys.executable, "-m", "worker.cli", "worker"], cwd=ROOT, env=worker.env,
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            code = process.wait(timeout=240)
        finally:
            if process.poll() is None:
                process.kill()
            log.close()
        text = worker.log_path.read_text(errors="replace")
        assert code != 0
        # the worker's last word names the topic and the operation, and it gives up at once:
        # no restart gets past an ACL
        assert f"newsworker: error: not authorised to write to topic {enriched}" in text, worker.log_tail()
        assert "restarting in" not in text
        records = asyncio.run(_read_as_reader(secure_cluster, [enriched], until=1, quiet_s=8.0))
        assert _count_outcomes(secure_cluster, records, "acl-")[0] == Counter()
    finally:
        devkafka.change_acls(secure_cluster.data_dir, revoked)

    again = _worker(secure_cluster, tmp_path, "c")
    again.start()
    try:
        records = asyncio.run(_read_as_reader(secure_cluster, [enriched], until=len(items) + 40))
    finally:
        assert again.stop() == 0, again.log_tail()
    done, _ = _count_outcomes(secure_cluster, records, "acl-")
    assert set(done) == {item["id"] for item in items}
    assert max(done.values()) == 1
