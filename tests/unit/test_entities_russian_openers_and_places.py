"""Russian words that look like places but are not: a capitalised sentence opener shorter than an indeclinable
name (Само, not Самоа), and a Kazakh first name spelt like a river or a range right before a surname (Дунай
Еспаев, Алтай Кульгинов).  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_pronoun_opening_a_sentence_is_no_island_state() -> None:
    found = _found("Само заседание продлилось три часа.")
    assert not any(e.type in ("GPE", "LOC") for e in found.values()), found


def test_a_first_name_like_a_river_before_a_surname() -> None:
    found = _found("Дунай Сейткалиев возглавил районный отдел.")
    assert found["Дунай Сейткалиев"].type == "PERSON", found
    assert "Дунай" not in found, found


def test_a_place_after_a_preposition_before_a_surname_stays_a_place() -> None:
    found = _found("В Алтае Петров открыл турбазу.")
    assert found["Алтай"].type in ("GPE", "LOC"), found


def test_a_city_after_its_kind_before_a_bodys_adjective_stays_a_city() -> None:
    found = _found("В рамках Дней города Шымкент Шымкентский городской театр показал комедию.")
    assert found["Шымкент"].type in ("GPE", "LOC"), found
    assert not any(e.type == "PERSON" for e in found.values()), found
