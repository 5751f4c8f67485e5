"""Common nouns Russian news writes in capitals are no bodies: a code of laws and the country after it (УК РК,
КоАП), an illness or a medical test (КВИ, ОРВИ, УЗИ, ЭКГ), an organised crime group (ОПГ).  Sentences written for
the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_code_of_laws_and_its_country() -> None:
    found = _found("Расследование начато по статье 190 УК РК.")
    assert not found, found


def test_illnesses_and_tests() -> None:
    found = _found("Детей с ОРВИ направили на ЭКГ и УЗИ.")
    assert not found, found


def test_a_crime_groups_acronym() -> None:
    found = _found("Лидера ОПГ задержали в Таразе.")
    assert set(found) == {"Тараз"}, found
