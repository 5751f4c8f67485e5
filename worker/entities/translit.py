"""Script-independent keys for names: Тоқаев, Токаев, Tokayev and Toqaev give one key.

The key is a rough phonetic skeleton, used only to compare names and to hash
ids; it is never shown.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["skeleton", "to_latin"]

_CYR = {
    "а": "a",
    "ә": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "қ": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "n",
    "о": "o",
    "ө": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ұ": "u",
    "ү": "u",
    "ф": "f",
    "х": "h",
    "һ": "h",
    "ц": "c",
    "ч": "ch",
    "ш": "sh",
    "щ": "sh",
    "ъ": "",
    "ы": "i",
    "і": "i",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
}


def to_latin(text: str) -> str:
    """Lower-case Latin transliteration of Cyrillic (Kazakh and Russian letters)."""
    return "".join(_CYR.get(ch, ch) for ch in text.lower())


@lru_cache(maxsize=100_000)
def skeleton(text: str) -> str:
    """Phonetic skeleton of a name in any of Kazakh Cyrillic, Russian, Latin Kazakh, English."""
    s = to_latin(text)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("ı", "i")
    for a, b in (
        ("dzh", "j"),
        ("zh", "j"),
        ("kh", "k"),
        ("gh", "g"),
        ("sh", "s"),
        ("ch", "c"),
        ("ts", "c"),
        ("tz", "c"),
        ("x", "k"),
        ("q", "k"),
        ("h", "k"),
        ("w", "v"),
        ("y", "i"),
        ("j", "j"),
        ("ü", "u"),
        ("ö", "o"),
        ("ä", "a"),
        ("ñ", "n"),
        ("ğ", "g"),
        ("ş", "s"),
        ("ç", "c"),
        ("ū", "u"),
    ):
        s = s.replace(a, b)
    out: list[str] = []
    for ch in s:
        if ch.isalnum():
            # vowels i/e and the glide collapse: Tokayev / Токаев / Toqaev
            c = "i" if ch in "ie" else ch
            if out and out[-1] == c:
                continue
            out.append(c)
        elif out and out[-1] != " ":
            out.append(" ")
    res = "".join(out).strip()
    # drop a glide between vowels: "kaiev" (Tokayev) vs "kaiev"/"kaev"
    res = res.replace("ai", "a").replace("oi", "o").replace("ui", "u")
    return res
