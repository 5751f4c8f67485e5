"""Hostile input families: reproducible bodies that stress the decoder and the extractors.

One canonical set, shared by ``scripts/bench_hostile.py`` (which times each extractor on them) and
``tests/unit/test_hostile_input.py`` (which checks nothing crashes and the work stays linear).

``FAMILIES`` maps a family name to a builder: size in bytes -> a text of about that many bytes of
UTF-8 (cut on a character boundary, so at most ``size``). ``RAW_FAMILIES`` holds the families that
also have message bytes of their own for the decoder (random bytes, invalid UTF-8, nested and huge
JSON). Everything is deterministic: the random families are seeded, so a size always gives the same
text. Pure Python, standard library only: importing this module loads nothing else of ``worker``.
"""

from __future__ import annotations

import random
from collections.abc import Callable

__all__ = [
    "BIDI",
    "CONTROL",
    "DASHES",
    "FAMILIES",
    "KAZAKH",
    "QUOTE_MARKS",
    "RAW_FAMILIES",
    "SEED_LIKE",
    "ZERO_WIDTH",
    "broken_utf8",
    "fit",
    "json_text",
    "long_line",
    "mixed_scripts",
    "random_bytes",
    "random_text",
    "random_words",
]

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\u180e"
CONTROL = "".join(chr(c) for c in range(32)) + "\x7f\x85\u2028\u2029"
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
QUOTE_MARKS = "\"'«»“”„‟‘’‚‛‹›「」『』〝〞＂"
DASHES = "-‐‑‒–—―⸺⸻−﹘﹣－"
KAZAKH = "ӘәҒғҚқҢңӨөҰұҮүҺһІіАаБбДдЕеЖжЗзКкЛлМмНнОоПпРрСсТтУуШшЫыЭэЮюЯя"
SEED_LIKE = "Қасым-Жомарт Тоқаев: «Біз бірге жұмыс істейміз», - деді Президент. Мишустин айтты. "

_MIXED_WORDS = (
    "Тоқаев", "Tokayev", "托卡耶夫", "Токаев", "«сәлем»", "said", "сказал", "деді", "Ἀθῆναι", "ⲁⲃ", "ꙮ", "𝐀𝐁𝐂",
    "🇰🇿", "ＴＯＫＡＹＥＶ", "Тoкaев", "Astana:", '"hi"', "—", "\u0301", "\u0488",
)
_JSON_RECORD = '{"name": "Тоқаев", "said": "Біз бірге жұмыс істейміз", "tags": ["a", "b"], "n": 1}, '


def fit(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` bytes of UTF-8, cut on a character boundary."""
    repeats = size // max(1, len(unit.encode())) + 1
    return (unit * repeats).encode()[:size].decode("utf-8", "ignore")


def random_bytes(size: int) -> bytes:
    """``size`` random bytes, the same for the same size."""
    return random.Random(size).randbytes(size)  # noqa: S311 - reproducible test input, not secrets


def random_text(size: int) -> str:
    """Random bytes read as UTF-8 with replacement: U+FFFD, controls and stray letters."""
    return random_bytes(size).decode("utf-8", "replace").encode()[:size].decode("utf-8", "ignore")


def broken_utf8(size: int) -> bytes:
    """Kazakh news bytes with one byte in fifty replaced by a byte that breaks UTF-8."""
    rng = random.Random(size + 1)  # noqa: S311 - reproducible test input, not secrets
    data = bytearray(fit(SEED_LIKE, size).encode())
    for _ in range(max(1, size // 50)):
        data[rng.randrange(len(data))] = rng.choice(b"\xff\xfe\x80\xc0\xed\xf4")
    return bytes(data)


def mixed_scripts(size: int) -> str:
    """Words in many scripts, homoglyphs, fullwidth and mathematical letters, flags and lone combining marks."""
    rng = random.Random(7)  # noqa: S311 - reproducible test input, not secrets
    return fit(" ".join(rng.choice(_MIXED_WORDS) for _ in range(size // 4 + 1)), size)


def long_line(size: int) -> str:
    """One line without spaces: random Kazakh and Latin letters in both cases."""
    rng = random.Random(11)  # noqa: S311 - reproducible test input, not secrets
    return fit("".join(rng.choice(KAZAKH + "ABCDEFabcdef") for _ in range(4096)), size)


def random_words(size: int) -> str:
    """Random Kazakh words of 3 to 9 letters, either case, separated by spaces."""
    rng = random.Random(13)  # noqa: S311 - reproducible test input, not secrets
    words = ("".join(rng.choice(KAZAKH) for _ in range(rng.randint(3, 9))) for _ in range(size))
    return fit(" ".join(next(words) for _ in range(size // 8 + 1)), size)


def json_text(size: int) -> str:
    """A JSON array of records as text, never closed."""
    return fit("[" + _JSON_RECORD * (size // len(_JSON_RECORD.encode()) + 1), size)


#: Hostile families: size in bytes -> a body of about that many bytes of UTF-8.
FAMILIES: dict[str, Callable[[int], str]] = {
    "kazakh-news": lambda n: fit(SEED_LIKE, n),
    "random-bytes": random_text,
    "invalid-utf8": lambda n: broken_utf8(n).decode("utf-8", "replace"),
    "nested-json": lambda n: fit('[{"a":«', n),
    "huge-json": json_text,
    "zero-width": lambda n: fit("Тоқаев\u200b\u200d\ufeff деді: «сә\u200bлем» " + ZERO_WIDTH, n),
    "control": lambda n: fit(CONTROL + "A", n),
    "mixed-scripts": mixed_scripts,
    "rtl": lambda n: fit("\u202eمرحبا שלום Тоқаев «сәлем» деді\u202c Nazarbayev said \"hi\". \u200f" + BIDI, n),
    "ascii-quotes": lambda n: fit('"', n),
    "open-guillemets": lambda n: fit("«", n),
    "close-guillemets": lambda n: fit("»", n),
    "curly-quotes": lambda n: fit("“”„", n),
    "apostrophes": lambda n: fit("'", n),
    "all-quote-marks": lambda n: fit(QUOTE_MARKS, n),
    "hyphens": lambda n: fit("-", n),
    "dashes": lambda n: fit("— ", n),
    "all-dashes": lambda n: fit(DASHES + " ", n),
    "separators": lambda n: fit(", – ", n),
    "dash-attributions": lambda n: fit(", – деді ", n),
    "dash-paragraphs": lambda n: fit("– Біз бірге жұмыс істейміз, – деді Тоқаев.\n", n),
    "dash-lines": lambda n: fit("– Біз бірге жұмыс істейміз\n", n),
    "blank-lines": lambda n: fit("Біз, – деді ол\n" + "\n" * 2000, n),
    "newlines": lambda n: fit("\n", n),
    "long-line": long_line,
    "long-word": lambda n: fit("а", n),
    "random-words": random_words,
    "colon-quotes-kk": lambda n: fit("Ол: «Біз бірге жұмыс істейміз» деді. ", n),
    "colon-quotes-en": lambda n: fit('X: "We will work together" ', n),
    "colon-quotes-ru": lambda n: fit("Путин заявил: «Мы будем работать вместе». ", n),
    "colon-newline": lambda n: fit("Тоқаев былай деді:\n– Біз бірге жұмыс істейміз.\n", n),
    "quote-pairs": lambda n: fit("«a» ", n),
    "speech-verbs": lambda n: fit("деді ", n),
    "speech-verbs-mixed": lambda n: fit("деді said сказал деп атап өтті заявил ", n),
    "nested-guillemets": lambda n: fit("««««»»»»", n),
    "unbalanced-guillemets": lambda n: fit("«««« »»» ", n),
    "guillemets-in-words": lambda n: fit("«Біз «бірге «жұмыс ", n),
    "capitalised-names": lambda n: fit("Қасым-Жомарт Тоқаев Астана Мишустин ", n),
    "capitalised-words": lambda n: fit("ABC DEF GHI ", n),
    "title-words": lambda n: fit("Президент министр әкім ", n),
    "title-speakers": lambda n: fit("Министр Асқар Мамин келді. Министр: «Біз бірге жұмыс істейміз» деді. ", n),
    "pronoun-speakers": lambda n: fit("Тоқаев келді. Ол: «Біз бірге жұмыс істейміз», – деді ол. ", n),
    "all-forms": lambda n: fit(
        "– Біз, – деді ол.\nТоқаев былай деді:\n– Жұмыс.\nОл: «Біз» деді. X: \"We\" \n«Сөз» – Тоқаев\n", n
    ),
}

#: Decoder-only families: the message bytes themselves.
RAW_FAMILIES: dict[str, Callable[[int], bytes]] = {
    "random-bytes": random_bytes,
    "invalid-utf8": lambda n: b'{"id":"x","body":"' + broken_utf8(n) + b'"}',
    "nested-json": lambda n: b'{"id":"x","body":"y","extra":' + b"[" * (n // 2) + b"0" + b"]" * (n // 2) + b"}",
    "huge-json": lambda n: b'{"id":"x","body":"y","k":[' + b"1," * (n // 2) + b"1]}",
}
