"""Named entities: placeholder until the entity layer lands (issue 4)."""

from __future__ import annotations

from collections.abc import Mapping

from worker.model import Entity

__all__ = ["extract_entities"]


def extract_entities(fields: Mapping[str, str], language: str) -> list[Entity]:
    """Entities of one item, mentions merged per entity, in order of first mention."""
    return []
