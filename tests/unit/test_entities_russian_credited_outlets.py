"""Outlets Russian news credits by their name only: after a source verb in any person or tense (сообщают,
передали), after по информации or по данным with the name in quotes, and a capitalised adjective with its noun
(Павлодарские вести).  A quoted name in the nominative stays as written.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_an_adjective_and_its_noun_after_a_plural_source_verb() -> None:
    found = _found("Как передают Павлодарские вести, мост откроют в июне.")
    assert found["Павлодарские вести"].type == "ORG", found


def test_a_quoted_outlet_after_po_informatsii() -> None:
    found = _found("По информации «Первый городской», движение перекрыто.")
    assert found["Первый городской"].type == "ORG", found


def test_a_quoted_neuter_adjective_stays_in_the_nominative() -> None:
    found = _found("Об этом сообщает «Новое радио».")
    assert "Новое радио" in found, found


def test_a_person_after_a_past_source_verb_stays_a_person() -> None:
    found = _found("Об этом пишут Гульмира Есенова и Марат Оспанов.")
    assert found["Гульмира Есенова"].type == "PERSON", found
