"""People as a page names them: a known person's first name or surname alone, and names the gazetteer knows
only in part (sentences written for the tests)."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.entities.gazetteer import load_gazetteer
from worker.model import Entity


def _found(text: str, language: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, language)}


def _singer_id() -> str:
    entry = load_gazetteer().lookup("Димаш Құдайберген", "kk")
    assert entry is not None and entry.type == "PERSON"
    return entry.entity_id


# --------------------------------------------------------------------------- a famous first name


def test_a_famous_first_name_before_another_surname_is_another_person() -> None:
    found = _found("Жүлдені павлодарлық Димаш Серікбаевқа табыс етті.", "kk")
    assert found["Димаш Серікбаев"].type == "PERSON", found
    assert found["Димаш Серікбаев"].entity_id != _singer_id()
    assert not any(e.type in ("GPE", "LOC") for e in found.values()), found


def test_a_famous_first_name_alone_is_the_pages_own_person() -> None:
    found = _found("Финалда Димаш Серікбаев жеңді. Жарыстан кейін Димаш жаттықтырушысына алғыс айтты.", "kk")
    assert "Димаш Серікбаев" in found, found
    assert "Димаш Құдайберген" not in found, found
    assert len([e for e in found.values() if e.type == "PERSON"]) == 1, found


def test_a_famous_first_name_alone_names_no_famous_person() -> None:
    found = _found("Кешке Димаш ауылдағы мектепке келді.", "kk")
    assert "Димаш Құдайберген" not in found, found
    assert all(e.entity_id != _singer_id() for e in found.values())


def test_a_known_person_written_in_full_keeps_the_known_order() -> None:
    found = _found("Кеше Димаш Құдайбергеннің концерті өтті.", "kk")
    assert found["Димаш Құдайберген"].entity_id == _singer_id(), found


# --------------------------------------------------------------------------- a surname alone


def test_a_known_person_named_by_surname_alone_is_named_so() -> None:
    kk = _found("Сот бұрынғы министр Бектановты тыңдады.", "kk")
    assert "Бектанов" in kk, kk
    ru = _found("Эксперты напомнили слова Токаева о реформе.", "ru")
    assert "Токаев" in ru, ru
    en = _found("The reform was announced by Tokayev on Monday.", "en")
    assert "Tokayev" in en, en


def test_a_known_person_named_by_surname_alone_keeps_the_known_id() -> None:
    entry = load_gazetteer().lookup("Тоқаев", "kk")
    assert entry is not None
    found = _found("Бұл туралы Тоқаев айтты.", "kk")
    assert found["Тоқаев"].entity_id == entry.entity_id, found


def test_a_known_person_named_in_full_once_keeps_the_full_name() -> None:
    found = _found("Қасым-Жомарт Тоқаев жиынға қатысты. Тоқаев министрлерге тапсырма берді.", "kk")
    assert "Қасым-Жомарт Тоқаев" in found, found
    assert "Тоқаев" not in found, found


# --------------------------------------------------------------------------- initialled names


def test_an_initialled_name_is_whole_without_the_word_before_it() -> None:
    found = _found("Биыл Ж.Жабаев туралы кітап шықты.", "kk")
    assert found["Ж.Жабаев"].type == "PERSON", found
    assert not any(name.startswith("Биыл") for name in found), found


# --------------------------------------------------------------------------- places that look like people


def test_a_modifier_before_a_known_river_names_a_place_not_a_person() -> None:
    found = _found("Шекарадан ағып келетін Ақ Ертіске су аз түсті.", "kk")
    assert found["Ақ Ертіс"].type in ("GPE", "LOC"), found
    assert not any(e.type == "PERSON" for e in found.values()), found
    found = _found("Тұрғындар Қара Ертісті көрші елде бұрып алды деп алаңдайды.", "kk")
    assert found["Қара Ертіс"].type in ("GPE", "LOC"), found


def test_a_region_named_with_a_direction_keeps_it() -> None:
    found = _found("Бір кезде облысты Шығыс Жетісу облысы деп атау ұсынылды.", "kk")
    assert found["Шығыс Жетісу облысы"].type in ("GPE", "LOC"), found
    found = _found("Жаңа Алматы облысының орталығы анықталды.", "kk")
    assert "Жаңа Алматы облысы" not in found, found  # a new region, no place called so


# --------------------------------------------------------------------------- endings of people's names


def test_a_name_in_i_takes_the_endings_after_y() -> None:
    found = _found("Комиссия Ғалым Әлидің ұсынысын қолдады. Ғалым Әли келісті.", "kk")
    assert [e.name for e in found.values() if e.type == "PERSON"] == ["Ғалым Әли"], found


def test_a_vowel_the_press_puts_before_a_surnames_ending_is_no_part_of_it() -> None:
    found = _found("Директор Бауыржан Тұрсыновтың емес, Бауыржан Тұрсыновитің айтуынша, жоба аяқталды.", "kk")
    assert [e.name for e in found.values() if e.type == "PERSON"] == ["Бауыржан Тұрсынов"], found


def test_a_persons_name_ending_in_n_keeps_it() -> None:
    found = _found("Қорғаушы Ерасыл Бекмағамбетұлы мен қақпашы Әділет Сейтқалин доп қайтарды.", "kk")
    assert "Әділет Сейтқалин" in found, found
    found = _found("Соққыны қақпашы Әділет Қайдын қайтарды.", "kk")
    assert "Әділет Қайдын" in found, found


# --------------------------------------------------------------------------- a first name with less


def test_a_first_name_and_patronymic_is_the_one_person_of_that_first_name() -> None:
    found = _found("Ауданға бас дәрігер Ерболат Қуанышев келді. Кейін Ерболат Сәкенұлы емхананы аралады.", "kk")
    people = [e for e in found.values() if e.type == "PERSON"]
    assert [e.name for e in people] == ["Ерболат Қуанышев"], found
    assert len(people[0].mentions) == 2


def test_a_first_name_the_lists_lack_joins_the_one_person_it_opens() -> None:
    found = _found("Қорғаушы Ақжол Сейтқалиев гол соқты. Кейін Ақжол алаңнан шықты.", "kk")
    people = [e for e in found.values() if e.type == "PERSON"]
    assert [e.name for e in people] == ["Ақжол Сейтқалиев"], found


# --------------------------------------------------------------------------- places in quoted names


def test_a_place_opening_a_quoted_title_is_no_place() -> None:
    found = _found("Балуан “Павлодар жұлдызы” турнирінде жеңді.", "kk")
    assert not any(e.type in ("GPE", "LOC") for e in found.values()), found
    found = _found("Жасөспірімдер «Павлодар Жас» командасымен ойнады.", "kk")
    assert "Павлодар" not in found, found


def test_a_place_in_a_case_inside_a_quote_is_a_place() -> None:
    found = _found("«Павлодарға жеңіс үшін келдік», – деді бапкер.", "kk")
    assert found["Павлодар"].type in ("GPE", "LOC"), found


def test_a_region_named_after_a_person_in_a_list_of_regions_is_a_region() -> None:
    found = _found("Абай, Павлодар және Қостанай облыстарында қар жауды.", "kk")
    assert found["Абай облысы"].type in ("GPE", "LOC"), found
    assert not any(e.type == "PERSON" for e in found.values()), found


def test_a_known_persons_name_opening_a_sentence_stays_a_person() -> None:
    found = _found("Абай, Ыбырай және Шоқан туралы жаңа кітап шықты.", "kk")
    assert found["Абай"].type == "PERSON", found


# --------------------------------------------------------------------------- places named so


def test_a_street_or_park_named_after_an_anniversary_is_one_place() -> None:
    found = _found("Тәуелсіздіктің 30 жылдығы даңғылында жол жөнделді.", "kk")
    assert found["Тәуелсіздіктің 30 жылдығы даңғылы"].type in ("GPE", "LOC"), found
    found = _found("Көшеттер Астананың 25 жылдығы саябағына отырғызылды.", "kk")
    assert found["Астананың 25 жылдығы саябағы"].type in ("GPE", "LOC"), found
    assert "Астана" not in found, found


def test_a_villages_name_ending_in_n_keeps_it() -> None:
    found = _found("Кеше Байсерке ауданы Жайын ауылында жиын өтті.", "kk")
    assert "Жайын" in found, found
    assert "Жайы" not in found, found


# --------------------------------------------------------------------------- small marks of a name


def test_an_honorific_between_names_is_no_part_of_the_person() -> None:
    found = _found("Жиында бас имам Ерлан қажы Сапарұлы сөз сөйледі.", "kk")
    assert found["Ерлан Сапарұлы"].type == "PERSON", found
    assert not any(e.type == "ORG" for e in found.values()), found


def test_a_sentence_glued_to_a_name_by_a_stop_is_no_part_of_it() -> None:
    found = _found("Бұл туралы деді Ерлан Сапаров.Ол жиынды жапты.", "kk")
    assert "Ерлан Сапаров" in found, found


def test_a_surname_spelt_like_a_town_in_russian_is_a_person_in_kazakh_text() -> None:
    found = _found("Бапкердің айтуынша, Сатпаев жастар құрамасында ойнайды.", "kk")
    assert found["Сатпаев"].type == "PERSON", found
    found = _found("Сәтбаев қаласында жаңа мектеп ашылды.", "kk")
    assert found["Сәтбаев"].type in ("GPE", "LOC"), found


def test_a_short_word_in_capitals_after_a_number_is_a_count() -> None:
    found = _found("Боксшы (12-0, 9 KO) келесі жекпе-жекке дайындалып жатыр.", "kk")
    assert not any(e.type == "ORG" for e in found.values()), found


def test_a_capitalised_word_in_the_locative_before_held_is_a_place() -> None:
    found = _found("Лиллехаммерде өткен жарыста біздің шаңғышы жеңді.", "kk")
    assert found["Лиллехаммер"].type in ("GPE", "LOC"), found
    found = _found("Чанвонда (Корея) өтетін турнирге құрама барады.", "kk")
    assert found["Чанвон"].type in ("GPE", "LOC"), found
    found = _found("Жиналыста өткен пікірталас қызу болды.", "kk")
    assert not any(e.type in ("GPE", "LOC") for e in found.values()), found


def test_a_quoted_place_name_before_a_facilitys_kind_is_the_facility() -> None:
    found = _found("Ағаштар «Жайық Сити» тұрғын үй кешенінде отырғызылды.", "kk")
    assert not any(e.type in ("GPE", "LOC") for e in found.values()), found
    found = _found("Ойын «Астана Арена» стадионында өтті.", "kk")
    assert found["Астана Арена"].type in ("GPE", "LOC"), found  # a landmark the gazetteer knows


def test_a_letter_and_a_number_are_a_code_no_name() -> None:
    found = _found("Көшеттер кешеннің ішінде (B1, B2, C4) отырғызылды.", "kk")
    assert not found, found
