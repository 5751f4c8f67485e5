"""Russian person names on unseen pages (session 11): a woman's first name the lists do not hold, read in the
nominative before her surname in -ова/-ева/-ина, not as a man's genitive.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def _people(text: str) -> set[str]:
    return {name for name, e in _found(text).items() if e.type == "PERSON"}


def test_an_unlisted_womans_name_in_a_list_stays_a_woman() -> None:
    people = _people("На сборы уехали борец Ерлан Сапаров и стрелки Зарнита Жолдасова и Арман Каиров.")
    assert "Зарнита Жолдасова" in people
    people = _people("Домой вернулись гимнаст Ерлан Сапаров и лучница Сабрина Тулегенова.")
    assert "Сабрина Тулегенова" in people
    assert "Сабрин Тулегенов" not in people


def test_an_unlisted_womans_name_after_her_post_stays_a_woman() -> None:
    people = _people("\"Дороги отремонтируют к осени\", - сообщила руководитель отдела Гулзада Кенжебаева.")
    assert "Гулзада Кенжебаева" in people
    people = _people("Почему стоит приехать зимой, рассказывает наш корреспондент Аквилита Сарсенова.")
    assert "Аквилита Сарсенова" in people
    people = _people("\"Цены растут каждую неделю\", — говорит Айтуна Есимова, продавец.")
    assert "Айтуна Есимова" in people


def test_an_unknown_mans_name_in_the_genitive_stays_a_man() -> None:
    people = _people("По словам Бахтияра Жанатова, работы завершат к осени.")
    assert "Бахтияр Жанатов" in people
    people = _people("Награду вручили при участии Даниала Сейтова.")
    assert "Даниал Сейтов" in people


def _places(text: str) -> set[str]:
    return {name for name, e in _found(text).items() if e.type in ("LOC", "GPE")}


def test_the_last_district_before_a_plural_kind_is_one_district() -> None:
    places = _places("Патрули усилили на территории Сарыагашского, Келесского и Жетысайского районов.")
    assert "Жетысайский район" in places
    assert not any(name.endswith("районов") for name in places)
    places = _places("Паводок подтопил дома в Шалкарском и Иргизском районах.")
    assert "Иргизский район" in places


def test_a_district_in_the_singular_is_unchanged() -> None:
    places = _places("Новую школу открыли в Жетысайском районе.")
    assert "Жетысайский район" in places
