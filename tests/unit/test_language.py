from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worker.language import detect_language, normalize_language_tag


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Мемлекет басшысы Үкімет отырысында сөз сөйледі.", "kk"),
        ("Президент провёл совещание с членами правительства в Астане.", "ru"),
        ("The government approved a new budget for the next three years.", "en"),
        ("Die Regierung hat heute einen neuen Haushalt beschlossen.", "de"),
        ("Уряд ухвалив новий бюджет на наступні три роки, повідомляє їхня служба.", "uk"),
        ("Qazaqstan Prezidenti búgin Astanada jäne Almatyda kezdesuler ótkizdi dep habarlady.", "kk"),
        ("?!", "und"),
    ],
)
def test_detects_languages(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_tag_normalization() -> None:
    assert normalize_language_tag("kk-Cyrl-KZ") == "kk"
    assert normalize_language_tag("RU") == "ru"
    assert normalize_language_tag("en_GB") == "en"


@given(st.text(max_size=500))
def test_any_text_gets_a_code(text: str) -> None:
    code = detect_language(text)
    assert isinstance(code, str) and 2 <= len(code) <= 3
