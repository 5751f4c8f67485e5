"""One frozen settings object read from the environment, validated at start-up."""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from worker.errors import ConfigError

__all__ = ["ENV_DEFAULTS", "KafkaSecurity", "Secret", "Settings", "Topics", "load_settings", "read_secret"]

#: Every environment variable newsworker reads, with its default.
ENV_DEFAULTS: Mapping[str, str] = {
    "KAFKA_BOOTSTRAP": "127.0.0.1:9092",
    "KAFKA_SECURITY_PROTOCOL": "PLAINTEXT",
    "KAFKA_SASL_MECHANISM": "",
    "KAFKA_SASL_USERNAME": "",
    "KAFKA_SASL_PASSWORD": "",
    "KAFKA_SASL_PASSWORD_FILE": "",
    "KAFKA_SSL_CAFILE": "",
    "KAFKA_SSL_CERTFILE": "",
    "KAFKA_SSL_KEYFILE": "",
    "KAFKA_SSL_KEY_PASSWORD": "",
    "KAFKA_SSL_KEY_PASSWORD_FILE": "",
    "KAFKA_SSL_CHECK_HOSTNAME": "true",
    "NEWSWORKER_APP_ID": "newsworker",
    "NEWSWORKER_TOPIC_PREFIX": "",
    "NEWSWORKER_TOPIC_RAW": "news.raw",
    "NEWSWORKER_TOPIC_ENRICHED": "news.enriched",
    "NEWSWORKER_TOPIC_QUOTES": "news.quotes",
    "NEWSWORKER_TOPIC_ENTITIES": "news.entities",
    "NEWSWORKER_TOPIC_TRENDS": "news.trends",
    "NEWSWORKER_TOPIC_DLQ": "news.dlq",
    "NEWSWORKER_PARTITIONS": "4",
    "NEWSWORKER_DATA_DIR": "var",
    "NEWSWORKER_WEB_HOST": "0.0.0.0",  # noqa: S104 - the web port serves /metrics to Prometheus in containers
    "NEWSWORKER_WEB_PORT": "6066",
    "NEWSWORKER_WEB_URL": "",
    "NEWSWORKER_PROCESSING_GUARANTEE": "exactly_once",
    "NEWSWORKER_MAX_BODY_BYTES": "1000000",
    "NEWSWORKER_STORE": "rocksdb",
    "NEWSWORKER_LOG_LEVEL": "info",
    "NEWSWORKER_COMMIT_INTERVAL_MS": "100",
    "NEWSWORKER_BATCH_MAX_ITEMS": "64",
    "NEWSWORKER_API_TOKEN": "",
    "NEWSWORKER_API_TOKEN_FILE": "",
}

_BOOTSTRAP_RE = re.compile(r"^[A-Za-z0-9._\-\[\]:]+:\d{1,5}$")
_TOPIC_RE = re.compile(r"^[A-Za-z0-9._\-]{1,249}$")
_GUARANTEES = ("exactly_once", "at_least_once")
_PROTOCOLS = ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")
_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")
_BOOLEANS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}
_STORES = ("rocksdb", "memory")
_LOG_LEVELS = ("debug", "info", "warning", "error")


class Secret:
    """A password or token: its value never appears in a repr, a log line or an error."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


def read_secret(env: Mapping[str, str], name: str) -> Secret | None:
    """The secret ``name`` from ``name_FILE`` (a mounted secret, which wins) or from ``name``.

    A file's one trailing newline is dropped (``echo`` and most secret stores write one); an
    empty value is no secret.  Errors name the variable and the file, never the content.
    """
    path = env.get(f"{name}_FILE", "").strip()
    if path:
        try:
            raw = Path(path).expanduser().read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(f"{name}_FILE={path!r}: no such file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{name}_FILE={path!r}: cannot read it ({type(exc).__name__})") from None
        value = raw[:-1] if raw.endswith("\n") else raw
        if value.endswith("\r"):
            value = value[:-1]
        if not value:
            raise ConfigError(f"{name}_FILE={path!r} is empty")
        return Secret(value)
    value = env.get(name, "")
    return Secret(value) if value else None


@dataclass(frozen=True, slots=True)
class Topics:
    """Names of the topics newsworker reads and writes, prefix applied."""

    raw: str
    """Input news items."""
    enriched: str
    """One enriched event per item, keyed by item id."""
    quotes: str
    """One event per quote, keyed by the speaker's entity id."""
    entities: str
    """One event per entity per item, keyed by entity id."""
    trends: str
    """Trend spikes."""
    dlq: str
    """Dead letters: input that could not be enriched."""


@dataclass(frozen=True, slots=True)
class KafkaSecurity:
    """How every Kafka client of newsworker authenticates and encrypts (KAFKA_SECURITY_PROTOCOL etc.)."""

    protocol: str = "PLAINTEXT"
    """PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL."""
    sasl_mechanism: str | None = None
    """PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 with a SASL protocol."""
    sasl_username: str | None = None
    sasl_password: Secret | None = None
    ssl_cafile: Path | None = None
    """CA bundle the broker's certificate must chain to; the system's CAs when None."""
    ssl_certfile: Path | None = None
    """Client certificate, for brokers that require mutual TLS."""
    ssl_keyfile: Path | None = None
    ssl_key_password: Secret | None = None
    ssl_check_hostname: bool = True
    """Whether the broker's certificate must name the host the client dialled."""

    @property
    def uses_sasl(self) -> bool:
        return self.protocol.startswith("SASL_")

    @property
    def uses_tls(self) -> bool:
        return self.protocol.endswith("SSL")

    def describe(self) -> str:
        """One line for logs and errors: the protocol and the user, never a secret."""
        if self.uses_sasl:
            return f"{self.protocol} {self.sasl_mechanism} as {self.sasl_username!r}"
        return self.protocol


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything configurable about newsworker. Build it with :func:`load_settings`."""

    bootstrap: tuple[str, ...]
    """Kafka bootstrap servers as host:port."""
    app_id: str
    """Faust application id: the consumer group and the prefix of internal topics."""
    topics: Topics
    """Topic names."""
    partitions: int
    """Partitions of the topics newsworker creates."""
    data_dir: Path
    """Where tables keep their RocksDB state."""
    web_host: str
    """Address the HTTP server binds."""
    web_port: int
    """Port of /metrics, the health checks and the query API."""
    web_url: str
    """How other workers reach this one's API: NEWSWORKER_WEB_URL, else http://HOSTNAME:PORT."""
    processing_guarantee: str
    """exactly_once or at_least_once."""
    max_body_bytes: int
    """Bodies larger than this many UTF-8 bytes are dead-lettered."""
    store: str
    """Table storage: rocksdb or memory."""
    log_level: str
    """debug, info, warning or error."""
    commit_interval_ms: int = 100
    """Longest a batch takes in processing before it commits; the latency floor is far below it."""
    batch_max_items: int = 64
    """Most input messages one batch of one partition takes."""
    api_token: Secret | None = None
    """Bearer token the query API and the live page require; None leaves them open."""
    kafka_security: KafkaSecurity = KafkaSecurity()
    """TLS and SASL settings of every Kafka client."""

    @property
    def broker_url(self) -> str:
        """The bootstrap servers as Faust's broker URL."""
        return ";".join(f"kafka://{server}" for server in self.bootstrap)


def _int(env: Mapping[str, str], name: str, low: int, high: int) -> int:
    raw = env[name].strip()
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number") from None
    if not low <= value <= high:
        raise ConfigError(f"{name}={value} is out of range {low}..{high}")
    return value


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...]) -> str:
    value = env[name].strip().lower()
    if value not in choices:
        raise ConfigError(f"{name}={env[name]!r} must be one of: {', '.join(choices)}")
    return value


def _topic(env: Mapping[str, str], prefix: str, name: str) -> str:
    topic = prefix + env[name].strip()
    if not _TOPIC_RE.match(topic) or topic in (".", ".."):
        raise ConfigError(f"{name}: {topic!r} is not a valid Kafka topic name")
    return topic


def _web_url(env: Mapping[str, str], port: int) -> str:
    given = env.get("NEWSWORKER_WEB_URL", "").strip().rstrip("/")
    if given:
        if not re.match(r"^https?://[^/\s]+$", given):
            raise ConfigError(f"NEWSWORKER_WEB_URL={given!r} must be like http://host:port")
        return given
    host = env["NEWSWORKER_WEB_HOST"].strip()
    # A wildcard bind address is no address to give peers: use the host's name instead.
    if host in ("0.0.0.0", "::", ""):  # noqa: S104
        host = socket.gethostname()
    return f"http://{host}:{port}"


def _readable_file(env: Mapping[str, str], name: str) -> Path | None:
    raw = env[name].strip()
    if not raw:
        return None
    path = Path(raw).expanduser()
    if not path.is_file():
        raise ConfigError(f"{name}={raw!r}: no such file")
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise ConfigError(f"{name}={raw!r}: cannot read it ({type(exc).__name__})") from None
    return path


def _kafka_security(env: Mapping[str, str]) -> KafkaSecurity:
    """The client security settings, refusing an incomplete or contradictory combination."""
    protocol = env["KAFKA_SECURITY_PROTOCOL"].strip().upper()
    if protocol not in _PROTOCOLS:
        given_protocol = env["KAFKA_SECURITY_PROTOCOL"]
        raise ConfigError(f"KAFKA_SECURITY_PROTOCOL={given_protocol!r} must be one of: {', '.join(_PROTOCOLS)}")
    mechanism = env["KAFKA_SASL_MECHANISM"].strip().upper() or None
    username = env["KAFKA_SASL_USERNAME"].strip() or None
    password = read_secret(env, "KAFKA_SASL_PASSWORD")
    if protocol.startswith("SASL_"):
        if mechanism is None:
            choices = ", ".join(_MECHANISMS)
            raise ConfigError(f"KAFKA_SECURITY_PROTOCOL={protocol} needs KAFKA_SASL_MECHANISM ({choices})")
        if mechanism not in _MECHANISMS:
            raise ConfigError(f"KAFKA_SASL_MECHANISM={mechanism!r} must be one of: {', '.join(_MECHANISMS)}")
        if username is None:
            raise ConfigError(f"KAFKA_SECURITY_PROTOCOL={protocol} needs KAFKA_SASL_USERNAME")
        if password is None:
            raise ConfigError(
                f"KAFKA_SECURITY_PROTOCOL={protocol} needs KAFKA_SASL_PASSWORD_FILE (or KAFKA_SASL_PASSWORD)"
            )
    else:
        given = [n for n, v in (("KAFKA_SASL_MECHANISM", mechanism), ("KAFKA_SASL_USERNAME", username),
                                ("KAFKA_SASL_PASSWORD(_FILE)", password)) if v is not None]
        if given:
            raise ConfigError(f"{given[0]} is set but KAFKA_SECURITY_PROTOCOL={protocol} does not use SASL")

    cafile = _readable_file(env, "KAFKA_SSL_CAFILE")
    certfile = _readable_file(env, "KAFKA_SSL_CERTFILE")
    keyfile = _readable_file(env, "KAFKA_SSL_KEYFILE")
    key_password = read_secret(env, "KAFKA_SSL_KEY_PASSWORD")
    check_hostname_raw = env["KAFKA_SSL_CHECK_HOSTNAME"].strip().lower()
    if check_hostname_raw not in _BOOLEANS:
        raise ConfigError(f"KAFKA_SSL_CHECK_HOSTNAME={env['KAFKA_SSL_CHECK_HOSTNAME']!r} must be true or false")
    if protocol.endswith("SSL"):
        if (certfile is None) != (keyfile is None):
            raise ConfigError("mutual TLS needs both KAFKA_SSL_CERTFILE and KAFKA_SSL_KEYFILE")
        if key_password is not None and keyfile is None:
            raise ConfigError("KAFKA_SSL_KEY_PASSWORD_FILE is set without KAFKA_SSL_KEYFILE")
    else:
        given = [n for n, v in (("KAFKA_SSL_CAFILE", cafile), ("KAFKA_SSL_CERTFILE", certfile),
                                ("KAFKA_SSL_KEYFILE", keyfile)) if v is not None]
        if given:
            raise ConfigError(f"{given[0]} is set but KAFKA_SECURITY_PROTOCOL={protocol} does not use TLS")
    return KafkaSecurity(
        protocol=protocol,
        sasl_mechanism=mechanism if protocol.startswith("SASL_") else None,
        sasl_username=username,
        sasl_password=password,
        ssl_cafile=cafile,
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        ssl_key_password=key_password,
        ssl_check_hostname=_BOOLEANS[check_hostname_raw],
    )


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read and validate the settings; raise ConfigError with one clear line on a bad value."""
    source = os.environ if environ is None else environ
    env = {name: source.get(name) or default for name, default in ENV_DEFAULTS.items()}

    servers = tuple(s.strip() for s in env["KAFKA_BOOTSTRAP"].split(",") if s.strip())
    if not servers:
        raise ConfigError("KAFKA_BOOTSTRAP is empty: give host:port[,host:port...]")
    for server in servers:
        if not _BOOTSTRAP_RE.match(server) or not 0 < int(server.rsplit(":", 1)[1]) < 65536:
            raise ConfigError(f"KAFKA_BOOTSTRAP: {server!r} is not host:port")

    app_id = env["NEWSWORKER_APP_ID"].strip()
    if not _TOPIC_RE.match(app_id):
        raise ConfigError(f"NEWSWORKER_APP_ID={app_id!r} may use only letters, digits, '.', '_' and '-'")

    prefix = env["NEWSWORKER_TOPIC_PREFIX"].strip()
    topics = Topics(
        raw=_topic(env, prefix, "NEWSWORKER_TOPIC_RAW"),
        enriched=_topic(env, prefix, "NEWSWORKER_TOPIC_ENRICHED"),
        quotes=_topic(env, prefix, "NEWSWORKER_TOPIC_QUOTES"),
        entities=_topic(env, prefix, "NEWSWORKER_TOPIC_ENTITIES"),
        trends=_topic(env, prefix, "NEWSWORKER_TOPIC_TRENDS"),
        dlq=_topic(env, prefix, "NEWSWORKER_TOPIC_DLQ"),
    )
    names = [topics.raw, topics.enriched, topics.quotes, topics.entities, topics.trends, topics.dlq]
    if len(set(names)) != len(names):
        raise ConfigError(f"topic names must differ, got {names}")

    return Settings(
        bootstrap=servers,
        app_id=app_id,
        topics=topics,
        partitions=_int(env, "NEWSWORKER_PARTITIONS", 1, 1024),
        data_dir=Path(env["NEWSWORKER_DATA_DIR"]).expanduser(),
        web_host=env["NEWSWORKER_WEB_HOST"].strip(),
        web_port=(web_port := _int(env, "NEWSWORKER_WEB_PORT", 1, 65535)),
        web_url=_web_url(env, web_port),
        processing_guarantee=_choice(env, "NEWSWORKER_PROCESSING_GUARANTEE", _GUARANTEES),
        max_body_bytes=_int(env, "NEWSWORKER_MAX_BODY_BYTES", 1, 64 * 1024 * 1024),
        store=_choice(env, "NEWSWORKER_STORE", _STORES),
        log_level=_choice(env, "NEWSWORKER_LOG_LEVEL", _LOG_LEVELS),
        commit_interval_ms=_int(env, "NEWSWORKER_COMMIT_INTERVAL_MS", 1, 60_000),
        batch_max_items=_int(env, "NEWSWORKER_BATCH_MAX_ITEMS", 1, 10_000),
        api_token=read_secret(env, "NEWSWORKER_API_TOKEN"),
        kafka_security=_kafka_security(env),
    )
