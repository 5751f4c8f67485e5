"""A person's span without the neighbouring word the tagger glued to it (s11 glue12); invented sentences."""

from __future__ import annotations

from worker.entities.extract import extract_entities
from worker.entities.ner import Span
from worker.entities.spans import _person_edges
from worker.entities.tokens import tokenize


def _names(text: str) -> list[str]:
    return [e.name for e in extract_entities({"text": text}, "kk") if e.type == "PERSON"]


def _edges(text: str, s: int, e: int, language: str = "kk") -> str:
    tokens = tokenize(text)
    (out,) = _person_edges(tokens, [Span(s, e, "PERSON", None)], language)
    return " ".join(t.text for t in tokens[out.start : out.end])


def test_platform_after_surname_is_no_part_of_the_name() -> None:
    assert _edges("Серік Хамитов Instagram парақшасында жазды", 0, 3) == "Серік Хамитов"
    assert _edges("Instagram Серік Хамитов жазды", 0, 3) == "Серік Хамитов"


def test_token_with_digits_is_no_part_of_the_name() -> None:
    assert _edges("АИ-92 Ерболат Ақкенженов деді", 0, 3) == "Ерболат Ақкенженов"


def test_known_place_before_first_name_is_no_part_of_the_name() -> None:
    assert _edges("Шымкент Нұрлан Бекболатов айтты", 0, 3) == "Нұрлан Бекболатов"
    assert _edges("Шымкентте Нұрлан Бекболатов айтты", 0, 3) == "Нұрлан Бекболатов"


def test_locative_after_full_name_is_no_part_of_the_name() -> None:
    assert _names("Жиынға Нұрлан Бекболатов Тайсойғанда қатысты.") == ["Нұрлан Бекболатов"]
    assert _edges("Нұрлан Бекболатов Тайсойғанда қатысты", 0, 3) == "Нұрлан Бекболатов"


def test_real_names_keep_their_words() -> None:
    assert _names("Абай Құнанбайұлы туралы кітап шықты.") == ["Абай Құнанбайұлы"]
    assert _edges("Нұрлан Серікұлы Бекболатов келді", 0, 3) == "Нұрлан Серікұлы Бекболатов"
    # a surname named like a town, with no first name after it, stays
    assert _edges("Ерлан Шымкент келді", 0, 2) == "Ерлан Шымкент"
    assert _edges("Алматы Бекболатов келді", 0, 2) == "Алматы Бекболатов"
