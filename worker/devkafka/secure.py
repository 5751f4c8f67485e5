"""The local broker's secure mode: TLS material, SCRAM users, ACLs and the clients' env files.

``newsworker kafka start --secure`` runs the broker with one client listener, SASL_SSL with
SCRAM-SHA-512, and KRaft's ``StandardAuthorizer``: nobody but the broker's own ``admin`` may do
anything an ACL does not grant. The controller listener is SASL_SSL too (PLAIN, admin only,
on 127.0.0.1): no listener speaks plaintext.

Three users are created when the storage is formatted, with the ACLs their jobs need and no more:

* ``newsworker``: reads the input topic, writes the output topics, owns everything named
  ``{app_id}-*`` (internal topics, changelogs, transactional ids) and its consumer group;
* ``producer``: writes the input topic only;
* ``reader``: reads the output topics only, in any consumer group.

For each user, ``DIR/<env name>`` holds the ``KAFKA_*`` lines a client needs, with the password in
a file of mode 0600 beside it.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess  # noqa: S404 - openssl and Kafka's own ACL tool are run on purpose
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from worker.errors import BrokerSetupError
from worker.settings import Settings

__all__ = [
    "ADMIN",
    "AclGrant",
    "USERS",
    "acl_grants",
    "apply_acls",
    "broker_properties",
    "client_env",
    "ensure_credentials",
    "ensure_tls",
    "scram_arguments",
]

ADMIN = "admin"
#: Client users and the env file each one's settings go to.
USERS = {"newsworker": "client.env", "producer": "producer.env", "reader": "reader.env"}
MECHANISM = "SCRAM-SHA-512"
_CERT_DAYS = 825


def _write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read, created so (never world-readable for a moment)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    path.chmod(0o600)


def ensure_credentials(data_dir: Path) -> dict[str, str]:
    """Each user's password, generated once and kept in ``DIR/secrets/<user>.password``."""
    folder = data_dir / "secrets"
    passwords: dict[str, str] = {}
    for user in (ADMIN, *USERS):
        path = folder / f"{user}.password"
        if not path.exists():
            _write_private(path, secrets.token_urlsafe(24))
        passwords[user] = path.read_text(encoding="utf-8").strip()
    return passwords


def _openssl(args: Sequence[str], cwd: Path) -> None:
    openssl = shutil.which("openssl")
    if openssl is None:
        raise BrokerSetupError("openssl is needed to make the secure broker's certificates; install it")
    done = subprocess.run([openssl, *args], cwd=cwd, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BrokerSetupError(f"openssl {args[0]} failed: {done.stderr.strip()[-300:]}")


def ensure_tls(data_dir: Path) -> Path:
    """A local CA and a broker certificate for 127.0.0.1 and localhost, made once; returns ``DIR/tls``.

    ``ca.pem`` is what clients trust (KAFKA_SSL_CAFILE); ``broker.pem`` holds the broker's
    unencrypted PKCS#8 key and its certificate, Kafka's PEM key store format.
    """
    tls = data_dir / "tls"
    if (tls / "broker.pem").exists() and (tls / "ca.pem").exists():
        return tls
    tls.mkdir(parents=True, exist_ok=True)
    tls.chmod(0o700)
    _openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
              "-days", str(_CERT_DAYS), "-subj", "/CN=newsworker local CA",
              "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"], tls)
    _openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "broker.key", "-out", "broker.csr",
              "-subj", "/CN=localhost"], tls)
    (tls / "broker.ext").write_text(
        "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\n"
        "extendedKeyUsage=serverAuth,clientAuth\n"
    )
    _openssl(["x509", "-req", "-in", "broker.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
              "-out", "broker.crt", "-days", str(_CERT_DAYS), "-extfile", "broker.ext"], tls)
    # Kafka's PEM key store wants a PKCS#8 key; openssl 1.1 and 3 write one with -nodes, but say so.
    _openssl(["pkcs8", "-topk8", "-nocrypt", "-in", "broker.key", "-out", "broker.pk8"], tls)
    _write_private(tls / "broker.pem", (tls / "broker.pk8").read_text() + (tls / "broker.crt").read_text())
    for name in ("broker.key", "broker.pk8", "broker.csr", "broker.ext", "ca.key", "ca.srl"):
        (tls / name).unlink(missing_ok=True)
    return tls


def _jaas_scram(user: str, password: str) -> str:
    return f'org.apache.kafka.common.security.scram.ScramLoginModule required username="{user}" password="{password}";'


def broker_properties(data_dir: Path, port: int, controller_port: int, admin_password: str) -> str:
    """The lines that make the single-node broker secure; they follow the plain ones."""
    tls = data_dir / "tls"
    plain_jaas = (
        "org.apache.kafka.common.security.plain.PlainLoginModule required "
        f'username="{ADMIN}" password="{admin_password}" user_{ADMIN}="{admin_password}";'
    )
    return f"""
# --- secure mode: SASL_SSL only, SCRAM users, ACLs (newsworker kafka start --secure)
listeners=CLIENT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller_port}
advertised.listeners=CLIENT://127.0.0.1:{port}
listener.security.protocol.map=CLIENT:SASL_SSL,CONTROLLER:SASL_SSL
inter.broker.listener.name=CLIENT
sasl.mechanism.inter.broker.protocol={MECHANISM}
listener.name.client.sasl.enabled.mechanisms={MECHANISM}
listener.name.client.scram-sha-512.sasl.jaas.config={_jaas_scram(ADMIN, admin_password)}
# SCRAM users live in the metadata log, which a controller cannot read before it runs: PLAIN here.
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config={plain_jaas}
ssl.keystore.type=PEM
ssl.keystore.location={tls / "broker.pem"}
ssl.truststore.type=PEM
ssl.truststore.location={tls / "ca.pem"}
ssl.client.auth=none
ssl.endpoint.identification.algorithm=https
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:{ADMIN}
allow.everyone.if.no.acl.found=false
"""


def scram_arguments(passwords: dict[str, str]) -> list[str]:
    """``kafka-storage format`` arguments that create every user's SCRAM credentials."""
    args: list[str] = []
    for user in (ADMIN, *USERS):
        args += ["--add-scram", f"{MECHANISM}=[name={user},password={passwords[user]}]"]
    return args


def client_env(data_dir: Path, bootstrap: str, user: str) -> str:
    """The env file's text for ``user``: every KAFKA_* line a client needs, with absolute paths."""
    data_dir = data_dir.resolve()
    return (
        f"# Written by newsworker kafka start --secure: settings for a client logging in as {user!r}.\n"
        f"KAFKA_BOOTSTRAP={bootstrap}\n"
        "KAFKA_SECURITY_PROTOCOL=SASL_SSL\n"
        f"KAFKA_SASL_MECHANISM={MECHANISM}\n"
        f"KAFKA_SASL_USERNAME={user}\n"
        f"KAFKA_SASL_PASSWORD_FILE={data_dir / 'secrets' / f'{user}.password'}\n"
        f"KAFKA_SSL_CAFILE={data_dir / 'tls' / 'ca.pem'}\n"
    )


def write_env_files(data_dir: Path, bootstrap: str) -> dict[str, Path]:
    written = {}
    for user, name in USERS.items():
        path = data_dir / name
        path.write_text(client_env(data_dir, bootstrap, user), encoding="utf-8")
        written[user] = path
    return written


def admin_client_properties(data_dir: Path, admin_password: str) -> Path:
    """Java client properties for the broker's admin, for Kafka's ACL tool."""
    path = data_dir / "secrets" / "admin.properties"
    _write_private(
        path,
        "security.protocol=SASL_SSL\n"
        f"sasl.mechanism={MECHANISM}\n"
        f"sasl.jaas.config={_jaas_scram(ADMIN, admin_password)}\n"
        "ssl.truststore.type=PEM\n"
        f"ssl.truststore.location={data_dir / 'tls' / 'ca.pem'}\n",
    )
    return path


@dataclass(frozen=True, slots=True)
class AclGrant:
    """One ``kafka-acls --add``: a user may do these operations on these resources."""

    user: str
    operations: tuple[str, ...]
    resource: str
    """``topic``, ``group`` or ``transactional-id``."""
    names: tuple[str, ...]
    prefixed: bool = False

    def arguments(self, action: str = "--add") -> list[str]:
        args = [action, "--allow-principal", f"User:{self.user}"]
        for operation in self.operations:
            args += ["--operation", operation]
        for name in self.names:
            args += [f"--{self.resource}", name]
        if self.prefixed:
            args += ["--resource-pattern-type", "prefixed"]
        return args


def acl_grants(settings: Settings) -> list[AclGrant]:
    """The ACLs of the three users for the topic names and app id in ``settings``."""
    t = settings.topics
    outputs = (t.enriched, t.quotes, t.entities, t.trends, t.dlq)
    internal = f"{settings.app_id}-"
    return [
        AclGrant("newsworker", ("Read", "Describe", "Create", "DescribeConfigs"), "topic", (t.raw,)),
        AclGrant("newsworker", ("Write", "Describe", "Create", "DescribeConfigs"), "topic", outputs),
        AclGrant("newsworker", ("All",), "topic", (internal,), prefixed=True),
        AclGrant("newsworker", ("Read", "Describe"), "group", (settings.app_id,)),
        AclGrant("newsworker", ("Write", "Describe"), "transactional-id", (internal,), prefixed=True),
        AclGrant("producer", ("Write", "Describe", "Create", "DescribeConfigs"), "topic", (t.raw,)),
        AclGrant("reader", ("Read", "Describe"), "topic", outputs),
        AclGrant("reader", ("Read", "Describe"), "group", ("*",)),
    ]


def apply_acls(
    java: str, classpath: str, data_dir: Path, bootstrap: str, grants: Iterable[AclGrant], action: str = "--add"
) -> None:
    """Run Kafka's own ACL tool as the admin for each grant, a few at a time (each is a JVM)."""
    properties = data_dir / "secrets" / "admin.properties"

    def run(grant: AclGrant) -> str | None:
        command = [java, "-Xmx128m", "-cp", classpath, "kafka.admin.AclCommand", "--bootstrap-server", bootstrap,
                   "--command-config", str(properties), *grant.arguments(action)]
        if action == "--remove":
            command.append("--force")
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)  # noqa: S603
        if done.returncode != 0:
            return f"{' '.join(grant.arguments(action))}: {(done.stderr or done.stdout).strip()[-300:]}"
        return None

    with ThreadPoolExecutor(max_workers=4) as pool:
        failures = [f for f in pool.map(run, list(grants)) if f]
    if failures:
        raise BrokerSetupError("kafka-acls failed: " + " | ".join(failures))
