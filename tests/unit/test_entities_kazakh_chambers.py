"""The chambers and the government as Kazakh news names them: in lower case, and opening a sentence before a
post or a thing of their own (sentences written for the tests)."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "kk")}


def test_parliament_in_lower_case_is_the_parliament() -> None:
    found = _found("Депутаттың сөзінше, заң жобасы парламентке күзде келеді.")
    assert found["Парламент"].type == "ORG", found


def test_the_senate_opening_a_sentence_before_its_chair_is_the_senate() -> None:
    found = _found("Сенат төрағасы жаңа заңға қол қойылғанын хабарлады.")
    assert found["Сенат"].type == "ORG", found


def test_the_mazhilis_opening_a_sentence_before_its_speaker_is_the_chamber() -> None:
    found = _found("Мәжіліс Спикері депутаттармен кездесу өткізді.")
    assert found["Мәжіліс"].type == "ORG", found


def test_the_government_opening_a_sentence_before_its_session_is_the_government() -> None:
    text = "Үкімет отырысында білім министрі Ғани Бейсембаев мектептердің жаңа оқу жылына дайындығы туралы айтты."
    found = _found(text)
    assert found["Үкімет"].type == "ORG", found
