"""Lines that are not prose (random bytes, symbol soup, mixed scripts) are not searched for names."""

from __future__ import annotations

import random

from worker.entities import extract_entities
from worker.entities.segment import _prose

NEWS = (
    "Қасым-Жомарт Тоқаев Астанада Ресей Федерациясының Сыртқы істер министрі Сергей Лавровпен "
    "кездесті , тараптар Қазақстан мен Ресей арасындағы ынтымақтастықты талқылады ."
)


def test_news_lines_are_prose() -> None:
    assert _prose(NEWS)
    assert _prose("Тоқаев Алматыда болды.")
    # short lines are never judged: a heading of symbols and a name
    assert _prose("★★★ Тоқаев ★★★")


def test_symbol_soup_and_random_bytes_are_not() -> None:
    rng = random.Random(1)
    soup = rng.randbytes(3000).decode("utf-8", "replace").replace("\n", " ")
    assert not _prose(soup)
    assert not _prose("Tоқaев Aлмaты 托卡耶夫 Ἀθῆναι 🇰🇿 ＴＯＫＡＹＥＶ " * 10)
    assert not _prose('[{"a":«' * 200)


def test_a_junk_line_does_not_hide_the_news_around_it() -> None:
    rng = random.Random(2)
    soup = rng.randbytes(2000).decode("utf-8", "replace").replace("\n", " ")
    entities = extract_entities({"body": NEWS + "\n" + soup + "\n" + NEWS}, "kk")
    names = {e.name for e in entities}
    assert "Қасым-Жомарт Тоқаев" in names
    assert any(e.type == "PERSON" and "Лавров" in e.name for e in entities)


def test_latin_kazakh_and_european_names_are_prose() -> None:
    # The 2018 and 2021 Latin Kazakh alphabets: most words carry letters outside ASCII.
    latin_kk = (
        "Qazaqstan Respublikasynyñ Prezidenti Qasym-Jomart Toqaev búgin Astanada Reseı Federasıasynyñ "
        "Premer-mınıstri Mıhaıl Mışýstınmen kezdesip, ekijaqty yntymaqtastyq jäne ekonomıkalyq "
        "baılanystar jaıyn talqylady dep habarlady Aqordanyñ baspasöz qyzmeti."
    )
    assert _prose(latin_kk)
    assert any("Toqaev" in e.name for e in extract_entities({"body": latin_kk}, "kk"))
    european = (
        "Ministers from Türkiye, Österreich and España met in Brüssel on Monday, where Recep Tayyip Erdoğan "
        "and Friedrich Müller discussed energy prices, trade corridors and the Middle Corridor with officials."
    )
    assert _prose(european)


def test_a_data_dump_is_not_prose() -> None:
    record = '{"name": "Тоқаев", "said": "Біз бірге жұмыс істейміз", "tags": ["a", "b"], "n": 1}, '
    assert not _prose("[" + record * 30)
    # a list of names is mostly words and punctuation: still prose
    assert _prose("Алматы, Астана, Шымкент, Ақтөбе, Қарағанды, Тараз, Павлодар, Өскемен, Семей, Атырау, ★ Қостанай.")


def test_a_name_glued_to_a_caption_word_ends_where_the_caption_starts() -> None:
    # page markup lost the line break between a photo credit's name and the caption after it
    found = {e.name: e for e in extract_entities({"body": "© Steppe News / Айгерім ТөлеуоваАрхивтегі сурет"}, "kk")}
    assert found["Айгерім Төлеуова"].type == "PERSON", found
    found = {e.name: e for e in extract_entities({"body": "Мұрат ӘбеновВидео: жиын қалай өтті"}, "kk")}
    assert found["Мұрат Әбенов"].type == "PERSON", found


def test_a_compound_first_name_with_a_capital_inside_stays_whole() -> None:
    found = {e.name for e in extract_entities({"body": "Жүлдені 8 жасар Асанов АбдулЖаппар алды."}, "kk")}
    assert not any(name.endswith(" Абдул") for name in found), found
