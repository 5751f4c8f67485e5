"""Russian person names in their right case and sex: a surname in capitals in running text declines where the
first name shows the case (Фото Марины ЛЕСКОВОЙ), and a woman's past-tense verb by a name reads an unknown first
name in -а as a woman's nominative, not a man's genitive.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_photo_credit_in_the_genitive_with_a_surname_in_capitals() -> None:
    found = _found("Фермеры Акмолинской области начали сев пшеницы /Фото Марины ЛЕСКОВОЙ\n\nРаботы идут по плану.")
    assert "Марина Лескова" in found, found
    assert "Марины Лесковой" not in found, found


def test_a_known_double_first_name_before_a_surname_in_capitals_declines() -> None:
    found = _found("Поручение президента Касым-Жомарта ТОКАЕВА обсудили в сенате во вторник.")
    assert "Касым-Жомарт Токаев" in found, found


def test_a_womans_verb_before_an_unknown_first_name() -> None:
    found = _found("Съемки длились все лето, – рассказала Дарина Белова, автор фильма о горах Алатау.")
    assert "Дарина Белова" in found, found
    assert "Дарин Белов" not in found, found
