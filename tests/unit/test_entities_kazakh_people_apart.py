"""Kazakh people where the page's layout or the tagger runs names together or apart: a name a line break splits
is one person, two names side by side are two (sentences written for the tests)."""

from __future__ import annotations

from worker.entities import extract_entities


def _people(text: str) -> set[str]:
    return {e.name for e in extract_entities({"body": text}, "kk") if e.type == "PERSON"}


def test_a_name_split_by_a_line_break_is_one_person() -> None:
    people = _people("Жиынды аудан әкімі Мұрат\nБайжанов ашты. Байжанов жаңа жобаларды атап өтті.")
    assert people == {"Мұрат Байжанов"}, people


def test_a_name_split_by_a_line_break_is_one_person_also_where_the_gazetteer_knows_them() -> None:
    people = _people("Жарыстан кейін боксшы Данияр\nЕлеусінов жанкүйерлерге алғыс айтты.")
    assert people == {"Данияр Елеусінов"}, people


def test_a_line_break_between_two_sentences_joins_no_one() -> None:
    people = _people("Жиынға Мұрат келді.\nБайжанов кейін келді.")
    assert "Мұрат Байжанов" not in people, people


def test_two_people_the_tagger_ran_together_are_two() -> None:
    people = _people("Елбасы Нұрсұлтан Назарбаев Абдулла Гүлге құттықтау хат жолдады.")
    assert people == {"Нұрсұлтан Назарбаев", "Абдулла Гүл"}, people


def test_two_names_neither_like_a_surname_keep_the_order_of_running_text() -> None:
    people = _people("Көрмеде суретші Тілектес Бағлан өз туындыларын таныстырды.")
    assert people == {"Тілектес Бағлан"}, people


def test_a_page_that_writes_surnames_first_is_read_so() -> None:
    people = _people("Мектеп директоры Қасымұлы Ерлан мен мұғалім Тілектес Бағлан марапатталды.")
    assert "Бағлан Тілектес" in people, people
