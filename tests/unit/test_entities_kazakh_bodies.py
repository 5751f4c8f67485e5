"""Kazakh organisations as news names them: units of national services, bodies named after people or their
work, teams, institutions (sentences written for the tests)."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str, language: str = "kk") -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, language)}


# --------------------------------------------------------------------------- units of national services


def test_a_service_in_the_genitive_before_its_regional_department_is_that_department() -> None:
    text = "Сыбайлас жемқорлыққа қарсы қызметтің Павлодар облысы бойынша департаменті екі шенеунікті ұстады."
    found = _found(text)
    name = "Павлодар облысы бойынша Сыбайлас жемқорлыққа қарсы қызмет департаменті"
    assert found[name].type == "ORG", found
    assert "Павлодар облысы бойынша департаменті" not in found, found
    assert "Сыбайлас жемқорлыққа қарсы қызмет" not in found, found


def test_a_service_before_the_kind_of_its_unit_is_the_unit() -> None:
    found = _found("Сыбайлас жемқорлыққа қарсы қызмет департаменті басшысының орынбасары сөз сөйледі.")
    assert found["Сыбайлас жемқорлыққа қарсы қызмет департаменті"].type == "ORG", found


def test_a_unit_named_by_its_last_words_is_the_unit_named_in_full() -> None:
    text = (
        "Тексеруге ҚР ІІМ Кадр саясаты департаменті қатысты. "
        "Кадр саясаты департаментінің өкілдері есеп берді."
    )
    found = _found(text)
    assert "Кадр саясаты департаменті" not in found, found
    mentions = [m.text for m in found["ҚР ІІМ Кадр саясаты департаменті"].mentions]
    assert mentions == ["ҚР ІІМ Кадр саясаты департаменті", "Кадр саясаты департаментінің"], mentions


def test_a_short_name_two_bodies_end_with_stays_apart() -> None:
    text = (
        "Жиынға Алматы облысы полиция департаменті мен Жамбыл облысы полиция департаменті келді. "
        "Полиция департаменті мәлімдеме жасады."
    )
    found = _found(text)
    assert "Алматы облысы полиция департаменті" in found and "Жамбыл облысы полиция департаменті" in found, found
    assert len(found["Алматы облысы полиция департаменті"].mentions) == 1, found
