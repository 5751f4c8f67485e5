"""Kazakh shapes of a speaker phrase that name someone who does not speak.

Kazakh marks a noun's role by its ending, so a person or a title written in a speaker phrase is not
always its subject: ``Президенттің баспасөз хатшысы Руслан Желдібай`` (the genitive owns the next
noun), ``деді облыс әкімі Президентке`` (the dative is the one spoken to), ``Президент Әкімшілігі``
(a title naming a body), ``Ашынған жұрт`` (a participle that opens a sentence, capitalised as every
first word is). These helpers tell such words apart; ``speakers.Resolver`` asks them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from worker.entities.features import first_names

from .morph import title_head
from .scan import WORD_RE

__all__ = [
    "addressed_title",
    "FOLK_SAYING_RE",
    "kk_addressee",
    "kk_joined_possessor",
    "kk_possessor",
    "kk_reports",
    "kk_those_at",
    "THOSE_AT_RE",
    "kin_word",
    "opening_modifier",
    "person_document",
    "title_only_name",
]

#: Genitive endings (Тоқаевтың, Президенттің, министрінің): the word owns the noun after it.
_GENITIVE: Final = ("ның", "нің", "дың", "дің", "тың", "тің")

#: The words that join two names: a genitive after them owns a noun for both (Махмұд пен Төрехан Сабырханның).
_AND: Final = frozenset({"мен", "пен", "бен", "және"})

#: Dative endings (Президентке, Тоқаевқа, әкіміне): the one spoken to.
_DATIVE: Final = ("ға", "ге", "қа", "ке", "на", "не")

#: Words after a genitive name that still make it the speaker: ``Тоқаевтың айтуынша``.
_REPORTED: Final = frozenset({"айтуынша", "сөзінше", "пікірінше", "мәліметінше", "хабарлауынша", "мәлімдеуінше"})

#: Modifiers a title takes in a body's or a post's name (Бас мүфти, вице-министр written apart).
_TITLE_MODIFIERS: Final = frozenset({"бас", "вице", "экс", "аға", "бірінші"})

#: Participle and adjective endings of a word that qualifies the noun after it (Ашынған жұрт, Жұмыссыз
#: жастар, Ауылдағы тұрғындар): never a name, however it is capitalised at a sentence's start.
_MODIFIER_END: Final = re.compile(r"(?:ған|ген|қан|кен|атын|етін|йтын|йтін|сыз|сіз|шыл|шіл|дағы|дегі|тағы|тегі)$")

#: What may stand before a sentence's first word.
_SENTENCE_BREAK: Final = frozenset('.!?\n…:«"“„—–-')


def _last_word(written: str) -> str:
    parts = written.split()
    return parts[-1].lower() if parts else ""


def _next_word(text: str, pos: int, end: int) -> str:
    """The word right after ``pos`` (within ``end``), lower-cased; empty when none."""
    w = WORD_RE.search(text, pos, end)
    return w.group().lower() if w is not None and not text[pos : w.start()].strip(" \t") else ""


def kk_possessor(text: str, mstart: int, mend: int, phrase_end: int) -> bool:
    """``Президенттің баспасөз хатшысы Руслан Желдібай``, ``Бас прокуратура Бишімбаевтың соты``: the
    mention ends in a genitive ending and the phrase goes on with the noun it owns, whose holder speaks,
    not the owner (``Тоқаевтың айтуынша`` names the speaker and stays)."""
    last = _last_word(text[mstart:mend])
    if len(last) < 5 or not last.endswith(_GENITIVE):
        return False
    after = _next_word(text, mend, phrase_end)
    return bool(after) and after not in _REPORTED


def kk_joined_possessor(text: str, mend: int, phrase_end: int) -> bool:
    """``Махмұд пен Төрехан Сабырханның анасы``: a name joined by мен, пен, бен or және to a genitive that
    owns the next noun owns it with that genitive, wherever it stands in the phrase."""
    words = WORD_RE.findall(text, mend, phrase_end)[:4]
    if not words or words[0].lower() not in _AND:
        return False
    for k, word in enumerate(words[1:3], 1):
        if word.lower().endswith(_GENITIVE) and len(word) >= 5:
            # және Шиқұдық ауылының тұрғыны Сералы Нұртанов: a common noun in the genitive describes the next
            # one named, who is a second speaker; only a name in the genitive owns with the first
            return word[0].isupper() and k + 1 < len(words) and words[k + 1].lower() not in _REPORTED
    return False


def kk_addressee(text: str, mstart: int, mend: int, phrase_start: int) -> bool:
    """``..., – деді облыс әкімі Президентке``: a mention in the dative after another word of the
    phrase is the one spoken to, never the speaker."""
    last = _last_word(text[mstart:mend])
    if len(last) < 5 or not last.endswith(_DATIVE):
        return False
    head = title_head(last)
    if head is not None:
        if not last.startswith(head) or last[len(head) :] not in ("ға", "ге", "қа", "ке", "ына", "іне", "сына", "сіне"):
            return False
    elif not re.search(r"(?:ов|ев|ин|ұлы|қызы|ова|ева|ина)(?:қа|ке|ға|ге|на|не)$", last):
        return False  # a surname in the dative only: other words ending so are no names
    return bool(WORD_RE.search(text, phrase_start, mstart))


def addressed_title(text: str, mstart: int, mend: int, in_body: bool) -> bool:
    """``Президент Әкімшілігі басшысының орынбасары``: a one-word title that the entity layer took for the
    person holding it, written inside a body's name: the body's, not the person's."""
    written = text[mstart:mend]
    return in_body and " " not in written.strip() and title_head(written) is not None


def title_only_name(name: str) -> bool:
    """``Бас Мүфти``: a PERSON whose name is a title and its modifiers, no name at all."""
    parts = name.lower().split()
    if not parts or title_head(parts[-1]) is None:
        return False
    return all(p in _TITLE_MODIFIERS or title_head(p) is not None for p in parts[:-1])


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """The first names the entity layer knows, as written (Тілеген, Берген)."""
    return frozenset(first_names())


def opening_modifier(text: str, first: re.Match[str], second: re.Match[str] | None) -> bool:
    """``Ашынған жұрт «...», деп отыр``: the phrase opens a sentence with a capitalised participle or
    adjective before a lower-case noun: a description of people the item does not name."""
    if second is None or not second.group()[:1].islower():
        return False
    word = first.group().lower()
    if len(word) < 5 or _MODIFIER_END.search(word) is None or first.group() in _first_names():
        return False  # Тілеген аға: a first name that ends as a participle does
    k = first.start() - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in _SENTENCE_BREAK


#: What a person writes, in any case (жазбасында, парақшасында, мақаласында): never a body's press release. (Not
#: пост: the Russian ``говорится в посте`` is anyone's post on a network.)
_PERSON_DOCUMENTS: Final = ("жазба", "парақша", "мақала")


def person_document(words: Sequence[re.Match[str]]) -> bool:
    """``..., – делінген жазбада``: the phrase is a post or a page, one or two lower-case words, which
    the person the item says wrote it speaks through (Facebook-тегі парақшасында жазды)."""
    return (
        1 <= len(words) <= 2
        and all(w.group().islower() for w in words)
        and (words[-1].group().startswith(_PERSON_DOCUMENTS))
    )


#: The press office words a body reports through before an according-to word (баспасөз қызметінің).
_REPORTING_OFFICE: Final = frozenset({"баспасөз", "қызметінің", "ресми", "өкілінің", "өкілдерінің"})


def kk_reports(after: Sequence[str]) -> bool:
    """The words after a body's name are its press office, if any, then an according-to word
    (баспасөз қызметінің хабарлауынша, мәліметінше): the narration reports what the body says."""
    for word in after[:4]:
        low = word.lower()
        if low in _REPORTED:
            return True
        if low not in _REPORTING_OFFICE:
            return False
    return False


#: ``орталықтағылар``, ``агенттіктегілер``, ``ведомстводағылар``: a noun in the locative, made an adjective (-ғы, -гі)
#: and a plural noun: the people at that place, a body's people speaking for it (s11-spk).
#: A regex, not only a function, so that a phrase's words cost no Python steps to check (hostile-input budget):
#: ``THOSE_AT_RE.search`` finds one in a stretch of text, ``THOSE_AT_RE.fullmatch`` tells a lower-cased word.
THOSE_AT_RE: Final = re.compile(r"(?<!\w)(\w{4,}?)(?:нда|нде|да|де|та|те)(?:ғы|гі|қы|кі)(?:лар|лер)(?!\w)")


def kk_those_at(word: str) -> str | None:
    """``орталықтағылар`` -> ``орталық``: the place or body a word for those at it names, lower-cased; None
    when the word is not made so."""
    m = THOSE_AT_RE.fullmatch(word.lower())
    return m.group(1) if m is not None else None


#: Kin a headline names a speaker by, possessed (Сабырханның анасы, чемпионның әкесі, әкімнің жұбайы).
_KIN: Final = frozenset(
    {"анасы", "әкесі", "жұбайы", "әйелі", "күйеуі", "ұлы", "қызы", "інісі", "ағасы", "апасы", "әпкесі", "бауыры"}
)


def kin_word(words: Sequence[re.Match[str]]) -> str | None:
    """``Төрехан Сабырханның анасы``: the kinship noun the phrase ends in, lower-cased; None otherwise."""
    last = words[-1].group().lower() if words else ""
    return last if last in _KIN else None


# -- s9-qkk: proverbs the text cites ---------------------------------------------------------------

#: ``«Не ексең, соны орарсың» деп тегін айтылмаған``, ``«Елдестірмек – елшіден» дейді қазақ``, ``деген қазақ
#: мақалы``: the words in marks are a proverb the writer cites, said by the people at large, not a quote of
#: anyone. Matched at the cue: a not-in-vain word right after it; or a saying's noun (мақал, never мақала, an
#: article, whose writer speaks; нақыл; аталы сөз) among the next three words; or the folk or the forebears
#: ending the clause (дейді қазақ, дейді көреген халық, дейді дана халқымыз). A regex, not a function, so the
#: check costs no Python steps per candidate (see the hostile-input budget).
FOLK_SAYING_RE: Final = re.compile(
    r"(?:деп|дейді|деген|дейтін)[ \t]+(?:"
    r"(?:тегін|бекер|текке|босқа)\b"
    r"|(?:[^\W\d_]+[ \t]+){0,2}(?:мақал(?!а)|нақыл|аталы)"
    r"|(?:[^\W\d_]+[ \t]+){0,2}"
    r"(?:қазақ|халық|халқымыз|бабамыз|бабаларымыз|ата-бабамыз|ата-бабаларымыз)[ \t]*(?:[.,;!?\n]|$)"
    r")",
    re.IGNORECASE,
)
