"""Kazakh entities on unseen pages (session 11): shapes blind review of fresh pages found wrong.

A troupe named after a place or a one-word name, past a few lower-case words of its art, is a body with its kind
(Алатау дәстүрлі өнер театры); a name before a place's residents (Искра тұрғындары) is a settlement's, not a
person's; bodies listed before one plural kind are each a body of that kind (Қорғаныс, Ішкі істер министрліктері);
an outlet a source credit names in quotes is an organisation (деп хабарлайды "Ұлт ақпарат".).
"""

from __future__ import annotations

import pytest

from worker.entities import extract_entities


def _ents(text: str) -> list[tuple[str, str]]:
    return [(e.name, e.type) for e in extract_entities({"body": text}, "kk")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Кеш Алатау дәстүрлі өнер театрында өтті.", "Алатау дәстүрлі өнер театры"),
        (
            "Әндер Алатау фольклорлық-этнографиялық ансамблінің сүйемелдеуімен орындалды.",
            "Алатау фольклорлық-этнографиялық ансамблі",
        ),
        ("Ансамбль Самал фольклорлық ансамблінің сүйемелдеуімен өнер көрсетті.", "Самал фольклорлық ансамблі"),
        ("Елордадағы Синтез театрында кеш өтті.", "Синтез театры"),
        ("Кеше Ақсу симфониялық оркестрі өнер көрсетті.", "Ақсу симфониялық оркестрі"),
    ],
)
def test_troupe_named_after_a_place_keeps_its_kind(text: str, name: str) -> None:
    assert (name, "ORG") in _ents(text)


@pytest.mark.parametrize(
    "text",
    [
        "Бұл Қазақстан ансамбльдерінің ең үздігі.",  # plural: the country's ensembles, no one body
        "Кеше Театр күні аталып өтті.",  # a day, not a body
    ],
)
def test_no_troupe_without_its_own_name(text: str) -> None:
    assert not any(t == "ORG" for _, t in _ents(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Округке тағы екі ауыл қарайды, Искра тұрғындарының саны – 224.", "Искра"),
        ("Округке тағы екі ауыл қарайды, Жаңатұрмыс тұрғындарының саны – 224.", "Жаңатұрмыс"),
        ("Ауылға Берёзовка тұрғындары жиналды.", "Берёзовка"),
    ],
)
def test_name_before_its_residents_is_a_place(text: str, place: str) -> None:
    ents = _ents(text)
    assert (place, "GPE") in ents
    assert not any(t == "PERSON" for _, t in ents)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Мұны Айгүл тұрғындарға айтты.", "Айгүл"),  # told the residents: no possessive, a person still
        ("Серік Алиев тұрғындармен кездесті.", "Серік Алиев"),
    ],
)
def test_person_meeting_residents_stays_a_person(text: str, person: str) -> None:
    assert (person, "PERSON") in _ents(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Жиынға Қорғаныс, Ішкі істер министрліктерінің өкілдері қатысты.",
            ["Қорғаныс министрлігі", "Ішкі істер министрлігі"],
        ),
        (
            "Жиынға Білім және ғылым, Денсаулық сақтау министрліктерінің өкілдері қатысты.",
            ["Білім және ғылым министрлігі", "Денсаулық сақтау министрлігі"],
        ),
        (
            "Бұған Қаржы, Энергетика және Ауыл шаруашылығы министрліктері жауапты.",
            ["Қаржы министрлігі", "Энергетика министрлігі", "Ауыл шаруашылығы министрлігі"],
        ),
        (
            "Мемлекеттік кірістер, Қазынашылық комитеттері тексерді.",
            ["Мемлекеттік кірістер комитеті", "Қазынашылық комитеті"],
        ),
    ],
)
def test_kind_shared_across_a_list(text: str, names: list[str]) -> None:
    orgs = [n for n, t in _ents(text) if t == "ORG"]
    assert orgs == names


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # people before ministries in a direction: no list of bodies
        ("Министр Серік Жұманов пен Дана Асанова министрліктерге барды.", ["Серік Жұманов", "Дана Асанова"]),
    ],
)
def test_no_list_of_bodies_before_a_direction(text: str, people: list[str]) -> None:
    ents = _ents(text)
    assert [n for n, t in ents if t == "PERSON"] == people
    assert not any(t == "ORG" for _, t in ents)


# An outlet a source credit names in quotes at the sentence's end (деп хабарлайды "Ұлт ақпарат".) is an
# organisation, named without its quote marks, whatever the CRF took the quoted words for.


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ('Министрлік ақпаратқа пікір білдірді, деп хабарлайды "Ұлт ақпарат".', "Ұлт ақпарат"),
        ("Министрлік пікір білдірді, деп хабарлайды «Дала жаршысы».", "Дала жаршысы"),
        ("Министрлік ақпаратқа пікір білдірді, деп хабарлайды «Жаңа ақпарат».", "Жаңа ақпарат"),
    ],
)
def test_outlet_credited_in_quotes(text: str, outlet: str) -> None:
    assert (outlet, "ORG") in _ents(text)


def test_quoted_words_someone_wrote_are_no_outlet() -> None:
    assert _ents("Ол «Біз дайынбыз» деп жазды.") == []
    # a name the rules had already stays as written, its number kept
    assert ("Хабар 24", "ORG") in _ents("Егін жиналды, деп хабарлайды «Хабар 24».")
