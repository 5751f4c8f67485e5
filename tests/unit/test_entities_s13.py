"""Entity-layer rules of s13, on invented sentences: a month's name that is a first name too."""

from __future__ import annotations

import pytest

from worker.entities.extract import extract_entities


def _people(text: str, language: str) -> set[str]:
    return {e.name for e in extract_entities({"text": text}, language) if e.type == "PERSON"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Имам Ерлан Сапарұлы Рамазан айы басталғанын хабарлады.", "kk"),
        ("Қала тұрғындары Рамазан айында ауызашар береді.", "kk"),
        ("Имам напомнил о начале месяца Рамазан в Шымкенте.", "ru"),
        ("Families in Shymkent observe the holy month of Ramadan together.", "en"),
    ],
)
def test_a_months_name_by_the_word_for_a_month_is_no_person(text: str, language: str) -> None:
    assert not {name for name in _people(text, language) if name.split()[-1] in ("Рамазан", "Ramadan")}


def test_a_first_name_with_a_surname_stays_a_person_by_the_word_for_a_month() -> None:
    assert "Рамазан Әлиев" in _people("Рамазан Әлиев айына бір рет келеді.", "kk")
