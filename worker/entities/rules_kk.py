"""Kazakh rules over a sentence's spans: the ҚР prefix, a place and the body named after it, the words
around a name (outlets, events, settlements, families), places named with their kind; and a one-word
"person" that only opens sentences."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from worker.entities.features import common_word, head_class
from worker.entities.gazetteer import hashed_id, load_gazetteer
from worker.entities.morphology import match_stem_kk, nominative_kk, nominative_kk_name, stems_written_in
from worker.entities.ner import (
    _MORE_OTHER_HEADS,
    _SONG,
    _STARTERS,
    KIND_LEVELS,
    UNIT_KINDS,
    Span,
    _group_word,
    _is_plural,
    _other_head,
    acronym,
)
from worker.entities.people import _INITIALLED, _first_name
from worker.entities.records import _Found
from worker.entities.rules_ru import mention_in_quotes
from worker.entities.segment import _HAS_ALNUM
from worker.entities.spans import _CLOSE_QUOTES
from worker.entities.tokens import Token, tokenize
from worker.model import Mention
from worker.text.script import CYRILLIC, CYRILLIC_LOWER, CYRILLIC_UPPER, LATIN_LOWER, LATIN_UPPER

#: How Kazakh news writes "the Republic of Kazakhstan's" before a body or a post.
_HOME_PREFIX = "ҚР"


def _home_prefix(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """ҚР before a body is part of its name (ҚР сенаты, ҚР Ауыл шаруашылығы министрлігі); before a post or a
    code (ҚР Президенті, ҚР ҚПК) it is a prefix, no place of its own.  ҚР alone (ҚР-да, ҚР мен Ресей) is
    still the country."""
    out: list[Span] = []
    split: list[Span] = []
    for sp in spans:
        home = next((k for k in range(sp.start + 1, sp.end) if texts[k] == _HOME_PREFIX), -1)
        if sp.type != "ORG" or home < 0:
            split.append(sp)
            continue
        # ҚР opens a body's name inside a longer span: what stands before it is another name (Сыбайлас
        # жемқорлыққа қарсы қызмет ҚР Экология ... министрлігінің), or no name (2010 жылы ҚР ...)
        if any(texts[k][:1].isupper() for k in range(sp.start, home)):
            split.append(Span(sp.start, home, "ORG", None))
        split.append(Span(home, sp.end, "ORG", None))
    spans = split
    by_start = {sp.start: sp for sp in spans}
    skip = -1
    for sp in spans:
        if sp.start == skip:
            continue
        j = sp.end
        if sp.end - sp.start != 1 or texts[sp.start] != _HOME_PREFIX or j >= len(texts):
            out.append(sp)
            continue
        nxt = texts[j]
        after = by_start.get(j)
        if nxt in _LIST_JOINS or not _HAS_ALNUM.search(nxt):
            out.append(sp)
        elif after is not None and after.type == "ORG":
            out.append(Span(sp.start, after.end, "ORG", None))
            skip = j
        elif after is None and nxt[:1].islower() and head_class(nxt) == "ORG":
            out.append(Span(sp.start, j + 1, "ORG", None))  # ҚР сенаты
        # else: a prefix; what follows it is a span of its own, if any
    return out


#: What joins a place to a body of its own: the place's kind (Шымкент қаласы полиция департаменті), an
#: adjective of the place (Петропавл қалалық соты), or бойынша (Маңғыстау облысы бойынша ... департаменті).
_PLACE_OF_BODY = re.compile(r"(қала|облыс|аудан)(сы|ы)(ның)?|облыстық|қалалық|аудандық|ауданаралық|бойынша")

#: The most words between a place and the head of its body.
_BODY_REACH = 6


def _region_centre(texts: tuple[str, ...], k: int) -> bool:
    """Token ``k`` is the centre of a region or a district (облыс орталығы, облысының әкімшілік орталығы, ауданының
    орталығы): a town, no body."""
    if match_stem_kk(texts[k]) != "орталық":
        return False
    j = k - 1 if texts[k - 1] == "әкімшілік" else k
    return j > 0 and texts[j - 1].lower().startswith(("облыс", "аудан"))


def _bare_head_before_kind(head: str, nxt: str) -> bool:
    """A body's head without its possessive (полиция) before a possessive noun (бөлімі, бөлімінің): the
    noun is the name's last word, the head its attribute."""
    stem = match_stem_kk(nxt)
    return (
        head.islower()
        and match_stem_kk(head) == head
        and nxt.isalpha()
        and nxt.islower()
        and nxt != stem
        and head_class(nxt) in ("ORG", "ORGW")
    )


def _a_maslikhat(word: str) -> bool:
    """A local assembly's or a philharmonic's word with its possessive, in any case (мәслихатының, филармониясы): a
    place's body, which the tagger's head classes lack (Марқакөл ауданы мәслихатының төрағасы, Қызылорда облыстық
    филармониясының)."""
    return word.startswith(("мәслихаты", "филармония"))


def _place_and_body(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A Kazakh place and the body named after it are one organisation (Шымкент қаласы полиция департаменті,
    Петропавл қалалық соты, Астана қаласы бойынша Сыбайлас жемқорлыққа қарсы қызмет), not a place and a body."""
    out: list[Span] = []
    by_start = {sp.start: sp for sp in spans}
    skip_to = -1
    n = len(texts)
    for sp in spans:
        if sp.start < skip_to:
            continue
        person = sp.type == "PERSON" and sp.end - sp.start == 1
        if sp.type not in ("GPE", "LOC") and not person:
            out.append(sp)
            continue
        j = sp.end
        joined = _PLACE_OF_BODY.fullmatch(texts[j - 1].lower()) is not None and j - sp.start > 1
        while j < n and _PLACE_OF_BODY.fullmatch(texts[j]) and not (person and texts[j] == "бойынша"):
            # a person's name before a place's word names the place (Абай облыстық соты)
            joined = True
            j += 1
        end = -1
        if joined and j in by_start and by_start[j].type == "ORG":
            end = by_start[j].end
        elif joined:
            for k in range(j, min(n, j + _BODY_REACH)):
                if not texts[k].isalpha() or (k > j and not texts[k][:1].islower()) or k in by_start:
                    break  # the body's own words, the first maybe capitalised (Сыбайлас жемқорлыққа ...)
                if (head_class(texts[k]) == "ORG" or _a_maslikhat(texts[k])) and not (
                    k + 1 < n and head_class(texts[k + 1]) == "ORG" and not _a_meeting(texts, k + 1)
                ):
                    if _region_centre(texts, k):
                        break  # Жезқазған қаласы облыс орталығына айналады: a city, the region's centre
                    if k + 1 < n and texts[k + 1] in _OPEN_KK_QUOTES:
                        break  # Атырау облыстық орталық «Нұр» мешіті: a word of the quoted name's body
                    end = k + 1
                    if k + 1 < n and _bare_head_before_kind(texts[k], texts[k + 1]):
                        end = k + 2  # желілік полиция бөлімі: the bare head names the unit's kind
                    break
        if end < 0:
            out.append(sp)
            continue
        out.append(Span(sp.start, end, "ORG", None))
        skip_to = end
    return out


#: A kind of settlement or street after a one-word name: the name is a place's (Павлов елді мекені).
_SETTLEMENT = re.compile(
    r"(ауыл|кент|қала|аудан|облыс|өзен|көл|көше|даңғыл|шағынаудан|мекен|қыстағ)(ы|і|сы|сі)"
    r"(ның|нің|нда|нде|на|не|нан|нен|н|ндағы|ндегі)?"
)

#: Plural endings: a surname in the plural names a family (Мұсабаевтар отбасы), no one person.
_PLURAL_NAME = re.compile(r".+(тар|тер|лар|лер|дар|дер)(ы|і)?(ның|нің|ға|ге|да|де|ды|ді|ын|ін|мен|пен|бен)?")

#: Kinds of outlet after its name, in any case form (телеарнасы, газетінің, агенттігіне).
_KK_OUTLET = re.compile(
    r"(теле)?(арна|газет|агенттіг|портал|радио|журнал)(сы|ы|і|ін|сын|ның|нің|на|не|нда|нде|нан|нен)*"
)

#: Heads of a sports event named after a place (Азия ойындарында, Қазақстан кубогының), in any case form.
_KK_EVENT = re.compile(r"(ойындар|чемпионат|кубог|олимпиада|спартакиада)(ы|і|сы)?\w{0,5}")


#: Words that name a part or a kind of a place before its name (Қара Ертіс, Кіші Алматы, Орталық Қазақстан
#: облысы): with a place's name after them, a place's name, whatever a person's name may look like.
GEOGRAPHIC_MODIFIERS = frozenset(
    "Қара Ақ Сары Көк Қызыл Кіші Үлкен Ұлы Төменгі Жоғарғы Орта Солтүстік Оңтүстік Батыс Шығыс "
    "Орталық".split()
)


def _places_with_modifiers(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A place with a geographic modifier before it that no name took, or that the CRF took for a name of its
    own (Ақ Ертіске, Шығыс | Жетісу облысы), is a place of that name: the modifier is its first word."""
    out: list[Span] = []
    for sp in spans:
        k = sp.start - 1
        if sp.type in ("GPE", "LOC") and k >= 0 and texts[k] in GEOGRAPHIC_MODIFIERS:
            prev = out[-1] if out else None
            if prev is not None and prev.end > k:
                if prev.start != k or prev.end != sp.start or prev.type == "PERSON":
                    out.append(sp)
                    continue
                out.pop()
            out.append(Span(k, sp.end, sp.type, None))
            continue
        out.append(sp)
    return out


def _modified_place(texts: tuple[str, ...], s: int, e: int) -> str:
    """The type of the place that a "person" of two words is, a geographic modifier before a place the gazetteer
    knows (Қара Ертісті: the river); empty when it is none."""
    if e - s != 2 or texts[s] not in GEOGRAPHIC_MODIFIERS:
        return ""
    entry = load_gazetteer().lookup(texts[s + 1], "kk")
    return entry.type if entry is not None and entry.type in ("GPE", "LOC") else ""


def _words_around_kk(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """What the words around a Kazakh name say.  A place's name before an outlet's kind names the outlet
    («Қазақстан» телеарнасы); before a sports event's head, the event (Азия ойындары: no place).  A
    "person" before a settlement's kind is a place (Павлов елді мекені); in the plural, a family
    (Мұсабаевтар отбасы); a post before the name is no part of it (экс-Премьер Ә.Смайылов); a capitalised
    common word after the name opens the body that follows (Қ. Ерғалиев Орталық коммуникациялар
    қызметіндегі -> Қ. Ерғалиев, Орталық коммуникациялар қызметі)."""
    out: list[Span] = []
    n = len(texts)
    taken = {j for sp in spans for j in range(sp.start, sp.end)}
    for sp in spans:
        if sp.type in ("GPE", "LOC") and sp.end < n:
            # a place's name before a kind of outlet, or in quotes before a body's head, is that outlet or
            # body («Қазақстан» телеарнасы, Астана газеті), not the place
            k = sp.end + 1 if texts[sp.end] in _CLOSE_QUOTES and sp.end + 1 < n else sp.end
            if _KK_OUTLET.fullmatch(texts[k]) or (k > sp.end and head_class(texts[k]) == "ORG"):
                out.append(Span(sp.start, sp.end, "ORG", None))
                continue
            if _KK_EVENT.fullmatch(texts[sp.end]):
                continue  # Азия ойындары, Қазақстан кубогы: an event's name, no place named

        if sp.type != "PERSON" or sp.entry is not None:
            out.append(sp)
            continue
        s, e = sp.start, sp.end
        nxt = texts[e] if e < n else ""
        if e - s == 1 and (_SETTLEMENT.fullmatch(nxt) or (nxt == "елді" and e + 1 < n)):
            out.append(Span(s, e, "GPE", None))
            continue
        place = _modified_place(texts, s, e)
        if place:
            out.append(Span(s, e, place, None))
            continue
        if _PLURAL_NAME.fullmatch(texts[e - 1]) and texts[e - 1][:1].isupper() and e - s == 1:
            continue
        while e - s > 1 and (texts[s][:1].islower() or texts[s].lower().startswith("экс-")):
            s += 1  # a word or a post before the name (экс-Премьер Ә.Смайылов)
        body = -1
        if e - s >= 2 and texts[e - 1][:1].isupper() and common_word(texts[e - 1]):
            # a common word with a capital after a name opens what follows it, when that ends in a body
            for k in range(e, min(n, e + 4)):
                if k in taken or not texts[k].isalpha() or not texts[k][:1].islower():
                    break
                if head_class(texts[k]) == "ORG":
                    body = k + 1
                    break
        if body > 0:
            out.append(Span(s, e - 1, "PERSON", None))
            out.append(Span(e - 1, body, "ORG", None))
        else:
            out.append(Span(s, e, "PERSON", None))
    return out


#: A kind of place that is part of a Kazakh place's name (Атырау облысы, Бәйдібек ауданы, Бозкөл ауылдық
#: округі, Қасқасу өзені), as a city's is not (Алматы қаласы: Алматы): its stem, in the singular or the
#: plural, with a possessive and any case ending.
_PLACE_KIND = re.compile(
    r"(облыс|аудан|округ|өзен|көл|көше|даңғыл|гүлзар|алаң|қорығ|шатқал|кеніш|қорым|бөгет)(тар|тер|дар|дер|лар|лер)?(ы|і|сі)"
    r"(ның|нің|нда|нде|на|не|нан|нен|н|ндағы|ндегі|мен)?"
)

#: The kind's name in the nominative, and the word before it that a rural district needs.
_KIND_NAME = {
    "облыс": "облысы",
    "аудан": "ауданы",
    "округ": "округі",
    "өзен": "өзені",
    "көл": "көлі",
    "көше": "көшесі",
    "даңғыл": "даңғылы",
    "гүлзар": "гүлзары",
    "алаң": "алаңы",
    "қорығ": "қорығы",
    "шатқал": "шатқалы",
    "кеніш": "кеніші",
    "қорым": "қорымы",
    "бөгет": "бөгеті",
}

#: Kinds of street and square: named after anyone or anything (Абай даңғылы, Жібек жолы көшесі), so
#: whatever name stands before one is the street's.
_STREET_KINDS = frozenset(("көше", "даңғыл", "гүлзар", "алаң"))

_KIND_NAMES = frozenset(_KIND_NAME.values())

_WATERS = frozenset(("өзені", "көлі"))

#: Kinds of place named after a town or a person near them, known or not (Қаратау қорығы, Қаражанбас кеніші,
#: Өгем шатқалы, Қошқарбай қорымы, Щербаков бөгеті): the place is named with its kind, as a river is.
_NAMED_AFTER_NEIGHBOURS = frozenset(("қорығы", "шатқалы", "кеніші", "қорымы", "бөгеті"))

_KIND_BEFORE = {"округ": "ауылдық"}

#: What stands between places listed before one plural kind (Ақмола, Жамбыл және Ақтөбе облыстарында).
_LIST_JOINS = frozenset((",", "және", "мен", "пен", "бен", "немесе"))


def _kind_at(texts: tuple[str, ...], j: int) -> tuple[int, tuple[str, ...], bool] | None:
    """The kind of place that starts at token ``j``: one past it, its words in the nominative, plural."""
    n = len(texts)
    k = j
    before = ""
    if k < n and texts[k] == "ауылдық":
        before = texts[k]
        k += 1
    if k >= n:
        return None
    m = _PLACE_KIND.fullmatch(texts[k])
    if m is None or _KIND_BEFORE.get(m.group(1), "") != before:
        return None
    words = (before, _KIND_NAME[m.group(1)]) if before else (_KIND_NAME[m.group(1)],)
    return k + 1, words, m.group(2) is not None


def _named_with_kind(
    texts: tuple[str, ...], sp: Span, words: tuple[str, ...], free: Callable[[int], bool]
) -> tuple[int, tuple[str, ...]] | None:
    """Where a place's name with its kind starts, and its words: an unknown place takes any kind; a known
    one only a kind the gazetteer names it with (Атырау облысы), maybe with a capitalised word before it
    that the span left out (Солтүстік Қазақстан облысы, not Қазақстан облысы); a river or a lake any
    place.  ШҚО is a region already."""
    place = texts[sp.start : sp.end]
    if len(place) == 1 and place[0].isupper():
        return None
    k = sp.start - 1
    if k >= 0 and texts[k] in GEOGRAPHIC_MODIFIERS and free(k):
        # a part of a place is named with its modifier (Кіші Алматы өзені, Орталық Қазақстан облысы)
        return k, (texts[k], *words)
    if sp.entry is None or words[-1] in _WATERS or words[-1] in _NAMED_AFTER_NEIGHBOURS or words[-1] == "округі":
        # a river or a lake named like a town is the river (Есіл өзені), a rural district named after its
        # village the district (Көкпекті ауылдық округі)
        return sp.start, words
    gaz = load_gazetteer()
    entry = gaz.lookup(" ".join(words), "kk")
    if entry is not None and entry.type in ("GPE", "LOC"):
        return sp.start, words
    if k >= 0 and texts[k][:1].isupper() and free(k):
        entry = gaz.lookup(" ".join((texts[k], *words)), "kk")
        if entry is not None and entry.type in ("GPE", "LOC"):
            return k, (texts[k], *words)
    return None


#: A quarter or a settlement after its name, which is named without it (Тастыбұлақ шағынауданы: Тастыбұлақ).
_QUARTER = re.compile(r"(шағынаудан|ықшамаудан|ауыл|кент|қыстағ)(ы|і)(ның|нің|нда|нде|на|не|нан|нен|н|ндағы|ндегі)?")


#: The first letters of the street and quarter kinds: a quick test before their patterns.
_KIND_INITIALS = frozenset("кдгашықо")


def _street_kind(texts: tuple[str, ...], j: int) -> bool:
    """A kind of street or square at token ``j`` (даңғылы, көшелерінде, гүлзарында)."""
    m = _PLACE_KIND.fullmatch(texts[j]) if 0 <= j < len(texts) else None
    return m is not None and m.group(1) in _STREET_KINDS


def _streets(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A name before a kind of street or square is the street's, whoever it is named after (Абай
    даңғылы, not the poet; Ақжар гүлзары, not the village): a place of no gazetteer entry, for
    ``_places_with_kinds`` to name with its kind; so is each name of a list before one plural kind
    (Абай және Алатау даңғылдарында)."""
    covered = {j for sp in spans for j in range(sp.start, sp.end)}
    out = list(spans)
    for k in range(2, len(texts)):
        if texts[k][:1] not in _KIND_INITIALS:
            continue
        # a capitalised word no span took, not opening the sentence (Бейбітшілік гүлзарында)
        if _street_kind(texts, k) and k - 1 not in covered and texts[k - 1][:1].isupper() and texts[k - 1].isalpha():
            s = k - 1
            while s - 1 > 0 and s - 1 not in covered and texts[s - 1][:1].isupper() and texts[s - 1].isalpha():
                s -= 1
            out.append(Span(s, k, "LOC", None))
        elif (
            _QUARTER.fullmatch(texts[k])
            and {k - 1, k - 2}.isdisjoint(covered)
            and texts[k - 1][:1].isupper()
            and texts[k - 1].isalpha()
            and not texts[k - 2][:1].isupper()
        ):
            out.append(Span(k - 1, k, "GPE", None))  # Самал шағынауданында, Ақбұлақ ауылында
    for i in range(len(out) - 1, -1, -1):
        sp = out[i]
        joins = [j for j in range(sp.start + 1, sp.end - 1) if texts[j] in _LIST_JOINS]
        if joins and sp.type != "ORG" and _street_kind(texts, sp.end - 1):
            # one span over a list before its plural kind (Жібек және Төле би даңғылдарында): a span each
            bounds = [sp.start - 1, *joins, sp.end]
            parts = zip(bounds, bounds[1:], strict=False)
            out[i : i + 1] = [Span(a + 1, b, "LOC", None) for a, b in parts if b > a + 1]
    out.sort(key=lambda sp: sp.start)
    street_from = -1  # the start of the name after a join that a plural street kind follows
    for i in range(len(out) - 1, -1, -1):
        sp = out[i]
        own = sp.end - sp.start > 1 and _street_kind(texts, sp.end - 1)
        direct = _street_kind(texts, sp.end)
        listed = street_from >= 0 and all(texts[j] in _LIST_JOINS for j in range(sp.end, street_from))
        if sp.type == "FAC" and sp.end < len(texts) and _QUARTER.fullmatch(texts[sp.end]):
            out[i] = Span(sp.start, sp.end, "GPE", None)  # Тастыбұлақ шағынауданы: a quarter, named bare
            street_from = -1
            continue
        first = texts[sp.start][:1]
        if sp.type != "ORG" and (own or direct or listed) and (first.isupper() or first.isdigit()):
            out[i] = Span(sp.start, sp.end, "LOC", None)
            kind = sp.end - 1 if own else sp.end
            plural = _PLACE_KIND.fullmatch(texts[kind])
            street_from = sp.start if (listed or (plural is not None and plural.group(2))) else -1
        else:
            street_from = -1
    return out


#: A settlement's or a district's kind after its name, singular or plural, with its possessive (ауылы,
#: ауылдарында, кентінің, елді мекендері, ауылдық округтеріне, аудандарында); the word before that a
#: settlement or a rural district needs.
_SETTLEMENT_KIND = re.compile(
    r"(ауыл|кент|қыстағ|мекен|округ|аудан)(дар|дер|тер|тар)?(ы|і)(ның|нің|нда|нде|на|не|нан|нен|н|ндағы|ндегі|мен)?"
)
_SETTLEMENT_BEFORE = {"мекен": "елді", "округ": "ауылдық"}

#: Lower-case words inside a settlement's name (Өтеген батыр, Шақпақ баба, Жетес би).
_SETTLEMENT_INNER = frozenset(("батыр", "би", "баба", "ата", "ана"))

#: A word in the genitive, the locative or as an attribute: no settlement's name before its kind (Ауданның
#: ауылдары, Шалғайдағы ауылы: the district's villages).
_NOT_SETTLEMENT_END = re.compile(r".+(ның|нің|дың|дің|тың|тің|дағы|дегі|тағы|тегі|нда|нде)")

#: Capitalised words before a settlement's kind that are no name (Аудан ауылдарында, Облыс аудандарында).
_SETTLEMENT_NOT_NAMES = frozenset(("Аудан", "Облыс", "Өңір", "Қала", "Ел", "Көрші", "Шалғай", "Шекаралық", "Ауыл"))


def _settlement_kind_at(texts: tuple[str, ...], k: int) -> tuple[int, bool] | None:
    """A settlement's kind at token ``k``: where its words start (елді мекендері: at елді) and whether it is
    plural."""
    m = _SETTLEMENT_KIND.fullmatch(texts[k])
    if m is None:
        return None
    before = _SETTLEMENT_BEFORE.get(m.group(1))
    if before is not None:
        if k == 0 or texts[k - 1] != before:
            return None
        k -= 1
    return k, m.group(2) is not None


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").isalpha() and not word.isupper()


def _opener(texts: tuple[str, ...], s: int) -> bool:
    """A sentence's first word that opens no name: a starter or a word in a case (Көктемде, Биыл)."""
    word = texts[0]
    if s != 0 or word.lower() in _STARTERS:
        return s == 0
    return bool(_NOT_SETTLEMENT_END.fullmatch(word) or _CLAUSE_WORD.fullmatch(word))


#: A surname's or a patronymic's end (Оразбаев, Сейітова, Қанатұлы).
_SURNAME_SHAPE = re.compile(r"(ов|ев|ёв|ова|ева|ёва|ин|ина|ұлы|қызы)$")


def _first_name_opens_a_settlement(texts: tuple[str, ...], s: int, by_end: Mapping[int, Span]) -> bool:
    """Whether a first name right before a one-word settlement's name is the name's first word (Сұлтан Рабат
    ауылы, read as two places): capitalised, an unknown place to the tagger or nothing at a sentence's start, no
    person."""
    if s < 1 or not _capitalised(texts[s - 1]) or not _first_name(texts[s - 1], "kk"):
        return False
    if texts[0].lower() in _STARTERS and s == 1:
        return False
    before = by_end.get(s)  # read as a place too, not as a person (Ерлан Жаңатас ауылына барды: Ерлан went)
    if before is None:
        return s == 1  # opening the sentence, untagged (Сұлтан Рабат ауылында ...)
    return before.end - before.start == 1 and before.type == "GPE" and before.entry is None


def _settlement_name_before(texts: tuple[str, ...], p: int, by_end: Mapping[int, Span], covered: set[int]) -> int:
    """Where the name of a settlement that ends at token ``p`` starts (-1 for none): the span that ends
    there, less a plural or lower-case word opening it (Құтқарушылар Тасөткел), else its capitalised words,
    a sentence's first only alone (Кеше Ақтоғай ауданына: Ақтоғай)."""
    if p < 0:
        return -1
    q = p - 1 if texts[p].isdigit() and p > 0 else p  # Көксай 2 ауылы
    word = texts[q]
    if not _capitalised(word) or word in _SETTLEMENT_NOT_NAMES or _NOT_SETTLEMENT_END.fullmatch(word):
        return -1
    if q == 0 and word.lower() in _STARTERS:
        return -1
    sp = by_end.get(q + 1)
    if sp is not None:
        if sp.type not in ("GPE", "LOC", "FAC", "PERSON", "ORG") or sp.end - sp.start > 3:
            return -1
        if sp.type == "ORG" and (sp.entry is not None or acronym(texts[sp.start])):
            return -1
        s = sp.start
        while s < q and (not _capitalised(texts[s]) or _PLURAL_NAME.fullmatch(texts[s]) or _opener(texts, s)):
            s += 1
        if s == q and _first_name_opens_a_settlement(texts, s, by_end):
            s -= 1
        if sp.type == "PERSON":
            # a person's name run on into the settlement's (аудан әкімі Мұхтар Оразбаев Жалғызағым елді мекенінде):
            # the settlement is named by the words after the surname
            s = max([s, *(j + 1 for j in range(s, q) if _SURNAME_SHAPE.search(texts[j]))])
        return s
    s = q
    while s - 1 >= 1 and s - q < 2 and (
        (_capitalised(texts[s - 1]) and s - 1 not in covered and texts[s - 1] not in _SETTLEMENT_NOT_NAMES)
        or (texts[s - 1] in _SETTLEMENT_INNER and s - 2 >= 0 and _capitalised(texts[s - 2]))
    ):
        s -= 1
    if texts[s] in _SETTLEMENT_INNER:
        s += 1
    return s


def _settlements(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """Settlements and districts before their kind, each a place however the tagger took it: a village or a
    town (Бесарық елді мекенінде, Шұбар ауылдық округіне, Екпінді ауылындағы opening a sentence), and each
    of a list before one plural kind (Бесқайнар, Талғар елді мекендерінде; Ақсу, Көксу және Қаратал
    аудандарында), not a person, a facility or a body."""
    n = len(texts)
    items: list[tuple[int, int]] = []
    by_end: dict[int, Span] = {}
    covered: set[int] = set()
    for k in range(1, n):
        if texts[k][:1] not in "аекмо" or (kind := _settlement_kind_at(texts, k)) is None:
            continue
        if not by_end and spans:
            by_end = {sp.end: sp for sp in spans}
            covered = {j for sp in spans for j in range(sp.start, sp.end)}
        start, plural = kind
        if start in covered or k in covered:
            continue  # a span over the kind names more than the place (Шаған ауылдық округі әкімдігі)
        p = start - 1
        while (s := _settlement_name_before(texts, p, by_end, covered)) >= 0:
            items.append((s, p + 1))
            if not plural:
                break
            j = s - 1
            while j >= 1 and texts[j] in _LIST_JOINS:
                j -= 1
            if j == s - 1:
                break
            p = j
    if not items:
        return spans
    out = [sp for sp in spans if not any(sp.start < e and s < sp.end for s, e in items)]
    for sp in spans:
        # the person whose name the settlement's ran on from keeps the words before it
        cut = next((s for s, e in items if sp.type == "PERSON" and sp.start < s < sp.end <= e), -1)
        if cut > 0:
            out.append(Span(sp.start, cut, "PERSON", None))
    for s, e in items:
        kept = next((sp for sp in spans if sp.start == s and sp.end == e and sp.type in ("GPE", "LOC")), None)
        out.append(kept if kept is not None else Span(s, e, "GPE", None))
    out.sort(key=lambda sp: sp.start)
    return out


def _places_with_kinds(texts: tuple[str, ...], spans: list[Span]) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """Kazakh places named with the kind after them (Бозкөл ауылдық округіне -> Бозкөл ауылдық округі), and
    each place of a list before one plural kind (Ақмола, Жамбыл облыстары -> Ақмола облысы, Жамбыл облысы).

    Returns the spans, a place's span grown over its own kind, and per span start the words of its name
    where they are not the span's own (the kind in the nominative singular)."""
    out: list[Span] = []
    names: dict[int, tuple[str, ...]] = {}
    starts = {sp.start: sp for sp in spans}
    covered = {j for sp in spans for j in range(sp.start, sp.end)}

    def free(k: int) -> bool:
        return k not in covered

    for sp in spans:
        # a region named after a person heads or joins a list of regions (Абай, Жетісу облыстары)
        person = _person_in_a_list(texts, sp)
        if sp.type not in ("GPE", "LOC") and not person:
            out.append(sp)
            continue
        # the kind is the span's last word (Жамбыл облыстары), right after it (Атырау облысы), or after
        # a list of places that ends with it
        end = sp.end
        kind: tuple[int, tuple[str, ...], bool] | None = None
        own = next((k for k in range(sp.start + 1, sp.end) if (_kind_at(texts, k) or (0,))[0] == sp.end), -1)
        if own >= 0 and not person:
            kind = _kind_at(texts, own)
        elif not person and (kind := _kind_at(texts, sp.end)) is not None:
            own, end = sp.end, kind[0]
        else:
            j = sp.end
            while j < len(texts):
                if texts[j] in _LIST_JOINS or (texts[j][:1].isupper() and free(j)):
                    j += 1  # a join, or a word of a place the spans missed (Солтүстік Қазақстан)
                elif j in starts and (starts[j].type in ("GPE", "LOC") or _person_in_a_list(texts, starts[j])):
                    last = starts[j]
                    tail = next((k for k in range(last.start + 1, last.end) if _kind_at(texts, k) is not None), -1)
                    if tail >= 0:
                        j = tail
                        break
                    j = last.end
                else:
                    break
            listed = _kind_at(texts, j) if j > sp.end else None
            if listed is not None and listed[2]:
                kind, own = listed, sp.end
        named = _named_with_kind(texts, sp, (*texts[sp.start : own], *kind[1]), free) if kind is not None else None
        if person and named is not None:
            region = load_gazetteer().lookup(" ".join(named[1]), "kk")
            named = named if region is not None and region.type in ("GPE", "LOC") else None
        if named is None:
            out.append(sp)
            continue
        names[named[0]] = named[1]
        out.append(Span(named[0], end, "GPE" if person else sp.type, None))
    return out, names


def _person_in_a_list(texts: tuple[str, ...], sp: Span) -> bool:
    """A one-word "person" before a list's join (Абай, Жетісу ... облыстары): maybe a region named after them."""
    return sp.type == "PERSON" and sp.end - sp.start == 1 and sp.end < len(texts) and texts[sp.end] in _LIST_JOINS


def _bare_kk(word: str, stem: str) -> bool:
    """A Kazakh title word without a case ending (Президент, Президенті): only such a title stands in
    apposition to the name after it; Қазақстан Президентіне Путиннің сәлемін is two people."""
    low = word.lower()
    return low.startswith(stem) and low[len(stem) :] in ("", "ы", "і", "сы", "сі")


#: Words that make a bare title the country's own (елдің Президенті, президент страны).
_OWN_COUNTRY = frozenset(
    ("ел", "елдің", "еліміздің", "мемлекет", "мемлекеттің", "республика", "республиканың", "страны", "республики")
)

_OPENS_SENTENCE = re.compile(r"(?:^|[.!?…»/]\s+|\n\s*)[«\"“„]?$")

#: The labels of a caption or a credit (Фото: ..., Коллаж: ...), which a capital and a colon make look like names.
_CAPTION_WORDS = frozenset(("фото", "сурет", "коллаж", "видео", "инфографика", "иллюстрация", "скриншот"))


def _acronyms_of_full_names(found: dict[str, _Found]) -> None:
    """A body's acronym the item also names in full is that body, listed once under its full name (ПД after
    Алматы қалалық полиция департаменті): the acronym's letters are the initials of the name's last words."""
    full: dict[str, list[_Found]] = {}
    for rec in found.values():
        words = rec.name.split()
        if rec.type == "ORG" and len(words) >= 2:
            initials = "".join(w[:1] for w in words).upper()
            for n in range(2, min(len(words), 6) + 1):
                full.setdefault(initials[-n:], []).append(rec)
    if not full:
        return
    for eid, rec in list(found.items()):
        bodies = full.get(rec.name)
        if rec.type == "ORG" and acronym(rec.name) and bodies and len(bodies) == 1 and bodies[0] is not rec:
            bodies[0].absorb(rec)
            del found[eid]


#: The third person possessive an inner word of a Kazakh body's name takes (Қаржы мониторингі агенттігі).
_INNER_POSSESSIVE = frozenset(("ы", "і", "сы", "сі"))


def _with_inner_possessive(long: list[str], short: list[str]) -> bool:
    """Whether ``long`` is ``short`` with a possessive on inner words that ``short`` lacks."""
    pairs = zip(long[:-1], short[:-1], strict=True)
    return long != short and all(a == b or (a.startswith(b) and a[len(b) :] in _INNER_POSSESSIVE) for a, b in pairs)


def _bodies_spelt_two_ways(found: dict[str, _Found]) -> None:
    """A body the page writes both with and without an inner word's possessive (Қаржы мониторинг агенттігі,
    Қаржы мониторингі агенттігі) is one body, named in the grammatical form: the izafet keeps the -і of
    every inner noun, only the head word's case ending goes."""
    by_head: dict[tuple[int, str], list[tuple[_Found, list[str]]]] = {}
    for rec in found.values():
        if rec.type == "ORG" and " " in rec.name:
            words = rec.name.lower().split()
            by_head.setdefault((len(words), words[-1]), []).append((rec, words))
    for group in by_head.values():
        if len(group) < 2:
            continue
        for rec, words in group:
            if rec.entity_id not in found:
                continue
            for other, other_words in group:
                if other is not rec and other.entity_id in found and _with_inner_possessive(words, other_words):
                    rec.absorb(other)
                    del found[other.entity_id]


def _quoted_places_of_the_items_clubs(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """A place's name the item writes only in quotes («Астана» 56 ұпаймен) is the club or the body the item
    names so elsewhere by its kind or its match («Астана» клубы, «Астанадан» жеңілді): one organisation.  A name
    the item writes before the kind of a work or an event («Еуразия» кинофестивалі) is that title where it stands
    alone in quotes too: no entity."""
    titles = {
        m.group(1).strip().lower()
        for text in fields.values()
        for m in _QUOTED_THEN_WORD.finditer(text)
        # «Алуа» би ансамблі: the dance the group performs, no work
        if (_SONG.fullmatch(m.group(2)) or _work_or_event(m.group(2))) and not _group_word(m.group(3) or "")
    }
    orgs = {rec.name.lower(): rec for rec in found.values() if rec.type == "ORG" and rec.entry is None}
    for eid, rec in list(found.items()):
        quoted = bool(rec.mentions) and all(
            mention_in_quotes(fields.get(m.field, ""), m.start, m.end) for *_, m in rec.mentions
        )
        if not quoted:
            continue
        if rec.name.lower() in titles and rec.type in ("PERSON", "ORG", "GPE", "LOC"):
            del found[eid]
            continue
        org = orgs.get(rec.name.lower()) if rec.type in ("GPE", "LOC") else None
        if org is not None:
            org.absorb(rec)
            del found[eid]


def _work_or_event(word: str) -> bool:
    """Whether a lower-case word is the kind of a work, a programme or an event (кинофестивалі, ертегісі,
    бағдарламасы), not of a product (сайты: an outlet's too)."""
    return (_MORE_OTHER_HEADS.get(match_stem_kk(word)) or head_class(word)) in ("EVENT", "ART", "PROJECT")


#: A name in quotes, then a lower-case word («Еуразия» кинофестивалі).
_QUOTED_THEN_WORD = re.compile(
    f"[«“„\"]([^«»“”„\"\n]{{1,60}})[»”\"][ \t]+([{CYRILLIC_LOWER}]+)(?:[ \t]+([{CYRILLIC_LOWER}-]+))?"
)


#: A first name closing a line, right before a name that opens the next (... ауыл әкімі Данияр\nЕлеусінов).
_FIRST_NAME_AT_LINE_END = re.compile(f"(?<![{CYRILLIC_LOWER}])([{CYRILLIC_UPPER}][{CYRILLIC_LOWER}]+)[ \t]*\n[ \t]*$")


def _names_over_a_line_break(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """A person's name a hard line break splits (Данияр\nЕлеусінов айтты) is one name: a surname opening a line
    after a first name that closes the line before takes that first name, and its mention grows over it; the
    first name is no mention of its own."""
    joined: dict[tuple[int, int], tuple[_Found, int]] = {}
    for rec in found.values():
        if rec.type != "PERSON":
            continue
        for k, (field_no, start, end, m) in enumerate(rec.mentions):
            text = fields.get(m.field, "")
            if start < 2 or " " in m.text or "\n" not in text[max(0, start - 4) : start]:
                continue
            got = _FIRST_NAME_AT_LINE_END.search(text, max(0, start - 30), start)
            if got is None or not _first_name(got.group(1), "kk") or _first_name(m.text, "kk"):
                continue
            at = got.start(1)
            rec.mentions[k] = (field_no, at, end, Mention(text[at:end], m.field, at, end))
            joined[(field_no, at)] = (rec, end)
            if " " not in rec.name and rec.entry is None:
                rec.name = f"{got.group(1)} {rec.name}"
    if not joined:
        return
    for eid, rec in list(found.items()):
        kept = [x for x in rec.mentions if joined.get((x[0], x[1]), (rec, x[2])) == (rec, x[2])]
        if len(kept) < len(rec.mentions):
            rec.mentions[:] = kept
            if not kept:
                del found[eid]
    for rec in {id(r): r for r, _end in joined.values()}.values():
        if rec.entry is None and rec.entity_id != hashed_id(rec.name, "PERSON") and rec.entity_id in found:
            _rekey(found, rec.entity_id, rec)


def _surname_shaped(word: str) -> bool:
    return _KK_SURNAME_END.search(word.lower()) is not None or _KK_PATRONYMIC.fullmatch(word) is not None


def _in_a_comma_list(text: str, start: int, end: int) -> bool:
    """Whether a mention stands in a list of names with commas (Ағаділ Ерасыл, Бежен Серікболат, ...)."""
    after = text[end : end + 3].lstrip(" ")
    before = text[max(0, start - 3) : start].rstrip(" ")
    return after.startswith(",") or before.endswith(",")


def _people_as_written_in_running_text(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """Two names of which neither ends like a surname (Жұлдызай Ысқақ, Тұрбай Мұратбек) are in the order the
    text writes them, first name first, as Kazakh news writes people in its sentences: a surname standing first
    is a list's way (Ағаділ Ерасыл, Бежен Серікболат, ...), which the naming read where the second was a
    known first name and the first not; outside a list of commas, on a page that writes no one surname first
    (Азаматұлы Айшуақ, Оспанов Ерлан), that order is the page's own."""
    people = [rec for rec in found.values() if rec.type == "PERSON"]
    for rec in people:
        for *_, m in rec.mentions:
            pair = m.text.split()
            if len(pair) == 2 and _surname_shaped(pair[0]) and not _surname_shaped(pair[1]):
                return  # the page writes people surname first
    for eid, rec in list(found.items()):
        words = rec.name.split()
        if rec.type != "PERSON" or rec.entry is not None or len(words) != 2:
            continue
        written = [m for *_, m in rec.mentions if len(m.text.split()) == 2]
        if not written or any(map(_surname_shaped, words)):
            continue
        if not all(m.text.split()[0] == words[1] for m in written):
            continue  # not the naming's reversal of what is written
        if any(_in_a_comma_list(fields.get(m.field, ""), m.start, m.end) for m in written):
            continue
        rec.name = f"{words[1]} {words[0]}"
        _rekey(found, eid, rec)


#: What may stand before a name opening a list's line (1., 2), –, •).
_LIST_LINE_OPENER = re.compile(r"(?:^|\n)[\s\d.)\-–—•*]*$")


def _list_place(text: str, start: int, end: int) -> tuple[int, bool] | None:
    """Where a mention stands in a list of names: its line and whether it opens the line as a list's item (1.
    Қалдыбек Айғаным Серікқызы), or None outside a list (no commas beside it, not opening its line)."""
    opens = _LIST_LINE_OPENER.search(text[max(0, start - 12) : start]) is not None
    if not (opens or _in_a_comma_list(text, start, end)):
        return None
    return text.count("\n", 0, start), opens


def _patronymic_last(words: list[str]) -> bool:
    return (
        len(words) == 3
        and _KK_PATRONYMIC.fullmatch(words[2].lower()) is not None
        and not _KK_PATRONYMIC.fullmatch(words[0].lower())
        and not _KK_PATRONYMIC.fullmatch(words[1].lower())
        and all(w[:1].isupper() and w[1:].islower() for w in words)
    )


def _people_in_surname_first_lists(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """Official lists write people surname, first name (and patronymic): Қалдыбек Айғаным Серікқызы,
    Қожанәсіп Асылхан, Омаров Ерлан.  A surname of no surname's shape is known by the list: a listed name with
    a patronymic after it puts the surname first; and two names neither ending like a surname, listed on the
    line of a name with a surname's ending or a patronymic first, or opening lines as such a name does, are in
    that list's order too.  Running text, which writes first names first, is left as written."""
    lines: set[tuple[str, int]] = set()
    items: set[str] = set()
    for rec in found.values():
        if rec.type != "PERSON":
            continue
        for *_, m in rec.mentions:
            words = m.text.split()
            where = _list_place(fields.get(m.field, ""), m.start, m.end)
            if where is None:
                continue
            if _patronymic_last(words) or (
                len(words) in (2, 3) and _KK_SURNAME_END.search(words[0]) and not _surname_shaped(words[1])
            ):
                lines.add((m.field, where[0]))
                if where[1]:
                    items.add(m.field)
    if not lines:
        return
    for eid, rec in list(found.items()):
        words = rec.name.split()
        if rec.type != "PERSON" or rec.entry is not None:
            continue
        places = [(m, _list_place(fields.get(m.field, ""), m.start, m.end)) for *_, m in rec.mentions]
        if _patronymic_last(words) and not _KK_SURNAME_END.search(words[1]):
            if any(where is not None for _, where in places):
                rec.name = f"{words[1]} {words[0]}"
                _rekey(found, eid, rec)
            continue
        if len(words) != 2 or any(map(_surname_shaped, words)):
            continue
        if not all(
            where is not None and ((m.field, where[0]) in lines or (where[1] and m.field in items))
            for m, where in places
        ):
            continue
        if all(m.text.split() == words for m, _ in places):
            rec.name = f"{words[1]} {words[0]}"
            _rekey(found, eid, rec)


def _rekey(found: dict[str, _Found], eid: str, rec: _Found) -> None:
    """Gives a person the item renamed the id of their new name, in the same place of the item's order, or
    joins them to the person who has it already."""
    new_id = hashed_id(rec.name, "PERSON")
    other = found.get(new_id)
    if other is not None and other is not rec:
        other.absorb(rec)
        del found[eid]
        return
    rec.entity_id = new_id
    items = [(new_id, rec) if key == eid else (key, value) for key, value in found.items()]
    found.clear()
    found.update(items)


def _drop_sentence_openers(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """A one-word Kazakh "person" met only where a sentence opens, whose word is a common word (Роман
    оқырмандарға ұнады: the novel), is that word with the sentence's capital, when the item names no one
    in full with it (those have been merged by now).  Acronyms go into the full names they abbreviate
    (``_acronyms_of_full_names``)."""
    _names_over_a_line_break(found, fields)
    _people_as_written_in_running_text(found, fields)
    _people_in_surname_first_lists(found, fields)
    _bodies_spelt_two_ways(found)
    _quoted_places_of_the_items_clubs(found, fields)
    _acronyms_of_full_names(found)
    _levelled_bodies_of_the_items_place(found)
    for eid, rec in list(found.items()):
        if rec.entry is not None or rec.type not in ("PERSON", "ORG"):
            continue
        if rec.name.lower() in _CAPTION_WORDS:
            del found[eid]  # a caption's label (Коллаж: kursiv.media), no name
            continue
        words = rec.name.split()
        if len(words) == 1:
            if rec.type != "PERSON" or not common_word(rec.name) or _RU_SURNAME_END.search(rec.name):
                continue  # a surname the dictionary lists (Жұбанов) is no common word of the language
        elif rec.type != "ORG" or not _is_plural(words[-1]) or not all(map(common_word, words)):
            continue  # a body's name of common words has a head in the singular (Денсаулық сақтау басқармасы)
        before = [fields.get(m.field, "")[max(0, m.start - 4) : m.start] for *_, m in rec.mentions]
        if all(_OPENS_SENTENCE.search(text) for text in before):
            del found[eid]


#: The chambers and the government as news also writes them in lower case (кезектен тыс мәжіліс сайлауы,
#: үкімет пен әкімдіктер), bare or in a case, not with a possessive (үкіметі: some country's own).
_LOWER_BODY = re.compile(r"(мәжіліс|сенат|үкімет|парламент)(тің|тың|ке|қа|те|та|тен|тан|тегі|тағы)?")


def _possessed_after_a_body(word: str) -> bool:
    """A noun with a possessive after a chamber's or the government's name, in any case: a thing or a post of
    that body (Сенат төрағасы, Мәжіліс Спикері, Үкімет отырысында), which no meeting in general has a verb
    after it (Мәжіліс басталды)."""
    if not word.isalpha() or len(word) < 4:
        return False
    if head_class(word) == "TITLE":
        return True
    return word.islower() and nominative_kk(word).endswith(("ы", "і")) and match_stem_kk(word) != word


def _lower_case_bodies(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """Мәжіліс, Сенат, Үкімет and Парламент written in lower case name the bodies the gazetteer knows; so does
    one opening a sentence before a thing or a post of its own (Сенат төрағасы ..., Үкімет отырысында ...),
    which no capital of a sentence's first word makes a common noun."""
    covered = {j for sp in spans for j in range(sp.start, sp.end)}
    found: list[Span] = []
    for k, word in enumerate(texts):
        m = _LOWER_BODY.fullmatch(word) if k not in covered else None
        if m is None and k == 0 and 0 not in covered and len(texts) > 2 and word[:1].isupper():
            m = _LOWER_BODY.fullmatch(word.lower())
            m = m if m is not None and m.group(2) is None and _possessed_after_a_body(texts[1]) else None
            if m is not None:
                entry = load_gazetteer().lookup(word, "kk")
                if entry is not None and entry.type == "ORG":
                    found.append(Span(0, 1, "ORG", entry))
            continue
        if m is None or (k + 1 < len(texts) and head_class(texts[k + 1]) == "TITLE"):
            continue  # үкімет басшысы: the post's, no body of its own
        if m.group(1) == "мәжіліс" and _a_meeting(texts, k):
            continue
        entry = load_gazetteer().lookup(m.group(1).capitalize(), "kk")
        if entry is not None and entry.type == "ORG":
            found.append(Span(k, k + 1, "ORG", entry))
    if not found:
        return spans
    return sorted([*spans, *found], key=lambda sp: sp.start)


#: What follows мәжіліс, a meeting, in lower case: its hall, or its being held, opened or closed (мәжіліс залында,
#: мәжіліс өтті, мәжіліс басталды), which the chamber's name has not.
_MEETING_AFTER = ("зал", "өт", "бастал", "ашыл", "жабыл", "соң", "кейін")


#: A past participle's ending (өткен, басталған, ұйымдастырылған): a verb's, which a meeting takes, the chamber not.
_PARTICIPLE_ENDS = ("ған", "ген", "қан", "кен")


def _a_meeting(texts: tuple[str, ...], k: int) -> bool:
    """Lower-case мәжіліс at ``k`` is a meeting, no chamber: a hall or a verb of meetings follows it (әкімдіктің
    мәжіліс залында, мәжіліс өтіп), it is a possessor's (әкімдігінің мәжіліс ...), or a participle before it says it
    was held (өткен мәжіліске)."""
    nxt = texts[k + 1] if k + 1 < len(texts) else ""
    prev = texts[k - 1] if k > 0 else ""
    return (
        nxt.startswith(_MEETING_AFTER)
        or (texts[k] == "мәжіліс" and prev.endswith(("ның", "нің")))
        or prev.endswith(_PARTICIPLE_ENDS)  # өткен мәжіліске, басталған мәжілісте: a meeting held
    )


#: Қазақстан Республикасы written before a body's name (its genitive too).
_REPUBLIC_WORDS = frozenset(("Республикасы", "Республикасының"))


def _republic_before_body(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """Қазақстан Республикасы right before a body is part of the body's name, as ҚР is (Қазақстан
    Республикасы Төтенше жағдайлар министрлігі), no place of its own."""
    out: list[Span] = []
    for sp in spans:
        if (
            out
            and sp.type == "ORG"
            and out[-1].end == sp.start
            and out[-1].end - out[-1].start == 2
            and texts[out[-1].start] == "Қазақстан"
            and texts[out[-1].start + 1] in _REPUBLIC_WORDS
        ):
            out[-1] = Span(out[-1].start, sp.end, "ORG", None)
            continue
        out.append(sp)
    return out


#: Locative, ablative and dative endings: a place in one of them says where, from where or to where, and
#: ends there; it opens no longer name.
_OBLIQUE_PLACE = ("да", "де", "та", "те", "дан", "ден", "тан", "тен", "нан", "нен", "ға", "ге", "қа", "ке")


def _oblique_place_ends(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A known place in the locative, ablative or dative opening a longer span is a place of its own, and the
    name, if any, starts after it (Қарағандыдан Павлодар полициясына -> Қарағанды, Павлодар полициясы)."""
    out: list[Span] = []
    gaz = load_gazetteer()
    for sp in spans:
        word = texts[sp.start]
        if (
            sp.end - sp.start > 1
            and word[:1].isupper()
            and word.lower().endswith(_OBLIQUE_PLACE)
            and texts[sp.start + 1][:1].isupper()
        ):
            entry = gaz.lookup(word, "kk")
            # a name that only ends like a case (Қазақстан) is in the nominative
            if entry is not None and entry.type in ("GPE", "LOC") and word not in entry.aliases:
                out.append(Span(sp.start, sp.start + 1, entry.type, entry))
                out.append(Span(sp.start + 1, sp.end, sp.type, None))
                continue
        out.append(sp)
    return out


#: A body's or an institution's kind with its possessive and a case that puts it in a place, a direction or a
#: source (театрында, университетіне, мектебінен): where a name ends.
_OBLIQUE_KIND = re.compile(r"\w{3,}(ы|і|сы|сі)(нда|нде|на|не|нан|нен|ндағы|ндегі)")


#: Kinds of cultural and teaching bodies the tagger may take for buildings (театр, филармония, университет).
_TROUPES = frozenset(("театр", "филармония", "университет", "колледж", "академия", "институт", "консерватория"))


def _oblique_kind_ends(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A name ends at its kind in a place's case (... драма театрында | Халықаралық театр күні): the words after
    it are another name's, or none, not the body's; an acronym opening them is a body's (алаңында | ҚР ЭГТРМ)."""
    out: list[Span] = []
    for sp in spans:
        if sp.type == "FAC" and sp.end - sp.start > 1 and match_stem_kk(texts[sp.end - 1]) in _TROUPES:
            sp = Span(sp.start, sp.end, "ORG", sp.entry)  # Жамбыл облыстық драма театры: a body, not a building
        if sp.type in ("ORG", "FAC") and sp.end - sp.start > 2:
            k = next(
                (
                    k
                    for k in range(sp.start + 1, sp.end - 1)
                    if _OBLIQUE_KIND.fullmatch(texts[k]) and head_class(texts[k]) in ("ORG", "FAC")
                ),
                -1,
            )
            if k > 0:
                out.append(Span(sp.start, k + 1, sp.type, None))
                if acronym(texts[k + 1]):
                    out.append(Span(k + 1, sp.end, "ORG", None))  # ... алаңында ҚР ЭГТРМ: a body of its own
                continue
        out.append(sp)
    return out


#: A word for a place's people or things (шымкенттік, ақмолалық): the place's name and a suffix.
_DEMONYM = re.compile(r"\w{3,}(лық|лік|дық|дік|тық|тік)")


def _place_demonym(word: str) -> bool:
    low = word.lower()
    if _DEMONYM.fullmatch(low) is None:
        return False
    gaz = load_gazetteer()
    place = low[:-3].capitalize()
    entry = gaz.lookup(place, "kk") or gaz.lookup(place + " облысы", "kk")  # Ақмолалық: Ақмола облысы
    return entry is not None and entry.type == "GPE"


#: Plural and genitive endings of the people a demonym describes (құтқарушылар, шенеуніктің).
_PEOPLE_AFTER = re.compile(r"\w+(лар|лер|дар|дер|тар|тер|ның|нің|дың|дің|тың|тің)")


def _demonym_opens_no_body(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A word for a city's or a region's people before people (Павлодарлық дәрігерлер мерекесі, шымкенттік
    шенеуніктің әкімдік жиыны) opens no body's name, as an adjective of a place before a body's own words
    does (Еуразиялық экономикалық одақ)."""
    out: list[Span] = []
    for sp in spans:
        if (
            sp.type == "ORG"
            and sp.entry is None
            and sp.end - sp.start > 1
            and _PEOPLE_AFTER.fullmatch(texts[sp.start + 1])
            and _place_demonym(texts[sp.start])
        ):
            continue
        out.append(sp)
    return out


#: Kinds of body news writes after the name of a place or a quoted name, the kind part of the name
#: (Иманғали мешіті, Қазалы ауданаралық ауруханасы, СҚО ... бақылау департаменті): stem -> nominative.
_INSTITUTION_KINDS = {
    "мешіт": "мешіті",
    "аурухана": "ауруханасы",
    "департамент": "департаменті",
    "емхана": "емханасы",
    "кітапхана": "кітапханасы",
    "мұражай": "мұражайы",
    "музей": "музейі",
}

#: Kinds of troupe that take a place's name, maybe past a few lower-case words of their art (Алатау дәстүрлі
#: өнер театры, Самал фольклорлық-этнографиялық ансамблі): after a place only; a quoted name before them is
#: left to the quoted names' rules.
_TROUPE_KINDS = {
    "театр": "театры",
    "ансамблі": "ансамблі",
    "ансамбль": "ансамблі",
    "оркестр": "оркестрі",
    "филармония": "филармониясы",
}

#: Kinds of body that are part of the name only after a quoted name, maybe past a few lower-case words of its
#: level or its work («Күй анасы» республикалық қоры, «Әбу Ханифа» медресесі, «Жас Батыр» спорт мектебі): after
#: a place they are mostly no name (Атырау орталығы: the town's centre, Қызылөзек орта мектебі): stem ->
#: nominative.
_QUOTED_KINDS = {
    "қор": "қоры",
    "медресе": "медресесі",
    "мектеп": "мектебі",
    "орталық": "орталығы",
    "әуежай": "әуежайы",
    "агрофирма": "агрофирмасы",
}
_QUOTED_KINDS_NOMINATIVE = frozenset(_QUOTED_KINDS.values())
_AIRPORT = "әуежайы"
_INTERNATIONAL = ("халықаралық",)

#: A house (үйі) is a body's kind only as a house of culture or after a quoted name («Достық» үйі, Мыңжылқы
#: мәдениет үйі): the one word that may stand between.
_HOUSE = "үйі"
_HOUSE_OF = frozenset(("мәдениет",))

#: The most lower-case words between the name and the kind: adjectives of a level or a place (аудандық,
#: ауылдық) and, before a department, the words of what it does (санитариялық-эпидемиологиялық бақылау).
_INSTITUTION_REACH = 3

#: Words that end the run of a body's lower-case words before its kind.
_NOT_BODY_WORDS = frozenset(("мен", "пен", "бен", "және", "немесе", "үшін", "туралы", "бойынша", "деп", "бір"))

_OPEN_KK_QUOTES = frozenset("«“„")

_GENITIVE_KK = ("ның", "нің", "дың", "дің", "тың", "тің")

#: A place's kind in the genitive inside a body's name, and its nominative (облысының -> облысы).
_KIND_GENITIVE = {"облысының": "облысы", "ауданының": "ауданы", "қаласының": "қаласы"}


#: How the words of those kinds start (a cheap test before stemming).
_KIND_STARTS = (
    *("мешіт", "аурухана", "департамент", "құрама", "қызмет"),
    *("емхана", "кітапхана", "мұражай", "музей", _HOUSE),
    *("қор", "медресе", "мектеб", "орталығ", "әуежай", "агрофирма"),
    *("театр", "ансамбл", "оркестр", "филармония"),
)
_KIND_NEEDLES = tuple(" " + start for start in _KIND_STARTS)



def sentence_words(texts: tuple[str, ...]) -> str:
    """A sentence's words in one string, a space before and after each, for the rules' cheap first look."""
    return " " + " ".join(texts) + " "


def _mentions_any(line: str, needles: tuple[str, ...]) -> bool:
    """Whether any of ``needles`` (a word's start after a space) stands in a sentence's words, ``line``: one
    look in C before a rule reads the words one by one (most sentences have none of them)."""
    for needle in needles:
        if needle in line:
            return True
    return False


def _possessive_of(word: str, stem: str) -> bool:
    """``word`` is ``stem`` with a possessive (and maybe a case ending): құрамасы, құрамасының, not құрама."""
    return word.isalpha() and word.islower() and word != stem and match_stem_kk(word) == stem


def _bare_genitive(word: str) -> str:
    """A body's name without its genitive (Сенаттың -> Сенат)."""
    for end in _GENITIVE_KK:
        if word.endswith(end) and len(word) > len(end) + 2:
            return word[: -len(end)]
    return word


def _in_nominative(word: str, sp: Span) -> bool:
    """A place's last word not in the genitive or a place case: as the gazetteer names it (Қазақстан), an
    acronym with no ending, or a word with no such ending."""
    if (sp.entry is not None and word in sp.entry.aliases) or (word.isupper() and "-" not in word):
        return True
    return not word.lower().endswith(_OBLIQUE_PLACE + _GENITIVE_KK)


def _one_word_name(texts: tuple[str, ...], k: int, sp: Span | None) -> bool:
    """Token ``k`` is a name of one word that is no place's and no known one's: a person's or a body's span of
    its own, or a capitalised word inside a sentence that no name took."""
    if sp is not None:
        return sp.end - sp.start == 1 and sp.type in ("PERSON", "ORG") and sp.entry is None
    return k > 0 and texts[k][:1].isupper() and texts[k].isalpha() and (k == 1 or not texts[k - 1][:1].isupper())


def _institution(
    texts: tuple[str, ...], by_end: Mapping[int, Span], k: int, kind: str
) -> tuple[int, tuple[str, ...]] | None:
    """Where the mosque, hospital or department whose kind is token ``k`` starts, and its name's words."""
    j = k
    while j > 0 and k - j < _INSTITUTION_REACH:
        prev = texts[j - 1]
        if (
            not (prev[:1].islower() and prev.replace("-", "").isalpha())
            or prev in _NOT_BODY_WORDS
            or _CLAUSE_WORD.fullmatch(prev) is not None
        ):
            break
        j -= 1
    middle = tuple(_KIND_GENITIVE.get(w, w) for w in texts[j:k])
    if kind in _QUOTED_KINDS_NOMINATIVE and not (kind == _AIRPORT and middle == _INTERNATIONAL):
        # a quoted name's kind: the words between say its level or its work (республикалық, спорт), none another
        # body's in the genitive («Нұр Отан» партиясының орталығы); an international airport is named after its
        # city too (Астана халықаралық әуежайы)
        if not (j > 2 and texts[j - 1] in _CLOSE_QUOTES) or any(w.endswith(_GENITIVE_KK) for w in middle):
            return None
        q = next((q for q in range(j - 3, max(-1, j - 10), -1) if texts[q] in _OPEN_KK_QUOTES), -1)
        if q > 0 and texts[q - 1] == "атындағы":
            return None  # Ш.Шаяхметов атындағы «Тіл-қазына» ... орталығы: the name opens before the quotes
        known = by_end.get(j - 1)
        if known is not None and known.entry is not None and known.entry.type == "ORG":
            return None  # «Самұрық-Қазына» ұлттық әл-ауқат қоры: a body the gazetteer knows keeps its own name
    if j > 2 and texts[j - 1] in _CLOSE_QUOTES and kind == "департаменті":
        return None  # «Aqmola news» облыстық ТЖ департаментінің: a state department has no quoted name, an outlet does
    if j > 2 and texts[j - 1] in _CLOSE_QUOTES:
        # «Нұр» мешіті, “Береке” ауылдық мешіті: the quoted words are the name
        q = j - 2
        while q > 0 and texts[q] not in _OPEN_KK_QUOTES and texts[q] not in _CLOSE_QUOTES and j - q < 8:
            q -= 1
        if texts[q] in _OPEN_KK_QUOTES and q + 1 < j - 1:
            return q, (*texts[q + 1 : j - 1], *middle, kind)
        return None
    sp = by_end.get(j)
    if sp is not None and sp.type in ("GPE", "LOC") and _in_nominative(texts[j - 1], sp):
        return sp.start, (*texts[sp.start : j], *middle, kind)
    if not middle and kind != _HOUSE and _one_word_name(texts, j - 1, sp):
        return j - 1, (texts[j - 1], kind)  # Медикер емханасы: a one-word name right before the kind
    if j == 1 and sp is None and kind == "департаменті" and middle and common_word(texts[0].split("-")[0]):
        # a sentence opening with the department's own words (Мал дәрігерлік бақылау департаменті)
        return 0, (texts[0], *middle, kind)
    return None


def _troupe(
    texts: tuple[str, ...], by_end: Mapping[int, Span], k: int, kind: str
) -> tuple[int, tuple[str, ...]] | None:
    """Where a troupe named after a place starts (Алатау дәстүрлі өнер театрында -> Алатау дәстүрлі өнер
    театры), and its name's words: a place in the nominative or a one-word name right before its lower-case
    words; a genitive among them is another body's (Алматы облысының театры: no troupe's own name)."""
    j = k
    while j > 0 and k - j < _INSTITUTION_REACH and texts[j - 1][:1].islower():
        if not texts[j - 1].replace("-", "").isalpha():
            break
        if texts[j - 1] in _NOT_BODY_WORDS or texts[j - 1].endswith(_GENITIVE_KK):
            return None
        j -= 1
    sp = by_end.get(j)
    if _one_word_name(texts, j - 1, sp) and not texts[j - 1].endswith(_GENITIVE_KK):
        return j - 1, (*texts[j - 1 : k], kind)  # a one-word name no place's (Самал ансамблі, Синтез театры)
    if sp is None or sp.type not in ("GPE", "LOC") or not _in_nominative(texts[j - 1], sp):
        return None
    return sp.start, (*texts[sp.start : k], kind)


#: Words between a country and its team that say which team it is (Қазақстанның әйелдер құрамасы).
_TEAM_WORDS = frozenset(("ұлттық", "әйелдер", "ерлер", "жастар", "олимпиадалық", "студенттер"))


def _team(texts: tuple[str, ...], by_end: Mapping[int, Span], k: int) -> tuple[int, tuple[str, ...]] | None:
    """A country's team as the item writes it (Өзбекстан ұлттық құрамасы, Өзбекстан құрамасы, Қазақстанның
    әйелдер құрамасы -> Қазақстан әйелдер құрамасы): the place, in the nominative, and the team's words."""
    j = k
    while j > 0 and texts[j - 1] in _TEAM_WORDS:
        j -= 1
    sp = by_end.get(j)
    if sp is None or sp.type not in ("GPE", "LOC"):
        return None
    last = texts[j - 1]
    if not _in_nominative(last, sp):
        if not last.endswith(_GENITIVE_KK):
            return None
        last = _bare_genitive(last)  # the country's team (Қазақстанның құрамасы)
    return sp.start, (*texts[sp.start : j - 1], last, *texts[j:k], "құрамасы")


def _national_team(texts: tuple[str, ...], by_end: Mapping[int, Span], k: int) -> tuple[int, tuple[str, ...]] | None:
    """The country's own team named with a capital and no country (Ұлттық құраманың -> Ұлттық құрама)."""
    if texts[k - 1] != "Ұлттық" or k - 1 in by_end:
        return None
    return k - 1, ("Ұлттық", nominative_kk(texts[k]))


def _press_service(
    texts: tuple[str, ...], by_end: Mapping[int, Span], k: int
) -> tuple[int, tuple[str, ...]] | None:
    """A press service named as its own by a one-word body (Ақорда баспасөз қызметі, Үкімет баспасөз
    қызметі).  Any other body's press service speaks for the body and is no part of its name (ҚР ІІМ
    баспасөз қызметі -> ҚР ІІМ; Маңғыстау облысы әкімдігі баспасөз қызметі -> the akimat): the body's span
    stays as it is.  One named with its owner in the genitive (Сенаттың баспасөз қызметі) is left to
    ``_press_service_of_a_body``."""
    sp = by_end.get(k - 1)
    if sp is None or sp.type != "ORG" or texts[k - 2].endswith(_GENITIVE_KK):
        return None
    if k - 1 - sp.start > 1 or acronym(texts[sp.start]):
        return None
    return sp.start, (texts[sp.start], "баспасөз", "қызметі")


def _press_service_of_a_body(texts: tuple[str, ...], spans: list[Span], names: dict[int, tuple[str, ...]]) -> bool:
    """A body's press service speaks for the body, and the item names the body (Сенаттың баспасөз қызметі ->
    Сенат; облыстық сотының баспасөз қызметі -> the court): the span ends at the owner, in the nominative.

    Changes ``spans`` and ``names`` in place; whether it changed any."""
    changed = False
    for i, sp in enumerate(spans):
        e = sp.end
        if not (
            sp.type == "ORG"
            and e - sp.start >= 3
            and texts[e - 2] == "баспасөз"
            and _possessive_of(texts[e - 1], "қызмет")
        ):
            continue
        owner = texts[e - 3]
        if owner.endswith(_GENITIVE_KK):
            words = names.get(sp.start, texts[sp.start : e])[:-2]
            names[sp.start] = (*words[:-1], nominative_kk(_bare_genitive(words[-1])))
        elif acronym(owner) or (e - sp.start >= 4 and head_class(owner) == "ORG" and owner.islower()):
            # ҚР ТЖМ баспасөз қызметі, облыс әкімдігі баспасөз қызметі: the body, in the nominative already
            if sp.start in names:
                names[sp.start] = names[sp.start][:-2]
        else:
            continue
        spans[i] = Span(sp.start, e - 2, "ORG", None)
        changed = True
    return changed


#: Words that say which level a body is of (облыстық денсаулық сақтау басқармасы): the body of a place the
#: item names elsewhere, no name of its own.
_LEVELS = frozenset(("облыстық", "аудандық", "қалалық", "ауылдық", "республикалық", "ауданаралық"))

#: Kinds of body a place has at each level (Жамбыл облыстық соты, Талас аудандық мәслихаты), as stems: with
#: the place's name and the level before them, a body's name, whatever the CRF saw.
_LEVEL_BODY_KINDS = frozenset(("сот", "прокуратура", "мәслихат", "әкімдік", "аурухана", "емхана"))

#: Words of a level, or of a national park's standing, that open a body's kind after a place's name.
_LEVEL_NEEDLES = tuple(" " + word + " " for word in sorted(_LEVELS | {"ұлттық", "мемлекеттік"}))

#: The most lower-case words between the level and the kind (мамандандырылған ауданаралық экономикалық).
_LEVEL_REACH = 4

#: A park that is a body (a national park has staff, rangers and a director): its kind word's stem.
_PARK = "парк"


def _level_kind_at(texts: tuple[str, ...], j: int) -> tuple[int, str] | None:
    """The kind closing a body's words that open at ``j`` with a level or ұлттық (облыстық ... соты, ұлттық
    паркінде), as (its index, its nominative), else None."""
    park = False
    for k in range(j, min(len(texts), j + _LEVEL_REACH + 1)):
        word = texts[k]
        if not (word.isalpha() and word.islower()) or word in _NOT_BODY_WORDS:
            return None
        stem = match_stem_kk(word)
        if stem == _PARK:
            park = True
        if k > j and (stem in _LEVEL_BODY_KINDS or park) and nominative_kk(word) != stem:
            # the kind with its possessive (соты, паркінде), never a court or a park in general (сот, парк)
            if park and "ұлттық" not in texts[j:k]:
                return None
            return k, nominative_kk(word)
    return None


def _bodies_of_a_level(
    texts: tuple[str, ...], line: str, spans: list[Span]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A place's name, its level and a kind of body are one organisation (Жамбыл облыстық сотының -> Жамбыл
    облыстық соты, Астана қаласының №2 аудандық соты, Катонқарағай ұлттық паркінде -> Катонқарағай ұлттық
    паркі), where the CRF saw only the place, or nothing at a sentence's start.

    Returns the spans and, per start of a new span, the words of its name."""
    if not _mentions_any(line, _LEVEL_NEEDLES):
        return spans, {}
    by_end = {sp.end: sp for sp in spans}
    covering = {j: sp for sp in spans for j in range(sp.start, sp.end)}
    names: dict[int, tuple[str, ...]] = {}
    found: list[tuple[int, int]] = []
    for j in range(1, len(texts) - 1):
        if texts[j] not in _LEVELS and texts[j] != "ұлттық":
            continue
        got = _level_kind_at(texts, j)
        if got is None:
            continue
        k, kind = got
        inside = covering.get(k)
        if inside is not None and inside.type == "ORG":
            continue  # a name the CRF or the gazetteer already has
        if texts[j - 1] == "мемлекеттік":
            j -= 1  # Шарын мемлекеттік ұлттық табиғи паркі
        # a numbered body (№2 аудандық соты) and the place's kind in the genitive before it
        p = j
        number: tuple[str, ...] = ()
        if p >= 2 and texts[p - 1].isdigit() and texts[p - 2] == "№":
            number = ("№" + texts[p - 1],)
            p -= 2
        place_kind: tuple[str, ...] = ()
        if p >= 2 and texts[p - 1] in _KIND_GENITIVE:
            place_kind = (_KIND_GENITIVE[texts[p - 1]],)
            p -= 1
        sp = by_end.get(p)
        if sp is not None and sp.type in ("GPE", "LOC") and _in_nominative(texts[p - 1], sp):
            start = sp.start
        elif (
            sp is None
            and p >= 1
            and texts[p - 1][:1].isupper()
            and texts[p - 1].replace("-", "").isalpha()
            and not texts[p - 1].isupper()
            and (p - 1 not in covering or covering[p - 1].type in ("GPE", "LOC", "PERSON"))
        ):
            start = p - 1  # a place the CRF did not see (Жамбыл облыстық соты opening a sentence)
        else:
            continue
        if any(f_start <= start < f_end for f_start, f_end in found):
            continue
        if start - 1 >= 0 and texts[start - 1][:1].isupper() and texts[start - 1].isalpha() and sp is None:
            continue  # a longer capitalised name the place word only ends
        names[start] = (*texts[start:p], *place_kind, *number, *texts[j:k], kind)
        found.append((start, k + 1))
    if not found:
        return spans, {}
    out = [sp for sp in spans if not any(s <= sp.start < e for s, e in found)]
    out.extend(Span(s, e, "ORG", None) for s, e in found)
    out.sort(key=lambda sp: sp.start)
    return out, names


#: A Kazakh body's acronym ends with its kind's initial: департаменті, басқармасы or бөлімі, министрлігі,
#: комитеті, агенттігі, ұйымы (ТЖД, ІІБ, ТЖМ, ҰҚК, ҚМА, ДСҰ); a region's ends with облысы's О (ШҚО), a legal
#: form's or a common noun's with other letters (ЖШС, ҰБТ, АҚШ).
_BODY_ACRONYM_END = frozenset("ДБМКАҰ")

#: Legal forms of state institutions and enterprises, written after their quoted names («Қоғамдық келісім» КММ):
#: what kind of body, no body.
_LEGAL_FORMS = frozenset(("КММ", "ММ", "КМҚК", "МКҚК", "РМҚК", "ШЖҚ", "РМК", "МКК"))

#: A word in capitals, a possible acronym, in a sentence's words (one look in C before the rule reads them).
_CAPITALS = re.compile(f" [{CYRILLIC_UPPER}]{{2,6}} ")


def _in_capitals(word: str) -> bool:
    """A word written in capitals that is no acronym: a line in capitals (ӘКІМ ҚҰТТЫҚТАУЫ)."""
    return word.isupper() and word.isalpha() and (len(word) > 6 or common_word(word))


def _body_acronyms(
    texts: tuple[str, ...], line: str, spans: list[Span]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A body's acronym no span took, or the CRF took alone for a place or a person, is an organisation (ПД
    қызметкерлері, ТЖД хабарлады), and with the region before it one body (ШҚО ТЖД, Абай облысының ПД -> Абай
    облысы ПД): the region's unit of that body."""
    if _CAPITALS.search(line) is None:
        return spans, {}
    covered = {
        j
        for sp in spans
        if not (sp.end - sp.start == 1 and sp.entry is None and sp.type != "ORG")
        for j in range(sp.start, sp.end)
    }
    by_end = {sp.end: sp for sp in spans}
    names: dict[int, tuple[str, ...]] = {}
    found: list[tuple[int, int]] = []
    for k, word in enumerate(texts):
        if k in covered or not acronym(word) or word[-1] not in _BODY_ACRONYM_END or not CYRILLIC.match(word):
            continue
        if (
            (k + 1 < len(texts) and _in_capitals(texts[k + 1]))
            or (k > 0 and _in_capitals(texts[k - 1]))
            or common_word(word)
            or word in _LEGAL_FORMS
        ):
            continue  # a line in capitals (ӘКІМ ҚҰТТЫҚТАУЫ), a word in capitals, a legal form, no acronym
        if k > 1 and texts[k - 1] == "(" and (k - 1) in by_end and by_end[k - 1].type == "ORG":
            continue  # Полиция департаменті (ПД): the body the item names in full, abbreviated
        sp = by_end.get(k)
        if sp is None and k > 1 and texts[k - 1] in _KIND_GENITIVE:
            sp = by_end.get(k - 1)  # Семей қаласының ІІБ: the place's kind outside its span
        if sp is not None and sp.type in ("GPE", "LOC"):
            region = texts[sp.start : k]
            last = _KIND_GENITIVE.get(region[-1], region[-1])
            names[sp.start] = (*region[:-1], last, word)
            found.append((sp.start, k + 1))
        else:
            names[k] = (word,)
            found.append((k, k + 1))
    if not found:
        return spans, {}
    out = [sp for sp in spans if not any(s <= sp.start < e for s, e in found)]
    out.extend(Span(s, e, "ORG", None) for s, e in found)
    out.sort(key=lambda sp: sp.start)
    return out, names


def _named_institutions(
    texts: tuple[str, ...], line: str, spans: list[Span]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """Bodies named by a place or a quoted name before their kind, the kind in the name: a mosque, a hospital,
    a department («Нұр» мешітінде -> Нұр мешіті, Шалқар аудандық ауруханасының -> Шалқар аудандық
    ауруханасы, БҚО табиғи ресурстар департаментінің -> БҚО табиғи ресурстар департаменті); a country's team
    (Өзбекстан құрамасы, Ұлттық құрама); a body's press service (Сенаттың баспасөз қызметі ->
    Сенат баспасөз қызметі).

    Returns the spans and, per start of a new span, the words of its name."""
    spans, levelled = _bodies_of_a_level(texts, line, spans)
    spans, acronyms = _body_acronyms(texts, line, spans)
    levelled |= acronyms
    if not _mentions_any(line, _KIND_NEEDLES):
        return spans, levelled
    by_end = {sp.end: sp for sp in spans}
    covered = {j for sp in spans if sp.type == "ORG" for j in range(sp.start, sp.end)}
    names: dict[int, tuple[str, ...]] = {}
    found: list[tuple[int, int]] = []
    for k in range(1, len(texts)):
        word = texts[k]
        if k in covered or not word.startswith(_KIND_STARTS):
            continue
        stem = match_stem_kk(word)
        got = None
        if stem in _INSTITUTION_KINDS and nominative_kk(word) == _INSTITUTION_KINDS[stem]:
            # the kind with its possessive (мұражайының), not a museum in the genitive (мұражайдың миссиясы)
            got = _institution(texts, by_end, k, _INSTITUTION_KINDS[stem])
        elif stem in _QUOTED_KINDS and nominative_kk(word) == _QUOTED_KINDS[stem]:
            got = _institution(texts, by_end, k, _QUOTED_KINDS[stem])  # «Береке» қайырымдылық қорының
        elif stem in _TROUPE_KINDS and nominative_kk(word) == _TROUPE_KINDS[stem]:
            got = _troupe(texts, by_end, k, _TROUPE_KINDS[stem])
        elif stem == _HOUSE and (texts[k - 1] in _CLOSE_QUOTES or texts[k - 1] in _HOUSE_OF):
            got = _institution(texts, by_end, k, _HOUSE)
        elif _possessive_of(word, "құрама"):
            got = _team(texts, by_end, k) or _national_team(texts, by_end, k)
        elif stem == "құрама":
            got = _national_team(texts, by_end, k)
        elif _possessive_of(word, "қызмет") and texts[k - 1] == "баспасөз":
            got = _press_service(texts, by_end, k)
        if got is not None:
            names[got[0]] = got[1]
            found.append((got[0], k + 1))
    out = [sp for sp in spans if not any(s <= sp.start < e for s, e in found)]
    out.extend(Span(s, e, "ORG", None) for s, e in found)
    names = levelled | names
    if not _press_service_of_a_body(texts, out, names) and not found:
        return spans, levelled
    out.sort(key=lambda sp: sp.start)
    return out, names


#: A surname's ending, Kazakh or Russian-style (Жантілесов, Сәрсенбаева, Нұрғазин).
_KK_SURNAME_END = re.compile(r"(ов|ев|ова|ева|ин|ина|ын|ына)$")

#: A surname's Russian-style ending, which no Kazakh common noun has (Жұбанов, Ахметова).
_RU_SURNAME_END = re.compile(r"(ов|ев|ёв|ова|ева|ёва)$")

#: A Kazakh patronymic (Қанахатұлы, Болатқызы), in any case.
_KK_PATRONYMIC = re.compile(r".{3,}(ұлы|қызы)\w{0,4}")


def _surname_name_patronymic(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A person written surname, first name, patronymic (Сәрсенбаев Ерлан Болатұлы), which the tagger may
    cut in two (Сәрсенбаев; Ерлан Болатұлы), or whose surname it took for another thing or left out (Бас имам
    Данағұлов Алмас Сағидоллаұлы), is one person."""
    out: list[Span] = []
    for sp in spans:
        k = sp.start - 1
        if (
            sp.type == "PERSON"
            and sp.end - sp.start == 2
            and k >= 0
            and (not out or out[-1].end <= k or (out[-1].start == k and out[-1].end == sp.start))
            and _KK_PATRONYMIC.fullmatch(texts[sp.end - 1].lower())
            and _KK_SURNAME_END.search(texts[k])
            and texts[k][:1].isupper()
            and texts[k][1:].islower()
            and texts[sp.start][:1].isupper()
        ):
            if out and out[-1].start == k:
                out.pop()
            out.append(Span(k, sp.end, "PERSON", None))
            continue
        if out and sp.type == "PERSON" and out[-1].type == "PERSON" and out[-1].end == sp.start:
            prev = out[-1]
            if (
                sp.end - prev.start == 3
                and _KK_PATRONYMIC.fullmatch(texts[sp.end - 1].lower())
                and _KK_SURNAME_END.search(texts[prev.start].lower())
                and all(texts[j][:1].isupper() for j in range(prev.start, sp.end))
            ):
                out[-1] = Span(prev.start, sp.end, "PERSON", None)
                continue
        out.append(sp)
    return out


#: How the kinds of a body's unit start (департаментінің, басқармасы): a cheap test before stemming.
_UNIT_STARTS = tuple(kind[:-2] for kind in UNIT_KINDS)


def _bodies_side_by_side(prev: Span, sp: Span) -> bool:
    """Two organisations' spans with nothing between them: maybe one body's name cut in two."""
    return prev.type == "ORG" and sp.type == "ORG" and prev.end == sp.start


#: A region's, a city's or a district's kind before бойынша (облысы бойынша, қаласы бойынша).
_REGION_KIND = re.compile(r"облысы|қаласы|ауданы")


def _service_departments(texts: tuple[str, ...], spans: list[Span]) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A national body's unit named with the body's bare name before the unit's kind (Сыбайлас жемқорлыққа
    қарсы қызмет департаменті) is one organisation, the kind in it; and a body in the genitive before its unit in
    a region (Сыбайлас жемқорлыққа қарсы қызметтің Солтүстік Қазақстан облысы бойынша департаменті) is the unit,
    named as the service itself names it: the region, бойынша, the body, the kind (Солтүстік Қазақстан облысы
    бойынша Сыбайлас жемқорлыққа қарсы қызмет департаменті).

    Returns the spans and, per start of a span renamed, the words of its name."""
    out: list[Span] = []
    names: dict[int, tuple[str, ...]] = {}
    n = len(texts)
    for sp in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _bodies_side_by_side(prev, sp)
            and texts[prev.end - 1].islower()
            and texts[prev.end - 1].endswith(_GENITIVE_KK)
            and sp.end - sp.start >= 3
            and texts[sp.end - 2] == "бойынша"
            and nominative_kk(texts[sp.end - 1]) in UNIT_KINDS
        ):
            body = (*texts[prev.start : prev.end - 1], _bare_genitive(texts[prev.end - 1]))
            names[prev.start] = (*texts[sp.start : sp.end - 1], *body, nominative_kk(texts[sp.end - 1]))
            out[-1] = Span(prev.start, sp.end, "ORG", None)
            continue
        if (
            sp.type == "ORG"
            and sp.entry is None
            and sp.end - sp.start >= 4
            and texts[sp.end - 2] == "бойынша"
            and _REGION_KIND.fullmatch(texts[sp.end - 3]) is not None
            and nominative_kk(texts[sp.end - 1]) in UNIT_KINDS
        ):
            # a unit named by its region alone (Ақтөбе облысы бойынша департаменті), its body in lower case or
            # not named: no name of its own, the region a place
            out.append(Span(sp.start, sp.end - 2, "GPE", None))
            continue
        if (
            sp.type == "ORG"
            and sp.end < n
            and texts[sp.end].startswith(_UNIT_STARTS)
            and _bare_head_before_kind(texts[sp.end - 1], texts[sp.end])
        ):
            unit = nominative_kk(texts[sp.end])
            if unit in UNIT_KINDS:
                out.append(Span(sp.start, sp.end + 1, "ORG", None))
                continue
        out.append(sp)
    return out, names


#: The most words of a body's work before its kind (Табиғи ресурстар және табиғатты пайдалануды реттеу).
_WORK_REACH = 6

#: Kinds of state body that news names by their work (экология басқармасы, энергетика министрлігі), as stems.
_WORK_KINDS = frozenset(
    ("басқарма", "министрлік", "комитет", "департамент", "агенттік", "қызмет", "инспекция", "бөлім")
)
#: How those kinds start in lower case with their possessive, in any case (министрлігі, агенттігінің): a cheap
#: test before stemming.
_WORK_KIND_STARTS = (
    "басқармас",
    "министрлігі",
    "комитеті",
    "департаменті",
    "агенттігі",
    "қызметі",
    "инспекциясы",
    "бөлімі",
)

#: A kind that names a body only after a level (аудандық білім бөлімі): alone, a part of something (жобаның бөлімі).
_LEVELLED_KINDS = frozenset(("бөлім",))
_WORK_KIND_NEEDLES = tuple(" " + start for start in _WORK_KIND_STARTS)

#: A word in the locative (кезеңде, күйінде): where something is, none of a body's name (a short word may only
#: end like one: сауда, орта).
_CLAUSE_WORD = re.compile(r".{4,}(да|де|та|те)")


#: Demonstratives in a case, and the adverbs made of them, that open a sentence before a body (Мұны облыстық
#: ... басқармасы хабарлады): the object of the verb, no word of the body's name.
_PRONOUNS = frozenset(
    "мұны бұны осыны соны оны мұнымен бұнымен осымен сонымен мұнда осында сонда сондай-ақ осылайша".split()
)


def _work_before(texts: tuple[str, ...], k: int, free: Callable[[int], bool], taken: Callable[[int], bool]) -> int:
    """Where the words of a body's work before its kind at ``k`` start: lower-case words and joins back to a
    capitalised word no name has ``taken``, which opens them, or to a word that is none of them (an owner in
    the genitive, a verb, a mark); -1 when there are none."""
    j = k
    while j > 0 and k - j < _WORK_REACH and free(j - 1):
        word = texts[j - 1]
        if word == "," and j > 1 and texts[j - 2].islower() and "және" in texts[j:k]:
            j -= 1  # fields of work listed before the last one's join (мәдениет, архивтер және құжаттама)
            continue
        if (
            not word.replace("-", "").isalpha()
            or (word in _NOT_BODY_WORDS and word != "және")
            or head_class(word) == "TITLE"
            or (word[:1].isupper() and taken(j - 1))
            or (word[:1].isupper() and word.lower() in _STARTERS)
            or word.lower() in _PRONOUNS
            or _CLAUSE_WORD.fullmatch(word.lower()) is not None
        ):
            break
        if word[:1].islower() and word.endswith(_GENITIVE_KK):
            break  # облыс әкімдігінің экономика ... басқармасы: the owner, no word of the name
        j -= 1
        if word[:1].isupper():
            break
    if j < k and texts[j] == ",":
        j += 1
    return j if j < k else -1


def _commas_kept(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words with each comma kept on the word before it (мәдениет, архивтер)."""
    if "," not in words:
        return words
    out: list[str] = []
    for word in words:
        if word == "," and out:
            out[-1] += ","
        else:
            out.append(word)
    return tuple(out)


def _bodies_named_by_their_work(
    texts: tuple[str, ...], line: str, spans: list[Span]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A Kazakh body named by what it does before its kind is an organisation, though the CRF saw no name in
    it: capitalised, with two words of work or more (Экология және қоршаған орта басқармасы, Қылмыстық қудалау
    қызметі бастығы); in lower case, when the gazetteer knows it (энергетика министрлігі) or two fields of
    work name it (экономика және бюджеттік жоспарлау басқармасы).  A lower-case one closing a name the CRF
    ran on is cut from it (Sputnik Қазақстан білім және ғылым министрлігіне).  A level before the work
    (облыстық денсаулық сақтау басқармасы) is some place's body, named there.

    Returns the spans and, per start of a new span, the words of its name."""
    if not _mentions_any(line, _WORK_KIND_NEEDLES):
        return spans, {}
    kinds = [
        k
        for k in range(1, len(texts))
        if texts[k].startswith(_WORK_KIND_STARTS)
        and texts[k - 1].isalpha()
        and match_stem_kk(texts[k]) in _WORK_KINDS
        and not _is_plural(texts[k])
    ]
    if not kinds:
        return spans, {}
    covering = {j: sp for sp in spans for j in range(sp.start, sp.end)}
    names: dict[int, tuple[str, ...]] = {}
    found: list[Span] = []
    cut: dict[int, int] = {}
    for k in kinds:
        word = texts[k]
        inside = covering.get(k)
        if inside is not None and not (inside.type == "ORG" and inside.end == k + 1):
            continue

        def free(j: int, inside: Span | None = inside) -> bool:
            return j not in covering or covering[j] is inside

        start = _work_before(texts, k, free, covering.__contains__)
        if 0 <= start < k - 1 and texts[start].lower() in _OWN_LEVELS:
            start += 1  # the level opens the name (``_level_opens_a_body``), the work follows it
        levelled = start > 0 and texts[start - 1].lower() in _OWN_LEVELS
        if start < 0 or texts[start].lower() in _LEVELS or texts[start] in _LIST_JOINS:
            continue
        work = _commas_kept(texts[start:k])
        kind = nominative_kk(word)
        words = (work[0] if levelled else work[0][:1].upper() + work[0][1:], *work[1:], kind)
        known = None
        if match_stem_kk(word) in _LEVELLED_KINDS and not levelled:
            named = False  # a part of something (жобаның екінші бөлімі), no body without its level
        elif work[0][:1].isupper():
            named = len(work) >= 2 and (start == 0 or texts[start - 1] not in _CLOSE_QUOTES)
        elif levelled and ("және" not in work or len(work) < 3):
            # a place's body named by its level and its work (Жетісай аудандық кәсіпкерлік бөлімі), whatever the
            # work; with no place before the level and one field of work (облыстық экология департаменті) it is
            # some place's the page names elsewhere, annotated under that place's name or not at all, while two
            # fields make a name (облыстық энергетика және тұрғын үй-коммуналдық шаруашылық басқармасы)
            place = covering.get(start - 2)
            named = place is not None and place.type in ("GPE", "LOC") and place.end == start - 1
        else:
            # in lower case only a known body, or two fields of work, name one (the look up only then)
            known = load_gazetteer().lookup(" ".join(words), "kk")
            named = (known is not None and known.type == "ORG") or ("және" in work and len(work) >= 3)
        if not named:
            continue
        if inside is not None:
            if (
                inside.entry is None
                or inside.start >= start
                or load_gazetteer().lookup(" ".join(texts[inside.start : start]), "kk") is not inside.entry
            ):
                # the CRF's name is this body's own (ҚР Экология және табиғи ресурстар министрлігі, Экологиялық
                # реттеу және бақылау комитеті): only a known name before the body's words is cut off
                continue
            cut[inside.start] = start
        if levelled and inside is None:
            # the level opens the name, and the place before it, where the page names one (Жетісай аудандық
            # кәсіпкерлік бөлімі): the place's own body
            start -= 1
            words = (texts[start], *words)
            place = covering.get(start - 1)
            if (
                place is not None
                and place.type in ("GPE", "LOC")
                and place.end == start
                and _in_nominative(texts[start - 1], place)
            ):
                words = (*texts[place.start : start], *words)
                start = place.start
                cut[place.start] = place.start  # the place is the body's first word, no name of its own
        found.append(Span(start, k + 1, "ORG", known if known is not None and known.type == "ORG" else None))
        names[start] = words
    if not found:
        return spans, {}
    spans = [sp for sp in spans if cut.get(sp.start) != sp.start]
    out = [Span(sp.start, cut[sp.start], sp.type, sp.entry) if sp.start in cut else sp for sp in spans]
    out.extend(found)
    out.sort(key=lambda sp: sp.start)
    return out, names


#: What a Kazakh name before атындағы is named after (Ә.Бөкейхан атындағы аудан): the word.
_NAMED_AFTER = "атындағы"

#: Kinds of place named after someone, bare or with a possessive, in the singular or the plural, in any case
#: (атындағы ауданның, атындағы ауылдары, атындағы саябақта).
_NAMED_AFTER_PLACE = re.compile(
    r"(аудан|ауыл|кент|көше|даңғыл|саябақ|саябағ|алаң|шағынаудан)(тар|тер|дар|дер|лар|лер)?(ы|і|сы|сі)?"
    r"(ның|нің|дың|дің|да|де|нда|нде|ға|ге|на|не|қа|ке|дан|ден|нан|нен|ды|ді|ны|ні|н|мен|ндағы|ндегі|дағы|дегі)?"
)

#: Kinds of settlement: one named after someone bears the name alone (С.Сейфуллин ауылы).
_SETTLEMENT_KINDS = frozenset(("ауыл", "кент"))

#: Institutions the CRF's heads call facilities, which news and its readers take for organisations.
_INSTITUTIONS = frozenset(
    ("мұражай", "музей", "кітапхана", "мешіт", "аурухана", "емхана", "амбулатория", "филармония", "оркестр")
)

#: The most words between атындағы and the kind it names (Молда Мұса атындағы № 5 жалпы орта мектеп).
_NAMED_AFTER_REACH = 7


def _what_is_named_after(texts: tuple[str, ...], k: int) -> tuple[int, str, bool, str] | None:
    """The thing named after someone that атындағы at ``k`` opens: one past its kind, the type (ORG, LOC),
    whether it is plural, and the kind's stem."""
    for j in range(k + 1, min(len(texts), k + 1 + _NAMED_AFTER_REACH)):
        word = texts[j]
        if not (word.replace("-", "").isalnum() or word == "№"):
            return None
        place = _NAMED_AFTER_PLACE.fullmatch(word)
        if place is not None:
            return j + 1, "LOC", place.group(2) is not None, place.group(1)
        if word.islower() and (head_class(word) in ("ORG", "ORGW") or match_stem_kk(word) in _INSTITUTIONS):
            return j + 1, "ORG", _is_plural(word), match_stem_kk(word)
    return None


def _named_after_someone(
    texts: tuple[str, ...], line: str, spans: list[Span]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """What is named after someone (Ә.Бөкейхан атындағы аудан, Молда Мұса атындағы № 5 мектеп, С.Мұқанов
    атындағы театр) is one place or organisation, and the person in its name is none of the item's people: a
    district, a street or a school with its words, a village by the name alone (С.Сейфуллин атындағы ауылда
    -> С.Сейфуллин); people before a plural kind (Сәкен Сейфуллин, Асқар Тоқмағанбетов атындағы ауылдары)
    name places the item names elsewhere.

    Returns the spans and, per start of a new span, the words of its name."""
    if " " + _NAMED_AFTER + " " not in line:
        return spans, {}
    by_end = {sp.end: sp for sp in spans}
    covered = {j for sp in spans for j in range(sp.start, sp.end)}
    names: dict[int, tuple[str, ...]] = {}
    drop: set[int] = set()
    found: list[Span] = []
    for k in [k for k, word in enumerate(texts) if word == _NAMED_AFTER and k > 0]:
        cut = by_end.get(k + 1)
        if cut is not None and cut.start < k:
            # the CRF's name stops at атындағы: what is named after someone lies beyond it, or nowhere
            drop.add(cut.start)
            thing = _what_is_named_after(texts, k)
            if thing is not None and not thing[2] and thing[1] == "ORG":
                found.append(Span(cut.start, thing[0], "ORG", None))
                names[cut.start] = (*texts[cut.start : thing[0] - 1], nominative_kk(texts[thing[0] - 1]))
            continue
        if k in covered:
            # the CRF's name holds it (Ғ.Мүсірепов атындағы балалар театры); a first name it left out is the
            # person's (Мұхтар | Әуезов атындағы ... театры)
            held = next(sp for sp in spans if sp.start <= k < sp.end)
            first = by_end.get(held.start)
            if held.start != k - 1 or held.type != "ORG" or k < 2:
                continue
            if first is not None and first.type == "PERSON" and first.end - first.start == 1:
                drop.update((first.start, held.start))
                found.append(Span(first.start, held.end, "ORG", None))
            elif first is None and k - 2 not in covered and _first_name(texts[k - 2], "kk"):
                drop.add(held.start)
                found.append(Span(k - 2, held.end, "ORG", None))
            continue
        people: list[Span] = []
        j = k
        while j in by_end and by_end[j].type == "PERSON":
            people.append(by_end[j])
            j = by_end[j].start
            if j > 1 and texts[j - 1] in _LIST_JOINS and j - 1 in by_end:
                j -= 1
        start = people[-1].start if people else k
        if not people:
            while start > 0 and k - start < 3 and start - 1 not in covered and texts[start - 1][:1].isupper():
                start -= 1  # a name the CRF left out (Молда Мұса атындағы)
            if start == 0 and (common_word(texts[0]) or not texts[0].isalpha()):
                start = 1  # a sentence's capitalised first word, no name (Кеше Молда Мұса атындағы)
            if start >= k:
                continue
        thing = _what_is_named_after(texts, k)
        if thing is None:
            continue  # an event or a prize named after someone (О.Жәутіков атындағы олимпиада): the person stays
        drop.update(sp.start for sp in people)
        if thing[2] or len(people) > 1:
            continue
        end, typ, _plural, kind = thing
        if kind in _SETTLEMENT_KINDS:
            found.append(Span(start, k, "LOC", None))
            continue
        found.append(Span(start, end, typ, None))
        names[start] = (*texts[start : end - 1], nominative_kk(texts[end - 1]))
    if not found and not drop:
        return spans, {}
    inside = {j for sp in found for j in range(sp.start, sp.end)}
    out = [sp for sp in spans if sp.start not in drop and sp.start not in inside]
    out.extend(found)
    out.sort(key=lambda sp: sp.start)
    return out, names


#: The most words a quoted title opening with a place may have (Қазақстан барысы, Астана арена).
_TITLE_REACH = 4

#: Marks that open a quoted name, a straight one too.
_QUOTES_OPENING = _OPEN_KK_QUOTES | frozenset('"')


def _place_opening_a_title(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A place in the nominative opening a short quoted name of more words (“Қазақстан барысы” турнирі,
    «Астана арена» стадионы, «Астана Жас» командасы) names a tournament, a building or a team, not the place:
    a place the quote is about stands in a case (Ташкентке алтын үшін келдік).  A quoted place's name before a
    facility's head (the «Алма Сити» тұрғын үй кешені, «Астана» қонақүйі) is the facility's."""
    out: list[Span] = []
    n = len(texts)
    for sp in spans:
        s, e = sp.start, sp.end
        if sp.type in ("GPE", "LOC") and s > 0 and texts[s - 1] in _QUOTES_OPENING and e < n:
            if texts[e] not in _CLOSE_QUOTES and _in_nominative(texts[e - 1], sp):
                close = next((j for j in range(e, min(n, e + _TITLE_REACH)) if texts[j] in _CLOSE_QUOTES), -1)
                if close > e and all(texts[j].replace("-", "").isalnum() for j in range(e, close)):
                    continue
            elif (
                texts[e] in _CLOSE_QUOTES
                and e + 1 < n
                and _other_head(texts[e + 1]) == "FAC"
                and not _known_landmark(texts, sp)
            ):
                continue
        out.append(sp)
    return out


def _known_landmark(texts: tuple[str, ...], sp: Span) -> bool:
    """A place the gazetteer knows by all the span's words and not as a settlement (Астана Арена): it keeps
    its name before a facility's kind."""
    if sp.entry is None or sp.entry.type == "GPE":
        return False
    return load_gazetteer().lookup(" ".join(texts[sp.start : sp.end]), "kk") is sp.entry


#: Quote marks that open a name, as the sentence's words hold them.
_QUOTE_NEEDLES = tuple(" " + mark + " " for mark in sorted(_QUOTES_OPENING))

#: A correspondent of an outlet, credited after its name (деп хабарлайды «Адырна» тілшісі).
_CORRESPONDENT = re.compile(r"тілші(сі|лері)\w{0,4}")

#: The most words of a quoted outlet's name.
_OUTLET_REACH = 5

_LATIN_WORD = re.compile(f"[{LATIN_UPPER}{LATIN_LOWER}][{LATIN_UPPER}{LATIN_LOWER}0-9&.'-]*")


#: What follows an outlet credited by name (Tengri Sport хабарлайды, Informburo сайты жазады): a reporting
#: verb of the present or the past, "according to", or the outlet's kind.
_CREDIT_AFTER = re.compile(r"хабарла(йды|ды|уынша)|жазады|сайт(ы|ының|ында)|портал(ы|ының|ында)|тілшісі\w{0,4}")
_CREDIT_NEEDLES = (" хабарла", " жазады ", " сайт", " портал", " тілшісі")


def _latin_run_before(texts: tuple[str, ...], k: int, covered: set[int]) -> int:
    """Where a run of Latin-script words no span covers, ending before ``k``, starts (``k`` when none)."""
    j = k
    while j > 0 and j - 1 not in covered and _LATIN_WORD.fullmatch(texts[j - 1]) and k - j < _OUTLET_REACH:
        j -= 1
    if j == k or not texts[j][:1].isupper() or (j > 0 and _LATIN_WORD.fullmatch(texts[j - 1])):
        return k  # none, or the end of a Latin name a span already has (Kursiv Media)
    return j


def _latin_names_are_bodies(texts: tuple[str, ...], line: str, spans: list[Span]) -> list[Span]:
    """In a Kazakh sentence written in Cyrillic, a name written in Latin letters is a brand, a company or an
    outlet (Tengri Sport, KMG Security, Caspian Food): Kazakh news spells people, foreign ones too, in
    Cyrillic, so the CRF's person there is an organisation unless the gazetteer knows them.  A Latin name no
    span took before the words that credit an outlet (Informburo сайты жазады) is one too."""
    out = spans
    for i, sp in enumerate(spans):
        if (
            sp.type == "PERSON"
            and sp.entry is None
            and all(_LATIN_WORD.fullmatch(w) for w in texts[sp.start : sp.end])
        ):
            if out is spans:
                out = list(spans)
            out[i] = Span(sp.start, sp.end, "ORG", None)
    if not _mentions_any(line, _CREDIT_NEEDLES):
        return out
    covered: set[int] | None = None
    for k in range(1, len(texts)):
        if _LATIN_WORD.fullmatch(texts[k - 1]) and _CREDIT_AFTER.fullmatch(texts[k]):
            if covered is None:
                covered = {j for sp in out for j in range(sp.start, sp.end)}
            j = _latin_run_before(texts, k, covered)
            if j < k:
                if out is spans:
                    out = list(spans)
                out.append(Span(j, k, "ORG", None))
                covered.update(range(j, k))
        elif texts[k - 1] in _OPEN_KK_QUOTES and _LATIN_WORD.fullmatch(texts[k]) and texts[k][:1].isupper():
            # «Aqmola news» облыстық ... департаментіне сілтеме жасап хабарлайды: the outlet credited, in quotes
            if covered is None:
                covered = {j for sp in out for j in range(sp.start, sp.end)}
            e = k
            while e < len(texts) and e not in covered and _LATIN_WORD.fullmatch(texts[e]) and e - k < _OUTLET_REACH:
                e += 1
            if e < len(texts) and texts[e] in _CLOSE_QUOTES and k not in covered:
                if out is spans:
                    out = list(spans)
                out.append(Span(k, e, "ORG", None))
                covered.update(range(k, e))
    if out is not spans:
        out.sort(key=lambda sp: sp.start)
    return out


def _outlets_credited(
    texts: tuple[str, ...], line: str, spans: list[Span]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """An outlet named in quotes before its kind or its correspondent is an organisation («Адырна» тілшісі,
    «Тіршілік тынысы» газетінің тілшісі), though the CRF read it inside a post; a Latin-script outlet's name
    before the Kazakh words of its kind is the name alone (RFI халықаралық радиосы -> RFI).

    Returns the spans and, per start of a span named with its kind, the words of its name."""
    spans = _latin_names_are_bodies(texts, line, spans)
    names: dict[int, tuple[str, ...]] = {}
    quoted = _mentions_any(line, _QUOTE_NEEDLES)
    if not quoted and not any(sp.type == "ORG" and sp.end - sp.start > 1 for sp in spans):
        return spans, names
    out: list[Span] = []
    for sp in spans:
        if (
            sp.type == "ORG"
            and sp.entry is None
            and sp.end - sp.start > 2
            and _LATIN_WORD.fullmatch(texts[sp.start])
            and texts[sp.start + 1].islower()
            and CYRILLIC.match(texts[sp.start + 1])
        ):
            # a Latin-script outlet's name ends where Kazakh words in lower case go on (Qazaqpress ведомствоның
            # Telegram-арнасына: the outlet, then the agency's channel it cites)
            out.append(Span(sp.start, sp.start + 1, "ORG", None))
            continue
        if sp.type == "ORG" and sp.end - sp.start > 1 and _KK_OUTLET.fullmatch(texts[sp.end - 1]):
            latin = next((j for j in range(sp.start, sp.end) if not _LATIN_WORD.fullmatch(texts[j])), sp.end)
            if sp.start < latin < sp.end - 1 and all(texts[j].islower() for j in range(latin, sp.end)):
                out.append(Span(sp.start, latin, "ORG", sp.entry))
                continue
        out.append(sp)
    if not quoted:
        return out, names
    covered = {j for sp in out for j in range(sp.start, sp.end) if sp.type not in ("GPE", "LOC")}
    n = len(texts)
    for q in [q for q in range(n - 3) if texts[q] in _QUOTES_OPENING]:
        close = next((c for c in range(q + 2, min(n - 1, q + 2 + _OUTLET_REACH)) if texts[c] in _CLOSE_QUOTES), -1)
        if close < 0 or not texts[q + 1][:1].isupper():
            continue
        kind = close + 1
        if _credited_in_quotes(texts, q, close):
            # деп хабарлайды "Ұлт ақпарат".: the outlet credited, whatever the CRF took the quoted words for
            inside = [sp for sp in out if q < sp.start <= close]
            if inside != [Span(q + 1, close, "ORG", inside[0].entry if inside else None)]:
                out = [sp for sp in out if not q < sp.start <= close]
                out.append(Span(q + 1, close, "ORG", None))
            continue
        if kind + 1 < n and texts[kind].lower() in KIND_LEVELS:
            kind += 1  # «Qazaqstan» ұлттық телеарнасы
        if (
            (_CORRESPONDENT.fullmatch(texts[kind]) or _KK_OUTLET.fullmatch(texts[kind]))
            and not any(j in covered for j in range(q + 1, close))
            and all(texts[j].replace("-", "").isalnum() for j in range(q + 1, close))
        ):
            # a place in the quotes is the outlet's name («Turkistan» газеті, «Qazaqstan» телеарнасы); a level
            # written with a capital is a word of the name («Qazaqstan» Ұлттық телеарнасы)
            out = [sp for sp in out if not q < sp.start < close]
            if kind > close + 1 and texts[close + 1][:1].isupper() and _KK_OUTLET.fullmatch(texts[kind]):
                out = [sp for sp in out if not q <= sp.start <= kind]
                out.append(Span(q, kind + 1, "ORG", None))
                names[q] = (*texts[q + 1 : close], texts[close + 1], nominative_kk(texts[kind]))
            else:
                out.append(Span(q + 1, close, "ORG", None))
    out.sort(key=lambda sp: sp.start)
    return out, names


#: Verbs crediting a source after деп (деп хабарлайды, деп жазады): a quoted name right after them is an outlet's.
_CREDIT_VERBS = frozenset(("хабарлайды", "хабарлады", "жазады", "жазды", "мәлімдейді"))


def _credited_in_quotes(texts: tuple[str, ...], q: int, close: int) -> bool:
    """Quotes opening at ``q`` and closing at ``close`` hold an outlet a source credit names (деп хабарлайды
    "Ұлт ақпарат".): after деп and its verb, at the sentence's end, the words a name's."""
    return (
        q >= 2
        and texts[q - 1] in _CREDIT_VERBS
        and texts[q - 2] == "деп"
        and (close + 1 == len(texts) or texts[close + 1] in (".", "!", "…"))
        and all(texts[j].replace("-", "").replace(".", "").isalnum() for j in range(q + 1, close))
    )


#: A kind of place named after an anniversary (Жеңістің 40 жылдығы көшесі, Қазақстанның 50 жылдығы саябағы).
_ANNIVERSARY_KIND = re.compile(r"(көше|даңғыл|саябақ|саябағ|алаң|гүлзар|шағынаудан|ықшамаудан)(сы|ы|і|сі)\w*")


def _anniversary_places(
    texts: tuple[str, ...], line: str, spans: list[Span]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A street, a park or a square named after an anniversary is one place, whose name holds what the
    anniversary is of (Жеңістің 40 жылдығы көшесінде -> Жеңістің 40 жылдығы көшесі): no place or event of
    its own in it.

    Returns the spans and, per start of a new span, the words of its name."""
    if " жылдығы " not in line:
        return spans, {}
    found: list[Span] = []
    names: dict[int, tuple[str, ...]] = {}
    for k in range(3, len(texts)):
        if (
            texts[k - 1] == "жылдығы"
            and texts[k - 2].isdigit()
            and texts[k - 3][:1].isupper()
            and texts[k - 3].endswith(_GENITIVE_KK)
            and _ANNIVERSARY_KIND.fullmatch(texts[k])
        ):
            found.append(Span(k - 3, k + 1, "LOC", None))
            names[k - 3] = (*texts[k - 3 : k], nominative_kk(texts[k]))
    if not found:
        return spans, {}
    out = [sp for sp in spans if not any(f.start <= sp.start < f.end for f in found)]
    out.extend(found)
    out.sort(key=lambda sp: sp.start)
    return out, names


#: The Mäjilis's hour with the government (Үкімет сағаты): an event of the chamber's, no body of its own.
_GOVERNMENT_HOUR = re.compile(r"сағат(ы|ын|ында|ына|ынан|тың)")


def _no_body_in_an_hour_or_a_count(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """Үкімет before сағаты names the parliament's hour with the government (Үкімет сағатында депутаттар ...),
    an event, not the government; and a short word in capitals after a number is a unit counted (15 KO, 10 МВт),
    no body."""
    n = len(texts)
    return [
        sp
        for sp in spans
        if not (
            sp.type == "ORG"
            and sp.end - sp.start == 1
            and sp.end < n
            and texts[sp.start] == "Үкімет"
            and _GOVERNMENT_HOUR.fullmatch(texts[sp.end])
        )
        and not (
            sp.type == "ORG"
            and sp.entry is None
            and sp.end - sp.start == 1
            and sp.start > 0
            and texts[sp.start - 1].isdigit()
            and len(texts[sp.start]) <= 3
            and texts[sp.start].isupper()
        )
    ]


#: An honorific between a person's first name and surname (Наурызбай қажы Тағанұлы: a hajji).
_HONORIFICS = frozenset(("қажы",))
_HONORIFIC_NEEDLES = tuple(" " + word + " " for word in sorted(_HONORIFICS))


def _honorific_in_a_name(
    texts: tuple[str, ...], line: str, spans: list[Span]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A first name, an honorific and a surname are one person, named without the honorific (Бас мүфти Наурызбай
    қажы Тағанұлы -> Наурызбай Тағанұлы), whatever the CRF took the words with the post before them for.

    Returns the spans and, per start of a new span, the words of its name."""
    if not _mentions_any(line, _HONORIFIC_NEEDLES):
        return spans, {}
    found: list[Span] = []
    names: dict[int, tuple[str, ...]] = {}
    for k in range(1, len(texts) - 1):
        before, after = texts[k - 1], texts[k + 1]
        if texts[k] in _HONORIFICS and before[:1].isupper() and after[:1].isupper() and before.isalpha():
            found.append(Span(k - 1, k + 2, "PERSON", None))
            names[k - 1] = (before, after)
    if not found:
        return spans, {}
    out = [sp for sp in spans if not any(sp.start < f.end and f.start < sp.end for f in found)]
    out.extend(found)
    out.sort(key=lambda sp: sp.start)
    return out, names


def _surname_spelt_as_a_town_in_russian(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A surname-shaped word that is a town's name only as Russian spells it (Сатпаев, where Kazakh writes the
    town Сәтбаев) is, in Kazakh text, the person's surname: the town would be written the Kazakh way."""
    out: list[Span] = []
    for sp in spans:
        word = texts[sp.start]
        kazakh = sp.entry.names.get("kk", "") if sp.entry is not None else ""
        if (
            sp.type in ("GPE", "LOC")
            and sp.end - sp.start == 1
            and kazakh
            and not word.startswith(kazakh[:3])  # the Kazakh name spelt otherwise (Сатпаев, Сәтбаев)
            and _KK_SURNAME_END.search(nominative_kk(word).lower())
        ):
            if " " not in kazakh and match_stem_kk(kazakh) != match_stem_kk(word):
                out.append(Span(sp.start, sp.end, "PERSON", None))
                continue
        out.append(sp)
    return out


#: A verb of being held after a place in the locative (Ванкуверде өткен Олимпиада, Ташкентте өтетін жарыс).
_HELD = re.compile(r"өт(кен|етін|іп|ті|пек|уде)")

#: Locative endings: where something is held.
_LOCATIVE = ("да", "де", "та", "те")
_HELD_NEEDLES = (" өт",)


def _place_where_it_was_held(texts: tuple[str, ...], line: str, spans: list[Span]) -> list[Span]:
    """A capitalised word in the locative before a verb of being held is the place (Гуанджоуда өткен Азия
    ойындары: Гуанджоу; Гуанджоуда (Қытай) өткен), though no name the CRF or the gazetteer knows: not a
    common word with a capital (Форумда өткен)."""
    if not _mentions_any(line, _HELD_NEEDLES):
        return spans
    found: list[Span] = []
    for verb in [j for j in range(1, len(texts)) if texts[j].startswith("өт")]:
        k = verb - 4 if verb > 3 and texts[verb - 1] == ")" and texts[verb - 3] == "(" else verb - 1
        word = texts[k]
        if (
            word[:1].isupper()
            and word.isalpha()
            and word.endswith(_LOCATIVE)
            and _HELD.fullmatch(texts[verb])
            and not any(sp.start <= k < sp.end for sp in spans)
            and not common_word(word)
        ):
            found.append(Span(k, k + 1, "GPE", None))
    if not found:
        return spans
    return sorted([*spans, *found], key=lambda sp: sp.start)


def _known_body_before_its_things(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A known body in the genitive before lower-case words of no body's kind is the body alone: what follows
    is its thing, not its name (Орталық коммуникациялар қызметінің ақпарат алаңында -> Орталық
    коммуникациялар қызметі)."""
    out: list[Span] = []
    for sp in spans:
        if sp.type == "ORG" and sp.end - sp.start > 2 and texts[sp.end - 1].islower():
            j = next((j for j in range(sp.start + 1, sp.end) if texts[j - 1].endswith(_GENITIVE_KK)), -1)
            things = range(j, sp.end)
            if j > 0 and all(texts[k].islower() and head_class(texts[k]) not in ("ORG", "ORGW") for k in things):
                known = load_gazetteer().lookup(" ".join(texts[sp.start : j]), "kk")
                if known is not None and known.type == "ORG":
                    out.append(Span(sp.start, j, "ORG", known))
                    continue
        out.append(sp)
    return out


def _ministry_acronym_before_its_unit(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """ҚР and a ministry's acronym right before the name of one of its units are one organisation (ҚР ЭГТРМ
    Экологиялық реттеу және бақылау комитеті), as ҚР before a body is."""
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _bodies_side_by_side(prev, sp)
            and prev.end - prev.start == 2
            and texts[prev.start] == _HOME_PREFIX
            and texts[prev.start + 1].isupper()
            and texts[sp.start][:1].isupper()
        ):
            out[-1] = Span(prev.start, sp.end, "ORG", None)
            continue
        out.append(sp)
    return out


#: A small Cyrillic letter right before a capital inside one word: two words a page's markup glued together
#: (a caption's name and the next line: Тимур БатыршинАрхивтегі фото), when the part before it ends as a
#: surname or a patronymic does, which no name goes on from (a compound first name may: МұхаммедӘмин).
_GLUED_AFTER = re.compile(r".*(ов|ев|ова|ева|ин|ина|ын|ына|ұлы|қызы)")
_GLUED = re.compile(f"[{CYRILLIC_LOWER}](?=[{CYRILLIC_UPPER}])")


def _glued_person_names(texts: tuple[str, ...], line: str, spans: list[Span]) -> dict[int, tuple[str, ...]]:
    """A person's name glued to the word after it ends where the glued word starts (Серік ЖұмабаевАрхивтегі ->
    Серік Жұмабаев): per start of such a span, the words of its name."""
    names: dict[int, tuple[str, ...]] = {}
    if _GLUED.search(line) is None:
        return names  # one look in C: most sentences glue nothing
    for sp in spans:
        if sp.type != "PERSON":
            continue
        last = texts[sp.end - 1]
        glue = _GLUED.search(last, 1)
        if glue is not None and _GLUED_AFTER.fullmatch(last, 0, glue.end()):
            names[sp.start] = (*texts[sp.start : sp.end - 1], last[: glue.end()])
    return names


def _person_before_a_common_noun(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A person's name of three words or more whose last word is a capitalised common noun ends before it: the
    noun is the next thing the page says (Гүлнара Досымшалова Корреспондент of a byline, ... Ле Олимпиаданың
    қола жүлдесі).  Only where the words before it are a name already: a first name opens them, or a surname
    ends them."""
    out: list[Span] | None = None
    for k, sp in enumerate(spans):
        if sp.type != "PERSON" or sp.entry is not None or sp.end - sp.start < 3:
            continue
        last = texts[sp.end - 1]
        if not (last[:1].isupper() and last.isalpha() and common_word(last)) or _first_name(last, "kk"):
            continue
        if not (
            _first_name(texts[sp.start], "kk")
            or _first_name(texts[sp.start], "ru")
            or _KK_SURNAME_END.search(nominative_kk(texts[sp.end - 2]).lower()) is not None
        ):
            continue
        if out is None:
            out = list(spans)
        out[k] = Span(sp.start, sp.end - 1, sp.type, None)
    return spans if out is None else out


#: The country or the republic an honorary title is of (ҚР, Қазақстанның, Қазақ КСР-інің Халық әртісі).
_TITLE_OWNERS = frozenset(("ҚР", "Қазақстанның", "Қазақстан", "Республикасының", "Қазақ", "КСР-інің", "КСРО"))


#: Who an honorary title calls its holder (Халық әртісі, Халық жазушысы, Мәдениет қайраткері).
_TITLE_HOLDERS = frozenset(
    "әртісі жазушысы ақыны қаһарманы мұғалімі суретшісі дәрігері қайраткері композиторы сазгері "
    "ұстазы батыры әртістері жазушылары ақындары қайраткерлері".split()
)


def _honorary_title_end(words: tuple[str, ...], i: int) -> int:
    """Where an honorary title that starts at word ``i`` ends (Еңбек сіңірген әртісі, Еңбек Ері, Халық
    жазушысы, Мәдениет қайраткері); ``i`` when none starts there."""
    if i + 1 >= len(words):
        return i
    head, nxt = words[i].lower(), words[i + 1].lower()
    if head == "еңбек" and nxt == "сіңірген":
        return i + 3 if i + 2 < len(words) and words[i + 2].lower() not in _TITLE_OWNERS else i + 2
    if (head == "еңбек" and nxt == "ері") or (head in ("халық", "мәдениет") and nxt in _TITLE_HOLDERS):
        return i + 2
    return i


def _honorary_titles(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """Honorary titles are no bodies nor people (ҚР Еңбек сіңірген әртісі, Қазақстанның Еңбек Ері, Халық
    жазушысы): a span of titles, with their country and commas, goes; the country named before them stays a
    place, and the person after them in the same span stays a person."""
    replaced: dict[int, list[Span]] = {}
    for k, sp in enumerate(spans):
        if sp.entry is not None or sp.type not in ("ORG", "PERSON", "EVENT"):
            continue
        words = texts[sp.start : sp.end]
        i = 0
        while i < len(words) and words[i] in _TITLE_OWNERS:
            i += 1
        owners = i
        titled = False
        while i < len(words):
            end = _honorary_title_end(words, i)
            if end == i and words[i] != ",":
                break
            titled = titled or end > i
            i = max(end, i + 1)
        if not titled:
            continue
        kept: list[Span] = []
        if owners and texts[sp.start] == "Қазақстанның":
            kept.append(Span(sp.start, sp.start + 1, "GPE", load_gazetteer().lookup("Қазақстан", "kk")))
        if len(words) - i >= 2 and all(_capitalised(w) for w in words[i:]):
            kept.append(Span(sp.start + i, sp.end, "PERSON", None))
        elif i < len(words):
            continue  # more than a title and a person: not this rule's
        replaced[k] = kept
    if not replaced:
        return spans
    return [x for k, sp in enumerate(spans) for x in replaced.get(k, [sp])]


def _two_people_side_by_side(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """Two people the tagger ran into one name (Нұрсұлтан Назарбаев Абдулла | Гүлге) are two: the name ends at a
    surname that a first name follows, and the second person takes a capitalised word after the span that no
    name took, their surname in a case."""
    out: list[Span] | None = None
    starts = {sp.start for sp in spans}
    for k, sp in enumerate(spans):
        if sp.type != "PERSON" or sp.end - sp.start < 3:
            continue
        cut = next(
            (
                i
                for i in range(sp.start + 1, sp.end - 1)
                if _KK_SURNAME_END.search(nominative_kk(texts[i]).lower())
                and _first_name(texts[i - 1], "kk")
                and (_first_name(texts[i + 1], "kk") or not common_word(texts[i + 1]))
                and not _KK_SURNAME_END.search(texts[i + 1])
                and not _first_name(texts[i], "kk")
            ),
            -1,
        )
        if cut < 0:
            continue
        end = sp.end
        if end - cut == 2 and end < len(texts) and end not in starts and _capitalised(texts[end]):
            end += 1  # Абдулла Гүлге: the second person's surname, left out
        if out is None:
            out = list(spans)
        out[k] = Span(sp.start, cut + 1, "PERSON", None)
        out.insert(k + 1, Span(cut + 1, end, "PERSON", None))
    return spans if out is None else sorted(out, key=lambda sp: sp.start)


#: Levels that open a region's or a district's own body when the page names no place before them (облыстық
#: полиция департаменті): the body of the place the page is about, named by its level.
_OWN_LEVELS = frozenset(("облыстық", "аудандық", "қалалық", "ауданаралық"))
_OWN_LEVEL_NEEDLES = tuple(" " + word for word in sorted(_OWN_LEVELS | {w.capitalize() for w in _OWN_LEVELS}))

#: A place's noun in the genitive opening a body's words (облыстың төтенше жағдай департаменті): the body's
#: owner, no word of its name.
_OWNER_GENITIVES = frozenset(("облыстың", "ауданның", "қаланың", "ауылдың"))


def _level_opens_a_body(
    texts: tuple[str, ...], line: str, spans: list[Span], names: dict[int, tuple[str, ...]]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A level right before a body with no place before it is the first word of the body's name (облыстық
    Полиция департаментіне -> облыстық Полиция департаменті): the level says whose body it is, as a place
    would.  A common word opening the sentence before the level is none of the name (Жағдайды облыстық ...);
    nor is a place's noun in the genitive (Облыстың төтенше жағдай департаменті -> Төтенше жағдай
    департаменті): the owner, named elsewhere.

    Returns the spans and the names per span start, both changed where a span changed."""
    if not texts or (not _mentions_any(line, _OWN_LEVEL_NEEDLES) and texts[0].lower() not in _OWNER_GENITIVES):
        return spans, names
    out: list[Span] = []
    changed = False
    covered = {j for sp in spans for j in range(sp.start, sp.end)}
    for sp in spans:
        s, e = sp.start, sp.end
        if sp.type != "ORG" or e - s < 2 or head_class(texts[e - 1]) != "ORG":
            out.append(sp)
            continue
        words = names.get(s, texts[s:e])
        as_written = len(words) == e - s  # the name's words are the span's, one for one
        if s == 0 and as_written and texts[0].lower() in _OWNER_GENITIVES:
            names = {**names, 1: words[1:]}  # the owner goes, the body's words stay
            out.append(Span(1, e, "ORG", None))
            changed = True
            continue
        if (
            s == 0
            and as_written
            and e > 3
            and texts[1].lower() in _OWN_LEVELS
            and common_word(texts[0])
            and nominative_kk(texts[0]) != texts[0]
            and load_gazetteer().lookup(texts[0], "kk") is None
        ):
            level = 1  # Жағдайды облыстық полиция департаментінің: the CRF took the sentence's first word too
            words = words[1:]
        elif (
            s >= 1
            and texts[s - 1].lower() in _OWN_LEVELS
            and texts[s] not in _OPEN_KK_QUOTES  # облыстық «Жас Батыр» спорт мектебі: the quotes hold the name
            and s - 1 not in covered
            and (s == 1 or not texts[s - 2][:1].isupper())
            and (s == 1 or texts[s - 2] not in _KIND_GENITIVE)
        ):
            level = s - 1  # a place before the level has made one body with it already, where there is one
            words = (texts[level], *words)
        else:
            out.append(sp)
            continue
        names = {**names, level: words}
        out.append(Span(level, e, "ORG", None))
        changed = True
    return (out, names) if changed else (spans, names)


#: The head of the state a Kazakh body is attached to, in its formal name (Президенті жанындағы): the word
#: before жанындағы (the Government before it is a body of its own, named apart).
_ATTACHED_TO = frozenset(("Президенті",))
_ATTACHED = "жанындағы"


def _attached_to_the_head_of_state(
    texts: tuple[str, ...], line: str, spans: list[Span], names: dict[int, tuple[str, ...]]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A body attached to the country's President, named so in full (ҚР Президенті жанындағы Орталық
    коммуникациялар қызметі, Қазақстан Республикасы Президенті жанындағы ... кеңесі), is named with the whole
    chain as the page writes it; the country in it is no place of the sentence.  Without the country
    before the head (Президент жанындағы ...) the chain is a description, and the body keeps its own name.

    Returns the spans and the names per span start, both changed where a span changed."""
    if " " + _ATTACHED + " " not in line:
        return spans, names
    starts = {sp.start: sp for sp in spans}
    out = spans
    for k in [k for k, word in enumerate(texts) if word == _ATTACHED and 2 <= k]:
        body = starts.get(k + 1)
        if body is None or body.type != "ORG" or texts[k - 1] not in _ATTACHED_TO:
            continue
        if texts[k - 2] == _HOME_PREFIX:
            start = k - 2
        elif k >= 3 and texts[k - 3] == "Қазақстан" and texts[k - 2] == "Республикасы":
            start = k - 3
        else:
            continue
        if any(sp.start < start < sp.end for sp in out):
            continue  # a name running on from before the country: not this chain
        words = (*texts[start : k + 1], *names.get(body.start, texts[body.start : body.end]))
        out = [sp for sp in out if not start <= sp.start <= k + 1] + [Span(start, body.end, "ORG", None)]
        names = {**names, start: words}
    if out is spans:
        return spans, names
    out.sort(key=lambda sp: sp.start)
    return out, names


#: A place's kind in the nominative between the place and a body's acronym (Шымкент қаласы ПД).
_PLACE_KINDS_NOMINATIVE = frozenset(("облысы", "қаласы", "ауданы"))


def _acronym_with_its_place(
    texts: tuple[str, ...], spans: list[Span], names: dict[int, tuple[str, ...]]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A body's acronym after the level, the people's word or the place and kind of the place it serves is
    one body, named as the item writes it (облыстық ТЖД, Ақмолалық ТЖД, Шымкент қаласы ПД): the region's
    unit of the body, as a region before it (ШҚО ТЖД) makes one."""
    out = spans
    by_end = {sp.end: sp for sp in spans}
    covered = {j for sp in spans if sp.type != "NORP" for j in range(sp.start, sp.end)}
    for sp in spans:
        s = sp.start
        word = texts[s]
        if sp.type != "ORG" or sp.end - s != 1 or s == 0 or not acronym(word) or word[-1] not in _BODY_ACRONYM_END:
            continue
        prev = texts[s - 1]
        place = by_end.get(s - 1)
        if prev in _PLACE_KINDS_NOMINATIVE and place is not None and place.type in ("GPE", "LOC"):
            start = place.start  # Шымкент қаласы ПД
        elif s - 1 in covered:
            continue
        elif prev.lower() in _OWN_LEVELS and (s == 1 or not texts[s - 2][:1].isupper() or s == 2):
            start = s - 1  # облыстық ТЖД
        elif _place_demonym(prev):
            start = s - 1  # Ақмолалық ТЖД
        else:
            continue
        out = [x for x in out if not (start <= x.start < s + 1)] + [Span(start, s + 1, "ORG", None)]
        names = {**names, start: (*texts[start:s], word)}
    if out is not spans:
        out.sort(key=lambda sp: sp.start)
    return out, names


#: A road, a railway or a route named by its two ends (Арал – Сексеуіл автожолы, Көкшетау – Ақтау бағыты).
#: A road's, a railway's or a route's kind, and a section of one (учаскесі, телімі), after the names of its ends.
_ROAD = re.compile(
    r"(автожол|тасжол|теміржол|жол|трасса|бағыт|учаске|телім|желі|өткел|магистрал|маршрут|аралығ)\w{0,9}"
)
#: The same kinds in Russian, before the ends' names (на участке Шалкар-Бейнеу, трасса Алматы-Бишкек).
_ROAD_RU = re.compile(r"(авто)?(трасс|дорог|участ|направлени|маршрут|магистрал|перегон|ветк)\w{0,4}")
_DASHES = frozenset(("-", "–", "—"))
_DASH_NEEDLES = (" - ", " – ", " — ")

#: Two capitalised words a hyphen joins into one token (Шалқар-Бейнеу, Қазақстан-Қытай).
_JOINED_NAMES = re.compile(rf"([{CYRILLIC_UPPER}][{CYRILLIC_LOWER}]+)-([{CYRILLIC_UPPER}][{CYRILLIC_LOWER}]+)")


#: What stands between the routes of a list: quotes, commas, and, or.
_LIST_GLUE = frozenset(("«", "»", '"', "“", "”", ",", "және", "мен", "немесе", "и", "или"))


def _road_after_words(texts: tuple[str, ...] | list[str], k: int) -> bool:
    """Whether a road's or a section's kind follows word ``k`` (past a closing quote and тас of тас жол)."""
    k += 1
    if k < len(texts) and texts[k] in _CLOSE_QUOTES:
        k += 1
    if k < len(texts) and texts[k] == "тас":
        k += 1
    return k < len(texts) and _ROAD.fullmatch(texts[k]) is not None


def _road_after(sent: list[Token], k: int) -> bool:
    return _road_after_words([t.text for t in sent[k : k + 4]], 0)


def _known_place(word: str, lang: str) -> bool:
    entry = load_gazetteer().lookup(word, lang)
    return entry is not None and entry.type in ("GPE", "LOC")


def _two_people_joined(sent: list[Token], k: int, first: str, second: str) -> bool:
    """Whether token ``k``, two capitalised words a hyphen joins, is where two people's names meet (Ахмет
    Жұбанов-Латиф Хамиди: a surname, then the next one's first name before their surname)."""
    if k == 0 or k + 1 == len(sent) or _KK_SURNAME_END.search(first) is None:
        return False
    before, after = sent[k - 1].text, sent[k + 1].text
    if not _a_surname(after):
        return False
    return _first_name(before, "kk") or (_a_surname(before) and _first_name(second, "kk"))


def _a_surname(word: str) -> bool:
    """A capitalised word that can be a person's surname: a surname's ending (Жұбанов, which the dictionary
    also lists), or no common word; no place the gazetteer knows."""
    return (
        len(word) > 2
        and word[:1].isupper()
        and word[1:].islower()
        and word.isalpha()
        and (_KK_SURNAME_END.search(word) is not None or not common_word(word))
        and not _known_place(word, "kk")
    )


def _people_a_dash_joins(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A span a dash runs through whose sides are people's names of the same shape is two people (Ахмет
    Жұбанов – Латиф Хамиди, Жұбанов – Хамиди: the authors of one work), not one person or a thing, when the
    first side ends with a surname's ending.  Routes between places (Алматы – Бішкек) are places'."""
    out: list[Span] = []
    for sp in spans:
        dashes = [j for j in range(sp.start + 1, sp.end - 1) if texts[j] in _DASHES]
        if sp.type in ("ORG", "GPE", "LOC") or len(dashes) != 1:
            out.append(sp)
            continue
        j = dashes[0]
        left, right = texts[sp.start : j], texts[j + 1 : sp.end]
        if (
            len(left) == len(right) <= 2
            and _KK_SURNAME_END.search(left[-1]) is not None
            and all(map(_a_surname, (*left, *right)))
            and (len(left) == 1 or (_first_name(left[0], "kk") and _first_name(right[0], "kk")))
        ):
            out.extend((Span(sp.start, j, "PERSON", None), Span(j + 1, sp.end, "PERSON", None)))
        else:
            out.append(sp)
    return out


def _split_joined_places(sent: list[Token], lang: str) -> list[Token]:
    """Tokens with the two ends of a route a hyphen joins cut apart (Жетісай-Шардара автожолы, «Шалқар-Бейнеу»
    учаскесі, трасса Алматы-Бишкек, Қазақстан-Ресей): each end is a place of its own.  A name that is one
    place with a hyphen in it (Нұр-Сұлтан, Лас-Вегас) stays whole: it is cut only before a road's kind (or
    after one in Russian), or when both its halves are places the gazetteer knows."""
    cuts: list[tuple[int, int]] = []
    listed = False  # the previous route of a list (А-Б, В-Г учаскелері) was cut
    for k in range(len(sent) - 1, -1, -1) if lang == "kk" else range(len(sent)):
        text = sent[k].text
        if "-" not in text:
            if text not in _LIST_GLUE:
                listed = False
            continue
        m = _JOINED_NAMES.fullmatch(text)
        if m is None or load_gazetteer().lookup(text, lang) is not None:
            listed = False
            continue
        first, second = m.group(1), m.group(2)
        if lang == "kk" and _two_people_joined(sent, k, first, second):
            cuts.append((k, len(first)))
            listed = False
            continue
        if lang == "kk":
            road = _road_after(sent, k)
        else:
            road = any(j >= 0 and _ROAD_RU.fullmatch(sent[j].text.lower()) is not None for j in (k - 1, k - 2))
        listed = road or listed or (_known_place(first, lang) and _known_place(second, lang))
        if listed:
            cuts.append((k, len(first)))
    if not cuts:
        return sent
    cuts.sort()
    out = list(sent)
    for k, size in reversed(cuts):
        tok = sent[k]
        cut = tok.start + size
        out[k : k + 1] = [
            Token(tok.text[:size], tok.start, cut),
            Token("-", cut, cut + 1),
            Token(tok.text[size + 1 :], cut + 1, tok.end),
        ]
    return out


def _ends_of_a_road(texts: tuple[str, ...], line: str, spans: list[Span]) -> list[Span]:
    """The two names a dash joins before a road's or a route's kind are places, each of its own (Ақсу – Жолымбет
    автожолында -> Ақсу, Жолымбет): the road runs between them, whatever the CRF took the words for (a facility
    over both, a person with the sentence's first word)."""
    if not _mentions_any(line, _DASH_NEEDLES):
        return spans
    found: list[Span] = []
    drop: set[int] = set()
    listed = -1  # the first word of the route after this one in a list (А – Б, В – Г телімдері)
    for k in range(len(texts) - 3, 0, -1):
        if texts[k] not in _DASHES:
            continue
        ends = (k - 1, k + 1)
        if not all(texts[j][:1].isupper() and texts[j].isalpha() and not texts[j].isupper() for j in ends):
            continue
        in_list = listed > k + 2 and all(w in _LIST_GLUE for w in texts[k + 2 : listed])
        if not in_list and not _road_after_words(texts, k + 1) and not (
            # one span over both ends and the dash (Достық – Мойынты және ... жобасы): a route, when one end is a
            # place the gazetteer knows
            any(sp.start == k - 1 and sp.end == k + 2 and sp.type != "PERSON" for sp in spans)
            and any(_known_place(texts[j], "kk") for j in ends)
        ):
            continue
        listed = k - 1
        for j in ends:
            over = [sp for sp in spans if sp.start <= j < sp.end]
            if any(sp.type in ("GPE", "LOC") and sp.start == j and sp.end == j + 1 for sp in [*over, *found]):
                continue  # a place already
            if any(sp.entry is not None or (sp.type in ("GPE", "LOC") and not sp.start <= k < sp.end) for sp in over):
                continue  # a known name, or a longer place the word is part of
            drop.update(sp.start for sp in over)
            found.append(Span(j, j + 1, "GPE", None))
    if not found:
        return spans
    return sorted([*(sp for sp in spans if sp.start not in drop), *found], key=lambda sp: sp.start)


def _listed_settlement(texts: tuple[str, ...], j: int) -> bool:
    """Whether the words from token ``j`` on list more names up to a plural settlement's kind (, Бірлік және
    Көкбел ауылдарында)."""
    n = len(texts)
    while j < n and (texts[j] in _LIST_JOINS or _capitalised(texts[j]) or texts[j].isdigit()):
        j += 1
    if j + 1 < n and texts[j] in _SETTLEMENT_BEFORE.values():
        j += 1
    kind = _SETTLEMENT_KIND.fullmatch(texts[j]) if j < n else None
    return kind is not None and kind.group(2) is not None and kind.group(1) not in _KIND_NAME


def _named_bare(texts: tuple[str, ...], spans: list[Span]) -> set[int]:
    """Starts of the places of one word that stand in the nominative whatever they end in: before their own
    kind (Екпінді ауылында, Сатыбалды ауылы), the kind's possessive making them bare, and at a road's ends
    (Екпінді - Бірлік автожолы).  Their names are as written: Екпінді keeps its -ді, which elsewhere ends an
    accusative."""
    bare: set[int] = set()
    n = len(texts)
    for sp in spans:
        if sp.type not in ("GPE", "LOC") or sp.end - sp.start != 1 or sp.entry is not None or sp.end >= n:
            continue
        nxt = texts[sp.end]
        if _SETTLEMENT.fullmatch(nxt) or nxt == "елді" or (nxt in _LIST_JOINS and _listed_settlement(texts, sp.end)):
            bare.add(sp.start)
        elif nxt in _DASHES and _road_after_words(texts, sp.end + 1):
            bare.add(sp.start)
        elif sp.start >= 2 and texts[sp.start - 1] in _DASHES and _road_after_words(texts, sp.start):
            bare.add(sp.start)
    return bare


def _region_acronym(word: str) -> bool:
    """A region's acronym the gazetteer knows (ШҚО, ЗҚО, СҚО): облысы's О closes it."""
    if not (acronym(word) and word.endswith("О")):
        return False
    entry = load_gazetteer().lookup(word, "kk")
    return entry is not None and entry.type == "GPE"


def _region_acronym_before_its_unit(
    texts: tuple[str, ...], spans: list[Span], names: dict[int, tuple[str, ...]]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A region's acronym right before a unit's name that opens with a capital is the region's unit, one body
    (ШҚО Денсаулық сақтау басқармасы, ЗҚО Полиция департаменті), as the region's full name before it would be:
    the acronym is the place, its kind in it.

    Returns the spans and the names per span start, both changed where a span changed."""
    starts = {sp.start: sp for sp in spans}
    out: list[Span] = []
    changed = False
    for sp in spans:
        k = sp.start - 1
        if (
            sp.type == "ORG"
            and k >= 0
            and texts[sp.start][:1].isupper()
            and nominative_kk(texts[sp.end - 1]) in UNIT_KINDS
            and _region_acronym(texts[k])
            and (k not in starts or starts[k].end == sp.start)
            and not any(o.start <= k < o.end and o.type == "ORG" for o in out)
        ):
            if out and out[-1].start == k:
                out.pop()  # the region's own span goes into the body's
            names = {**names, k: (texts[k], *names.get(sp.start, texts[sp.start : sp.end]))}
            out.append(Span(k, sp.end, "ORG", None))
            changed = True
            continue
        out.append(sp)
    return (out, names) if changed else (spans, names)


#: Institutions news names by a number (№40 орта мектеп, №2 қалалық аурухана), as bare stems.
_NUMBERED_KINDS = frozenset(
    ("мектеп", "колледж", "лицей", "гимназия", "аурухана", "емхана", "клиника", "балабақша", "перзентхана")
)

#: The most words between the number and the kind (кәсіптік техникалық, «Қызылөзек» орта).
_NUMBERED_REACH = 5


#: Adjectives that stand before a school's or a college's kind without making a compound of it (орта мектеп).
_PLAIN_ADJECTIVES = frozenset(("орта", "жалпы", "арнайы", "негізгі", "бастауыш", "жаңа", "жоғары"))
#: Adjective endings (кәсіптік, облыстық, қалалық, жергілікті, мемлекеттік, ауылдағы).
_ADJECTIVE_ENDS = ("лық", "лік", "дық", "дік", "тық", "тік", "ғы", "гі", "қы", "кі", "лы", "лі", "ді", "ты", "ті")


def _noun_modifier(word: str) -> bool:
    """Whether a lower-case word before a kind is a noun (спорт, музыка, өнер), which makes a compound with the
    kind (спорт мектебі), not an adjective (орта, кәсіптік)."""
    return word.isalpha() and word.islower() and word not in _PLAIN_ADJECTIVES and not word.endswith(_ADJECTIVE_ENDS)


def _numbered_institutions(
    texts: tuple[str, ...], line: str, spans: list[Span]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A number after № and the kind of institution it numbers are one organisation, with the lower-case words
    between (№8 кәсіптік техникалық колледжге -> №8 кәсіптік техникалық колледж, №54 мектептің -> №54 мектеп);
    a quoted name between them makes the kind the name's, with its possessive (№39 «Ақбұлақ» орта мектебінде ->
    №39 «Ақбұлақ» орта мектебі).  No name the CRF saw inside it is one of its own.

    Returns the spans and, per start of a new span, the words of its name."""
    if " № " not in line:
        return spans, {}
    covering = {j: sp for sp in spans for j in range(sp.start, sp.end)}
    names: dict[int, tuple[str, ...]] = {}
    found: list[Span] = []
    n = len(texts)
    for k in range(n - 2):
        if texts[k] != "№" or not texts[k + 1].isdigit() or (k in covering and covering[k].type == "ORG"):
            continue
        if k > 0 and texts[k - 1] == _NAMED_AFTER:
            continue  # the name of someone it is named after opens it (``_named_after_someone``)
        quoted = False
        for j in range(k + 2, min(n, k + 2 + _NUMBERED_REACH)):
            word = texts[j]
            if word in _OPEN_KK_QUOTES or word in _CLOSE_QUOTES:
                quoted = True
                continue
            if not word.replace("-", "").isalpha() or (word[:1].isupper() and not quoted):
                break
            if word[:1].islower() and match_stem_kk(word) in _NUMBERED_KINDS:
                # a noun before the kind makes a compound whose kind keeps its possessive (№3 спорт мектебінде ->
                # №3 спорт мектебі); after an adjective or the number it goes (№40 орта мектебінде -> №40 орта мектеп)
                compound = j > k + 2 and _noun_modifier(texts[j - 1])
                kind = nominative_kk(word) if quoted or compound else match_stem_kk(word)
                middle = " ".join(texts[k + 2 : j]).replace("« ", "«").replace(" »", "»")
                names[k] = ("№" + texts[k + 1], *([middle] if middle else []), kind)
                found.append(Span(k, j + 1, "ORG", None))
                break
            if word[:1].islower() and (word in _NOT_BODY_WORDS or not word.islower()):
                break
    if not found:
        return spans, {}
    out = [sp for sp in spans if not any(f.start <= sp.start < f.end or sp.start <= f.start < sp.end for f in found)]
    out.extend(found)
    out.sort(key=lambda sp: sp.start)
    return out, names


#: Institutions and enterprises named after a place, the place in the nominative before their kind with its
#: possessive (Тараз ... университеті, Орынбор газ өңдеу зауыты, Каспий құбыр консорциумы): bare stems.
_PLACE_NAMED_KINDS = frozenset(
    (
        "университет",
        "институт",
        "академия",
        "зауыт",
        "фабрика",
        "комбинат",
        "консорциум",
        "корпорация",
        "театр",
        "федерация",
        "қауымдастық",
        "комиссия",
    )
)

#: The endings of a place's attribute of where a thing is (Павлодардағы, Шымкенттегі): no name's word.
_WHERE_IT_IS = ("дағы", "дегі", "тағы", "тегі")

#: The most lower-case words between the place and the kind (газ өңдеу, құбыр желісі).
_PLACE_NAMED_REACH = 3


def _place_before_its_institution(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A place in the nominative, lower-case words of what the body does and its kind with a possessive are one
    organisation named after the place (Орал газ өңдеу зауытының -> Орал газ өңдеу зауыты; Қазақстан дзюдо
    федерациясы, a country's federation or association of a field), not the place: the
    possessive ties the kind to the words before it, as a place in the genitive or a case would not
    (Павлодардағы мұнай өңдеу зауыты: a plant in Pavlodar)."""
    out: list[Span] = []
    n = len(texts)
    starts = {sp.start for sp in spans}
    for sp in spans:
        e = sp.end
        if sp.type not in ("GPE", "LOC") or e >= n or not texts[e][:1].islower():
            out.append(sp)
            continue
        if not _in_nominative(texts[e - 1], sp) or texts[e - 1].endswith(_WHERE_IT_IS):
            out.append(sp)
            continue
        end = -1
        for k in range(e, min(n, e + _PLACE_NAMED_REACH + 1)):
            word = texts[k]
            if k in starts or not (word.replace("-", "").isalpha() and word.islower()) or word in _NOT_BODY_WORDS:
                break
            stem = match_stem_kk(word)
            if stem in _PLACE_NAMED_KINDS:
                end = k + 1 if nominative_kk(word) != stem else -1
                break
        if end < 0:
            out.append(sp)
            continue
        out.append(Span(sp.start, end, "ORG", None))
    return out


#: A word of a Kazakh item, for finding where a name is written (hyphens kept: Нұр-Сұлтан).
_KK_WORD = re.compile(r"\w+(?:-\w+)*")


def _kk_key(name: str) -> tuple[str, ...]:
    """A Kazakh name's lookup key, each word's stem without its endings (Орталық Азиядағы, Орталық Азия)."""
    return tuple(match_stem_kk(word) for word in _KK_WORD.findall(name))


def _kk_nominative(surface: str, typ: str) -> str:
    """The nominative of a place's or a body's name as a Kazakh page writes it: only the last word inflects (a
    place of one word as a name does: Ыстанбұлға -> Ыстанбұл)."""
    words = [t.text for t in tokenize(surface) if t.text not in _CLOSE_QUOTES and t.text not in _OPEN_KK_QUOTES]
    if not words:
        return surface
    last = nominative_kk_name(words[-1]) if typ in ("GPE", "LOC") and len(words) == 1 else nominative_kk(words[-1])
    return " ".join((*words[:-1], last))


def _kazakh_names_as_written(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """A place or a body a Kazakh item names only otherwise than the gazetteer's name for it (Орта Азия for
    Орталық Азия, Мажарстан for Венгрия, Европа, Ыстанбұл) is shown as the item writes it, in the nominative, its
    id the gazetteer's: by the gazetteer's other name the item uses, else, where the item spells it some way the
    gazetteer lacks, by that spelling's nominative, one for all its mentions.  Where the item writes the
    gazetteer's own name anywhere, in any case and inside another name too (Венгрия Сыртқы істер министрлігі),
    that name stays.  A person keeps the fullest form (``naming``).  As ``rules_ru._russian_names_as_written``
    does for Russian, with Kazakh stems."""
    stems: list[str] | None = None
    at: dict[str, list[int]] = {}
    for rec in found.values():
        entry = rec.entry
        if entry is None or rec.type == "PERSON" or entry.type == "PERSON" or not rec.aliases:
            continue
        written = {_kk_key(_cyrillic_lookalikes(alias)) for alias in rec.aliases}
        if _kk_key(rec.name) in written:
            continue
        used = [alias for alias in entry.aliases if _kk_key(alias) in written and CYRILLIC.search(alias)]
        if not used:
            # a spelling of the item's own the gazetteer lacks, matched by its sound (Ыстанбұл, Қазақстан
            # Телеарнасы): named by it where every mention gives the one name
            own = {_kk_nominative(alias, rec.type) for alias in rec.aliases}
            if len({name.lower() for name in own}) != 1 or not all(map(CYRILLIC.search, own)):
                continue
            used = sorted(own)[:1]
            if load_gazetteer().lookup(used[0], "kk") is not entry:
                continue  # a name cut short (Атырау, Ақтөбе облыстары), an ending read wrong (Қызылор)
        if len(used) != 1:
            continue
        if stems is None:
            stems = [
                match_stem_kk(w) for text in fields.values() if isinstance(text, str) for w in _KK_WORD.findall(text)
            ]
            for k, stem in enumerate(stems):
                at.setdefault(stem, []).append(k)
        if not stems_written_in(_kk_key(rec.name), stems, at):
            rec.name = _cyrillic_lookalikes(used[0])


#: A word in the locative with a possessive (ауданында, құрамында, қаласында): where something is, which ends
#: a place's words and opens none of a body's name.
_WHERE_INSIDE = re.compile(f"[{CYRILLIC_LOWER}]{{3,}}(ында|інде|нда|нде)")

#: A place's kind with its possessive, in the locative, that a place's name before it makes a place (Бородулиха
#: ауданында).
_WHERE_KINDS = frozenset(("ауданында", "облысында", "қаласында", "ауылында", "кентінде", "округінде"))

#: A capitalised place's word in the locative that makes it an attribute (Семейдегі, Алматыдағы).
_WHERE_ATTRIBUTE = ("дағы", "дегі", "тағы", "тегі")


def _no_place_inside_a_name(
    texts: tuple[str, ...], spans: list[Span], names: dict[int, tuple[str, ...]]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A place where something is is none of its name: a body's words running on from a place in the locative
    (Бородулиха ауданында кірпіш зауыты: the district, and a works no name gives; Түркістан облысы құрамында
    әкімшілік орталығы) end at the place, and a street's words opening with a town as an attribute (Семейдегі
    Шұғаев көшесі) start after it, the town a place of its own."""
    replaced: dict[int, list[Span]] = {}
    for n, sp in enumerate(spans):
        s, e = sp.start, sp.end
        if sp.entry is not None or e - s < 3 or (s in names and len(names[s]) != e - s):
            continue
        if sp.type == "ORG":
            inner = next((i for i in range(s + 1, e - 1) if _WHERE_INSIDE.fullmatch(texts[i])), -1)
            if inner < 0:
                continue
            new: list[Span] = []
            if texts[s][:1].isupper() and texts[inner] in _WHERE_KINDS:
                new.append(Span(s, inner + 1, "GPE", None))  # the place, named with its kind
            elif texts[s][:1].isupper() and texts[inner - 1] in _KIND_GENITIVE.values():
                new.append(Span(s, inner, "GPE", None))  # the place whose part it is (Түркістан облысы құрамында)
            if texts[inner + 1][:1].isupper():
                new.append(Span(inner + 1, e, "ORG", None))
            replaced[n] = new
        elif (
            sp.type in ("GPE", "LOC")
            and texts[s][:1].isupper()
            and texts[s].endswith(_WHERE_ATTRIBUTE)
            and texts[s + 1][:1].isupper()
            and head_class(texts[e - 1]) in ("LOC", "FAC")
        ):
            replaced[n] = [Span(s, s + 1, "GPE", None), Span(s + 1, e, sp.type, None)]
    if not replaced:
        return spans, names
    names = {k: v for k, v in names.items() if not any(spans[n].start == k for n in replaced)}
    out: list[Span] = []
    for n, sp in enumerate(spans):
        out.extend(replaced.get(n, (sp,)))
    return out, names


def _own_country_opens_no_body(
    texts: tuple[str, ...], spans: list[Span], names: dict[int, tuple[str, ...]]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """Our country's, the state's (Еліміздің, Мемлекеттің) opening a body's words is whose the body is, no word
    of its name (Еліміздің төтенше жағдайлар министрлігі -> Төтенше жағдайлар министрлігі), as a possessor
    opening any name is not."""
    if not any(w.lower() in _OWN_COUNTRY for w in texts):
        return spans, names
    out: list[Span] = []
    for sp in spans:
        s = sp.start
        if sp.type == "ORG" and sp.end - s > 1 and texts[s].lower() in _OWN_COUNTRY and texts[s].endswith("ң"):
            words = names.get(s, texts[s : sp.end])
            if words and words[0] == texts[s]:
                first, *rest = words[1:]
                names = {k: v for k, v in names.items() if k != s} | {s + 1: (first[:1].upper() + first[1:], *rest)}
            sp = Span(s + 1, sp.end, "ORG", sp.entry)
        out.append(sp)
    return out, names


#: A place's own body written bare, as the first half of a compound whose head is a post (облыстық мәслихат
#: депутаты, аудандық сот судьясы): the body's name in the nominative with its possessive.
_BARE_LEVELLED_BODIES = {"мәслихат": "мәслихаты", "сот": "соты", "әкімдік": "әкімдігі", "прокуратура": "прокуратурасы"}

#: The levels a place's own body has after the place's name (Павлодар облыстық мәслихаты).
_PLACE_LEVELS = frozenset(("облыстық", "аудандық", "қалалық"))


def _levelled_body_before_a_post(
    texts: tuple[str, ...], spans: list[Span]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A place, its level and its body written bare before a post are one organisation, the post's (Павлодар
    облыстық мәслихат депутаты -> Павлодар облыстық мәслихаты, Талас аудандық сот судьясы -> Талас аудандық
    соты): Kazakh puts the possessive on the post alone, and the body is named with its own."""
    names: dict[int, tuple[str, ...]] = {}
    if not any(w in _BARE_LEVELLED_BODIES for w in texts):
        return spans, names
    out: list[Span] = []
    n = len(texts)
    for sp in spans:
        j = sp.end
        if (
            sp.type in ("GPE", "LOC")
            and j + 2 < n
            and texts[j] in _PLACE_LEVELS
            and texts[j + 1] in _BARE_LEVELLED_BODIES
            and head_class(texts[j + 2]) == "TITLE"
            and not any(other.start == j + 1 for other in spans)
        ):
            names[sp.start] = (*texts[sp.start : j], texts[j], _BARE_LEVELLED_BODIES[texts[j + 1]])
            sp = Span(sp.start, j + 2, "ORG", None)
        elif (
            sp.type == "ORG"
            and sp.entry is None
            and j - sp.start >= 3
            and j < n
            and texts[j - 2] in _PLACE_LEVELS
            and texts[j - 1] in _BARE_LEVELLED_BODIES
            and head_class(texts[j]) == "TITLE"
        ):
            names[sp.start] = (*texts[sp.start : j - 1], _BARE_LEVELLED_BODIES[texts[j - 1]])  # the CRF's own span
        out.append(sp)
    return out, names


def _no_body_ending_in_a_post(
    texts: tuple[str, ...], spans: list[Span], names: dict[int, tuple[str, ...]]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A body's words cut at a post (Шиелі ауданы әкімінің баспасөз қызметі -> Шиелі ауданы әкімінің) name no
    body: a post is a person's, so what stays is the place before it (Шиелі ауданы), or nothing."""
    out: list[Span] = []
    for sp in spans:
        s, e = sp.start, sp.end
        if sp.type == "ORG" and sp.entry is None and e - s >= 2 and head_class(names.get(s, texts[s:e])[-1]) == "TITLE":
            kinds = [p for p in range(s + 1, e - 1) if texts[p] in _PLACE_KINDS_NOMINATIVE]
            if kinds:
                out.append(Span(s, kinds[-1] + 1, "GPE", None))
            names = {k: v for k, v in names.items() if k != s}
            continue
        out.append(sp)
    return out, names


#: Kinds of institution with staff and a director that news names as bodies, though a building's kind to the CRF
#: (Ақмола облыстық тарихи-өлкетану музейі, Абай атындағы опера және балет театры, облыстық кітапханасы, «Нұр»
#: мешіті, Қорқыт ата халықаралық әуежайы, Түлкібас вокзалы): stems.
_STAFFED_KINDS = ("музей", "мұражай", "театр", "кітапхана", "филармония", "мешіт", "әуежай", "вокзал")


def _staffed_kind(word: str) -> bool:
    """A museum's, a theatre's, a library's, a mosque's, an airport's or a station's kind, one of them (музейі,
    театрының, мешітінде, әуежайынан)."""
    return word.lower().startswith(_STAFFED_KINDS) and not _is_plural(word)


def _institutions_are_bodies(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A museum, a theatre, a library or a mosque is an organisation, as the annotators' guide counts them, not a
    facility: one the CRF tagged as a building is retyped, its words as they were."""
    out: list[Span] = []
    for sp in spans:
        if (
            sp.type == "FAC"
            and sp.end - sp.start >= 2
            and texts[sp.start][:1].isupper()
            and not _is_plural(texts[sp.start])  # Алашордалықтар білім берген ғимарат мұражайға айналды: a title
            and _staffed_kind(texts[sp.end - 1])
        ):
            sp = Span(sp.start, sp.end, "ORG", sp.entry if sp.entry is not None and sp.entry.type == "ORG" else None)
        out.append(sp)
    return out


#: Kinds of body that, capitalised alone, are a body named before, not a name (Департаменттің баспасөз
#: қызметі, Музей-қорықтың қызметкерлері): stems.
_GENERIC_KINDS = frozenset(
    (
        "департамент",
        "министрлік",
        "комитет",
        "басқарма",
        "агенттік",
        "музей",
        "мұражай",
        "музей-қорық",
        "театр",
        "университет",
        "колледж",
        "аурухана",
        "емхана",
        "кітапхана",
        "прокуратура",
        "әкімдік",
    )
)


def _no_body_named_by_its_kind_alone(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A body's kind alone (Департамент, Музей-қорық), capitalised as a sentence's or a credit's first word, names
    no body: the page named it in full before, and that is its entity."""
    return [
        sp
        for sp in spans
        if not (
            sp.type == "ORG"
            and sp.end - sp.start == 1
            and sp.entry is None
            and nominative_kk(texts[sp.start].lower(), keep_possessive=False) in _GENERIC_KINDS
        )
    ]


#: A level's word opening a body's name, and the place's kind it stands for (облыстық -> облысы).
_LEVEL_PLACE_KIND = {"облыстық": "облысы", "аудандық": "ауданы"}

#: Bodies every region and district has, by their words after the level, and their official name's words after
#: the place's (облыстық полиция департаменті -> Алматы облысы полиция департаменті, аудандық әкімдік -> Казталов
#: ауданы әкімдігі).  A body named by its work (облыстық мәдениет басқармасы) the annotators keep as written.
_EVERY_PLACES_BODIES = {
    ("полиция", "департаменті"): ("полиция", "департаменті"),
    ("әкімдік",): ("әкімдігі",),
    ("әкімдігі",): ("әкімдігі",),
}


def _levelled_bodies_of_the_items_place(found: dict[str, _Found]) -> None:
    """A body named by its level alone (облыстық полиция департаменті, аудандық әкімдік) is the body of the one
    region or district the item names (Алматы облысы): named with it, as readers and annotators take it (Алматы
    облысы полиция департаменті).  With no such place, or more than one, the name stays as written."""
    places: dict[str, set[str]] = {kind: set() for kind in _LEVEL_PLACE_KIND.values()}
    for rec in found.values():
        if rec.type in ("GPE", "LOC"):
            *place, kind = rec.name.split() or [""]
            if kind in places and place:
                places[kind].add(" ".join(place))
    if not any(len(names) == 1 for names in places.values()):
        return
    by_name = {rec.name: eid for eid, rec in found.items()}
    for eid, rec in list(found.items()):
        words = rec.name.lower().split()
        level_kind = _LEVEL_PLACE_KIND.get(words[0]) if words else None
        own = tuple(words[1:])
        if rec.type != "ORG" or rec.entry is not None or level_kind is None or own not in _EVERY_PLACES_BODIES:
            continue
        if len(places[level_kind]) != 1:
            continue
        (region,) = places[level_kind]
        name = " ".join((region, level_kind, *_EVERY_PLACES_BODIES[own]))
        other = by_name.get(name)
        if other is not None and other != eid:
            found[other].absorb(rec)
            del found[eid]
        else:
            rec.name = name


def _country_before_its_body(
    texts: tuple[str, ...], spans: list[Span], names: dict[int, tuple[str, ...]]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """Қазақстан in the nominative right before a body's words in lower case opens the body's name, as ҚР does
    (Қазақстан төтенше жағдайлар министрлігінің -> Қазақстан төтенше жағдайлар министрлігі, Қазақстан шаңғы
    спорты одағы): the country's own body, no place of its own there."""
    out: list[Span] = []
    skip = -1
    for n, sp in enumerate(spans):
        if n == skip:
            continue
        nxt = spans[n + 1] if n + 1 < len(spans) else None
        if (
            nxt is not None
            and sp.type in ("GPE", "LOC")
            and sp.end - sp.start == 1
            and texts[sp.start] == "Қазақстан"
            and nxt.type == "ORG"
            and nxt.start == sp.end
            and texts[nxt.start][:1].islower()
            and head_class(texts[nxt.end - 1]) == "ORG"
        ):
            names = {k: v for k, v in names.items() if k != nxt.start}
            names[sp.start] = (texts[sp.start], *texts[nxt.start : nxt.end - 1], nominative_kk(texts[nxt.end - 1]))
            out.append(Span(sp.start, nxt.end, "ORG", nxt.entry))
            skip = n + 1
            continue
        out.append(sp)
    return out, names


def _listed_places_are_no_building(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """The last place of a list, with the list's plural kind, is a place whatever the CRF took it for (Атырау,
    Қостанай және Батыс Қазақстан облыстарының: a facility to it), so that every place of the list takes the
    kind (``_places_with_kinds``)."""
    out: list[Span] = []
    for sp in spans:
        kind = _kind_at(texts, sp.end - 1) if sp.type == "FAC" and sp.end - sp.start >= 2 else None
        joins = [k for k in range(sp.start, sp.end) if texts[k] in _LIST_JOINS]
        if kind is None or not kind[2] or not (joins or (sp.start > 0 and texts[sp.start - 1] in _LIST_JOINS)):
            out.append(sp)
            continue
        # the CRF's one facility over a list (Маңғыстау және Батыс Қазақстан облыстары): a place between joins
        start = sp.start
        for k in [*joins, sp.end]:
            if k > start:
                out.append(Span(start, k, "GPE", None))
            start = k + 1
    return out


#: A genitive ending: whose a thing is (Италияның, Ресейдің).
_GENITIVE_END = ("ның", "нің", "дың", "дің", "тың", "тің")


#: Kinds of school, named by their own words (Камерино университеті), not by the country's (a ministry's name is its
#: country's: Ресейдің Сыртқы істер министрлігі is no Kazakh ministry).
_SCHOOL_KINDS = ("университет", "институт", "академия", "колледж", "консерватория")

#: s9-ekk: a state's bodies a foreign country in the genitive owns the same way (Ресейдің Сыртқы істер
#: министрлігі, Түркияның Денсаулық сақтау министрлігі): the country, then the body, as Қытай's are read.
_STATE_BODY_KINDS = ("министрлі", "департамент", "комитет", "агенттіг")


def _foreign_country_owns_a_body(
    texts: tuple[str, ...], spans: list[Span], names: dict[int, tuple[str, ...]]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A foreign country in the genitive opening a school's name (Италияның Камерино университеті) or a state
    body's (Ресейдің Сыртқы істер министрлігі) is its owner, a place of its own, no word of the name: two names,
    the country and the school or body.  Kazakhstan's own schools and bodies are left to their rules (ҚР,
    Қазақстан Республикасының)."""
    out: list[Span] = []
    for sp in spans:
        first = texts[sp.start]
        if (
            sp.type == "ORG"
            and sp.entry is None
            and sp.end - sp.start >= 3
            and sp.start not in names
            and first.endswith(_GENITIVE_END)
            and texts[sp.start + 1][:1].isupper()
            and texts[sp.end - 1].lower().startswith(_SCHOOL_KINDS + _STATE_BODY_KINDS)
        ):
            country = load_gazetteer().lookup(first, "kk")
            if country is not None and country.type == "GPE" and country.entity_id != "Q232":
                out.append(Span(sp.start, sp.start + 1, "GPE", country))
                sp = Span(sp.start + 1, sp.end, "ORG", None)
        out.append(sp)
    return out, names


#: Latin letters that look like Cyrillic ones, which some pages type inside Cyrillic words (Нұр-Cұлтан with a
#: Latin C): the Cyrillic letter each stands for.
_LOOKALIKES = str.maketrans("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху")


def _cyrillic_lookalikes(name: str) -> str:
    """``name`` with the Latin look-alike letters of its Cyrillic words made Cyrillic (Нұр-Cұлтан ->
    Нұр-Сұлтан), so that it is the name the page means, as readers read it; a Latin word stays Latin."""
    if name.isascii() or not CYRILLIC.search(name):
        return name
    out = []
    for word in name.split(" "):
        latin = sum("a" <= c.lower() <= "z" for c in word)
        if latin and len(CYRILLIC.findall(word)) > latin:
            word = word.translate(_LOOKALIKES)  # a Latin word with a Cyrillic letter (Кaspy) stays as it is
        out.append(word)
    return " ".join(out)


#: An arena after its name, in any case (Абай арена, Барыс Аренасында): a venue named with the word.
_ARENA = re.compile(r"[Аа]рена(сы)?\w{0,5}")


def _arenas(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A sports arena is a place named with its word (Абай арена, Барыс Арена): a one-word name before арена, read
    as a person or a town, grows over it; a facility's words running past it (Барыс Арена мұз сарайы) end at it."""
    out: list[Span] = []
    skip = -1
    for sp in spans:
        if sp.start < skip:
            continue
        e = sp.end
        if sp.type in ("PERSON", "GPE", "LOC") and e - sp.start == 1 and e < len(texts) and _ARENA.fullmatch(texts[e]):
            out.append(Span(sp.start, e + 1, "LOC", None))
            skip = e + 1
            continue
        inner = next((k for k in range(sp.start + 1, e - 1) if _ARENA.fullmatch(texts[k])), -1)
        if sp.type == "FAC" and inner > 0 and texts[inner][:1].isupper():
            out.append(Span(sp.start, inner + 1, "LOC", None))
            continue
        out.append(sp)
    return out


#: A region's or a district's kind written bare, as the first half of a compound before a post (Оңтүстік Қазақстан
#: облыс имамы, Сайрам аудан әкімі), and its name's word.
_BARE_PLACE_KINDS = {"облыс": "облысы", "аудан": "ауданы"}


def _possessed(word: str) -> bool:
    """A lower-case noun with the third person's possessive (әкімі, имамы, орталығы): a compound's head."""
    return word.isalpha() and word.islower() and word.endswith(("ы", "і"))


def _place_with_a_bare_kind(
    texts: tuple[str, ...], spans: list[Span], names: dict[int, tuple[str, ...]]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A place, then its kind bare before a post or a thing of it (Оңтүстік Қазақстан облыс имамы, Сайрам аудан
    әкімі): the region, named with its kind as everywhere (Оңтүстік Қазақстан облысы); Kazakh puts the possessive
    on the compound's head alone."""
    out: list[Span] = []
    n = len(texts)
    for sp in spans:
        e = sp.end
        if (
            sp.type in ("GPE", "LOC")
            and sp.start not in names
            and e + 1 < n
            and texts[e] in _BARE_PLACE_KINDS
            and _possessed(texts[e + 1])
        ):
            names = {**names, sp.start: (*texts[sp.start : e], _BARE_PLACE_KINDS[texts[e]])}
            sp = Span(sp.start, e + 1, sp.type, None)
        elif (
            sp.type in ("GPE", "LOC")
            and sp.start not in names
            and e - sp.start >= 2
            and e < n
            and texts[e - 1] in _BARE_PLACE_KINDS
            and _possessed(texts[e])
        ):
            names = {**names, sp.start: (*texts[sp.start : e - 1], _BARE_PLACE_KINDS[texts[e - 1]])}  # the CRF's own
        out.append(sp)
    return out, names


#: A surname in the plural, in any case (Култышевтер, Серікбаевтардың): a family, no one person.
_FAMILY = re.compile(r"(.+(?:ов|ев|ин))(тар|тер|дар|дер|лар|лер)(дың|дің|ға|ге|да|де|ды|ді|ымен|імен|ы|і)?")


#: Plural kinds a list of bodies shares (Қорғаныс, Ішкі істер министрліктері): how the plural starts -> one body's.
_SHARED_KINDS = {"министрліктер": "министрлігі", "комитеттер": "комитеті"}

#: Words that join the list's names when a capitalised name follows them (Қорғаныс және Ішкі істер).
_LIST_JOINS = frozenset((",", "және", "мен", "бен", "пен"))


def _kind_shared_by_a_list(
    texts: tuple[str, ...], spans: list[Span], kinds: dict[int, tuple[str, ...]]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """Bodies listed before one plural kind are each a body of that kind (Қорғаныс, Ішкі істер министрліктерінің ->
    Қорғаныс министрлігі, Ішкі істер министрлігі; Білім және ғылым, Денсаулық сақтау министрліктері): each name
    opens at a capitalised word, and a join before a lower-case word is inside a name (Білім және ғылым)."""
    for k in range(2, len(texts)):
        # the kind possessed (министрліктері, комитеттерінің), not a direction (министрліктерге)
        one = next((v for key, v in _SHARED_KINDS.items() if texts[k].startswith(key + "і")), None)
        if one is None:
            continue
        names: list[tuple[int, int]] = []
        end = k
        j = k - 1
        while j >= 0:
            s = j
            while s >= 0 and not texts[s][:1].isupper():
                if texts[s] in _LIST_JOINS and not (texts[s] != "," and texts[s + 1][:1].islower()):
                    s = -1
                    break
                s -= 1
            if s < 0 or s == end:
                break
            names.append((s, end))
            if s == 0 or texts[s - 1] not in _LIST_JOINS:
                break
            end = s - 1
            j = s - 2
        if len(names) < 2:
            continue
        lo = names[-1][0]
        out = [sp for sp in spans if sp.end <= lo or sp.start > k]
        found = {s: (*(w for w in texts[s:e] if w != ","), one) for s, e in names}
        out.extend(Span(s, e if e < k else k + 1, "ORG", None) for s, e in names)
        out.sort(key=lambda sp: sp.start)
        kept = {s: w for s, w in kinds.items() if s < lo or s > k}
        return out, kept | found
    return spans, kinds


#: A place's residents, possessed by it (Искра тұрғындары, Жаңатұрмыс тұрғынының): the name before them is a
#: settlement's, not a person's; met or told residents (тұрғындармен, тұрғындарға) have no possessive.
_RESIDENTS_OF = re.compile(r"тұрғын(дар|дер)?(ы|і|ының|ына|ын|ынан|ында)")


def _residents_name_their_place(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A name taken for a person's before a place's residents is the place's (Искра тұрғындарының саны ->
    Искра, a village): a capitalised common word opening the sentence before it is no part of it (Ауылға
    Берёзовка тұрғындары -> Берёзовка)."""
    out: list[Span] | None = None
    for n, sp in enumerate(spans):
        if sp.type != "PERSON" or sp.entry is not None or sp.end >= len(texts):
            continue
        if _RESIDENTS_OF.fullmatch(texts[sp.end]) is None:
            continue
        start = sp.start
        while start < sp.end - 1 and common_word(texts[start]):
            start += 1
        if out is None:
            out = list(spans)
        out[n] = Span(start, sp.end, "GPE", None)
    return spans if out is None else out


def _no_family_as_a_person(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A lone surname in the plural names a family (ерлі-зайыпты Култышевтердің отбасында), no person: the family's
    members the page names, if any, are its people."""
    return [
        sp
        for sp in spans
        if not (sp.type == "PERSON" and sp.end - sp.start == 1 and _FAMILY.fullmatch(texts[sp.start]))
    ]


# s9-ekk: classes the s9 blind review of fresh Kazakh pages found read wrong.

#: Two initials and a surname in one token (М.Ж.Калелов, Е.К.Нұрғалиевке), as the sentence splitter's glue
#: makes of М.Ж. Калелов or the press writes it.
_TWO_INITIALS_AND_SURNAME = re.compile(
    rf"[{CYRILLIC_UPPER}A-Z]\.[{CYRILLIC_UPPER}A-Z]\.[{CYRILLIC_UPPER}A-Z][{CYRILLIC_LOWER}a-z]{{2,}}"
)


def _initialled_name_is_no_body(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """An initial and a surname in one token alone is a person, no body: the CRF, which never saw one, reads one
    after a court's post (сотының төрағасы Б.Кадыргалиев) as an organisation.  One атындағы or a kind follows
    (Т.Рысқұлов атындағы, Т.Рысқұлов ауданы) is left to the rules for those names."""
    out: list[Span] = []
    for sp in spans:
        word = texts[sp.start]
        if (
            sp.type == "ORG"
            and sp.entry is None
            and sp.end - sp.start == 1
            and _INITIALLED.fullmatch(word)
            and word[:1].isupper()
            and word[2:3].isupper()
            and not (sp.end < len(texts) and texts[sp.end][:1].islower() and head_class(texts[sp.end]) != "")
            and not (sp.end < len(texts) and texts[sp.end].startswith("атын"))
        ):
            sp = Span(sp.start, sp.end, "PERSON", None)
        out.append(sp)
    return out


def _two_initials_and_a_surname(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """Two initials glued to a surname name a person: KazNERD writes initials apart, so the CRF, which never saw
    such a token, reads it as a place or misses it.  What is named after them (Л.Н.Гумилев атындағы) is left to
    the rules for those names."""
    n = len(texts)
    found = [
        k
        for k in range(n)
        if _TWO_INITIALS_AND_SURNAME.fullmatch(texts[k]) and not (k + 1 < n and texts[k + 1].startswith("атын"))
    ]
    if not found:
        return spans
    out = [sp for sp in spans if not any(sp.start <= k < sp.end for k in found)]
    out += [Span(k, k + 1, "PERSON", None) for k in found]
    out.sort(key=lambda sp: sp.start)
    return out


def _named_after_runs_to_its_kind(
    texts: tuple[str, ...], line: str, spans: list[Span]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A name the CRF holds атындағы in but cuts before the thing's kind (Дәулеткерей атындағы Батыс Қазақстан
    облыстық | филармониясы, read as a building or a body of a region) runs to that kind: the whole is one
    organisation, named in the nominative.  Returns the spans and, per start of a changed span, its words."""
    if " " + _NAMED_AFTER + " " not in line:
        return spans, {}
    names: dict[int, tuple[str, ...]] = {}
    out: list[Span] = []
    skip_to = -1
    for sp in spans:
        if sp.start < skip_to:
            continue
        k = next((j for j in range(sp.start + 1, sp.end) if texts[j] == _NAMED_AFTER), -1)
        thing = _what_is_named_after(texts, k) if k > 0 else None
        if thing is None or thing[1] != "ORG" or thing[2] or thing[0] <= sp.end:
            out.append(sp)
            continue
        end = thing[0]
        out.append(Span(sp.start, end, "ORG", None))
        names[sp.start] = (*texts[sp.start : end - 1], nominative_kk(texts[end - 1]))
        skip_to = end
    return out, names


def _quoted_before_its_kind(texts: list[str], start: int, end: int) -> bool:
    """Whether words ``start:end`` are a whole quoted name with its kind after the closing quote («Гүлдер»
    ансамблінің, «Достар» командасы): the kind takes the case, so the quoted words are the name as written, a
    plural (Гүлдер, Жұлдыздар) no ending to take off."""
    return (
        start > 0
        and end + 1 < len(texts)
        and texts[start - 1] in _QUOTES_OPENING
        and texts[end] in _CLOSE_QUOTES
        and texts[end + 1].islower()
        and (head_class(texts[end + 1]) in ("ORG", "ORGW") or texts[end + 1].startswith(_GROUP_KINDS))
    )


#: Kinds of a named group or practice the CRF's head list lacks (ансамблі, хоры, оркестрі, клиникасы,
#: емханасы): a quoted name before one is a body's.
_GROUP_KINDS = ("ансамбл", "хор", "оркестр", "клиника", "емхана", "студия", "бірлест")


#: Words for people in the plural, bare or possessed (мамандар, мамандары, қызметкерлері, оқушылары): the
#: subject of a sentence, which opens no body's name unless the body's kind follows it straight (Ұлттық
#: кәсіпкерлер палатасы, Ардагерлер кеңесі).
_PEOPLE_PLURAL = re.compile(
    r"(?:(?:маман|қызметкер|оқушы|тұрғын|кәсіпкер|студент|дәрігер|ұстаз|мұғалім|жұмысшы|ардагер|депутат|өкіл|"
    r"тілші|сарапшы|полицей|құтқарушы|ерікті|мүше)(?:лар|лер|дар|дер|тар|тер))(?:ы|і)?"
)


def _people_open_no_body(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A body's name the CRF ran back over the people a sentence opens with (Медицина мамандары | полиция
    департаменті қызметкерлеріне алғыс айтты, Жас мамандар | денсаулық сақтау басқармасына): the body begins
    after the word for the people, when more than its kind follows that word."""
    out: list[Span] = []
    for sp in spans:
        if sp.type == "ORG" and sp.entry is None and sp.end - sp.start >= 4:
            cut = next(
                (
                    j
                    for j in range(sp.start + 1, sp.end - 2)
                    if texts[j].islower() and _PEOPLE_PLURAL.fullmatch(texts[j]) and texts[j + 1] not in _LIST_JOINS
                ),
                -1,
            )
            if cut > 0:
                sp = Span(cut + 1, sp.end, "ORG", None)
        out.append(sp)
    return out


def _full_name_read_as_a_place(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A first name and a surname with a Russian-style ending in the nominative (Зарыққан Абишев), read by the
    CRF as a place with the first name left out, is a person: a place the gazetteer does not know seldom ends so
    and never follows a bare capitalised name.  Typical before where they were born (… Тайынша ауданы Аққұдық
    ауылында дүниеге келген)."""
    covered = {j for sp in spans for j in range(sp.start, sp.end)}
    out: list[Span] = []
    for sp in spans:
        k = sp.start
        if (
            sp.type in ("GPE", "LOC")
            and sp.entry is None
            and sp.end - k == 1
            and k > 0
            and k - 1 not in covered
            and _RU_SURNAME_END.search(texts[k]) is not None
            and _a_surname(texts[k])
            and texts[k - 1][:1].isupper()
            and texts[k - 1][1:].islower()
            and _a_surname(texts[k - 1])
            and _KK_SURNAME_END.search(texts[k - 1]) is None
        ):
            sp = Span(k - 1, sp.end, "PERSON", None)
        out.append(sp)
    return out


def _latin_place_opening_a_name(texts: tuple[str, ...], spans: list[Span]) -> list[Span]:
    """A place in Latin letters inside Cyrillic Kazakh, followed by more capitalised Latin words (Qazaqstan Media,
    Kazakhstan Today тілшісі), opens a Latin name, an outlet's or a company's: one organisation, not the place."""
    covered = {j for sp in spans for j in range(sp.start, sp.end)}
    n = len(texts)
    out: list[Span] = []
    for sp in spans:
        end = sp.end
        if sp.type in ("GPE", "LOC") and all(w.isascii() and w.isalpha() for w in texts[sp.start : sp.end]):
            while end < n and end not in covered and texts[end].isascii() and texts[end].istitle():
                end += 1
        out.append(Span(sp.start, end, "ORG", None) if end > sp.end else sp)
    return out


def _two_word_rural_district(
    texts: tuple[str, ...], spans: list[Span], names: dict[int, tuple[str, ...]]
) -> tuple[list[Span], dict[int, tuple[str, ...]]]:
    """A rural district named by a capitalised word and a lower-case one (Жібек жолы ауылдық округі, Жаңа жол,
    Қызыл ту ауылдық округінде) is one place with its kind: the CRF reads the two words as a road, a building or
    an event, or nothing.  Returns the spans and the names, the new place's in the nominative."""
    n = len(texts)
    found = [
        k
        for k in range(n - 3)
        if texts[k + 2] == "ауылдық"
        and texts[k + 3].startswith("округ")
        and not _is_plural(texts[k + 3])
        and texts[k][:1].isupper()
        and texts[k][1:].islower()
        and texts[k].isalpha()
        and texts[k + 1].islower()
        and texts[k + 1].isalpha()
        and not texts[k + 1].startswith(("аудан", "қала", "облыс", "ауыл", "округ", "кент", "өңір"))
        and (k == 0 or not texts[k - 1][:1].isupper() or (k == 1 and common_word(texts[0])))
    ]
    if not found:
        return spans, names
    out = [sp for sp in spans if not any(sp.start < k + 4 and k < sp.end for k in found)]
    names = {s: w for s, w in names.items() if any(sp.start == s for sp in out)}
    for k in found:
        out.append(Span(k, k + 4, "GPE", None))
        names[k] = (texts[k], texts[k + 1], "ауылдық", "округі")
    out.sort(key=lambda sp: sp.start)
    return out, names
