"""Kazakh quote speakers on unseen pages, second pass (s11-spkb): the helpers behind cases t720-t731."""

from __future__ import annotations

import pytest

from worker.model import Entity, Mention, Speaker
from worker.quotes.speakers import Resolver, _ministry_initials


@pytest.mark.parametrize("word", ["ТЖМ", "ДСМ", "ІІМ", "СІМ", "АШМ", "МЧС", "МИД"])
def test_ministry_initials(word: str) -> None:
    assert _ministry_initials(word)


@pytest.mark.parametrize("word", ["ҚР", "ЖШС", "ҚДБ", "ТЖ", "министрлік", "Мәжіліс"])
def test_not_ministry_initials(word: str) -> None:
    assert not _ministry_initials(word)


def _resolver(body: str, names: list[str]) -> Resolver:
    persons = []
    for n, name in enumerate(names):
        at = body.find(name)
        persons.append(Entity(f"P{n}", name, "PERSON", [Mention(name, "body", at, at + len(name))]))
    return Resolver.build({"body": body}, ["body"], persons)


def test_person_inside_an_earlier_quote_is_no_antecedent() -> None:
    body = "Жанар Қасымова келді.\n«Қызым Айгүл Серікова көмектеседі», – деді ол.\n«Біз дайынбыз», – деді ол."
    res = _resolver(body, ["Жанар Қасымова", "Айгүл Серікова"])
    first = body.find("Қызым")
    res.remember((0, first), Speaker("ол", "Жанар Қасымова", "P0"), body.find("»", first))
    second = body.find("Біз")
    anchor = res._subject_anchor((0, second), "")
    assert anchor is not None and anchor.name == "Жанар Қасымова"


def test_person_in_the_narration_stays_the_antecedent() -> None:
    body = "«Жол жөнделеді», – деді әкім.\nЖиынға Айгүл Серікова қатысты.\n«Біз дайынбыз», – деді ол."
    res = _resolver(body, ["Айгүл Серікова"])
    res.remember((0, 1), Speaker("әкім", None, None), body.find("»"))
    anchor = res._subject_anchor((0, body.find("Біз")), "")
    assert anchor is not None and anchor.name == "Айгүл Серікова"
