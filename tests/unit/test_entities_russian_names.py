"""Russian people's names in their cases (issue 22, real news): first name and surname read together, the sex
and the case agreeing, Kazakh and foreign names that Russian leaves undeclined.  Sentences written for the test."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities
from worker.entities.people import _first_name, russian_first_name_readings
from worker.entities.rules_ru import _russian_name_in_nominative, _russian_surname_readings
from worker.model import Entity


def _people(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru") if e.type == "PERSON"}


@pytest.mark.parametrize(
    ("first", "last", "name"),
    [
        # a woman in the genitive, dative, accusative, instrumental and prepositional
        ("Динары", "Сейтовой", "Динара Сейтова"),
        ("Динаре", "Сейтовой", "Динара Сейтова"),
        ("Динару", "Сейтову", "Динара Сейтова"),
        ("Динарой", "Сейтовой", "Динара Сейтова"),
        ("Алии", "Омаровой", "Алия Омарова"),
        ("Алию", "Омарову", "Алия Омарова"),
        ("Натальей", "Гороховой", "Наталья Горохова"),
        # a man in the same cases: -ов and -ский surnames, names in a consonant and in -й
        ("Андрея", "Климова", "Андрей Климов"),
        ("Андрею", "Климову", "Андрей Климов"),
        ("Андреем", "Климовым", "Андрей Климов"),
        ("Тимуре", "Касенове", "Тимур Касенов"),
        ("Бориса", "Лозинского", "Борис Лозинский"),
        ("Борисом", "Лозинским", "Борис Лозинский"),
        # a first name the lists do not hold, read by its surname's case
        ("Жаксыбека", "Нурова", "Жаксыбек Нуров"),
        ("Жаксыбеке", "Нурове", "Жаксыбек Нуров"),
        # a woman's Kazakh name in a consonant stays, the surname tells the case
        ("Сауле", "Ахметовой", "Сауле Ахметова"),
        ("Гульжан", "Бековой", "Гульжан Бекова"),
        ("Аружан", "Сатовой", "Аружан Сатова"),
        # undeclined first names ending in a vowel; a foreign surname in a consonant declines for a man
        ("Рене", "Гарнса", "Рене Гарнс"),
        ("Гайни", "Бектасовой", "Гайни Бектасова"),
        # a Kazakh surname made of a father's name does not decline
        ("Ерлана", "Оспанулы", "Ерлан Оспанулы"),
        # a double first name declines its last part
        ("Абдул-Карима", "Сейтова", "Абдул-Карим Сейтов"),
        # a double surname declines both parts
        ("Ольгу", "Петрову-Левину", "Ольга Петрова-Левина"),
        # a byline's surname in capitals
        ("Мадина", "КАЛИЕВА", "Мадина Калиева"),
        # in the nominative they stay
        ("Динара", "Сейтова", "Динара Сейтова"),
        ("Андрей", "Климов", "Андрей Климов"),
    ],
)
def test_a_russian_name_in_any_case_is_put_in_the_nominative(first: str, last: str, name: str) -> None:
    assert _russian_name_in_nominative(first, last) == name.split()


def test_the_sex_the_item_shows_decides_where_the_name_does_not() -> None:
    # a man's genitive or a woman's nominative: only the other forms can tell
    assert _russian_name_in_nominative("Жаксыбека", "Нурова", "f") == ["Жаксыбека", "Нурова"]
    assert _russian_name_in_nominative("Жаксыбека", "Нурова", "m") == ["Жаксыбек", "Нуров"]


def test_first_name_readings_follow_russian_spelling() -> None:
    readings = {nominative for nominative, _sex, _cases in russian_first_name_readings("Малики")}
    assert "Малика" in readings  # -и after к, not -ы
    assert not any(n == "Маликы" for n in readings)
    assert ("Сергей", "m", "GA") in russian_first_name_readings("Сергея")
    assert _first_name("Сергея", "ru") and _first_name("Аиды", "ru")
    assert not _first_name("Сергея", "kk")


def test_surname_readings_by_kind() -> None:
    assert ("Климов", "m", "D", 0.0) in _russian_surname_readings("Климову")
    assert ("Климова", "f", "A", 0.0) in _russian_surname_readings("Климову")
    assert {r[0] for r in _russian_surname_readings("Лозинской")} == {"Лозинская"}
    # a foreign surname in -а after a consonant is likelier a man's genitive than a nominative
    readings = {r[0]: r[3] for r in _russian_surname_readings("Гарнса")}
    assert readings["Гарнс"] > readings["Гарнса"]


def test_people_in_oblique_cases_are_named_in_the_nominative() -> None:
    found = _people(
        "Министр вручил медаль Алие Сапаровой. Встреча с Динарой Сейтовой прошла в Астане. "
        "Спектакль поставлен при участии Андрея Климова."
    )
    assert {"Алия Сапарова", "Динара Сейтова", "Андрей Климов"} <= set(found), found
    assert not any(name.endswith(("ой", "Климова")) for name in found), found


def test_a_first_name_and_patronymic_is_the_person_named_in_full() -> None:
    found = _people(
        "Команду возглавил Вадим Кожанов. Задача Вадима Петровича — выход в финал, сказал президент клуба."
    )
    assert "Вадим Кожанов" in found
    assert not any("Петрович" in name for name in found), found


def test_a_known_persons_surname_used_as_a_first_name_opens_another_name() -> None:
    # Исламхан is a footballer's surname the gazetteer knows; before a surname it is a first name
    found = _people("Приговор огласил судья Исламхан Жаркенов в пятницу.")
    assert "Исламхан Жаркенов" in found
    assert "Исламхан" not in found and "Жаркенов" not in found


def test_an_acronym_the_gazetteer_knows_matches_a_word_in_capitals_only() -> None:
    found = {e.name: e for e in extract_entities({"body": "Решение ВАДА обжаловал Вадим Кожанов."}, "ru")}
    assert found["Вадим Кожанов"].type == "PERSON"
    assert [m.text for e in found.values() if e.type == "ORG" for m in e.mentions] == ["ВАДА"]
