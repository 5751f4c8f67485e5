"""Russian clubs and companies in quotes in a list or after their place's adjective: each is a body, in the
nominative, and a list member the gazetteer knows as written (a city's name a club bears) keeps its form.
Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_every_club_of_a_quoted_list_with_a_known_club_is_a_body() -> None:
    found = _found("Путевки в еврокубки разыграют «Актобе», «Кайрат», «Жетысу» и «Шахтер», напомнил комментатор.")
    for name in ("Кайрат", "Жетысу", "Шахтер"):
        assert found[name].type == "ORG", name
    assert "Кайр" not in found


def test_a_club_named_like_a_city_in_a_list_keeps_its_name() -> None:
    found = _found("В турнире сыграют «Астана», «Жетысу» и «Елимай».")
    assert found["Астана"].type == "ORG"
    assert "Астан" not in found


def test_a_quoted_name_after_a_place_adjective_is_a_body_in_the_nominative() -> None:
    found = _found("Товарищеский матч с польской «Вислой» завершился вничью.")
    assert found["Висла"].type == "ORG"
    assert "Вислой" not in found
    found = _found("Казахстанцы встретятся с грузинским «Динамо» в Тбилиси.")
    assert found["Динамо"].type == "ORG"
    found = _found("Жюри отметило фильмы «Жаужурек», «Тобол» и «Ласточка».")
    assert "Ласточка" not in found  # a title's kind before the list


def test_a_name_agreeing_with_a_masculine_adjective_takes_the_nominative() -> None:
    found = _found("Гости уступили павлодарскому «Иртышу», а затем сыграли вничью с актауским «Каспием».")
    assert found["Иртыш"].type == "ORG", found
    assert found["Каспий"].type == "ORG", found
    assert "Каспием" not in found and "Иртышу" not in found
