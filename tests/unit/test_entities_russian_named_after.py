"""Russian bodies named after a person: a lower-case kind with its adjectives before имени (в городской
поликлинике имени ...), and a capitalised kind right before a first name and surname in the genitive (Фонд ...).
The person is no person of the item.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_lower_case_kind_with_adjectives_before_imeni() -> None:
    found = _found("Мальчика доставили в детскую городскую больницу имени Жумабаева в тяжёлом состоянии.")
    assert not any(e.type == "PERSON" for e in found.values())
    assert any(e.type == "ORG" and e.name.endswith("больница имени Жумабаева") for e in found.values())


def test_a_lower_case_kind_alone_before_imeni() -> None:
    found = _found("Выпускники гимназии имени Алтынсарина заняли призовые места.")
    assert "Гимназия имени Алтынсарина" in found
    assert not any(e.type == "PERSON" for e in found.values())


def test_no_name_after_imeni_makes_no_body() -> None:
    found = _found("Сотрудники больницы имени не назвали.")
    assert not any(e.type == "ORG" for e in found.values())


def test_a_capitalised_kind_before_a_persons_genitive() -> None:
    found = _found("Гранты выдал Фонд Ахмета Жубанова в прошлом месяце.")
    assert "Фонд Ахмета Жубанова" in found
    assert not any(e.type == "PERSON" for e in found.values())
