"""Russian bodies named once in full and then shortened: abbreviations that spell the full name's initials, the
name without the place it serves, an abbreviation in brackets inside the name, and a body's kind after a
preposition, which is no place.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_kind_of_body_after_a_preposition_is_no_place() -> None:
    found = _found("Как пояснили в Управлении образования, занятия начнутся в понедельник.")
    assert "Управление образования" in found
    assert found["Управление образования"].type == "ORG"
    assert not any(e.type in ("GPE", "LOC") for e in found.values())


def test_an_abbreviation_in_brackets_inside_a_body_name_is_left_out_of_it() -> None:
    found = _found("Об аварии рассказали в Департаменте энергетики (ДЭ) Павлодарской области в четверг.")
    assert "Департамент энергетики Павлодарской области" in found
    assert "ДЭ" not in found
    assert "Павлодарская область" not in found


def test_an_abbreviation_of_a_body_named_in_full_is_that_body() -> None:
    found = _found(
        "Управление пассажирского транспорта и автомобильных дорог закрыло мост. Позже в УПТАД добавили, что "
        "объезд открыт."
    )
    assert "УПТАД" not in found
    body = found["Управление пассажирского транспорта и автомобильных дорог"]
    assert "УПТАД" in {m.text for m in body.mentions}


def test_an_abbreviation_with_its_city_is_the_body_named_in_full() -> None:
    found = _found(
        "Совещание прошло в департаменте полиции Актобе. Новым начальником ДП Актобе стал бывший заместитель."
    )
    assert "ДП Актобе" not in found
    assert "Департамент полиции Актобе" in found


def test_a_body_named_without_its_place_is_the_one_the_item_places() -> None:
    found = _found(
        "Паводок обсудили в ДЧС Абайской области. Спасатели ДЧС эвакуировали жителей двух сёл."
    )
    assert "ДЧС" not in found
    assert "ДЧС Абайской области" in found


def test_a_short_form_that_fits_two_bodies_stays_apart() -> None:
    found = _found(
        "Рейд провели ДП Актобе и ДП Атырау. В ДП сообщили, что нарушений мало."
    )
    assert "ДП" in found
