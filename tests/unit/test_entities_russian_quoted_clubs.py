"""Russian names in quotes: a club's or a company's name declined in the sentence is put in the nominative even
where the item never writes it so; a name after its kind stays as written; a legal form before the quotes is no
body of its own.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_an_instrumental_or_a_name_in_y_declined_is_put_in_the_nominative() -> None:
    found = _found("Вчера в Павлодаре хозяева сыграли вничью с «Тоболом», а в Таразе гости уступили «Елимаю».")
    assert found["Тобол"].type == "ORG"
    assert found["Елимай"].type == "ORG"


def test_a_genitive_governed_by_a_noun_is_put_in_the_nominative() -> None:
    found = _found("Полузащитник «Жениса» продлил контракт, сообщили болельщикам.")
    assert found["Женис"].type == "ORG"
    assert "Жениса" not in found


def test_a_club_of_two_words_in_quotes_is_no_person() -> None:
    found = _found("Хоккеисты проиграли в гостях у «Ак Барса» со счетом 1:4.")
    assert found["Ак Барс"].type == "ORG"
    assert not any(e.type == "PERSON" for e in found.values())


def test_a_name_after_its_kind_keeps_its_form() -> None:
    found = _found("Кражу совершили в торговом доме «Ласточка», рассказал источник телеканала «Жетысу».")
    assert "Ласточк" not in found
    assert "Жетыс" not in found


def test_a_legal_form_before_a_known_name_is_no_body() -> None:
    found = _found("Синоптики РГП «Казгидромет» обещают дожди, а сотрудники КГУ «Центр занятости» провели ярмарку.")
    assert "РГП" not in found
    assert "КГУ" not in found
    assert found["Центр занятости"].type == "ORG"


def test_a_state_enterprises_form_on_the_right_of_economic_management_is_no_body() -> None:
    found = _found("Пациентов приняли врачи ГКП на ПХВ «Многопрофильная областная больница».")
    assert set(found) == {"Многопрофильная областная больница"}


def test_a_club_named_like_a_first_name_after_its_kind() -> None:
    found = {e.name: e for e in extract_entities({"body": "Тренер клуба «Айдос» ушел в отставку."}, "ru")}
    assert found["Айдос"].type == "ORG", found
