"""Russian organisations on real news (issue 22): a body with the country it is Kazakhstan's of, national teams,
Latin-script names, and acronyms.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.entities.gazetteer import load_gazetteer
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_body_named_with_kazakhstan_after_it_keeps_the_words_and_the_gazetteers_id() -> None:
    found = _found("Приказ подписало Министерство здравоохранения Казахстана. Минздрав уточнил сроки.")
    body = found["Министерство здравоохранения Казахстана"]
    assert body.type == "ORG"
    assert body.entity_id == load_gazetteer().lookup("Министерство здравоохранения", "ru").entity_id  # type: ignore[union-attr]
    assert "Казахстан" not in found  # the country is part of the body's name here
    short = _found("По данным Минздрава РК, число случаев снизилось.")
    assert "Минздрав РК" in short


def test_the_parliament_of_the_republic_is_the_parliament() -> None:
    found = _found("Законопроект внесли в Сенат Парламента РК в среду.")
    assert "Парламент" in found
    # the item names the country only so: as written
    assert found["РК"].type in ("GPE", "LOC")


def test_a_countrys_abbreviation_names_the_country() -> None:
    found = _found("Экспорт зерна из РК вырос.")
    assert found["РК"].type in ("GPE", "LOC")
    assert found["РК"].entity_id == "Q232"
    assert "Казахстан" not in found
    # where the item writes the country's name, also inside a body's, that is its name
    found = _found("Экспорт зерна из РК вырос, сообщили в Министерстве сельского хозяйства Казахстана.")
    assert "Казахстан" in found
    assert "РК" not in found


def test_a_national_team_is_no_entity_and_its_country_a_place() -> None:
    # rounds 1 and 4-6 list the country a team plays for and leave the team out (rounds 2-3 listed it)
    found = _found("Главный тренер сборной Казахстана доволен, а сборная Бельгии уехала домой.")
    assert "Сборная Казахстана" not in found
    assert "Сборная Бельгии" not in found
    assert found["Казахстан"].type in ("GPE", "LOC")


def test_a_latin_script_name_in_russian_text_is_shown_as_written() -> None:
    found = _found("Об этом сообщает Astana TV, видео опубликовано в Instagram.")
    assert found["Astana TV"].type == "ORG"
    assert found["Instagram"].type == "ORG"
    assert "Телеканал Астана" not in found


def test_an_acronym_is_not_read_as_another_with_similar_letters() -> None:
    # the skeleton that joins Kazakh and Latin spellings must not join two Cyrillic acronyms (МИА, МЭА)
    assert load_gazetteer().lookup("МИА", "ru") is None
    assert load_gazetteer().lookup("МЭА", "ru") is not None


def test_a_body_named_after_someone_is_one_organisation_across_the_stop_of_im() -> None:
    found = _found("Гастроли провёл КГТЮЗ им. Г.Мусрепова в Таразе.")
    assert found["КГТЮЗ им. Г.Мусрепова"].type == "ORG"
    assert not any(e.type == "PERSON" for e in found.values()), found


def test_capitalised_common_words_are_no_names() -> None:
    found = _found(
        "Сам же вопрос остался открытым. Команда сыграет в Лиге наций. "
        'Премьера сказки ("Алтын сандык") прошла с аншлагом. На сцене – Карагандинский областной театр. '
        "Сотрудник отдела General News опоздал. На АЭС прошли учения."
    )
    assert not any(e.type in ("PERSON", "GPE", "LOC") for e in found.values()), found
    assert "АЭС" not in found
