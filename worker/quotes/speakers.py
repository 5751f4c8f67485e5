"""Speaker resolution: a phrase next to a quote -> the person it names.

Order of evidence: a PERSON mention of the entity layer inside the phrase, a
surname of a known person (suffixes tolerated), a pronoun (last person named
as subject), a title (apposition in the item, then the entity's ``roles``,
then the last person named as subject), an organisation (named in the phrase, or by a kind of body
or a press office: the one named before), a plain capitalized name. A person named in an oblique
case (the one addressed or asked) is never the speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from types import MappingProxyType
from typing import Final, NamedTuple

from worker.entities.ner import _STARTERS as _KK_STARTERS
from worker.entities.ner import names_a_people
from worker.model import Entity, Mention, Speaker
from worker.text.language import _RUSSIAN_FUNCTION_WORDS
from worker.text.script import KAZAKH_LETTERS

from .kk_speakers import (
    THOSE_AT_RE,
    addressed_title,
    kin_word,
    kk_addressee,
    kk_joined_possessor,
    kk_possessor,
    kk_reports,
    opening_modifier,
    person_document,
    title_only_name,
)
from .lexicon import (
    EN_CUES,
    HONORIFICS,
    KK_BARE_CUES,
    KK_DEP_CUES,
    NOUN_SUFFIXES,
    PRONOUNS,
    ROLE_ONLY_HEADS,
    RU_CUES,
    STOPWORDS,
)
from .morph import base_matches, in_oblique_case, is_capitalized, same_stem, title_head
from .scan import GERUND_OBJECTS, WORD_RE, clause_end, find_cue

__all__ = ["Resolver", "Resolved", "Anchor", "unnamed_subject"]

_APPOSITION_WINDOW = 80
_SPEAKING_REACH = 40
_BODY_OPENING = 60
#: Words of a narration searched for a post (titled_in): the sentence's opening and its subject.
_TITLED_WORDS = 24
#: Words a Kazakh sentence may put before the body that speaks in it (Бұл туралы, X туралы ...).
_BODY_LEAD_WORDS = 6
_LOOKBACK = 32
#: Lower-case words of a role given after a speech verb (бас менеджер, жергілікті тұрғын).
_ROLE_WORDS = 3
#: Levels of place a post's qualifier names, region to village, by the beginnings of their Russian and Kazakh words
#: (области, облыстық, города, қаласының, района, аудандық, села, ауыл) (s11-spk).
_PLACE_LEVELS = (
    ("облас", "облыс"),
    ("город", "қала", "столиц", "елорд", "мегаполис"),
    ("район", "аудан"),
    ("село", "села", "селе", "сельск", "ауыл"),
)


def _place_level(word: str) -> int:
    """The level of place a qualifier names (0 region, 1 town, 2 district, 3 village), -1 for none."""
    return next((n for n, stems in enumerate(_PLACE_LEVELS) if word.startswith(stems)), -1)

#: Words of a description between a role's comma and the name it is apposed to (главный редактор сайта X).
_APPOSED_WORDS = 6
#: English determiners opening a speaker phrase that describes someone (The Kazakh State Counselor).
_DETERMINERS = frozenset({"the", "this", "that"})


class Anchor(NamedTuple):
    """A person named at a place in the item (global order: field index, offset)."""

    key: tuple[int, int]
    entity_id: str | None
    name: str
    subject: bool


@dataclass(frozen=True, slots=True)
class Resolved:
    speaker: Speaker
    strength: float
    """1.0 entity by name, 0.9 title/pronoun resolved, 0.85 plain name, 0.6 unresolved."""


@dataclass(slots=True)
class _Mention:
    fidx: int
    start: int
    end: int
    entity: Entity
    subject: bool


@dataclass(slots=True)
class Resolver:
    """Per-item speaker resolver (built fresh for every item, never shared)."""

    fields: Mapping[str, str]
    order: Sequence[str]
    persons: list[Entity]
    mentions: list[_Mention] = field(default_factory=list)
    appositions: dict[str, list[tuple[list[str], Entity]]] = field(default_factory=dict)
    """Title head -> (qualifiers, person) for "министр Ерлан Сейітов" in the item, in text order."""
    appositions_done: bool = False
    roles_done: bool = False
    role_heads: list[tuple[Entity, str, list[str]]] = field(default_factory=list)
    surnames: list[tuple[Entity, str]] = field(default_factory=list)
    surnames_by_prefix: dict[str, list[tuple[Entity, str]]] = field(default_factory=dict)
    """``surnames`` by their first three letters: every base_matches hit shares them."""
    first_names: dict[str, list[Entity]] = field(default_factory=dict)
    """Persons named in full by their first name as written (Куаныш for Куаныш Базаргалиев)."""
    titled: dict[tuple[str, tuple[str, ...]], _Titled] = field(default_factory=dict)
    """``_by_title`` answers by (head, qualifiers), valid while ``appositions_done`` does not change."""
    anchors: list[Anchor] = field(default_factory=list)
    """Persons named in the item (its PERSON mentions), in text order."""
    anchor_keys: list[tuple[int, int]] = field(default_factory=list)
    said: list[Anchor] = field(default_factory=list)
    """Speakers of the quotes resolved so far, in text order: anchors too, after mentions at the same place."""
    said_keys: list[tuple[int, int]] = field(default_factory=list)
    mention_keys: list[tuple[int, int]] = field(default_factory=list)
    quoted: set[int] = field(default_factory=set)
    """Indexes in ``anchors`` of the persons named inside the quotes met so far: a person named inside a quote
    is quoted, not the one a later pronoun stands for (s11-spkb)."""
    orgs: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Mentions of the item's organisations as (field index, start, end, index in ``org_entities``), sorted."""
    org_entities: list[Entity] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    """``_name_of`` answers by entity id."""
    authors: list[tuple[tuple[int, int], Entity]] | None = None
    """Persons named as a statement's author (a statement by X), by place; found on first need."""
    places: list[Entity] = field(default_factory=list)
    """The item's places (GPE, LOC): a town's akimat is named by the town (s8-qrubodies)."""

    @classmethod
    def build(cls, fields: Mapping[str, str], order: Sequence[str], entities: Sequence[Entity]) -> Resolver:
        persons = [_unglued(e) if "." in e.name else e for e in entities if e.type == "PERSON"]
        persons = _named_inside(persons)
        res = cls(fields, order, persons)
        fidx = {f: i for i, f in enumerate(order)}
        mentions = res.mentions
        eponyms: set[tuple[int, int]] = set()
        held = _honorific_holders(persons)
        for ent in persons:
            parts = ent.name.split()
            last = (parts[-1] if parts else ent.name).lower()
            owner = held.get(ent.entity_id, ent)
            for m in ent.mentions:
                text = fields.get(m.field) or ""
                if m.field not in fidx or not (0 <= m.start < m.end <= len(text)):
                    continue
                written = text[m.start : m.end].split()
                subject = bool(written) and written[-1].lower() == last
                if subject and text[m.start : m.start + 1].isascii():
                    # English marks no case: a name right after told, met or with is an object (s12)
                    subject = _EN_OBJECT_BEFORE_RE.search(text, max(0, m.start - 16), m.start) is None
                subject = subject or _reported_speaker(text, m.start, m.end)
                if _byline(text, m.start, m.end):
                    continue  # Автор: Марина Ковалева, a name alone on the first or last line: the writer
                if _photo_credit(text, m.start):
                    continue  # /Фото Галины КАТКОВОЙ: who took the picture holds no post the item names
                if _EPONYM_BEFORE_RE.search(text, max(0, m.start - 8), m.start) or _EPONYM_AFTER_RE.match(text, m.end):
                    eponyms.add((fidx[m.field], m.start))  # ТОО имени "Абая": a body's name, nobody who speaks
                mentions.append(_Mention(fidx[m.field], m.start, m.end, owner, subject))
        mentions.sort(key=_mention_order)
        for ent in entities:
            if ent.type == "ORG":
                for m in ent.mentions:
                    if m.field in fidx:
                        res.orgs.append((fidx[m.field], m.start, m.end, len(res.org_entities)))
                res.org_entities.append(ent)
        res.orgs.sort()
        res.places = [ent for ent in entities if ent.type in ("GPE", "LOC")]
        for ent in persons:
            parts = ent.name.split()
            if parts and len(parts[-1]) >= 3 and not title_only_name(ent.name):  # Бас Мүфти: no surname
                surname = parts[-1].lower()
                res.surnames.append((ent, surname))
                res.surnames_by_prefix.setdefault(surname[:3], []).append((ent, surname))
            if len(parts) >= 2 and len(parts[0]) >= 3 and parts[0].isalpha() and not title_only_name(ent.name):
                res.first_names.setdefault(parts[0], []).append(ent)
        res.mention_keys = [(mm.fidx, mm.start) for mm in mentions]
        # a name inside a body's name is nobody a later quote or pronoun stands for
        kept = [mm for mm in mentions if (mm.fidx, mm.start) not in eponyms] if eponyms else mentions
        res.anchor_keys = [(mm.fidx, mm.start) for mm in kept] if eponyms else list(res.mention_keys)
        res.anchors = [Anchor((m.fidx, m.start), m.entity.entity_id, m.entity.name, m.subject) for m in kept]
        return res

    def _prepare_roles(self) -> None:
        """Parse the entities' roles, once per item and only when a title needs resolving."""
        self.roles_done = True
        for ent in self.persons:
            for role in ent.roles:
                words = role.split()
                for i in range(len(words) - 1, -1, -1):
                    head = title_head(words[i])
                    if head is not None:
                        quals = [w.lower() for w in words[:i] if w.lower() not in STOPWORDS]
                        self.role_heads.append((ent, head, quals))
                        break

    def _apposition(self, mm: _Mention, seen: set[tuple[str, tuple[str, ...], int]]) -> None:
        text = self.fields.get(self.order[mm.fidx]) or ""
        if title_head(text[mm.start : mm.end]) is not None:
            return  # (s11-head) министр президент үндеуі жайлы: a post the person is named by, no name after a post
        lo = max(0, mm.start - _APPOSITION_WINDOW)
        cut = max(text.rfind(".", lo, mm.start), text.rfind("\n", lo, mm.start), text.rfind(",", lo, mm.start))
        clause = [w.group() for w in WORD_RE.finditer(text, cut + 1 if cut >= 0 else lo, mm.start)]
        words = clause[-4:]
        if not any(title_head(x) is not None for x in words):
            words = _post_before_body(clause) or words
        for i in range(len(words) - 1, -1, -1):
            head = title_head(words[i])
            if head == "глава" and i + 1 < len(words) and _names_ministry(words[i + 1]):
                head = "министр"  # Глава Минздрава Ажар Гиният: the minister, as ``resolve`` reads the post
            if head == "глава" and i + 1 < len(words):
                head = _ru_head_of(words[i + 1], head)
            if head is not None:
                if i > 0 and any(_is_cue(x) for x in words[:i]) and _oblique(text, mm):
                    break  # деді әкім Ерлан Сейітовке: the speaker's title after the cue, then the one addressed
                russian = _russian_around(text, lo, mm.end)
                if not russian and any(x.islower() for x in words[i + 1 :]) and _oblique(text, mm):
                    # (s11-head) министрі азаматтарға Қасым-Жомарт Тоқаевтың үндеуі: other words, then a name in
                    # another case, which is no holder of the post
                    break
                quals = [w.lower() for w in words[max(0, i - 2) : i] if w.lower() not in STOPWORDS]
                if russian:
                    # Аким района Нуржан Абенов; Наконец глава Минуглепрома Юрий Бойко: no qualifier
                    quals = [q for q in quals if _RU_ADJECTIVE.search(q) is not None]
                    quals += _ru_quals_after(words[i + 1 :])
                key = (head, tuple(quals), id(mm.entity))
                if key not in seen:  # the same person with the same title again adds nothing
                    seen.add(key)
                    self.appositions.setdefault(head, []).append((quals, mm.entity))
                    foreign = i > 0 and names_a_people(words[i - 1].lower())
                    peer = self._untitled_subject_before(text, mm) if foreign else None
                    if peer is not None and (head, (), id(peer)) not in seen:
                        # Финалда Мейрамбек қырғыз балуаны Алмаз Сманбековпен белдесті: the subject, untitled,
                        # met one of the role from another people, and is one of it too, the item's own: a bare
                        # деді балуан is the subject's, деді қырғыз балуаны the other's (s11-spkb)
                        seen.add((head, (), id(peer)))
                        self.appositions[head].append(([], peer))
                break

    def _apposition_after(self, mm: _Mention, seen: set[tuple[str, tuple[str, ...], int]]) -> None:
        """``Айгуль Сейткали, волонтёр фонда``, ``Saule Kenzhebayeva, the chairperson of ...``: a post given after
        the name and a comma, in lower case before any capital (a capital first is the next name of a list)."""
        text = self.fields.get(self.order[mm.fidx]) or ""
        after = _APPOSITION_AFTER.match(text, mm.end, min(len(text), mm.end + 64))
        if after is None or _oblique(text, mm):
            return
        words = WORD_RE.findall(after.group(1))
        for i, w in enumerate(words):
            if is_capitalized(w):
                return
            head = title_head(w)
            if head is None:
                continue
            quals = _ru_quals_after(words[i + 1 :]) if _russian_around(text, mm.start, after.end()) else []
            key = (head, tuple(quals), id(mm.entity))
            if key not in seen:
                seen.add(key)
                self.appositions.setdefault(head, []).append((quals, mm.entity))
            return

    def _untitled_subject_before(self, text: str, mm: _Mention) -> Entity | None:
        """The person named in the nominative before ``mm`` in its sentence (by a mention, or by the first name
        alone: Финалда Мейрамбек ...), under no title and with no post the gazetteer knows, when ``mm`` names
        another person in an oblique case other than the genitive (whom the subject met, beat, played): the
        subject; None otherwise."""
        if not _oblique(text, mm) or text.endswith(_KK_GENITIVE, mm.start, mm.end):
            return None
        lo = max(text.rfind(".", 0, mm.start), text.rfind("\n", 0, mm.start)) + 1
        i = bisect_left(self.mention_keys, (mm.fidx, lo))
        named = {
            other.start: other
            for other in self.mentions[i : i + _LOOKBACK]
            if other.fidx == mm.fidx and other.start < mm.start
        }
        for w in WORD_RE.finditer(text, lo, mm.start):
            other = named.get(w.start())
            if other is not None:
                ent = None if _oblique(text, other) else other.entity
            else:
                by_first = self.first_names.get(w.group(), [])
                ent = by_first[0] if len(by_first) == 1 else None
            if ent is None or ent.entity_id == mm.entity.entity_id or ent.roles:
                continue
            before = WORD_RE.findall(text, max(0, w.start() - 24), w.start())
            if not (before and title_head(before[-1]) is not None):
                return ent
        return None

    # --- public -------------------------------------------------------------

    def resolve(
        self,
        fidx: int,
        start: int,
        end: int,
        quote_key: tuple[int, int],
        *,
        nominative: bool = True,
        cue_gender: str = "",
    ) -> Resolved | None:
        """Resolve the speaker phrase ``field[start:end]`` of a quote at ``quote_key``.

        ``nominative``: the phrase names the speaker in the nominative, as a speech verb's subject
        does, so a person named there in another case is not the speaker (see ``_drop_oblique``);
        False for ``По словам X`` and ``X айтуынша``, which name the speaker in the genitive.
        """
        text = self.fields.get(self.order[fidx]) or ""
        if end <= start:
            return None
        overlapping = [
            mm for mm in self._overlapping(fidx, start, end) if not _eponym(text, mm) and not _titled_word(text, mm)
        ]
        addressed: set[str] = set()
        if overlapping:
            overlapping, addressed, end = self._kk_speaking(fidx, text, start, end, overlapping)
        addressed_names: set[str] = (
            {self._name_of(p) for p in self.persons if p.entity_id in addressed} if addressed else set()
        )
        if cue_gender:
            # сказала ... Сулейменова, a man's name in the genitive: the verb's subject is a woman, not him
            overlapping = [mm for mm in overlapping if not _other_sex(text, mm, cue_gender)]
        if nominative and overlapping:
            # говорила дочь Азиза Омарова, named Азиз Омаров: by the verb, her name in the nominative
            nominal = [mm for mm in overlapping if not (cue_gender and _sex_as_written(text, mm, cue_gender))]
            bounds = self._drop_oblique(text, start, end, nominal)
            if bounds != (start, end):
                # рассказал председатель Нацбанка Назарбаеву: the one addressed holds no post of the speaker's
                dropped = [mm.entity for mm in overlapping if not bounds[0] <= mm.start < bounds[1]]
                addressed |= {ent.entity_id for ent in dropped}
                addressed_names |= {self._name_of(ent) for ent in dropped}
                start, end = bounds
                if end <= start:
                    return None
                overlapping = [
                    mm
                    for mm in self._overlapping(fidx, start, end)
                    if not _eponym(text, mm) and not _titled_word(text, mm)
                ]
                overlapping = self._kk_speaking(fidx, text, start, end, overlapping)[0]
        words = list(islice(WORD_RE.finditer(text, start, end), 10))
        if not words:
            return None
        if len(words) > 1 and words[0].group().lower() in _PARENTHETICALS:
            words = words[1:]  # Например, вице-спикер сената ...: a parenthetical word opens the phrase, no name
        if len(words) > 1 and words[0].group().lower() in _ANSWER_LABELS and not overlapping:
            # Ответ Казнета: «Q»: a label naming whose reply follows, a crowd or a body, no person's name
            label = _norm(text[words[0].start() : words[min(3, len(words)) - 1].end()])
            return Resolved(Speaker(label, None, None), 0.6)
        if len(words) == 1 and words[0].group().lower() in _QUOTING_LABELS:
            # Об этом пишет экономист Алмас Чукин. Дословно: «Q»: the label hands on to the one named before
            return self.implicit(quote_key)
        lead_low = words[0].group().lower()
        crowd_lead = lead_low in _CROWD_LEADS or (len(words) > 1 and words[1].group().lower() in _CROWDS)
        if crowd_lead and not overlapping and unnamed_crowd(text[words[0].start() : end]):
            # Пользователи сети отмечают: people the item does not name, whatever capitals follow
            crowd = _norm(text[words[0].start() : words[min(3, len(words)) - 1].end()])
            return Resolved(Speaker(crowd, None, None), 0.6)
        lead = words[0].group().lower()
        # a pronoun that opens the phrase is its subject: in ``деді ол мемлекет басшысы Тоқаевтың
        # қатысуымен`` the person named after it is no speaker
        pronoun_first = lead in PRONOUNS and lead not in _POSSESSIVE_PRONOUNS
        # 1. a PERSON mention inside the phrase
        if overlapping and not (pronoun_first and overlapping[0].start > words[0].start()):
            mm = overlapping[0]
            ms = self._extend_left(fidx, text, mm.start)
            # President Tokayev: the title and the name are two mentions of one person
            last = max(m.end for m in overlapping if m.entity is mm.entity)
            me = min(last, max(end, mm.start + 1))
            ent = self._fuller(mm.entity)
            name = self._name_of(ent)
            if " " not in name:
                # призналась Айсулу after Актриса Айсулу АЗИМБАЕВА: the first name the entity layer kept alone
                name = self._first_name_surname(name) or name
            elif any(part.isupper() for part in name.split()):
                name = _ordinary_case(name)  # ответил Адильбек КАДЫРОВ: the surname as a name is written
            as_written = _norm(text[mm.start : mm.end])
            if (
                cue_gender
                and _gender(name) == _OTHER_SEX[cue_gender]
                and len(as_written.split()) >= len(name.split())
                and _RU_WORDS_OF_RE.search(text, max(0, mm.start - _WORDS_OF_REACH), mm.start) is None
            ):
                # сказала дочь Азиза Омарова, named Азиз Омаров: the verb tells her name is as written; not in
                # напомнила слова Ыбырая Алтынсарина: «Q» (s13), where the verb is hers and the words are his
                name = as_written
            latin = _LATIN_LEAD.match(name)
            if latin is not None:
                # Глава BTS Digital Нуртай Абилгалиев: a company's Latin word glued to the name is not hers
                name = name[latin.end() :]
                ms = max(ms, text.find(name.split()[0], ms, me)) if name.split()[0] in text[ms:me] else ms
            return Resolved(Speaker(_norm(text[ms:me]), name, ent.entity_id), 1.0)
        # 2. a known surname written with an ending
        for w in words[:6]:
            low = w.group().lower()
            if not is_capitalized(w.group()):
                continue
            for ent, surname in self.surnames_by_prefix.get(low[:3], ()):
                if (w.start() > words[0].start() and kk_possessor(text, w.start(), w.end(), end)) or (
                    kk_joined_possessor(text, w.end(), end)
                ):
                    break  # Бас прокуратура Бишімбаевтың соты: the owner of what the phrase speaks of
                if (
                    base_matches(low, surname) or low.endswith(("ev", "eva")) and _en_surname_variant(low, surname)
                ) and not (nominative and in_oblique_case(low, surname)):
                    ms = self._extend_left(fidx, text, w.start())
                    return Resolved(Speaker(_norm(text[ms : w.end()]), ent.name, ent.entity_id), 1.0)
        # a feature names someone it has named in full by the first name alone (говорит Куаныш), as written
        if len(words) <= 2 and is_capitalized(words[0].group()):
            by_first = self.first_names.get(words[0].group(), [])
            if len(by_first) == 1:
                ent = by_first[0]
                return Resolved(Speaker(_norm(words[0].group()), self._name_of(ent), ent.entity_id), 0.9)
        first = words[0].group()
        # 3. pronoun; a possessive one only alone (По его словам), not before a noun (его пресс-секретарь)
        if first.lower() in PRONOUNS and (len(words) == 1 or first.lower() not in _POSSESSIVE_PRONOUNS):
            if " өкіл" in text and (body := self._representative_before(quote_key)) is not None:
                return Resolved(Speaker(first, body.name, body.entity_id), 0.75)  # a body's representative: the body
            posted = self._post_subject_since_last_name(quote_key)
            if posted is not None:
                # Kazakhstan’s President took the stage ... “Q,” he added, after an expert named: the post's holder
                return Resolved(Speaker(first, self._name_of(posted), posted.entity_id), 0.85)
            anchor = self._subject_anchor(quote_key, PRONOUNS[first.lower()])
            if anchor is None:
                return Resolved(Speaker(first, None, None), 0.6)
            return Resolved(Speaker(first, anchor.name, anchor.entity_id), 0.9)
        collective = (
            self._collective_body(fidx, text, words, quote_key)
            if first.lower() in _COLLECTIVE_FIRST_WORDS
            else None
        )
        if collective is not None:
            return collective
        # 4. title
        for i, w in enumerate(words[:8]):
            head = title_head(w.group())
            if head is None:
                continue
            if nominative and in_oblique_case(w.group(), head):
                continue  # спросили министра, деп сұрады министрден: the one asked, not the speaker
            if w.group()[len(head) : len(head) + 3].lower() in _KK_PLURALS:
                continue  # әкімдіктің өкілдері: a body's people, who speak for the body
            if head == "глава" and i + 1 < len(words) and _names_ministry(words[i + 1].group()):
                head = "министр"  # ответила глава Минздрава: the minister the item names as such
            if head == "глава" and i + 1 < len(words):
                head = _ru_head_of(words[i + 1].group(), head)
            if _kk_ministry_head(words, i, head):
                head = "министр"  # деді ведомство басшысы: the minister, whom the item names as such
            elif _kk_akim_head(words, i, head):
                head = "әкім"  # деді аудан басшысы: the district's akim, whom the item names as such
            quals = [x.group().lower() for x in words[:i] if x.group().lower() not in STOPWORDS][-3:]
            if _russian_around(text, start, end):
                # сказал аким района / добавил аким области: Russian qualifies a post after it, and before
                # it only by adjectives (главный тренер), not by adverbs (Наконец министр)
                quals = [q for q in quals if _RU_ADJECTIVE.search(q) is not None]
                quals += _ru_quals_after([x.group() for x in words[i + 1 : i + 3]])
            name_words: list[re.Match[str]] = []
            for x in words[i + 1 : i + 4]:
                if not is_capitalized(x.group()) or title_head(x.group()) is not None:
                    break  # Депутат Сауда Министрін ...: a title after a title names no one
                if not name_words and _ABBREVIATION.match(x.group()) is not None:
                    break  # Глава НБ РК: the body the title heads, not the name of who heads it
                name_words.append(x)
            if len(name_words) < 2 and i + 1 < len(words) and words[i + 1].group() == "of":
                name_words = _name_after_body(words, i)
            if len(name_words) < 2:
                name_words = self._name_ending(fidx, text, words, i)
            if len(name_words) >= 2:
                # "министр Сәуле Нұрбекова": a name the entity layer missed
                nm = _ordinary_case(_norm(text[name_words[0].start() : name_words[-1].end()]))
                return Resolved(Speaker(_norm(text[words[0].start() : name_words[-1].end()]), nm, None), 0.85)
            mention = _norm(text[words[0].start() : w.end()])
            titled = self._by_title(head, quals, quote_key) or self._by_kindred_title(head, quote_key)
            if titled is not None and titled.entity_id not in addressed:
                return Resolved(Speaker(mention, titled.name, titled.entity_id), 0.9)
            # the item names someone in that post (директор театра Оразалы Сарсенбек) that the entity layer
            # missed: that name, before the last person named, who may hold another post
            written = self._name_after_title(w.group().lower())
            if written is not None and written in addressed_names:
                written = None
            anchor = None
            if written is None and (head not in ROLE_ONLY_HEADS or self._one_person_before(quote_key)):
                # a role word (маман, сотрудник) names the last person only when the item has named no other;
                # never the one the phrase addresses, and one of the title's sex where the title tells it
                anchor = self._anchor_besides(quote_key, _title_gender(w.group()) or cue_gender, addressed)
            if anchor is not None and self._holds_other_title(anchor.entity_id, head):
                anchor = None  # деді аудан әкімі after Мемлекет басшысы Тоқаев: the President is no district akim
            if anchor is not None and self._posted_at_other_level(anchor.entity_id, quals):
                anchor = None  # сообщил глава области, then По словам акима города X: X heads the town (s11-spk)
            if anchor is not None:
                return Resolved(Speaker(mention, anchor.name, anchor.entity_id), 0.75)
            return Resolved(Speaker(mention, written, None), 0.7 if written else 0.6)
        kin_noun = kin_word(words)
        if kin_noun is not None:
            # Төрехан Сабырханның анасы: Q, the item naming her further on (боксшылардың анасы Меңтай Асылова)
            relative = self._named_as(kin_noun)
            if relative is not None:
                mention = _norm(text[words[0].start() : words[-1].end()])
                return Resolved(Speaker(mention, relative.name, relative.entity_id), 0.75)
        if person_document(words):
            # делінген жазбада: a post the item says a person wrote (парақшасында жазды), the last one named
            writer = self._subject_anchor(quote_key, "")
            if writer is not None and writer.key < quote_key:
                return Resolved(Speaker(_norm(words[0].group()), writer.name, writer.entity_id), 0.75)
        # 5. a statement the item says a person made ("a statement by the minister, X"), then an
        # organisation speaking: "сообщили в пресс-службе Минздрава", "the ministry said"
        if len(words) >= 2 and words[0].group().lower() in ("the", "this") and _STATEMENT_RE.match(words[1].group()):
            author = self._statement_author(quote_key)
            if author is not None:
                mention = _norm(text[words[0].start() : words[1].end()])
                return Resolved(Speaker(mention, self._name_of(author), author.entity_id), 0.85)
        bwords = _after_told_to(words)
        own = self._ru_body_in_phrase(fidx, text, bwords, end) or self._compound_body(text, bwords, quote_key)
        if own is not None:
            return own
        body = self._speaking_body(fidx, words, quote_key)
        if body is not None:
            mention = _norm(text[words[0].start() : words[min(4, len(words)) - 1].end()])
            return Resolved(Speaker(mention, body.name, body.entity_id), 0.8)
        narration = self.fields.get(self.order[quote_key[0]]) or ""
        company = _company_written_before(narration, quote_key[1], words) or _press_office_before(
            narration, quote_key[1], words
        )
        if company is not None:
            mention = _norm(text[words[0].start() : words[min(4, len(words)) - 1].end()])
            return Resolved(Speaker(mention, company, None), 0.75)
        later = (
            self._akimat_of_place(fidx, text, bwords, quote_key, (start, end))
            or self._kind_written_before(text, bwords, quote_key)
            or self._body_after(fidx, text, bwords, quote_key)
            or self._kind_initials_before(text, bwords, quote_key)
        )
        if later is not None:
            return later
        # 6. a Kazakh body named by its place and its kind (Атырау облысы денсаулық сақтау басқармасының
        # баспасөз қызметі), that the entity layer did not give; then a plain capitalized name
        kk_body = _kk_named_body(text, words)
        if kk_body is not None:
            return Resolved(Speaker(_norm(text[words[0].start() : kk_body[1]]), kk_body[2], None), 0.8)
        if words[-1].group().endswith(("нде", "нда")) and (located := _kk_body_in_locative(words)) is not None:
            # «Q», - делінді төтенше жағдайлар департаментінде: the body where it was said, in the nominative (s13)
            return Resolved(Speaker(_norm(text[words[0].start() : words[-1].end()]), located, None), 0.7)
        if words[0].group().lower() in _DETERMINERS and _named_body(words) is None:
            # The Kazakh State Counselor said: a description, whoever holds the post, never a name
            holder = self._role_holder(words[1 : _ROLE_WORDS + 2], quote_key, described=True)
            mention = _norm(text[words[0].start() : words[min(5, len(words)) - 1].end()])
            if holder is not None:
                return Resolved(Speaker(mention, self._name_of(holder), holder.entity_id), 0.75)
            return Resolved(Speaker(mention, None, None), 0.6)
        kin = _kin_named(text, words)
        if kin is not None:
            # Дочь Асылхана Заурбекова Жанерке Азимхан: whose kin, then her own name, which ends the phrase
            return Resolved(Speaker(_norm(text[words[0].start() : kin[1]]), _norm(text[kin[0] : kin[1]]), None), 0.9)
        if words[0].group().lower() in _UNNAMED_PEOPLE:
            tail = _name_at_end(words)
            ends = tail[-1].group().lower() if tail is not None else ""
            if tail is not None and (_PATRONYMIC.search(ends) or _SURNAME_ENDING.search(ends)):
                # говорит жительница микрорайона Нина Михайловна: who she is, then her name (s11-spk), the
                # Russian patronymic dropped as a canonical name drops it
                kept = [w.group() for w in tail if not w.group().endswith(("вич", "вна"))]
                nm = _norm(" ".join(kept)) if kept else _norm(text[tail[0].start() : tail[-1].end()])
                return Resolved(Speaker(_norm(text[words[0].start() : tail[-1].end()]), nm, None), 0.85)
            # Житель села Рыспай напомнил: someone the item does not name, whatever the capitals after
            unnamed = _norm(text[words[0].start() : words[min(3, len(words)) - 1].end()])
            return Resolved(Speaker(unnamed, None, None), 0.6)
        if len(words) > 1 and words[0].group() in HONORIFICS:
            words = words[1:]  # Mr. Akhmetov: the honorific is no part of the name
        if len(words) > 1 and _KK_GROUP_HEAD.match(words[-1].group()) is not None and not any(
            is_capitalized(w.group()) for w in words[1:]
        ):
            # Күзет компаниясының қызметкерлері: the people of a body, whom the item does not name
            return Resolved(Speaker(_norm(text[words[0].start() : words[-1].end()]), None, None), 0.6)
        k = next((i for i in range(1, min(5, len(words))) if not is_capitalized(words[i].group())), 0)
        if (
            k
            and is_capitalized(words[0].group())
            and _KK_POSSESSED_HEAD.match(words[k].group()) is not None
            and not text[words[0].start() : words[k].start()].count(",")
        ):
            if k + 1 < len(words) and is_capitalized(words[k + 1].group()):
                words = words[k + 1 :]  # Олимпиада чемпионы Михаил Шайдоров: the name after what it describes
            else:
                # Видео авторы, Алматы тұрғыны, Tengri Sport тілшісі: the head is the common noun the
                # capitalised words qualify, someone the item does not name
                return Resolved(Speaker(_norm(text[words[0].start() : words[k].end()]), None, None), 0.6)
        run: list[str] = []
        last_end = words[0].start()
        for w in words[:4]:
            gap = text[last_end : w.start()]
            if not run and w.group().lower() in _PREPOSITIONS:
                break  # В полиции подчеркивают: no name
            if not is_capitalized(w.group()) or (run and gap.strip(" .")):
                break
            run.append(w.group())
            last_end = w.end()
            if len(run) == 2 and len(run[0]) <= 2:
                break  # Қ. Ерғалиев: an initial and a surname, what follows is another name
        common = len(run) == 1 and (
            _KK_PLURAL.search(run[0].lower())
            or _KK_OUR.search(run[0].lower())  # Жұртшылық «...» дейді too: the public, no name (s11-spk)
            or _RU_PLURAL.search(run[0]) is not None  # Фолловеры написали: people the item does not name
            or run[0].lower() in _PARENTHETICALS
            or _told_title(text, words[0])
            or opening_modifier(text, words[0], words[1] if len(words) > 1 else None)
            or _opening_word(text, words[0].start(), run[0])  # Сондай-ақ, Proposing this, На запрос (s11-glue)
        )
        if len(run) == 1 and run[0].lower() in _HONORIFICS:
            # said Elbasy: the one person the honorific stands for, as the item names him
            holder = next((p for p in self.persons if p.name.lower().endswith(_HONORIFICS[run[0].lower()])), None)
            if holder is not None:
                return Resolved(Speaker(run[0], self._name_of(holder), holder.entity_id), 0.9)
        if run and not common:
            nm = _norm(text[words[0].start() : last_end])
            full = self._full_name(run) if len(run) <= 2 else None
            return Resolved(Speaker(nm, full or nm, None), 0.85)
        tail = _name_at_end(words)
        if tail is not None:
            # рассказывает пострадавшая жительница Казыгуртского района Газиза Батырханова: who she is, then her name
            nm = _norm(text[tail[0].start() : tail[-1].end()])
            return Resolved(Speaker(_norm(text[words[0].start() : tail[-1].end()]), nm, None), 0.85)
        named = _named_body(words)
        if named is not None:
            nm = _norm(text[named[0] : named[1]])
            return Resolved(Speaker(_norm(text[words[0].start() : named[1]]), nm, None), 0.8)
        mention = _norm(text[words[0].start() : words[min(3, len(words)) - 1].end()])
        # сказал ведущий, главный редактор X: the one apposed after the comma, else the one the item gave the role
        role_holder = (
            text.startswith(",", words[-1].end()) and self._apposed_after(fidx, text, words)
        ) or self._role_holder(words[: _ROLE_WORDS + 1], quote_key)
        if role_holder is not None:
            return Resolved(Speaker(mention, self._name_of(role_holder), role_holder.entity_id), 0.75)
        return Resolved(Speaker(mention, None, None), 0.6)

    def _by_kindred_title(self, head: str, key: tuple[int, int]) -> Entity | None:
        """``сказал игрок`` after ``Полузащитник «Тобола» X``, ``поделилась артистка`` after ``певица Y``:
        a general word for a calling names the one the item gives one of its kinds, nearest before the
        quote (s8-qrupeople)."""
        kind = _KINDRED_TITLES.get(head)
        if kind is None:
            return None
        best: tuple[tuple[int, int], Entity] | None = None
        for other in kind:
            if other == head:
                continue
            ent = self._by_title(other, [], key)
            if ent is None:
                continue
            keys = [(m.fidx, m.start) for m in self.mentions if m.entity is ent and (m.fidx, m.start) < key]
            at = max(keys) if keys else (-1, -1)
            if best is None or at > best[0]:
                best = (at, ent)
        return best[1] if best is not None else None

    def _holds_other_title(self, entity_id: str | None, head: str) -> bool:
        """A known person whose posts the gazetteer gives, none of them ``head`` (a specific post, not a word
        any head of anything goes by: басшы, глава, спикер)."""
        if head in _ANY_HEAD_WORDS:
            return False
        heads = {rhead for ent, rhead, _ in self.role_heads if ent.entity_id == entity_id}
        return bool(heads) and head not in heads

    def _posted_at_other_level(self, entity_id: str | None, quals: list[str]) -> bool:
        """The item gives the person a post of another level of place than the phrase's qualifiers name (глава
        области for the one the item calls аким города, аудан әкімі for облыс әкімі X); False when the phrase
        names no level or the item gives the person none."""
        levels = {_place_level(q) for q in quals} - {-1}
        if not levels:
            return False
        theirs = {
            _place_level(q)
            for posts in self.appositions.values()
            for aquals, ent in posts
            if ent.entity_id == entity_id
            for q in aquals
        } - {-1}
        return bool(theirs) and not levels & theirs

    def _one_person_before(self, key: tuple[int, int]) -> bool:
        """The item names one person, and one only, before ``key``."""
        i = bisect_left(self.anchor_keys, key)
        return i > 0 and len({a.entity_id for a in self.anchors[:i]}) == 1

    def _role_holder(
        self, words: Sequence[re.Match[str]], key: tuple[int, int], *, described: bool = False
    ) -> Entity | None:
        """``– дейді бас менеджер``: a role no word list knows, in lower case, that the item gave before
        as the apposition of a person (қонақ үй кешенінің бас менеджері Серік ...): that person, the
        nearest one before the quote."""
        if not 1 <= len(words) <= _ROLE_WORDS + int(described):
            return None
        if not described and any(is_capitalized(w.group()) for w in words):
            return None
        if any(title_head(w.group()) is not None for w in words):
            return None  # a known title (спросили депутата) is settled by the title rules, case and all
        role = words[-1].group().lower()
        if len(role) < 4 or role in STOPWORDS or role in PRONOUNS:
            return None
        i = bisect_left(self.mention_keys, key)
        for mm in self.mentions[max(0, i - _LOOKBACK) : i][::-1]:
            text = self.fields.get(self.order[mm.fidx]) or ""
            if _described_as(text, mm.start, mm.end, role):
                if _oblique(text, mm):
                    continue  # қырғыз балуаны Алмаз Сманбековпен: the one the subject met, not who speaks
                return self._fuller(mm.entity)
        if described or _CYRILLIC_LETTER.search(role) is None:
            return None  # a driver said: English tells an unnamed one by its article, not by the item's persons
        if role in _KK_GUEST_WORDS:
            return self._visitor(key)
        return self._sole_subject_in_role(role, key)

    def _representative_before(self, key: tuple[int, int]) -> Entity | None:
        """``Денсаулық сақтау министрлігінің өкілі жағдайды түсіндірді. «...», – деді ол.``: the sentence right
        before the quote has a body's representative, unnamed, for its subject (the body's name in the genitive,
        then өкілі or өкілдері): the body speaks. None when that sentence names a person or no such body (s11-spkb)."""
        text = self.fields.get(self.order[key[0]]) or ""
        end = max(text.rfind(".", 0, key[1]), text.rfind("\n", 0, key[1]))
        lo = max(text.rfind(".", 0, end), text.rfind("\n", 0, end)) + 1
        rep = text.find(" өкіл", lo, key[1])
        if rep < 0:
            return None
        body = self._org_at(key[0], rep - 2, rep)
        i = bisect_left(self.mention_keys, (key[0], lo))
        if body is None or (i < len(self.mentions) and self.mention_keys[i] < key):
            return None  # Министрлік өкілі Ерлан Сейітов: a person the sentence names speaks
        return body

    def _visitor(self, key: tuple[int, int]) -> Entity | None:
        """``деді мәртебелі мейман``, ``деді қонақ``: the person the item named before the quote as one who came
        (Жапониядан сапармен келген Кэнта Ямада) or who was received (Пьер Морельді қабылдады), the nearest such;
        None when it named no one so (s11-spkb, s12)."""
        i = bisect_left(self.mention_keys, key)
        for mm in self.mentions[max(0, i - _LOOKBACK) : i][::-1]:
            text = self.fields.get(self.order[mm.fidx]) or ""
            before = WORD_RE.findall(text, max(0, mm.start - 40), mm.start)
            if any(w.lower().startswith(_KK_CAME) for w in before[-3:]):
                return self._fuller(mm.entity)
            after = WORD_RE.findall(text, mm.end, mm.end + 24)[:2]
            if any(w.lower().startswith("қабылда") for w in after):
                return self._fuller(mm.entity)  # Тоқаев Пьер Морельді қабылдады: the one received is the guest
        return None

    def _apposed_after(self, fidx: int, text: str, words: Sequence[re.Match[str]]) -> Entity | None:
        """``сказал ведущий, главный редактор сайта Forbes.kz Виктор Бурдин``, ``деді шаруа, қожалық иесі X``: a
        role in lower case that the phrase ends with at a comma, and after the comma, in the same clause, a
        description in a few words and the name of a person in the nominative: that person (s11-spk)."""
        if not 1 <= len(words) <= _ROLE_WORDS or any(is_capitalized(w.group()) for w in words):
            return None
        comma = words[-1].end()
        if text[comma : comma + 1] != ",":
            return None
        stop = min(clause_end(text, comma + 1), comma + _APPOSITION_WINDOW)
        i = bisect_left(self.mention_keys, (fidx, comma))
        for mm in self.mentions[i : i + 2]:
            if mm.fidx != fidx or mm.start >= stop or _oblique(text, mm):
                return None
            between = WORD_RE.findall(text, comma, mm.start)
            if not between or len(between) > _APPOSED_WORDS or text.find(",", comma + 1, mm.start) >= 0:
                return None
            if not between[0].islower() or any(_is_cue(w) for w in between):
                return None  # сказал аким, отметив Ерлана Сейітова: a clause of its own, not who the role is
            return self._fuller(mm.entity)
        return None

    def _sole_subject_in_role(self, role: str, key: tuple[int, int]) -> Entity | None:
        """``дейді шаруа`` after ``Қалшеңгел Қонқыбаев шаруасынан ... Таңмен сиыр сауатын шаруа ...``: the one
        person the item names before the quote as a subject (not met, addressed or owned), under no post, when
        its narration before the quote uses the role word too (s11-spk). None when it names more or none."""
        i = bisect_left(self.mention_keys, key)
        found: Entity | None = None
        first = key
        for mm in self.mentions[:i]:
            text = self.fields.get(self.order[mm.fidx]) or ""
            if _oblique(text, mm) and not text.endswith(_KK_GENITIVE, mm.start, mm.end):
                continue  # a Kazakh genitive (75 жастағы X-тың ... 40 жыл толған) names whom the item is about
            before = WORD_RE.findall(text, max(0, mm.start - 24), mm.start)
            if before and title_head(before[-1]) is not None:
                return None  # аудан әкімі Ерлан Сейітов: an official the role word does not describe
            if found is not None and found.entity_id != mm.entity.entity_id:
                return None
            found = mm.entity
            first = min(first, (mm.fidx, mm.end))
        if found is None or first[0] != key[0]:
            return None
        text = self.fields.get(self.order[key[0]]) or ""
        if not any(same_stem(w.lower(), role) for w in WORD_RE.findall(text, first[1], key[1])):
            return None
        return self._fuller(found)

    def person_in(self, fidx: int, start: int, end: int) -> Resolved | None:
        """The first person a stretch of narration names, in any case (Министр Әріновтың сөзімен ашылды):
        the one who speaks in the dash paragraph after it; None when it names nobody."""
        overlapping = self._overlapping_all(fidx, start, end)
        if not overlapping:
            return None
        text = self.fields.get(self.order[fidx]) or ""
        mm = _speaking_person(text, overlapping, end)
        if mm is None:
            return Resolved(Speaker("", None, None), 0.6)  # only a namesake of a place: someone unnamed speaks
        ent = self._fuller(mm.entity)
        return Resolved(Speaker(_norm(text[mm.start : mm.end]), self._name_of(ent), ent.entity_id), 0.9)

    def body_in(self, fidx: int, start: int, end: int) -> Resolved | None:
        """A body that speaks in the sentence opening a stretch of narration (В департаменте полиции Алматы
        пояснили, что ...): the organisation named among its first words with a speech verb right after
        the name; the one who speaks in the dash paragraph after it. None when no body speaks there."""
        text = self.fields.get(self.order[fidx]) or ""
        i = bisect_left(self.orgs, (fidx, start))
        for of, os_, oe, n in self.orgs[i : i + 2]:
            if of != fidx or os_ >= min(end, start + _BODY_OPENING):
                break
            if self._credited(of, os_) or len(WORD_RE.findall(text, start, os_)) > _BODY_LEAD_WORDS:
                continue
            cue = find_cue(text, oe, min(end, oe + _SPEAKING_REACH))
            if cue is None:
                continue
            between = WORD_RE.findall(text, oe, cue.start)
            ent = self.org_entities[n]
            if not between and len(WORD_RE.findall(text, start, os_)) <= 3:
                return Resolved(Speaker(_norm(text[os_:oe]), ent.name, ent.entity_id), 0.8)
            if cue.lang == "kk" and len(between) <= 1 and _as_subject(text[os_:oe], ent.name):
                # Қалдық су туралы ҚР Экология министрлігі ресми мәлімет берді: a topic before the body and an
                # adverb after it, the verb last, as Kazakh orders them; the body in the nominative speaks
                return Resolved(Speaker(_norm(text[os_:oe]), ent.name, ent.entity_id), 0.8)
        return None

    def _named_as(self, word: str) -> Entity | None:
        """The one person the item names right after ``word`` (анасы Меңтай Асылова), anywhere in it."""
        found: dict[str, Entity] = {}
        for mm in self.mentions:
            text = self.fields.get(self.order[mm.fidx]) or ""
            before = WORD_RE.findall(text, max(0, mm.start - 24), mm.start)
            if before and before[-1].lower() == word and text[: mm.start].rstrip()[-1:].isalpha():
                found.setdefault(mm.entity.entity_id, self._fuller(mm.entity))
        return next(iter(found.values())) if len(found) == 1 else None

    def headline_body(self, fidx: int, start: int, end: int) -> Resolved | None:
        """``Q – Антикор``, ``Q – ТЖМ Астанадағы өрт жайлы``: a headline's speaker phrase opening with an
        organisation the item knows (a few words on what about, at most). The person the body's first
        sentences have speak for it (Төтенше жағдайлар министрінің орынбасары X айтты), else the body
        itself (branch s8-qkk). None when the phrase opens otherwise."""
        text = self.fields.get(self.order[fidx]) or ""
        words = list(islice(WORD_RE.finditer(text, start, end), _BODY_LEAD_WORDS + 2))
        if not words or len(words) > _BODY_LEAD_WORDS + 1:
            return None
        org = self._org_at(fidx, words[0].start(), words[0].end())
        if org is None or re.search("[A-Za-z]", org.name) is not None or self._outlet(org):
            return None  # Жаңа заң қабылданды - Egemen Qazaqstan: a page title ending in the outlet's name
        org_end = max(self._org_end(fidx, words[0].start()), words[0].end())
        le = text.find("\n", end)
        if find_cue(text, org_end, len(text) if le < 0 else le) is not None:
            return None  # бейне тарады – ПД пікір білдірді: what the body did, the news before the dash no words of its
        mention = _norm(text[words[0].start() : org_end])
        spokesperson = self._first_speaking(fidx, end)
        if spokesperson is not None:
            return Resolved(Speaker(mention, self._name_of(spokesperson), spokesperson.entity_id), 0.7)
        return Resolved(Speaker(mention, org.name, org.entity_id), 0.7)

    def _outlet(self, org: Entity) -> bool:
        """The organisation is an outlet the item credits (деп хабарлайды Adyrna, Ulysmedia.kz тілшісі)."""
        for of, os_, oe, n in self.orgs:
            if self.org_entities[n] is not org:
                continue
            text = self.fields.get(self.order[of]) or ""
            before = WORD_RE.findall(text, max(0, os_ - 16), os_)
            after = WORD_RE.findall(text, oe, oe + 16)
            if self._credited(of, os_) or (before and before[-1].lower() in _OUTLET_BEFORE):
                return True
            if after and after[0].lower().startswith(_OUTLET_AFTER):
                return True
        return False

    def _first_speaking(self, fidx: int, pos: int) -> Entity | None:
        """The first person named after ``pos`` (within the lead) in a sentence whose speech verb follows the
        name: the one the lead has speak."""
        text = self.fields.get(self.order[fidx]) or ""
        i = bisect_left(self.mention_keys, (fidx, pos))
        for mm in self.mentions[i : i + _LOOKBACK]:
            if mm.fidx != fidx or mm.start - pos > _LEAD_REACH:
                break
            stop = min(len(text), mm.end + _SENTENCE_REACH)
            for mark in (". ", ".\n", "\n"):
                k = text.find(mark, mm.end, stop)
                if k >= 0:
                    stop = k
            if find_cue(text, mm.end, stop) is not None:
                return self._fuller(mm.entity)
        return None

    def names_body(self, fidx: int, start: int, end: int) -> bool:
        """``the Ministry of Internal Affairs of the Republic of Kazakhstan``: a phrase of a few words that names an
        organisation the item knows (s11-enq)."""
        text = self.fields.get(self.order[fidx]) or ""
        return len(WORD_RE.findall(text, start, end)) <= _BODY_LEAD_WORDS + 8 and self._in_org(fidx, start, end)

    def press_office(self, fidx: int, start: int, end: int) -> bool:
        """``Түркістан облыстық сотының баспасөз қызметі``: a short phrase naming an organisation the item
        knows and the press office or statement it speaks through (branch s8-qkk)."""
        text = self.fields.get(self.order[fidx]) or ""
        words = WORD_RE.findall(text, start, end)
        return (
            len(words) <= _BODY_LEAD_WORDS + 2
            and self._in_org(fidx, start, end)
            and any(w.lower().startswith(_PRESS_WORDS) for w in words)
        )

    def press_office_before(self, fidx: int, pos: int) -> Resolved | None:
        """``Сыртқы істер министрлігі баспасөз қызметінің хабарлауынша, ...`` opening the paragraph right
        before a quote paragraph nothing attributes: the body the narration reports, who speaks on in it
        (branch s8-qkk). None when that paragraph opens otherwise."""
        text = self.fields.get(self.order[fidx]) or ""
        j = pos - 1
        while j > 0 and text[j - 1] in " \t\r\n«\"“„":
            j -= 1
        ps = text.rfind("\n", max(0, j - _REPORTED_PARAGRAPH), j) + 1
        i = bisect_left(self.orgs, (fidx, ps))
        for of, os_, oe, n in self.orgs[i : i + 2]:
            if of != fidx or os_ >= j or len(WORD_RE.findall(text, ps, os_)) > 1:
                break
            if kk_reports(WORD_RE.findall(text, oe, min(j, oe + _SPEAKING_REACH))):
                ent = self.org_entities[n]
                return Resolved(Speaker(_norm(text[os_:oe]), ent.name, ent.entity_id), 0.75)
        return None

    def titled_in(self, fidx: int, start: int, end: int, key: tuple[int, int]) -> Resolved | None:
        """The person a stretch of narration names by a post in the nominative (Жиында әкім тұрғындардың
        сұрақтарына жауап берді): the one who holds it, the one who speaks in the dash paragraph after
        it; None when the narration names no post or nobody holds it."""
        text = self.fields.get(self.order[fidx]) or ""
        words = list(islice(WORD_RE.finditer(text, start, end), _TITLED_WORDS))
        for i, w in enumerate(words):
            head = title_head(w.group())
            if head is None or head in ROLE_ONLY_HEADS or in_oblique_case(w.group(), head):
                continue
            if _kk_akim_head(words, i, head):
                head = "әкім"  # аудан басшысы сөз сөйлеп: the district's akim
            if w.group()[len(head) : len(head) + 3].lower() in _KK_PLURALS:
                continue  # әкімдер: many who hold the post, none of them named
            ent = self._by_title(head, [], key)
            if ent is not None:
                return Resolved(Speaker(_norm(w.group()), self._name_of(ent), ent.entity_id), 0.75)
        return None

    def looks_like_speaker(self, fidx: int, start: int, end: int, *, strict: int = 0) -> bool:
        """A short phrase that names a person: entity, title, pronoun or all-capitalized name.

        ``strict=1`` (headlines, where Title Case is common) wants an entity, a title or a
        two- to four-word capitalized name; ``strict=2`` an entity or a title only.
        """
        text = self.fields.get(self.order[fidx]) or ""
        words = [w.group() for w in islice(WORD_RE.finditer(text, start, end), 13)]
        if not words or (len(words) == 1 and words[0].lower() in _CAPTION_LABELS):
            return False  # Фото: «Q» — a caption's label, nobody who speaks
        overlapping = self._overlapping(fidx, start, end)
        if len(words) > 6 and (len(words) > 9 or all(title_head(w) is None for w in words[:2])):
            # longer only after a title, perhaps a country's: (Kazakh) Minister of Culture and Information Dana
            # Seitkali; or before the person's name that ends it, as Kazakh writes a post (облыстық денсаулық
            # сақтау басқармасының басшысы Ерлан Сағынов)
            ends_in_name = bool(overlapping) and overlapping[-1].end >= start + len(text[start:end].rstrip())
            # (s13) or a caption's name, then the post (БАУЫРЖАН РАПИКОВ АҚМОЛА ОБЛЫСТЫҚ ... БАСҚАРМАСЫНЫҢ БАСШЫСЫ:)
            opens_with_name = not strict and bool(overlapping) and overlapping[0].start <= start
            return (ends_in_name or opens_with_name) and len(words) <= 12
        if overlapping:
            return True
        for i, w in enumerate(words):
            if title_head(w) is not None:
                # a headline's "— министр жоспары қандай" is no speaker: only names may follow the title, or
                # what the title holder spoke about (— министр о ценах на бензин) or did (— Депутат министрді
                # сынады)
                rest = words[i + 1 :]
                return (
                    not strict
                    or all(is_capitalized(x) for x in rest)
                    or (strict == 1 and i == 0 and _topic_or_deed(rest))
                )
        if any(
            base_matches(w, surname) for w in words for _, surname in self.surnames_by_prefix.get(w.lower()[:3], ())
        ):
            return True
        if words[0].lower() in PRONOUNS:
            return not strict
        if strict >= 2:
            return False
        lo = 2 if strict else 1
        return lo <= len(words) <= 4 and all(is_capitalized(w) for w in words)

    def implicit(self, key: tuple[int, int]) -> Resolved | None:
        """The speaker of a quote nothing attributes: the last person quoted or named with a speech verb
        right after the name (Адлет Барменкулов заявил ...) before it, else the last person named."""
        j = bisect_left(self.said_keys, key)
        said = self.said[j - 1] if j > 0 else None
        i = bisect_left(self.mention_keys, key)
        asked = _question_before(self.fields.get(self.order[key[0]]) or "", key[1])
        for mm in self.mentions[max(0, i - _LOOKBACK) : i][::-1]:
            if said is not None and (mm.fidx, mm.start) < said.key:
                break
            if _named_in_question(asked, key[0], mm.fidx, mm.start):
                continue
            text = self.fields.get(self.order[mm.fidx]) or ""
            cue = find_cue(text, mm.end, min(len(text), mm.end + _SPEAKING_REACH))
            if cue is not None and cue.start - mm.end <= _SPEAKING_REACH // 2:
                if any(ch in ".!?\n" for ch in text[mm.end : cue.start]):
                    continue  # Марат Ибраев.\nПремьер-министр подчеркнул: the verb is the next sentence's
                if not mm.subject and _oblique(text, mm):
                    continue  # X Ғинияттың келгенін хабарлады: the genitive is what X told of, X told it (s11-spk)
                return Resolved(Speaker("", mm.entity.name, mm.entity.entity_id), 0.7)
        if said is not None:
            return Resolved(Speaker("", said.name, said.entity_id), 0.7)
        titled = self._titled_speaker_before(key)
        if titled is not None:
            return titled
        anchor = self._subject_anchor(key, "")
        while anchor is not None and _named_in_question(asked, key[0], *anchor.key):
            # — По словам Григория Бабаяна, ...? — A.: whom the question names is not the one answering
            anchor = self._subject_anchor(key, "", earlier_than=anchor.key)
        if anchor is None or anchor.key >= key:
            return None
        ent = self._fuller_by_patronymic(anchor)
        if ent is not None:
            # — Арманбек Хакімбекұлы, ...? / — A.: the one addressed is the interviewee the item names in full
            return Resolved(Speaker("", ent.name, ent.entity_id), 0.7)
        return Resolved(Speaker("", anchor.name, anchor.entity_id), 0.7)

    def _post_subject_since_last_name(self, key: tuple[int, int]) -> Entity | None:
        """The holder of a post that opens a sentence (Kazakhstan’s President took the stage, The minister noted)
        between the last person named before ``key`` and ``key``, in its field and within two paragraphs: the one
        a pronoun after it stands for, not the person named before. None when there is no such post or the item
        gives it no one."""
        text = self.fields.get(self.order[key[0]]) or ""
        para = text.rfind("\n", 0, key[1])
        lo = text.rfind("\n", 0, max(0, text.rfind("\n", 0, max(0, para)) - 1)) + 1 if para > 0 else 0
        i = bisect_left(self.mention_keys, key)
        if i and self.mention_keys[i - 1] >= (key[0], lo):
            lo = self.mentions[i - 1].end
        holder = None
        for m in _SENTENCE_POST_RE.finditer(text, lo, key[1]):
            head = title_head(m.group("post"))
            if head is None or m.group("post").lower() != head:
                continue
            found = self._by_title(head, [], key)
            holder = found if found is not None else holder
        return holder

    def _titled_speaker_before(self, key: tuple[int, int]) -> Resolved | None:
        """``Премьер-министр подчеркнул ... / «Q»``: in the paragraph before a quote nothing attributes, after the
        last person named there, a post opens a sentence with a verb of saying right after it; the person the item
        gives that post speaks. None when no such post, or the item gives it no one."""
        text = self.fields.get(self.order[key[0]]) or ""
        lo = text.rfind("\n", 0, max(0, text.rfind("\n", 0, key[1]) - 1)) + 1
        i = bisect_left(self.mention_keys, key)
        if i and self.mention_keys[i - 1] >= (key[0], lo):
            lo = self.mentions[i - 1].end  # a person named later in the paragraph is the one to weigh, not a post
        for w in WORD_RE.finditer(text, lo, key[1]):
            head = title_head(w.group())
            if head is None or not is_capitalized(w.group()) or w.group().lower() != head:
                continue  # a post in the nominative that opens its sentence (Премьер-министр подчеркнул)
            cue = find_cue(text, w.end(), min(key[1], w.end() + _SPEAKING_REACH))
            if cue is None or cue.start - w.end() > 2:
                continue
            holder = self._by_title(head, [], key)
            if holder is not None:
                return Resolved(Speaker(w.group(), self._name_of(holder), holder.entity_id), 0.7)
        return None

    def _anchor_besides(self, key: tuple[int, int], gender: str, excluded: set[str]) -> Anchor | None:
        """``_subject_anchor`` without the persons ``excluded`` (рассказал председатель Нацбанка Назарбаеву:
        the one addressed is not who holds the post): the last other one named before ``key``, else the
        first other one after it (s8-qrupeople)."""
        anchor = self._subject_anchor(key, gender)
        if anchor is None or anchor.entity_id not in excluded:
            return anchor
        earlier: Anchor | None = anchor
        while earlier is not None and earlier.key < key and earlier.entity_id in excluded:
            earlier = self._subject_anchor(key, gender, earlier_than=earlier.key)
        if earlier is not None and earlier.key < key and earlier.entity_id not in excluded:
            return earlier
        i = bisect_left(self.anchor_keys, key)
        after = [a for a in self.anchors[i : i + _LOOKBACK] if a.entity_id not in excluded]
        return next((a for a in after if a.subject), after[0] if after else None)

    def named_by_first_name(self, fidx: int, start: int, end: int) -> Resolved | None:
        """The person a question addresses by the first name and the patronymic (Андрей Владимирович),
        named in full with that first name and a surname somewhere in the item (Андрей Карпович) though
        no entity gives it; None when the item writes no such name (s8-qrupeople)."""
        text = self.fields.get(self.order[fidx]) or ""
        words = WORD_RE.findall(text, start, end)
        if len(words) != 2 or _PATRONYMIC.search(words[1].lower()) is None:
            return None
        first = words[0]
        for fname in self.order:
            other = self.fields.get(fname) or ""
            for m in re.finditer(rf"\b{re.escape(first)}\s+({_SURNAME_WORD})\b", other):
                surname = m.group(1)
                # Андрей Карпович: a surname may end as a patronymic does, but is not the one addressed
                if surname != words[1] and surname.lower() not in STOPWORDS:
                    return Resolved(Speaker(_norm(text[start:end]), f"{first} {surname}", None), 0.7)
        return None

    def _first_name_surname(self, first: str) -> str | None:
        """The item's ``Айсулу АЗИМБАЕВА`` or ``Айсулу Азимбаева`` for a person known as ``Айсулу``: the
        first name, then a surname in capitals or with a surname's ending, one surname only (s8-qrupeople)."""
        pattern = re.compile(rf"\b{re.escape(first)}\s+([А-ЯЁӘҒҚҢӨҰҮҺІ][А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі-]+)")
        found: set[str] = set()
        for fname in self.order:
            for m in pattern.finditer(self.fields.get(fname) or ""):
                surname = m.group(1)
                if _CAPITALS_SURNAME.match(surname) or (
                    not surname.isupper() and _SURNAME_ENDING.search(surname) is not None
                ):
                    found.add(_ordinary_case(f"{first} {surname}"))
        # Айгуль Сейтова и Айгуль Бекова: a first name two people share names neither
        return found.pop() if len(found) == 1 else None

    def _fuller_by_patronymic(self, anchor: Anchor) -> Entity | None:
        """The person the item names in full whom ``anchor`` names by the first name and the patronymic
        (Арманбек Хакімбекұлы: Арманбек Баймурзин), or None."""
        parts = anchor.name.split()
        if len(parts) != 2 or not _PATRONYMIC.search(parts[1].lower()):
            return None
        ent = next((p for p in self.persons if p.entity_id == anchor.entity_id), None)
        fuller = self._fuller(ent) if ent is not None else None
        return fuller if fuller is not ent else None

    def _free(self, i: int) -> list[Anchor]:
        """The anchors before index ``i`` within the look-back, free of those named inside a quote."""
        lo = max(0, i - _LOOKBACK)
        return [a for n, a in enumerate(self.anchors[lo:i], lo) if n not in self.quoted]

    def said_by_no_one(self, key: tuple[int, int], end: int) -> None:
        """A quote no one the item names said (a post, a crowd's words): the persons its words name up to ``end``
        are no subjects of the narration either (s13: Vesnovka – Karasai Batyr area inside a resident's post)."""
        self.quoted.update(range(bisect_left(self.anchor_keys, key), bisect_left(self.anchor_keys, (key[0], end))))

    def remember(self, key: tuple[int, int], speaker: Speaker, end: int = -1) -> None:
        """A resolved quote speaker counts as a person named as subject at the quote; the persons the quote's
        words name up to ``end`` (немере келінім Зулфизар inside «...») are not subjects of the narration."""
        self.said_by_no_one(key, end)
        if speaker.name is None:
            return
        # quotes come in text order: an append, kept sorted if not (one line each: the hostile-input step budget)
        self.said.insert(i := bisect_right(self.said_keys, key), Anchor(key, speaker.entity_id, speaker.name, True))
        self.said_keys.insert(i, key)

    # --- internals ----------------------------------------------------------

    def _kk_speaking(
        self, fidx: int, text: str, start: int, end: int, overlapping: list[_Mention]
    ) -> tuple[list[_Mention], set[str], int]:
        """The mentions of a phrase that may name its speaker, the ids of those it addresses and where the
        phrase ends, before the first of these (its words name no speaker either): a
        Kazakh genitive owning the next noun (Президенттің баспасөз хатшысы X), a dative after the
        speaker (деді облыс әкімі Президентке), a title inside a body's name (Президент Әкімшілігі)
        or a title the entity layer took for a name (Бас Мүфти) names no speaker (see kk_speakers)."""
        kept: list[_Mention] = []
        addressed: set[str] = set()
        for mm in overlapping:
            if kk_addressee(text, mm.start, mm.end, start):
                addressed.add(mm.entity.entity_id)
                end = min(end, mm.start)
            elif not (
                title_only_name(mm.entity.name)
                or (mm.start > start and kk_possessor(text, mm.start, mm.end, end))
                or kk_joined_possessor(text, mm.end, end)
                or addressed_title(text, mm.start, mm.end, self._in_org(fidx, mm.start, mm.end))
            ):
                kept.append(mm)
        return [mm for mm in kept if mm.start < end], addressed, end

    def _drop_oblique(self, text: str, start: int, end: int, overlapping: list[_Mention]) -> tuple[int, int]:
        """The phrase without the persons it names in an oblique case: it ends before one named after
        its first word (деді әкім Ерлан Сейітовке, сказал аким Ерлану Сеитову: the one addressed)
        and starts after one that opens it (Тоқаевтың көмекшісі: the one whose aide speaks)."""
        for n, mm in enumerate(overlapping):
            if not _oblique(text, mm):
                continue
            if mm.start <= start:
                start = max(start, mm.end)
            elif _named_after(text, overlapping[n + 1 :], mm) or _post_after(text, mm.end, end):
                # попыталась оправдать Карагусову Айгуль Соловьёва: the one in the accusative is the verb's
                # object, and the speaker is named after it in the nominative (s8-qrupeople)
                start = mm.end
            else:
                return start, min(end, mm.start)
        return start, end

    def _name_of(self, ent: Entity) -> str:
        """The speaker's name as the item writes it, where the entity layer's canonical name strays.

        The end of an English title's body glued to the name goes (Minister of Information and Social
        Development Aliya Galimova: Aliya Galimova); a name the item spells with Kazakh letters keeps
        them (Ержан Сәденов, not Ержан Саденов); a Russian genitive taken for the name gives way to the
        nominative the item also writes (Александр Ирхина, Ирхин: Александр Ирхин).
        """
        name = self.names.get(ent.entity_id)
        if name is not None:
            return name
        name = ent.name
        parts = name.split()
        glued = len(parts) >= 3 and name.isascii()
        surname = parts[-1] if len(parts) >= 2 else ""
        genitive = surname[-1:] in ("а", "я")
        # (s13) the first mentions are read, where an item writes a name's forms: a bound on the work per person
        mentions = ent.mentions[:_NAME_FORM_MENTIONS]
        if not glued and not genitive and any(m.text.startswith(name) for m in mentions):
            self.names[ent.entity_id] = name  # the item writes the canonical name itself
            return name
        skeleton = ""
        for m in mentions:
            written = m.text
            if glued:
                before = WORD_RE.findall(self.fields.get(m.field) or "", max(0, m.start - 8), m.start)
                if before and before[-1] in ("of", "and", "for"):
                    name = " ".join(parts[-2:])
                    break
                continue
            if written == name:
                continue
            if parts and name.isascii() and written.isascii() and written.split()[:1] == parts[:1]:
                plain = written.removesuffix("'s").removesuffix("’s")
                if len(plain.split()) == len(parts):
                    name = plain  # Mukhtar Tleuberdi (page) for Mukhtar Tileuberdi (canonical)
                    break
            stem = written[: len(name)]
            if (len(written) == len(name) or written[len(name) :].lower() in NOUN_SUFFIXES) and _skeleton(stem) == (
                skeleton := skeleton or _skeleton(name)  # the canonical name's, read once per entity
            ):
                name = stem  # Ержан Сәденов (page, perhaps Ержан Сәденовтың) for Ержан Саденов (canonical)
                break
            if written != surname:
                if genitive and len(parts) >= 2 and written == surname[:-1]:
                    name = " ".join([*parts[:-1], written])
                    break
            elif len(parts) == 2 and m.start > 1:
                # the surname alone is the mention, the first name as written stands right before it
                text = self.fields.get(m.field) or ""
                k = m.start - 1
                while k > 0 and text[k - 1].isalpha():
                    k -= 1
                first = text[k : m.start - 1]
                if text[m.start - 1] == " " and first != parts[0] and _skeleton(first) == _skeleton(parts[0]):
                    name = f"{first} {written}"
                    break
        self.names[ent.entity_id] = name
        return name

    def _full_name(self, run: list[str]) -> str | None:
        """``Shibanov`` or ``Қ. Ерғалиев`` when the item also writes the name in full (Eldar Shibanov's,
        Қуаныш Ерғалиев): that full name. The first name must be capitalised, come inside a sentence
        (not open it), be no title, and begin with the initial if one is given."""
        surname = run[-1]
        if len(run) == 2 and len(run[0]) > 2:
            return None  # two words already
        initial = run[0][0] if len(run) == 2 else ""
        if len(surname) < 3:
            return None
        for fname in self.order:
            text = self.fields.get(fname) or ""
            pos = text.find(surname)
            for _ in range(_FULL_NAME_LOOKS):
                if pos < 0:
                    break
                first = _word_before(text, pos)
                if first is not None and (not initial or first.startswith(initial)):
                    return f"{first} {surname}"
                pos = text.find(surname, pos + 1)
        return None

    def _name_ending(self, fidx: int, text: str, words: Sequence[re.Match[str]], i: int) -> list[re.Match[str]]:
        """``директор КГАТД им. М.Ауэзова Еркин Жуасбек.``: after the title and its body's name (an
        abbreviation, lower-case words, a person it is named after), two or three capitalised words that
        end the sentence are the speaker's name, unless they belong to a mention or name a body."""
        k = len(words)
        last = words[-1].end() if words else 0
        if k - i < 4 or text[last : last + 1] not in ("", ".", "\n", "!", "?"):
            return []
        run: list[re.Match[str]] = []
        while k > i + 2 and len(run) < 3:
            w = words[k - 1]
            word = w.group()
            if not is_capitalized(word) or (run and text[w.end() : run[0].start()] != " "):
                break
            if word.isupper() and not (not run and _capitals_surname(words, k - 1)):
                break
            if word.lower().startswith(_ANY_BODY_WORDS) or self._in_org(fidx, w.start(), w.end()):
                return []
            if self._overlapping(fidx, w.start(), w.end()):
                break
            run.insert(0, w)
            k -= 1
        return run if len(run) >= 2 else []

    def _name_after_title(self, title: str) -> str | None:
        """With no person known, the name the item writes right after the title (any form of it), honorifics
        aside (Бас мүфти Наурызбай қажы Тағанұлы: Наурызбай Тағанұлы), or after one or two lower-case words
        naming the post's body (Директор театра Оразалы Сарсенбек, директоры Сәуле Қасенова)."""
        head = title_head(title) or title
        for fname in self.order:
            text = self.fields.get(fname) or ""
            low = text.lower()
            pos = low.find(head)
            for _ in range(_FULL_NAME_LOOKS):
                if pos < 0:
                    break
                if pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] == "-"):  # вице-министр: another post
                    pos = low.find(head, pos + 1)
                    continue
                word_end = pos + len(head)
                while word_end < len(text) and text[word_end].isalnum():
                    word_end += 1
                names = _names_after(text, word_end) if title_head(text[pos:word_end]) == head else []
                if names and names[-1].endswith(_KK_GENITIVE) and not _russian_around(text, pos, word_end):
                    # (s11-head) министрі азаматтарға Қасым-Жомарт Тоқаевтың үндеуі: a Kazakh post in the
                    # nominative, and a name in the genitive after it owns what follows, holding no post
                    names = []
                if names:
                    for word in names:  # акима Алматы Ерболата Досаева: a person the item knows
                        for ent, surname in self.surnames_by_prefix.get(word.lower()[:3], ()):
                            if base_matches(word.lower(), surname):
                                return self._name_of(ent)
                    if len(names) == 3 and not _PATRONYMIC.search(names[1]):
                        return " ".join(names[1:])  # аким Алматы Ерболат Досаев: the place comes first
                    return f"{names[0]} {names[-1]}"
                pos = low.find(head, pos + 1)
        return None

    def _fuller(self, ent: Entity) -> Entity:
        """A person known by the surname alone (Тұрсынов) is the one the item names in full with it; one
        known by the first name and the patronymic (Талғат Маруаұлы) is the one person the item names with
        that first name and a surname (Талғат Байсуфинов)."""
        parts = ent.name.split()
        if len(parts) == 2 and _PATRONYMIC.search(parts[1].lower()):
            same = {
                other.entity_id: other
                for other in self.persons
                if other is not ent
                and len(other.name.split()) == 2
                and other.name.split()[0] == parts[0]
                and not _PATRONYMIC.search(other.name.split()[1].lower())
            }
            return next(iter(same.values())) if len(same) == 1 else ent
        if len(parts) != 1:
            return ent
        low = parts[0].lower()
        for other, surname in self.surnames_by_prefix.get(low[:3], ()):
            if other is not ent and len(other.name.split()) >= 2 and same_stem(low, surname):
                return other
        return ent

    def _statement_author(self, key: tuple[int, int]) -> Entity | None:
        """The person the item last names as the author of a statement before ``key`` (a statement by
        the Foreign Minister, X; comments from X), or None."""
        if self.authors is None:
            self.authors = []
            for fidx, fname in enumerate(self.order):
                text = self.fields.get(fname) or ""
                for m in _STATEMENT_BY_RE.finditer(text):
                    i = bisect_left(self.mention_keys, (fidx, m.end()))
                    if i < len(self.mentions):
                        mm = self.mentions[i]
                        if mm.fidx == fidx and mm.start - m.end() <= _AUTHOR_REACH:
                            self.authors.append(((fidx, mm.start), mm.entity))
        found: Entity | None = None
        for at, ent in self.authors:
            if at >= key:
                break
            found = ent if " " in ent.name else self._fuller(ent)
        return found

    def _speaking_body(self, fidx: int, words: Sequence[re.Match[str]], key: tuple[int, int]) -> Entity | None:
        """The organisation a phrase without a person's name, pronoun or title makes the speaker.

        Before any capitalised word of its own, the phrase names an organisation (сообщили в пресс-службе
        Министерства здравоохранения), or a kind of body (министрліктің баспасөз қызметі, the ministry
        said), the latest one before the quote whose name has that word's stem, or a document or press
        office (reads the statement, сообщили в пресс-службе), the latest one before the quote that the item
        names by its name (a lower-case common noun, үкімет, only when none is).
        """
        head = words[:5]
        if not self.orgs or not (
            self._in_org(fidx, head[0].start(), head[-1].end())
            or _BODY_WORD_RE.search(self.fields.get(self.order[fidx]) or "", head[0].start(), head[-1].end())
        ):
            return None
        text = self.fields.get(self.order[fidx]) or ""
        stems: list[str] = []
        generic = False
        if text.find(".", head[0].end(), head[-1].start()) >= 0:
            # деп атап өтті баспасөз қызметінен.Денсаулық ...: the next sentence, glued on, names no speaker
            head = [w for w in head if text.find(".", head[0].end(), w.start()) < 0]
        for w in head:
            if _told_title(text, w):
                continue  # рассказала «Патриоту» пациентка: the outlet told, in the dative, is no speaker
            if self._in_org(fidx, w.start(), w.end()):
                org = self._org_at(fidx, w.start(), w.end())
                if org is None or not (_platform(org.name) or org.name in _LEGAL_FORMS):
                    return org
                continue  # в аккаунте предприятия в Instagram: the account's owner speaks, not the platform
            low = w.group().lower()
            if _platform(low) or w.group() in _LEGAL_FORMS:
                continue  # в Telegram-канале ведомства, в АО «КЕГОК»: a platform or a legal form, no one's name
            if _KK_PLACE_ABBREVIATION.match(w.group()):
                continue  # ШҚО әкімдігінің баспасөз қызметі: the region's initials, then the kind of body
            if is_capitalized(w.group()) and low not in _PREPOSITIONS and low not in _DETERMINERS:
                # Багдат Мусин из Казахтелекома: a person's name comes first (В министерстве: no; The Senate said:
                # no, an article that opens the sentence, s11-enq)
                return None
            at = THOSE_AT_RE.fullmatch(low)
            if at is not None and at.group(1).startswith(_BODY_WORDS + _STATE_BODY_KINDS + _KK_GENERIC_BODIES):
                low = at.group(1)  # орталықтағылар, агенттіктегілер: those at the centre, the agency, who speak for it
                if not low.startswith(_BODY_WORDS):
                    stems.append(low[:6])
                generic = generic or low.startswith(_KK_GENERIC_BODIES + ("агентт",))
            if low.startswith(_BODY_WORDS):
                stems.append(low[:6])
            if low.startswith(_PRESS_WORDS):
                generic = True
        if not stems and not generic:
            return None
        i = bisect_left(self.orgs, key)
        latest = named = bodied = None
        for of, os_, _, n in reversed(self.orgs[max(0, i - _LOOKBACK) : i]):
            ent = self.org_entities[n]
            if of > key[0] or self._credited(of, os_) or _platform(ent.name) or _facility(ent.name):
                continue
            if generic and self._reporting_outlet(ent):
                continue  # деп хабарлайды BAQ.KZ: the outlet reports the body's words, it is not the body
            if latest is None:
                latest = ent
            if named is None and (self.fields.get(self.order[of]) or " ")[os_ : os_ + 1].isupper():
                named = ent
            if any(part.lower().startswith(stem) for part in ent.name.split() for stem in stems):
                return ent
            if any(ent.name.split(None, 1)[0] in _STEM_ABBREVIATIONS.get(stem, ()) for stem in stems):
                return ent  # В полиции подчеркивают: ДП области Абай
            if "минист" in stems and any(_ministry_initials(part) for part in ent.name.split()):
                return ent  # деп мәлімдеді министрлік after ҚР ТЖМ, сообщили в министерстве after МЧС (s11-spkb)
            if bodied is None and (_names_body_kind(ent.name) or _of_kind(ent.name, _STATE_BODY_KINDS)):
                bodied = ent
        if generic and latest is None:
            # — делінген хабарламада. before the item names the body, then Жағдайды облыстық полиция
            # департаментінің басшылығы ...: the body of a kind named right after, in the quote's field
            return self._kind_named_after(key)
        if stems and not generic:
            # деп мәлім етті департамент, then Төтенше жағдайлар департаментінің мәліметінше: a kind of body the
            # item names only after the quote, within a few sentences
            for _, ent in self._orgs_after(key):
                if any(part.lower().startswith(stem) for part in ent.name.split() for stem in stems):
                    return ent
        # a statement or press office speaks for the body named last by its name (деп хабарлайды Ақорда),
        # not for one a common noun mentions in passing (үкімет пен әкімдіктер); that only when none is.
        # A name with a kind of body in it (полиция департаменті) comes before other names: a statement
        # of the law-enforcement bodies after the code's article cited (ҚР ҚК 4 бөлімі) is the police's.
        return (bodied or named or latest) if generic else None

    def _reporting_outlet(self, org: Entity) -> bool:
        """An outlet the item credits (деп хабарлайды BAQ.KZ, Sputnik Қазақстан тілшісі), written in Latin letters
        or named as the outlet's correspondent or site: never a body that speaks (Ақорда, credited so, is one)."""
        if _names_body_kind(org.name) or not self._outlet(org):
            return False
        if re.search("[A-Za-z]", org.name) is not None:
            return True
        for of, _, oe, n in self.orgs:
            if self.org_entities[n] is not org:
                continue
            after = WORD_RE.findall(self.fields.get(self.order[of]) or "", oe, oe + 16)
            if after and after[0].lower().startswith(_OUTLET_AFTER):
                return True
        return False

    def _kk_place_body(self, text: str, words: Sequence[re.Match[str]], key: tuple[int, int]) -> Resolved | None:
        """``— дейді аудандық әкімдіктің өкілдері``, ``— деді полиция департаменті`` where no organisation of that
        kind is named: the akimat or the police department of the item's place of that level (аудан, облыс, қала;
        a police department is a region's), the first such place the item names: Қызылқоға ауданы әкімдігі,
        Алматы облысы полиция департаменті (s11-spk). None in Russian or when the item names no such place."""
        lows = [w.group().lower() for w in words[:5]]
        police = any(w.startswith("полиция") for w in lows)
        if _russian_around(text, words[0].start(), words[-1].end()) or not (
            police or any(w.startswith(("әкімдік", "әкімдіг")) for w in lows)
        ):
            return None
        level = next((n for n, suffix in enumerate(_KK_LEVEL_WORDS) if any(w.startswith(suffix[:4]) for w in lows)), 0)
        if not police and not any(w.startswith(_KK_LEVEL_WORDS[level][:4]) for w in lows):
            # дейді әкімдік after деп хабарлайды облыс әкімдігі: the level the narration gave the akimat before
            narration = self.fields.get(self.order[key[0]]) or ""
            levels = [m.group(1) for m in _KK_LEVELLED_AKIMAT.finditer(narration, 0, key[1])]
            if not levels:
                # әкімдіктің баспасөз қызметі in an item about one place of a level (Ұлытау облысы) and no other
                field = self.order[key[0]]
                levelled = {
                    p.name.rsplit(" ", 1)[-1]
                    for p in self.places
                    if p.name.endswith(_KK_LEVEL_WORDS)
                    and any(m.field == field and m.start < key[1] for m in p.mentions)
                }
                if len(levelled) != 1:
                    return None  # әкімдіктің өкілдері: whose akimat, the item does not say
                levels = list(levelled)
            level = next(n for n, suffix in enumerate(_KK_LEVEL_WORDS) if levels[-1].startswith(suffix[:4]))
        suffix = _KK_LEVEL_WORDS[level]
        field = self.order[key[0]]
        place = next(
            (
                p
                for p in self.places
                if p.name.endswith(" " + suffix) and any(m.field == field and m.start < key[1] for m in p.mentions)
            ),
            None,
        )
        if place is None:
            return None
        name = f"{place.name} {'полиция департаменті' if police else 'әкімдігі'}"
        same = next((e for e in self.org_entities if _norm(e.name).lower() == name.lower()), None)
        mention = _norm(text[words[0].start() : words[min(3, len(words)) - 1].end()])
        return Resolved(Speaker(mention, same.name if same else name, same.entity_id if same else None), 0.7)

    def _orgs_after(self, key: tuple[int, int]) -> Iterable[tuple[int, Entity]]:
        """The organisations named after ``key`` in its field within a few sentences, as (start, entity), in text
        order: no outlet credited, platform or facility among them."""
        i = bisect_left(self.orgs, key)
        for of, os_, _, n in self.orgs[i : i + _LOOKBACK]:
            if of != key[0] or os_ - key[1] > _BODY_AFTER_REACH:
                break
            ent = self.org_entities[n]
            if not (self._credited(of, os_) or _platform(ent.name) or _facility(ent.name)):
                yield os_, ent

    def _kind_named_after(self, key: tuple[int, int]) -> Entity | None:
        """The first organisation after ``key`` in its field, within a few sentences, whose name has a kind of
        body in it (полиция департаменті, прокуратурасы); None when there is none."""
        kinds = (ent for _, ent in self._orgs_after(key) if _of_kind(ent.name, _BODY_WORDS + _STATE_BODY_KINDS))
        return next(kinds, None)

    def _ru_body_in_phrase(
        self, fidx: int, text: str, words: Sequence[re.Match[str]], end: int
    ) -> Resolved | None:
        """``сообщили в Генеральной прокуратуре Шымкента``, ``в пресс-службе суда Павлодарской области``,
        ``в пресс-службе КЧС МВД РК``: a Russian phrase that names the body in full, its kind and the genitive
        tail after it (a place, the body above it). The speaker is that name with its tail (s8-qrubodies):
        the organisation's mention there and the words after it, or, when the entity layer gave none, the
        kind word put in the nominative; None when the phrase names no body so (a bare ``в акимате``)."""
        lead = words[0].group().lower() if words else ""
        if lead not in _RU_LOCATIVE_LEADS and not lead.startswith("пресс-служб"):
            return None  # сообщили пресс-службе КЧС МВД РК: the press office without в opens it as well
        for k, w in enumerate(words[1:_RU_KIND_REACH], 1):
            if w.group() in _LEGAL_FORMS:
                continue  # в пресс-службе КГУ «Управление ...»: the legal form, then the body's name
            if self._in_org(fidx, w.start(), w.end()):
                ent = self._org_at(fidx, w.start(), w.end())
                oe = self._org_end_over(fidx, w.start())
                if ent is None or oe is None or not _canonical_of_written(ent.name, text[w.start() : oe]):
                    return None
                # в отделе ЖКХ Сарыаркинского района: the kind written before a name that lacks it is part of it
                before = _ru_kind_nominative(words[k - 1].group()) if k > 1 else None
                # (only a name written as it is, an abbreviation's: полиции Алматы is no name of its own)
                kinded = before is not None and text[w.start() : oe] == ent.name
                kinded = kinded and before is not None and not _of_kind(ent.name, (before.lower()[:5],))
                tail = _ru_genitive_tail(text, oe, end, ent.name)
                if tail is None and not kinded:
                    return None
                name = f"{before} {ent.name}" if kinded else ent.name
                if tail is not None:
                    name = f"{name} {_norm(text[oe:tail].strip())}"
                last = tail if tail is not None else oe
                return Resolved(Speaker(_norm(text[words[0].start() : last]), name, None), 0.8)
            kind = _ru_kind_nominative(w.group()) or _ru_akims_office(words, k)
            if kind is None:
                continue
            tail = _ru_genitive_tail(text, w.end(), end, kind)
            if tail is None or (kind == "Акимат" and text[w.end() : tail].islower()):
                return None  # в пресс-службе суда: a bare kind, the body the item named before (_speaking_body)
            name = f"{kind} {_norm(text[w.end() : tail].strip())}"
            same = next((e for e in self.org_entities if _norm(e.name).lower() == name.lower()), None)
            ent_id = same.entity_id if same is not None else None
            return Resolved(Speaker(_norm(text[words[0].start() : tail]), same.name if same else name, ent_id), 0.8)
        return None

    def _collective_body(
        self, fidx: int, text: str, words: Sequence[re.Match[str]], key: tuple[int, int]
    ) -> Resolved | None:
        """``рассказали борцы с коррупцией``, ``прокомментировали медики``, ``сообщили спасатели``: the people of
        a kind of body, named by their trade in the plural, speak for it (s8-qrubodies). The speaker is the body
        of that kind the item names, the latest before the quote, else the first after it; else a name of that
        kind the narration before the quote writes (со ссылкой на Агентство РК по противодействию коррупции).
        None when the phrase opens with no such word or the item names no such body."""
        if len(words) > _COLLECTIVE_WORDS:
            return None
        phrase = " ".join(w.group().lower() for w in words)
        stems = next((st for lead, st in _COLLECTIVES if phrase == lead or phrase.startswith(lead + " ")), None)
        if stems is None:
            return None
        mention = _norm(text[words[0].start() : words[-1].end()])
        i = bisect_left(self.orgs, key)
        before = self._org_of_kind(reversed(self.orgs[max(0, i - _LOOKBACK) : i]), key, stems)
        if before is not None:
            return Resolved(Speaker(mention, before.name, before.entity_id), 0.8)
        written = _ru_body_written_before(self.fields.get(self.order[key[0]]) or "", key[1], stems)
        if written is not None:
            return Resolved(Speaker(mention, written, None), 0.75)
        after = self._org_of_kind(self.orgs[i : i + _LOOKBACK], key, stems)
        if after is not None:
            return Resolved(Speaker(mention, after.name, after.entity_id), 0.75)
        return None

    def _org_of_kind(
        self, orgs: Iterable[tuple[int, int, int, int]], key: tuple[int, int], stems: tuple[str, ...]
    ) -> Entity | None:
        """The first of ``orgs`` in the quote's field whose name is of the kind ``stems`` give, credits aside."""
        for of, os_, _, n in orgs:
            ent = self.org_entities[n]
            if of == key[0] and not self._credited(of, os_) and not _platform(ent.name) and _of_kind(ent.name, stems):
                return ent
        return None

    def _compound_body(self, text: str, words: Sequence[re.Match[str]], key: tuple[int, int]) -> Resolved | None:
        """``добавили в Погранслужбе``, ``в Генпрокуратуре``, ``в Минздраве``: a body by its compound short name,
        that the entity layer did not link to the full name the item gives (Пограничная служба КНБ, Генеральная
        прокуратура): the organisation whose name has the words the short name is made of, the latest before
        the quote, else the first after it (s8-qrubodies)."""
        if len(words) < 2 or words[0].group().lower() not in _RU_LOCATIVE_LEADS:
            return None
        w = words[1]
        if not is_capitalized(w.group()) or self._in_org(key[0], w.start(), w.end()):
            return None
        parts = _compound_parts(w.group())
        if parts is None:
            return None
        i = bisect_left(self.orgs, key)
        for _, _, _, n in (*reversed(self.orgs[max(0, i - _LOOKBACK) : i]), *self.orgs[i : i + _LOOKBACK]):
            ent = self.org_entities[n]
            names = [x.lower() for x in ent.name.split()]
            if all(any(x.startswith(part) for x in names) for part in parts):
                return Resolved(Speaker(_norm(text[words[0].start() : w.end()]), ent.name, ent.entity_id), 0.8)
        return None

    def _akimat_of_place(
        self, fidx: int, text: str, words: Sequence[re.Match[str]], key: tuple[int, int], span: tuple[int, int]
    ) -> Resolved | None:
        """``сообщили в акимате``, ``уточнили в администрации`` where the item names the akimat by the town it is
        in (Здание акимата в Уральске) and the entity layer gave no organisation: Акимат Уральска, the town put
        in the genitive (s8-qrubodies). A phrase without в goes to ``_kk_place_body`` when it names an akimat
        or the police (s11-spk). None unless the phrase opens with в and an akimat or an administration."""
        if len(words) < 2 or words[0].group().lower() not in _RU_LOCATIVE_LEADS:
            # Kazakh names the akimat or the police without в: of the item's place (_kk_place_body, s11-spk)
            return self._kk_place_body(text, words, key) if _KK_PLACE_KIND.search(text, *span) else None
        if not any(w.group().lower().startswith(("акимат", "администраци")) for w in words[1:3]):
            return None
        narration = self.fields.get(self.order[key[0]]) or ""
        field_name = self.order[key[0]]
        found = None
        for m in _RU_AKIMAT_IN_RE.finditer(narration, 0, key[1]):
            place = next(
                (
                    p
                    for p in self.places
                    if any(x.field == field_name and x.start == m.start(1) for x in p.mentions)
                ),
                None,
            )
            if place is not None and len(place.name.split()) == 1:
                found = place.name
        if found is None:
            return None
        mention = _norm(text[words[0].start() : words[min(3, len(words)) - 1].end()])
        return Resolved(Speaker(mention, f"Акимат {_ru_town_genitive(found)}", None), 0.75)

    def _body_after(
        self, fidx: int, text: str, words: Sequence[re.Match[str]], key: tuple[int, int]
    ) -> Resolved | None:
        """``— рассказали в ведомстве.`` before the item names any body, then ``В пресс-службе ДЧС Алматинской
        области сообщили ...`` after the quote: the body the narration names right after, in the quote's field
        and within a few sentences (s8-qrubodies). Only for a phrase that opens with в and a press office, a
        statement or a kind of body, and only a body with a kind in its name (ДЧС, департамент, акимат)."""
        if len(words) < 2 or words[0].group().lower() not in _RU_LOCATIVE_LEADS:
            return None
        low = words[1].group().lower()
        kind = _ru_kind_nominative(low)
        if kind is None and not low.startswith(_ANY_BODY_WORDS):
            return None
        stems = (kind.lower()[:6],) if kind is not None else ()
        i = bisect_left(self.orgs, key)
        if any(
            of == key[0] and not self._credited(of, os_) and not _platform(self.org_entities[n].name)
            for of, os_, _, n in self.orgs[max(0, i - _LOOKBACK) : i]
        ):
            return None  # a body named before, of another kind than the phrase's: not this rule's to choose
        for os_, ent in self._orgs_after(key):
            kind_named = _names_body_kind(ent.name) or _of_kind(ent.name, _KIND_INITIALS)
            kind_named = kind_named or _names_ministry(ent.name.split()[0]) or _told_in_body(text, os_)
            if _of_kind(ent.name, stems) if stems else kind_named:
                mention = _norm(text[words[0].start() : words[min(3, len(words)) - 1].end()])
                return Resolved(Speaker(mention, ent.name, ent.entity_id), 0.7)
        return None

    def reported_body(self, fidx: int, start: int, end: int) -> Resolved | None:
        """The body whose figures a stretch of narration reports (По данным ДЧС Павлодарской области, в село
        отправлены спасатели.), naming no person: the one who speaks in the paragraph after it (s8-qrubodies).
        The body of the last ``по данным X`` / ``по информации X`` / ``по сообщению X`` there; else None."""
        text = self.fields.get(self.order[fidx]) or ""
        i = bisect_left(self.orgs, (fidx, start))
        found = None
        for of, os_, oe, n in self.orgs[i : i + _LOOKBACK]:
            if of != fidx or os_ >= end:
                break
            if _RU_REPORTED_BY.search(text, max(start, os_ - 20), os_) is not None and not self._credited(of, os_):
                found = (os_, oe, self.org_entities[n])
        if found is None:
            return None
        os_, oe, ent = found
        return Resolved(Speaker(_norm(text[os_:oe]), ent.name, ent.entity_id), 0.7)

    def reported_before(self, key: tuple[int, int]) -> Resolved | None:
        """``reported_body`` of the paragraph right before a quote that opens its own paragraph."""
        text = self.fields.get(self.order[key[0]]) or ""
        end = len(text[: text.rfind("\n", 0, key[1]) + 1].rstrip())
        if end <= 0:
            return None
        return self.reported_body(key[0], text.rfind("\n", 0, end) + 1, end)

    def _kind_written_before(self, text: str, words: Sequence[re.Match[str]], key: tuple[int, int]) -> Resolved | None:
        """``— добавили в суде.`` after ``Как сообщили в пресс-службе суда Алматы``: a bare kind of body in the
        phrase, no organisation the entity layer gave, and the narration before the quote writes that kind with
        its genitive tail: Суд Алматы, the last such name (s8-qrubodies)."""
        if len(words) < 2 or words[0].group().lower() not in _RU_LOCATIVE_LEADS:
            return None
        kind = next((k for k in map(_ru_kind_nominative, (w.group() for w in words[1:3])) if k is not None), None)
        if kind is None:
            return None
        narration = self.fields.get(self.order[key[0]]) or ""
        found = None
        for w in WORD_RE.finditer(narration, max(0, key[1] - _COMPANY_REACH), key[1]):
            if _ru_kind_nominative(w.group()) != kind:
                continue
            tail = _ru_genitive_tail(narration, w.end(), min(key[1], w.end() + 80), kind)
            if tail is not None:
                found = f"{kind} {_norm(narration[w.end() : tail].strip())}"
        if found is None:
            return None
        return Resolved(Speaker(_norm(text[words[0].start() : words[min(3, len(words)) - 1].end()]), found, None), 0.7)

    def _kind_initials_before(
        self, text: str, words: Sequence[re.Match[str]], key: tuple[int, int]
    ) -> Resolved | None:
        """``— напомнили в комитете`` after ``КГД МФ РК предупредил``, ``— сообщили в авиакомпании`` after ``Компания
        Air Astana``: a kind of body in the phrase, and the latest body before the quote is written by initials that
        begin with the kind's letter (Комитет государственных доходов: КГД), or, for a company, is any named
        organisation (s8-qrubodies)."""
        if len(words) < 2 or words[0].group().lower() not in _RU_LOCATIVE_LEADS:
            return None
        low = words[1].group().lower()
        kind = _ru_kind_nominative(low)
        company = low.startswith(_RU_COMPANY_WORDS)
        if kind is None and not company:
            return None
        i = bisect_left(self.orgs, key)
        for of, os_, _, n in reversed(self.orgs[max(0, i - _LOOKBACK) : i]):
            ent = self.org_entities[n]
            if of != key[0] or self._credited(of, os_) or _platform(ent.name) or _facility(ent.name):
                continue
            if ent.name in _LEGAL_FORMS:
                continue
            first = ent.name.split()[0]
            initials = _ABBREVIATION.match(first) is not None and kind is not None and first[0] == kind[0]
            if initials or (company and is_capitalized(first)):
                mention = _norm(text[words[0].start() : words[1].end()])
                return Resolved(Speaker(mention, ent.name, ent.entity_id), 0.7)
        return None

    def _org_end_over(self, fidx: int, pos: int) -> int | None:
        """The end of the organisation's mention that covers ``pos``."""
        i = bisect_left(self.orgs, (fidx, pos + 1))
        for of, os_, oe, _ in self.orgs[max(0, i - 4) : i][::-1]:
            if of == fidx and os_ <= pos < oe:
                return oe
        return None

    def _credited(self, fidx: int, start: int) -> bool:
        """The organisation mentioned at ``start`` is an outlet that relays the story (передает Informburo):
        it speaks for none of those it quotes, nor does a site a photo is credited to (Фото с сайта X).
        (сообщает X, деп хабарлайды X may credit the body itself, деп хабарлайды Ақорда, so only a relay
        counts.)"""
        text = self.fields.get(self.order[fidx]) or ""
        before = WORD_RE.findall(text, max(0, start - 16), start)
        if before and (
            before[-1].lower() in _RELAY_VERBS
            or before[-1].lower() in _CREDIT_WORDS
            or (before[-1] in _OUTLET_KINDS and _relayed_by_kind(text, start))
        ):
            return True
        if _WRITES.match(text, self._org_end(fidx, start)) is not None:
            return True  # деп «Egemen Qazaqstan» жазады: an outlet writes the story, it speaks for no one
        return _in_dateline(text, start) or _dotted_dateline(text, start)

    def _org_end(self, fidx: int, start: int) -> int:
        """The end of the organisation's mention that starts at ``start``."""
        i = bisect_left(self.orgs, (fidx, start))
        if i < len(self.orgs) and self.orgs[i][0] == fidx and self.orgs[i][1] == start:
            return self.orgs[i][2]
        return start

    def _org_at(self, fidx: int, start: int, end: int) -> Entity | None:
        """The organisation whose mention overlaps ``[start, end)`` of a field."""
        i = bisect_left(self.orgs, (fidx, end))
        for of, os_, oe, n in self.orgs[max(0, i - 4) : i]:
            if of == fidx and os_ < end and start < oe:
                return self.org_entities[n]
        return None

    def _in_org(self, fidx: int, start: int, end: int) -> bool:
        """``[start, end)`` of a field overlaps a mention of an organisation."""
        orgs = self.orgs
        i = bisect_left(orgs, (fidx, end))
        for of, os_, oe, _ in orgs[max(0, i - 4) : i]:
            if of == fidx and os_ < end and start < oe:
                return True
        return False

    def _extend_left(self, fidx: int, text: str, pos: int) -> int:
        """Include up to three title or capitalized words right before a name, none of them part of a
        neighbouring organisation's name (Атамекен ҰКП төрағасы Райымбек Баталов; аким Алматы stays)."""
        start = pos
        for _ in range(3):
            j = start - 1
            while j >= 0 and text[j] in " \t":
                j -= 1
            if j < 0 or not (text[j].isalnum() or text[j] == "."):
                break
            k = j
            while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "-’'"):
                k -= 1
            word = text[k : j + 1]
            if not word or not (title_head(word) or is_capitalized(word)) or len(word) < 2:
                break
            if word.lower() in _NOT_TITLES:
                break  # As Tokayev said: a sentence's first word, not a title
            if self.orgs and is_capitalized(word) and self._in_org(fidx, k, j + 1):
                break
            start = k
        return start

    def _overlapping(self, fidx: int, start: int, end: int) -> list[_Mention]:
        """PERSON mentions overlapping ``[start, end)`` of a field, in text order."""
        i = bisect_left(self.mention_keys, (fidx, end))
        out: list[_Mention] = []
        for mm in self.mentions[max(0, i - 8) : i]:
            if mm.fidx == fidx and mm.start < end and start < mm.end:
                out.append(mm)
        return out

    def _overlapping_all(self, fidx: int, start: int, end: int) -> list[_Mention]:
        """PERSON mentions inside ``[start, end)`` of a field however long the stretch, in text order."""
        lo = bisect_left(self.mention_keys, (fidx, start))
        hi = bisect_left(self.mention_keys, (fidx, end))
        return self.mentions[lo:hi]

    def _subject_anchor(
        self, key: tuple[int, int], gender: str, *, earlier_than: tuple[int, int] | None = None
    ) -> Anchor | None:
        """Last person named as subject before ``key``, else the first after it; with ``earlier_than``,
        the last one named before that place, and none after."""
        if earlier_than is not None:
            key = earlier_than
            if bisect_left(self.anchor_keys, key) == 0 and bisect_left(self.said_keys, key) == 0:
                return None
        i = bisect_left(self.anchor_keys, key)
        j = bisect_left(self.said_keys, key)
        # mentions and remembered speakers merged in text order, a mention first at the same place; a person
        # named inside an earlier quote is the quote's, not the narration's (дейді ол кісі after «... Зулфизар ...»)
        anchors, said = self.anchors, self.said
        prior = anchors[max(0, i - _LOOKBACK) : i] if self.quoted.isdisjoint(range(i - _LOOKBACK, i)) else self._free(i)
        if j == 0 or i == 0:
            before = (prior if j == 0 else said[max(0, j - _LOOKBACK) : j])[::-1]
        else:
            near = sorted(
                [(a.key, 0, n, a) for n, a in enumerate(prior)]
                + [(a.key, 1, n, a) for n, a in enumerate(said[max(0, j - _LOOKBACK) : j])]
            )
            before = [a for *_, a in near[-_LOOKBACK:]][::-1]
        if j == len(said) or i == len(anchors):
            after = anchors[i : i + _LOOKBACK] if j == len(said) else said[j : j + _LOOKBACK]
        else:
            near = sorted(
                [(a.key, 0, n, a) for n, a in enumerate(anchors[i : i + _LOOKBACK])]
                + [(a.key, 1, n, a) for n, a in enumerate(said[j : j + _LOOKBACK])]
            )
            after = [a for *_, a in near[:_LOOKBACK]]
        for seq in (before, after):
            subj = [a for a in seq if a.subject] or seq
            if gender:
                # the nearest one the name does not tell of the other sex (добавила она after аким Досаев and
                # министр Ажар Гиният: Гиният; уточнил замруководителя after Владимир Божко, whose name tells
                # no sex, and Назарбаев: Божко)
                for a in subj[:6]:
                    if _gender(a.name) != _OTHER_SEX[gender]:
                        return a
                if subj:
                    # only persons of the other sex: «Q», - ответила она after спросили у женщины and Абай
                    # Кунанбаев: she is someone the item does not name (s8-qrupeople)
                    continue
            if subj:
                return subj[0]
        return None

    def _by_title(self, head: str, quals: list[str], key: tuple[int, int]) -> Entity | None:
        if not self.roles_done:
            self._prepare_roles()
        answer = self.titled.get((head, tuple(quals)))
        if answer is None:
            answer = self._title_candidates(head, quals)
        return answer.nearest(key)

    def _title_candidates(self, head: str, quals: list[str]) -> _Titled:
        """The best-scoring persons a title may name (ties broken later by distance), remembered."""
        scores: dict[str, tuple[int, Entity]] = {}
        for ent, rhead, rquals in self.role_heads:
            if rhead == head:
                sc = _qual_score(quals, rquals)
                if sc > scores.get(ent.entity_id, (0, ent))[0]:
                    scores[ent.entity_id] = (sc, ent)
        if not self.appositions_done and not any(sc == 3 for sc, _ in scores.values()):
            # the gazetteer's roles do not settle it: look at "министр Ерлан Сейітов" in the item
            self.appositions_done = True
            self.titled.clear()
            seen: set[tuple[str, tuple[str, ...], int]] = set()
            for mm in self.mentions:
                self._apposition(mm, seen)
                self._apposition_after(mm, seen)
        for aquals, ent in self.appositions.get(head, ()):
            sc = _qual_score(quals, aquals)
            if sc and sc >= scores.get(ent.entity_id, (0, ent))[0]:
                scores[ent.entity_id] = (sc, ent)
        tied: list[Entity] = []
        if scores:
            top = max(sc for sc, _ in scores.values())
            tied = [ent for sc, ent in scores.values() if sc == top]
        else:
            # «Құлагердің» режиссері after "театр режиссері Болат Атабаев": the only one the item gives the post
            holders = {ent.entity_id: ent for _, ent in self.appositions.get(head, ())}
            if len(holders) == 1:
                tied = list(holders.values())
        answer = _Titled(tied, self._mention_keys_of(tied) if len(tied) > 1 else [])
        self.titled[(head, tuple(quals))] = answer
        return answer

    def _mention_keys_of(self, tied: list[Entity]) -> list[tuple[tuple[int, int], int]]:
        """(mention key, index in ``tied``) of every mention of the tied persons, sorted."""
        rank = {id(ent): i for i, ent in reversed(list(enumerate(tied)))}
        keys = [((m.fidx, m.start), rank[id(m.entity)]) for m in self.mentions if id(m.entity) in rank]
        keys.sort()
        return keys


@dataclass(slots=True)
class _Titled:
    """The persons a title ties between, and their mentions for the distance tie-break."""

    tied: list[Entity]
    keys: list[tuple[tuple[int, int], int]]

    def nearest(self, key: tuple[int, int]) -> Entity | None:
        """The tied person named last before ``key`` (in its field, else in the nearest earlier
        field), else first after it; among equals, the first tied."""
        if len(self.tied) <= 1:
            return self.tied[0] if self.tied else None
        keys = self.keys
        if not keys:
            return self.tied[0]
        i = bisect_left(keys, (key, -1))
        if i > 0:
            last = keys[i - 1][0]
            if last[0] == key[0]:
                return self.tied[keys[bisect_left(keys, (last, -1))][1]]
            # before the quote only in an earlier field: every mention there is as near
            lo = bisect_left(keys, ((last[0], -1), -1))
            return self.tied[min(t for _, t in keys[lo:i])]
        first = keys[0][0]
        return self.tied[keys[0][1]] if first >= key else self.tied[0]


#: The last words of Kazakh verb phrases after деп (атап өтті, мәлімдеді).
_KK_DEP_LAST = frozenset(key[-1] for key in KK_DEP_CUES)

#: Kinds of body a phrase may name instead of the body's own name (beginnings of the words, lower case).
_KK_PLURALS = frozenset({"лар", "лер", "дар", "дер", "тар", "тер"})

#: Russian short names of ministries (Минздрав, МИД) and the word for a ministry, after глава: its minister.
_MINISTRY_ABBREVIATIONS = frozenset({"мид", "мвд", "мчс", "мон", "минсельхоз"})


#: A Kazakh ministry's initials end with its М (ТЖМ, ДСМ, ІІМ, СІМ, АШМ): Төтенше жағдайлар министрлігі (s11-spkb).
_KK_MINISTRY_INITIALS = re.compile(r"^[А-ЯӘҒҚҢӨҰҮҺІ]{1,4}М$")


def _ministry_initials(word: str) -> bool:
    """``ТЖМ``, ``ДСМ``, ``МЧС``, ``МИД``: a ministry written by its initials, Kazakh or Russian."""
    return _KK_MINISTRY_INITIALS.match(word) is not None or word.lower() in _MINISTRY_ABBREVIATIONS


def _names_ministry(word: str) -> bool:
    """``Минздрава``, ``МИД``, ``министерства``, ``ведомства``: a ministry, in any case."""
    low = word.lower()
    return low.startswith(("мин", "ведомств")) or low in _MINISTRY_ABBREVIATIONS

#: Russian phrases for the heads of a state and of a government, by the word after глава: the posts the
#: gazetteer and the items give them (s9-qru).
_RU_HEADS_OF = MappingProxyType(
    {"государства": "президент", "правительства": "премьер-министр", "кабмина": "премьер-министр"}
)


def _ru_head_of(word: str, head: str) -> str:
    """``сказал глава государства``: the president, not any head the item names (глава Минздрава X);
    ``глава правительства``: the prime minister. Other heads stay as they are."""
    return _RU_HEADS_OF.get(word.lower(), head)


#: Kazakh words for a ministry that a head (басшы, жетекші) may follow: ведомство басшысы, министрлік
#: басшысы, the minister (branch s8-qkk).
_KK_MINISTRY_WORDS = ("ведомство", "министрлік", "министрліктің")


#: The places whose head (басшысы) is their akim: аудан басшысы, өңір басшысы, қала басшысы.
_KK_AKIM_PLACES = ("аудан", "облыс", "өңір", "қала", "ауыл", "округ")


def _kk_akim_head(words: Sequence[re.Match[str]], i: int, head: str) -> bool:
    """``аудан басшысы``, ``өңір басшысы``: the head of a district, region or town is its akim (s12)."""
    return head in ("басшы", "жетекші") and i > 0 and words[i - 1].group().lower().startswith(_KK_AKIM_PLACES)


def _kk_ministry_head(words: Sequence[re.Match[str]], i: int, head: str) -> bool:
    """``деді ведомство басшысы``: the head of the ministry the item speaks of is its minister."""
    return head in ("басшы", "жетекші") and i > 0 and words[i - 1].group().lower() in _KK_MINISTRY_WORDS


_BODY_WORDS = (
    "бюро",
    "әкімдіг",
    "агентств",
    "агенттік",
    "агенттіг",
    "министерств",
    "министрлі",
    "ведомств",
    "акимат",
    "әкімдік",
    "департамент",
    "полиц",
    "прокурор",  # прокурорлар, прокуроры: the office's people speak for the prosecutor's office
    "комитет",
    "компани",
    "ministry",
    "department",
    "agency",
    "committee",
    "company",
    "akimat",
)

#: What any organisation speaks through: a press office or a document ("..., reads the statement").
_PRESS_WORDS = (
    "пресс-служб",
    "баспасөз",
    "ведомств",
    "сообщени",
    "хабарлама",
    "ақпаратта",  # делінген ақпаратта: the information a body gave out (s11-spkb)
    "ақпараттан",
    "түсініктеме",  # (s13) ресми түсініктемеде «Q» делінген: a body's comment
    "мәлімдеме",
    "statement",
    "release",
    "announcement",
    "press",
    # s8-qrubodies: a body's account on a platform (в аккаунте предприятия в Instagram, на странице акимата),
    # its press release and its statement (в пресс-релизе регулятора, в заявлении ведомства)
    "аккаунт",
    "страниц",
    "пресс-релиз",
    "релиз",
    "заявлени",
)
_ANY_BODY_WORDS = _BODY_WORDS + _PRESS_WORDS

#: Other kinds of state body an organisation's name may have (Абай облысы прокуратурасы, ШҚО Ақпарат орталығы,
#: Сыбайлас жемқорлыққа қарсы қызмет): a generic statement or press office of the item speaks for one of these
#: before a name that has none (an outlet's). Beginnings of words, lower case (s11-spk).
_STATE_BODY_KINDS = ("прокуратур", "басқарма", "орталы", "инспекци", "комисси", "управлени", "служб", "қызмет")

#: Kazakh words for a guest or visitor (деді мәртебелі мейман, дейді қонақ), and the participles the item introduces
#: the visitor with (сапармен келген X, келіп жатқан X, ат басын тіреген X) (s11-spkb).
_KK_GUEST_WORDS = frozenset({"мейман", "қонақ", "меймандар", "қонақтар"})
_KK_CAME = ("келген", "келіп", "келе", "тіреген", "келетін")

#: Kazakh words for any state body (ведомство, мекеме, орган): those at it speak for the body named before.
_KK_GENERIC_BODIES = ("ведомств", "мекеме", "орган")

#: Kazakh words for the levels of place whose akimat or police a phrase may name without its place, region first
#: (облыстық, аудандық, қалалық), as the place's name ends (Алматы облысы, Талғар ауданы, Арқалық қаласы).
_KK_LEVEL_WORDS = ("облысы", "ауданы", "қаласы")
#: ``облыс әкімдігі``, ``аудандық әкімдіктің``, ``қала әкімдігі``: an akimat the narration gives its level.
_KK_LEVELLED_AKIMAT = re.compile(r"(?<![\w\-])(облыс|аудан|қала)(?:тық|дық|лық)?\s+әкімді[кг]", re.IGNORECASE)
#: A Kazakh phrase's word for an akimat or the police, searched before anything else is done for it (step budget).
_KK_PLACE_KIND = re.compile(r"(?<![\w\-])(?:әкімді[кг]|полиция)", re.IGNORECASE)

#: A word that begins as a body's or a press office's does, or a word for those at a body (орталықтағылар): one
#: search over a phrase, so that its words cost no Python steps each (hostile-input budget).
_BODY_WORD_RE = re.compile(
    r"(?<![\w’'\-])(?:" + "|".join(map(re.escape, _ANY_BODY_WORDS)) + r")|" + THOSE_AT_RE.pattern, re.IGNORECASE
)

#: Bodies written by their initials, by the stem of the word a phrase may name them with
#: (департамент полиции, полиция департаменті, департамент внутренних дел, ішкі істер департаменті).
_STEM_ABBREVIATIONS = MappingProxyType({"полици": frozenset({"ДП", "ПД", "ДВД", "ІІД", "УП"})})

#: Words before a name that credit a photo or a source: the name is no speaker (Фото с сайта pixabay.com).
_CREDIT_WORDS = frozenset({"фото", "сайта", "фотосурет", "сурет", "photo", "источник"})

#: An outlet writing the story, after its name (деп «Egemen Qazaqstan» жазады, пишет Kursiv).
_WRITES = re.compile(r"[»\"”]?\s{0,3}(?:жазады|жазды|пишет|пишут|writes)\b", re.IGNORECASE)

#: Labels of a caption or a credit line (Фото: «...», Видео: ...): no speaker.
_CAPTION_LABELS = frozenset(
    {"фото", "видео", "сурет", "фотосурет", "бейне", "photo", "video", "источник", "дереккөз", "иллюстрация",
     "коллаж", "скриншот", "инфографика"}
)

#: The kind of outlet written between a relay verb and the outlet's name (передает ИА «NewTimes.kz»,
#: передает корреспондент Kazinform) (s9-qru).
_OUTLET_KINDS = frozenset(
    {"ИА", "МИА", "агентство", "информагентство", "портал", "издание", "сайт", "телеканал", "корреспондент"}
)
_RELAY_REACH = 40


def _relayed_by_kind(text: str, start: int) -> bool:
    """``передает ИА «NewTimes.kz»``: a relay verb, then the outlet's kind, then its name at ``start``."""
    before = WORD_RE.findall(text, max(0, start - _RELAY_REACH), start)
    k = len(before) - 1
    while k >= 0 and before[k] in _OUTLET_KINDS:
        k -= 1
    return k >= 0 and before[k].lower() in _RELAY_VERBS


#: Verbs of an outlet relaying a story (передает Informburo, передает корреспондент Kazinform).
_RELAY_VERBS = frozenset({"передает", "передаёт"})

_STATEMENT_RE = re.compile(r"(statement|comment|remarks)$", re.IGNORECASE)
_STATEMENT_BY_RE = re.compile(r"(?:[Ss]tatement|[Cc]omments?|[Rr]emarks) (?:by|from) ")
_AUTHOR_REACH = 60

#: Prepositions that open a sentence before a body (В министерстве отмечают, At the ministry).
_PREPOSITIONS = frozenset({"в", "во", "из", "at", "in"})

#: Nouns for a person an item does not name (a resident, a witness): the speaker stays unnamed.
_UNNAMED_PEOPLE = frozenset(
    {"житель", "жительница", "жители", "очевидец", "очевидица", "очевидцы", "свидетель", "пенсионер",
     "пенсионерка", "родственник", "родственница", "родственники", "автор",
     "тұрғын", "тұрғыны", "тұрғындар", "куәгер", "resident", "residents", "eyewitness"}
)

_POSSESSIVE_PRONOUNS = frozenset({"оның", "его", "ее", "её"})

#: A Kazakh plural, bare or with a case ending (Сарапшылар, Сарапшылардың): a group, not a name.
#: The stem is five letters or more, so that Мюллер and Шнайдер stay names.
#: A Kazakh noun in the possessive of the third person (авторы, тұрғыны, тілшісі, өкілі).
_KK_POSSESSED_HEAD = re.compile(r"^[а-яәғқңөұүһі]{3,}(?:ы|і|сы|сі)$")
#: A Kazakh plural noun, perhaps possessed, heading a subject (қызметкерлері, тұрғындар, жұмысшылары).
_KK_GROUP_HEAD = re.compile(r"^[^\W\d_]{3,}(?:лар|лер|дар|дер|тар|тер)(?:ы|і)?$")
_KK_PLURAL = re.compile(r"^\w{5,}(лар|лер|дар|дер|тар|тер)(дың|дің|ға|ге|да|де|дан|ден|ды|ді|мен)?$")

#: A Kazakh noun with "our" on it (Халқымыз, Ағаларымыз, Еліміз): a people or a kin, never a name.
# Фолловеры, Подписчики: a Russian plural noun, never a surname (Тағанұлы and Қызы are names)
_RU_PLURAL = re.compile(r"^[А-ЯЁ][а-яё]{3,}(?<![лз])ы$")
# Например, Кстати: parenthetical words that open a sentence, capitalised but no name
_PARENTHETICALS = frozenset(
    {"например", "кстати", "впрочем", "однако", "итак", "конечно", "безусловно", "разумеется", "кроме", "также"}
)
# НБ, МВД: an abbreviation naming a body
_ABBREVIATION = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,4}$")
# BTS Digital Нуртай Абилгалиев: Latin words before a Cyrillic name of two words or more
_LATIN_LEAD = re.compile(r"^(?:[A-Za-z][\w.&-]*\s+)+(?=[А-ЯЁӘҒҚҢӨҰҮҺІ]\w+\s+[А-ЯЁӘҒҚҢӨҰҮҺІ])")
_QUOTE_OPENERS = frozenset("«\"„“")
_RU_OBLIQUE_NAME = re.compile(r"(?:ому|ему|[трвн]у)$")
#: A Kazakh word for our people (халқымыз) or a collective noun for people at large (жұртшылық, көпшілік, халық,
#: жұрт), capitalised at a sentence's start: a crowd the item does not name (s11-spk: the collectives).
_KK_OUR = re.compile(r"^(?:\w{3,}(ымыз|іміз|мыз|міз)|\w{2,}(?:шылық|шілік)|халық|жұрт|көпшілік|қауым)$")

#: Capitalised words that open a sentence before a name and are never part of a title.
_NOT_TITLES = frozenset({"as", "как", "when", "but", "and", "then", "но", "и", "а", "когда", "ал", "және", "бірақ"})


_EPONYM_BEFORE_RE = re.compile(r"(?<!\w)(?:им|имени)\W*$", re.IGNORECASE)
_EPONYM_AFTER_RE = re.compile(r"\s{0,4}(?:атындағы|named)", re.IGNORECASE)


_DATELINE_REACH = 40

#: A dateline with its date before the outlet: ``АЛМАТЫ, 22 қазан – Sputnik.``, ``ASTANA, May 3 – Kazinform``.
_DATED_DATELINE = re.compile(r"[^\W\d_][^\W\d_ -]*(?:[ -][^\W\d_]+)?,\s+\S+\s+\S+\s*[—–-]\s*$")


#: Words that make the person named before them (Kazakh) or after them (Russian) the one whose words a
#: sentence reports: Бекшиннің айтуынша, ...; По словам Бекшина, ...
_REPORTED_AFTER = frozenset({"айтуынша", "сөзінше", "пікірінше", "мәліметінше"})
#: (s11-ruspk) По словам матери, Гульнары Сеитовой: a Russian post and a comma before the name.
_REPORTED_BEFORE_RE = re.compile(
    r"(?i)\b(?:(?:по\s+словам|по\s+мнению)\s+(?:\w+,?\s+){0,3}|according\s+to\s+(?:\w+\s+){0,3})$"
)


#: People the press quotes as a crowd it does not name, in the nominative plural (Фолловеры пишут:,
#: Пользователи сети отмечают:, Сельчане поблагодарили акима): their words are no one's named (s8-qrupeople).
_CROWDS = frozenset(
    {"фолловеры", "подписчики", "пользователи", "юзеры", "читатели", "комментаторы", "зрители", "слушатели",
     "болельщики", "фанаты", "поклонники", "жители", "сельчане", "горожане", "пенсионеры", "родители",
     "очевидцы", "прохожие", "покупатели", "пассажиры", "посетители", "пациенты", "соседи", "земляки",
     "люди", "казахстанцы", "интернет-пользователи", "нетизены", "многие", "некоторые", "участники",
     "студенты", "школьники", "ветераны", "фермеры", "аграрии", "водители", "избиратели"}
)
#: First words a crowd's phrase may open with: a crowd, or a place of comments (в, под).
#: (s13) and the first words of English posts that stand for their unnamed writers (see _POSTS_LEAD)
_CROWD_LEADS = _CROWDS | frozenset({"в", "под", "posts", "messages", "comments", "replies", "social", "social-media"})
#: Where readers' words are found (В комментариях пишут:, Под постом отметили:).
_COMMENT_PLACE = re.compile(
    r"(?i)(?:в|под)\s+(?:комментари\w*|соцсет\w*|сети|социальных\s+сетях|постом|публикацией|видео|роликом)\b"
)
_CROWD_WORDS = 3
#: (s13) English posts standing for the unnamed people who wrote them (Social-media posts include:, Comments read:).
_POSTS_LEAD = re.compile(r"(?i)(?:social[- ]media\s+)?(?:posts|messages|comments|replies)\b(?!\s+(?:by|from)\b)")


def unnamed_crowd(phrase: str) -> bool:
    """A speaker phrase or the narration before a quote that opens with a crowd the item does not name
    (Фолловеры пишут, Местные жители рассказали) or a place of readers' comments (В комментариях
    пишут): the quotes it introduces are said by no one named."""
    place = _COMMENT_PLACE.match(phrase)
    if place is not None:
        # под публикацией Лим: the one who posted is named after the place, and speaks
        return not any(is_capitalized(w) for w in WORD_RE.findall(phrase[place.end() : 80]))
    if _POSTS_LEAD.match(phrase) is not None:
        return True
    words = [w.lower() for w in WORD_RE.findall(phrase[:80])][:_CROWD_WORDS]
    if not words:
        return False
    if words[0] in _CROWDS:
        return True
    # Местные жители, Многие пользователи: an adjective or a quantifier, then the crowd
    return len(words) > 1 and words[1] in _CROWDS and words[0].endswith(("ые", "ие", "ое", "ая"))


#: A Russian demonym in the plural (атыраусцы, алматинцы, астанчане): the people of a place, unnamed.
_RU_DEMONYMS = re.compile(r"^[а-яё]{4,}(?:цы|чане|ане)$")
_GROUP_LEAD_WORDS = 3
_GROUP_WORD_LETTERS = 7


def headline_crowd(phrase: str) -> bool:
    """A headline's words after its quote opening with people it does not name (Пациенты больницы
    жалуются, атыраусцы жалуются, ауыл мұғалімдері шағымданды, финалға шыққан боксшылар): a crowd,
    a demonym, or a Kazakh plural among the first words with no capitalised word before it."""
    if unnamed_crowd(phrase):
        return True
    words = WORD_RE.findall(phrase[:80])[:_GROUP_LEAD_WORDS]
    if not words:
        return False
    if _RU_DEMONYMS.match(words[0].lower()) is not None:
        return True
    for i, w in enumerate(words):
        # a stem of four letters or more: Қаңтар (January) and Бұлтар are no plurals
        if len(w) >= _GROUP_WORD_LETTERS and _KK_GROUP_HEAD.match(w.lower()) is not None:
            return not any(is_capitalized(x) for x in words[1 : i + 1])
    return False


#: Words that label a quotation before its colon and name no one (Дословно: «Q», Цитата: «Q») (s8-qrupeople).
_QUOTING_LABELS = frozenset({"дословно", "цитата", "цитирую", "буквально", "цитатасы", "verbatim", "quote"})

#: Endings of Russian adjectives, which qualify a post before it (главный тренер, первый вице-министр).
_RU_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ей|ым|им)$")

#: How far around a speaker phrase its language is read from its letters (Kazakh ones or none).
_RU_CONTEXT = 150
#: Words after a Russian post that end its qualifiers (сказал министр на брифинге: no qualifier).
_RU_PREPOSITIONS = frozenset(
    {"в", "во", "на", "о", "об", "по", "с", "со", "к", "ко", "у", "за", "из", "от", "для", "при", "перед", "после",
     "и", "а", "но", "же", "также", "уже", "еще", "ещё", "не"}
)


_KAZAKH_LETTER = re.compile(f"[{''.join(sorted(KAZAKH_LETTERS))}]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")


def _russian_around(text: str, start: int, end: int) -> bool:
    """Russian, not Kazakh, around ``text[start:end]``: Cyrillic there and no letter only Kazakh has (as
    ``script_language`` reads it, by two searches in C rather than a loop over the letters)."""
    lo, hi = max(0, start - _RU_CONTEXT), end + _RU_CONTEXT
    return _KAZAKH_LETTER.search(text, lo, hi) is None and _CYRILLIC_LETTER.search(text, lo, hi) is not None


def _ru_quals_after(words: Sequence[str]) -> list[str]:
    """The lower-case words right after a Russian post that say whose post it is (аким района, глава
    компании, министр энергетики), up to a preposition, a capital, a verb of saying or another post
    (s8-qrupeople)."""
    out: list[str] = []
    for n, word in enumerate(words[:2]):
        low = word.lower()
        if n == 0 and _RU_PROPER_ADJECTIVE.search(word) is not None and len(words) > 1 and words[1].islower():
            continue  # аким Байконырского района: the level is the noun after the place's adjective
        if not word.islower() or low in _RU_PREPOSITIONS or _is_cue(low) or title_head(low) is not None:
            break
        out.append(low)
    return out


#: A capitalised Russian adjective in the genitive made of a place's name (Байконырского, Алматинской).
_RU_PROPER_ADJECTIVE = re.compile(r"^[А-ЯЁ][а-яё]+(?:ского|цкого|ской|цкой|ного|ной)$")


#: Nouns that open a label for whose reply or view follows (Ответ Казнета:, Реакция сети:) (s8-qrupeople).
_ANSWER_LABELS = frozenset({"ответ", "реакция", "мнение", "комментарий", "позиция", "версия", "вердикт", "отзыв"})

_BODY_DESCRIPTION_WORDS = 8

#: A capitalised surname in the Cyrillic letters of Russian and Kazakh, perhaps double (Петров-Водкин).
_SURNAME_WORD = r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁ][а-яё]+)?"

#: A surname in capitals as Russian-language papers print it (Ибрагим БЕКМУМУХАМЕДОВ, Ольга ПЕРЕПЕЧИНА).
_CAPITALS_SURNAME = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ]{3,}(?:ОВ|ЕВ|ЁВ|ИН|ЫН|ОВА|ЕВА|ИНА|ЫНА|КО|УК|ИЙ|АЯ|ҰЛЫ|УЛЫ|ҚЫЗЫ|КЫЗЫ)$")


def _ordinary_case(name: str) -> str:
    """A name with its surname in capitals (Ибрагим БЕКМУМУХАМЕДОВ) as a name is written: Ибрагим Бекмумухамедов."""
    return " ".join(w.capitalize() if len(w) > 2 and w.isupper() else w for w in name.split())


#: Endings of Russian and Kazakh surnames written in ordinary case (Азимбаева, Тлеуов, Нұрұлы).
_SURNAME_ENDING = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ұлы|улы|қызы|кызы|енко|ский|ская)$")


def _opening_word(text: str, start: int, word: str) -> bool:
    """A word capitalised only because it opens the sentence, never a speaker by itself: a Kazakh connective
    or adverb (Сондай-ақ, Алайда), a Russian preposition or conjunction (На, О, По), an English gerund
    followed by a function word (Proposing this ..., Addressing the ...)."""
    before = text[max(0, start - 3) : start].rstrip(" \t")
    if before and before[-1] not in ".!?\n»\"“”:;":
        return False
    low = word.lower()
    if low in _KK_STARTERS or (low in _RUSSIAN_FUNCTION_WORDS and low not in PRONOUNS):
        return True
    if len(low) > 6 and low.endswith("ing") and low.isascii():
        after = WORD_RE.match(text, start + len(word) + 1)
        return after is not None and after.group() in GERUND_OBJECTS
    return False



def _capitals_surname(words: Sequence[re.Match[str]], k: int) -> bool:
    """``words[k]`` is a surname in capitals after a first name in ordinary case (s8-qrupeople)."""
    if k < 1 or _CAPITALS_SURNAME.match(words[k].group()) is None:
        return False
    first = words[k - 1].group()
    return is_capitalized(first) and not first.isupper() and len(first) >= 3


def _post_before_body(clause: list[str]) -> list[str] | None:
    """``Руководитель управления сельского хозяйства области Ибрагим Садыков``: a post, then the body it
    heads in lower-case words, longer than the four words an apposition looks at, then the name; the
    words from the post on (the post and up to two words before it), or None (s8-qrupeople)."""
    lo = max(0, len(clause) - _BODY_DESCRIPTION_WORDS)
    for i in range(len(clause) - 5, lo - 1, -1):
        if title_head(clause[i]) is None:
            continue
        if all(x.islower() and title_head(x) is None and not _is_cue(x) for x in clause[i + 1 :]):
            return clause[max(0, i - 2) :]
        return None
    return None


def _named_after(text: str, later: Sequence[_Mention], oblique: _Mention) -> bool:
    """A person named in the nominative right after ``oblique`` (within a word's reach), a different one."""
    return any(
        mm.entity is not oblique.entity and not _oblique(text, mm) and mm.start - oblique.end <= 2 for mm in later
    )


_POST_AFTER_WORDS = 2


def _post_after(text: str, start: int, end: int) -> bool:
    """A post in the nominative among the words right after a person named in the genitive (После
    выступления ... Дмитрия Патрушева президент объявил:): its holder is the subject (s8-qrupeople)."""
    for w in islice(WORD_RE.finditer(text, start, end), _POST_AFTER_WORDS):
        head = title_head(w.group())
        if head is not None and head not in ROLE_ONLY_HEADS and not in_oblique_case(w.group(), head):
            return True
    return False


#: A post that opens a sentence, perhaps after an article or a possessive (The President, Kazakhstan’s President),
#: and a lower-case word after it (the verb).
_SENTENCE_POST_RE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:(?:The|the|[A-Z][a-z]+(?:’s|'s))\s+)?(?P<post>[A-ZА-ЯЁ][\w-]+)\s+[a-zа-яё]", re.M
)

#: English words after which a name is an object, not the one a later pronoun stands for: prepositions, and verbs
#: that take a person (told Nazarbayev, met Tokayev, with Smailov).
_EN_OBJECT_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:with|by|to|for|from|at|about|against|between|among|towards?|like|than|including|told|met|thanked"
    r"|asked|received|sent|gave|urged|invited|visited|congratulated|called|awarded|appointed|dismissed|replaced"
    r"|informed|briefed|updated|greeted|welcomed|hosted|accompanied|joined|beat|defeated|faced|meets) +$"
)


def _reported_speaker(text: str, start: int, end: int) -> bool:
    """The mention at ``[start, end)`` names the one whose words its sentence reports, in a case other than
    the nominative: a speaker as much as a subject is."""
    after = WORD_RE.match(text, end + 1) if text[end : end + 1] == " " else None
    if after is not None and after.group().lower() in _REPORTED_AFTER:
        return True
    return _REPORTED_BEFORE_RE.search(text, max(0, start - 48), start) is not None


_QUESTION_DASHES = ("—", "–", "-")


def _question_before(text: str, start: int) -> tuple[int, int] | None:
    """The words of the dash paragraph ending in ``?`` right before the paragraph at ``start`` (an
    interviewer's question before an answer), or None."""
    ls = text.rfind("\n", 0, start)
    if ls < 0:
        return None
    pe = len(text[:ls].rstrip())
    ps = text.rfind("\n", 0, pe) + 1
    line = text[ps:pe]
    opened = line.lstrip()
    if not opened.startswith(_QUESTION_DASHES) or not line.endswith("?"):
        return None
    words = ps + len(line) - len(opened[1:].lstrip())
    return words, pe


def _named_in_question(asked: tuple[int, int] | None, fidx: int, at_fidx: int, at: int) -> bool:
    """A person named inside the question ``asked`` and not addressed at its opening (— Бекәділ
    Бауыржанұлы, ...?): someone the interviewer asks about."""
    return asked is not None and at_fidx == fidx and asked[0] < at < asked[1]


def _name_at_end(words: Sequence[re.Match[str]]) -> list[re.Match[str]] | None:
    """Two or three capitalised words ending a speaker phrase after lower-case words that say who the
    person is (жительница Казыгуртского района Газиза Батырханова); None otherwise."""
    if len(words) < 3:
        return None
    k = len(words)
    while k > 0 and is_capitalized(words[k - 1].group()) and len(words[k - 1].group()) > 1:
        k -= 1
    n = len(words) - k
    if not 2 <= n <= 3 or k == 0 or is_capitalized(words[k - 1].group()):
        return None
    return list(words[k:])


def possessed_noun(word: str) -> bool:
    """A Kazakh noun in the possessive of the third person (болжамы, пікірі, тұрғыны)."""
    return _KK_POSSESSED_HEAD.match(word.lower()) is not None


#: A Kazakh kind of body in the locative, its possessive kept (департаментінде, басқармасында, министрлігінде).
_KK_BODY_LOCATIVE_WORD: Final = re.compile(
    r"(?:департамент|басқарма|министрлі|әкімді|комитет|полиция|прокуратура)\w*(?:нде|нда)"
)
_KK_LOCATIVE_BODY_WORDS = 5


def _kk_body_in_locative(words: Sequence[re.Match[str]]) -> str | None:
    """``төтенше жағдайлар департаментінде``: a phrase of a few lower-case words ending in a kind of body in the
    locative names the body, whose name is the phrase with the locative's ``-нде``/``-нда`` dropped and a capital
    first (Төтенше жағдайлар департаменті); None for any other phrase."""
    if not words or len(words) > _KK_LOCATIVE_BODY_WORDS:
        return None
    last = words[-1].group()
    if not last.islower() or _KK_BODY_LOCATIVE_WORD.fullmatch(last) is None:
        return None
    if any(not w.group().islower() for w in words[1:-1]):
        return None
    name = " ".join([w.group() for w in words[:-1]] + [last[:-3]])
    return name[:1].upper() + name[1:]


def unnamed_person(phrase: str) -> bool:
    """A phrase that opens with one unnamed person (Жительница микрорайона, Очевидец, тұрғын): the label of
    a quote said by no one the item names (s13)."""
    words = WORD_RE.findall(phrase[:40])
    return bool(words) and words[0].lower() in _UNNAMED_PEOPLE


def unnamed_subject(phrase: str) -> bool:
    """A Kazakh subject headed by a common noun (Видео авторы, ауыл тұрғындары): someone speaks in the
    nominative whom the item does not name (an asker who is not the press, say)."""
    words = WORD_RE.findall(phrase)
    if len(words) < 2:
        return False
    head = words[-1]
    return _KK_POSSESSED_HEAD.match(head) is not None or _KK_GROUP_HEAD.match(head) is not None


#: Labels before the names of a page's writers (Автор: X, Авторы: X, Y, Text by X).
_BYLINE_LABEL = re.compile(
    r"(?:авторы?|автор материала|текст|мәтін|дайындаған|подготовил[аи]?|author|by|written by)\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
#: Names on a byline line: capitalised words joined by commas or and (и, және, and).
_BYLINE_NAMES = re.compile(r"[^\W\d_][\w’'.-]*(?:(?:\s+|\s*,\s*|\s+(?:и|және|and)\s+)[^\W\d_][\w’'.-]*){1,7}")


#: How far a byline's line runs before and after a name in it.
_BYLINE_REACH = 100


_NON_SPACE = re.compile(r"\S")


def _byline(text: str, start: int, end: int) -> bool:
    """The name at ``start:end`` stands in the page's byline: on a line of its own after Автор:/Авторы:,
    or with no label on one of the first two lines or the last line of the text, where nothing but
    names is."""
    ls = text.rfind("\n", 0, start) + 1
    if start - ls > _BYLINE_REACH:
        return False  # far into its line: the name stands in a sentence
    le = text.find("\n", end, end + _BYLINE_REACH)
    if le < 0:
        if len(text) - end > _BYLINE_REACH:
            return False
        le = len(text)
    line = text[ls:le].strip()
    label = _BYLINE_LABEL.match(line)
    labelled = label is not None and line[: label.end()].rstrip()[-1:] in (":", "-", "–", "—")
    names = line[label.end() :] if label is not None and labelled else line
    if not names or names[-1] in ".:!?" or _BYLINE_NAMES.fullmatch(names) is None:
        return False
    if any(w[:1].islower() and w not in ("и", "және", "and") for w in re.split(r"[\s,]+", names)):
        return False
    if labelled:
        return True
    # at most one line of text above the name's, or none after it; read in place, as this runs per mention
    first = _NON_SPACE.search(text, 0, ls)
    if first is None:
        return True
    last = ls - 1
    while last > first.start() and text[last].isspace():
        last -= 1
    return text.find("\n", first.start(), last) < 0 or _NON_SPACE.search(text, le) is None


def _in_dateline(text: str, start: int) -> bool:
    """The name at ``start`` is the outlet of a dateline: ``ҚЫЗЫЛОРДА. KAZINFORM — ...``, ``ASTANA (Kazinform) -``:
    a place in capitals, then the outlet, then a dash, at the start of a paragraph."""
    ls = text.rfind("\n", 0, start) + 1
    if start - ls > _DATELINE_REACH:
        return False
    if _DATED_DATELINE.match(text, ls, start) is not None:
        return True
    place = text[ls:start].strip(" \t.(,")
    if not place or not place.isupper():
        return False
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] in ".-"):
        end += 1
    return text[end : end + 4].lstrip(" )")[:1] in ("—", "–", "-")


#: Russian nouns for someone's words that a speaker's name in the genitive follows (напомнила слова Абая: «Q»).
_RU_WORDS_OF_RE: Final = re.compile(
    r"(?i)(?<!\w)(?:слова|слов|высказывани[ея]|цитат[уы]|изречени[ея]|завет[ыа]?)(?!\w)"
)
_WORDS_OF_REACH: Final = 60
#: How many of a person's mentions are read for the forms the item writes the name in.
_NAME_FORM_MENTIONS: Final = 16

#: Titles that any head of anything goes by (Үкімет басшысы, глава ведомства, Сенат спикері).
_ANY_HEAD_WORDS = frozenset(
    {"басшы", "глава", "руководитель", "head", "leader", "спикер", "төраға", "председатель", "chairman", "chair",
     "өкіл", "представитель", "representative", "official", "жетекші", "бастық", "начальник", "орынбасар",
     "заместитель"}
)

#: Words that open what a headline's speaker spoke about (— министр о ценах, — minister on prices).
_TOPIC_WORDS = frozenset({"о", "об", "обо", "про", "about", "on"})
_TITLE_COMPLEMENT = 2

#: A Kazakh verb in the past tense of the third person (сынады, түсіндірді), ending a headline's phrase.
_KK_PAST_3 = re.compile(r"\w{2,}(?:ды|ді|ты|ті)$")


def _topic_or_deed(rest: list[str]) -> bool:
    """The words after a headline speaker's title say what the speaker spoke about or did."""
    if not rest:
        return True
    # the title may have its complement first: — глава Минздрава о проблемах, — министр финансов о бюджете
    if any(w.lower() in _TOPIC_WORDS for w in rest[:_TITLE_COMPLEMENT + 1]):
        return True
    return len(rest) <= 4 and _KK_PAST_3.match(rest[-1].lower()) is not None


def _names_body_kind(name: str) -> bool:
    """An organisation's name with a kind of body in it (Түркістан облысы полиция департаменті)."""
    return any(part.lower().startswith(_BODY_WORDS) for part in name.split())


def _as_subject(written: str, name: str) -> bool:
    """The mention ends in the name's own last word, with no case ending: a nominative, a subject."""
    last = written.split()[-1:] if written else []
    return bool(last) and last[0].lower() == name.split()[-1].lower()


def _photo_credit(text: str, start: int) -> bool:
    """The name at ``start`` credits a photo (Фото Галины Катковой, Фото автора: X, photo by X)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = [w.lower() for w in WORD_RE.findall(text, max(line_start, start - 24), start)]
    if not before:
        return False
    if before[-1] in ("автора", "by") and len(before) > 1:
        return before[-2] in _CREDIT_WORDS
    return before[-1] in _CREDIT_WORDS


def _told_title(text: str, w: re.Match[str]) -> bool:
    """A word in quote marks and the Russian dative («Патриоту»): a title someone speaks to."""
    return w.start() > 0 and text[w.start() - 1] in _QUOTE_OPENERS and _RU_OBLIQUE_NAME.search(w.group()) is not None


def _titled_word(text: str, mm: _Mention) -> bool:
    """A one-word PERSON mention that is no name: a title in quote marks («Патриоту» пациентка) or a
    word in a Russian oblique case the entity layer took for a name."""
    written = text[mm.start : mm.end]
    if " " in written or " " in mm.entity.name:
        return False
    if mm.start > 0 and text[mm.start - 1] in _QUOTE_OPENERS:
        return True
    return len(written) >= 6 and _RU_OBLIQUE_NAME.search(written) is not None and written == mm.entity.name


def _speaking_person(text: str, mentions: Sequence[_Mention], end: int) -> _Mention | None:
    """Of the persons a paragraph of narration names, the one who speaks in the dash paragraph after it: the
    last whose name a speech verb follows within a few words (Председатель партии Кадиша Муканова
    рассказала, ...), else the first that no body is named after (на площади имени Абая: a place, no one
    who speaks) (s9-qru); None when every one is such a namesake."""
    named = [mm for mm in mentions if not _eponym(text, mm)]
    if len(named) < 2:
        return named[0] if named else None
    for mm in reversed(named):
        cue = find_cue(text, mm.end, min(end, mm.end + _SPEAKING_REACH))
        if cue is not None and len(WORD_RE.findall(text, mm.end, cue.start)) <= 1:
            return mm
    return named[0]


def _eponym(text: str, mm: _Mention) -> bool:
    """The mention names the person a body is named after (театр им. М.Ауэзова, Мұқанов атындағы
    театр, a school named after Abai): part of the body's name, no speaker."""
    return _eponym_at(text, mm.start, mm.end)


def _eponym_at(text: str, start: int, end: int) -> bool:
    return (
        _EPONYM_BEFORE_RE.search(text, max(0, start - 8), start) is not None
        or _EPONYM_AFTER_RE.match(text, end, end + 12) is not None
    )


def _names_after(text: str, pos: int) -> list[str]:
    """The capitalised words (two or three: a place, a first name, a surname) among the five words after
    ``pos`` in one clause, after at most two lower-case words naming the post's body (театра,
    мектебінің) and with at most a short honorific between them (қажы); empty when a title, another
    clause or a lone capitalised word comes first."""
    names: list[str] = []
    lower = 0
    for w in islice(WORD_RE.finditer(text, pos, pos + 80), 6):
        if text[pos : w.start()].strip(" ," if not names else " "):
            break  # another sentence or clause
        word = w.group()
        if is_capitalized(word) and not word.isupper():
            names.append(word)
            if len(names) == 3:
                break
        elif names:
            if len(word) > 5 or title_head(word) is not None:
                break  # a short honorific (қажы) may stand between the names
        elif (
            lower >= 2
            or word.isupper()
            or title_head(word) is not None
            or word.lower() in STOPWORDS
            or word.lower() in _PLACE_PREPOSITIONS
        ):
            break  # ministers from Central Asia: what comes after from / из is a place, not the name
        else:
            lower += 1
        pos = w.end()
    return names if len(names) >= 2 else []


#: Prepositions after a title that lead to a place or a body, never to the post holder's name.
_PLACE_PREPOSITIONS = frozenset({"from", "in", "at", "to", "for", "with", "by", "из", "в", "на", "с", "для", "от"})

_PATRONYMIC = re.compile(r"(вич|вна|ұлы|қызы|улы|кызы)$")

#: Kinds of Kazakh body that end a body's name (басқармасы, департаменті, комитеті, министрлігі, әкімдігі).
_KK_BODY_KINDS = ("басқарма", "департамент", "комитет", "министрлі", "әкімдіг", "агенттіг")
_KK_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
#: Regions written by their initials (ШҚО, БҚО, СҚО, ОҚО, ШҚО): the place a body is named by (branch s8-qkk).
#: How far back the paragraph before a quote paragraph may open (press_office_before).
_REPORTED_PARAGRAPH = 600
#: How far after a headline its lead may name the one who speaks for the body, and how long a sentence of
#: the lead may run from that name to its speech verb (headline_body).
_LEAD_REACH = 600
#: Words around an outlet's name: деп хабарлайды X, X тілшісі, X сайты (headline_body).
_OUTLET_BEFORE = frozenset({"хабарлайды", "жазады", "передает", "пишет"})
_OUTLET_AFTER = ("тілшісі", "сайты", "порталы", "агенттігінің тілшісі", "басылымы")
_SENTENCE_REACH = 250
_KK_PLACE_ABBREVIATION = re.compile(r"^[ШБСОЖ]ҚО$")


#: Kazakh words for a body's release, whose words a body says (хабарламасында, ақпаратында, сайтында).
_KK_RELEASE_WORDS = ("хабарлама", "ақпарат", "мәлімдеме", "түсініктеме", "жауаб", "сайт", "парақша")


def _kk_named_body(text: str, words: Sequence[re.Match[str]]) -> tuple[int, int, str] | None:
    """``Атырау облысы денсаулық сақтау басқармасының баспасөз қызметі``: one or two capitalised words
    (the place), then up to five lower-case words, the last a kind of body in the nominative or the
    genitive (its press office speaks): the body's span and its name in the nominative."""
    k = 0
    while k < min(2, len(words)) and is_capitalized(words[k].group()) and not words[k].group().isupper():
        k += 1
    if k == 0 and words and _KK_PLACE_ABBREVIATION.match(words[0].group()):
        k = 1  # ШҚО әкімдігінің баспасөз қызметі: a region written by its initials
    if k == 0:
        return None
    for j in range(k, min(len(words), k + 6)):
        w = words[j]
        low = w.group().lower()
        if not low.replace("-", "").isalpha() or not w.group().islower() or text[words[j - 1].end() : w.start()] != " ":
            return None  # (a hyphened word goes: тұрғын үй-коммуналдық шаруашылық басқармасы)
        if low.startswith(_KK_BODY_KINDS):
            if j == k and not _KK_PLACE_ABBREVIATION.match(words[0].group()):
                return None  # Атырау басқармасы: no kind of place between (облысы, қаласы, ауданы)
            word = w.group()
            rest = words[j + 1].group().lower() if j + 1 < len(words) else ""
            if word.endswith(_KK_GENITIVE):
                if not rest.startswith(("баспасөз", *_KK_RELEASE_WORDS)):
                    return None
                word = word[:-3]
            elif rest and not rest.startswith(_KK_RELEASE_WORDS):
                return None  # (s13) but ... басқармасы хабарламасында: the body whose release it is
            name = text[words[0].start() : w.start()] + word
            return words[0].start(), w.end(), " ".join(name.split())
    return None


#: A sentence's end glued to the next one's first word (Тоқаев.Осы): a lower-case letter after another,
#: a full stop, a capital. An initial (М.Ауэзов) has one letter before its stop and stays.
_GLUED_STOP = re.compile(r"(?<=[^\W\d_][^\W\d_])\.(?=[^\W\d_])")


def _named_inside(persons: list[Entity]) -> list[Entity]:
    """``Жогорку Кенеша Марлен Маматалиев``, ``Константина Габова Ирина Бирюкова``: a person's name the entity
    layer glued to the words before it (a body's or a client's name in the genitive), when the item names that
    person on its own as well: the person goes by the name of two or more words it ends with (s9-qru)."""
    names = {e.name for e in persons if e.name.count(" ") == 1}
    if not names or all(e.name.count(" ") < 2 for e in persons):
        return persons
    out = []
    for ent in persons:
        parts = ent.name.split()
        inner = next((" ".join(parts[k:]) for k in range(1, len(parts) - 1) if " ".join(parts[k:]) in names), None)
        out.append(replace(ent, name=inner) if inner is not None and not ent.name.isascii() else ent)
    return out


def _unglued(ent: Entity) -> Entity:
    """A person whose name the entity layer took across a missing space after a full stop (Қасым-Жомарт
    Тоқаев.Осы тұста): the name and its mentions end at the stop."""
    m = _GLUED_STOP.search(ent.name)
    if m is None or not ent.name[m.start() - 1].islower() or not ent.name[m.end()].isupper():
        return ent
    name = ent.name[: m.start()]
    mentions = []
    for mention in ent.mentions:
        g = _GLUED_STOP.search(mention.text)
        if g is not None and mention.text[g.end()].isupper():
            mention = Mention(mention.text[: g.start()], mention.field, mention.start, mention.start + g.start())
        mentions.append(mention)
    return replace(ent, name=name, mentions=mentions)


def _name_after_body(words: Sequence[re.Match[str]], i: int) -> list[re.Match[str]]:
    """``Minister of Culture and Information Dana Seitkali``: after an English title with ``of`` and
    the capitalised name of its ministry, the name is the last two words (the ministry is no part of it)."""
    if i + 1 >= len(words) or words[i + 1].group() != "of":
        return []
    k = len(words)
    while k > i + 2 and is_capitalized(words[k - 1].group()):
        k -= 1
    return list(words[-2:]) if len(words) - k >= 3 else []


def _named_body(words: Sequence[re.Match[str]]) -> tuple[int, int] | None:
    """``the Ministry of Energy said``: a body's capitalised English name after ``the`` (words joined by
    of, and, for), with a kind of body in it, that the entity layer did not give: its span."""
    if len(words) < 2 or words[0].group() != "the":
        return None
    run: list[re.Match[str]] = []
    for w in words[1:8]:
        if is_capitalized(w.group()):
            run.append(w)
        elif not (run and w.group() in ("of", "and", "for")):
            break
    if not run or not any(w.group().lower().startswith(_BODY_WORDS) for w in run):
        return None
    return run[0].start(), run[-1].end()


#: Kazakh і is written ы or и in Russian spellings (Әрінов, Арынов): all three read as и.
_SKELETON = str.maketrans("әғқңөұүһіёыӘҒҚҢӨҰҮҺІЁЫ", "агкноуухиеиАГКНОУУХИЕИ")


def _skeleton(name: str) -> str:
    """A name with Kazakh letters read as their nearest Russian ones, lower case."""
    return name.translate(_SKELETON).lower()


_FULL_NAME_LOOKS = 8


def _word_before(text: str, pos: int) -> str | None:
    """The capitalised word right before ``pos`` (one space between) that can be a first name: inside
    a sentence, no title, no function word."""
    if pos < 2 or text[pos - 1] != " ":
        return None
    k = pos - 1
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "-’'"):
        k -= 1
    word = text[k : pos - 1]
    if len(word) < 3 or not word[0].isupper() or word.isupper() or title_head(word) is not None:
        return None
    if word.lower() in STOPWORDS or word.lower() in _NOT_TITLES:
        return None
    j = k - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return word if j >= 0 and text[j] not in '.!?\n«"“:–—-' else None


def _is_cue(word: str) -> bool:
    low = word.lower()
    return low in KK_BARE_CUES or low in RU_CUES or low in EN_CUES or low in _KK_DEP_LAST


def _oblique(text: str, mm: _Mention) -> bool:
    """The mention names its person (by surname or by title) in a case other than the nominative."""
    written = text[mm.start : mm.end].rsplit(None, 1)
    parts = mm.entity.name.rsplit(None, 1)
    if not written or not parts or written[-1] == parts[-1]:
        return False  # the surname as the name has it: the nominative
    last = written[-1]
    if in_oblique_case(last, parts[-1]):
        return True
    head = title_head(last)
    return head is not None and in_oblique_case(last, head)


def _mention_order(mm: _Mention) -> tuple[int, int]:
    return (mm.fidx, mm.start)


def _qual_score(mquals: list[str], rquals: list[str]) -> int:
    """3 same qualifiers, 2 mention's within the role's, 1 role generic, 0 conflict."""
    m_in_r = all(any(same_stem(m, r) for r in rquals) for m in mquals)
    r_in_m = all(any(same_stem(r, m) for m in mquals) for r in rquals)
    if m_in_r and r_in_m:
        return 3
    if m_in_r:
        return 2
    if r_in_m:
        return 1
    return 0


_APPOSITION_BEFORE = re.compile(r"(?:[^\W\d_][\w-]*,?\s+){1,3}$")
_APPOSITION_AFTER = re.compile(r",\s+(?:(?:the|a|an)\s+)?((?:[^\W\d_][\w-]*\s+){0,3}[^\W\d_][\w-]*)")


def _described_as(text: str, start: int, end: int, role: str) -> bool:
    """The item calls the person named at ``text[start:end]`` by the role word ``role`` in an apposition: in the
    words right before the name, in its clause (блогер Даулет, Famous blogger, economist Daulet Mukaev), or
    after it and a comma (Lyudmila Byurabekova, the chairperson of ...; Айгуль Сейткали, волонтёр фонда)."""
    lo = max(0, start - 48)
    cut = max(text.rfind(".", lo, start), text.rfind("\n", lo, start), text.rfind(":", lo, start))
    before = _APPOSITION_BEFORE.search(text, cut + 1 if cut >= 0 else lo, start)
    if before is not None and any(same_stem(w.lower(), role) for w in WORD_RE.findall(before.group())):
        return True
    after = _APPOSITION_AFTER.match(text, end, min(len(text), end + 64))
    if after is None:
        return False
    for w in WORD_RE.findall(after.group(1)):
        if is_capitalized(w):
            return False  # Асет Қалиев, дәрігер Айгерім ...: a list, the role is the next one's
        if same_stem(w, role):
            return True
    return False


#: Honorifics that stand for one person, by the surname the item names that person with (Елбасы, said Elbasy).
_HONORIFICS = MappingProxyType({"елбасы": ("назарбаев",), "elbasy": ("nazarbayev", "nazarbaev")})


def _honorific_holders(persons: Sequence[Entity]) -> dict[str, Entity]:
    """The person each honorific the entity layer took for a name stands for (Elbasy: Nursultan Nazarbayev), when
    the item names that person; by the honorific's entity id."""
    out: dict[str, Entity] = {}
    for ent in persons:
        surnames = _HONORIFICS.get(ent.name.lower())
        if surnames is None:
            continue
        holder = next((p for p in persons if p.name.lower().endswith(surnames)), None)
        if holder is not None:
            out[ent.entity_id] = holder
    return out


def _gender(name: str) -> str:
    """The sex a surname tells: Russian-style endings in either script (Кайдарова, Kaidarova), Kazakh
    ``-ұлы``/``-қызы`` (Uly, Kyzy); "" when it tells none."""
    parts = name.split()
    if not parts:
        return ""
    last = parts[-1].lower()
    if last.endswith(_FEMALE_SURNAME):
        return "f"
    if last.endswith(_MALE_SURNAME):
        return "m"
    return ""


_FEMALE_SURNAME = (
    "ова", "ева", "ина", "ая", "ёва", "қызы", "кызы", "ova", "eva", "ina", "yeva", "aya", "kyzy", "qyzy", "kizi"
)
_MALE_SURNAME = ("ов", "ев", "ин", "ий", "ой", "ёв", "ұлы", "улы", "ov", "ev", "in", "iy", "sky", "skiy", "uly", "ulu")


#: Callings and their kinds: a player is a forward or a goalkeeper, an artist a singer or an actress.
_PLAYERS = frozenset(
    {"игрок", "футболист", "хоккеист", "нападающий", "полузащитник", "голкипер", "вратарь", "форвард", "хавбек",
     "легионер", "капитан"}
)
_ARTISTS = frozenset(
    {"артист", "артистка", "певец", "певица", "актер", "актриса", "исполнитель", "исполнительница", "блогер"}
)
_KINDRED_TITLES = MappingProxyType(
    {"игрок": _PLAYERS, "футболист": _PLAYERS, "хоккеист": _PLAYERS, "артист": _ARTISTS, "артистка": _ARTISTS,
     "исполнитель": _ARTISTS, "исполнительница": _ARTISTS}
)

#: Endings of Russian feminine role nouns (артистка, собеседница, актриса, героиня, заведующая).
_FEMININE_ROLE = re.compile(r"(?:ка|ица|иса|иня|ая)$")


_OTHER_SEX = MappingProxyType({"f": "m", "m": "f"})

#: Kinship nouns the press names a relative by before the relative's own name (s8-qrupeople).
_KIN = frozenset(
    {"дочь", "сын", "мать", "отец", "жена", "муж", "брат", "сестра", "вдова", "вдовец", "супруга", "супруг",
     "внук", "внучка", "племянник", "племянница"}
)


def _kin_named(text: str, words: Sequence[re.Match[str]]) -> tuple[int, int] | None:
    """``Дочь Асылхана Заурбекова Жанерке Азимхан``, ``Вдова погибшего Н. А. Сауле Абдиева``: a kinship noun,
    the relative (perhaps described) in the genitive, then the speaker's first name and surname ending the
    phrase; their span, or None."""
    if len(words) < 4 or words[0].group().lower() not in _KIN:
        return None
    last = words[-2:]
    named = [w for w in words[1:] if is_capitalized(w.group()) and not w.group().isupper()]
    if len(named) < 4 or not all(is_capitalized(w.group()) for w in last):
        return None  # Дочь погибшего Нурлана Абдиева: only the relative is named, not the one who speaks
    return last[0].start(), last[1].end()


def _other_sex(text: str, mm: _Mention, cue_gender: str) -> bool:
    """The person ``mm`` names is of the other sex than the verb tells, by the canonical name and by the
    name as written (Сергей Павлова written Павлов after ответил is no woman) (s8-qrupeople)."""
    other = _OTHER_SEX[cue_gender]
    written = _gender(text[mm.start : mm.end])
    return _gender(mm.entity.name) == other and written in (other, "")


def _sex_as_written(text: str, mm: _Mention, cue_gender: str) -> bool:
    """The name as written (Азиза Омарова) is of the verb's sex, its canonical form (Азиз Омаров) of the
    other: a woman's name in the nominative, not a man's in the genitive."""
    return _gender(mm.entity.name) == _OTHER_SEX[cue_gender] and _gender(text[mm.start : mm.end]) == cue_gender


def _title_gender(word: str) -> str:
    """"f" for a Russian feminine role noun in the nominative, else "" (s8-qrupeople)."""
    return "f" if _FEMININE_ROLE.search(word.lower()) is not None else ""


def _norm(s: str) -> str:
    return " ".join(s.split())


# --- s8-qrubodies: a Russian body named in full in the speaker phrase ---------------------------------

#: Words that open a Russian phrase naming a body where it speaks (сообщили в ..., во ...).
_RU_LOCATIVE_LEADS = frozenset({"в", "во"})
#: Words of the phrase searched for the body's kind or mention (в пресс-службе департамента ...).
_RU_KIND_REACH = 4
#: Kinds of body in the genitive or the locative -> the nominative (суда, суде -> Суд).
_RU_KINDS = (
    (re.compile(r"^(суд|акимат|департамент|комитет|маслихат|аэропорт|отдел)[аеу]?$"), ""),
    (re.compile(r"^(управлени|министерств|агентств)[яиео]$"), "{e}"),
    (re.compile(r"^(прокуратур|служб)[ыеа]$"), "а"),
    (re.compile(r"^(администраци)[ия]$"), "я"),
)
#: Lower-case nouns of a genitive tail (Павлодарской области, Сарыаркинского района, города Алматы).
_RU_TAIL_NOUNS = frozenset({"области", "района", "города", "округа", "республики", "края", "региона"})
_RU_GENITIVE_ADJECTIVE = re.compile(r"^[а-яё-]{3,}(?:ой|ого|ей|его)$", re.IGNORECASE)
_RU_TAIL_WORDS = 4


def _ru_akims_office(words: Sequence[re.Match[str]], k: int) -> str | None:
    """``пресс-служба акима Павлодарской области``: the press office of an akim is the akimat's, so the
    akimat of the place after it speaks (s9-qru); None for any other word."""
    if words[k].group().lower() != "акима" or not words[k - 1].group().lower().startswith("пресс-служб"):
        return None
    return "Акимат"


def _ru_kind_nominative(word: str) -> str | None:
    """``суда`` -> ``Суд``, ``управлении`` -> ``Управление``, ``прокуратуре`` -> ``Прокуратура``; else None."""
    low = word.lower()
    for pattern, ending in _RU_KINDS:
        m = pattern.match(low)
        if m is not None:
            stem = m.group(1)
            ending = ending.format(e="е" if stem.endswith("и") else "о")
            return (stem + ending).capitalize()
    return None


def _ru_genitive_tail(text: str, pos: int, end: int, name: str) -> int | None:
    """The end of the genitive words right after a body's kind or name at ``pos`` (Шымкента, Павлодарской
    области, МВД РК): capitalised words, or lower-case nouns of a place after their adjective; None when
    none follows, or when the words are already in ``name``."""
    have = {w.lower()[:4] for w in name.split()}
    last = None
    pending = False  # a genitive adjective waits for its noun (Павлодарской области)
    for w in islice(WORD_RE.finditer(text, pos, end), _RU_TAIL_WORDS):
        gap = text[last if last is not None else pos : w.start()]
        if gap.strip(" ()"):
            break
        word = w.group()
        if word.lower() in _RU_TAIL_NOUNS:
            pending = False
        elif _RU_GENITIVE_ADJECTIVE.match(word) is not None:
            pending = True
        elif is_capitalized(word) and not pending and title_head(word) is None:
            pass
        else:
            break
        last = w.end()
    if last is None or pending:
        return None
    tail = text[pos:last].split()
    if all(w.strip("()").lower()[:4] in have for w in tail):
        return None
    return last


def _canonical_of_written(name: str, written: str) -> bool:
    """The entity's name is the written mention put in the nominative (Генеральной прокуратуре ->
    Генеральная прокуратура), not a fuller name the entity layer expanded (Минэнерго -> Министерство ...):
    only then may words the mention leaves out be added to it."""
    nw, ww = name.split(), written.split()
    return bool(nw) and len(nw) == len(ww) and nw[-1].lower()[:4] == ww[-1].lower()[:4]


# --- s8-qrubodies: a body spoken for by its people, and platforms that speak for no one -----------------

#: Russian and Kazakh plural nouns for the people of a kind of body, who speak for it, and the beginnings of the words
#: of that body's names (the police's: полиция, ДП; the emergency service's: ДЧС, МЧС, по ЧС ...).
_COLLECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("медики", ("здрав", "больниц", "поликлиник", "медицин", "госпитал")),
    ("врачи", ("здрав", "больниц", "поликлиник", "медицин", "госпитал")),
    ("полицейские", ("полиц", "дп", "пд", "двд", "уп", "мвд")),
    ("стражи порядка", ("полиц", "дп", "пд", "двд", "уп", "мвд")),
    ("стражи правопорядка", ("полиц", "дп", "пд", "двд", "уп", "мвд")),
    ("правоохранители", ("полиц", "дп", "пд", "двд", "уп", "мвд")),
    ("спасатели", ("дчс", "кчс", "мчс", "чс", "чрезвычайн")),
    ("пожарные", ("дчс", "кчс", "мчс", "чс", "чрезвычайн", "пожар")),
    ("борцы с коррупцией", ("коррупц", "антикор")),
    ("антикоррупционеры", ("коррупц", "антикор")),
    ("таможенники", ("таможен",)),
    ("пограничники", ("погранич",)),
    ("налоговики", ("налог", "госдоход")),
    ("синоптики", ("казгидромет", "гидромет", "метео")),
    # (s13) Kazakh: құтқарушылар for ТЖД, полицейлер for the police, дәрігерлер for a hospital or health office
    ("құтқарушылар", ("тжд", "тжм", "тжк", "төтенше", "дчс", "чс", "құтқару")),
    ("өрт сөндірушілер", ("тжд", "тжм", "тжк", "төтенше", "дчс", "чс", "өрт")),
    ("полицейлер", ("полиц", "пд", "ііб", "іім", "ішкі")),
    ("полиция қызметкерлері", ("полиц", "пд", "ііб", "іім", "ішкі")),
    ("құқық қорғаушылар", ("полиц", "пд", "ііб", "іім", "ішкі")),
    ("дәрігерлер", ("денсаулық", "аурухан", "емхана", "медицин", "клиник")),
    ("медиктер", ("денсаулық", "аурухан", "емхана", "медицин", "клиник")),
    ("синоптиктер", ("қазгидромет", "гидромет", "метео")),
    ("кеденшілер", ("кеден",)),
    ("шекарашылар", ("шекара",)),
    ("салықшылар", ("салық", "кіріс")),
)

#: The words a collective's lead opens with: the phrase is looked up only when it opens with one.
_COLLECTIVE_FIRST_WORDS = frozenset(lead.split()[0] for lead, _ in _COLLECTIVES)

_COLLECTIVE_WORDS = 3

#: Platforms an account is on: the account's owner speaks through them, never the platform.
_PLATFORMS = frozenset(
    {"instagram", "telegram", "facebook", "youtube", "tiktok", "whatsapp", "twitter", "threads", "vk",
     "вконтакте", "телеграм", "инстаграм", "фейсбук", "ютуб", "тикток"}
)


def _platform(name: str) -> bool:
    """``Instagram``, ``Telegram-канал``, ``Facebook``: a platform, not a body."""
    first = name.split()[0].lower() if name.split() else ""
    return first.split("-")[0] in _PLATFORMS


def _of_kind(name: str, stems: tuple[str, ...]) -> bool:
    """A body's name with a word of that kind in it (Департамент по ЧС Алматы for спасатели)."""
    return any(part.lower().strip("()«»\"").startswith(stems) for part in name.split())


#: A Russian body's name as the narration writes it: its kind, then up to eight words, one of which gives the kind.
_RU_BODY_NAME_RE = re.compile(
    r"\b(?:Агентств|Министерств|Департамент|Управлени|Комитет|Служб)[а-яё]*(?:\s+(?:РК|[а-яё]+|[А-ЯЁ][а-яё-]+)){1,8}"
)


def _ru_body_written_before(text: str, pos: int, stems: tuple[str, ...]) -> str | None:
    """The last name of a body of that kind that the text before ``pos`` writes in full, its kind word put in
    the nominative and cut after the word that gives the kind (Агентства РК по противодействию коррупции ->
    Агентство РК по противодействию коррупции)."""
    found = None
    for m in _RU_BODY_NAME_RE.finditer(text, max(0, pos - 1500), pos):
        parts = m.group().split()
        k = next((j for j in range(1, len(parts)) if parts[j].lower().startswith(stems)), None)
        if k is None:
            continue
        kind = _ru_kind_nominative(parts[0]) or parts[0]
        found = " ".join([kind, *parts[1 : k + 1]])
    return found


#: A company as Kazakhstan's press writes it, its legal form then its name in marks (ТОО «Қарағанды Су»).
_RU_COMPANY_RE = re.compile(r"\b(?:ТОО|АО|ГКП|КГП|РГП|ГУ|КГУ|ЖШС|АҚ)\s+[«\"“]([^«»\"“”\n]{2,60})[»\"”]")
#: Words of a phrase through which a company speaks (в аккаунте предприятия, в пресс-службе компании).
_RU_COMPANY_PHRASE = ("пресс-служб", "аккаунт", "страниц", "предприят", "компани", "сообщени")
_COMPANY_REACH = 1500


def _company_written_before(text: str, pos: int, words: Sequence[re.Match[str]]) -> str | None:
    """``написали в аккаунте предприятия в Instagram`` after ``в пресс-службе ТОО «Қарағанды Су»``: a phrase
    through which a company speaks, with no organisation the entity layer gave, speaks for the last company
    the narration before the quote names by its legal form and its name in marks (s8-qrubodies)."""
    if not any(w.group().lower().startswith(_RU_COMPANY_PHRASE) for w in words[:5]):
        return None
    found = None
    for m in _RU_COMPANY_RE.finditer(text, max(0, pos - _COMPANY_REACH), pos):
        found = m.group(1).strip()
    return found


#: Plants and stations the news is about (ТЭЦ-2, ГРЭС-1, ПС Астана): a statement is made about them, by the
#: ministry or the company that runs them, never by the plant itself.
_FACILITY_RE = re.compile(r"^(?:ТЭЦ|ГРЭС|ТЭС|ГЭС|АЭС|ПС|ЭС)(?:[- ]?\d+)?$")
_FACILITY_WORDS = ("подстанц", "электростанц", "котельн", "шахт", "рудник", "месторожден")


def _facility(name: str) -> bool:
    """``ТЭЦ-2``, ``ПС Астана``, ``шахта Костенко``: a plant or a station, not a body that issues statements."""
    parts = name.split()
    if len(parts) > 1 and _ABBREVIATION.match(parts[1]) is not None:
        return False  # ПС КНБ: the border service of a body written by its initials, no substation (s11-spk)
    return bool(parts) and (_FACILITY_RE.match(parts[0]) is not None or parts[0].lower().startswith(_FACILITY_WORDS))


#: A dateline with stops (Астана. 11 декабря. КазТАГ – ...): the place, the day and month, then the outlet.
_DOTTED_DATELINE = re.compile(r"[^\W\d_][\w-]*\.\s+\d{1,2}\s+[^\W\d_]+\.\s+$")


def _dotted_dateline(text: str, start: int) -> bool:
    """The name at ``start`` is the outlet of a dateline written with stops, a dash after it (Астана. 11 декабря.
    КазТАГ – ...): the agency that relays the story, never the body whose statement it quotes (s8-qrubodies)."""
    ls = text.rfind("\n", 0, start) + 1
    if start - ls > _DATELINE_REACH or _DOTTED_DATELINE.match(text, ls, start) is None:
        return False
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] in ".-"):
        end += 1
    return text[end : end + 4].lstrip(" )")[:1] in ("—", "–", "-")


#: A press office named before, with a body of a feminine kind in lower case the entity layer does not give
#: (сообщает пресс-служба главной транспортной прокуратуры): adjectives in the genitive, then the kind.
_RU_PRESS_OFFICE_RE = re.compile(
    r"пресс-служб[аыеу]\s+((?:[а-яё]+(?:ой|ей)\s+){0,3}(?:прокуратур|служб|администраци|инспекци|палат)[а-яё]*"
    r"(?:\s+[А-ЯЁ][\w-]+){0,2})"
)


def _press_office_before(text: str, pos: int, words: Sequence[re.Match[str]]) -> str | None:
    """``— говорится в сообщении`` after ``сообщает пресс-служба главной транспортной прокуратуры``: the body
    of the last press office the narration before the quote names, put in the nominative (Главная транспортная
    прокуратура); only for a phrase through which a body speaks and when no organisation is known."""
    if not any(w.group().lower().startswith(_PRESS_WORDS) for w in words[:5]):
        return None
    found = None
    for m in _RU_PRESS_OFFICE_RE.finditer(text, max(0, pos - _COMPANY_REACH), pos):
        found = m.group(1)
    if found is None:
        return None
    out = []
    for w in found.split():
        kind = _ru_kind_nominative(w)
        if kind is not None:
            out.append(kind.lower())
        elif w.islower() and w.endswith(("ой", "ей")):
            out.append(w[:-2] + ("ая" if w.endswith("ой") else "яя"))
        else:
            out.append(w)
    name = " ".join(out)
    return name[:1].upper() + name[1:]


#: Russian compound short names of bodies: the clipped first word and the stem it stands for.
_RU_CLIPPED = (("погран", "погранич"), ("ген", "генеральн"), ("нац", "национальн"), ("мин", "министерств"))


def _compound_parts(word: str) -> tuple[str, str] | None:
    """``Погранслужбе`` -> (погранич, служ), ``Генпрокуратуре`` -> (генеральн, прок), ``Минздраве`` ->
    (министерств, здра): the beginnings of the full name's words; None for any other word."""
    low = word.lower()
    for clipped, full in _RU_CLIPPED:
        rest = low[len(clipped) :]
        if low.startswith(clipped) and len(rest) >= 5 and rest[0] not in "аеиоуыэюяё":
            return full, rest[:4]
    return None


#: An akimat named by the town it is in (Здание акимата в Уральске, акимат города в Астане).
_RU_AKIMAT_IN_RE = re.compile(r"[Аа]кимат[а-яё]*\s+(?:города\s+)?(?:в|во)\s+([А-ЯЁ][а-яё-]+)")
#: How far after a quote a body named afterwards may be the one a press phrase speaks for.
_BODY_AFTER_REACH = 600
#: Initials that make a name a body's (ДЧС Алматинской области, КНБ, МВД).
_KIND_INITIALS = ("дчс", "кчс", "мчс", "мвд", "кнб", "дп", "двд", "кгд", "афм")


def _ru_town_genitive(town: str) -> str:
    """``Уральск`` -> ``Уральска``, ``Астана`` -> ``Астаны``, ``Семей`` -> ``Семея``; a town that does not
    decline (Алматы, Актау, Актобе) stays as it is."""
    last = town[-1:].lower()
    if last == "а":
        return town[:-1] + ("и" if town[-2:-1].lower() in "гкхжшчщ" else "ы")
    if last == "й":
        return town[:-1] + "я"
    if last.isalpha() and last not in "аеёиоуыэюяь":
        return town + "а"
    return town


#: Words that report a body's figures right before its name (По данным ДЧС, по информации акимата).
_RU_REPORTED_BY = re.compile(r"(?i:по)\s+(?:данным|информации|сообщению)\s+$")


#: Words between a speech verb and the body that speaks (рассказали нам в пресс-службе, сообщили журналистам в ...).
_RU_TOLD_TO = frozenset({"нам", "журналистам", "корреспонденту", "изданию", "редакции", "также", "дополнительно"})
#: Legal forms before a company's name in marks (АО «КЕГОК», ТОО «Қарағанды Су»): no name of anyone.
_LEGAL_FORMS = frozenset({"АО", "ТОО", "ГКП", "КГП", "РГП", "ГУ", "КГУ", "ОО", "ЖШС", "АҚ"})


def _after_told_to(words: Sequence[re.Match[str]]) -> Sequence[re.Match[str]]:
    """The phrase without the one or two words it opens with that say to whom or how it was told (нам, также)."""
    k = 0
    while k < min(2, len(words) - 1) and words[k].group().lower() in _RU_TOLD_TO:
        k += 1
    return words[k:]


#: A Russian plural speech verb and в right before a body's name (Как сообщили в МСХ): the body speaks there.
_RU_TOLD_IN_RE = re.compile(
    r"(?:сообщили|рассказали|пояснили|уточнили|отметили|заявили|добавили|ответили|прокомментировали)\s+(?:в|во)\s+$",
    re.IGNORECASE,
)


def _told_in_body(text: str, start: int) -> bool:
    """The organisation at ``start`` is named as the one that spoke (сообщили в МСХ)."""
    return _RU_TOLD_IN_RE.search(text, max(0, start - 40), start) is not None


#: Words for a company in a phrase (в авиакомпании, в компании, на предприятии): the company named before speaks.
_RU_COMPANY_WORDS = ("авиакомпани", "компани", "предприяти", "корпораци", "холдинг", "нацкомпани")


#: The "y" English spelling may write between a vowel and a surname's -ev/-eva (Imanaliyev, Imanaliev).
_EN_Y_BEFORE_EV = re.compile(r"(?<=[aeiou])y(?=eva?$)")


def _en_surname_variant(word: str, surname: str) -> bool:
    """``word`` is ``surname`` in the other English spelling of one page (said Imanaliyev, after Amangeldi
    Imanaliev; Balaeva after Aida Balayeva): the same surname with or without the "y" before -ev/-eva."""
    return word != surname and _EN_Y_BEFORE_EV.sub("", word) == _EN_Y_BEFORE_EV.sub("", surname.lower())
