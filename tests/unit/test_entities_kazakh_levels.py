"""Kazakh bodies named by their level alone (облыстық, аудандық, қалалық) where no place stands before them,
and a place's noun in the genitive before a body (sentences written for the tests)."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "kk")}


def test_a_level_before_a_capitalised_body_opens_its_name() -> None:
    found = _found("Түсініктеме алу үшін тілшіміз облыстық Полиция департаментіне хабарласты.")
    assert found["облыстық Полиция департаменті"].type == "ORG", found
    assert "Полиция департаменті" not in found, found


def test_a_level_before_fields_of_work_in_lower_case_opens_a_body() -> None:
    text = "Жол жөндеуін қалалық жолаушылар көлігі және автомобиль жолдары басқармасы қадағалайды."
    found = _found(text)
    assert found["қалалық жолаушылар көлігі және автомобиль жолдары басқармасы"].type == "ORG", found


def test_fields_of_work_listed_with_commas_stay_in_the_name() -> None:
    text = "Кітапхана ашылуына облыстық дене шынықтыру, спорт және туризм басқармасының өкілі келді."
    found = _found(text)
    assert found["облыстық дене шынықтыру, спорт және туризм басқармасы"].type == "ORG", found


def test_an_inspection_is_a_body_named_by_its_work() -> None:
    text = "Бұл деректі облыстық ветеринарлық бақылау және қадағалау аумақтық инспекциясы растады."
    found = _found(text)
    assert found["облыстық ветеринарлық бақылау және қадағалау аумақтық инспекциясы"].type == "ORG", found


def test_a_place_before_the_level_stays_in_the_name() -> None:
    found = _found("Павлодар облыстық мәдениет басқармасы байқау жариялады.")
    assert found["Павлодар облыстық мәдениет басқармасы"].type == "ORG", found


def test_a_declined_word_opening_the_sentence_is_no_part_of_a_levelled_body() -> None:
    found = _found("Мәселені қалалық полиция департаментінің қызметкерлері зерттеп жатыр.")
    assert "қалалық полиция департаменті" in found, found
    assert not any(name.startswith("Мәселені") for name in found), found


def test_the_regions_genitive_before_a_body_is_its_owner_not_its_name() -> None:
    found = _found("Облыстың төтенше жағдайлар департаменті тұрғындарға ескерту жасады.")
    assert "төтенше жағдайлар департаменті" in {name.lower() for name in found}, found
    assert not any(name.startswith("Облыстың") for name in found), found


def test_a_regions_acronym_before_a_capitalised_unit_is_the_regions_unit() -> None:
    found = _found("Жол жабылды. СҚО Полиция департаментінің баспасөз қызметі себебін түсіндірді.")
    assert found["СҚО Полиция департаменті"].type == "ORG", found
    assert "Полиция департаменті" not in found, found


def test_a_regions_acronym_before_a_unit_named_by_its_work_is_one_body() -> None:
    found = _found("Бұл туралы БҚО Жер қатынастары басқармасының басшысы Ерлан Сапаров хабарлады.")
    assert found["БҚО Жер қатынастары басқармасы"].type == "ORG", found


# --------------------------------------------------------------------------- a district's section (бөлімі)


def test_a_districts_section_named_by_its_work_is_a_body_with_its_place() -> None:
    found = _found("Жарнаманы Шардара аудандық ауыл шаруашылығы бөлімінің маманы Ержан Оспанов таратты.")
    assert found["Шардара аудандық ауыл шаруашылығы бөлімі"].type == "ORG", found
    assert "Шардара" not in found, found


def test_a_levels_section_with_two_fields_of_work_is_a_body() -> None:
    text = "Аялдаманы аудандық тұрғын үй-коммуналдық шаруашылық және жолаушылар көлігі бөлімі салды."
    found = _found(text)
    assert found["аудандық тұрғын үй-коммуналдық шаруашылық және жолаушылар көлігі бөлімі"].type == "ORG", found


def test_a_section_of_a_thing_is_no_body() -> None:
    found = _found("Кітаптың екінші бөлімі соғыс жылдарына арналған. Жобаның техникалық бөлімі дайын.")
    assert not [e for e in found.values() if e.type == "ORG"], found


def test_a_level_and_one_field_of_work_alone_name_no_body() -> None:
    # the place's body the page names elsewhere, as the real news' annotators do
    found = _found("Бұл туралы аудандық білім бөлімі хабарлады.")
    assert "аудандық білім бөлімі" not in found, found
