"""Which parts of a text the entity layer reads: prose lines, cut into sentences, pieces and chunks.

Hostile input (random bytes, dumps, run-on lines) is judged line by line and cut where the cost per
token stays bounded; a line that cannot name anything (no capital, mostly symbols) is not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from worker.entities.compiled import use_sources_if_needed
from worker.entities.tokens import Token, count_tokens
from worker.text.script import CYRILLIC_LOWER, CYRILLIC_UPPER, LATIN_LOWER, LATIN_UPPER

#: Sentences longer than this many tokens are cut into pieces of at most _PIECE tokens.
_LONG_SENTENCE = 160

_PIECE = 100

_HAS_ALNUM = re.compile(r"[^\W_]")

#: A line that is not empty (runs of blank lines are skipped without a step each).
_LINE = re.compile(r"[^\n]+")


def _pieces(sent: list[Token]) -> list[list[Token]]:
    """A sentence, or for a run-on one (hostile input) pieces of it, cut after lower-case words.

    Every piece is tagged as a sentence of its own, so the cost per token stays the
    same however long the line is, and repeated pieces are tagged once per item.
    """
    n = len(sent)
    if n <= _LONG_SENTENCE:
        return [sent]
    out: list[list[Token]] = []
    i = 0
    while n - i > _LONG_SENTENCE:
        cut = i + _PIECE
        for j in range(i + _PIECE, i + _PIECE * 2 // 3, -1):
            c = sent[j - 1].text[:1]
            if c.islower() or c in ",;:":
                cut = j
                break
        out.append(sent[i:cut])
        i = cut
    out.append(sent[i:])
    return out


_UP = CYRILLIC_UPPER

_LOW = CYRILLIC_LOWER

_PLAIN = rf"(?:[{_UP}]?[{_LOW}]+|[{_UP}]+|[{LATIN_UPPER}]?[{LATIN_LOWER}]+|[{LATIN_UPPER}]+|\d+)"

#: A word as news spells it: one script (Cyrillic or Latin), lower case, capitalised or upper case.
_PLAIN_WORD = re.compile(rf"(?<!\w){_PLAIN}(?:[-'’.]{_PLAIN})*(?!\w)")

#: Punctuation news uses, standing alone.
_PLAIN_MARK = re.compile(r"(?<!\w)[-.'’](?!\w)|[,:;!?«»\"“”„()\[\]–—%/…№+*]")

#: A character plain words and marks do not have (another script, a symbol, a control or
#: replacement character), and a capital straight after a lower-case letter: a line with
#: neither is prose, without counting its tokens.
_ODD_CHAR = re.compile(rf"[^\s{LATIN_UPPER}{LATIN_LOWER}0-9А-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі.,:;!?«»\"“”„()\[\]–—%/…№+*'’_-]")

_CASE_SHIFT = re.compile(rf"[{LATIN_LOWER}{_LOW}][{LATIN_UPPER}{_UP}]")

#: Code points past which every character is odd and neither letter class (U+3000, the ideographic
#: space, is the last whitespace).
_TABLE_END = 0x3001


def _char_table() -> bytes:
    """Per code point below ``_TABLE_END``: 1 when ``_ODD_CHAR`` does not match it, 2 when it is in
    ``_CASE_SHIFT``'s lower-case class, 4 when in its capital class; read by ``_tokens.plain_chars``."""
    lower = re.compile(rf"[{LATIN_LOWER}{_LOW}]")
    upper = re.compile(rf"[{LATIN_UPPER}{_UP}]")
    flags = bytearray(_TABLE_END)
    for code in range(_TABLE_END):
        ch = chr(code)
        flags[code] = (
            (0 if _ODD_CHAR.match(ch) else 1) | (2 if lower.match(ch) else 0) | (4 if upper.match(ch) else 0)
        )
    return bytes(flags)


def _load_plain_chars() -> Callable[[str], bool] | None:
    """``_tokens.plain_chars`` with its table where the compiled build is current, else None."""
    if use_sources_if_needed() != "compiled":
        return None
    try:
        from worker.entities._tokens import plain_chars as native
    except ImportError:
        return None
    table = _char_table()
    return lambda line: native(line, table)


_PLAIN_CHARS = _load_plain_chars()


def plain_chars(line: str) -> bool:
    """Whether ``line`` has no odd character and no capital straight after a lower-case letter."""
    if _PLAIN_CHARS is not None:
        return _PLAIN_CHARS(line)
    return _ODD_CHAR.search(line) is None and _CASE_SHIFT.search(line) is None


#: An odd character that is not an invisible format character (those separate words like spaces).
_ODD_VISIBLE = re.compile(rf"(?![\u00ad\u200b-\u200f\u2060-\u2064\ufeff]){_ODD_CHAR.pattern}")

#: Lines of at least this many tokens with this share of other tokens (mixed scripts, mixed case,
#: replacement characters, symbols) are not prose: random bytes, dumps, markup.
_JUNK_MIN_TOKENS = 20

_JUNK_SHARE = 0.25

#: Prose is mostly words; a line of fewer (JSON, markup, tables of symbols) is not searched.
_MIN_WORD_SHARE = 0.4

#: Characters of a long line the judgement reads.
_JUNK_SAMPLE = 2000


def _prose(line: str) -> bool:
    """Whether a line can name anything: it has a capital (or a web address), and is not junk."""
    if line.lower() == line and "." not in line:
        return False
    if len(line) < _JUNK_MIN_TOKENS:
        return True
    if plain_chars(line):
        return True
    # judged on its start: the cost stays bounded however long the line
    sample = line[:_JUNK_SAMPLE]
    if len(_ODD_VISIBLE.findall(sample)) * 2 >= len(sample):
        return False  # mostly other scripts, symbols, controls or replacement characters: random bytes
    n = count_tokens(sample)
    if n < _JUNK_MIN_TOKENS:
        return True
    words = len(_PLAIN_WORD.findall(sample))
    plain = words + len(_PLAIN_MARK.findall(sample))
    return n - plain < _JUNK_SHARE * n and words >= _MIN_WORD_SHARE * n


#: Where a sentence ends inside a line, as ``sentences`` cuts it: at ! ? … and at a full stop
#: that is not inside a word (zakon.kz, 1.5).
_SENTENCE_END = re.compile(r"[!?…]|(?<!\w)\.|\.(?!\w)")


def _segments(line: str) -> list[tuple[int, str]]:
    """(offset, text) of the parts of a line that can name anything; none if not prose.

    A line is one part; a long one (hostile input, a dump of text) is cut into its
    sentences, and a run-on sentence into chunks (see ``_chunks``), so that repeats
    inside it are read once.
    """
    if _HAS_ALNUM.search(line) is None or not _prose(line):
        return []
    if len(line) <= _LONG_CHARS:
        return [(0, line)]
    out: list[tuple[int, str]] = []
    start = 0
    for m in _SENTENCE_END.finditer(line):
        end = m.end()
        out.extend((start + k, chunk) for k, chunk in _chunks(line[start:end]))
        start = end
    if start < len(line):
        out.extend((start + k, chunk) for k, chunk in _chunks(line[start:]))
    return out


#: Lines and sentences longer than this many characters are cut into sentences and chunks:
#: at the first break after a lower-case word or , ; : between _CHUNK_MIN and _CHUNK_MAX
#: characters into the chunk, else at the first space after _CHUNK_MIN.
_LONG_CHARS = 1500

_CHUNK_MIN = 600

_CHUNK_MAX = 900

_SOFT_BREAK = re.compile(rf"(?<!\S)[{_LOW}{LATIN_LOWER}]\S*\s+|[,;:]\s+")

_ANY_BREAK = re.compile(r"\s+")


def _chunks(sentence: str) -> list[tuple[int, str]]:
    """(offset, text) of the chunks of a long sentence, cut only where tokens are apart.

    Where to cut depends only on the text near the cut, so a sentence that repeats itself
    (hostile input) repeats its chunks too, and each distinct chunk is tokenized and
    tagged once per item.
    """
    n = len(sentence)
    if n <= _LONG_CHARS:
        return [(0, sentence)]
    out: list[tuple[int, str]] = []
    start = 0
    while n - start > _LONG_CHARS:
        m = _SOFT_BREAK.search(sentence, start + _CHUNK_MIN, start + _CHUNK_MAX)
        if m is None:
            m = _ANY_BREAK.search(sentence, start + _CHUNK_MIN)
            if m is None:
                break
        out.append((start, sentence[start : m.end()]))
        start = m.end()
    out.append((start, sentence[start:]))
    return out
