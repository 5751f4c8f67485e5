"""Russian abbreviations typed as the page writes them, numbered institutions, and capitals that name no body
(captions, common nouns, holidays).  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_an_abbreviation_with_the_country_stays_as_written() -> None:
    found = _found("Итоги сезона подвели в НОК РК во вторник.")
    assert found["НОК РК"].type == "ORG"


def test_a_local_departments_acronym_with_its_city_is_one_body() -> None:
    found = _found("Как сообщили в ДП Шымкента, подозреваемый задержан.")
    assert found["ДП Шымкента"].type == "ORG"
    found = _found("Проверку провело УП Караганды на прошлой неделе.")
    assert "УП Караганды" in found


def test_a_numbered_institution_keeps_its_number() -> None:
    found = _found("Воспитанники ДЮСШ №4 и ученики школы № 31 выступили на турнире.")
    assert {e.type for name, e in found.items() if "4" in name or "31" in name} == {"ORG"}
    assert any(name.startswith("ДЮСШ") and name.endswith("4") for name in found)
    assert "Школа № 31" in found


def test_captions_and_common_acronyms_in_capitals_are_no_bodies() -> None:
    found = _found("Пожар на складе потушили (ФОТО). Сотрудники ЧС работали всю ночь, задержанного поместили в ИВС.")
    assert not any(e.type == "ORG" for e in found.values())


def test_a_holiday_is_no_person() -> None:
    found = _found("Средства потратили на празднование Дня Республики и Дня Конституции.")
    assert not any(e.type == "PERSON" for e in found.values())


def test_a_bodys_name_shortened_into_one_word_is_a_body_in_the_nominative() -> None:
    found = _found("Жалобу адвоката в Генпрокуратуре пока не рассмотрели, а в Горакимате от комментариев отказались.")
    assert found["Генпрокуратура"].type == "ORG"
    assert found["Горакимат"].type == "ORG"
    found = _found("Приговор оставили в силе в Облсуде.")
    assert found["Облсуд"].type == "ORG"


def test_a_known_bodys_acronym_with_a_case_ending_is_the_body_not_a_place() -> None:
    found = {e.name: e for e in extract_entities({"body": "Справку выдали в ЦОНе за десять минут."}, "ru")}
    assert found["ЦОН"].type == "ORG", found
