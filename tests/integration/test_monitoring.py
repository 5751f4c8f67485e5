"""Monitoring against the real thing: a running worker's /metrics, and a real Prometheus scraping it.

Every metric that an alert rule or a dashboard panel uses must be in the worker's scrape, and a real
Prometheus (Debian's package; scripts/install-ops-tools.sh) must scrape the worker, load the alert rules
without errors and answer the dashboard's queries. Under CI a missing prometheus binary fails the test.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml

from tests.conftest import ROOT
from tests.integration.conftest import produce
from tests.unit.test_alerts import (
    PROMETHEUS_SERIES,
    RULE_FILES,
    all_queries,
    dashboard_queries,
    metric_names,
    require_tool,
)
from worker import devkafka

pytestmark = pytest.mark.integration

#: The dashboard query Prometheus must answer: "Items per second in and out", consumed.
THROUGHPUT_QUERY = "sum(rate(newsworker_items_consumed_total[1m]))"


def _items(prefix: str, count: int) -> list[tuple[bytes | None, bytes | None]]:
    samples = [orjson.loads(line) for line in (ROOT / "samples" / "news.jsonl").read_bytes().splitlines()]
    messages: list[tuple[bytes | None, bytes | None]] = []
    for number in range(count):
        item = {**samples[number % len(samples)], "id": f"{prefix}-{number}"}
        messages.append((item["id"].encode(), orjson.dumps(item)))
    return messages


def _wait_for(what: str, check: Callable[[], Any], timeout_s: float, interval_s: float = 0.5) -> Any:
    """Poll check() until it returns something truthy; fail naming `what` after timeout_s."""
    deadline = time.monotonic() + timeout_s
    last: Any = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(interval_s)
    raise AssertionError(f"{what}: not within {timeout_s} s (last: {last!r})")


def _scraped_names(body: bytes) -> set[str]:
    names = set()
    for line in body.decode().splitlines():
        if line and not line.startswith("#"):
            names.add(line.split("{", 1)[0].split(" ", 1)[0])
    return names


def _http_json(url: str, timeout_s: float = 5.0) -> Any:
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:  # noqa: S310 - loopback only
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return json.loads(exc.read())


class Prometheus:
    """A real prometheus process with a temporary config and storage, on a free loopback port."""

    def __init__(self, workdir: Path, target_port: int) -> None:
        self.port = devkafka.free_port()
        self.log_path = workdir / "prometheus.log"
        config = {
            "global": {"scrape_interval": "1s", "scrape_timeout": "1s", "evaluation_interval": "1s"},
            "rule_files": [str(path) for path in RULE_FILES],
            "scrape_configs": [
                {"job_name": "newsworker", "static_configs": [{"targets": [f"127.0.0.1:{target_port}"]}]},
            ],
        }
        self.config_path = workdir / "prometheus.yml"
        self.config_path.write_text(yaml.safe_dump(config))
        self.storage = workdir / "tsdb"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout_s: float = 60.0) -> None:
        log = open(self.log_path, "ab")  # noqa: SIM115 - the process owns it
        self.process = subprocess.Popen(
            [require_tool("prometheus"), f"--config.file={self.config_path}",
             f"--storage.tsdb.path={self.storage}", f"--web.listen-address=127.0.0.1:{self.port}",
             "--storage.tsdb.retention.time=1h", "--log.level=warn"],
            stdout=log, stderr=subprocess.STDOUT,
        )

        def ready() -> bool:
            assert self.process is not None
            if self.process.poll() is not None:
                raise AssertionError(f"prometheus exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url("/-/ready"), timeout=2) as response:  # noqa: S310
                    return bool(response.status == 200)
            except OSError:
                return False

        _wait_for("prometheus ready", ready, timeout_s)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def query(self, expr: str) -> dict[str, Any]:
        answer: dict[str, Any] = _http_json(self.url("/api/v1/query?" + urllib.parse.urlencode({"query": expr})))
        return answer

    def log_tail(self, lines: int = 30) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


@pytest.fixture()
def prometheus_factory(tmp_path: Path) -> Iterator[Callable[[int], Prometheus]]:
    started: list[Prometheus] = []

    def make(target_port: int) -> Prometheus:
        workdir = tmp_path / f"prometheus-{len(started)}"
        workdir.mkdir()
        instance = Prometheus(workdir, target_port)
        started.append(instance)
        return instance

    yield make
    for instance in started:
        instance.stop()


def test_every_queried_metric_is_in_a_real_scrape_and_prometheus_answers(
    kafka_bootstrap: str, worker_factory: Any, prometheus_factory: Callable[[int], Prometheus],
) -> None:
    require_tool("prometheus")  # before starting anything: fail (CI) or skip early
    # With an API token set, as a secured deployment runs: /metrics stays open, and Prometheus scrapes it
    # with no credentials.
    worker = worker_factory(NEWSWORKER_API_TOKEN="monitoring-test-token")  # noqa: S106 - not a credential
    worker.start()
    first = _items("mon-a", 6)
    asyncio.run(produce(kafka_bootstrap, worker.topics["raw"], [*first, (b"bad", b"not json")]))
    _wait_for("items processed", lambda: worker.metric("newsworker_items_consumed_total") >= len(first) + 1, 90)

    # Every name that a rule or panel uses, in the worker's own scrape. Lag per partition appears with the first
    # processed event, table sizes with the first gauge refresh (every 15 s).
    used = {name: where for where, expr in all_queries() for name in metric_names(expr)}
    wanted = set(used) - PROMETHEUS_SERIES

    def missing() -> set[str]:
        status, body = worker.get("/metrics")
        assert status == 200
        return wanted - _scraped_names(body)

    try:
        _wait_for("every queried metric in /metrics", lambda: not missing(), 45)
    except AssertionError:
        detail = {name: used[name] for name in sorted(missing())}
        raise AssertionError(f"not in the worker's /metrics: {detail}") from None

    prometheus = prometheus_factory(worker.web_port)
    prometheus.start()
    try:
        def scraped() -> bool:
            result = prometheus.query('up{job="newsworker"}')["data"]["result"]
            return bool(result) and result[0]["value"][1] == "1"

        _wait_for("prometheus scraped the worker", scraped, 30)

        # More items while Prometheus watches, so the throughput query has something to see.
        more = _items("mon-b", 10)
        asyncio.run(produce(kafka_bootstrap, worker.topics["raw"], more))

        def throughput() -> float | None:
            answer = prometheus.query(THROUGHPUT_QUERY)
            assert answer["status"] == "success", answer
            result = answer["data"]["result"]
            if not result:
                return None
            value = float(result[0]["value"][1])
            return value if value > 0 else None

        rate = _wait_for(f"a positive answer to {THROUGHPUT_QUERY}", throughput, 60)
        assert 0 < rate < 1000
        assert THROUGHPUT_QUERY in [expr for _, expr in dashboard_queries()]

        # The consumed counter as Prometheus stored it agrees with the worker's own scrape.
        consumed = float(len(first) + 1 + len(more))
        _wait_for("the worker consumed every item",
                  lambda: worker.metric("newsworker_items_consumed_total") == consumed, 60)
        _wait_for(
            "prometheus sees every consumed item",
            lambda: float(prometheus.query("sum(newsworker_items_consumed_total)")["data"]["result"][0]["value"][1])
            == consumed,
            15,
        )

        # Every dashboard query runs on real data without an error.
        for where, expr in dashboard_queries():
            answer = prometheus.query(expr)
            assert answer["status"] == "success", f"{where}: {answer}"

        # The alert rules load and evaluate cleanly against the real series; none fires on a healthy worker.
        def evaluated() -> list[dict[str, Any]] | None:
            groups = _http_json(prometheus.url("/api/v1/rules"))["data"]["groups"]
            rules = [rule for group in groups for rule in group["rules"]]
            return rules if rules and all(rule.get("health") != "unknown" for rule in rules) else None

        rules = _wait_for("alert rules evaluated", evaluated, 20)
        errors = {rule["name"]: rule.get("lastError") for rule in rules if rule["health"] != "ok"}
        assert not errors, errors
        firing = [rule["name"] for rule in rules if rule.get("state") == "firing"]
        assert not firing, firing
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n--- prometheus log ---\n{prometheus.log_tail()}") from None
    finally:
        prometheus.stop()
