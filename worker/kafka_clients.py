"""How every Kafka client of newsworker connects: bootstrap servers, TLS and SASL, from the settings.

One function, :func:`client_config`, turns :class:`~worker.settings.KafkaSecurity` into both
aiokafka's keyword arguments (worker runtime, produce, tail, topic creation, bench) and Faust's
public credentials (``faust.SASLCredentials`` / ``faust.SSLCredentials``), so the two never
disagree. The TLS context is built once, at start-up: a CA file that is no CA bundle or a key that
its password does not open is a configuration error before any connection is tried.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import faust
from aiokafka import errors as kafka_errors
from aiokafka.conn import create_conn
from aiokafka.helpers import create_ssl_context
from faust.types.auth import CredentialsT

from worker.errors import ConfigError, KafkaAccessDenied
from worker.settings import KafkaSecurity, Settings

__all__ = ["KafkaClientConfig", "client_config", "client_for", "denied", "diagnose", "ssl_context"]


@dataclass(frozen=True, slots=True)
class KafkaClientConfig:
    """What a Kafka client needs to reach and log into the cluster."""

    bootstrap: str
    """host:port[,host:port...]"""
    security: KafkaSecurity = field(default_factory=KafkaSecurity)
    options: Mapping[str, Any] = field(default_factory=dict)
    """aiokafka's security keyword arguments (security_protocol, ssl_context, sasl_*)."""
    faust_credentials: CredentialsT | None = None
    """The same, as Faust's ``broker_credentials``."""

    def kwargs(self, **extra: Any) -> dict[str, Any]:
        """Keyword arguments for an aiokafka consumer, producer or admin client."""
        return {"bootstrap_servers": self.bootstrap, **self.options, **extra}

    def describe(self) -> str:
        """Where and how, for error messages: never a secret."""
        return f"{self.bootstrap} ({self.security.describe()})"


def ssl_context(security: KafkaSecurity) -> ssl.SSLContext:
    """A client TLS context that verifies the broker's certificate (and its host name unless told not to)."""
    password = security.ssl_key_password.reveal() if security.ssl_key_password else None
    try:
        context: ssl.SSLContext = create_ssl_context(
            cafile=str(security.ssl_cafile) if security.ssl_cafile else None,
            certfile=str(security.ssl_certfile) if security.ssl_certfile else None,
            keyfile=str(security.ssl_keyfile) if security.ssl_keyfile else None,
            password=password,
        )
    except ssl.SSLError as exc:
        culprit = "KAFKA_SSL_CERTFILE/KAFKA_SSL_KEYFILE" if security.ssl_certfile else "KAFKA_SSL_CAFILE"
        hint = " (is KAFKA_SSL_KEY_PASSWORD_FILE right?)" if security.ssl_certfile else ""
        raise ConfigError(f"{culprit}: not a usable PEM file: {exc.reason or exc}{hint}") from None
    # create_ssl_context leaves no CA loaded when none is named; the system's store is the
    # right default for managed clusters with public certificates.
    if security.ssl_cafile is None:
        context.load_default_certs(ssl.Purpose.SERVER_AUTH)
    context.check_hostname = security.ssl_check_hostname
    return context


def client_config(settings: Settings) -> KafkaClientConfig:
    """Both aiokafka's arguments and Faust's credentials from the settings' KAFKA_* values."""
    security = settings.kafka_security
    bootstrap = ",".join(settings.bootstrap)
    options: dict[str, Any] = {"security_protocol": security.protocol}
    credentials: CredentialsT | None = None
    context = ssl_context(security) if security.uses_tls else None
    if context is not None:
        options["ssl_context"] = context
    if security.uses_sasl:
        assert security.sasl_password is not None  # noqa: S101 - load_settings requires it with SASL
        options["sasl_mechanism"] = security.sasl_mechanism
        options["sasl_plain_username"] = security.sasl_username
        options["sasl_plain_password"] = security.sasl_password.reveal()
        credentials = faust.SASLCredentials(
            username=security.sasl_username,
            password=security.sasl_password.reveal(),
            ssl_context=context,
            mechanism=security.sasl_mechanism,
        )
    elif context is not None:
        credentials = faust.SSLCredentials(context)
    return KafkaClientConfig(bootstrap, security, options, credentials)


def client_for(bootstrap: str) -> KafkaClientConfig:
    """The client settings of this process's environment, for the servers given on a command line."""
    import os

    from worker.settings import load_settings

    return client_config(load_settings({**os.environ, "KAFKA_BOOTSTRAP": bootstrap}))


#: aiokafka's authorisation errors, with the kind of resource each is about.
_AUTHORISATION = {
    kafka_errors.TopicAuthorizationFailedError: "topic",
    kafka_errors.GroupAuthorizationFailedError: "consumer group",
    kafka_errors.TransactionalIdAuthorizationFailed: "transactional id",
    kafka_errors.ClusterAuthorizationFailedError: "cluster",
}


def denied(exc: BaseException, client: KafkaClientConfig, operation: str, resource: str | None = None) -> str | None:
    """A line naming what was refused to whom, when ``exc`` is an authorisation error; else None.

    aiokafka's authorisation errors carry the resource's name, when they carry one, as their
    first argument; ``resource`` names it when the caller knows better.
    """
    kind = next((k for cls, k in _AUTHORISATION.items() if isinstance(exc, cls)), None)
    if kind is None:
        return None
    name = str(exc.args[0]) if exc.args and isinstance(exc.args[0], str) else ""
    what = resource or f"{kind} {name}".strip()
    who = client.security.sasl_username or "this client"
    return f"not authorised: {who} may not {operation} {what} (no ACL grants it; see docs/operations.md)"


async def _try_one(server: str, client: KafkaClientConfig, timeout_s: float) -> BaseException | None:
    host, _, port = server.rpartition(":")
    try:
        async with asyncio.timeout(timeout_s):
            conn = await create_conn(host.strip("[]"), int(port), request_timeout_ms=int(timeout_s * 1000),
                                     **client.options)
    except BaseException as exc:  # noqa: BLE001 - the error is what we are after
        return exc
    with contextlib.suppress(Exception):
        conn.close()
    return None


async def diagnose(client: KafkaClientConfig, timeout_s: float = 10.0) -> KafkaAccessDenied | None:
    """Why the bootstrap servers refuse us, when they do so for good; None for "not reachable".

    aiokafka's clients report any failed bootstrap as one "Unable to bootstrap"; one direct
    connection to each server tells a wrong password, an untrusted certificate and a protocol
    mismatch apart from a broker that is down, which a retry may get past.
    """
    where = client.describe()
    for server in client.bootstrap.split(","):
        exc = await _try_one(server, client, timeout_s)
        if exc is None or isinstance(exc, (ConnectionRefusedError, TimeoutError)):
            continue
        if isinstance(exc, kafka_errors.SaslAuthenticationFailed):
            return KafkaAccessDenied(
                f"authentication failed at {server} as {client.security.sasl_username!r} "
                f"({client.security.sasl_mechanism}): check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD_FILE"
            )
        if isinstance(exc, kafka_errors.UnsupportedSaslMechanismError):
            return KafkaAccessDenied(f"{server} does not offer SASL {client.security.sasl_mechanism}: {exc}")
        if isinstance(exc, ssl.SSLCertVerificationError):
            return KafkaAccessDenied(
                f"TLS handshake with {server} failed: {exc.verify_message}; "
                "KAFKA_SSL_CAFILE must hold the CA that signed the broker's certificate"
                + ("" if "hostname" not in str(exc).lower() else ", and the certificate must name this host")
            )
        if isinstance(exc, ssl.SSLError):
            return KafkaAccessDenied(
                f"TLS handshake with {server} failed ({exc.reason or exc}); does that listener speak TLS? "
                f"(connecting as {where})"
            )
        if isinstance(exc, kafka_errors.KafkaConnectionError) and not client.security.uses_tls:
            return KafkaAccessDenied(
                f"{server} closed the connection at once: the listener likely expects TLS or SASL; "
                f"set KAFKA_SECURITY_PROTOCOL (now {client.security.protocol}) and the settings it needs"
            )
    return None
