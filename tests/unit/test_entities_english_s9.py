"""English entities from a blind review of fresh pages (sentences written for the tests): bodies named by
their heads, posts before a name, a source after "according to", legal forms, an outlet's kind alone, and a
place's possessive before a body."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities


def _found(text: str) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in extract_entities({"body": text}, "en")}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The Supreme Audit Chamber checked the spending of the region.", "Supreme Audit Chamber"),
        ("Figures came from the Bureau of National Statistics this week.", "Bureau of National Statistics"),
        ("The team plays in the Continental Hockey League this season.", "Continental Hockey League"),
        ("The new hall of the Abai Museum opened on Friday.", "Abai Museum"),
        ("The museums of the SC MES RK are old.", "SC MES RK"),
        ("He visited the Museum of Nature and Museum of History in Almaty.", "Museum of Nature"),
        ("Vaccines come from the Research Institute for Safety Problems.", "Research Institute for Safety Problems"),
    ],
)
def test_a_body_named_by_its_head_or_acronyms_is_an_organisation(text: str, body: str) -> None:
    found = _found(text)
    assert ("ORG", body) in found, found
    assert not any(t == "PERSON" for t, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The bill goes to the Lower House next week.",
        "Changes to the Tax Code were discussed by the deputies.",
        "He spoke at the Eastern Conference about the game.",
        "A report by Culper Research moved the shares.",
    ],
)
def test_a_chamber_a_code_a_conference_or_research_is_no_person(text: str) -> None:
    found = _found(text)
    assert not any(t == "PERSON" for t, _ in found), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Deputy Resident Representative Munkhtuya Altangerel spoke in the city.", "Munkhtuya Altangerel"),
        ("Ambassador Extraordinary and Plenipotentiary Anatoly Nichkassov met the press.", "Anatoly Nichkassov"),
    ],
)
def test_a_post_before_a_name_is_no_part_of_it(text: str, name: str) -> None:
    people = {n for t, n in _found(text) if t == "PERSON"}
    assert people == {name}, people


def test_a_surname_after_according_to_is_the_person_not_a_place() -> None:
    text = "Doctor Aigerim Sarsenbayeva spoke at the clinic. According to Sarsenbayeva, few are vaccinated."
    ents = extract_entities({"body": text}, "en")
    assert not any(e.type in ("GPE", "LOC") for e in ents), ents
    person = next(e for e in ents if e.type == "PERSON")
    assert person.name == "Aigerim Sarsenbayeva" and "Sarsenbayeva" in person.aliases


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("LLP Kok Ormany planted new trees near the city.", "Kok Ormany"),
        ("The builder Taraz-Stroi LLP finished the school.", "Taraz-Stroi LLP"),
        ("The deal was signed by the director of LLP Ak Plast Berik Kasymov.", "Ak Plast"),
    ],
)
def test_a_legal_form_names_the_company_beside_it(text: str, company: str) -> None:
    found = _found(text)
    assert ("ORG", company) in found, found
    assert not any(n in ("LLP", "JSC") for _, n in found), found


def test_an_outlets_kind_alone_is_no_body() -> None:
    found = _found("The Kazinform News Agency wrote about the storm.")
    assert ("ORG", "News Agency") not in found, found


def test_a_places_possessive_before_a_body_is_the_place() -> None:
    found = _found("Kazakhstan’s National Anti-Corruption Bureau opened a case.")
    assert ("ORG", "National Anti-Corruption Bureau") in found, found
    assert ("GPE", "Kazakhstan") in found, found


def test_a_body_s_head_then_a_first_name_and_the_body_written_short() -> None:
    text = (
        "Chief Executive of Operations at Tumar Kazyna Investment Fund Berik Aitbayev spoke. "
        "Tumar Kazyna owned airline flies to six cities, he said."
    )
    ents = extract_entities({"body": text}, "en")
    people = {e.name for e in ents if e.type == "PERSON"}
    assert people == {"Berik Aitbayev"}, people
    fund = next(e for e in ents if e.type == "ORG" and e.name.startswith("Tumar Kazyna"))
    assert fund.name == "Tumar Kazyna Investment Fund" and "Tumar Kazyna" in fund.aliases


@pytest.mark.parametrize(
    "text",
    [
        "Managing Director of Asset Optimisation at the fund reported growth.",
        "Minister of Labour and Social Protection Svetlana Zhakupova said the payments will grow.",
    ],
)
def test_a_post_and_what_it_is_of_are_no_person(text: str) -> None:
    people = {n for t, n in _found(text) if t == "PERSON"}
    assert people <= {"Svetlana Zhakupova"}, people



def test_one_surname_spelt_two_ways_on_a_page_is_one_person() -> None:
    text = "Railway chief Amangeldi Imanaliev toured the plant. Later Imanaliyev met the workers."
    people = [e for e in extract_entities({"body": text}, "en") if e.type == "PERSON"]
    assert len(people) == 1, people
    assert people[0].name == "Amangeldi Imanaliev" and "Imanaliyev" in people[0].aliases


def test_a_known_persons_first_name_in_another_spelling_is_part_of_the_name() -> None:
    text = "Energy Minister Almassadam Satkaliyev opened the plant."
    people = {e.name for e in extract_entities({"body": text}, "en") if e.type == "PERSON"}
    assert people == {"Almassadam Satkaliyev"}, people
