"""Russian names alone in quotes: a club's or a company's, declined where the sentence governs it (игроки
«Жениса»), unlike a title after its kind (фильм «Жусан») or in a list of titles; and one unknown name in two forms.
Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_declined_club_in_quotes_is_an_organisation_named_in_the_nominative() -> None:
    found = _found("Тренер «Жениса» доволен игрой. Клуб «Женис» занял третье место.")
    assert found["Женис"].type == "ORG"
    assert "Жениса" not in found


def test_a_declined_club_in_quotes_without_its_nominative_elsewhere() -> None:
    found = _found("Болельщики «Елимая» пришли на стадион.")
    assert any(e.type == "ORG" and e.name.startswith("Елима") for e in found.values())


def test_a_title_after_its_kind_is_no_body() -> None:
    found = _found("Зрители оценили постановку спектакля «Ревизора» и премьеру фильма «Жусана».")
    assert not any(e.type == "ORG" for e in found.values())


def test_titles_listed_after_a_dash_are_no_bodies() -> None:
    found = _found("В афише три премьеры - «Золушка», «Бармалей» и «Снегурочка».")
    assert not any(e.type == "ORG" for e in found.values())


def test_two_forms_of_one_unknown_outlet_are_one() -> None:
    found = _found("Автор: Анна Ли, Zерно. Редакция Zерна обратилась в суд.")
    assert "Zерно" in found
    assert "Zерна" not in found
