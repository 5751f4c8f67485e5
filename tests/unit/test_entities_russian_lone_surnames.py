"""A foreign or Ukrainian surname that Russian does not decline, alone (Громыко, Жоржиньо, Шойгу): a person by
the verb beside it, a speech verb before it or по словам, or a man's or a woman's past-tense verb after a word in
-о, which a neuter noun never takes (Министерство заявило).  Its nominative keeps its last letters.  Sentences
written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_surname_in_o_before_a_past_verb() -> None:
    found = _found("Ривалдиньо отдал передачу на ворота.")
    assert found["Ривалдиньо"].type == "PERSON", found


def test_a_surname_after_a_speech_verb() -> None:
    found = _found("Как подчеркнул Зеленко, переговоры продолжатся.")
    assert found["Зеленко"].type == "PERSON", found


def test_a_surname_after_po_slovam() -> None:
    found = _found("По словам Гойко, решение уже принято.")
    assert found["Гойко"].type == "PERSON", found


def test_a_neuter_noun_and_an_adverb_are_no_surnames() -> None:
    found = _found("Агентство заявило о проверке. Первоначально планировал приехать. Позже Ахметов уехал.")
    assert not any(e.name in ("Агентство", "Первоначально") for e in found.values()), found
    assert "Позже Ахметов" not in found, found
