"""A local single-node Apache Kafka broker (KRaft) for machines without Docker.

The broker's jars come from Maven Central through the pom.xml beside this
file; Java 17 runs them. ``start`` returns only when an admin client can
describe the cluster and find the group and transaction coordinators, so
callers can use the broker at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess  # noqa: S404 - starting java and mvn is this module's purpose
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from worker.devkafka import secure
from worker.errors import BrokerSetupError
from worker.settings import Settings

__all__ = [
    "BrokerHandle", "KAFKA_VERSION", "change_acls", "default_lib_dir", "ensure_jars", "free_port", "start", "stop",
]

KAFKA_VERSION = "3.9.1"
POM = Path(__file__).resolve().parent / "pom.xml"
READY_TIMEOUT_S = 120.0


@dataclass(frozen=True, slots=True)
class BrokerHandle:
    """A running local broker."""

    bootstrap: str
    """host:port for clients."""
    pid: int
    """The java process id."""
    data_dir: Path
    """Where its logs, metadata and pid file live."""
    started_in_s: float
    """Seconds from the start command to the broker being ready."""
    secure: bool = False
    """SASL_SSL with ACLs; the clients' settings are in ``env_files``."""
    env_files: dict[str, Path] | None = None
    """User -> env file with the KAFKA_* lines for it (secure mode)."""


def _log(message: str) -> None:
    print(f"[kafka] {message}", file=sys.stderr, flush=True)  # noqa: T201 - progress for a CLI user


def default_lib_dir() -> Path:
    """Where the broker's jars are kept: NEWSWORKER_KAFKA_LIB, else the user's cache."""
    override = os.environ.get("NEWSWORKER_KAFKA_LIB")
    if override:
        return Path(override).expanduser()
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return cache / "newsworker" / f"kafka-{KAFKA_VERSION}" / "lib"


def ensure_jars(lib_dir: Path | None = None) -> Path:
    """Fetch the broker's jars with Maven unless they are already there."""
    lib = lib_dir or default_lib_dir()
    if any(lib.glob(f"kafka_2.13-{KAFKA_VERSION}.jar")):
        return lib
    mvn = shutil.which("mvn")
    if mvn is None:
        raise BrokerSetupError("Maven (mvn) is needed to fetch Kafka's jars from Maven Central; install it")
    _log(f"fetching Apache Kafka {KAFKA_VERSION} from Maven Central into {lib}")
    lib.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(  # noqa: S603 - fixed argument list
        [mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
         f"-DoutputDirectory={lib}", "-DincludeScope=runtime"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not any(lib.glob("kafka_2.13-*.jar")):
        tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
        raise BrokerSetupError("mvn could not fetch Kafka: " + " | ".join(tail))
    return lib


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _plaintext_listeners(port: int, controller_port: int) -> str:
    return f"""listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller_port}
advertised.listeners=PLAINTEXT://127.0.0.1:{port}
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
"""


def _properties(data_dir: Path, port: int, controller_port: int, listeners: str) -> str:
    return f"""# Written by newsworker kafka start: a single-node KRaft broker for development and tests.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:{controller_port}
controller.listener.names=CONTROLLER
{listeners.strip()}
log.dirs={data_dir / "logs"}
num.partitions=1
default.replication.factor=1
# Topics are created by newsworker with the configured partitions, never by a client's first use.
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
group.initial.rebalance.delay.ms=0
# Faust's changelog topics are compacted; the cleaner's default 128 MiB buffer does not fit a 512 MiB heap.
log.cleaner.dedupe.buffer.size=16777216
log.retention.hours=24
log.segment.bytes=67108864
"""


_LOG4J = """log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${kafka.logs.dir}/server.log
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
"""


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_pid(data_dir: Path) -> int | None:
    pid_file = data_dir / "kafka.pid"
    try:
        pid = int(pid_file.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    return pid if _pid_alive(pid) else None


async def wait_ready(
    bootstrap: str, timeout_s: float = READY_TIMEOUT_S, pid: int | None = None, client: dict[str, object] | None = None
) -> None:
    """Return when the cluster answers and both coordinators are found; raise BrokerSetupError on timeout.

    ``client`` holds aiokafka's security arguments when the broker is secure.
    """
    from aiokafka.admin import AIOKafkaAdminClient

    from worker.kafka_io import quiet_aiokafka

    deadline = time.monotonic() + timeout_s
    last_error = "no answer yet"
    while time.monotonic() < deadline:
        if pid is not None and not _pid_alive(pid):
            raise BrokerSetupError("the broker process exited during start-up")
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=5000, **(client or {}))
        try:
            # Connection refusals are expected while the broker boots.
            with quiet_aiokafka():
                await admin.start()
                await admin.describe_cluster()
                await admin.find_coordinator("newsworker-readiness", coordinator_type=0)
                await admin.find_coordinator("newsworker-readiness", coordinator_type=1)
            return
        except Exception as exc:  # noqa: BLE001 - any failure means "not ready yet"
            last_error = f"{type(exc).__name__}: {exc}"
        finally:
            with contextlib.suppress(Exception):
                await admin.close()
        await asyncio.sleep(0.5)
    raise BrokerSetupError(f"the broker at {bootstrap} was not ready within {timeout_s:.0f} s ({last_error})")


_MODE_FILE = "mode"


def _mode_of(data_dir: Path) -> str | None:
    """``plaintext`` or ``secure`` for a formatted data dir, None for a new one."""
    if not (data_dir / "logs" / "meta.properties").exists():
        return None
    marker = data_dir / _MODE_FILE
    return marker.read_text().strip() if marker.exists() else "plaintext"


def _admin_client(data_dir: Path) -> dict[str, object]:
    """aiokafka arguments for the secure broker's admin: readiness checks only."""
    from worker.kafka_clients import ssl_context
    from worker.settings import KafkaSecurity

    password = (data_dir / "secrets" / f"{secure.ADMIN}.password").read_text().strip()
    security = KafkaSecurity(protocol="SASL_SSL", ssl_cafile=data_dir / "tls" / "ca.pem")
    return {
        "security_protocol": "SASL_SSL",
        "ssl_context": ssl_context(security),
        "sasl_mechanism": secure.MECHANISM,
        "sasl_plain_username": secure.ADMIN,
        "sasl_plain_password": password,
    }


def start(
    data_dir: Path,
    port: int = 9092,
    lib_dir: Path | None = None,
    heap: str = "512m",
    *,
    secure_mode: bool = False,
    settings: Settings | None = None,
) -> BrokerHandle:
    """Start the broker in the background (or find it running) and wait until it is ready.

    With ``secure_mode`` the broker speaks only SASL_SSL and enforces ACLs, granted for the topic
    names and app id of ``settings`` (the defaults when None); see :mod:`worker.devkafka.secure`.
    """
    began = time.monotonic()
    data_dir = data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    mode = _mode_of(data_dir)
    wanted = "secure" if secure_mode else "plaintext"
    if mode is not None and mode != wanted:
        raise BrokerSetupError(
            f"{data_dir} holds a {mode} broker; start it {'with' if mode == 'secure' else 'without'} --secure "
            "or choose another --data-dir"
        )
    running = _read_pid(data_dir)
    if running is not None:
        bootstrap = (data_dir / "bootstrap").read_text().strip()
        client = _admin_client(data_dir) if secure_mode else None
        asyncio.run(wait_ready(bootstrap, pid=running, client=client))
        _log(f"already running at {bootstrap} (pid {running})")
        envs = {user: data_dir / name for user, name in secure.USERS.items()} if secure_mode else None
        return BrokerHandle(bootstrap, running, data_dir, time.monotonic() - began, secure_mode, envs)

    java = shutil.which("java")
    if java is None:
        raise BrokerSetupError("Java 17 or newer is needed to run the local Kafka broker; install it")
    lib = ensure_jars(lib_dir)
    if port == 0:
        port = free_port()
    controller_port = free_port()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise BrokerSetupError(f"port {port} on 127.0.0.1 is already in use; choose another with --port")

    config = data_dir / "server.properties"
    format_extra: list[str] = []
    if secure_mode:
        passwords = secure.ensure_credentials(data_dir)
        secure.ensure_tls(data_dir)
        secure.admin_client_properties(data_dir, passwords[secure.ADMIN])
        listeners = secure.broker_properties(data_dir, port, controller_port, passwords[secure.ADMIN])
        format_extra = secure.scram_arguments(passwords)
    else:
        listeners = _plaintext_listeners(port, controller_port)
    config.write_text(_properties(data_dir, port, controller_port, listeners))
    config.chmod(0o600)  # the secure broker's holds its admin password
    (data_dir / "log4j.properties").write_text(_LOG4J)
    classpath = f"{lib}/*"
    jvm_logs = [f"-Dkafka.logs.dir={data_dir}", f"-Dlog4j.configuration=file:{data_dir / 'log4j.properties'}"]

    if mode is None:
        cluster_id = uuid.uuid4().hex[:22]
        formatted = subprocess.run(  # noqa: S603
            [java, "-Xmx256m", *jvm_logs, "-cp", classpath, "kafka.tools.StorageTool", "format",
             "-t", cluster_id, "-c", str(config), *format_extra],
            capture_output=True, text=True, check=False,
        )
        if formatted.returncode != 0:
            raise BrokerSetupError("formatting the broker's storage failed: " + formatted.stderr.strip()[-500:])
        (data_dir / _MODE_FILE).write_text(wanted + "\n")

    bootstrap = f"127.0.0.1:{port}"
    with open(data_dir / "kafka.out", "ab") as out:
        process = subprocess.Popen(  # noqa: S603
            [java, f"-Xmx{heap}", f"-Xms{heap}", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
             "-Djava.awt.headless=true", *jvm_logs, "-cp", classpath, "kafka.Kafka", str(config)],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        )
    (data_dir / "kafka.pid").write_text(str(process.pid))
    (data_dir / "bootstrap").write_text(bootstrap)
    try:
        asyncio.run(wait_ready(bootstrap, pid=process.pid, client=_admin_client(data_dir) if secure_mode else None))
        envs = _secure_clients(java, classpath, data_dir, bootstrap, settings) if secure_mode else None
    except BrokerSetupError:
        stop(data_dir)
        tail = (data_dir / "kafka.out").read_text(errors="replace").strip().splitlines()[-5:]
        raise BrokerSetupError(
            f"the broker did not become ready; see {data_dir}/server.log. Last output: {' | '.join(tail)}"
        ) from None
    elapsed = time.monotonic() - began
    _log(f"ready at {bootstrap} (pid {process.pid}) in {elapsed:.1f} s; data in {data_dir}")
    if envs:
        files = ", ".join(map(str, envs.values()))
        _log(f"secure: SASL_SSL ({secure.MECHANISM}) with ACLs; client settings in {files}")
    return BrokerHandle(bootstrap, process.pid, data_dir, elapsed, secure_mode, envs)


def _secure_clients(
    java: str, classpath: str, data_dir: Path, bootstrap: str, settings: Settings | None
) -> dict[str, Path]:
    """Grant the users' ACLs (again when the names they cover changed) and write their env files."""
    from worker.settings import load_settings

    grants = secure.acl_grants(settings or load_settings({}))
    digest = hashlib.sha256(repr(grants).encode()).hexdigest()
    marker = data_dir / "acls.applied"
    if not marker.exists() or marker.read_text().strip() != digest:
        _log(f"granting {len(grants)} ACLs")
        secure.apply_acls(java, classpath, data_dir, bootstrap, grants)
        marker.write_text(digest + "\n")
    return secure.write_env_files(data_dir, bootstrap)


def change_acls(
    data_dir: Path, grants: list[secure.AclGrant], *, remove: bool = False, lib_dir: Path | None = None
) -> None:
    """Add or remove ACLs on the running secure broker started from ``data_dir``, as its admin."""
    data_dir = data_dir.resolve()
    java = shutil.which("java")
    if java is None or _read_pid(data_dir) is None or _mode_of(data_dir) != "secure":
        raise BrokerSetupError(f"no secure broker is running from {data_dir}")
    bootstrap = (data_dir / "bootstrap").read_text().strip()
    lib = ensure_jars(lib_dir)
    secure.apply_acls(java, f"{lib}/*", data_dir, bootstrap, grants, "--remove" if remove else "--add")


def stop(data_dir: Path, timeout_s: float = 30.0) -> bool:
    """Stop the broker started from data_dir; True if one was running."""
    data_dir = data_dir.resolve()
    pid = _read_pid(data_dir)
    if pid is None:
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and _pid_alive(pid):
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.2)
    if _pid_alive(pid):
        os.kill(pid, signal.SIGKILL)
    (data_dir / "kafka.pid").unlink(missing_ok=True)
    _log(f"stopped (pid {pid})")
    return True
