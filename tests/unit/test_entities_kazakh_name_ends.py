"""Where a Kazakh body's name starts and ends: a pronoun opening the sentence is none of it, a kind in a place's
case ends it, a first name before what is named after someone is part of it (sentences written for the tests)."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities


def _names(text: str) -> dict[str, str]:
    return {e.name: e.type for e in extract_entities({"body": text}, "kk")}


@pytest.mark.parametrize(
    "text",
    [
        "Мұны облыстық жер қатынастары басқармасы мәлімдеді.",
        "Мұны облыстық денсаулық сақтау басқармасы хабарлады.",
    ],
)
def test_a_pronoun_opening_the_sentence_is_no_word_of_a_body(text: str) -> None:
    names = _names(text)
    assert not any(name.split()[0] == "Мұны" for name in names), names


@pytest.mark.parametrize(
    ("text", "body", "not_a_name"),
    [
        (
            "Кеше Қостанай облыстық қуыршақ театрында Халықаралық балалар күні тойланды.",
            "Қостанай облыстық қуыршақ театры",
            "Халықаралық балалар",
        ),
        (
            "Кеше Сәкен Сейфуллин атындағы драма театрында Наурыз мерекесі тойланды.",
            "Сәкен Сейфуллин атындағы драма театры",
            "Сәкен",
        ),
    ],
)
def test_a_theatres_name_ends_at_its_kind(text: str, body: str, not_a_name: str) -> None:
    names = _names(text)
    assert names.get(body) == "ORG", names
    assert not_a_name not in names, names
    assert not any(t == "PERSON" for t in names.values()), names
