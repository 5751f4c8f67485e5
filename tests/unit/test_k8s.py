"""The Kubernetes manifests in deploy/k8s: parsed, validated against the Kubernetes schemas, and cross-checked.

Core kinds are validated offline and strictly (unknown fields fail) with kubernetes-validate, which ships the
Kubernetes JSON schemas. The custom resources (ServiceMonitor, PrometheusRule, KEDA ScaledObject) have no
schema there, so this file carries small JSON schemas written for them: the fields these manifests use,
typed, and nothing unknown allowed. Nothing is fetched at test time.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from kubernetes_validate import utils as k8s_schemas

from tests.conftest import ROOT
from worker.settings import ENV_DEFAULTS, load_settings

K8S = ROOT / "deploy" / "k8s"
RULES = ROOT / "deploy" / "prometheus" / "rules" / "newsworker.rules.yml"
DOCKERFILE = ROOT / "deploy" / "Dockerfile"

#: Oldest Kubernetes minor the manifests are meant for, and the newest the validator knows.
K8S_VERSIONS = ("1.30.0", k8s_schemas.latest_version())

WORKER_LABELS = {"app.kubernetes.io/name": "newsworker", "app.kubernetes.io/component": "worker"}

# --- schemas for the custom resources ------------------------------------------------------------------------

_DURATION = {
    "type": "string",
    "pattern": r"^(0|([0-9]+y)?([0-9]+w)?([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?)$",
}
_STRING_MAP = {"type": "object", "additionalProperties": {"type": "string"}}
_LABEL_SELECTOR = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "matchLabels": {**_STRING_MAP, "minProperties": 1},
        "matchExpressions": {"type": "array"},
    },
    "anyOf": [{"required": ["matchLabels"]}, {"required": ["matchExpressions"]}],
}
_METADATA = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "pattern": r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "maxLength": 63},
        "namespace": {"type": "string"},
        "labels": _STRING_MAP,
        "annotations": _STRING_MAP,
    },
    "additionalProperties": False,
}


def _resource(api_version: str, kind: str, spec: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["apiVersion", "kind", "metadata", "spec"],
        "additionalProperties": False,
        "properties": {
            "apiVersion": {"const": api_version},
            "kind": {"const": kind},
            "metadata": _METADATA,
            "spec": spec,
        },
    }


SERVICE_MONITOR = _resource("monitoring.coreos.com/v1", "ServiceMonitor", {
    "type": "object",
    "required": ["selector", "endpoints"],
    "additionalProperties": False,
    "properties": {
        "selector": _LABEL_SELECTOR,
        "namespaceSelector": {"type": "object"},
        "jobLabel": {"type": "string"},
        "endpoints": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "anyOf": [{"required": ["port"]}, {"required": ["targetPort"]}],
                "properties": {
                    "port": {"type": "string"},
                    "targetPort": {"type": ["string", "integer"]},
                    "path": {"type": "string", "pattern": "^/"},
                    "scheme": {"enum": ["http", "https"]},
                    "interval": _DURATION,
                    "scrapeTimeout": _DURATION,
                    "honorLabels": {"type": "boolean"},
                    "relabelings": {"type": "array"},
                    "metricRelabelings": {"type": "array"},
                },
            },
        },
    },
})

PROMETHEUS_RULE = _resource("monitoring.coreos.com/v1", "PrometheusRule", {
    "type": "object",
    "required": ["groups"],
    "additionalProperties": False,
    "properties": {
        "groups": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "rules"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string", "minLength": 1},
                    "interval": _DURATION,
                    "rules": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": ["expr"],
                            "additionalProperties": False,
                            "oneOf": [{"required": ["alert"]}, {"required": ["record"]}],
                            "properties": {
                                "alert": {"type": "string"},
                                "record": {"type": "string"},
                                "expr": {"type": "string", "minLength": 1},
                                "for": _DURATION,
                                "labels": _STRING_MAP,
                                "annotations": _STRING_MAP,
                            },
                        },
                    },
                },
            },
        },
    },
})

SCALED_OBJECT = _resource("keda.sh/v1alpha1", "ScaledObject", {
    "type": "object",
    "required": ["scaleTargetRef", "triggers"],
    "additionalProperties": False,
    "properties": {
        "scaleTargetRef": {
            "type": "object",
            "required": ["name"],
            "additionalProperties": False,
            "properties": {
                "apiVersion": {"type": "string"},
                "kind": {"type": "string"},
                "name": {"type": "string"},
                "envSourceContainerName": {"type": "string"},
            },
        },
        "minReplicaCount": {"type": "integer", "minimum": 0},
        "maxReplicaCount": {"type": "integer", "minimum": 1},
        "idleReplicaCount": {"type": "integer", "minimum": 0},
        "pollingInterval": {"type": "integer", "minimum": 1},
        "cooldownPeriod": {"type": "integer", "minimum": 0},
        "fallback": {"type": "object"},
        "advanced": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "restoreToOriginalReplicaCount": {"type": "boolean"},
                "horizontalPodAutoscalerConfig": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"name": {"type": "string"}, "behavior": {"type": "object"}},
                },
            },
        },
        "triggers": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["type", "metadata"],
                "additionalProperties": False,
                "properties": {
                    "type": {"type": "string"},
                    "name": {"type": "string"},
                    "metricType": {"enum": ["AverageValue", "Value", "Utilization"]},
                    "useCachedMetrics": {"type": "boolean"},
                    # KEDA reads every trigger setting as a string: a bare number here is rejected by its CRD.
                    "metadata": _STRING_MAP,
                    "authenticationRef": {
                        "type": "object",
                        "required": ["name"],
                        "additionalProperties": False,
                        "properties": {"name": {"type": "string"}, "kind": {"type": "string"}},
                    },
                },
                "if": {"properties": {"type": {"const": "kafka"}}},
                "then": {
                    "properties": {
                        "metadata": {"required": ["bootstrapServers", "consumerGroup", "topic", "lagThreshold"]},
                    },
                },
            },
        },
    },
})

TRIGGER_AUTHENTICATION = _resource("keda.sh/v1alpha1", "TriggerAuthentication", {
    "type": "object",
    "required": ["secretTargetRef"],
    "additionalProperties": False,
    "properties": {
        "secretTargetRef": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["parameter", "name", "key"],
                "additionalProperties": False,
                "properties": {"parameter": {"type": "string"}, "name": {"type": "string"}, "key": {"type": "string"}},
            },
        },
    },
})

CRD_SCHEMAS: dict[tuple[str, str], dict[str, Any]] = {
    ("monitoring.coreos.com/v1", "ServiceMonitor"): SERVICE_MONITOR,
    ("monitoring.coreos.com/v1", "PrometheusRule"): PROMETHEUS_RULE,
    ("keda.sh/v1alpha1", "ScaledObject"): SCALED_OBJECT,
    ("keda.sh/v1alpha1", "TriggerAuthentication"): TRIGGER_AUTHENTICATION,
}

# --- loading -------------------------------------------------------------------------------------------------


def _manifest_files() -> list[Path]:
    files = sorted(K8S.glob("*.yaml")) + sorted((K8S / "alternatives").glob("*.yaml"))
    return [path for path in files if path.name != "kustomization.yaml"]


def _documents() -> list[tuple[str, dict[str, Any]]]:
    docs = []
    for path in _manifest_files():
        for doc in yaml.safe_load_all(path.read_text()):
            if doc is not None:
                docs.append((str(path.relative_to(ROOT)), doc))
    return docs


DOCUMENTS = _documents()


def _one(kind: str, in_alternatives: bool = False) -> dict[str, Any]:
    found = [doc for name, doc in DOCUMENTS if doc["kind"] == kind and ("/alternatives/" in name) == in_alternatives]
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def _config() -> dict[str, str]:
    data: dict[str, str] = _one("ConfigMap")["data"]
    return data


def _worker_container() -> dict[str, Any]:
    containers = _one("StatefulSet")["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1
    container: dict[str, Any] = containers[0]
    return container


def _validate(doc: dict[str, Any], version: str) -> None:
    schema = CRD_SCHEMAS.get((doc["apiVersion"], doc["kind"]))
    if schema is not None:
        jsonschema.Draft202012Validator(schema).validate(doc)
        return
    k8s_schemas.validate(doc, version, strict=True)


# --- schema validation ---------------------------------------------------------------------------------------


def test_manifests_exist_and_parse() -> None:
    kinds = {doc["kind"] for _, doc in DOCUMENTS}
    assert {"ServiceAccount", "ConfigMap", "Service", "StatefulSet", "PodDisruptionBudget", "ServiceMonitor",
            "PrometheusRule", "ScaledObject", "HorizontalPodAutoscaler"} <= kinds
    for name, doc in DOCUMENTS:
        assert {"apiVersion", "kind", "metadata"} <= set(doc), name


@pytest.mark.parametrize("version", K8S_VERSIONS)
@pytest.mark.parametrize(("name", "doc"), DOCUMENTS, ids=[f"{n}:{d['kind']}" for n, d in DOCUMENTS])
def test_manifest_matches_its_schema(name: str, doc: dict[str, Any], version: str) -> None:
    try:
        _validate(doc, version)
    except k8s_schemas.SchemaNotFoundError as exc:
        pytest.fail(f"{name}: no schema for {doc['apiVersion']} {doc['kind']} ({exc.message}); add one to CRD_SCHEMAS")
    except jsonschema.ValidationError as exc:
        where = list(exc.absolute_path)
        pytest.fail(f"{name}: {doc['kind']} invalid for Kubernetes {version} at {where}: {exc.message}")


@pytest.mark.parametrize(
    ("kind", "path", "value"),
    [
        ("StatefulSet", ("spec", "replica"), 2),  # misspelt field
        ("StatefulSet", ("spec", "replicas"), "2"),  # wrong type
        ("Service", ("spec", "ports", 0, "port"), "web"),
        ("ServiceMonitor", ("spec", "endpoints", 0, "interval"), "15 seconds"),
        ("ScaledObject", ("spec", "triggers", 0, "metadata", "lagThreshold"), 2000),
        ("ScaledObject", ("spec", "maxReplicas"), 4),
        ("PrometheusRule", ("spec", "groups", 0, "rules", 0, "for"), "ten minutes"),
    ],
)
def test_validation_catches_mistakes(kind: str, path: tuple[str | int, ...], value: Any) -> None:
    """The validators are strict: a typo or a wrong type in a manifest fails the suite."""
    doc = copy.deepcopy(_one(kind))
    node: Any = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        _validate(doc, K8S_VERSIONS[-1])


def test_scaledobject_behavior_is_a_valid_hpa_behavior() -> None:
    """KEDA hands advanced.horizontalPodAutoscalerConfig.behavior to the HPA it creates: check it as one."""
    behavior = _one("ScaledObject")["spec"]["advanced"]["horizontalPodAutoscalerConfig"]["behavior"]
    hpa = copy.deepcopy(_one("HorizontalPodAutoscaler", in_alternatives=True))
    hpa["spec"]["behavior"] = behavior
    for version in K8S_VERSIONS:
        k8s_schemas.validate(hpa, version, strict=True)


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    listed = set(kustomization["resources"])
    top_level = {path.name for path in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert listed == top_level, f"unlisted: {sorted(top_level - listed)}, missing: {sorted(listed - top_level)}"
    assert [image["name"] for image in kustomization["images"]] == [_worker_container()["image"]]


# --- consistency between the manifests, the worker and the Dockerfile ---------------------------------------


def test_configmap_sets_only_known_variables_and_matches_the_pod() -> None:
    config = _config()
    assert set(config) <= set(ENV_DEFAULTS), f"unknown variables: {sorted(set(config) - set(ENV_DEFAULTS))}"
    assert all(isinstance(value, str) for value in config.values())
    assert config["NEWSWORKER_STORE"] == "rocksdb"
    container = _worker_container()
    assert container["envFrom"] == [{"configMapRef": {"name": _one("ConfigMap")["metadata"]["name"]}}]
    mounts = {mount["name"]: mount["mountPath"] for mount in container["volumeMounts"]}
    assert mounts["data"] == config["NEWSWORKER_DATA_DIR"]
    web = {port["name"]: port["containerPort"] for port in container["ports"]}["web"]
    assert web == int(config["NEWSWORKER_WEB_PORT"])
    assert config["NEWSWORKER_WEB_HOST"] == "0.0.0.0"  # noqa: S104 - the kubelet and Prometheus connect from outside


def test_statefulset_keeps_state_on_a_volume_claim() -> None:
    spec = _one("StatefulSet")["spec"]
    assert spec["serviceName"] == _one("Service")["metadata"]["name"]
    templates = {claim["metadata"]["name"]: claim for claim in spec["volumeClaimTemplates"]}
    assert templates["data"]["spec"]["accessModes"] == ["ReadWriteOnce"]
    assert templates["data"]["spec"]["resources"]["requests"]["storage"]
    pod_volumes = {volume["name"] for volume in spec["template"]["spec"].get("volumes", [])}
    assert "data" not in pod_volumes, "the data volume must come from the claim template"
    assert spec["updateStrategy"]["type"] == "RollingUpdate"


def test_selectors_match_the_pods() -> None:
    statefulset = _one("StatefulSet")
    pod_labels = statefulset["spec"]["template"]["metadata"]["labels"]
    assert statefulset["spec"]["selector"]["matchLabels"] == WORKER_LABELS
    assert WORKER_LABELS.items() <= pod_labels.items()
    assert _one("Service")["spec"]["selector"] == WORKER_LABELS
    assert _one("PodDisruptionBudget")["spec"]["selector"]["matchLabels"] == WORKER_LABELS
    service_labels = _one("Service")["metadata"]["labels"]
    assert _one("ServiceMonitor")["spec"]["selector"]["matchLabels"].items() <= service_labels.items()


def test_service_is_headless_and_exposes_the_web_port() -> None:
    spec = _one("Service")["spec"]
    assert spec["clusterIP"] == "None"
    ports = {port["name"]: port for port in spec["ports"]}
    assert ports["web"]["port"] == int(_config()["NEWSWORKER_WEB_PORT"])
    assert ports["web"]["targetPort"] == "web"
    endpoint_ports = {endpoint["port"] for endpoint in _one("ServiceMonitor")["spec"]["endpoints"]}
    assert endpoint_ports <= set(ports)
    assert {endpoint["path"] for endpoint in _one("ServiceMonitor")["spec"]["endpoints"]} == {"/metrics"}


def test_probes_use_the_health_endpoints() -> None:
    container = _worker_container()
    assert container["readinessProbe"]["httpGet"] == {"path": "/health/ready", "port": "web"}
    assert container["livenessProbe"]["httpGet"] == {"path": "/health/live", "port": "web"}
    # Liveness must not depend on readiness: a rebalance or a table recovery is not a reason to restart.
    assert container["startupProbe"]["httpGet"]["path"] == "/health/live"
    startup = container["startupProbe"]
    assert startup["periodSeconds"] * startup["failureThreshold"] >= 120


def test_resources_have_requests_and_limits() -> None:
    resources = _worker_container()["resources"]
    for key in ("cpu", "memory"):
        assert resources["requests"][key] and resources["limits"][key], key


def test_pod_runs_as_the_image_user_without_privileges() -> None:
    match = re.search(r"--uid (\d+)", DOCKERFILE.read_text())
    assert match, "the Dockerfile creates no user with a fixed uid"
    uid = int(match.group(1))
    pod = _one("StatefulSet")["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsUser"] == uid
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["fsGroup"] == uid
    container = _worker_container()
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert container["securityContext"]["capabilities"]["drop"] == ["ALL"]
    assert container["args"] == ["worker"]
    # The worker drains in about 4 s on SIGTERM; leave room for a slow commit.
    assert pod["terminationGracePeriodSeconds"] >= 15


def test_disruption_budget_allows_one_worker_down() -> None:
    assert _one("PodDisruptionBudget")["spec"]["maxUnavailable"] == 1


def test_scaling_follows_the_consumer_group_and_the_partitions() -> None:
    config = _config()
    partitions = int(config["NEWSWORKER_PARTITIONS"])
    scaled = _one("ScaledObject")["spec"]
    statefulset = _one("StatefulSet")
    target = scaled["scaleTargetRef"]
    assert (target["apiVersion"], target["kind"], target["name"]) == ("apps/v1", "StatefulSet",
                                                                      statefulset["metadata"]["name"])
    assert 1 <= scaled["minReplicaCount"] <= statefulset["spec"]["replicas"] <= scaled["maxReplicaCount"]
    assert scaled["maxReplicaCount"] <= partitions, "more workers than input partitions would sit idle"
    (trigger,) = scaled["triggers"]
    assert trigger["type"] == "kafka"
    metadata = trigger["metadata"]
    assert metadata["consumerGroup"] == config["NEWSWORKER_APP_ID"]
    assert metadata["topic"] == config["NEWSWORKER_TOPIC_PREFIX"] + config["NEWSWORKER_TOPIC_RAW"]
    assert metadata["bootstrapServers"] == config["KAFKA_BOOTSTRAP"]
    assert metadata["allowIdleConsumers"] == "false"
    assert int(metadata["lagThreshold"]) > 0

    hpa = _one("HorizontalPodAutoscaler", in_alternatives=True)["spec"]
    assert hpa["scaleTargetRef"] == target
    assert hpa["maxReplicas"] <= partitions
    (metric,) = hpa["metrics"]
    assert metric["external"]["metric"]["name"] == "newsworker_consumer_lag_messages"


def test_prometheusrule_carries_the_same_rules_as_the_rules_file() -> None:
    assert _one("PrometheusRule")["spec"] == yaml.safe_load(RULES.read_text())


def test_alert_job_label_is_the_scraped_service() -> None:
    """The ServiceMonitor's job label is the Service name; the rules select up{job="newsworker"}."""
    assert _one("Service")["metadata"]["name"] == "newsworker"
    assert 'up{job="newsworker"}' in RULES.read_text()


# --- security ------------------------------------------------------------------------------------------------


def _kustomization() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    return loaded


def test_secrets_reach_the_worker_as_files_only() -> None:
    """Passwords and the token come from the generated Secret as files; none is an environment value."""
    generated = {secret["name"]: secret for secret in _kustomization()["secretGenerator"]}
    files = dict(entry.split("=", 1) for entry in generated["newsworker-secrets"]["files"])
    assert set(files) == {"kafka-sasl-password", "api-token", "kafka-ca.pem"}
    assert all(path.startswith("secrets/") for path in files.values())
    assert "deploy/k8s/secrets/" in (ROOT / ".gitignore").read_text()
    pod = _one("StatefulSet")["spec"]["template"]["spec"]
    volume = next(v for v in pod["volumes"] if "secret" in v)
    assert volume["secret"]["secretName"] == "newsworker-secrets"
    assert volume["secret"]["defaultMode"] & 0o007 == 0, "the secret files must not be world-readable"
    container = _worker_container()
    mount = next(m for m in container["volumeMounts"] if m["name"] == volume["name"])
    assert mount["readOnly"] is True
    env = {item["name"]: item.get("value") for item in container["env"]}
    assert env["KAFKA_SASL_PASSWORD_FILE"] == f"{mount['mountPath']}/kafka-sasl-password"
    assert env["NEWSWORKER_API_TOKEN_FILE"] == f"{mount['mountPath']}/api-token"
    assert env["KAFKA_SSL_CAFILE"] == f"{mount['mountPath']}/kafka-ca.pem"
    for name in ("KAFKA_SASL_PASSWORD", "NEWSWORKER_API_TOKEN", "KAFKA_SSL_KEY_PASSWORD"):
        assert name not in env and name not in _config()


def test_the_configuration_is_secure_and_complete(tmp_path: Path) -> None:
    """The ConfigMap with the pod's file variables passes the worker's own settings check."""
    config = _config()
    env = dict(config)
    for item in _worker_container()["env"]:
        if item["name"].endswith(("_FILE", "_CAFILE")):
            local = tmp_path / Path(item["value"]).name
            local.write_text("stand-in\n")
            env[item["name"]] = str(local)
    settings = load_settings(env)
    assert settings.kafka_security.uses_sasl and settings.kafka_security.uses_tls
    assert settings.api_token is not None
    assert config["KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
    assert config["KAFKA_SSL_CHECK_HOSTNAME"] == "true"
    assert config["KAFKA_SASL_MECHANISM"] in ("SCRAM-SHA-256", "SCRAM-SHA-512")
    trigger = _one("ScaledObject")["spec"]["triggers"][0]
    assert trigger["authenticationRef"]["name"] == _one("TriggerAuthentication")["metadata"]["name"]
    keda = {secret["name"]: secret for secret in _kustomization()["secretGenerator"]}["newsworker-keda-kafka"]
    literals = dict(entry.split("=", 1) for entry in keda["literals"])
    assert literals["username"] == config["KAFKA_SASL_USERNAME"]
    keda_sasl = {"PLAIN": "plaintext", "SCRAM-SHA-256": "scram_sha256", "SCRAM-SHA-512": "scram_sha512"}
    assert literals["sasl"] == keda_sasl[config["KAFKA_SASL_MECHANISM"]]
    assert literals["tls"] == "enable"
    params = {ref["parameter"] for ref in _one("TriggerAuthentication")["spec"]["secretTargetRef"]}
    assert params == {"sasl", "username", "password", "tls", "ca"}


def test_the_pod_cannot_write_its_image_or_gain_privileges() -> None:
    pod = _one("StatefulSet")["spec"]["template"]["spec"]
    assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    container = _worker_container()
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    writable = {m["mountPath"] for m in container["volumeMounts"] if not m.get("readOnly")}
    assert _config()["NEWSWORKER_DATA_DIR"] in writable


def test_network_policy_admits_the_web_port_from_monitoring_peers_and_labelled_clients() -> None:
    policy = _one("NetworkPolicy")["spec"]
    assert policy["podSelector"]["matchLabels"] == WORKER_LABELS
    assert policy["policyTypes"] == ["Ingress"]
    sources = [peer for rule in policy["ingress"] for peer in rule["from"]]
    assert {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}} in sources
    assert {"podSelector": {"matchLabels": WORKER_LABELS}} in sources
    assert any(p.get("podSelector", {}).get("matchLabels") == {"newsworker.io/api-client": "true"} for p in sources)
    for rule in policy["ingress"]:
        assert rule["ports"] == [{"port": "web", "protocol": "TCP"}]
