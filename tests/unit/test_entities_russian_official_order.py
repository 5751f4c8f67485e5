"""Russian names in official order, surname, first name, patronymic, as court and police reports and orders of
appointment write them: the canonical name is first name and surname, in the nominative, for both sexes and in
any case.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities


def _people(text: str) -> set[str]:
    return {e.name for e in extract_entities({"body": text}, "ru") if e.type == "PERSON"}


def test_a_man_in_official_order_opening_the_sentence() -> None:
    assert _people("Касымов Болат Ерланович, житель Кокшетау, задержан сотрудниками полиции.") == {"Болат Касымов"}


def test_a_woman_in_official_order_after_a_capitalised_noun() -> None:
    assert _people("Потерпевшая Садыкова Гульмира Айдаровна обратилась в полицию.") == {"Гульмира Садыкова"}


def test_a_woman_in_official_order_in_the_dative() -> None:
    assert _people("Премию вручили Омаровой Сауле Маратовне за многолетний труд.") == {"Сауле Омарова"}


def test_first_name_patronymic_surname_keeps_working() -> None:
    assert _people("Как отметила Жанна Петровна Ким, сезон был трудным.") == {"Жанна Ким"}
