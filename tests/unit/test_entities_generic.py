"""Russian and English names: the gazetteer plus rules on capitals, first names, legal forms and
district words."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str, language: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, language)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Госсекретарь США Марко Рубио встретился с коллегой.", "Марко Рубио"),
        ("Об этом он сказал на встрече с Ван И в Пекине.", "Ван И"),
        # a first name the list knows opens a sentence
        ("Ермаганбет Булекпаев посетил Темиртау.", "Ермаганбет Булекпаев"),
        # a surname that is also a town's name
        ("Гол забил Дастан Сатпаев.", "Дастан Сатпаев"),
    ],
)
def test_russian_people(text: str, name: str) -> None:
    assert _found(text, "ru")[name].type == "PERSON"


def test_russian_places_that_open_with_an_adjective_are_not_people() -> None:
    found = _found("Делегации из Южной Кореи и Новой Зеландии прибыли в Улытаускую область.", "ru")
    assert all(e.type != "PERSON" for e in found.values()), found
    assert found["Улытауская область"].type == "GPE"


def test_a_district_is_a_place_in_the_nominative() -> None:
    found = _found("Жительница обратилась в суд Енбекшинского района и в акимат Бостандыкского района.", "ru")
    assert found["Енбекшинский район"].type == "GPE"
    # an akimat exists only as its place's own: the akimat and the district are one body's name (GUIDE.md)
    assert found["Акимат Бостандыкского района"].type == "ORG"
    assert [m.text for m in found["Енбекшинский район"].mentions] == ["Енбекшинского района"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Суд взыскал долг с ТОО «Жолдар» в пользу банка.", "Жолдар"),
        ("Футболисты ФК «Кайрат» выиграли.", "Кайрат"),
        ("Контракт получила компания «Казахтелеком».", "Казахтелеком"),
    ],
)
def test_russian_quoted_organisations(text: str, name: str) -> None:
    entity = _found(text, "ru")[name]
    assert entity.type == "ORG"
    # the legal form and the quotes are not the name: Kazakh text writes «Жолдар» ЖШС
    assert [m.text for m in entity.mentions] == [name]


def test_english_organisations() -> None:
    found = _found("Analysts at Halyk Finance expect a cut. Shares rose on the Astana International Exchange.", "en")
    assert found["Halyk Finance"].type == "ORG"
    assert found["Astana International Exchange"].type == "ORG"
    assert "Astana" not in found


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        ("Беседа с Бауржаном Есеновым прошла.", "Бауржан Есенов", "Бауржаном Есеновым"),
        ("Иск Дамира Жумабаева рассмотрен.", "Дамир Жумабаев", "Дамира Жумабаева"),
        ("Награду вручили Дамиру Жумабаеву.", "Дамир Жумабаев", "Дамиру Жумабаеву"),
        ("Встреча с Гульнарой Сапаровой прошла.", "Гульнара Сапарова", "Гульнарой Сапаровой"),
        # a woman's name ending in -а, like a man's genitive: the list of women's names decides
        ("Гульнара Сапарова выступила.", "Гульнара Сапарова", "Гульнара Сапарова"),
        ("Беседа с Марией Ивановой.", "Мария Иванова", "Марией Ивановой"),
        # a woman's first name Russian leaves undeclined: the surname's ending tells the case
        ("Награду вручили Айгуль Нурлановой.", "Айгуль Нурланова", "Айгуль Нурлановой"),
        ("Жительница Айгуль Нурланова подала иск.", "Айгуль Нурланова", "Айгуль Нурланова"),
    ],
)
def test_russian_people_in_the_nominative(text: str, name: str, mention: str) -> None:
    entity = _found(text, "ru")[name]
    assert [m.text for m in entity.mentions] == [mention]


def test_one_russian_person_in_any_case_is_one_id() -> None:
    ids = {
        next(e.entity_id for e in extract_entities({"body": text}, "ru") if e.type == "PERSON")
        for text in ("Бауржан Есенов выступил.", "Беседа с Бауржаном Есеновым.", "Письмо Бауржану Есенову.")
    }
    assert len(ids) == 1


def test_english_titles_and_brands() -> None:
    found = _found("Nurtleu met U.S. Secretary of State Marco Rubio. They discussed ExxonMobil and Chevron.", "en")
    assert found["Marco Rubio"].type == "PERSON"
    assert found["ExxonMobil"].type == "ORG"
    russian = _found("Инвестиции компании ExxonMobil и PetroChina выросли, сообщил МакДональд.", "ru")
    assert russian["PetroChina"].type == "ORG"
    assert "МакДональд" not in russian or russian["МакДональд"].type != "ORG"


def test_russian_bodies_named_by_a_place_adjective() -> None:
    text = (
        "В Евразийском банке развития прошла встреча. Азиатский банк развития выделил кредит. "
        "Кредит Азиатского банка развития одобрен. Новый банк открылся."
    )
    found = _found(text, "ru")
    assert [m.text for m in found["Евразийский банк развития"].mentions] == ["Евразийском банке развития"]
    assert len(found["Азиатский банк развития"].mentions) == 2
    # an ordinary adjective opening a sentence names nothing
    assert all("банк" not in name.lower() or "развития" in name for name in found)
