"""Direct quotes: placeholder until the quote layer lands (issue 3)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from worker.model import Entity, Quote

__all__ = ["extract_quotes"]


def extract_quotes(fields: Mapping[str, str], language: str, entities: Sequence[Entity]) -> list[Quote]:
    """Direct quotes of one item in text order, speakers resolved against ``entities``."""
    return []
