"""A capitalised noun for what someone does before a surname, as a headline or a sentence opens (Волонтёрку
Жумабаеву, Блогер Сатпаев, Адвокат Алия Нурланова): no first name; where it is a woman's noun, or a woman's
verb follows, the surname alone is a woman's in the nominative.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_womans_noun_in_the_accusative_before_a_surname() -> None:
    found = _found("Журналистку Бекмаганбетову оштрафовали за публикацию.")
    assert found["Бекмаганбетова"].type == "PERSON", found


def test_a_mans_noun_before_a_surname() -> None:
    found = _found("Экоактивист Жаксылыков подал иск в суд.")
    assert found["Жаксылыков"].type == "PERSON", found


def test_a_noun_before_a_first_name_the_lists_do_not_know() -> None:
    found = _found("Адвокат Гаухартас Сыздыкова обжаловала приговор.")
    assert "Гаухартас Сыздыкова" in found, found


def test_a_surname_alone_with_a_womans_verb_after_it() -> None:
    found = _found("Правозащитница Кенжебаева сообщила о давлении.")
    assert "Кенжебаева" in found, found
