"""A place or a body a Russian item names only by another of its names (Кыргызстан, Нацбанк, РК) keeps the
item's name, in the nominative; the gazetteer's own name stays where the item writes it.  Sentences written for
the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_country_keeps_the_name_the_item_gives_it() -> None:
    found = _found("На турнир в Актау приехали борцы из Кыргызстана и Белоруссии.")
    assert found["Кыргызстан"].type == "GPE"
    assert found["Белоруссия"].type == "GPE"
    assert "Киргизия" not in found


def test_a_short_name_of_a_body_is_shown_in_the_nominative() -> None:
    found = _found("Аналитики Нацбанка ожидают замедления инфляции. Кабмином утверждён план.")
    assert found["Нацбанк"].type == "ORG"
    assert found["Кабмин"].type == "ORG"


def test_the_home_countrys_abbreviation_alone_is_kept() -> None:
    found = _found("Спортсменка принесла РК еще одну медаль в Баку.")
    assert "РК" in found
    assert "Казахстан" not in found


def test_the_gazetteers_name_stays_where_the_item_writes_it() -> None:
    found = _found("Президент Киргизии прибыл с визитом. В Кыргызстане прошли выборы.")
    assert "Киргизия" in found
    assert "Кыргызстан" not in found
