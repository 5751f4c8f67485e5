from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worker.text.language import detect_language, normalize_language_tag


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Мемлекет басшысы Үкімет отырысында сөз сөйледі.", "kk"),
        ("Президент провёл совещание с членами правительства в Астане.", "ru"),
        ("The government approved a new budget for the next three years.", "en"),
        ("Die Regierung hat heute einen neuen Haushalt beschlossen.", "de"),
        ("Уряд ухвалив новий бюджет на наступні три роки, повідомляє їхня служба.", "uk"),
        ("Qazaqstan Prezidenti búgin Astanada jäne Almatyda kezdesuler ótkizdi dep habarlady.", "kk"),
        # the 2021 Latin alphabet, none of the frequent words above: its letters decide (q, ñ, ū, ä)
        ("Qasym-Jomart Toqaev Özbekstan Prezidentı Şavkat Mirziëevpen kezdestı. Mūrat Nūrtıleu qatysty.", "kk"),
        ("Cumhurbaşkanı Erdoğan bugün Ankara’da bir açıklama yaptı ve ekonomi hakkında konuştu.", "tr"),
        ("Qatar and Iraq signed an agreement on Tuesday in Doha, officials said.", "en"),
        ("?!", "und"),
    ],
)
def test_detects_languages(text: str, language: str) -> None:
    assert detect_language(text) == language


_LONG = {
    "en": "The ministry said on Tuesday that the new rules would take effect in March, and that companies which "
          "fail to report their emissions will be fined. Officials added that the plan had been discussed with "
          "business groups for more than a year before it was approved by the cabinet.",
    "de": "Das Ministerium teilte am Dienstag mit, dass die neuen Regeln im März in Kraft treten und Unternehmen, "
          "die ihre Emissionen nicht melden, mit Bußgeldern rechnen müssen. Der Plan sei mehr als ein Jahr lang "
          "mit Wirtschaftsverbänden beraten worden, bevor das Kabinett ihn beschlossen habe.",
    "fr": "Le ministère a annoncé mardi que les nouvelles règles entreront en vigueur en mars et que les "
          "entreprises qui ne déclarent pas leurs émissions seront sanctionnées. Le plan a été discuté avec les "
          "organisations patronales pendant plus d'un an avant son adoption par le gouvernement.",
    "tr": "Bakanlık salı günü yaptığı açıklamada yeni kuralların mart ayında yürürlüğe gireceğini ve "
          "emisyonlarını bildirmeyen şirketlere para cezası verileceğini duyurdu. Planın kabine tarafından "
          "onaylanmadan önce bir yıldan fazla bir süre iş dünyası temsilcileriyle görüşüldüğü belirtildi.",
}


@pytest.mark.parametrize("language", sorted(_LONG))
def test_long_latin_paragraphs(language: str) -> None:
    # Long English text is decided by its function words without langid; the others must not be taken for it.
    assert detect_language(_LONG[language]) == language


def test_tag_normalization() -> None:
    assert normalize_language_tag("kk-Cyrl-KZ") == "kk"
    assert normalize_language_tag("RU") == "ru"
    assert normalize_language_tag("en_GB") == "en"


@given(st.text(max_size=500))
def test_any_text_gets_a_code(text: str) -> None:
    code = detect_language(text)
    assert isinstance(code, str) and 2 <= len(code) <= 3


def test_latin_i_in_cyrillic_words_becomes_kazakh_i() -> None:
    from worker.text.script import fold_latin_i

    # old fonts typed the Latin letter for і; the fold keeps every offset
    assert fold_latin_i("мәлiмдедi Iле бойында") == "мәлімдеді Іле бойында"
    for latin in ("iPhone", "Wi-Fi", "Bitcoin", "IT-маман"):
        assert fold_latin_i(latin) == latin
    text = "Министрi брифингте сөйледi."
    assert len(fold_latin_i(text)) == len(text)


def test_a_russian_article_quoting_kazakh_titles_is_russian() -> None:
    text = (
        "Труппа сельского театра «Жарық» показала на сцене Дома культуры спектакль «Әке мұңы» («Печаль отца»). "
        "По словам режиссёра, зрители приняли его тепло, и в следующем сезоне театр покажет ещё две работы. Актёры "
        "репетируют по вечерам, после работы, а костюмы для них шьют сами жители села."
    )
    assert detect_language(text) == "ru"


def test_a_kazakh_article_quoting_a_russian_phrase_is_kazakh() -> None:
    text = "Министр «всё под контролем» деп мәлімдеді. Бұл туралы ведомство өкілі брифингте айтты және жауап берді."
    assert detect_language(text) == "kk"
