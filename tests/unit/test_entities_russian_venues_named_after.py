"""Russian airports and palaces (of culture, of sport, of schoolchildren) named after someone are bodies, not the
person and not a place cut from the palace's stem.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_an_airport_named_after_a_heroine_is_a_body() -> None:
    found = _found("Рейс сел в аэропорту имени Хиуаз Доспановой без опоздания.")
    assert [e.type for e in found.values()] == ["ORG"]
    found = _found("Аэропорт имени Хиуаз Доспановой обслужил миллион пассажиров.")
    assert [e.type for e in found.values()] == ["ORG"]


def test_a_palace_named_after_a_poet_is_one_body_and_no_place() -> None:
    found = _found("Вечер памяти прошел во Дворце культуры имени Жамбыла, сообщили организаторы.")
    assert "Дворц" not in found
    assert [e.type for e in found.values()] == ["ORG"]
