"""A make that names a vehicle on the road (КамАЗ опрокинулся, водитель «Газели») and a weapon's model after its
kind (пистолет ТТ) are products, no entities; a make named as a company stays one.  Sentences written for the
test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_truck_that_overturns_is_no_company() -> None:
    found = _found("На трассе КамАЗ опрокинулся в кювет.")
    assert not any(e.type == "ORG" for e in found.values()), found


def test_a_driver_of_a_make_drives_a_vehicle() -> None:
    found = _found("Водитель КамАЗа получил травмы.")
    assert not any(e.type == "ORG" for e in found.values()), found


def test_a_pistols_model_is_no_body() -> None:
    found = _found("При обыске нашли пистолет ТТ без документов.")
    assert not any(e.type == "ORG" for e in found.values()), found


def test_the_company_stays_a_company() -> None:
    found = _found("Компания КамАЗ увеличила выпуск.")
    assert found["КамАЗ"].type == "ORG", found
