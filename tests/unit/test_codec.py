from __future__ import annotations

import base64

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import assert_valid
from worker.codec import dead_letter, decode_item
from worker.errors import DecodeError, DecodeReason

LIMIT = 10_000


def test_valid_item_keeps_unknown_fields() -> None:
    raw = orjson.dumps({"id": "x1", "body": "Мәтін", "title": "Тақырып", "extra_field": {"a": 1}})
    item = decode_item(raw, LIMIT)
    assert item["id"] == "x1"
    assert item["extra_field"] == {"a": 1}


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", DecodeReason.EMPTY),
        (None, DecodeReason.EMPTY),
        (b"\xff\xfe{}", DecodeReason.INVALID_UTF8),
        (b'{"id": "a", "body": "\xc3\x28"}', DecodeReason.INVALID_UTF8),
        (b"{not json", DecodeReason.NOT_JSON),
        (b"[1, 2]", DecodeReason.NOT_OBJECT),
        (b'"just a string"', DecodeReason.NOT_OBJECT),
        (b'{"id": "a"}', DecodeReason.SCHEMA),
        (b'{"id": 7, "body": "x"}', DecodeReason.SCHEMA),
        (b'{"id": "", "body": "x"}', DecodeReason.SCHEMA),
        (b'{"id": "a", "body": "x", "published_at": "yesterday"}', DecodeReason.SCHEMA),
        (b'{"id": "a", "body": "x", "published_at": "2026-01-01T10:00:00"}', DecodeReason.SCHEMA),
        (b"[" * 5000 + b"]" * 5000, DecodeReason.NOT_JSON),
    ],
)
def test_bad_input_says_why(raw: bytes | None, reason: DecodeReason) -> None:
    with pytest.raises(DecodeError) as excinfo:
        decode_item(raw, LIMIT)
    assert excinfo.value.reason is reason
    assert excinfo.value.detail
    assert not excinfo.value.retriable


def test_body_over_the_limit_is_too_large() -> None:
    body = "қ" * 6000  # 12,000 UTF-8 bytes: the limit counts bytes, not characters
    with pytest.raises(DecodeError) as excinfo:
        decode_item(orjson.dumps({"id": "big", "body": body}), LIMIT)
    assert excinfo.value.reason is DecodeReason.TOO_LARGE


def test_huge_message_is_refused_before_parsing() -> None:
    raw = b'{"id": "big", "body": "' + b"a" * (LIMIT + 100_000) + b'"}'
    with pytest.raises(DecodeError) as excinfo:
        decode_item(raw, LIMIT)
    assert excinfo.value.reason is DecodeReason.TOO_LARGE


def test_dead_letter_keeps_original_bytes_and_matches_schema() -> None:
    letter = dead_letter(
        reason=DecodeReason.NOT_JSON, detail="unexpected character", key=b"k1", value=b"\x00\xffraw",
        topic="news.raw", partition=3, offset=42, timestamp=1_700_000_000.5,
    )
    assert_valid("dead-letter.v1.json", letter)
    assert base64.b64decode(letter["value_b64"]) == b"\x00\xffraw"
    assert base64.b64decode(letter["key_b64"]) == b"k1"
    assert letter["source"] == {"topic": "news.raw", "partition": 3, "offset": 42, "timestamp": 1_700_000_000.5}


def test_dead_letter_without_key_or_value() -> None:
    letter = dead_letter(
        reason=DecodeReason.EMPTY, detail="no value", key=None, value=None,
        topic="t", partition=0, offset=0, timestamp=None,
    )
    assert_valid("dead-letter.v1.json", letter)
    assert letter["key_b64"] is None and letter["value_b64"] is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_fail_cleanly(raw: bytes) -> None:
    try:
        item = decode_item(raw, LIMIT)
    except DecodeError as exc:
        assert exc.reason in DecodeReason
    else:
        assert isinstance(item["id"], str) and isinstance(item["body"], str)
