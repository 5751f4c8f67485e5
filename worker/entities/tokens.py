"""Tokenizer with code point offsets, close to KazNERD's tokenization."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from worker.entities.compiled import use_sources_if_needed

__all__ = ["Token", "count_tokens", "tokenize", "sentences", "sentences_py"]

# Words keep inner hyphens, apostrophes and dots (Нұр-Сұлтан, zakon.kz, Көктал-1);
# any other non-space character is a token of its own, except invisible format
# characters (soft hyphen, zero-width space and joiners, BOM), which separate like spaces.
_TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_LINE_TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*|\n|[^\w\s\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_SENT_END = frozenset(".!?…")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with offsets (end exclusive)."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def count_tokens(text: str) -> int:
    """How many tokens ``tokenize`` would make of ``text`` (without making them)."""
    return len(_TOKEN_RE.findall(text))


_Sentences = Callable[[str, int, int, type[Token]], list[list[Token]]]


def _load_native() -> _Sentences | None:
    """``_tokens.c``'s ``sentences`` where the compiled build is current, else None."""
    if use_sources_if_needed() != "compiled":
        return None
    try:
        from worker.entities._tokens import sentences as native
    except ImportError:
        return None
    return native


_NATIVE = _load_native()


def sentences(text: str, pos: int = 0, endpos: int | None = None) -> list[list[Token]]:
    """Tokens grouped into sentences: split at line breaks and at . ! ? tokens.

    With ``pos`` and ``endpos``, only ``text[pos:endpos]`` is read (offsets stay
    offsets into ``text``).  The same as ``sentences_py``; in C where built.
    """
    end = len(text) if endpos is None else endpos
    if _NATIVE is not None:
        return _NATIVE(text, pos, end, Token)
    return sentences_py(text, pos, end)


def sentences_py(text: str, pos: int = 0, endpos: int | None = None) -> list[list[Token]]:
    """``sentences`` in Python."""
    out: list[list[Token]] = []
    cur: list[Token] = []
    new = tuple.__new__
    find = text.find
    # offsets by searching forward: between two tokens there is only space, so a word's
    # first occurrence from the end of the last token is where it stands (cheaper than
    # match objects)
    at = pos
    for word in _LINE_TOKEN_RE.findall(text, pos, len(text) if endpos is None else endpos):
        if word == "\n":
            at = find("\n", at) + 1
            if cur:
                out.append(cur)
                cur = []
            continue
        start = find(word, at)
        at = start + len(word)
        cur.append(new(Token, (word, start, at)))
        if word in _SENT_END:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out
