"""Alert rules and dashboards: promtool checks and unit tests, and every query's metrics against the worker's.

promtool comes from Debian's prometheus package (scripts/install-ops-tools.sh installs it). Under CI (CI set)
a missing promtool fails these tests; elsewhere they are skipped with the command to install it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml
from prometheus_client import REGISTRY

import worker.metrics  # noqa: F401 - registers every newsworker metric
from tests.conftest import ROOT

PROMETHEUS_DIR = ROOT / "deploy" / "prometheus"
RULE_FILES = sorted((PROMETHEUS_DIR / "rules").glob("*.yml"))
RULE_TESTS = sorted((PROMETHEUS_DIR / "tests").glob("*.yml"))
DASHBOARDS = sorted((ROOT / "deploy" / "grafana" / "dashboards").glob("*.json"))
OPERATIONS = ROOT / "docs" / "operations.md"
PROMTOOL_TIMEOUT_S = 120

#: Series that Prometheus itself adds to every scrape and that queries may use.
PROMETHEUS_SERIES = frozenset({"up"})

#: What the issue asks the alerts to cover, as the alert that covers it.
REQUIRED_ALERTS = {
    "consumer lag growing for 10 minutes": "NewsworkerConsumerLagGrowing",
    "dead-letter rate over a threshold": "NewsworkerDeadLetterRateHigh",
    "processing errors": "NewsworkerProcessingErrors",
    "end-to-end latency p99 high": "NewsworkerEndToEndLatencyHigh",
    "worker down": "NewsworkerDown",
    "rebalancing too often": "NewsworkerRebalancingTooOften",
}

#: What the issue asks the dashboard to show, as a pattern of the panel title that shows it.
REQUIRED_PANELS = {
    "items per second in and out": r"items per second in and out",
    "consumer lag per partition": r"consumer lag per partition",
    "end-to-end latency": r"end-to-end latency",
    "dead letters by reason": r"dead letters by reason",
    "quotes and entities per minute": r"quotes, entities .*per minute",
    "top entities": r"top entit",
    "table sizes": r"table sizes",
    "rebalances": r"rebalances",
}

# --- helpers shared with tests/integration/test_monitoring.py -----------------------------------------------

_KEYWORDS = frozenset({"by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
                       "bool", "offset", "inf", "nan", "atan2"})
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
_MATCHERS = re.compile(r"\{[^{}]*\}")
_RANGES = re.compile(r"\[[^\[\]]*\]")
_GROUPING = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)")
_IDENTIFIER = re.compile(r"(?<![\w:.])([A-Za-z_:][A-Za-z0-9_:]*)(?![\w:])(?!\s*\()")


def metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression selects (functions, keywords, labels and literals removed)."""
    text = _STRINGS.sub(" ", expr)
    text = _MATCHERS.sub(" ", text)
    text = _RANGES.sub(" ", text)
    text = _GROUPING.sub(" ", text)
    return {name for name in _IDENTIFIER.findall(text) if name.lower() not in _KEYWORDS}


def alert_rules() -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    for path in RULE_FILES:
        for group in yaml.safe_load(path.read_text())["groups"]:
            rules.extend(group["rules"])
    return rules


def dashboard_queries() -> list[tuple[str, str]]:
    """(where, expr) of every query of every dashboard panel."""
    queries = []
    for path in DASHBOARDS:
        for panel in orjson.loads(path.read_bytes())["panels"]:
            for target in panel.get("targets", []):
                queries.append((f"{path.name}: {panel['title']} {target['refId']}", target["expr"]))
    return queries


def all_queries() -> list[tuple[str, str]]:
    """Every PromQL expression newsworker ships: alert rules and dashboard panels."""
    rules = [(f"rule {rule.get('alert') or rule.get('record')}", rule["expr"]) for rule in alert_rules()]
    return rules + dashboard_queries()


def scrape_names(name: str, kind: str) -> set[str]:
    """The sample names a metric family of this type shows in a scrape."""
    if kind == "counter":
        return {name + "_total"}
    if kind == "histogram":
        return {name + "_bucket", name + "_sum", name + "_count"}
    if kind == "summary":
        return {name, name + "_sum", name + "_count"}
    return {name}


def require_tool(name: str) -> str:
    """Path of a monitoring tool; fail under CI when it is missing, else skip."""
    path = shutil.which(name)
    if path:
        return path
    message = f"{name} is not installed: run `bash scripts/install-ops-tools.sh` (Debian's prometheus package)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _promtool(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [require_tool("promtool"), *map(str, args)], cwd=ROOT, capture_output=True, text=True,
        timeout=PROMTOOL_TIMEOUT_S, check=False,
    )


# --- promtool ------------------------------------------------------------------------------------------------


def test_rules_pass_promtool_check() -> None:
    assert RULE_FILES, "no rule files in deploy/prometheus/rules"
    result = _promtool("check", "rules", *RULE_FILES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_rule_unit_tests_pass() -> None:
    assert RULE_TESTS, "no rule tests in deploy/prometheus/tests"
    result = _promtool("test", "rules", *RULE_TESTS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


def test_prometheus_config_is_valid_and_loads_the_rules() -> None:
    result = _promtool("check", "config", PROMETHEUS_DIR / "prometheus.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    loaded = {path for pattern in config["rule_files"] for path in PROMETHEUS_DIR.glob(pattern)}
    assert loaded == set(RULE_FILES)


def test_dashboard_queries_are_valid_promql(tmp_path: Path) -> None:
    """promtool parses each dashboard query as the expression of a recording rule."""
    queries = dashboard_queries()
    rules = [{"record": f"dashboard:query_{i}", "expr": expr} for i, (_, expr) in enumerate(queries)]
    path = tmp_path / "dashboard.rules.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    result = _promtool("check", "rules", path)
    assert result.returncode == 0, result.stdout + result.stderr + "\n".join(f"{i}: {w}" for i, (w, _) in
                                                                             enumerate(queries))


# --- the rules -----------------------------------------------------------------------------------------------


def test_required_alerts_exist() -> None:
    names = {rule.get("alert") for rule in alert_rules()}
    missing = {need: alert for need, alert in REQUIRED_ALERTS.items() if alert not in names}
    assert not missing, missing


def test_lag_alert_waits_ten_minutes() -> None:
    (rule,) = [rule for rule in alert_rules() if rule.get("alert") == "NewsworkerConsumerLagGrowing"]
    assert rule["for"] == "10m"


def test_every_alert_is_described_and_has_a_runbook() -> None:
    docs = OPERATIONS.read_text()
    headings = {line.lstrip("#").strip() for line in docs.splitlines() if line.startswith("#")}
    for rule in alert_rules():
        name = rule["alert"]
        assert rule["labels"]["severity"] in {"warning", "critical"}, name
        assert rule["annotations"]["summary"] and rule["annotations"]["description"], name
        assert rule["annotations"]["runbook"] == f"docs/operations.md#{name.lower()}", name
        assert name in headings, f"docs/operations.md has no section '### {name}'"


def test_every_alert_is_unit_tested_firing_and_quiet() -> None:
    firing: set[str] = set()
    quiet: set[str] = set()
    for path in RULE_TESTS:
        for case in yaml.safe_load(path.read_text())["tests"]:
            for check in case.get("alert_rule_test", []):
                (firing if check.get("exp_alerts") else quiet).add(check["alertname"])
    names = {rule["alert"] for rule in alert_rules()}
    assert names <= firing, f"never shown firing: {sorted(names - firing)}"
    assert names <= quiet, f"never shown quiet: {sorted(names - quiet)}"


# --- the dashboard -------------------------------------------------------------------------------------------


def test_dashboard_has_every_required_panel() -> None:
    assert DASHBOARDS
    for path in DASHBOARDS:
        dashboard = orjson.loads(path.read_bytes())
        titles = [panel["title"].lower() for panel in dashboard["panels"]]
        missing = [need for need, pattern in REQUIRED_PANELS.items() if not any(re.search(pattern, t) for t in titles)]
        assert not missing, f"{path.name} lacks panels for: {missing}"
        ids = [panel["id"] for panel in dashboard["panels"]]
        assert len(ids) == len(set(ids)), "panel ids must be unique"
        assert dashboard["uid"] and dashboard["title"]


def test_latency_panel_shows_p50_and_p99() -> None:
    exprs = [expr for where, expr in dashboard_queries() if "end-to-end latency" in where.lower()]
    assert any(expr.startswith("histogram_quantile(0.5,") for expr in exprs)
    assert any(expr.startswith("histogram_quantile(0.99,") for expr in exprs)


def test_dashboard_panels_query_the_provisioned_datasource() -> None:
    datasource = yaml.safe_load((ROOT / "deploy" / "grafana" / "provisioning" / "datasources" / "prometheus.yml")
                                .read_text())["datasources"][0]
    for path in DASHBOARDS:
        for panel in orjson.loads(path.read_bytes())["panels"]:
            if panel.get("targets"):
                assert panel["datasource"]["uid"] == datasource["uid"], panel["title"]
                for target in panel["targets"]:
                    assert target["expr"].strip(), panel["title"]
                    assert "$" not in target["expr"], "queries are plain PromQL, no Grafana variables"


def test_query_parser_finds_metric_names() -> None:
    expr = ('histogram_quantile(0.99, sum by (le, stage) (rate(newsworker_stage_seconds_bucket{stage!="x"}[5m])))'
            ' > 1 and on (job) absent(up{job="newsworker"} == 1) or 60 * sum without (instance) (foo:bar)')
    assert metric_names(expr) == {"newsworker_stage_seconds_bucket", "up", "foo:bar"}


def test_queries_use_only_metrics_the_worker_defines() -> None:
    """Every name in every rule and panel is a series of a metric in worker/metrics.py (or Prometheus' `up`).

    The names come from the metric families, not from samples, so labelled metrics that have no children yet
    (lag per partition, table sizes) count as well. tests/integration/test_monitoring.py checks the same
    names against a real scrape.
    """
    defined: set[str] = set()
    for family in REGISTRY.collect():
        if family.name.startswith("newsworker_"):
            defined |= scrape_names(family.name, family.type)
    for where, expr in all_queries():
        names = metric_names(expr)
        assert names, f"{where}: selects no metric"
        unknown = names - defined - PROMETHEUS_SERIES
        assert not unknown, f"{where}: {sorted(unknown)} not defined in worker/metrics.py"


def test_install_script_is_idempotent_when_the_tools_are_there() -> None:
    require_tool("promtool")
    require_tool("prometheus")
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "install-ops-tools.sh")], capture_output=True, text=True, timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == "", "nothing to install: the script must do nothing"
