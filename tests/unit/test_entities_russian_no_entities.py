"""Russian words that look like names and name nothing: a channel or an account on a platform, written as one
hyphenated word, and the internet with a capital.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_channel_on_a_platform_is_no_body() -> None:
    found = _found("Журналист выложил запись в своём Telegram-канале, а потом и на YouTube-канале редакции.")
    assert not found


def test_an_account_on_a_platform_is_no_body() -> None:
    found = _found("Фото опубликовали на Instagram-странице театра.")
    assert not found


def test_a_brand_mixing_scripts_stays_a_body() -> None:
    found = _found("Об этом сообщает Vласть со ссылкой на суд.")
    assert found["Vласть"].type == "ORG"


def test_the_internet_is_no_place() -> None:
    found = _found("Ролик быстро разошёлся в Интернете и собрал тысячи комментариев.")
    assert not found


def test_the_house_of_government_is_a_building_not_the_government() -> None:
    found = _found("Журналисты ждали министра у входа в Дом правительства до вечера.")
    assert not any(e.type == "ORG" for e in found.values())

