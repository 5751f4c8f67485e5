"""Case-suite helpers shared by the unit tests and the benchmark.

A case (one JSON line of ``tests/data/quotes/cases.jsonl``) gives ``body``,
optional ``title``, ``language``, hand-made ``entities`` (name, type,
entity_id, roles, optional ``surfaces``) and the ``expected`` quotes
(text, speaker). Mentions are built by finding every surface form (default:
the full name and the surname) as the start of a word, extended to the end of
that word so inflected forms (Тоқаевтың, Смирнова) are covered.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from worker.model import Entity, Mention, Quote

__all__ = ["load_cases", "build_entities", "case_fields", "Score", "score_case", "same_text"]


def load_cases(path: Path) -> list[dict[str, Any]]:
    """All cases of a JSONL file."""
    out: list[dict[str, Any]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line))
    return out


def case_fields(case: Mapping[str, Any]) -> dict[str, str]:
    fields = {"body": str(case.get("body", ""))}
    if case.get("title"):
        fields["title"] = str(case["title"])
    return fields


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "-’'"


def _occurrences(text: str, surface: str) -> Iterable[tuple[int, int]]:
    start = text.find(surface)
    while start >= 0:
        if start == 0 or not _word_char(text[start - 1]):
            end = start + len(surface)
            while end < len(text) and _word_char(text[end]):
                end += 1
            yield start, end
        start = text.find(surface, start + 1)


def build_entities(case: Mapping[str, Any]) -> list[Entity]:
    """Entities of a case with mentions located in its fields."""
    fields = case_fields(case)
    out: list[Entity] = []
    for spec in case.get("entities", []):
        name = str(spec["name"])
        surfaces: Sequence[str] = spec.get("surfaces") or [name, name.split()[-1]]
        mentions: list[Mention] = []
        for fname in ("title", "body"):
            text = fields.get(fname, "")
            spans: list[tuple[int, int]] = []
            for surface in sorted(surfaces, key=len, reverse=True):
                for s, e in _occurrences(text, surface):
                    if not any(s < pe and ps < e for ps, pe in spans):
                        spans.append((s, e))
            for s, e in sorted(spans):
                mentions.append(Mention(text[s:e], fname, s, e))
        out.append(
            Entity(
                entity_id=str(spec.get("entity_id", name)),
                name=name,
                type=str(spec.get("type", "PERSON")),
                mentions=mentions,
                aliases=sorted({m.text for m in mentions}),
                roles=tuple(spec.get("roles", ())),
            )
        )
    return out


def same_text(a: str, b: str) -> bool:
    """Quote texts equal up to spacing and trailing punctuation."""
    strip = " .,;:"
    return " ".join(a.split()).strip(strip) == " ".join(b.split()).strip(strip)


@dataclass(slots=True)
class Score:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    speaker_ok: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.matched += other.matched
        self.speaker_ok += other.speaker_ok
        self.failures.extend(other.failures)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.matched if self.matched else 1.0


def score_case(case: Mapping[str, Any], quotes: Sequence[Quote]) -> Score:
    """Match predicted quotes to expected ones by text; count speakers right."""
    sc = Score(predicted=len(quotes), gold=len(case.get("expected", [])))
    used: set[int] = set()
    cid = case.get("id", "?")
    for exp in case.get("expected", []):
        hit = None
        for i, q in enumerate(quotes):
            if i not in used and same_text(q.text, exp["text"]):
                hit = i
                break
        if hit is None:
            sc.failures.append(f"{cid}: missed {exp['text']!r}")
            continue
        used.add(hit)
        sc.matched += 1
        speaker = quotes[hit].speaker
        got = speaker.name if speaker is not None else None
        if got == exp.get("speaker"):
            sc.speaker_ok += 1
        else:
            sc.failures.append(f"{cid}: speaker {got!r} != {exp.get('speaker')!r} for {exp['text'][:40]!r}")
    for i, q in enumerate(quotes):
        if i not in used:
            sc.failures.append(f"{cid}: spurious {q.text!r}")
    return sc
