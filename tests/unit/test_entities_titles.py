"""Titles become mentions of the person who holds them, and only of that person.

A bare Президент in an item that names Тоқаев is his; a president whom another
country or body owns, or who is named right after the title, is not.
"""

from __future__ import annotations

import pytest

from worker.entities import extract_entities
from worker.entities.gazetteer import load_gazetteer

TOKAYEV = "nw:b22c5227082f"
NAMES = ("Қасым", "Тоқаев", "Касым", "Токаев", "Kassym", "Tokayev")


def _titles_of_tokayev(text: str, language: str) -> list[str]:
    entities = extract_entities({"body": text}, language)
    tokayev = next(e for e in entities if e.entity_id == TOKAYEV)
    return [m.text for m in tokayev.mentions if not m.text.startswith(NAMES)]


@pytest.mark.parametrize(
    ("text", "language", "titles"),
    [
        # a one-word title inflects like any Kazakh noun
        ("Тоқаев келді. Президенттің жарлығы шықты. Президентке хат жазды.", "kk", ["Президенттің", "Президентке"]),
        ("Тоқаев келді. Бүгін елдің Президенті сөз сөйледі.", "kk", ["Президенті"]),
        ("Президент Тоқаев сөз сөйледі.", "kk", ["Президент"]),
        ("Токаев прибыл. Президент страны отметил это.", "ru", ["Президент"]),
        ("Kazakhstan's President Kassym-Jomart Tokayev spoke. The President said more.", "en", ["President"] * 2),
        ("Tokayev spoke. The President of the Republic of Kazakhstan said more.", "en", ["President"]),
    ],
)
def test_titles_of_the_president_are_his(text: str, language: str, titles: list[str]) -> None:
    assert _titles_of_tokayev(text, language) == titles


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # another country's president, named or not
        ("Тоқаев Әзірбайжан Президентімен кездесті.", "kk"),
        ("Тоқаев келді. Моңғолия Президенті Ухнаагийн Хурэлсүх қонақты күтіп алды.", "kk"),
        ("Токаев прибыл в Париж. Президент Франции встретил гостя.", "ru"),
        ("Tokayev arrived in Paris, where the President of France hosted him.", "en"),
        # a body's president
        ("Тоқаев келді. Компания президенті қонақты күтіп алды.", "kk"),
        ("Тоқаев келді. Федерацияның президенті сөз сөйледі.", "kk"),
        ("Токаев прибыл. Президент компании Chevron встретил гостя.", "ru"),
        ("Tokayev met European Council President Antonio Costa.", "en"),
        ("Tokayev met Antonio Costa, President of the European Council.", "en"),
        ("Tokayev met the Vice President of the bank.", "en"),
    ],
)
def test_someone_elses_president_is_not_his(text: str, language: str) -> None:
    assert _titles_of_tokayev(text, language) == []


def test_a_title_with_a_case_ending_is_not_the_next_names() -> None:
    # Қазақстан Президентіне Путиннің сәлемін: the greeting is Putin's, the title Tokayev's
    text = "Тоқаев келді. Мишустин Қазақстан Президентіне Владимир Путиннің сәлемін жеткізді."
    assert _titles_of_tokayev(text, "kk") == ["Қазақстан Президентіне"]


def test_a_title_before_its_holders_name_is_his() -> None:
    entities = extract_entities({"body": "Тоқаев келді. Әзірбайжан Президенті Ильхам Әлиев қонақты күтті."}, "kk")
    # named as the page spells him (Әлиев), with the gazetteer's id
    aliyev = next(e for e in entities if e.name == "Ильхам Әлиев")
    assert aliyev.entity_id == load_gazetteer().lookup("Ильхам Алиев", "kk").entity_id  # type: ignore[union-attr]
    assert [m.text for m in aliyev.mentions] == ["Әзірбайжан Президенті", "Ильхам Әлиев"]
