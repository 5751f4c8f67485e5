"""Organisation names cut short (session 11): a body's kind belongs to its canonical name.

A quoted name before a fund, a madrasa, a school, a centre, an airport or an agricultural firm, maybe past a few
lower-case words of its level or its work, is named with them («Береке» қайырымдылық қоры); a legal form (ЖШС),
another body's name in the genitive or a place before such a kind keeps the name as it was.
"""

from __future__ import annotations

import pytest

from worker.entities import extract_entities
from worker.entities.ner import _no_function_word_first, _no_postposition_inside
from worker.entities.tokens import sentences


def _orgs(text: str, language: str = "kk") -> list[str]:
    return [e.name for e in extract_entities({"body": text}, language) if e.type == "ORG"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Бұл туралы «Алтын көпір» республикалық қорының төрағасы хабарлады.", "Алтын көпір республикалық қоры"),
        ("Көмекті «Мейірім» қоры жеткізді.", "Мейірім қоры"),
        ("«Нұрлы жол» медресесінің шәкірттері сайысқа қатысты.", "Нұрлы жол медресесі"),
        ("Кеше «Қыран» балалар спорт мектебінің тәрбиеленушілері жеңіске жетті.", "Қыран балалар спорт мектебі"),
        ("Ұшақ «Ақсұңқар» халықаралық әуежайына қонды.", "Ақсұңқар халықаралық әуежайы"),
        ("«Көктөбе» агрофирмасы биыл мол өнім жинады.", "Көктөбе агрофирмасы"),
        ("Ауылда «Шұғыла» көпбалалы отбасылар орталығы ашылды.", "Шұғыла көпбалалы отбасылар орталығы"),
    ],
)
def test_quoted_name_keeps_its_kind(text: str, name: str) -> None:
    assert name in _orgs(text)


def test_level_before_the_quotes_is_no_part_of_the_name() -> None:
    orgs = _orgs("Облыстық «Қыран» спорт мектебі басшысының орынбасары Дана Әлиева айтты.")
    assert orgs == ["Қыран спорт мектебі"]


def test_short_form_of_the_same_body_is_one_entity() -> None:
    text = "Ұшақ «Ақсұңқар» халықаралық әуежайына қонды. Жолаушылар «Ақсұңқар» әуежайынан шықты."
    assert _orgs(text) == ["Ақсұңқар халықаралық әуежайы"]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a legal form is no word of the name
        ("«Көкжиек» ЖШС директоры Асқар Бекұлы сөйледі.", "Көкжиек ЖШС"),
        # a body's name in the genitive before the kind: another thing, the party's centre
        ("«Ақ желкен» партиясының орталығында жиын өтті.", "Ақ желкен партиясының орталығы"),
        # a place before a centre: the town's centre, no body
        ("Атырау орталығындағы ғимарат жөнделді.", "Атырау орталығы"),
        # a name after атындағы opens before the quotes
        ("Қ.Сәтбаев атындағы «Білім» ғылыми орталығы ашылды.", "Білім ғылыми орталығы"),
    ],
)
def test_no_kind_joined(text: str, absent: str) -> None:
    assert absent not in _orgs(text)


# The left edge of a Kazakh body: a chain of attachment to the President belongs to the name; a word of time
# opening the sentence past a dash, or an adverb in the instrumental, does not.


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Бұл туралы Асқаров ҚР Президенті жанындағы Мемлекеттік басқару академиясында айтты.",
            "ҚР Президенті жанындағы Мемлекеттік басқару академиясы",
        ),
        (
            "Бүгін Қазақстан Республикасы Президенті жанындағы Ұлттық зерттеу кеңесінде жиын өтті.",
            "Қазақстан Республикасы Президенті жанындағы Ұлттық зерттеу кеңесі",
        ),
        ("Жастар топ-топпен Ұлттық гвардия ғимаратына барды.", "Ұлттық гвардия"),
    ],
)
def test_left_edge_of_a_body(text: str, name: str) -> None:
    assert name in _orgs(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # without the country before the President the chain describes the body, whose own name stays
        ("Брифинг Президент жанындағы Ұлттық құрылтайда өтті.", "Президент жанындағы Ұлттық құрылтай"),
        # a capitalised word opening a sentence after a dash that is no word of time stays in the name
        ("– Жаңа Өзен мұнай компаниясы жұмысын бастады.", "Өзен мұнай компаниясы"),
    ],
)
def test_left_edge_kept(text: str, absent: str) -> None:
    assert absent not in _orgs(text)


def test_word_of_time_past_a_dash_opens_no_name() -> None:
    tokens = next(iter(sentences("– Биыл Ақ жол партиясының құрылтайы өтеді.")))
    assert _no_function_word_first(tokens, [(1, 4, "ORG")], []) == [(2, 4, "ORG")]
    # inside the sentence the same word is left to the other rules
    tokens = next(iter(sentences("Олар биыл Ақ жол партиясына кірді.")))
    assert _no_function_word_first(tokens, [(1, 4, "ORG")], []) == [(1, 4, "ORG")]


def test_adverb_in_the_instrumental_opens_no_name() -> None:
    tokens = next(iter(sentences("Жастар топ-топпен Ұлттық гвардия ғимаратына барды.")))
    assert _no_function_word_first(tokens, [(1, 4, "ORG")], []) == [(2, 4, "ORG")]


# Russian: a kind of firm written as an abbreviation before the quoted name is part of it; a legal form is not.


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Урожай собрал СПК «Колос» из Денисовского района.", "СПК Колос"),
        ("На ГРЭС «Каратал» провели ремонт котла.", "ГРЭС Каратал"),
    ],
)
def test_russian_kind_before_a_quoted_name(text: str, name: str) -> None:
    assert name in _orgs(text, "ru")


def test_russian_legal_form_stays_out() -> None:
    orgs = _orgs("Директор ТОО «Береговое» Иван Петров рассказал о посевной.", "ru")
    assert "Береговое" in orgs and not any(o.startswith("ТОО") for o in orgs)


def test_russian_genitive_plural_is_no_adjective_of_a_body() -> None:
    text = "Совещание провёл руководитель управления строительства и земельных отношений акимата Атырауской области."
    assert not any("отнош" in o.lower() and o.lower().startswith("земельн") for o in _orgs(text, "ru"))


# Names run long: an organisation does not run over a postposition, and two things named after people joined by a
# conjunction are two names.


def test_no_organisation_over_a_postposition() -> None:
    tokens = next(iter(sentences("Жарыстар Алтынды стадионынан бөлек Қ.Сәтбаев атындағы орта мектепте өтті.")))
    assert _no_postposition_inside(tokens, [(1, 8, "ORG")], []) == [(4, 8, "ORG")]


def test_two_named_after_people_are_two_names() -> None:
    text = "Сайыс Ж.Жабаев атындағы орта мектеп пен Ә.Молдағұлова атындағы гимназияның залдарында өтті."
    tokens = next(iter(sentences(text)))
    assert _no_postposition_inside(tokens, [(1, 9, "ORG")], []) == [(1, 5, "ORG"), (6, 9, "ORG")]


def test_one_named_after_someone_stays_whole() -> None:
    tokens = next(iter(sentences("Сайыс Ж.Жабаев атындағы орта мектеп пен гимназияда өтті.")))
    assert _no_postposition_inside(tokens, [(1, 5, "ORG")], []) == [(1, 5, "ORG")]


# An international airport named after its city, and an airport or a station the tagger took for a building, is an
# organisation, as the guide counts a body with staff and a director.


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ұшақ Павлодар халықаралық әуежайына аман қонды.", "Павлодар халықаралық әуежайы"),
        ("Ұшақ Сарыарқа халықаралық әуежайына қонды.", "Сарыарқа халықаралық әуежайы"),
    ],
)
def test_international_airport_is_a_body(text: str, name: str) -> None:
    assert name in _orgs(text)


def test_city_before_a_bare_airport_stays_a_place() -> None:
    entities = extract_entities({"body": "Ұшақ Ақтөбе әуежайына қонды."}, "kk")
    assert [(e.name, e.type) for e in entities] == [("Ақтөбе", "GPE")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a noun before the kind makes a compound, whose kind keeps its possessive
        ("Әкім №7 облыстық шахмат мектебінің жұмысымен танысты.", "№7 облыстық шахмат мектебі"),
        # after an adjective or the number alone the kind is bare, as before
        ("Әкім №12 орта мектебінде болды.", "№12 орта мектеп"),
        ("Әкім №9 мектебінің жұмысымен танысты.", "№9 мектеп"),
    ],
)
def test_numbered_school_kind(text: str, name: str) -> None:
    assert name in _orgs(text)
