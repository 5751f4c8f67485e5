"""Honorary titles (Еңбек сіңірген қайраткері, Еңбек Ері, Халық әртісі) are no bodies nor people; the person
holding one is (sentences written for the tests)."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities


def _names(text: str) -> dict[str, str]:
    return {e.name: e.type for e in extract_entities({"body": text}, "kk")}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Мерекеде ҚР Еңбек сіңірген Әртісі Айнұр Серікова өнер көрсетті.", {"Айнұр Серікова": "PERSON"}),
        ("Ол – Қазақстанның Еңбек Ері, Халық ақыны.", {"Қазақстан": "GPE"}),
        ("Бұл тізімге ҚР Еңбек Ері, Халық қаһарманы атақтары енеді.", {}),
    ],
)
def test_an_honorary_title_is_no_entity(text: str, kept: dict[str, str]) -> None:
    names = _names(text)
    assert names == kept, names
