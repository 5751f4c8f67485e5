"""Named entities of one item, mentions merged per entity, with stable ids.

Kazakh: a CRF tagger trained on KazNERD (see ``train``) plus the gazetteer.
Russian and English: the gazetteer plus capitalisation heuristics.  Names are
put in the nominative (``morphology``), ids come from the gazetteer (a
Wikidata QID where known) or from a hash of the name's script-independent
skeleton and type (``translit``), so one person or place keeps one id across
items, languages and scripts.  Titles the gazetteer knows (Президент,
Мемлекет басшысы, Ресей Президенті) become mentions of the person they
name when that person is named in the item.

This module assembles an item's entities; the steps live beside it:

- ``segment``: which lines and parts of lines are read (hostile input cut and bounded);
- ``spans``: typed spans of a sentence (``ner`` for Kazakh, capitalised runs for Russian and English);
- ``rules_kk``, ``rules_ru``, ``rules_en``: what each language's words around a span decide;
- ``people``: first names, patronymics, initials;
- ``naming``: canonical names, gazetteer entries and ids;
- ``plan``: a sentence's titles and resolved names;
- ``merge``: one entity per person across the item's mentions, and titles resolved to their holders.
"""

from __future__ import annotations

from collections.abc import Mapping

from worker.entities.merge import (
    _known_people_as_named,
    _merge_bodies_named_short,
    _merge_first_names,
    _merge_lone_names_into_things,
    _merge_names_in_brackets,
    _merge_names_turned_round,
    _merge_partial_names,
    _names_as_the_page_spells,
    _propagate_names,
    _resolve_roles,
    _spaced_initials_ru,
    _surnames_of_the_items_people,
)
from worker.entities.naming import canonicalize, entity_id_for
from worker.entities.plan import _NAMED, _mentions_of, _read_sentence
from worker.entities.records import _Found, _Plan, _Read, _Template
from worker.entities.rules_en import _drop_common_phrases
from worker.entities.rules_kk import _HOME_PREFIX, _drop_sentence_openers, _kazakh_names_as_written
from worker.entities.rules_ru import (
    _russian_adjective_surnames,
    _russian_areas_listed,
    _russian_bodies_named_short,
    _russian_full_names_in_lower_case,
    _russian_national_teams_dropped,
    _russian_org_nominatives_from_item,
    _russian_regions_by_ellipsis,
    _russian_sex_from_item,
    _russian_titles_of_the_item_dropped,
)
from worker.entities.segment import _LINE, _segments
from worker.entities.spans import detect_spans, platform
from worker.entities.tokens import Token
from worker.model import FIELDS, Entity, Mention
from worker.text.script import CYRILLIC, fold_latin_i, looks_latin_kazakh, script_language
from worker.text.script import script_language as guess_language

__all__ = ["canonicalize", "entity_id_for", "extract_entities", "detect_spans", "guess_language"]


#: How a Kazakh body's name written as Kazakhstan's opens (ҚР Денсаулық сақтау министрлігі).
_HOME_NAMES = (_HOME_PREFIX + " ", "Қазақстан Республикасы ")
_RU_HOME_NAMES = (" Казахстана", " РК", " Республики Казахстан")


def _fuller(long: str, short: str) -> bool:
    """Whether ``long`` names the body of ``short`` with more words (Парламент Мәжілісі, Мәжіліс)."""
    words = long.lower().split()
    shorter = short.lower().split()
    return len(words) > len(shorter) and all(any(w.startswith(s) for w in words) for s in shorter)


def extract_entities(fields: Mapping[str, str], language: str) -> list[Entity]:
    """Entities of one item, mentions merged per entity, in order of first mention."""
    ordered = [f for f in FIELDS if f in fields] + [f for f in fields if f not in FIELDS]
    found: dict[str, _Found] = {}
    roles: list[tuple[int, str, int, int, str, tuple[str, ...]]] = []
    taken_by_field: dict[str, set[int]] = {}
    seen: list[tuple[int, str, str, list[Token], int, _Plan]] = []
    # per item: a repeated sentence is detected once
    plans: dict[tuple[str, tuple[str, ...]], _Plan] = {}
    named = _NAMED
    new = tuple.__new__  # a Mention without the cost of NamedTuple.__new__'s Python frame
    if len(named) > 50_000:
        named.clear()
    # per item: a repeated line is judged once, and a repeated sentence tokenized and planned
    # once (hostile input repeats itself)
    lines: dict[str, list[tuple[int, str]]] = {}
    read: dict[tuple[str, str], tuple[int, list[_Read], list[_Template]]] = {}
    for field_no, name in enumerate(ordered):
        text = fields.get(name) or ""
        if not isinstance(text, str) or not text:
            continue
        lang = language if language in ("kk", "ru", "en") else script_language(text)
        latin_field = lang == "kk" and CYRILLIC.search(text) is None and looks_latin_kazakh(text, strict=False)
        read_lang = lang + "/latn" if latin_field else lang
        taken = taken_by_field.setdefault(name, set())
        # old Kazakh fonts left a Latin i for і (министрi, Тәуелсiз): read as Kazakh, shown as written
        reading = fold_latin_i(text) if lang == "kk" else text
        for found_line in _LINE.finditer(text):
            line = found_line.group()
            pos = found_line.start()
            segments = lines.get(line)
            if segments is None:
                segments = lines[line] = _segments(line)
            for offset, segment in segments:
                at = pos + offset
                known = read.get((segment, read_lang))
                first = known is None
                if known is None:
                    reads = _read_sentence(reading, at, at + len(segment), lang, plans, named, latin_field)
                    known = read[(segment, read_lang)] = (at, reads, _mentions_of(reads, text))
                # offsets of a repeated sentence are those where it was first read, shifted
                delta = at - known[0]
                for sent, sent_lang, plan in known[1]:
                    seen.append((field_no, name, sent_lang, sent, delta, plan))
                    for s, e, key in plan[0]:
                        start, end_ = sent[s][1] + delta, sent[e - 1][2] + delta
                        roles.append((field_no, name, start, end_, text[start:end_], key))
                for (canon, entry, typ, eid), start, end_, surface, starts in known[2]:
                    rec = found.get(eid)
                    if rec is None:
                        rec = found[eid] = _Found(eid, canon, typ, entry)
                    elif canon.startswith(_HOME_NAMES) and not rec.name.startswith(_HOME_NAMES):
                        rec.name = canon  # the body's name as written with ҚР, where the item gives it
                    elif canon.endswith(_RU_HOME_NAMES) and not rec.name.endswith(_RU_HOME_NAMES):
                        rec.name = canon  # and with Казахстана or РК after it in Russian
                    elif (
                        entry is not None
                        and rec.name in entry.variants
                        and canon not in entry.variants
                        and not (entry.type == "ORG" and _fuller(rec.name, canon))
                    ):
                        # the full name, where the item gives it besides a short one (МВД); a place's formal
                        # name gives way to its common one (Ресей Федерациясы, Ресей: Ресей)
                        rec.name = canon
                    elif (
                        typ == "PERSON"
                        and entry is not None
                        and rec.name == entry.name_in(lang)
                        and canon != rec.name
                        and len(canon.split()) >= len(rec.name.split())
                    ):
                        rec.name = canon  # a known person as the item spells them in full (Berik Assylov)
                    elif (
                        canon != rec.name
                        and (entry is None or (entry.type == "ORG" and canon in entry.variants))
                        and _fuller(canon, rec.name)
                    ):
                        # the fuller form the item gives (Парламент Мәжілісі besides Мәжіліс, Қазақстан ұлттық
                        # құрамасы besides Қазақстан құрамасы)
                        rec.name = canon
                    start += delta
                    end_ += delta
                    rec.mentions.append((field_no, start, end_, new(Mention, (surface, name, start, end_))))
                    rec.types[typ] += 1
                    if first:
                        # a repeat has the same surface forms
                        rec.add_alias(surface)
                    taken.update(map(delta.__add__, starts) if delta else starts)
    if language == "en":
        _drop_common_phrases(found, fields)
    if language == "ru":
        _spaced_initials_ru(found, fields, ordered, taken_by_field)
        _russian_sex_from_item(found, fields)
        _russian_adjective_surnames(found)  # s9-eru
        _russian_full_names_in_lower_case(found, fields)
        _russian_areas_listed(found, fields, ordered)
        _russian_regions_by_ellipsis(found)
        _russian_org_nominatives_from_item(found, fields)
        _russian_bodies_named_short(found)
        _russian_national_teams_dropped(found)
        _russian_titles_of_the_item_dropped(found, fields)
    _surnames_of_the_items_people(found)
    _merge_partial_names(found)
    _merge_first_names(found)
    _merge_names_in_brackets(found, fields)
    _merge_names_turned_round(found, language)
    if language == "kk":
        _drop_sentence_openers(found, fields)
        _kazakh_names_as_written(found, fields)
    # after the openers: a known person's name opening a sentence (Абай, ...) is no common word
    _known_people_as_named(found, language)
    _merge_lone_names_into_things(found)
    _merge_bodies_named_short(found)
    _propagate_names(found, seen, taken_by_field, fields)
    _resolve_roles(found, roles)
    _names_as_the_page_spells(found, language)
    out: list[tuple[tuple[int, int], Entity]] = []
    for rec in found.values():
        if (language == "kk" or (language == "ru" and not rec.name.isascii())) and platform(rec.name):
            # a social network or a messenger, where Kazakh news says a post was made (Instagram парақшасында), and
            # Russian news in its own letters (в Инстаграме): a product
            continue
        rec.mentions.sort()
        # mentions at the same place are the same text: one each
        uniq = list({(fn, start, end): m for fn, start, end, m in rec.mentions}.values())
        typ = rec.entry.type if rec.entry is not None else rec.types.most_common(1)[0][0]
        # field numbers follow ``ordered``: the first mention in sort order is the first in the item
        first_at = (rec.mentions[0][0], rec.mentions[0][1])
        entity = Entity(
            entity_id=rec.entity_id,
            name=rec.name,
            type=typ,
            mentions=uniq,
            aliases=list(rec.aliases),
            roles=rec.entry.roles if rec.entry is not None else (),
        )
        out.append((first_at, entity))
    out.sort(key=lambda pair: pair[0])
    return [entity for _, entity in out]
