"""A Russian page that writes a person in Kazakh letters and in Russian ones (Ерлан Жақыпов, Ерлан Жакыпов)
shows the Russian spelling.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_the_russian_spelling_wins_on_a_russian_page() -> None:
    found = _found("Ерлан Жақыпов открыл сессию. Затем Ерлан Жакыпов ответил на вопросы.")
    assert "Ерлан Жакыпов" in found, found
    assert "Ерлан Жақыпов" not in found, found


def test_the_russian_spelling_of_the_surname_alone() -> None:
    found = _found("Ерлан Жақыпов открыл сессию. Депутаты поблагодарили Жакыпова.")
    assert "Ерлан Жакыпов" in found, found


def test_a_name_only_in_kazakh_letters_stays_as_written() -> None:
    found = _found("Ерлан Жақыпов открыл сессию в Астане.")
    assert "Ерлан Жақыпов" in found, found
