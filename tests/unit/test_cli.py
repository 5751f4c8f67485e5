"""The offline command runs in a real subprocess, as a user would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson

from tests.conftest import ROOT, assert_valid


def _newsworker(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", *args], input=stdin, capture_output=True, cwd=ROOT, env=full_env,
        timeout=120, check=False,
    )


def test_enrich_seed_file(tmp_path: Path, seed_text: str) -> None:
    source = tmp_path / "seed.jsonl"
    source.write_bytes(orjson.dumps({"id": "seed", "body": seed_text}) + b"\n")
    out = tmp_path / "out.jsonl"
    result = _newsworker("enrich", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    events = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert len(events) == 1
    assert_valid("enriched-news.v1.json", events[0])
    assert b"enriched 1 items" in result.stderr


def test_bad_lines_are_reported_with_number_and_reason_and_skipped() -> None:
    lines = [
        orjson.dumps({"id": "ok1", "body": "Астанада жиын өтті."}),
        b"{not json}",
        orjson.dumps({"id": "nobody"}),
        b"\xff\xfe\xfd",
        b"",
        b"[1,2,3]",
        orjson.dumps({"id": "ok2", "body": "A meeting took place in Almaty."}),
    ]
    result = _newsworker("enrich", "-", stdin=b"\n".join(lines) + b"\n")
    assert result.returncode == 0
    events = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert [event["id"] for event in events] == ["ok1", "ok2"]
    stderr = result.stderr.decode()
    assert "line 2: not_json" in stderr
    assert "line 3: schema" in stderr
    assert "line 4: invalid_utf8" in stderr
    assert "line 6: not_object" in stderr
    assert "skipped 4 bad lines" in stderr


def test_bad_configuration_is_one_line_and_nonzero() -> None:
    result = _newsworker("enrich", "-", stdin=b"", env={"NEWSWORKER_MAX_BODY_BYTES": "lots"})
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1
    assert "NEWSWORKER_MAX_BODY_BYTES" in lines[0]


def test_missing_input_file_is_a_clear_error(tmp_path: Path) -> None:
    result = _newsworker("enrich", str(tmp_path / "nope.jsonl"))
    assert result.returncode == 2
    assert "no such file" in result.stderr.decode()


def test_unreachable_broker_is_one_line_and_nonzero() -> None:
    result = _newsworker(
        "produce", str(ROOT / "samples" / "news.jsonl"), "--broker-timeout", "2",
        env={"KAFKA_BOOTSTRAP": "127.0.0.1:1"},
    )
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("newsworker: error: cannot reach Kafka at 127.0.0.1:1")
    assert "Traceback" not in result.stderr.decode()
