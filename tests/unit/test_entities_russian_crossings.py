"""Two streets that cross, joined by a dash or a slash after one kind (улиц Абая – Сейфуллина, Жибек
жолы/Аблайхана): each a street of that kind, neither a person.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_two_streets_joined_by_a_dash() -> None:
    found = _found("Светофор установили на пересечении улиц Байзакова – Мынбаева.")
    assert found["улица Байзакова"].type == "LOC", found
    assert found["улица Мынбаева"].type == "LOC", found
    assert not any(e.type == "PERSON" for e in found.values()), found


def test_two_streets_joined_by_a_slash_and_a_lower_case_name_word() -> None:
    found = _found("Кафе открылось на улице Жибек жолы/Кунаева.")
    assert "улица Жибек жолы" in found and "улица Кунаева" in found, found
