"""Letters and scripts: one definition for the entity, quote and language layers.

Kazakh writes Cyrillic with nine letters Russian lacks (ә ғ қ ң ө ұ ү һ і), and since 2018 also a
Latin alphabet with letters of its own (ä ğ ı ñ ö ū ü ş, and á ǵ ń ó ú in the 2018 version) and a
q not followed by u (Qazaqstan).  Pure and cheap: no models.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "CYRILLIC",
    "CYRILLIC_LOWER",
    "CYRILLIC_UPPER",
    "KAZAKH_LATIN_LETTERS",
    "KAZAKH_LETTERS",
    "LATIN_LOWER",
    "LATIN_UPPER",
    "RUSSIAN_VOWELS",
    "cyrillic_letter",
    "fold_latin_i",
    "looks_latin_kazakh",
    "script_language",
]

#: Kazakh's own Cyrillic letters, both cases.
KAZAKH_LETTERS: Final = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
#: Any character of the Cyrillic block.
CYRILLIC: Final = re.compile(r"[\u0400-\u04ff]")
#: Regex character-class ranges of Kazakh and Russian Cyrillic letters, capital and small.
CYRILLIC_UPPER: Final = "А-ЯЁӘҒҚҢӨҰҮҺІ"
CYRILLIC_LOWER: Final = "а-яёәғқңөұүһі"
#: Latin with the letters of the Latin Kazakh alphabets (2018 and 2021) and common European names.
LATIN_UPPER: Final = "A-ZÄĞİÑÖŪÜŞÉÓÚÁÇÝǴŃÍ"
LATIN_LOWER: Final = "a-zäğıñöūüşéóúáçýǵńí"
#: Letters only Latin-script Kazakh uses (and Turkish, which newsworker does not read).
KAZAKH_LATIN_LETTERS: Final = frozenset("äğıñöūüşÄĞIÑÖŪÜŞáǵńóúÁǴŃÓÚ") - frozenset("I")
#: Russian's vowel letters, small: what a Russian name's ending is read after (Аида, Дамир).
RUSSIAN_VOWELS: Final = frozenset("аеёиоуыэюя")
_Q_NOT_U: Final = re.compile(r"[qQ](?![uU])")


def cyrillic_letter(ch: str) -> bool:
    """A letter of Russian's а-я (either case, not ё) or one of Kazakh's own."""
    return "а" <= ch.lower() <= "я" or ch in KAZAKH_LETTERS


def fold_latin_i(text: str) -> str:
    """``text`` with the Latin i of Cyrillic words made Kazakh і, letter for letter (offsets hold).

    Old Kazakh fonts lacked і, and pages still type the Latin letter in its place (дедi, мәлiмдедi, Iле).
    """
    letters: list[str] | None = None
    n = len(text)
    for latin, kazakh in (("i", "і"), ("I", "І")):
        pos = text.find(latin)
        while pos >= 0:
            if (pos > 0 and cyrillic_letter(text[pos - 1])) or (pos + 1 < n and cyrillic_letter(text[pos + 1])):
                if letters is None:
                    letters = list(text)
                letters[pos] = kazakh
            pos = text.find(latin, pos + 1)
    return text if letters is None else "".join(letters)


def script_language(text: str) -> str:
    """kk when Kazakh-only letters occur, ru for other Cyrillic, else en."""
    if any(ch in KAZAKH_LETTERS for ch in text):
        return "kk"
    if CYRILLIC.search(text):
        return "ru"
    return "en"


def looks_latin_kazakh(text: str, strict: bool) -> bool:
    """Latin-script text with the marks of Kazakh's Latin alphabet: its own letters (ı, ğ, ñ, ū...)
    and a q not followed by u (Qazaqstan).  ``strict`` (a Latin sentence in Cyrillic text, where
    English is likelier) wants one of the letters and two marks in all; else one mark of either
    kind in a sentence, two q's in a whole field."""
    letters = sum(1 for ch in text if ch in KAZAKH_LATIN_LETTERS)
    qs = len(_Q_NOT_U.findall(text))
    if strict:
        return letters >= 1 and letters + qs >= 2
    return letters >= 1 or qs >= 2
