"""Headline quotes whose speaker only the body names (branch head11): the helpers that find them."""

from __future__ import annotations

import pytest

from worker.model import Entity, Mention
from worker.quotes import extract_quotes
from worker.quotes.scan import _headline_candidates, _post_before_topic, quoted_headline
from worker.quotes.speakers import headline_crowd


@pytest.mark.parametrize(
    "phrase",
    ["пациенты больницы жалуются", "атыраусцы жалуются на очереди", "ауыл мұғалімдері шағымданды",
     "финалға шыққан боксшылар пікір білдірді"],
)
def test_headline_crowd(phrase: str) -> None:
    assert headline_crowd(phrase)


@pytest.mark.parametrize("phrase", ["Қаңтар жаңғырығы", "Тоқаев әкімдерге", "аким области ответил", "Мәжіліс депутаты"])
def test_no_headline_crowd(phrase: str) -> None:
    assert not headline_crowd(phrase)


def test_post_before_topic() -> None:
    text = "Денсаулық министрі вакцина туралы"
    assert text[: _post_before_topic(text, 0, len(text))] == "Денсаулық министрі"
    name = "Тоқаев бағалар жайлы"
    assert _post_before_topic(name, 0, len(name)) == len(name)


def test_quoted_headline() -> None:
    text = "«Бағалар биыл тұрақты болады»\n\nМинистр сөйледі."
    span = quoted_headline(text)
    assert span is not None and text[span[0] : span[1]] == "Бағалар биыл тұрақты болады"
    assert quoted_headline("«Қайрат» жеңді\n\nКлуб жеңді.") is None


def test_widgets_above_the_headline() -> None:
    text = "Алматы\nСейчас\n-5\nUSD\n470\n\n«Дороги отремонтируем к осени» - Б.Касымов\n\nАким района Болат Касымов."
    cands = _headline_candidates(text, False)
    assert [text[c.start : c.end] for c in cands] == ["Дороги отремонтируем к осени"]


def _person(text: str, name: str, *surfaces: str) -> Entity:
    mentions = []
    for surface in surfaces or (name,):
        at = text.find(surface)
        while at >= 0:
            mentions.append(Mention(surface, "body", at, at + len(surface)))
            at = text.find(surface, at + 1)
    return Entity(entity_id=f"P-{name}", name=name, type="PERSON", mentions=mentions, aliases=[name], roles=())


def test_headline_repeated_under_the_title() -> None:
    text = (
        "Биыл елу мектеп салуды жоспарлап отырмыз - Ерлан Сәтбаев\n\n"
        "Биыл елу мектеп салуды жоспарлап отырмыз - Ерлан Сәтбаев\n\nБасқарма басшысы Ерлан Сәтбаев айтты."
    )
    quotes = extract_quotes({"body": text}, "kk", [_person(text, "Ерлан Сәтбаев")])
    heads = [q for q in quotes if q.text == "Биыл елу мектеп салуды жоспарлап отырмыз"]
    assert len(heads) == 2 and all(q.speaker is not None and q.speaker.name == "Ерлан Сәтбаев" for q in heads)
