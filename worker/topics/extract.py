"""IPTC topics: placeholder until the topic layer lands (issue 5)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from worker.model import Entity, Topic

__all__ = ["classify_topics"]


def classify_topics(fields: Mapping[str, str], language: str, entities: Sequence[Entity]) -> list[Topic]:
    """Topics of one item, best first."""
    return []
