"""Russian bodies named after someone by spaced initials (имени С. Сейфуллина, им. К. С. Станиславского), which
the sentence splitter cuts at each initial's stop: one body, its eponym as the page writes it, and no person.
Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_university_named_after_someone_by_one_spaced_initial() -> None:
    found = _found("Команда Казахского агротехнического университета имени С. Сейфуллина выиграла турнир.")
    assert found["Казахский агротехнический университет имени С. Сейфуллина"].type == "ORG"
    assert not any(e.type == "PERSON" for e in found.values()), found


def test_two_spaced_initials_after_im() -> None:
    found = _found("Премьеру показали в театре им. К. С. Станиславского в минувшую субботу.")
    assert found["Театр им. К. С. Станиславского"].type == "ORG"
    assert not any(e.type == "PERSON" for e in found.values()), found


def test_adjectives_joined_by_a_hyphen_open_the_name() -> None:
    found = _found("Гастроли провёл областной музыкально-драматический театр им. Н. Жантурина.")
    assert "Областной музыкально-драматический театр им. Н. Жантурина" in found, found


def test_a_person_after_the_eponym_is_a_person_of_the_item() -> None:
    found = _found("Ректор университета имени Т. Рыскулова Аскар Нурланов встретился со студентами.")
    assert found["Университет имени Т. Рыскулова"].type == "ORG"
    assert found["Аскар Нурланов"].type == "PERSON"
    assert "Рыскулов" not in " ".join(e.name for e in found.values() if e.type == "PERSON")


def test_a_surname_alone_after_imeni_ends_the_eponym() -> None:
    found = _found("Декан института имени Жансугурова Марат Оспанов открыл выставку.")
    assert "Марат Оспанов" in found, found


def test_an_initial_glued_to_the_surname_after_a_lower_case_kind() -> None:
    found = _found("Вечером артисты выступили в театре им. М.Ауэзова.")
    assert found["Театр им. М.Ауэзова"].type == "ORG"
    assert not any(e.type == "PERSON" for e in found.values()), found
