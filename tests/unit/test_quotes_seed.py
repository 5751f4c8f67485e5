"""The seed article gives exactly the gold quotes with the right speakers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from worker.model import Entity, Mention
from worker.quotes import extract_quotes

DATA = Path(__file__).resolve().parents[1] / "data"


def _mentions(body: str, surfaces: list[str]) -> list[Mention]:
    spans: list[tuple[int, int]] = []
    for surface in sorted(surfaces, key=len, reverse=True):
        start = body.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(start < e and s < end for s, e in spans):
                spans.append((start, end))
            start = body.find(surface, start + 1)
    return [Mention(body[s:e], "body", s, e) for s, e in sorted(spans)]


def _seed_entities(body: str) -> list[Entity]:
    return [
        Entity(
            "Q3318225",
            "Қасым-Жомарт Тоқаев",
            "PERSON",
            _mentions(body, ["Қасым-Жомарт Тоқаев"]),
            roles=("президент", "мемлекет басшысы", "қазақстан президенті"),
        ),
        Entity(
            "Q4284039",
            "Михаил Мишустин",
            "PERSON",
            _mentions(body, ["Михаил Мишустинді", "Михаил Мишустин"]),
            roles=("премьер-министр", "ресей премьер-министрі", "ресей үкіметінің төрағасы"),
        ),
        Entity(
            "Q7747",
            "Владимир Путин",
            "PERSON",
            _mentions(body, ["Владимир Путиннің"]),
            roles=("президент", "ресей президенті"),
        ),
        Entity("Q232", "Қазақстан", "GPE", _mentions(body, ["Қазақстанға", "Қазақстанды"])),
        Entity("Q159", "Ресей", "GPE", _mentions(body, ["Ресей Федерациясымен"])),
    ]


@pytest.fixture(scope="module")
def seed() -> tuple[str, dict[str, object]]:
    body = (DATA / "seed_kk.txt").read_text(encoding="utf-8")
    gold = json.loads((DATA / "seed.gold.json").read_text(encoding="utf-8"))
    return body, gold


def test_seed_gives_exactly_the_gold_quotes(seed: tuple[str, dict[str, object]]) -> None:
    body, gold = seed
    entities = _seed_entities(body)
    quotes = extract_quotes({"body": body}, "kk", entities)
    expected = gold["quotes"]
    assert isinstance(expected, list)
    assert [q.text for q in quotes] == [g["text"] for g in expected]
    assert [q.speaker.name if q.speaker else None for q in quotes] == [g["speaker"] for g in expected]
    assert [q.speaker.mention if q.speaker else None for q in quotes] == [g["speaker_mention"] for g in expected]
    ids = {e.name: e.entity_id for e in entities}
    for q, g in zip(quotes, expected, strict=True):
        assert q.speaker is not None
        assert q.speaker.entity_id == ids[g["speaker"]]
        assert q.cue == g.get("cue")
        assert q.field == "body"
        assert q.language == "kk"
        assert 0.0 < q.confidence <= 1.0
        # the offsets slice to the quoted span: same text up to line joins
        assert " ".join(body[q.start : q.end].split()) == q.text
        assert body[q.start] not in "-–— " and body[q.end - 1] not in ", \n"
    assert all(q.cue_lemma == "де" for q in quotes if q.cue == "деді")


def test_seed_without_entities_still_finds_the_quotes(seed: tuple[str, dict[str, object]]) -> None:
    body, gold = seed
    quotes = extract_quotes({"body": body}, "kk", [])
    expected = gold["quotes"]
    assert isinstance(expected, list)
    assert [q.text for q in quotes] == [g["text"] for g in expected]
    named = [q.speaker.name for q in quotes if q.speaker and q.speaker.entity_id is None]
    assert "Михаил Мишустин" in named and "Қасым-Жомарт Тоқаев" in named


def test_indirect_speech_line_is_not_a_quote(seed: tuple[str, dict[str, object]]) -> None:
    body, _ = seed
    quotes = extract_quotes({"body": body}, "kk", _seed_entities(body))
    assert not any("zakon.kz" in q.text for q in quotes)
    assert not any("атап өтті" in q.text for q in quotes)
