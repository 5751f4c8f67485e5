"""Structured logs: one JSON object per line, with item id, topic, partition and offset when known.

Article text never goes into a log record at INFO: news bodies can be large
and are the subscribers' data, not the operators'.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import orjson

__all__ = ["JsonFormatter", "logging_config", "CONTEXT_FIELDS"]

#: Attributes a record may carry through ``extra=`` that are copied into the JSON line.
CONTEXT_FIELDS = ("item_id", "topic", "partition", "offset", "reason", "event")


class JsonFormatter(logging.Formatter):
    """Formats a record as one compact JSON object."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds").replace(
                "+00:00", "Z"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for name in CONTEXT_FIELDS:
            value = record.__dict__.get(name)
            if value is not None:
                line[name] = value
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return orjson.dumps(line, default=str).decode()


def logging_config(level: str) -> dict[str, Any]:
    """A logging.config.dictConfig that sends every logger's records to stderr as JSON lines."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
        "root": {"level": level.upper(), "handlers": ["stderr"]},
        # Per-connection chatter from the Kafka client is noise at INFO.
        "loggers": {"aiokafka": {"level": "WARNING"}},
    }
