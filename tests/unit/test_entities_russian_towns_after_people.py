"""A town named after someone (Сатпаев, Курчатов) after a first name no list holds is a person; the town
alone stays a place; an adjective in -ческий opening a headline's words is no person (sentences written for
the tests)."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities


def _typed(text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extract_entities({"body": text}, "ru")}


@pytest.mark.parametrize(
    "text",
    [
        "В эфире программы политолог Досым Сатпаев поделился мнением.",
        "Досым Сатпаев: рынок труда меняется быстрее, чем школы",
    ],
)
def test_an_unlisted_first_name_before_a_town_named_after_someone_is_a_person(text: str) -> None:
    found = _typed(text)
    assert ("Досым Сатпаев", "PERSON") in found, found
    assert ("Сатпаев", "GPE") not in found, found


@pytest.mark.parametrize(
    "text",
    ["Жители Сатпаева жалуются на воду.", "В городе Сатпаев открыли школу.", "Аким области посетил Сатпаев."],
)
def test_the_town_alone_stays_a_place(text: str) -> None:
    assert ("Сатпаев", "GPE") in _typed(text)


def test_a_capitalised_adjective_in_cheskij_after_a_colon_is_no_person() -> None:
    people = {e.name for e in extract_entities({"body": "Политолог: Экономический рост замедлится"}, "ru")}
    assert "Экономический" not in people, people
