"""Known Kazakh bodies under their Kazakh names (sentences written for the tests)."""

from __future__ import annotations

from worker.entities import extract_entities


def test_nazarbayev_university_is_named_with_its_kinds_possessive_in_kazakh() -> None:
    text = "Биыл Назарбаев Университетіне үш мың талапкер келді."
    found = {e.name: e for e in extract_entities({"body": text}, "kk")}
    assert found["Назарбаев Университеті"].type == "ORG", found


def test_nazarbayev_university_keeps_its_russian_name_in_russian() -> None:
    text = "В этом году в Назарбаев Университет поступили студенты."
    found = {e.name for e in extract_entities({"body": text}, "ru")}
    assert "Назарбаев Университет" in found, found
