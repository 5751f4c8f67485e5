"""Bytes to news items and back: the only place input is parsed and events are encoded.

Validators are compiled once, at import, so a bad schema fails at start-up
rather than on the first message.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import fastjsonschema
import orjson

from worker.errors import DecodeError, DecodeReason

__all__ = [
    "SCHEMA_DIR",
    "NewsItem",
    "decode_item",
    "encode",
    "dead_letter",
    "load_schema",
    "utc_now_iso",
]

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"

#: A decoded, valid news item: the JSON object as received.
NewsItem = dict[str, Any]

# The whole message may carry a title and metadata besides the body: allow
# that much around the body limit before refusing to parse at all.
_ENVELOPE_SLACK_BYTES = 64 * 1024


@functools.cache
def load_schema(name: str) -> dict[str, Any]:
    """One of the JSON Schemas in schemas/, by file name."""
    schema: dict[str, Any] = orjson.loads((SCHEMA_DIR / name).read_bytes())
    return schema


@functools.cache
def _item_validator() -> Callable[[Any], Any]:
    validate: Callable[[Any], Any] = fastjsonschema.compile(load_schema("news-item.v1.json"))
    return validate


_item_validator()


def decode_item(raw: bytes | None, max_body_bytes: int) -> NewsItem:
    """Parse and validate one input message; raise DecodeError saying why it is not an item."""
    if not raw:
        raise DecodeError(DecodeReason.EMPTY, "the message has no value")
    if len(raw) > max_body_bytes + _ENVELOPE_SLACK_BYTES:
        raise DecodeError(
            DecodeReason.TOO_LARGE, f"message is {len(raw)} bytes, the body limit is {max_body_bytes}"
        )
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(DecodeReason.INVALID_UTF8, f"byte {exc.start}: {exc.reason}") from None
    try:
        item = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise DecodeError(DecodeReason.NOT_JSON, str(exc)) from None
    if not isinstance(item, dict):
        raise DecodeError(DecodeReason.NOT_OBJECT, f"a news item is a JSON object, got {type(item).__name__}")
    try:
        _item_validator()(item)
    except fastjsonschema.JsonSchemaValueException as exc:
        raise DecodeError(DecodeReason.SCHEMA, exc.message) from None
    body_bytes = len(item["body"].encode("utf-8"))
    if body_bytes > max_body_bytes:
        raise DecodeError(DecodeReason.TOO_LARGE, f"body is {body_bytes} bytes, the limit is {max_body_bytes}")
    return item


def encode(event: dict[str, Any]) -> bytes:
    """An event as compact UTF-8 JSON."""
    return orjson.dumps(event)


def utc_now_iso() -> str:
    """The current time as RFC 3339 in UTC, millisecond precision."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _b64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode("ascii")


def dead_letter(
    *,
    reason: DecodeReason,
    detail: str,
    key: bytes | None,
    value: bytes | None,
    topic: str,
    partition: int,
    offset: int,
    timestamp: float | None,
    item_id: str | None = None,
) -> dict[str, Any]:
    """The dead-letter event for a message that could not be enriched; it keeps the original bytes."""
    return {
        "schema": "dead-letter.v1",
        "reason": reason.value,
        "detail": detail[:2000],
        "item_id": item_id,
        "source": {"topic": topic, "partition": partition, "offset": offset, "timestamp": timestamp},
        "key_b64": _b64(key),
        "value_b64": _b64(value),
        "dead_lettered_at": utc_now_iso(),
    }
