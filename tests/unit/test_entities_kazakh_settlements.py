"""Kazakh settlements and districts before their kind: each a place of its own, the village bare, the district and
the rural district with their kind, also when several share one plural kind (sentences written for the tests)."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "kk")}


@pytest.mark.parametrize(
    ("text", "places", "absent"),
    [
        # villages listed before one plural kind, the first no person
        ("Көктемде Бесқайнар, Талғар елді мекендерінде газ құбыры жөнделеді.", ["Бесқайнар", "Талғар"], []),
        # a plural word opening the sentence is no part of the first village
        (
            "Құтқарушылар Тасөткел, Жаңатұрмыс және Ақтоған ауылдарына азық жеткізді.",
            ["Тасөткел", "Жаңатұрмыс", "Ақтоған"],
            ["Құтқарушылар Тасөткел"],
        ),
        # a village opening the sentence before its kind
        ("Екпінді ауылындағы клубқа жаңа орындықтар әкелінді.", ["Екпінді"], []),
        ("Жыланды ауылы мен Қаражар кенті арасындағы көпір жөнделді.", ["Жыланды", "Қаражар"], []),
        # a sentence-opening adverb is no part of a district
        (
            "Биыл Қызылжар, Есіл және Тайынша аудандарында егін ерте жиналды.",
            ["Қызылжар ауданы", "Есіл ауданы", "Тайынша ауданы"],
            ["Биыл Қызылжар"],
        ),
        # rural districts keep their kind, also when named after a known village
        ("Жиында Көкпекті ауылдық округінің әкімі сөз сөйледі.", ["Көкпекті ауылдық округі"], ["Көкпекті"]),
        (
            "Шұбар, Жаңаталап ауылдық округтерінде мал егу науқаны басталды.",
            ["Шұбар ауылдық округі", "Жаңаталап ауылдық округі"],
            ["Шұбар"],
        ),
        # a listed village keeps an ending like an accusative's
        (
            "Тасқын суы Шеңгелді, Екпінді және Көкбел ауылдарына жетті.",
            ["Шеңгелді", "Екпінді", "Көкбел"],
            ["Шеңгел", "Екпін"],
        ),
    ],
)
def test_settlements_before_their_kind_are_places(text: str, places: list[str], absent: list[str]) -> None:
    found = _found(text)
    for name in places:
        assert name in found and found[name].type in ("GPE", "LOC"), (name, found)
    for name in absent:
        assert name not in found, (name, found)
    assert not any(e.type == "PERSON" for e in found.values()), found


def test_a_districts_villages_are_no_place_named_district() -> None:
    found = _found("Аудан ауылдарында жол жөндеу жұмыстары жүріп жатыр.")
    assert not any(e.type in ("GPE", "LOC") for e in found.values()), found


def test_a_districts_centre_is_no_body() -> None:
    found = _found("Көктемде Мақтаарал ауданының орталығында жаңа саябақ ашылды.")
    assert found.get("Мақтаарал ауданы") is not None and found["Мақтаарал ауданы"].type in ("GPE", "LOC"), found
    assert not any(e.type == "ORG" for e in found.values()), found
