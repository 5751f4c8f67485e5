"""The errors newsworker raises, each knowing whether a retry can help."""

from __future__ import annotations

__all__ = [
    "NewsworkerError",
    "ConfigError",
    "DecodeError",
    "BrokerUnavailable",
    "BrokerSetupError",
    "KafkaAccessDenied",
    "DecodeReason",
    "OutputRejected",
]

from enum import StrEnum


class NewsworkerError(Exception):
    """Base of every error newsworker raises on purpose."""

    retriable: bool = False
    """True when the same call may succeed later without any change."""


class ConfigError(NewsworkerError):
    """A setting in the environment or on the command line is invalid."""


class DecodeReason(StrEnum):
    """Why an input message could not become a news item; the dead letter's ``reason``."""

    INVALID_UTF8 = "invalid_utf8"
    NOT_JSON = "not_json"
    NOT_OBJECT = "not_object"
    SCHEMA = "schema"
    TOO_LARGE = "too_large"
    EMPTY = "empty"
    EXTRACTOR_ERROR = "extractor_error"


class DecodeError(NewsworkerError):
    """An input message is not a valid news item. Retrying the same bytes never helps."""

    def __init__(self, reason: DecodeReason, detail: str) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail


class BrokerUnavailable(NewsworkerError):
    """The Kafka broker could not be reached; it may come back."""

    retriable = True


class KafkaAccessDenied(NewsworkerError):
    """The cluster answered but refused us: authentication, the TLS handshake, or an ACL.

    No retry gets past it until someone changes a password, a certificate or an ACL.
    """


class BrokerSetupError(NewsworkerError):
    """The local broker could not be fetched, formatted or started."""


class OutputRejected(NewsworkerError):
    """The broker refused an output record, and the transactions holding it were aborted.

    Nothing is committed without the record; the worker stops, and its items are processed again
    from the committed offsets once it runs again. ``retriable`` is False for a refusal for good
    (too large for the topic, not authorised, ...), which no restart gets past, and True for one a
    fresh producer session gets past (a sequence lost to request timeouts under a quota): the
    worker then restarts itself.
    """

    def __init__(self, message: str, *, retriable: bool = False) -> None:
        super().__init__(message)
        self.retriable = retriable
