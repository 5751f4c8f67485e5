"""A Kazakh federation, association or commission named by its country or region and its field is one body, not
the place (sentences written for the tests)."""

from __future__ import annotations

from worker.entities import extract_entities


def _found(text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extract_entities({"body": text}, "kk")}


def test_a_sport_federation_named_by_its_country_is_a_body() -> None:
    found = _found("Чемпионатты Қазақстан күрес федерациясы өткізді.")
    assert found == {("Қазақстан күрес федерациясы", "ORG")}, found


def test_an_association_named_by_its_country_is_a_body() -> None:
    found = _found("Жиынға Қазақстан фермерлер қауымдастығының өкілдері келді.")
    assert found == {("Қазақстан фермерлер қауымдастығы", "ORG")}, found
