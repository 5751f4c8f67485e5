"""Names in Latin letters in Russian text, as Kazakhstan's press writes companies: a run of capitalised Latin
words is one name, a known place inside it included (Kazakhstan) and a Russian kind before it left out; an
outlet's address keeps no Russian letters glued after it.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_company_with_the_country_in_its_latin_name() -> None:
    found = _found("Компания Nestle Foods Kazakhstan расширит производство в Шымкенте.")
    assert found["Nestle Foods Kazakhstan"].type == "ORG", found
    assert "Казахстан" not in found and "Компания Nestle Foods" not in found, found


def test_a_latin_name_in_capitals_is_whole() -> None:
    found = _found("Подрядчиком стало ТОО BEST CONSTRUCTION из Караганды.")
    assert found["BEST CONSTRUCTION"].type == "ORG", found


def test_of_inside_a_latin_name() -> None:
    found = _found("Кредит выдал Steppe Credit Bank of Kazakhstan в прошлом году.")
    assert found["Steppe Credit Bank of Kazakhstan"].type == "ORG", found


def test_an_events_latin_name_is_no_body() -> None:
    found = _found("Школьники из Актобе победили на Robotics Challenge в Сеуле.")
    assert "Robotics Challenge" not in found, found


def test_an_address_with_russian_letters_glued_after_it() -> None:
    found = _found("Об этом сообщает Lenta.kz.Читайте также о погоде.")
    assert found["Lenta.kz"].type == "ORG", found
    assert not any("Читайте" in name for name in found), found
