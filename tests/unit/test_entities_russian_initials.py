"""People Russian news names by a spaced initial and a surname (Т. Жуманов), which a sentence splitter cuts at the
initial's stop: one person named as the glued form is, in the nominative, joined to the full name the item gives.
Sentences written for the tests."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def _plain(name: str) -> str:
    return " ".join(name.replace(".", " ").split())


def _people(found: dict[str, Entity]) -> set[str]:
    return {_plain(n) for n, e in found.items() if e.type == "PERSON"}


def test_a_spaced_initial_before_a_surname_opening_the_next_clause_is_a_person() -> None:
    found = _found("На собрании жильцов выступил Р. Сагындыков, который пообещал отремонтировать крышу.")
    assert _people(found) == {"Р Сагындыков"}, found
    (person,) = [e for e in found.values() if e.type == "PERSON"]
    assert [m.text for m in person.mentions] == ["Р. Сагындыков"]


def test_a_woman_named_by_an_initial_keeps_her_surname_and_sex() -> None:
    found = _found("Итоги конкурса подвела Г. Оспанова из районного отдела культуры.")
    assert _people(found) == {"Г Оспанова"}, found


def test_an_initialled_surname_in_an_oblique_case_is_put_in_the_nominative() -> None:
    found = _found("Благодарственное письмо вручили М. Есимовой и К. Абдрахманову.")
    assert _people(found) == {"М Есимова", "К Абдрахманов"}, found


def test_the_initial_of_a_known_surname_stays_when_it_is_another_persons() -> None:
    # the gazetteer knows a Бердибек Сапарбаев; Е. is someone else
    found = _found("Вопрос прокомментировал Е. Сапарбаев, руководитель отдела.")
    assert _people(found) == {"Е Сапарбаев"}, found


def test_a_spaced_initial_joins_the_full_name_the_item_gives() -> None:
    text = (
        "Директор школы Жанар Кусаинова встретилась с родителями. "
        "По словам Ж. Кусаиновой, ремонт спортзала завершат к сентябрю."
    )
    found = _found(text)
    assert _people(found) == {"Жанар Кусаинова"}, found
    mentions = [m.text for m in found["Жанар Кусаинова"].mentions]
    assert "Ж. Кусаиновой" in mentions, mentions


def test_a_body_named_after_someone_keeps_the_initialled_name() -> None:
    found = _found("Концерт прошел в Музыкальном колледже им. Д. Нурпеисовой.")
    assert not _people(found), found


def test_a_letter_closing_a_sentence_before_a_place_is_no_initial() -> None:
    found = _found("Объект отнесли к категории Б. Павлодар получит средства в мае.")
    assert not _people(found), found
