"""Products are no entities (the real-news guide): cars named by their make and model, social networks and
messengers where Kazakh and Russian news say something was posted; sentences written for the tests."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str, language: str = "kk") -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, language)}


def test_a_car_named_by_make_and_model_is_no_organisation() -> None:
    found = _found("Қиылыста Toyota Camry мен Hyundai Accent соқтығысты.")
    assert not any(name.startswith(("Toyota", "Hyundai")) for name in found), found


def test_a_quoted_car_before_a_word_for_a_vehicle_is_no_organisation() -> None:
    found = _found("Түнде «Kia Rio» автокөлігі бағанаға соғылды.")
    assert not any(name.startswith("Kia") for name in found), found


def test_a_russian_make_alone_in_quotes_is_the_car() -> None:
    found = _found("Пассажиры находились в «Ниссане», когда произошло столкновение.", "ru")
    assert not any(name.lower().startswith("ниссан") for name in found), found


def test_a_make_named_as_a_company_stays_an_organisation() -> None:
    found = _found("Toyota компаниясы Қостанайда жаңа зауыт салады.")
    assert found["Toyota"].type == "ORG", found


def test_a_platform_where_a_post_was_made_is_no_entity() -> None:
    found = _found("Облыс әкімі TikTok парақшасында жаңа бейне жариялады.")
    assert "TikTok" not in found, found
    found = _found("Видео разошлось во ВКонтакте и в Телеграме.", "ru")
    assert not any(name.lower().startswith(("телеграм", "вконтакте")) for name in found), found
    # Russian news naming a platform in its own Latin letters names the company, as before
    found = _found("Об этом сообщили в Instagram.", "ru")
    assert found["Instagram"].type == "ORG", found


def test_a_party_named_by_a_common_word_is_a_party_only_where_the_page_says_so() -> None:
    found = _found("АУЫЛДА ЖАҢА МЕКТЕП САЛЫНДЫ")
    assert not any(e.type == "ORG" for e in found.values()), found
    found = _found("Жиынға «Ауыл» партиясының өкілдері келді.")
    assert found["Ауыл"].type == "ORG", found
    found = _found("Жиында «Ак жол» партиясының депутаты сөйледі.", "ru")
    assert any(e.type == "ORG" for e in found.values()), found
