"""Kafka client security: the settings' checks, the clients' arguments, and the secure broker's files.

The refusals themselves (a wrong password, a client without TLS, an ACL) are tried against the local
secure broker in tests/integration/test_secure.py.
"""

from __future__ import annotations

import ssl
import subprocess
from pathlib import Path

import faust
import pytest
from aiokafka import errors as kafka_errors

from worker.devkafka import secure
from worker.errors import ConfigError
from worker.kafka_clients import KafkaClientConfig, client_config, denied
from worker.settings import KafkaSecurity, load_settings


@pytest.fixture(scope="module")
def ca_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ca")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "ca.pem",
         "-days", "2", "-subj", "/CN=test CA"], cwd=folder, check=True, capture_output=True,
    )
    return folder / "ca.pem"


def _sasl_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    password = tmp_path / "password"
    password.write_text("s3cret-value\n")
    return {"KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
            "KAFKA_SASL_USERNAME": "newsworker", "KAFKA_SASL_PASSWORD_FILE": str(password), **extra}


def test_plaintext_is_the_default_and_needs_nothing() -> None:
    security = load_settings({}).kafka_security
    assert security == KafkaSecurity()
    client = client_config(load_settings({}))
    assert client.kwargs() == {"bootstrap_servers": "127.0.0.1:9092", "security_protocol": "PLAINTEXT"}
    assert client.faust_credentials is None


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"KAFKA_SECURITY_PROTOCOL": "TLS"}, "must be one of: PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL"),
        ({"KAFKA_SECURITY_PROTOCOL": "SASL_SSL"}, "needs KAFKA_SASL_MECHANISM"),
        ({"KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_MECHANISM": "GSSAPI"}, "KAFKA_SASL_MECHANISM='GSSAPI'"),
        ({"KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_MECHANISM": "PLAIN"}, "needs KAFKA_SASL_USERNAME"),
        ({"KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT", "KAFKA_SASL_MECHANISM": "PLAIN", "KAFKA_SASL_USERNAME": "u"},
         "needs KAFKA_SASL_PASSWORD_FILE"),
        ({"KAFKA_SASL_USERNAME": "u"}, "KAFKA_SASL_USERNAME is set but KAFKA_SECURITY_PROTOCOL=PLAINTEXT"),
        ({"KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT", "KAFKA_SASL_MECHANISM": "PLAIN", "KAFKA_SASL_USERNAME": "u",
          "KAFKA_SASL_PASSWORD": "p", "KAFKA_SSL_CAFILE": "/etc/hostname"}, "does not use TLS"),
        ({"KAFKA_SECURITY_PROTOCOL": "SSL", "KAFKA_SSL_CAFILE": "/no/such/ca.pem"}, "KAFKA_SSL_CAFILE='/no/such"),
        ({"KAFKA_SECURITY_PROTOCOL": "SSL", "KAFKA_SSL_CERTFILE": "/etc/hostname"}, "needs both KAFKA_SSL_CERTFILE"),
        ({"KAFKA_SECURITY_PROTOCOL": "SSL", "KAFKA_SSL_CHECK_HOSTNAME": "maybe"}, "must be true or false"),
    ],
)
def test_a_bad_or_incomplete_combination_fails_with_one_line(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace("[", r"\[")) as raised:
        load_settings(env)
    assert "\n" not in str(raised.value)


def test_sasl_over_tls_gives_aiokafka_and_faust_the_same_login(tmp_path: Path, ca_file: Path) -> None:
    settings = load_settings(_sasl_env(tmp_path, KAFKA_SSL_CAFILE=str(ca_file), KAFKA_BOOTSTRAP="k1:9093,k2:9093"))
    client = client_config(settings)
    kwargs = client.kwargs(request_timeout_ms=5000)
    assert kwargs["bootstrap_servers"] == "k1:9093,k2:9093" and kwargs["request_timeout_ms"] == 5000
    assert kwargs["security_protocol"] == "SASL_SSL"
    assert kwargs["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (kwargs["sasl_plain_username"], kwargs["sasl_plain_password"]) == ("newsworker", "s3cret-value")
    context = kwargs["ssl_context"]
    assert isinstance(context, ssl.SSLContext)
    assert context.check_hostname and context.verify_mode == ssl.CERT_REQUIRED
    credentials = client.faust_credentials
    assert isinstance(credentials, faust.SASLCredentials)
    assert credentials.protocol.value == "SASL_SSL" and credentials.mechanism.value == "SCRAM-SHA-512"
    assert (credentials.username, credentials.password) == ("newsworker", "s3cret-value")
    assert credentials.ssl_context is context
    # the password shows nowhere a log line could take it from
    assert "s3cret-value" not in repr(settings) + client.describe() + repr(credentials)


def test_tls_without_sasl_and_without_hostname_checks(ca_file: Path) -> None:
    settings = load_settings({"KAFKA_SECURITY_PROTOCOL": "ssl", "KAFKA_SSL_CAFILE": str(ca_file),
                              "KAFKA_SSL_CHECK_HOSTNAME": "false"})
    client = client_config(settings)
    assert client.options["security_protocol"] == "SSL" and "sasl_mechanism" not in client.options
    assert client.options["ssl_context"].check_hostname is False
    assert isinstance(client.faust_credentials, faust.SSLCredentials)


def test_a_ca_file_that_is_no_certificate_is_a_configuration_error(tmp_path: Path) -> None:
    bogus = tmp_path / "ca.pem"
    bogus.write_text("not a certificate\n")
    settings = load_settings({"KAFKA_SECURITY_PROTOCOL": "SSL", "KAFKA_SSL_CAFILE": str(bogus)})
    with pytest.raises(ConfigError, match="KAFKA_SSL_CAFILE: not a usable PEM file"):
        client_config(settings)


def test_refusals_name_the_user_the_operation_and_the_resource(tmp_path: Path) -> None:
    client = client_config(load_settings(_sasl_env(tmp_path, KAFKA_SECURITY_PROTOCOL="SASL_PLAINTEXT")))
    topic = denied(kafka_errors.TopicAuthorizationFailedError("news.enriched"), client, "write to")
    assert topic == "not authorised: newsworker may not write to topic news.enriched (no ACL grants it; " \
                    "see docs/operations.md)"
    group = denied(kafka_errors.GroupAuthorizationFailedError(), client, "join", "consumer group newsworker")
    assert group is not None and "may not join consumer group newsworker" in group
    assert denied(kafka_errors.KafkaConnectionError("closed"), client, "read") is None
    anonymous = denied(kafka_errors.TopicAuthorizationFailedError("t"), KafkaClientConfig("k:9092"), "read")
    assert anonymous is not None and anonymous.startswith("not authorised: this client may not read topic t")


def test_the_secure_broker_grants_each_user_only_its_job() -> None:
    settings = load_settings({"NEWSWORKER_APP_ID": "nw", "NEWSWORKER_TOPIC_PREFIX": "p."})
    grants = secure.acl_grants(settings)
    by_user: dict[str, list[secure.AclGrant]] = {}
    for grant in grants:
        by_user.setdefault(grant.user, []).append(grant)
    assert set(by_user) == {"newsworker", "producer", "reader"}
    producer = by_user["producer"]
    assert [(g.resource, g.names) for g in producer] == [("topic", ("p.news.raw",))]
    assert "Read" not in producer[0].operations and "Write" in producer[0].operations
    reader_topics = {name for g in by_user["reader"] if g.resource == "topic" for name in g.names}
    assert reader_topics == {"p.news.enriched", "p.news.quotes", "p.news.entities", "p.news.trends", "p.news.dlq"}
    assert all("Write" not in g.operations and "All" not in g.operations for g in by_user["reader"])
    prefixed = [g for g in by_user["newsworker"] if g.prefixed]
    assert {(g.resource, g.names) for g in prefixed} == {("topic", ("nw-",)), ("transactional-id", ("nw-",))}
    assert secure.AclGrant("reader", ("Read",), "topic", ("t",)).arguments("--remove") == [
        "--remove", "--allow-principal", "User:reader", "--operation", "Read", "--topic", "t"]


def test_the_secure_broker_has_no_plaintext_listener_and_writes_absolute_env_files(tmp_path: Path) -> None:
    properties = secure.broker_properties(tmp_path, 9093, 9094, "admin-pw")
    protocols = next(line for line in properties.splitlines() if line.startswith("listener.security.protocol.map"))
    assert protocols == "listener.security.protocol.map=CLIENT:SASL_SSL,CONTROLLER:SASL_SSL"
    assert "allow.everyone.if.no.acl.found=false" in properties
    assert "StandardAuthorizer" in properties
    text = secure.client_env(tmp_path, "127.0.0.1:9093", "reader")
    lines = dict(line.split("=", 1) for line in text.splitlines() if not line.startswith("#"))
    assert lines["KAFKA_SASL_USERNAME"] == "reader"
    assert Path(lines["KAFKA_SASL_PASSWORD_FILE"]).is_absolute()
    assert Path(lines["KAFKA_SSL_CAFILE"]).is_absolute()
    passwords = secure.ensure_credentials(tmp_path)
    assert set(passwords) == {"admin", "newsworker", "producer", "reader"}
    assert (tmp_path / "secrets" / "reader.password").stat().st_mode & 0o777 == 0o600
    assert secure.ensure_credentials(tmp_path) == passwords  # made once, kept
    # the env file loads as the settings of a client once its files exist
    Path(lines["KAFKA_SSL_CAFILE"]).parent.mkdir(parents=True, exist_ok=True)
    Path(lines["KAFKA_SSL_CAFILE"]).write_text("ca\n")
    assert load_settings(lines).kafka_security.sasl_username == "reader"
