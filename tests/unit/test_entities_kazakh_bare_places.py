"""Kazakh places that stand bare, in the nominative, whatever they end in: before their own kind and at the two
ends of a road or a route (sentences written for the tests)."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "kk")}


def test_a_village_ending_like_an_accusative_keeps_its_name_before_its_kind() -> None:
    found = _found("Өткен аптада Құмкөлді ауылында жаңа дәрігерлік амбулатория ашылды.")
    assert found["Құмкөлді"].type in ("GPE", "LOC"), found
    assert "Құмкөл" not in found, found


def test_the_same_village_in_a_case_elsewhere_is_the_same_place() -> None:
    text = "Биыл Тасбұлақты ауылында су құбыры тартылды. Ауылдың тұрғындары Тасбұлақтыдан қалаға көшпейді."
    found = _found(text)
    assert [m.text for m in found["Тасбұлақты"].mentions] == ["Тасбұлақты", "Тасбұлақтыдан"], found


def test_the_ends_of_a_road_are_places() -> None:
    found = _found("Апат Көлтоғай - Бесарық автожолының 40-шақырымында болды.")
    assert found["Көлтоғай"].type in ("GPE", "LOC"), found
    assert found["Бесарық"].type in ("GPE", "LOC"), found


def test_the_ends_of_a_route_are_places() -> None:
    found = _found("Жазда Павлодар – Түркістан бағыты бойынша жаңа пойыз жүреді.")
    assert found["Павлодар"].type in ("GPE", "LOC"), found
    assert found["Түркістан"].type in ("GPE", "LOC"), found


def test_a_facility_over_a_roads_two_ends_is_the_two_places() -> None:
    found = _found("Кеше Ақжар – Тасөткел тасжолында екі көлік соқтығысты.")
    assert found["Ақжар"].type in ("GPE", "LOC"), found
    assert found["Тасөткел"].type in ("GPE", "LOC"), found
    assert "Ақжар – Тасөткел" not in found, found


def test_a_place_before_words_of_work_and_a_plants_kind_names_the_plant() -> None:
    found = _found("Өткен айда Атырау мұнай өңдеу зауытының жөндеу жұмыстары аяқталды.")
    assert found["Атырау мұнай өңдеу зауыты"].type == "ORG", found
    assert "Атырау" not in found, found


def test_a_place_before_a_universitys_kind_names_the_university() -> None:
    found = _found("Ол Семей медициналық университетінде дәрігерлікке оқыған.")
    assert found["Семей медициналық университеті"].type == "ORG", found


def test_a_plant_in_a_place_is_no_plant_named_after_it() -> None:
    found = _found("Атыраудағы мұнай өңдеу зауыты жоспарлы жөндеуге тоқтады.")
    assert found["Атырау"].type in ("GPE", "LOC"), found
    assert not any("зауыт" in name for name in found), found
