"""Kazakh in Latin script is read through Cyrillic: the same names, types and ids, Latin names."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities
from worker.entities.translit import kk_cyrillic, kk_latin, looks_latin_kazakh

LATIN = (
    "Qazaqstan Prezidentı Qasym-Jomart Toqaev Astanada Özbekstan Prezidentı Şavkat Mirziëevpen kezdestı. "
    "Kezdesuge Syrtqy ıster ministrı Mūrat Nūrtıleu qatysty. Ol Qarağandy oblysyna bardy."
)
CYRILLIC = (
    "Қазақстан Президенті Қасым-Жомарт Тоқаев Астанада Өзбекстан Президенті Шавкат Мирзиёевпен кездесті. "
    "Кездесуге Сыртқы істер министрі Мұрат Нұртілеу қатысты. Ол Қарағанды облысына барды."
)


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Qazaqstanğa", "Қазақстанға"),
        ("Prezidentı", "Президенті"),
        ("Äzırbaijan", "Әзірбайжан"),
        ("Ūlttyq", "Ұлттық"),
        ("Armeniia", "Армения"),
        ("Mirziëevpen", "Мирзиёевпен"),
    ],
)
def test_letters_both_ways(latin: str, cyrillic: str) -> None:
    assert kk_cyrillic(latin) == cyrillic
    assert kk_latin(cyrillic) == latin


def test_the_same_entities_as_in_cyrillic() -> None:
    latin = {e.entity_id: e for e in extract_entities({"body": LATIN}, "kk")}
    cyrillic = {e.entity_id: e for e in extract_entities({"body": CYRILLIC}, "kk")}
    assert latin.keys() == cyrillic.keys()
    for eid, entity in latin.items():
        assert entity.type == cyrillic[eid].type
        assert len(entity.mentions) == len(cyrillic[eid].mentions), (entity, cyrillic[eid])
    names = {e.name for e in latin.values()}
    # names stay Latin, in the nominative
    assert {"Qasym-Jomart Toqaev", "Astana", "Şavkat Mirziëev", "Mūrat Nūrtıleu", "Qarağandy oblysy"} <= names
    toqaev = next(e for e in latin.values() if e.name == "Qasym-Jomart Toqaev")
    assert [m.text for m in toqaev.mentions] == ["Qazaqstan Prezidentı", "Qasym-Jomart Toqaev"]


def test_english_inside_a_cyrillic_item_stays_english() -> None:
    text = "Тоқаев келді. Kazakhstan signed the deal with Chevron in Astana. Qatar and Iraq agreed."
    found = {e.name: e for e in extract_entities({"body": text}, "kk")}
    assert found["Chevron"].type == "ORG"
    assert {"Qatar", "Iraq"} & {m.text for e in found.values() for m in e.mentions} == {"Qatar", "Iraq"}
    assert not looks_latin_kazakh("Qatar and Iraq agreed.", strict=True)
    assert looks_latin_kazakh("Qazaqstan Prezidentı keldı.", strict=True)


def test_a_latin_outlet_credited_in_a_cyrillic_sentence_is_an_organisation() -> None:
    # Kazakh news spells people in Cyrillic: a Latin name before a reporting verb is an outlet, no speaker
    for text, name in (
        ("Бұл туралы Steppe Sport хабарлайды.", "Steppe Sport"),
        ("Жарыс нәтижелерін Orda Info хабарлады.", "Orda Info"),
        ("Бұл жөнінде Dala Times жазады.", "Dala Times"),
    ):
        found = {e.name: e for e in extract_entities({"body": text}, "kk")}
        assert found[name].type == "ORG", found


def test_a_latin_name_no_span_took_before_an_outlets_kind_is_an_organisation() -> None:
    found = {e.name: e for e in extract_entities({"body": "Бұл туралы Jetisu Daily сайты жазады."}, "kk")}
    assert found["Jetisu Daily"].type == "ORG", found


def test_the_end_of_a_known_latin_name_is_no_outlet_of_its_own() -> None:
    found = {e.name: e for e in extract_entities({"body": "Бұл жөнінде Kursiv Media жазады."}, "kk")}
    assert "Media" not in found, found
