"""Russian people's names in forms the declension tables missed: surnames in a vowel and -й, undeclined
women's first names, a first name left in the nominative before a declined surname, surnames that are also
first names, and surnames in capitals.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.entities.rules_ru import _russian_name_in_nominative, _russian_person
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_surname_in_a_vowel_and_j_declines_like_a_noun() -> None:
    assert _russian_name_in_nominative("Виктору", "Цою") == ["Виктор", "Цой"]
    assert _russian_name_in_nominative("Олега", "Гайдая") == ["Олег", "Гайдай"]
    found = _found("Песни Виктора Цоя исполнили на площади.")
    assert "Виктор Цой" in found


def test_an_undeclined_first_name_keeps_the_surname_as_written() -> None:
    assert _russian_name_in_nominative("Айгерим", "Сапарова") == ["Айгерим", "Сапарова"]
    assert _russian_name_in_nominative("Жанель", "Кусаинова") == ["Жанель", "Кусаинова"]


def test_a_first_name_left_in_the_nominative_before_a_declined_surname() -> None:
    found = _found("Журналисты расспросили тренер Сергей Петрова о составе. Петров ответил коротко.")
    assert "Сергей Петров" in found


def test_a_surname_that_is_also_a_first_name_declines_with_the_first_name() -> None:
    assert _russian_person(["Нурлана", "Асхата"]) == ["Нурлан", "Асхат"]


def test_a_surname_in_capitals_after_a_first_name() -> None:
    found = _found("На совещании выступил начальник отдела Ержан КАСЫМОВ. Затем Касымов ответил на вопросы.")
    assert "Ержан Касымов" in found
    assert not any(e.type == "ORG" for e in found.values())


def test_a_byline_in_capitals_stops_before_the_photo_credit() -> None:
    found = _found("Гульмира ТАЖИБАЕВА Фото Дмитрия Ковалева")
    assert "Гульмира Тажибаева" in found
    assert "Дмитрий Ковалев" in found


def test_two_first_names_and_a_surname_decline_together() -> None:
    names = {e.name for e in extract_entities({"body": "Чемпион победил испанца Хосе Луиса Родригеса в финале."}, "ru")}
    assert "Хосе Луис Родригес" in names
    names = {e.name for e in extract_entities({"body": "Интервью с Анной Марией Кастро вышло вчера."}, "ru")}
    assert "Анна Мария Кастро" in names


def test_a_patronymic_between_the_names_is_left_out_still() -> None:
    names = {e.name for e in extract_entities({"body": "Приказ подписал Сергей Николаевич Орлов."}, "ru")}
    assert "Сергей Орлов" in names


def test_a_scottish_surname_with_a_capital_inside_declines() -> None:
    assert "Джек МакДональд" in _found("Казахстанец встретится с британцем Джеком МакДональдом.")
