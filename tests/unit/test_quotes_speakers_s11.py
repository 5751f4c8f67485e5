"""Speakers a page names indirectly (s11-spk): a body through a generic phrase, a person through a role word,
and a neighbouring name that is not the speaker. Invented sentences, run through the entity layer too."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities
from worker.quotes import extract_quotes
from worker.quotes.kk_speakers import kk_those_at


def _speakers(text: str, language: str) -> list[str | None]:
    entities = extract_entities({"body": text}, language)
    return [q.speaker.name if q.speaker else None for q in extract_quotes({"body": text}, language, entities)]


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("орталықтағылар", "орталық"),
        ("агенттіктегілер", "агенттік"),
        ("ведомстводағылар", "ведомство"),
        ("департаменттегілер", "департамент"),
        ("жастар", None),
        ("тұрғындар", None),
    ],
)
def test_those_at(word: str, stem: str | None) -> None:
    assert kk_those_at(word) == stem


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a generic phrase speaks for the body of its kind, not for the outlet credited in Latin letters
        (
            "Желіде Түркістан облысы прокуратурасы ғимаратының жанында түсірілген бейне тарады, деп хабарлайды "
            "BAQ.KZ.\nОблыстық прокуратура қызметкерлері тексеріс басталғанын айтты.\n"
            "– Қазір қызметтік тексеріс жүріп жатыр, нәтижесі бойынша кінәлілер жауапқа тартылады, – деді "
            "ведомство өкілдері.",
            "kk",
            "Түркістан облысы прокуратурасы",
        ),
        # those at the centre speak for the centre
        (
            "Облыстағы ана мен бала өлімі туралы деректі Жетісу облысы Ақпарат орталығы жариялады.\n"
            '"Үш ауданда нәресте өлімі әлі де азаймай тұр", - дейді орталықтағылар.',
            "kk",
            "Жетісу облысы Ақпарат орталығы",
        ),
        # a role apposed to a name after a comma
        (
            "Гостем программы стал экономист Болат Ахметов.\n"
            "«Мы пригласили известного экономиста, чтобы поговорить о ценах», - сказал ведущий, главный редактор "
            "Арман Сейтов, представляя гостя.",
            "ru",
            "Арман Сейтов",
        ),
        # a role word the official the item names does not hold: unnamed
        (
            "Аудан әкімі Ерлан Сейітов бөгетті аралады. Жолдың бұзылғанын айтатын жүргізушілер көп.\n"
            "«Жол күзде жөнделмеді», – дейді жолаушы.",
            "kk",
            None,
        ),
    ],
)
def test_indirect_speaker(text: str, language: str, expected: str | None) -> None:
    assert _speakers(text, language) == [expected]
