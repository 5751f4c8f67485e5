"""Language of an item: a cheap script test first, py3langid only where the script leaves doubt.

Kazakh and Russian share the Cyrillic script, but Kazakh has nine letters
Russian lacks; counting them decides most Cyrillic items in microseconds,
where py3langid needs milliseconds for a 3 KB article.
"""

from __future__ import annotations

import functools
import re

import py3langid.langid as langid

from worker.text.script import KAZAKH_LETTERS

__all__ = ["detect_language", "normalize_language_tag", "UNDETERMINED"]

UNDETERMINED = "und"

_SAMPLE_CHARS = 2000
_LANGID_SAMPLE_CHARS = 600
_UKRAINIAN_LETTERS = frozenset("їєґЇЄҐ")
_BELARUSIAN_LETTERS = frozenset("ўЎ")
# Frequent Kazakh words in the Latin alphabets of 2018-2021, which langid
# does not know; enough of them in a Latin text means Kazakh.
_LATIN_KAZAKH_WORDS = frozenset(
    "jäne men dep degen bul osy boiynşa boiynsha búgin bügin qazaqstan qazaqstannyñ "
    "respublikasy prezidenti ükimet ukimet mäjilis majilis aimaq oblysy qalasy".split()
)
_LATIN_WORD = re.compile(r"[a-zäğıñöūüşéóúá]+")
#: Russian words that no Kazakh sentence has; a Russian article is a tenth or more of them, a Kazakh one quoting
#: Russian a few hundredths at most.
_RUSSIAN_FUNCTION_WORDS = frozenset("и в на что не с по это как из за от для к о он она они но же был была".split())
_CYRILLIC_WORD = re.compile(r"[а-яё]+")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as by at from it was be has have are were said will an "
    "this which or not but its his her their they he she we after also who had been would".split()
)


# Languages a Kazakhstani news stream plausibly carries; restricting langid to
# them keeps short Latin-script texts from landing on exotic neighbours.
_LANGID_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "tr", "az", "uz", "tk", "ky",
    "tt", "ba", "mn", "zh", "ja", "ko", "ar", "fa", "hi", "uk", "be", "ru", "kk", "ka", "hy", "he",
)


#: Letters of the 2021 Kazakh Latin alphabet that Turkish lacks (Azerbaijani writes ə, Uzbek oʻ and gʻ).
_KAZAKH_LATIN_ONLY = re.compile(r"[ñūä]|q(?!u)")
_UZBEK_OR_AZERI = re.compile(r"ə|[og][ʻ'’]")


def _latin_kazakh_letters(lowered: str, words: list[str]) -> bool:
    """Enough words with q (not qu), ñ, ū or ä, none of Azerbaijani's ə or Uzbek's oʻ, and few English
    function words (Qatar and Iraq signed...)."""
    marked = sum(1 for word in words if _KAZAKH_LATIN_ONLY.search(word))
    english = sum(1 for word in words if word in _ENGLISH_FUNCTION_WORDS)
    return (
        marked >= max(3, len(words) // 8)
        and english * 10 < len(words)
        and _UZBEK_OR_AZERI.search(lowered) is None
    )


def _russian_words_share(sample: str) -> float:
    words = _CYRILLIC_WORD.findall(sample.lower())
    return sum(1 for word in words if word in _RUSSIAN_FUNCTION_WORDS) / len(words) if words else 0.0


@functools.cache
def _identifier() -> langid.LanguageIdentifier:
    identifier = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(_LANGID_LANGUAGES))
    return identifier


def normalize_language_tag(tag: str) -> str:
    """The primary subtag of a BCP 47 tag, lower case: 'kk-Cyrl-KZ' -> 'kk'."""
    return re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower() or UNDETERMINED


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or 'und' when there is too little text to tell."""
    sample = text[:_SAMPLE_CHARS]
    cyrillic = latin = other = kazakh = ukrainian = belarusian = 0
    for char in sample:
        if "\u0400" <= char <= "\u04ff":
            cyrillic += 1
            if char in KAZAKH_LETTERS:
                kazakh += 1
            elif char in _UKRAINIAN_LETTERS:
                ukrainian += 1
            elif char in _BELARUSIAN_LETTERS:
                belarusian += 1
        elif char.isalpha():
            if char.isascii() or "\u00c0" <= char <= "\u024f":
                latin += 1
            else:
                other += 1
    letters = cyrillic + latin + other
    if letters < 3:
        return UNDETERMINED
    if cyrillic >= latin and cyrillic >= other:
        # і alone is shared with Ukrainian; the other eight are Kazakh's own.
        if kazakh and kazakh >= 0.01 * cyrillic and kazakh > ukrainian:
            # Kazakh text has its own letters in a tenth of its words' letters or more; a Russian article that
            # quotes Kazakh titles and names has a few, and Russian's function words
            if kazakh < 0.05 * cyrillic and _russian_words_share(sample) >= 0.05:
                return "ru"
            return "kk"
        if ukrainian:
            return "uk"
        if belarusian:
            return "be"
        if cyrillic >= 20:
            return "ru"
    lowered = sample.lower()
    if latin > cyrillic and latin >= other:
        words = _LATIN_WORD.findall(lowered)
        if words and sum(word in _LATIN_KAZAKH_WORDS for word in words) >= max(2, len(words) // 25):
            return "kk"
        if _latin_kazakh_letters(lowered, words):
            return "kk"
        # English news is a fifth or more function words; langid would take twice as long to agree.
        if len(words) >= 30 and sum(word in _ENGLISH_FUNCTION_WORDS for word in words) >= len(words) // 5:
            return "en"
    language, _ = _identifier().classify(sample[:_LANGID_SAMPLE_CHARS])
    return str(language)
