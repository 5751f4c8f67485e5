"""Script-independent keys for names: Тоқаев, Токаев, Tokayev and Toqaev give one key.

The key is a rough phonetic skeleton, used only to compare names and to hash
ids; it is never shown.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from worker.text.script import looks_latin_kazakh

__all__ = ["kk_cyrillic", "kk_cyrillic_same_length", "kk_latin", "looks_latin_kazakh", "skeleton", "to_latin"]

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


# Latin-script Kazakh as the gazetteer writes it (the 2021 alphabet: Qazaqstan, Äzırbaijan, Ūlytau;
# ы -> y, і -> ı, й and и -> i, ш -> ş, я -> ia, ч -> ch).
_KK_TO_LATIN = {
    **{k: v for k, v in _CYR.items() if k not in "әғқңөұүыіийшщчхцюяёжһ"},
    "ә": "ä",
    "ғ": "ğ",
    "қ": "q",
    "ң": "ñ",
    "ө": "ö",
    "ұ": "ū",
    "ү": "ü",
    "ы": "y",
    "і": "ı",
    "и": "i",
    "й": "i",
    "ш": "ş",
    "щ": "ş",
    "ч": "ch",
    "х": "h",
    "һ": "h",
    "ц": "ts",
    "ю": "iu",
    "я": "ia",
    "ё": "ë",
    "ж": "j",
}
_LATIN_TO_KK = {
    "a": "а",
    "ä": "ә",
    "á": "ә",
    "b": "б",
    "c": "ц",
    "ç": "ч",
    "d": "д",
    "e": "е",
    "ë": "ё",
    "f": "ф",
    "g": "г",
    "ğ": "ғ",
    "ǵ": "ғ",
    "h": "х",
    "ı": "і",
    "i": "и",
    "j": "ж",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "ñ": "ң",
    "ń": "ң",
    "o": "о",
    "ö": "ө",
    "ó": "ө",
    "p": "п",
    "q": "қ",
    "r": "р",
    "s": "с",
    "ş": "ш",
    "t": "т",
    "u": "у",
    "ū": "ұ",
    "ü": "ү",
    "ú": "ү",
    "v": "в",
    "w": "у",
    "x": "кс",
    "y": "ы",
    "z": "з",
}
_LATIN_DIGRAPHS = (("ch", "ч"), ("sh", "ш"), ("zh", "ж"), ("iia", "ия"), ("iu", "ю"), ("ia", "я"))
_VOWELS_LATIN = frozenset("aäeëıioöuūüy")


def kk_latin(text: str) -> str:
    """Kazakh Cyrillic in the Latin script the gazetteer uses; capitals kept on first letters."""
    out: list[str] = []
    for ch in text:
        low = ch.lower()
        lat = _KK_TO_LATIN.get(low)
        if lat is None:
            out.append(ch)
        elif ch != low:
            out.append(lat[:1].upper() + lat[1:])
        else:
            out.append(lat)
    return "".join(out)


def kk_cyrillic(text: str) -> str:
    """Latin-script Kazakh in Cyrillic, letter by letter (Qazaqstanğa -> Қазақстанға): good enough
    for the Cyrillic recogniser and the gazetteer, not a spelling."""
    out: list[str] = []
    low = text.lower()
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        upper = ch != low[i]
        done = False
        for lat, cyr in _LATIN_DIGRAPHS:
            if low.startswith(lat, i) and (lat[0] != "i" or i == 0 or low[i - 1] in _VOWELS_LATIN or lat == "iia"):
                out.append(cyr[:1].upper() + cyr[1:] if upper else cyr)
                i += len(lat)
                done = True
                break
        if done:
            continue
        c = _LATIN_TO_KK.get(low[i])
        if c is None:
            out.append(ch)
        else:
            if c == "и" and i > 0 and low[i - 1] in _VOWELS_LATIN:
                c = "й"  # Äzırbaijan: a glide after a vowel
            out.append(c.upper() if upper else c)
        i += 1
    return "".join(out)


#: The 2018 Latin alphabet with acute letters (Qazaqstan, ákimi, dedi, deıdi, aýyl): ``i`` is і, ``ı`` is и/й,
#: ``ý`` is у, ``u`` is ұ; the 2021 one (äkimi, Şımkent) keeps the default table.
_LATIN_2018_TO_KK = {**_LATIN_TO_KK, "i": "і", "ı": "и", "ý": "у", "u": "ұ"}
_ACUTE_2018 = re.compile("[áǵńóúýÁǴŃÓÚÝ]")


def kk_cyrillic_same_length(text: str) -> str:
    """``kk_cyrillic`` one letter for one letter (no digraphs), so that offsets into the Cyrillic
    text are offsets into the Latin one: for scanning Latin Kazakh with Cyrillic word lists."""
    out: list[str] = []
    prev = ""
    table = _LATIN_2018_TO_KK if _ACUTE_2018.search(text) is not None else _LATIN_TO_KK
    for ch in text:
        low = ch.lower()
        c = table.get(low)
        if c is None:
            out.append(ch)
        else:
            if c == "и" and (prev in _VOWELS_LATIN or prev in "áóú"):
                c = "й"
            c = c[0]
            out.append(c.upper() if ch != low else c)
        prev = low
    return "".join(out)
