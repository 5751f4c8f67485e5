"""English pages name Kazakh places and bodies in their own spelling; the gazetteer gives the id (sentences
written for the tests)."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "en")}


def test_a_known_city_keeps_the_pages_spelling_and_the_gazetteers_id() -> None:
    old = _found("Heating was restored in Ust-Kamenogorsk on Monday.")
    new = _found("Heating was restored in Oskemen on Monday.")
    assert "Ust-Kamenogorsk" in old, old
    assert "Oskemen" in new, new
    assert old["Ust-Kamenogorsk"].entity_id == new["Oskemen"].entity_id


def test_a_known_chamber_is_named_as_the_page_names_it() -> None:
    found = _found("The Senate approved the budget amendments on Thursday.")
    assert found["Senate"].type == "ORG", found


def test_two_spellings_of_one_city_are_one_entity() -> None:
    found = _found("Flights from Uralsk resumed. Oral airport had been closed for a week.")
    assert len([e for e in found.values() if e.type in ("GPE", "LOC")]) == 1, found


def test_a_countrys_formal_name_gives_way_to_its_common_one() -> None:
    found = _found("The Republic of Kazakhstan ratified the treaty.")
    assert "Kazakhstan" in found, found
    assert "Republic of Kazakhstan" not in found, found


def test_fields_joined_by_and_before_a_ministry_are_one_body() -> None:
    found = _found("Officials of the Culture and Information Ministry’s press office visited Taraz.")
    assert found["Culture and Information Ministry"].type == "ORG", found
    assert "Information Ministry" not in found, found


def test_a_ministry_in_lower_case_is_a_body() -> None:
    found = _found("Wheat exports will grow, the ministry of agriculture said in a statement.")
    assert found["ministry of agriculture"].type == "ORG", found
    found = _found("Kazakhstan's justice ministry drafted the amendments.")
    assert found["justice ministry"].type == "ORG", found
    found = _found("The ecology and natural resources ministry fined the plant.")
    assert found["ecology and natural resources ministry"].type == "ORG", found


def test_a_ministry_with_no_field_is_no_name() -> None:
    found = _found("The ministry declined to comment. A new ministry may be formed next year.")
    assert not any(e.type == "ORG" for e in found.values()), found


def test_a_ministry_named_both_ways_is_one_body_in_full() -> None:
    found = _found("Justice Ministry drafts new rules. The Ministry of Justice of Kazakhstan published the draft.")
    assert "Ministry of Justice of Kazakhstan" in found, found
    assert "Justice Ministry" not in found, found
