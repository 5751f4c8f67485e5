"""Kazakh quotes in the 2018 Latin alphabet (acute letters: ákimi, aýyl, dedi, deıdi), session 11."""

from __future__ import annotations

from worker.entities.translit import kk_cyrillic_same_length
from worker.quotes.extract import extract_quotes


def test_2018_latin_reads_i_as_i_and_dotless_as_i_short() -> None:
    text = "Aýyl ákimi: «Jol bitedi», – dedi. Ol úıine qaıtty."
    out = kk_cyrillic_same_length(text)
    assert len(out) == len(text)
    assert "Ауыл әкімі" in out
    assert "деді" in out
    assert "үйіне қайтты" in out


def test_2021_latin_keeps_its_own_table() -> None:
    # no acute letter: the 2021 alphabet, where ı is і and i is и
    assert kk_cyrillic_same_length("Şımkent äkımı keldı") == "Шімкент әкімі келді"


def test_cyrillic_text_is_left_alone() -> None:
    assert kk_cyrillic_same_length("Ауыл әкімі келді") == "Ауыл әкімі келді"


def test_2018_latin_mark_quote_with_dedi_is_found() -> None:
    body = (
        "Aýdan ákimi Serik Baıanov turǵyndarmen kezdesti.\n"
        "«Kópir kúzge deıin salynady. Merdiger jumysyn ýaqytynda bitirýi tıis»,- dedi Serik Baıanov.\n"
        "Kezdesýge júz adam qatysty."
    )
    quotes = extract_quotes({"body": body}, "kk", [])
    assert [q.text for q in quotes] == ["Kópir kúzge deıin salynady. Merdiger jumysyn ýaqytynda bitirýi tıis"]


def test_2018_latin_without_a_quote_gives_nothing() -> None:
    body = "Aýdan ákimi Serik Baıanov turǵyndarmen kezdesti. Onyń aıtýynsha, kópir kúzge deıin salynady."
    assert extract_quotes({"body": body}, "kk", []) == []
