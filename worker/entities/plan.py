"""What one sentence yields: its titles and its resolved names (a plan), and the reading of sentences."""

from __future__ import annotations

import re
from typing import Final

from worker.entities.features import head_class
from worker.entities.gazetteer import hashed_id, load_gazetteer
from worker.entities.naming import _acronyms_only, _id_type, _junk_name, _resolve
from worker.entities.ner import Span, acronym
from worker.entities.records import _Named, _Plan, _Read, _Template
from worker.entities.rules_en import _EN_OWN_COUNTRY
from worker.entities.rules_kk import (
    _DASH_NEEDLES,
    _OWN_COUNTRY,
    _a_surname,
    _acronym_with_its_place,
    _anniversary_places,
    _arenas,
    _attached_to_the_head_of_state,
    _bare_kk,
    _bodies_named_by_their_work,
    _country_before_its_body,
    _demonym_opens_no_body,
    _ends_of_a_road,
    _foreign_country_owns_a_body,
    _full_name_read_as_a_place,
    _glued_person_names,
    _home_prefix,
    _honorary_titles,
    _honorific_in_a_name,
    _initialled_name_is_no_body,
    _institutions_are_bodies,
    _kind_shared_by_a_list,
    _known_body_before_its_things,
    _latin_place_opening_a_name,
    _level_opens_a_body,
    _levelled_body_before_a_post,
    _listed_places_are_no_building,
    _lower_case_bodies,
    _mentions_any,
    _ministry_acronym_before_its_unit,
    _named_after_runs_to_its_kind,
    _named_after_someone,
    _named_bare,
    _named_institutions,
    _no_body_ending_in_a_post,
    _no_body_in_an_hour_or_a_count,
    _no_body_named_by_its_kind_alone,
    _no_family_as_a_person,
    _no_place_inside_a_name,
    _numbered_institutions,
    _oblique_kind_ends,
    _oblique_place_ends,
    _outlets_credited,
    _own_country_opens_no_body,
    _people_a_dash_joins,
    _people_open_no_body,
    _person_before_a_common_noun,
    _place_and_body,
    _place_before_its_institution,
    _place_opening_a_title,
    _place_where_it_was_held,
    _place_with_a_bare_kind,
    _places_with_kinds,
    _places_with_modifiers,
    _region_acronym_before_its_unit,
    _republic_before_body,
    _residents_name_their_place,
    _service_departments,
    _settlements,
    _split_joined_places,
    _streets,
    _surname_name_patronymic,
    _surname_spelt_as_a_town_in_russian,
    _two_initials_and_a_surname,
    _two_people_side_by_side,
    _two_word_rural_district,
    _words_around_kk,
    sentence_words,
)
from worker.entities.rules_ru import _RU_ORG_OWNERS
from worker.entities.segment import _HAS_ALNUM, _pieces
from worker.entities.spans import _FORMS_IN_NAME, detect_spans
from worker.entities.tokens import Token, sentences
from worker.entities.translit import kk_cyrillic, kk_latin
from worker.text.script import CYRILLIC, CYRILLIC_UPPER, looks_latin_kazakh

#: (words, type, gazetteer id, languages) of a detected name -> how it resolves; pure, so
#: kept across items like the per-word caches (cleared when large).
_NAMED: dict[tuple[object, ...], _Named] = {}


#: The words for a month a month's name stands by (Рамазан айы, Наурыз айында, месяц Рамазан, month of Ramadan).
_KK_MONTH_WORDS: Final = frozenset(("ай", "айы", "айын", "айына", "айында", "айындағы", "айының", "айынан", "айлығы"))
_RU_MONTH_WORDS: Final = frozenset(("месяц", "месяца", "месяце", "месяцем", "месяцу"))


def _names_a_month(texts: tuple[str, ...], i: int, language: str) -> bool:
    """Whether the one word at ``i`` names a month by the word for a month beside it: after it in Kazakh,
    before it in Russian and English (month of Ramadan)."""
    if language == "kk":
        return i + 1 < len(texts) and texts[i + 1].lower() in _KK_MONTH_WORDS
    if language == "ru":
        return i > 0 and texts[i - 1].lower() in _RU_MONTH_WORDS
    return i > 1 and texts[i - 1].lower() == "of" and texts[i - 2].lower() == "month"


def _plan(
    sent: list[Token],
    texts: tuple[str, ...],
    sent_lang: str,
    name_lang: str,
    named: dict[tuple[object, ...], _Named],
) -> _Plan:
    """Titles and resolved names of one sentence; depends only on its words."""
    if sent_lang == "kk" and name_lang == "kk_latn":
        cyrillic = [Token(kk_cyrillic(t[0]), t[1], t[2]) for t in sent]
        cyrillic_plan = _plan(cyrillic, tuple([t[0] for t in cyrillic]), "kk", "kk", named)
        latin: list[tuple[int, int, _Named]] = []
        for s, e, (canon, entry, typ, eid) in cyrillic_plan[1]:
            name = entry.name_in("kk_latn") if entry is not None else kk_latin(canon)
            latin.append((s, e, (name, entry, typ, eid)))
        return cyrillic_plan[0], latin
    spans = detect_spans(sent, sent_lang)
    kinds: dict[int, tuple[str, ...]] = {}
    line = sentence_words(texts) if sent_lang == "kk" else ""
    if sent_lang == "kk":
        spans = _settlements(texts, _streets(texts, _republic_before_body(texts, _lower_case_bodies(texts, spans))))
        spans = _ends_of_a_road(texts, line, _place_where_it_was_held(texts, line, spans))
        if _mentions_any(line, _DASH_NEEDLES) or "-" in line:
            spans = _people_a_dash_joins(texts, spans)
    if sent_lang == "kk" and spans:
        spans = _oblique_place_ends(texts, _place_opening_a_title(texts, _oblique_kind_ends(texts, spans)))
        spans = _demonym_opens_no_body(texts, spans)
        spans = _surname_spelt_as_a_town_in_russian(texts, spans)
        spans = _surname_name_patronymic(texts, spans)
        spans = _ministry_acronym_before_its_unit(texts, _home_prefix(texts, spans))
        spans = _place_and_body(texts, _words_around_kk(texts, _known_body_before_its_things(texts, spans)))
        spans = _place_before_its_institution(texts, spans)
        spans = _places_with_modifiers(texts, _listed_places_are_no_building(texts, spans))
        spans, kinds = _place_with_a_bare_kind(texts, *_places_with_kinds(texts, spans))
        spans, units = _service_departments(texts, spans)
        kinds |= units
    if sent_lang == "kk":
        spans, outlets = _outlets_credited(texts, line, spans)
        kinds |= outlets
        spans = _no_body_in_an_hour_or_a_count(texts, spans)
        spans, bodies = _bodies_named_by_their_work(texts, line, spans)
        kinds |= bodies
        spans, named_after = _named_after_someone(texts, line, spans)
        kinds |= named_after
        spans, named_after = _named_after_runs_to_its_kind(texts, line, spans)
        kinds |= named_after
        spans, anniversaries = _anniversary_places(texts, line, spans)
        kinds |= anniversaries
        spans, honoured = _honorific_in_a_name(texts, line, spans)
        kinds |= honoured
        spans, numbered = _numbered_institutions(texts, line, spans)
        kinds |= numbered
        spans, levelled = _levelled_body_before_a_post(texts, spans)
        kinds |= levelled
    if sent_lang == "kk":
        spans = _person_before_a_common_noun(texts, _two_people_side_by_side(texts, _honorary_titles(texts, spans)))
        kinds |= _glued_person_names(texts, line, spans)
        spans, bodies = _named_institutions(texts, line, spans)
        if bodies:
            kinds = {s: w for s, w in kinds.items() if any(sp.start == s for sp in spans)} | bodies
        if "ліктер" in line or "теттер" in line:
            spans, kinds = _kind_shared_by_a_list(texts, spans, kinds)
        spans, kinds = _acronym_with_its_place(texts, *_level_opens_a_body(texts, line, spans, kinds))
        spans, kinds = _attached_to_the_head_of_state(texts, line, spans, kinds)
        spans, kinds = _region_acronym_before_its_unit(texts, spans, kinds)
        spans, kinds = _no_place_inside_a_name(texts, spans, kinds)
        spans, kinds = _own_country_opens_no_body(texts, *_no_body_ending_in_a_post(texts, spans, kinds))
        spans, kinds = _foreign_country_owns_a_body(texts, *_country_before_its_body(texts, spans, kinds))
        spans = _no_body_named_by_its_kind_alone(texts, _institutions_are_bodies(texts, spans))
        spans = _no_family_as_a_person(texts, spans)
        if "тұрғын" in line:
            spans = _residents_name_their_place(texts, spans)
        spans = _initialled_name_is_no_body(texts, _people_open_no_body(texts, spans))
        spans = _two_initials_and_a_surname(texts, spans)
        spans = _latin_place_opening_a_name(texts, _full_name_read_as_a_place(texts, spans))
        spans, kinds = _two_word_rural_district(texts, spans, kinds)
        if "рена" in line:
            spans = _arenas(texts, spans)
    bare = _named_bare(texts, spans) if sent_lang == "kk" else set()
    role_spans = load_gazetteer().match_roles(sent)
    in_role = _covering_roles(role_spans, len(sent)) if role_spans else []
    names: list[tuple[int, int, _Named]] = []
    prev_org_end = -1
    for sp in spans:
        # a one-word organisation inside a title (Үкімет төрағасы) is the title's; an acronym (ІІМ басшысы)
        # names its body still, and so does a Kazakh chamber or government the gazetteer knows, capitalised
        # (Мәжіліс Төрағасы: the item names the Mäjilis, as its readers and annotators take it)
        if (
            sp.type == "ORG"
            and sp.end - sp.start == 1
            and role_spans
            and in_role[sp.start]
            and not acronym(texts[sp.start])
            and not (sent_lang == "kk" and sp.entry is not None and texts[sp.start][:1].isupper())
        ):
            continue
        if (
            sp.type == "ORG"
            and texts[sp.start][:1].islower()
            and sp.entry is None
            and 0 <= prev_org_end <= sp.start <= prev_org_end + 1
            and all(not _HAS_ALNUM.search(w) for w in texts[prev_org_end : sp.start])
        ):
            # «Самұрық-Қазына» ұлттық әл-ауқат қоры: the kind of body after its name is no name (a known body
            # in lower case is one: Sputnik Қазақстан білім және ғылым министрлігіне)
            continue
        if sp.type == "ORG":
            prev_org_end = sp.end
        words = texts[sp.start : sp.end]
        if not any(_HAS_ALNUM.search(w) for w in words) or _junk_name(words):
            continue
        if sp.type == "PERSON" and sp.entry is None and _acronyms_only(words, sent_lang):
            continue  # s12: командир СОБР ДП, the unit's acronyms, no person
        if sp.type == "PERSON" and sp.end - sp.start == 1 and _names_a_month(texts, sp.start, sent_lang):
            continue  # s13: Рамазан айы, месяц Рамазан: a month, though a first name too
        if sp.start in kinds:
            words = kinds[sp.start]
        elif sent_lang == "ru" and "(" in words and sp.type == "ORG":
            words = _without_bracketed(words)
        elif sent_lang == "ru" and sp.type == "ORG" and words[0].lower() in _FORMS_IN_NAME:
            words = tuple(w for w in words if w not in _QUOTE_MARKS)  # СПК «Тобол» -> СПК Тобол
        nkey = (words, sp.type, sp.entry.entity_id if sp.entry else None, sent_lang, name_lang)
        res = named.get(nkey)
        if res is None:
            res = named[nkey] = _resolve(sent, sp, list(words), sent_lang, name_lang)
        if sp.start in bare and res[1] is None and res[0] != words[0]:
            # a place named bare before its kind: as written, no ending to take off (Екпінді ауылы)
            res = (words[0], None, res[2], hashed_id(words[0], _id_type(res[2])))
        names.append((sp.start, sp.end, res))
    titles: list[tuple[int, int, tuple[str, ...]]] = []
    if role_spans:
        in_span = _covering(spans, len(sent))
        for s, e, key in role_spans:
            # a title inside a longer name (Президент телерадиокешені) is part of that name
            k = in_span[s]
            if k >= 0 and spans[k].start <= s and e <= spans[k].end and spans[k].end - spans[k].start > e - s:
                continue
            if _someone_elses_title(texts, s, e, key, names, sent_lang):
                continue
            titles.append((s, e, key))
    return titles, names


_KAZAKHSTAN = "Q232"


def _someone_elses_title(
    texts: tuple[str, ...],
    s: int,
    e: int,
    key: tuple[str, ...],
    names: list[tuple[int, int, _Named]],
    lang: str,
) -> bool:
    """A title that names someone other than the gazetteer's holders: it stands before another
    person (European Council President Antonio Costa, Моңғолия Президенті Хурэлсүх), or a
    place or body other than Kazakhstan owns it (Әзірбайжан Президенті, президент Франции,
    компания президенті, President of the European Council).

    A title the gazetteer knows with its owner (Ресей Президенті) is matched whole and so
    never gets here with that owner outside it.
    """
    after = next((res for start, _end, res in names if start == e), None)
    if after is not None and after[2] == "PERSON" and (lang != "kk" or _bare_kk(texts[e - 1], key[-1])):
        holders = load_gazetteer().roles.get(key, [])
        return not any(h.entity_id == after[3] for h in holders)
    before = next((res for _start, end, res in names if end == s), None)
    if before is not None and before[2] in ("GPE", "ORG") and before[3] != _KAZAKHSTAN:
        return True
    if lang == "kk":
        if s == 0:
            return False
        prev = texts[s - 1]
        # a possessed title (компания президенті, федерациясының президенті): its owner stands before
        return prev.lower() not in _OWN_COUNTRY and head_class(prev) == "ORG"
    if e >= len(texts):
        return False
    nxt = texts[e]
    if lang == "ru":
        if after is not None and after[2] in ("GPE", "ORG") and after[3] != _KAZAKHSTAN:
            return True
        return nxt in _RU_ORG_OWNERS
    # English: President of the European Council; European Council President, Vice President
    if nxt == "of":
        return not any(w.startswith("Kazakhstan") for w in texts[e + 1 : e + 5])
    return s > 0 and texts[s - 1][:1].isupper() and texts[s - 1] not in _EN_OWN_COUNTRY


def _read_sentence(
    text: str,
    pos: int,
    end: int,
    lang: str,
    plans: dict[tuple[str, tuple[str, ...]], _Plan],
    named: dict[tuple[object, ...], _Named],
    latin_field: bool = False,
) -> list[_Read]:
    """``text[pos:end]``, a sentence not read before in the item: its pieces, each with its language and plan.

    ``latin_field``: the whole field is Kazakh in Latin script.
    """
    out: list[_Read] = []
    wholes = sentences(text, pos, end)
    if lang == "ru" and len(wholes) > 1:
        wholes = _glue_named_after(wholes)
    elif lang == "kk" and len(wholes) > 1:
        wholes = _glue_spaced_initials(wholes, text)
    for whole in wholes:
        for piece in _pieces(whole):
            sent = _split_joined_places(piece, lang) if lang != "en" else piece
            sent_lang = name_lang = lang
            texts = tuple([t[0] for t in sent])
            if lang == "kk" and CYRILLIC.search(text, sent[0].start, sent[-1].end) is None:
                # Kazakh in Latin script (Qazaqstan, Prezidentı) is read through Cyrillic; other Latin
                # text in a Kazakh item is English.  Names stay Latin.
                latin_kk = latin_field or looks_latin_kazakh(text[sent[0].start : sent[-1].end], strict=True)
                sent_lang = "kk" if latin_kk else "en"
                name_lang = "kk_latn"
            key = (sent_lang + "/" + name_lang, texts)
            plan = plans.get(key)
            if plan is None:
                plan = plans[key] = _plan(sent, texts, sent_lang, name_lang, named)
            out.append((sent, sent_lang, plan))
    return out


def _glue_named_after(wholes: list[list[Token]]) -> list[list[Token]]:
    """Sentences cut at the stop of Russian им. (театр им. М.Ауэзова) joined again: the abbreviation ends no
    sentence when a name follows it."""
    out: list[list[Token]] = []
    glue = False
    for sent in wholes:
        if glue and out and sent[0].text[:1].isupper():
            out[-1] = out[-1] + sent
        else:
            out.append(sent)
        last = out[-1]
        glue = len(last) >= 2 and last[-1].text == "." and last[-2].text == "им"
    return out


#: One initial (Ж) or two the press writes joined (Л.Н, Ш.Ш), before the stop the splitter cut at.
_AN_INITIAL_OR_TWO = re.compile(rf"[{CYRILLIC_UPPER}A-Z](\.[{CYRILLIC_UPPER}A-Z])?")


def _spaced_initial(sent: list[Token], text: str, after: list[Token]) -> bool:
    """Whether ``sent`` ends with an initial and its stop (Ж.) that a capitalised word after a space, no
    common word, follows: the sentence was cut inside a person's name (Жиында Ж. Саурықов сөз сөйледі).  Two
    initials (Л.Н. Гумилев, М.Ж. Калелов) too: the CRF never saw a surname glued to two, and a rule reads one as a
    person (``_two_initials_and_a_surname``)."""
    if len(sent) < 2 or sent[-1].text != ".":
        return False
    nxt = after[0]
    letter, stop = sent[-2], sent[-1]
    return (
        _AN_INITIAL_OR_TWO.fullmatch(letter.text) is not None
        and stop.start == letter.end
        and not text[stop.end : nxt.start].strip(" ")
        and _a_surname(nxt.text)
    )


def _glue_spaced_initials(wholes: list[list[Token]], text: str) -> list[list[Token]]:
    """Sentences cut at a spaced initial's stop joined again, the initial glued to the surname as the press also
    writes it (Ж. Саурықов read as Ж.Саурықов, its offsets those of the page)."""
    out: list[list[Token]] = []
    for sent in wholes:
        if out and _spaced_initial(out[-1], text, sent):
            prev = out[-1]
            glued = Token(prev[-2].text + "." + sent[0].text, prev[-2].start, sent[0].end)
            out[-1] = [*prev[:-2], glued, *sent[1:]]
        else:
            out.append(sent)
    return out


def _mentions_of(reads: list[_Read], text: str) -> list[_Template]:
    """The names of a sentence's pieces, where it was first read."""
    out: list[_Template] = []
    for sent, _lang, (_titles, names) in reads:
        for s, e, resolved in names:
            start, end = sent[s][1], sent[e - 1][2]
            out.append((resolved, start, end, text[start:end], tuple([t[1] for t in sent[s:e]])))
    return out


def _covering(spans: list[Span], n: int) -> list[int]:
    """Per token, the index of the first span that covers it, else -1."""
    out = [-1] * n
    for k, sp in enumerate(spans):
        for j in range(sp.start, sp.end):
            if out[j] < 0:
                out[j] = k
    return out


def _covering_roles(role_spans: list[tuple[int, int, tuple[str, ...]]], n: int) -> list[bool]:
    """Per token: inside a title of more than one word."""
    out = [False] * n
    for s, e, _ in role_spans:
        if e - s > 1:
            for j in range(s, e):
                out[j] = True
    return out


#: Quote marks around a firm's name after its kind (СПК «Тобол»).
_QUOTE_MARKS = frozenset('«»“”„"')


def _without_bracketed(words: tuple[str, ...]) -> tuple[str, ...]:
    """A body's name without the abbreviation the page puts in brackets inside it (Департамент полиции (ДП)
    Северо-Казахстанской области): the abbreviation is another name of the body, no word of this one."""
    out: list[str] = []
    depth = 0
    for w in words:
        if w == "(":
            depth += 1
        elif w == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(w)
    return tuple(out)
