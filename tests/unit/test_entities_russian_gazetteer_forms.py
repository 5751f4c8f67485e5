"""Russian words the gazetteer matches by a stem they only share with a known name (Аксу and Аксай, Семья and
Семей, an acronym and another's), places in -ай in the prepositional, and outlets named by a site or by a name that
mixes the scripts.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.entities.rules_ru import _russian_form_of_a_name, _russian_place_nominatives
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_form_keeps_every_letter_before_the_names_last_vowel() -> None:
    assert _russian_form_of_a_name("Аксая", ("Аксай",))
    assert _russian_form_of_a_name("России", ("Россия",))
    assert _russian_form_of_a_name("Казахстана", ("Казахстан",))
    assert not _russian_form_of_a_name("Аксу", ("Аксай",))
    assert not _russian_form_of_a_name("Семья", ("Семей",))
    assert not _russian_form_of_a_name("МИА", ("МЭА", "IEA"))
    assert _russian_form_of_a_name("МАЖИЛИСА", ("Мажилис",))


def test_a_town_that_only_shares_a_stem_with_a_known_one_keeps_its_own_name() -> None:
    found = _found("Прокуратура проверила больницу, а в Аксу открыли новую школу.")
    assert "Аксай" not in found
    assert found["Аксу"].type in ("GPE", "LOC")


def test_a_common_noun_opening_a_sentence_is_no_town() -> None:
    found = _found("Семья переехала в новую квартиру весной.")
    assert found == {}


def test_a_place_in_aj_in_the_prepositional() -> None:
    assert _russian_place_nominatives("Бурабае")[0] == "Бурабай"
    found = _found("Вода появилась и в Жанатае после ремонта.")
    assert "Жанатай" in found


def test_a_news_agencys_kind_before_its_name_is_no_body() -> None:
    found = _found("Об этом сообщает корреспондент МИА «Казинформ».")
    assert "Казинформ" in found
    assert len(found) == 1


def test_a_site_credited_for_a_photo_is_an_outlet() -> None:
    found = _found("Фото с сайта Unsplash. Ремонт дороги завершат к осени.")
    assert found["Unsplash"].type == "ORG"


def test_a_name_mixing_the_scripts_is_a_brand() -> None:
    found = _found("Автор материала Ирина Ким, Dело Фото Андрея Смирнова")
    assert found["Dело"].type == "ORG"
    assert "Андрей Смирнов" in found


def test_a_latin_lookalike_letter_is_a_slip_not_a_brand() -> None:
    found = _found("Жители города Oскемен пожаловались на смог.")
    assert not any(e.type == "ORG" for e in found.values())


def test_a_name_russian_does_not_decline_matches_only_as_written() -> None:
    # Дело, Слово opening a sentence are no forms of Дели or of any place in -и, -о, -у
    found = _found("Дело о хищении передали в суд. Слово взял депутат из Баку.")
    assert set(found) == {"Баку"}
    found = _found("Делегация побывала в Дели, а затем в Сочи и Токио.")
    assert {"Дели", "Сочи", "Токио"} <= set(found)


def test_a_russian_village_in_ovo_still_declines() -> None:
    found = _found("Жители села Ивановка и поселка Смирново провели сход. В Смирнове отремонтировали школу.")
    assert [e.name for e in found.values() if e.name.startswith("Смирнов")] == ["Смирново"]
