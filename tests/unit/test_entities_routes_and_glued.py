"""The ends of routes, roads and railway sections are places each of its own, however the page joins them (a
spaced dash, a hyphen, quotes, a list of sections); sentences written for the tests."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str, language: str = "kk") -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, language)}


# --------------------------------------------------------------------------- routes joined by a hyphen


def test_a_hyphen_joined_road_in_kazakh_is_two_places() -> None:
    found = _found("Кеше Тараз-Шымкент тас жолында екі көлік соқтығысты.")
    assert found["Тараз"].type == "GPE" and found["Шымкент"].type == "GPE", found
    assert "Тараз-Шымкент" not in found, found


def test_a_quoted_section_of_a_railway_is_two_places() -> None:
    found = _found("Биыл «Арқалық-Торғай» учаскесінде жөндеу жүргізіледі.")
    assert found["Арқалық"].type == "GPE" and found["Торғай"].type == "GPE", found


def test_the_routes_of_a_list_before_one_kind_are_all_split() -> None:
    found = _found("Келесі жылы «Шу-Қордай», «Отар-Ұзынағаш» телімдері салынады.")
    for name in ("Шу", "Қордай", "Отар", "Ұзынағаш"):
        assert found[name].type == "GPE", found


def test_two_known_countries_joined_by_a_hyphen_are_two_places() -> None:
    found = _found("Қазақстан-Қытай шекарасында жүк көліктері кезекте тұр.")
    assert found["Қазақстан"].type == "GPE" and found["Қытай"].type == "GPE", found


def test_a_russian_road_before_its_hyphen_joined_ends_is_two_places() -> None:
    found = _found("На трассе Тараз-Шымкент ограничили движение.", "ru")
    assert found["Тараз"].type == "GPE" and found["Шымкент"].type == "GPE", found


def test_a_place_with_a_hyphen_in_its_name_stays_whole() -> None:
    found = _found("Лас-Вегас қаласында жекпе-жек өтеді.")
    assert found["Лас-Вегас"].type == "GPE", found
    found = _found("Қасым-Жомарт Тоқаев жиын өткізді.")
    assert found["Қасым-Жомарт Тоқаев"].type == "PERSON", found
    found = _found("В Санкт-Петербурге открылась выставка.", "ru")
    assert found["Санкт-Петербург"].type == "GPE", found


# --------------------------------------------------------------------------- routes joined by a spaced dash


def test_the_routes_of_a_list_with_spaced_dashes_are_split() -> None:
    found = _found("Жоспарда Шу – Қордай, Отар – Ұзынағаш телімдері бар.")
    for name in ("Шу", "Қордай", "Отар", "Ұзынағаш"):
        assert found[name].type == "GPE", found


# --------------------------------------------------------------------------- a person glued to the next word


def test_a_byline_name_ends_before_the_capitalised_post_after_it() -> None:
    found = _found("Айгерім Сапарова Корреспондент | Ауыл шаруашылығы жаңалықтары")
    assert found["Айгерім Сапарова"].type == "PERSON", found
    assert not any("Корреспондент" in name for name in found), found


def test_a_three_word_name_ending_in_a_common_noun_ends_before_it() -> None:
    found = _found("Финалда Дина Ахметова Кубоктың күміс медалін алды.")
    assert found["Дина Ахметова"].type == "PERSON", found


def test_a_name_of_three_words_stays_whole() -> None:
    found = _found("Сахнаға Мұхтар Омарханұлы Әуезов туралы қойылым шықты.")
    assert any(name.endswith("Әуезов") and found[name].type == "PERSON" for name in found), found
