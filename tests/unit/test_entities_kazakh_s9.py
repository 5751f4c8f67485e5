"""Kazakh people and organisations the s9 blind review of fresh pages found read wrong (sentences written for the
tests): two spaced initials before a surname; a name after атындағы cut before its kind; a quoted plural name
stemmed; a foreign country's genitive kept in its ministry's name; the people a sentence opens with taken into
a body's name; an initialled surname read as a body; a first name and surname read as a place; a Latin outlet
read as the country; the courts' administration; a woman written surname first in a mixed list;
a rural district named by two words."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities


def _names(text: str) -> dict[str, str]:
    return {e.name: e.type for e in extract_entities({"body": text}, "kk")}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Жиынды облыстық білім басқармасының басшысы Т.Қ. Сәрсенбаев ашты.", "Т.Қ.Сәрсенбаев"),
        ("Кездесуге Д.Н. Омарова мен бірнеше сарапшы қатысты.", "Д.Н.Омарова"),
        ("Аудан әкімі Ж.Е. Әлімбековке алғыс хат табыс етілді.", "Ж.Е.Әлімбеков"),
        ("Бұл туралы институт директоры Р.С.Байжанов хабарлады.", "Р.С.Байжанов"),
    ],
)
def test_two_initials_and_a_surname_are_a_person(text: str, person: str) -> None:
    names = _names(text)
    assert names.get(person) == "PERSON", names
    assert not any(typ in ("GPE", "LOC") for typ in names.values()), names


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Дәулеткерей атындағы Батыс Қазақстан облыстық филармониясы концерт өткізді.",
            "Дәулеткерей атындағы Батыс Қазақстан облыстық филармониясы",
        ),
        (
            "Құрманғазы атындағы Батыс Қазақстан облыстық филармониясы гастрольге аттанды.",
            "Құрманғазы атындағы Батыс Қазақстан облыстық филармониясы",
        ),
        (
            "Мұқағали атындағы Солтүстік Қазақстан облыстық кітапханасы оқырмандарды шақырды.",
            "Мұқағали атындағы Солтүстік Қазақстан облыстық кітапханасы",
        ),
    ],
)
def test_a_name_after_someone_runs_to_its_kind(text: str, body: str) -> None:
    names = _names(text)
    assert names.get(body) == "ORG", names


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("«Шұғылалар» ансамблінің әншілері байқауда бас жүлде алды.", "Шұғылалар"),
        ("Кеше «Қыраулар» командасы финалға шықты.", "Қыраулар"),
    ],
)
def test_a_quoted_plural_name_stays_as_written(text: str, body: str) -> None:
    names = _names(text)
    assert names.get(body) == "ORG", names


@pytest.mark.parametrize(
    ("text", "country", "body"),
    [
        ("Кеше Ресейдің Қаржы министрлігі жаңа болжам жариялады.", "Ресей", "Қаржы министрлігі"),
        ("Бұған Түркияның Сауда министрлігі жауап берді.", "Түркия", "Сауда министрлігі"),
    ],
)
def test_a_foreign_country_owns_its_ministry(text: str, country: str, body: str) -> None:
    names = _names(text)
    assert names.get(country) == "GPE", names
    assert names.get(body) == "ORG", names


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Колледж студенттері төтенше жағдайлар департаментіне экскурсияға барды.", "төтенше жағдайлар департаменті"),
        ("Емхана дәрігерлері денсаулық сақтау басқармасына ұсыныс жолдады.", "денсаулық сақтау басқармасы"),
    ],
)
def test_the_people_a_sentence_opens_with_open_no_body(text: str, body: str) -> None:
    names = _names(text)
    assert names.get(body) == "ORG", names


def test_a_body_of_people_before_its_kind_keeps_them() -> None:
    names = _names("Облыстық ардагерлер кеңесі жиын өткізді, оған Ұлттық кәсіпкерлер палатасы да қатысты.")
    assert names.get("Ұлттық кәсіпкерлер палатасы") == "ORG", names


def test_an_initialled_surname_after_a_courts_post_is_a_person() -> None:
    names = _names("Қарасай аудандық сотының төрағасы Н.Жұмабеков брифингте сот ісін түсіндірді.")
    assert names.get("Н.Жұмабеков") == "PERSON", names


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Зарлықан Әбенов Жамбыл ауданы Қайрат ауылында туған.", "Зарлықан Әбенов"),
        ("Дәурен Сейітов Ұлытау ауданы Жезді ауылында туып-өскен.", "Дәурен Сейітов"),
    ],
)
def test_a_first_name_and_surname_before_a_birthplace_are_a_person(text: str, person: str) -> None:
    names = _names(text)
    assert names.get(person) == "PERSON", names
    assert person.split()[1] not in names, names


def test_a_latin_place_opening_a_latin_name_is_an_outlet() -> None:
    names = _names("Бұл туралы Qazaqstan Media тілшісіне ауыл әкімі айтты.")
    assert names.get("Qazaqstan Media") == "ORG", names
    assert "Қазақстан" not in names, names


@pytest.mark.parametrize(
    "text",
    [
        "Соттар әкімшісінің мәліметінше, биыл жаңа судьялар тағайындалды.",
        "Соттар әкімшісі азаматтарға жаңа қызметті таныстырды.",
    ],
)
def test_the_courts_administration_is_one_body(text: str) -> None:
    names = _names(text)
    assert names.get("Соттар әкімшісі") == "ORG", names


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Жүлдегерлер: Тоқтарова Мадина, Ерлан Сәбитов, Жақыпова Сабина.", "Мадина Тоқтарова"),
        ("Жүлдегерлер: Тоқтарова Мадина, Ерлан Сәбитов, Жақыпова Сабина.", "Сабина Жақыпова"),
        ("Сайысқа Асқар Жұмабаев пен Нұрланова Дина қатысты.", "Дина Нұрланова"),
    ],
)
def test_a_surname_first_woman_in_a_mixed_list_is_turned(text: str, person: str) -> None:
    names = _names(text)
    assert names.get(person) == "PERSON", names


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Бүгін Жібек жолы ауылдық округінің әкімі жиын өткізді.", "Жібек жолы ауылдық округі"),
        ("Кеше Жаңа жол ауылдық округінің тұрғындары жиналды.", "Жаңа жол ауылдық округі"),
    ],
)
def test_a_rural_district_named_by_two_words_is_one_place(text: str, place: str) -> None:
    names = _names(text)
    assert names.get(place) == "GPE", names


def test_a_districts_rural_districts_keep_their_own_names() -> None:
    names = _names("Ақтоғай ауданы ауылдық округінің әкімдері жиналды.")
    assert "Ақтоғай ауданы ауылдық округі" not in names, names
