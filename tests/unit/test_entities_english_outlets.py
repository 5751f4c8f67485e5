"""Kazakhstan's outlets as English pages credit them: by their English names or their domains (sentences
written for the tests)."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The figures were first published by The Times of Central Asia last week.", "The Times of Central Asia"),
        ("Interfax-Kazakhstan reported the new tariffs on Monday.", "Interfax-Kazakhstan"),
        ("The minister gave an interview to Kapital.kz about the budget.", "Kapital.kz"),
    ],
)
def test_an_outlet_is_one_organisation_under_its_own_name(text: str, name: str) -> None:
    orgs = {e.name for e in extract_entities({"body": text}, "en") if e.type == "ORG"}
    assert name in orgs, orgs
