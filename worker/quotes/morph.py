"""Tiny morphology helpers: suffix-tolerant matching of names and titles.

Kazakh attaches case, possessive and plural endings to names and titles
(Тоқаевтың, Президентіне, басшысы); Russian inflects them (Смирнова, главы).
Instead of a stemmer these helpers ask whether a written word is a known base
plus a known ending, which is enough to match a mention against a name.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from .lexicon import NOUN_SUFFIXES, OBLIQUE_ENDINGS, TITLE_ALIASES, TITLE_HEADS

__all__ = ["base_matches", "in_oblique_case", "same_stem", "strip_suffix", "title_head", "is_capitalized"]

_MAX_SUFFIX = max(len(s) for s in NOUN_SUFFIXES)
_HEAD_PREFIXES = frozenset(h[:3] for h in TITLE_HEADS) | frozenset(a[:3] for a in TITLE_ALIASES)


def base_matches(word: str, base: str) -> bool:
    """True when ``word`` is ``base`` followed by a known ending (case-insensitive)."""
    w = word.lower()
    b = base.lower()
    if w == b:
        return True
    if w.startswith(b) and w[len(b) :] in NOUN_SUFFIXES:
        return True
    # Russian feminine and -а nouns: Соколова -> Соколовой, глава -> главы.
    if len(b) > 3 and b[-1] in "ая" and w.startswith(b[:-1]):
        rest = w[len(b) - 1 :]
        return rest in ("ой", "у", "е", "ы", "и", "ою", "ей", "ю")
    return False


def in_oblique_case(word: str, base: str) -> bool:
    """True when ``word`` is ``base`` in a case other than the nominative (Сейітовке, Сеитову, Соколовой)."""
    w = word.lower()
    b = base.lower()
    if w == b:
        return False
    if w.startswith(b):
        ending = w[len(b) :]
        if ending in ("ы", "и") and b[-1] not in "аеёиоуыэюяәіөұү":
            return False  # чемпионы: a Kazakh possessive (Олимпиада чемпионы) or a Russian plural, both subjects
        return ending in OBLIQUE_ENDINGS
    if len(b) > 3 and b[-1] in "ая" and w.startswith(b[:-1]):
        return w[len(b) - 1 :] in ("ой", "у", "е", "ы", "и", "ою", "ей", "ю")
    return b[-2:] in _RU_ADJECTIVAL_CASES and _ru_adjectival_oblique(w, b)


#: The Russian adjectival surname endings in the nominative (Фаворская, Высоцкий, Толстой) and their
#: endings in the other cases (Фаворской, Высоцкого, Толстому) (s9-qru).
_RU_ADJECTIVAL_CASES: Final = MappingProxyType(
    {
        "ая": ("ой", "ую", "ою"),
        "ий": ("ого", "ому", "им", "ом"),
        "ый": ("ого", "ому", "ым", "ом"),
        "ой": ("ого", "ому", "ым", "ом"),
    }
)


def _ru_adjectival_oblique(w: str, b: str) -> bool:
    """``адвокат Фаворской``: an adjectival surname (Фаворская, Высоцкий) in an oblique case, whose
    ending replaces two letters of the nominative's, not one."""
    return len(b) > 5 and w.startswith(b[:-2]) and w[len(b) - 2 :] in _RU_ADJECTIVAL_CASES[b[-2:]]


def same_stem(a: str, b: str) -> bool:
    """True when one word is the other plus a known ending."""
    return base_matches(a, b) or base_matches(b, a)


def strip_suffix(word: str) -> str:
    """Longest known ending removed, keeping at least three letters (lower case)."""
    w = word.lower()
    for k in range(min(_MAX_SUFFIX, len(w) - 3), 0, -1):
        if w[-k:] in NOUN_SUFFIXES:
            return w[:-k]
    return w


def title_head(word: str) -> str | None:
    """The title head (``президент``) a written word is a form of, or None."""
    w = word.lower()
    if w[:3] not in _HEAD_PREFIXES:
        return None
    if w in TITLE_HEADS:
        return w
    if w in TITLE_ALIASES:
        return TITLE_ALIASES[w]
    for k in range(len(w) - 1, max(len(w) - _MAX_SUFFIX, 1) - 1, -1):
        head = w[:k]
        if head in TITLE_HEADS and w[k:] in NOUN_SUFFIXES:
            return head
    if len(w) > 3 and w[-1] in "ыи" and (w[:-1] + "а") in TITLE_HEADS:
        return w[:-1] + "а"
    return None


def is_capitalized(word: str) -> bool:
    """Starts with an upper-case letter (names, initials)."""
    return bool(word) and word[0].isupper()
