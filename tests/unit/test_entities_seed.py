"""The seed article's entities against tests/data/seed.gold.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from worker.entities import extract_entities
from worker.model import Entity

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Entity], dict[str, object]]:
    text = (DATA / "seed_kk.txt").read_text(encoding="utf-8")
    gold = json.loads((DATA / "seed.gold.json").read_text(encoding="utf-8"))
    return text, extract_entities({"body": text}, "kk"), gold


def _by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def test_gold_entities_found_with_name_and_type(seed: tuple[str, list[Entity], dict[str, object]]) -> None:
    _, entities, gold = seed
    got = _by_name(entities)
    for g in gold["entities"]:  # type: ignore[attr-defined]
        assert g["name"] in got, g["name"]
        assert got[g["name"]].type == g["type"], g["name"]


def test_gold_surfaces_are_mentions(seed: tuple[str, list[Entity], dict[str, object]]) -> None:
    _, entities, gold = seed
    got = _by_name(entities)
    for g in gold["entities"]:  # type: ignore[attr-defined]
        texts = [m.text for m in got[g["name"]].mentions]
        for surface in g["surface"]:
            # KazNERD spans: a city without қаласы, a river without its descriptor
            assert any(surface == t or surface.startswith(t + " ") for t in texts), (g["name"], surface)


def test_people_referred_to_by_title_share_one_id(seed: tuple[str, list[Entity], dict[str, object]]) -> None:
    _, entities, gold = seed
    got = _by_name(entities)
    for g in gold["entities"]:  # type: ignore[attr-defined]
        if g["type"] != "PERSON":
            continue
        texts = [m.text for m in got[g["name"]].mentions]
        for title in g.get("also_referred_to_as", []):
            assert title in texts, (g["name"], title)
    ids = [e.entity_id for e in entities]
    assert len(ids) == len(set(ids))


def test_no_spurious_people(seed: tuple[str, list[Entity], dict[str, object]]) -> None:
    _, entities, gold = seed
    people = {e.name for e in entities if e.type == "PERSON"}
    assert people == {g["name"] for g in gold["entities"] if g["type"] == "PERSON"}  # type: ignore[attr-defined]


def test_offsets_and_order(seed: tuple[str, list[Entity], dict[str, object]]) -> None:
    text, entities, _ = seed
    firsts = []
    for e in entities:
        for m in e.mentions:
            assert m.field == "body"
            assert text[m.start : m.end] == m.text
        firsts.append(min(m.start for m in e.mentions))
        assert e.mentions == sorted(e.mentions, key=lambda m: (m.start, m.end))
    assert firsts == sorted(firsts)


def test_roles_of_the_president(seed: tuple[str, list[Entity], dict[str, object]]) -> None:
    _, entities, _ = seed
    tokayev = _by_name(entities)["Қасым-Жомарт Тоқаев"]
    assert "президент" in tokayev.roles
    assert "мемлекет басшысы" in tokayev.roles
    assert "Қасым-Жомарт Тоқаев" in tokayev.aliases
    assert "Президент" not in tokayev.aliases
