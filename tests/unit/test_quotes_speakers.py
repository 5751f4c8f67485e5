"""Speakers of quotes whose attribution is built around the verb: "as X said", title before name."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities
from worker.quotes import extract_quotes


def _speaker(text: str, language: str) -> tuple[str, str | None]:
    entities = extract_entities({"body": text}, language)
    quotes = extract_quotes({"body": text}, language, entities)
    assert len(quotes) == 1, quotes
    speaker = quotes[0].speaker
    assert speaker is not None
    return speaker.mention, speaker.name


@pytest.mark.parametrize(
    ("text", "language", "mention", "name"),
    [
        # the speaker follows the verb: Как сообщил X, «...»
        (
            "Как сообщил аким Алматы Ерболат Досаев, «все работы будут завершены до конца года».",
            "ru",
            "аким Алматы Ерболат Досаев",
            "Ерболат Досаев",
        ),
        # a known person the page names by surname alone is named so (the fullest form the page gives)
        ("Как ранее заявил Токаев, «Казахстан открыт для инвестиций».", "ru", "Токаев", "Токаев"),
        ('As Tokayev said, "Kazakhstan is open for investment."', "en", "Tokayev", "Tokayev"),
        # "according to X" before the quote
        ("По словам Ерлана Карина, «реформа займет два года».", "ru", "Ерлана Карина", "Ерлан Карин"),
        ("Тоқаевтың айтуынша, «елімізде жаңа саясат қажет».", "kk", "Тоқаевтың", "Тоқаев"),
        (
            'According to Finance Minister Madi Takiyev, "the budget will be executed in full."',
            "en",
            "Finance Minister Madi Takiyev",
            "Madi Takiyev",
        ),
        # a pronoun in the phrase: the person named before
        (
            "Министр Ерлан Карин провел брифинг. По его словам, «реформа займет два года».",
            "ru",
            "его",
            "Ерлан Карин",
        ),
        ("Министр Ерлан Қарин сөйледі. Оның сөзінше, «реформа екі жылға созылады».", "kk", "Оның", "Ерлан Қарин"),
        (
            'Finance Minister Madi Takiyev met reporters. According to him, "the budget will be executed."',
            "en",
            "him",
            "Madi Takiyev",
        ),
        # a plural at a sentence's start is a group, not a name (Мюллер stays one)
        ("Сарапшылардың айтуынша, «нарық қалпына келеді».", "kk", "Сарапшылардың", None),
        ("Мюллер: «Рынок восстановится».", "ru", "Мюллер", "Мюллер"),
        # a title before the name is part of the mention
        ('"We are ready," said President Tokayev.', "en", "President Tokayev", "Tokayev"),
        (
            "«Біз дайынбыз», – деді Президент Қасым-Жомарт Тоқаев.",
            "kk",
            "Президент Қасым-Жомарт Тоқаев",
            "Қасым-Жомарт Тоқаев",
        ),
        # ... but not the end of an organisation's name before the title
        (
            "«Кәсіпкерлер мемлекеттен тұрақты салық күтеді», – деді Атамекен ҰКП төрағасы Райымбек Баталов.",
            "kk",
            "төрағасы Райымбек Баталов",
            "Райымбек Баталов",
        ),
    ],
)
def test_speaker(text: str, language: str, mention: str, name: str | None) -> None:
    assert _speaker(text, language) == (mention, name)


def test_a_short_lower_case_sentence_before_dep_is_a_quote_a_word_is_not() -> None:
    text = "Тоқаев келді. Мемлекет басшысы «біз реформаларды жалғастырамыз» деп мәлімдеді."
    assert _speaker(text, "kk") == ("Мемлекет басшысы", "Тоқаев")
    for scare in ("Ол мұны «маңызды» деп атады.", "Тоқаев жағдайды «өте қиын» деп бағалады."):
        assert extract_quotes({"body": scare}, "kk", extract_entities({"body": scare}, "kk")) == []


def test_latin_script_kazakh_quotes_have_the_cyrillic_speakers() -> None:
    latin = "Ministr Erlan Qarin söiledı.\n– Reforma ekı jylğa sozylady, – dedı ministr."
    cyrillic = "Министр Ерлан Қарин сөйледі.\n– Реформа екі жылға созылады, – деді министр."
    (q_latin,) = extract_quotes({"body": latin}, "kk", extract_entities({"body": latin}, "kk"))
    (q_cyrillic,) = extract_quotes({"body": cyrillic}, "kk", extract_entities({"body": cyrillic}, "kk"))
    assert q_latin.text == "Reforma ekı jylğa sozylady"
    assert latin[q_latin.start : q_latin.end] == q_latin.text
    assert (q_latin.cue, q_latin.speaker.mention if q_latin.speaker else None) == ("dedı", "ministr")
    assert q_latin.speaker is not None and q_cyrillic.speaker is not None
    assert q_latin.speaker.entity_id == q_cyrillic.speaker.entity_id
    assert q_latin.speaker.name == "Erlan Qarin"


def test_a_person_named_in_full_then_by_first_name_alone_speaks_under_the_full_name() -> None:
    text = (
        "Костанайский фотограф Ержан Тулегенов открыл выставку в музее. "
        "«Я снимал эти кадры десять лет и ни разу не повторился», - признался Ержан."
    )
    assert _speaker(text, "ru")[1] == "Ержан Тулегенов"


def test_a_first_name_two_people_share_resolves_to_neither() -> None:
    text = (
        "Сестры Айгуль Сейтова и Айгуль Бекова открыли кафе. "
        "«Мы давно мечтали о своём деле», - говорит Айгуль."
    )
    assert _speaker(text, "ru")[1] not in ("Айгуль Сейтова", "Айгуль Бекова")
