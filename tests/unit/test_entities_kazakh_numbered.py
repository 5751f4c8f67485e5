"""Kazakh institutions named by a number after № (sentences written for the tests)."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "kk")}


def test_a_numbered_school_in_a_case_is_named_with_its_bare_kind() -> None:
    found = _found("Жарысқа қаладағы №17 жалпы орта мектептің оқушылары қатысты.")
    assert found["№17 жалпы орта мектеп"].type == "ORG", found


def test_a_numbered_college_with_its_words_is_one_body() -> None:
    found = _found("Су басқан үйлердің тұрғындары №3 агротехникалық колледжге көшірілді.")
    assert found["№3 агротехникалық колледж"].type == "ORG", found


def test_a_numbered_school_with_a_quoted_name_keeps_its_kinds_possessive() -> None:
    found = _found("Ол бұрын №12 «Болашақ» орта мектебінде математика пәнінен сабақ берген.")
    assert found["№12 «Болашақ» орта мектебі"].type == "ORG", found
    assert "Болашақ" not in found, found


def test_a_numbered_house_is_no_institution() -> None:
    found = _found("Тұрғындар №8 үйдің жертөлесін су басқанын айтты.")
    assert not any(name.startswith("№") for name in found), found
