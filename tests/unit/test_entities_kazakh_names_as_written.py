"""A place or a body a Kazakh item names only by another of its names (Орта Азия, Мажарстан, Европа) or by a
spelling of its own (Ыстанбұл) keeps the item's name, in the nominative, with the gazetteer's id; the gazetteer's
own name stays where the item writes it.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "kk")}


def test_a_region_keeps_the_name_the_item_gives_it() -> None:
    found = _found("Орта Азия елдерінің сауда көлемі биыл өсті.")
    assert found["Орта Азия"].type == "LOC", found
    assert found["Орта Азия"].entity_id == "Q27275"
    assert "Орталық Азия" not in found


def test_a_country_by_its_other_kazakh_name_is_shown_so_in_the_nominative() -> None:
    found = _found("Мажарстанның сыртқы істер министрі Астанаға келді.")
    assert found["Мажарстан"].entity_id == "Q28", found
    assert "Венгрия" not in found


def test_a_spelling_the_gazetteer_lacks_is_named_as_written() -> None:
    found = _found("Делегация Ыстанбұлға аттанды, кейін Ыстанбұлда келіссөз өтті.")
    assert found["Ыстанбұл"].entity_id == "Q406", found
    assert "Стамбұл" not in found


def test_the_gazetteers_name_stays_where_the_item_writes_it_too() -> None:
    found = _found("Орта Азия мен Орталық Азия деген бір өңір, деді сарапшы.")
    assert "Орталық Азия" in found, found
    assert "Орта Азия" not in found
    # also inside another name
    found = _found("Мажарстан делегациясын Венгрия Сыртқы істер министрлігінің өкілі бастады.")
    assert "Мажарстан" not in found, found


def test_a_place_cut_short_before_a_shared_kind_keeps_the_gazetteers_name() -> None:
    found = _found("Жауын-шашын Атырау, Ақтөбе және Қызылорда облыстарында күтіледі.")
    assert "Қызылор" not in found, found
    assert "Ақтөбе облыстары" not in found
