"""Shared test helpers: schema validation of every event the code emits, and a measurements report."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import orjson
import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
DATA = Path(__file__).resolve().parent / "data"

_MEASUREMENTS: list[str] = []


@functools.cache
def _validators() -> dict[str, Draft202012Validator]:
    schemas = {path.name: orjson.loads(path.read_bytes()) for path in SCHEMAS.glob("*.json")}
    registry: Registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values()
    )
    validators = {}
    for name, schema in schemas.items():
        Draft202012Validator.check_schema(schema)
        validators[name] = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
    return validators


def assert_valid(schema_file: str, event: Any) -> None:
    """Fail with every violation listed when event does not match schemas/schema_file."""
    errors = sorted(_validators()[schema_file].iter_errors(event), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def record_measurement(line: str) -> None:
    """Print a measured figure in the summary at the end of the run."""
    _MEASUREMENTS.append(line)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _MEASUREMENTS:
        terminalreporter.section("measurements")
        for line in _MEASUREMENTS:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (DATA / "seed_kk.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    gold: dict[str, Any] = orjson.loads((DATA / "seed.gold.json").read_bytes())
    return gold
