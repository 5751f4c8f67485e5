"""No Docker engine runs here, so the deployment files are parsed and checked instead."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import orjson
import yaml
from prometheus_client import REGISTRY

import worker.metrics  # noqa: F401 - registers every newsworker metric
from tests.conftest import ROOT

COMPOSE = ROOT / "docker-compose.yml"
METRIC_NAME = re.compile(r"\bnewsworker_[a-z0-9_]+")


def _compose() -> dict[str, Any]:
    compose: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return compose


def _exported_names() -> set[str]:
    names = set()
    for collector in REGISTRY.collect():
        if collector.type == "gauge":  # a labelled gauge has no samples until a child is set
            names.add(collector.name)
        for sample in collector.samples:
            names.add(sample.name)
    return names


def test_compose_has_the_whole_stack() -> None:
    services = _compose()["services"]
    assert {"kafka", "kafka-init", "worker", "prometheus", "grafana"} <= set(services)
    assert services["kafka"]["image"].startswith("apache/kafka:")
    assert services["kafka"]["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"


def test_start_up_is_ordered_by_health() -> None:
    services = _compose()["services"]
    assert services["kafka-init"]["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert services["worker"]["depends_on"]["kafka-init"]["condition"] == "service_completed_successfully"
    assert services["prometheus"]["depends_on"]["worker"]["condition"] == "service_healthy"
    assert services["grafana"]["depends_on"]["prometheus"]["condition"] == "service_healthy"
    for name in ("kafka", "worker", "prometheus", "grafana"):
        assert services[name]["healthcheck"]["test"], name


def test_worker_is_scalable_and_built_from_deploy() -> None:
    worker = _compose()["services"]["worker"]
    assert "container_name" not in worker, "a fixed name would break --scale"
    assert "ports" not in worker, "fixed host ports would break --scale"
    assert (ROOT / worker["build"]["context"] / worker["build"]["dockerfile"]).is_file()
    assert "/health/ready" in " ".join(worker["healthcheck"]["test"])
    assert worker["environment"]["KAFKA_BOOTSTRAP"] == "kafka:9092"
    assert any(str(volume).startswith("/var/lib/newsworker") for volume in worker["volumes"])


def test_topic_creation_covers_every_topic() -> None:
    script = "\n".join(_compose()["services"]["kafka-init"]["command"])
    for topic in ("news.raw", "news.enriched", "news.quotes", "news.entities", "news.trends", "news.dlq"):
        assert topic in script


def test_mounted_files_exist() -> None:
    for service in _compose()["services"].values():
        for volume in service.get("volumes", []):
            source = str(volume).split(":")[0]
            if source.startswith("./"):
                assert (ROOT / source).exists(), source


def test_dockerfile_is_multi_stage_non_root_with_healthcheck() -> None:
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert len(re.findall(r"^FROM ", dockerfile, re.MULTILINE)) >= 2
    assert re.search(r"^USER (?!root|0\b)\S+", dockerfile, re.MULTILINE)
    assert "HEALTHCHECK" in dockerfile and "/health/ready" in dockerfile
    assert re.search(r"^VOLUME ", dockerfile, re.MULTILINE)


def test_prometheus_scrapes_the_workers() -> None:
    config = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    sd = jobs["newsworker"]["dns_sd_configs"][0]
    assert sd["names"] == ["worker"] and sd["port"] == 6066


def test_dashboard_queries_use_only_exported_metrics() -> None:
    dashboard = orjson.loads((ROOT / "deploy" / "grafana" / "dashboards" / "newsworker.json").read_bytes())
    exported = _exported_names()
    used = set()
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            used |= set(METRIC_NAME.findall(target["expr"]))
    assert used, "the dashboard queries nothing"
    assert used <= exported, f"not exported: {sorted(used - exported)}"


def test_grafana_provisioning_points_at_prometheus_and_dashboards() -> None:
    base = ROOT / "deploy" / "grafana" / "provisioning"
    datasource = yaml.safe_load((base / "datasources" / "prometheus.yml").read_text())
    assert datasource["datasources"][0]["url"] == "http://prometheus:9090"
    provider = yaml.safe_load((base / "dashboards" / "newsworker.yml").read_text())
    assert Path(provider["providers"][0]["options"]["path"]) == Path("/var/lib/grafana/dashboards")
