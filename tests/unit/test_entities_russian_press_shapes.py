"""Names as Kazakhstan's Russian-language press writes them: numbered courts and local offices with the district
and city they serve, bodies shortened into one word, a club or a company in quotes as the subject of a verb,
regions listed before one plural kind, places in -ай in the genitive, and the towns' common spellings.
Sentences written for the tests."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def _key(name: str) -> str:
    return " ".join(name.replace("№", " ").replace(".", " ").lower().split())


def _names(found: dict[str, Entity], *types: str) -> set[str]:
    return {_key(n) for n, e in found.items() if e.type in types}


# --------------------------------------------------------------------------- courts and offices


def test_a_numbered_district_court_is_one_body_with_its_district_and_city() -> None:
    found = _found("Иск рассмотрел районный суд №3 Ауэзовского района города Алматы.")
    assert _names(found, "ORG") == {"районный суд 3 ауэзовского района города алматы"}, found


def test_a_capitalised_numbered_court_before_its_district_is_one_body() -> None:
    found = _found("Жалобу направили в Суд №2 Сарыаркинского района.")
    assert _names(found, "ORG") == {"суд 2 сарыаркинского района"}, found


def test_a_police_office_ends_with_the_city_of_its_district() -> None:
    found = _found("Задержание провело Управление полиции Медеуского района города Алматы.")
    assert _names(found, "ORG") == {"управление полиции медеуского района города алматы"}, found


def test_an_acronym_with_po_and_its_place_is_one_body() -> None:
    found = _found("Разъяснения дали в ДГД по Шымкенту и в ДЧС по Павлодарской области.")
    assert _names(found, "ORG") == {"дгд по шымкенту", "дчс по павлодарской области"}, found


# --------------------------------------------------------------------------- bodies shortened into one word


def test_lower_case_compound_bodies_in_any_case_are_bodies() -> None:
    found = _found("Письмо из облздрава переслали в горакимат, а решение райсуда обжаловали.")
    assert _names(found, "ORG") == {"облздрав", "горакимат", "райсуд"}, found


def test_a_common_noun_built_the_same_way_is_no_body() -> None:
    found = _found("Реформа госуправления затронет облуправления.")
    assert not _names(found, "ORG"), found


def test_ministries_shortened_are_named_as_written() -> None:
    found = _found("Приказ подписали в Минпросвещения, а Минцифры и Минэкономики его согласовали.")
    assert _names(found, "ORG") == {"минпросвещения", "минцифры", "минэкономики"}, found


def test_a_shortened_ministry_joins_its_full_name_on_the_page() -> None:
    text = "Министерство просвещения утвердило правила. В Минпросвещения уточнили сроки."
    found = _found(text)
    assert _names(found, "ORG") == {"министерство просвещения"}, found


# --------------------------------------------------------------------------- quoted subjects


def test_a_quoted_club_opening_the_sentence_before_its_verb_is_a_body() -> None:
    found = _found("«Елимай» разгромил соперника на своем поле.")
    assert _names(found, "ORG") == {"елимай"}, found


def test_a_quoted_club_after_an_adjective_before_its_verb_is_a_body() -> None:
    found = _found("В субботу местный «Жетысу» принимал гостей из Тараза.")
    assert "жетысу" in _names(found, "ORG"), found


def test_two_quoted_subjects_and_the_body_they_beat() -> None:
    found = _found("Вчера «Атырау» и «Каспий» сыграли вничью, а «Актобе» обыграл «Туран».")
    assert {"атырау", "каспий", "туран"} <= _names(found, "ORG"), found


def test_a_quoted_work_after_its_kind_or_before_a_works_verb_stays_none() -> None:
    found = _found("Фильм «Номад» получил приз. «Кочевник» вышел в прокат весной.")
    assert not _names(found, "ORG"), found


def test_a_quoted_title_after_a_persons_name_is_no_declined_body() -> None:
    found = _found("Зрители увидят пьесу Лопе де Вега «Собака» и сказку «Золушка».")
    assert not _names(found, "ORG"), found


# --------------------------------------------------------------------------- regions listed before one kind


def test_regions_listed_before_one_plural_kind_are_each_a_region() -> None:
    found = _found("Рост заболеваемости отмечен в Карагандинской, Костанайской и Павлодарской областях.")
    assert {"карагандинская область", "костанайская область", "павлодарская область"} <= _names(found, "GPE", "LOC")


def test_hyphenated_regions_in_a_list_are_regions_not_people() -> None:
    found = _found("Снег выпал в Северо-Казахстанской и Западно-Казахстанской областях.")
    assert not _names(found, "PERSON"), found
    assert "северо-казахстанская область" in _names(found, "GPE", "LOC"), found


def test_districts_listed_before_one_plural_kind_are_each_a_district() -> None:
    found = _found("Паводки ожидаются в Уланском и Тарбагатайском районах.")
    assert {"уланский район", "тарбагатайский район"} <= _names(found, "GPE", "LOC"), found


# --------------------------------------------------------------------------- places


def test_a_place_in_ay_in_the_genitive_is_the_place() -> None:
    found = _found("Партия оборудования прибыла из Китая через Хоргос.")
    assert "китай" in _names(found, "GPE", "LOC"), found


def test_a_district_centre_as_russian_spells_it() -> None:
    found = _found("Жители Кегеня пожаловались на отключения света.")
    assert "кегень" in _names(found, "GPE", "LOC"), found
