"""Tokenizer with code point offsets, close to KazNERD's tokenization."""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Token", "tokenize", "sentences"]

# Words keep inner hyphens, apostrophes and dots (Нұр-Сұлтан, zakon.kz, Көктал-1);
# any other non-space character is a token of its own.
_TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_LINE_TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*|\n|[^\w\s]")
_SENT_END = frozenset(".!?…")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with offsets (end exclusive)."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def sentences(text: str) -> list[list[Token]]:
    """Tokens grouped into sentences: split at line breaks and at . ! ? tokens."""
    out: list[list[Token]] = []
    cur: list[Token] = []
    new = tuple.__new__
    for m in _LINE_TOKEN_RE.finditer(text):
        word = m.group()
        if word == "\n":
            if cur:
                out.append(cur)
                cur = []
            continue
        start, end = m.span()
        cur.append(new(Token, (word, start, end)))
        if word in _SENT_END:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out
