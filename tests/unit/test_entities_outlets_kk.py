"""Outlets as Kazakh news credits them: a place's name in quotes before the outlet's kind, a level written as a
word of the name, and a name written in Latin letters shown as the page writes it; sentences written for the
tests."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str, language: str = "kk") -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, language)}


def test_a_place_in_quotes_before_a_level_and_an_outlet_kind_is_the_outlet() -> None:
    found = _found("Сайлау нәтижесін «Ақтөбе» облыстық газеті жариялады.")
    assert found["Ақтөбе"].type == "ORG", found


def test_a_capitalised_level_between_the_quoted_name_and_the_kind_is_part_of_the_name() -> None:
    found = _found("Бейнені «Jetisu» Облыстық телеарнасы көрсетті.")
    names = {name.lower(): e for name, e in found.items()}
    assert names["jetisu облыстық телеарнасы"].type == "ORG", found
    assert "Облыстық телеарнасы" not in found, found


def test_a_known_outlet_written_in_latin_letters_keeps_them() -> None:
    found = _found("Жиын туралы деп хабарлайды Egemen Qazaqstan.")
    assert found["Egemen Qazaqstan"].type == "ORG", found
    found = _found("Жиын туралы «Егемен Қазақстан» газеті жазды.")
    assert found["Егемен Қазақстан"].type == "ORG", found


def test_a_kazakh_agency_is_named_in_kazakh_letters() -> None:
    found = _found("Астана. 3 наурыз. ҚазТАГ. Бидай экспорты өсті.")
    assert found["ҚазТАГ"].type == "ORG", found


def test_a_known_outlet_with_latin_in_its_kazakh_name_keeps_that_name() -> None:
    found = _found("Сурет - Sputnik Қазақстан, 12.05.2023")
    assert "Sputnik Қазақстан" in found or "Sputnik" not in found, found


def test_an_outlet_in_quotes_before_a_department_is_no_word_of_it() -> None:
    text = "Бұл жайында «Jetisu Info» облыстық полиция департаментіне сілтеме жасап хабарлайды."
    names = {e.name: e.type for e in extract_entities({"body": text}, "kk")}
    assert names.get("Jetisu Info") == "ORG", names
    assert not any("Jetisu Info" in name and name != "Jetisu Info" for name in names), names
