"""Item-level merging: surnames, first names and one-word names joined to the person the item names in
full, and titles made mentions of the person who holds them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

from worker.entities.gazetteer import hashed_id, load_gazetteer
from worker.entities.morphology import match_stem_ru
from worker.entities.naming import _resolve, _stem_for
from worker.entities.ner import Span
from worker.entities.people import _INITIALLED, _PATRONYMIC, _first_name, first_names_as_listed, full_first_names
from worker.entities.records import _Found, _Plan
from worker.entities.rules_ru import _KK_TO_RU_LETTERS, _ru_initialled_surname
from worker.entities.tokens import Token
from worker.entities.translit import skeleton
from worker.model import Mention
from worker.text.script import KAZAKH_LETTERS


def _surnames_of_the_items_people(found: dict[str, _Found]) -> None:
    """A surname alone, or with an initial, or a first name alone, that the gazetteer gave to a person of its
    own is the item's person of that name where the item names one in full (Темірхан Досмұхамбетов ...
    Т.Досмұхамбетов is not Махамбет Досмұхамбетов), and no gazetteer person where the initial is another's."""
    named: dict[str, list[_Found]] = {}
    for rec in found.values():
        words = rec.name.split()
        if rec.type == "PERSON" and rec.entry is None and len(words) >= 2:
            for lang in ("kk", "ru", "en"):
                named.setdefault(lang + "|" + _stem_for(words[-1], lang), []).append(rec)
            named.setdefault("first|" + skeleton(words[0]), []).append(rec)
    for eid, rec in list(found.items()):
        if rec.type != "PERSON" or rec.entry is None or any(" " in m.text.strip() for *_, m in rec.mentions):
            continue
        surfaces = [m.text for *_, m in rec.mentions]
        initials = {w[0] for w in surfaces if _INITIALLED.fullmatch(w)}
        surname = surfaces[0][2:] if _INITIALLED.fullmatch(surfaces[0]) else surfaces[0]
        people = {
            id(p): p
            for lang in ("kk", "ru", "en")
            for p in named.get(lang + "|" + _stem_for(surname, lang), [])
            if not initials or p.name[:1] in initials
        }
        if not people and not initials:
            # a first name alone the gazetteer gave to someone else (Dimash, where the item names Dimash Syzdykov)
            people = {id(p): p for p in named.get("first|" + skeleton(surname), [])}
        own_initial = rec.name[:1]
        if len(people) == 1:
            person = next(iter(people.values()))
        elif initials and own_initial not in initials:
            # Т.Досмұхамбетов is no Махамбет: a person of the name as written
            name = surfaces[0]
            person = found.get(hashed_id(name, "PERSON")) or _Found(hashed_id(name, "PERSON"), name, "PERSON", None)
            found[person.entity_id] = person
        else:
            continue
        person.absorb(rec)
        person.types["PERSON"] += 1
        del found[eid]


def _merge_partial_names(found: dict[str, _Found]) -> None:
    """Unknown one-word people (Мишустинді) join a longer name in the item ending with them."""
    people = [r for r in found.values() if r.type == "PERSON" and len(r.name.split()) > 1]
    if not people:
        return
    # the first longer name whose last word matches, by skeleton or by Russian stem
    by_skeleton: dict[str, int] = {}
    by_ru: dict[str, int] = {}
    for k, other in enumerate(people):
        last = other.name.split()[-1]
        by_skeleton.setdefault(skeleton(last), k)
        by_ru.setdefault(match_stem_ru(last), k)
    for eid, rec in list(found.items()):
        if rec.type != "PERSON" or rec.entry is not None or len(rec.name.split()) != 1:
            continue
        name = rec.name
        initial = ""
        if _INITIALLED.fullmatch(name):
            # А.Смағұлов joins Асқар Смағұлов, not Берік Смағұлов
            initial, name = name[0], name[2:]
        k = min(by_skeleton.get(skeleton(name), len(people)), by_ru.get(match_stem_ru(name), len(people)))
        if k == len(people):
            k = _longer_name_as_written(rec, initial, by_skeleton, len(people))
        if k == len(people) or (initial and not people[k].name.startswith(initial)):
            continue
        other = people[k]
        other.absorb(rec)
        del found[eid]


def _longer_name_as_written(rec: _Found, initial: str, by_skeleton: dict[str, int], none: int) -> int:
    """The longer name whose surname a one-word name's mention writes exactly, where its canonical form lost a
    surname's own ending as a case ending (s12: Е.Жанболды, whose -ды read as the accusative, joins Ерлан Жанболды
    when the item writes him so); ``none`` where there is no such name."""
    for *_, m in rec.mentions:
        written = m.text
        if initial and _INITIALLED.fullmatch(written):
            written = written[2:]
        if len(written.split()) == 1:
            k = by_skeleton.get(skeleton(written), none)
            if k != none:
                return k
    return none


#: A Russian patronymic in the nominative (Саламович, Ивановна), also as English spells it (Alexandrovich: var11).
_RUSSIAN_PATRONYMIC = re.compile(r"(ович|евич|ич|овна|евна|ична|ovich|evich|ovna|evna)$")


def _merge_first_names(found: dict[str, _Found]) -> None:
    """A first name alone (Жәнібек, even where a village has that name) is the person the item names in full
    with that first name, when only one such person is named; a first name with the patronymic (Тамара
    Қасымқызы) is the person the item names with both and the surname; with a Russian patronymic (Станислав
    Саламович), the polite address, the one person the item names with that first name."""
    people: dict[str, list[_Found]] = {}
    for rec in found.values():
        words = rec.name.split()
        if rec.type == "PERSON" and len(words) >= 2:
            people.setdefault(skeleton(words[0]), []).append(rec)
    if not people:
        return
    for eid, rec in list(found.items()):
        words = rec.name.split()
        if rec.type == "ORG" or not words or len(words) > 2:
            continue
        polite = len(words) == 2 and rec.type == "PERSON" and _RUSSIAN_PATRONYMIC.search(words[1]) is not None
        # a word the lists do not know as a first name is one where it opens the name of a person of the item
        # (Нұрымжан, where the item names Нұрымжан Салайдын) and is a person's word itself
        lone_person = len(words) == 1 and rec.type == "PERSON"
        if not (polite or lone_person or _first_name(words[0], "kk")):
            continue
        others = [p for p in people.get(skeleton(words[0]), []) if p is not rec]
        if not others and lone_person:
            # a familiar first name (Гена) is the one person the item names in full by the first name it stands
            # for (Геннадий Головкин) (var11)
            others = [p for full in full_first_names(words[0]) for p in people.get(skeleton(full), [])]
        if len(words) == 1:
            if rec.type == "PERSON" and rec.entry is not None:
                continue
        elif rec.type == "PERSON" and _PATRONYMIC.fullmatch(words[1]) and not polite:
            # the item wrote first name, patronymic and surname together somewhere (Тамара Қасымқызы Ахметова);
            # else a first name with a patronymic is the polite form of the one person the item names with that
            # first name and a surname (Олжас Ермекұлы, where the item names Олжас Искаков)
            patronymic = skeleton(words[1])
            together = [
                p
                for p in others
                if any(len(a.split()) >= 3 and patronymic in {skeleton(w) for w in a.split()[1:-1]} for a in p.aliases)
            ]
            others = together or [p for p in others if not _PATRONYMIC.fullmatch(p.name.split()[-1])]
        elif polite:
            pass  # Станислав Саламович: Russian's polite address of the one person the item names with that first name
        else:
            continue
        if len(others) != 1:
            continue
        person = others[0]
        person.absorb(rec)
        del found[eid]


#: What opens a person's other name in brackets right after their name (Клава Кока (Клавдия Высокова), Dimash
#: (настоящее имя ...)): the bracket, and words that say it is a real or a former name.
_OTHER_NAME_OPENS = re.compile(
    r"\s*\((?:(?:настоящее имя|урожденная|урождённая|урожденный|шын аты|real name)\s*:?\s*)?"
)
_OTHER_NAME_CLOSES = re.compile(r"\s*\)")


def _merge_names_in_brackets(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """A person named in brackets right after another person's name is that person under another name, a real
    or a former one (Клава Кока (Клавдия Высокова)): one person, named as the text names them first."""
    people = [r for r in found.values() if r.type == "PERSON"]
    at = {(m.field, m.start): r for r in people for *_, m in r.mentions}
    for rec in people:
        for *_, m in list(rec.mentions):
            text = fields.get(m.field) or ""
            opens = _OTHER_NAME_OPENS.match(text, m.end)
            if opens is None or opens.end() == m.end:
                continue
            other = at.get((m.field, opens.end()))
            if other is None or other is rec or other.entity_id not in found or rec.entity_id not in found:
                continue
            inner = next(mm for *_, mm in other.mentions if (mm.field, mm.start) == (m.field, opens.end()))
            if _OTHER_NAME_CLOSES.match(text, inner.end) is None:
                continue
            rec.absorb(other)
            del found[other.entity_id]
            for *_, mm in other.mentions:
                at[(mm.field, mm.start)] = rec


def _merge_lone_names_into_things(found: dict[str, _Found]) -> None:
    """A one-word "person" the item also names as an organisation or a place is that (Қайрат in a
    headline, «Қайрат» футбол клубы in the body): news introduces a person by a full name."""
    things: dict[str, _Found] = {}
    for rec in found.values():
        if rec.type != "PERSON":
            things.setdefault(skeleton(rec.name), rec)
    if not things:
        return
    for eid, rec in list(found.items()):
        if rec.type != "PERSON" or rec.entry is not None or len(rec.name.split()) != 1:
            continue
        other = things.get(skeleton(rec.name))
        if other is None:
            continue
        other.absorb(rec)
        del found[eid]


def _known_people_as_named(found: dict[str, _Found], language: str) -> None:
    """A person the gazetteer knows, whom the item names by one word only, is named as the item names them
    (Бектанов, Токаев, Ә.Бөкейхан): news gives the full name when it means to, and the reader of the item
    knows no more than it says.  A first name alone (Димаш) is no evidence of a famous holder of that first
    name: it is a person of that first name, whom the item may name in full elsewhere."""
    lang = language if language in ("kk", "ru", "en") else "kk"
    for eid, rec in list(found.items()):
        entry = rec.entry
        if rec.type != "PERSON" or entry is None or not rec.mentions:
            continue
        surfaces = [m.text.strip() for *_, m in rec.mentions]
        if any(" " in w or not w for w in surfaces):
            continue
        known = entry.name_in(lang).split()
        if len(known) < 2:
            continue
        word = surfaces[0]
        initial = word[:2] if _INITIALLED.fullmatch(word) else ""
        stem = _stem_for(word[len(initial) :], lang)
        if stem == _stem_for(known[-1], lang):
            rec.name = initial + known[-1]
            continue
        if initial or stem != _stem_for(known[0], lang):
            continue
        del found[eid]
        name = known[0]
        person = found.get(hashed_id(name, "PERSON"))
        if person is None:
            person = found[hashed_id(name, "PERSON")] = _Found(hashed_id(name, "PERSON"), name, "PERSON", None)
        person.absorb(rec)
        person.types["PERSON"] += sum(rec.types.values())


def _merge_bodies_named_short(found: dict[str, _Found]) -> None:
    """A body the gazetteer does not know, named by the last words of one longer body's name in the item (Өзіндік
    қауіпсіздік департаменті after ҚР ІІМ Өзіндік қауіпсіздік департаменті), is that body: news names a unit in
    full once, then by its kind of work.  A known body (Сыбайлас жемқорлыққа қарсы қызмет) is one of its own."""
    by_last: dict[str, list[tuple[_Found, list[str]]]] = {}
    for rec in found.values():
        if rec.type == "ORG":
            words = rec.name.lower().split()
            by_last.setdefault(words[-1] if words else "", []).append((rec, words))
    if sum(map(len, by_last.values())) < 2:
        return
    for eid, rec in list(found.items()):
        words = rec.name.lower().split()
        if rec.type != "ORG" or rec.entry is not None or len(words) < 2:
            continue
        longer = [
            b
            for b, w in by_last.get(words[-1], [])
            if len(w) > len(words)
            and (w[-len(words) :] == words or _with_words_of_its_kind(b.name.split(), words))
            and b.entity_id in found
        ]
        if len(longer) != 1:
            continue
        body = longer[0]
        body.absorb(rec)
        del found[eid]


def _with_words_of_its_kind(longer: list[str], words: list[str]) -> bool:
    """Whether a body's name ``longer`` is ``words`` (lower case) with lower-case words of its level or its work
    put before the kind («Қорқыт ата» халықаралық әуежайы, then «Қорқыт ата» әуежайы): the same body, named short."""
    if len(words) < 2 or longer[0].lower() != words[0] or longer[-1].lower() != words[-1]:
        return False
    k = 0
    for w in longer:
        if k < len(words) and w.lower() == words[k]:
            k += 1
        elif not w.islower():
            return False  # a capitalised word of its own: another body's name
    return k == len(words)


def _propagate_names(
    found: dict[str, _Found],
    seen: list[tuple[int, str, str, list[Token], int, _Plan]],
    taken_by_field: dict[str, set[int]],
    fields: Mapping[str, str],
) -> None:
    """A surname or one-word name alone (Жұмабековтің) is a mention of the person named in full.

    ``seen``: (field number, field, language, tokens, shift of their offsets, plan) of every
    sentence read; ``taken_by_field``: per field, the offsets of tokens already in a mention;
    ``fields``: the item's texts, which a mention quotes (the tokens may have been read with
    letters folded).
    """
    people: dict[tuple[str, str], _Found] = {}
    ambiguous: set[tuple[str, str]] = set()
    for rec in found.values():
        if rec.type != "PERSON":
            continue
        lasts: set[str] = set()
        # every mention's text is among the aliases at this point (titles join later)
        for alias in rec.aliases:
            words = alias.split()
            if len(words) >= 2:
                lasts.add(words[-1])
        for last in lasts:
            for lang in ("kk", "ru", "en"):
                key = (lang, _stem_for(last, lang))
                if key in people and people[key] is not rec:
                    ambiguous.add(key)
                people[key] = rec
    if not people:
        return
    # per distinct sentence (one plan per distinct wording): where it names someone.  Keyed by
    # the plan's list, not the plan: compiled code passes tuples unboxed, so their ids change
    hits_of: dict[int, list[tuple[int, _Found]]] = {}
    for field_no, field_name, lang, sent, delta, plan in seen:
        hits = hits_of.get(id(plan[1]))
        if hits is None:
            hits = hits_of[id(plan[1])] = _person_words(sent, lang, plan, people, ambiguous)
        if not hits:
            continue
        taken = taken_by_field.setdefault(field_name, set())
        for k, person in hits:
            tok = sent[k]
            start = tok[1] + delta
            if start in taken:
                continue
            end = tok[2] + delta
            surface = fields[field_name][start:end]
            person.mentions.append((field_no, start, end, Mention(surface, field_name, start, end)))
            person.add_alias(surface)
            taken.add(start)


def _person_words(
    sent: list[Token],
    lang: str,
    plan: _Plan,
    people: dict[tuple[str, str], _Found],
    ambiguous: set[tuple[str, str]],
) -> list[tuple[int, _Found]]:
    """Capitalised words of a sentence that name one of ``people`` (by stem): index, person.

    Words inside the sentence's own names are left out: they are mentions already.
    """
    key_lang = lang if lang in ("kk", "ru") else "en"
    inside = {k for s, e, _ in plan[1] for k in range(s, e)}
    out: list[tuple[int, _Found]] = []
    for k in [k for k, tok in enumerate(sent) if tok[0][:1].isupper() and len(tok[0]) >= 3]:
        if k in inside:
            continue
        key = (key_lang, _stem_for(sent[k][0], lang))
        person = people.get(key)
        if person is not None and key not in ambiguous:
            out.append((k, person))
    return out


def _distance(
    positions: list[tuple[int, int]], added: tuple[int, int] | None, field_no: int, start: int
) -> tuple[int, int]:
    """How far before (field_no, start) the last mention is; else where the first one after it is.

    ``positions``: (field number, offset) of the named mentions, sorted; ``added``: the
    last title mention given to the person so far (titles come in text order, so it
    is never after (field_no, start)).
    """
    idx = bisect.bisect_right(positions, (field_no, start))
    last = positions[idx - 1] if idx else None
    if added is not None and (last is None or added > last):
        last = added
    if last is not None:
        return (0, (field_no - last[0]) * 10**9 + start - last[1])
    return (1, positions[0][1])


def _resolve_roles(found: dict[str, _Found], roles: list[tuple[int, str, int, int, str, tuple[str, ...]]]) -> None:
    """Titles become mentions of the named person in the item who holds them."""
    if not roles:
        return
    gaz = load_gazetteer()
    named = {rec.entity_id: rec for rec in found.values() if rec.entry is not None and rec.entry.roles}
    if not named:
        return
    positions: dict[str, list[tuple[int, int]]] = {}
    added: dict[str, tuple[int, int]] = {}
    mentions: dict[str, set[Mention]] = {}
    for field_no, field_name, start, end, surface, key in roles:
        holders = [e.entity_id for e in gaz.roles.get(key, []) if e.entity_id in named]
        if not holders:
            continue
        for eid in holders:
            if eid not in positions:
                positions[eid] = sorted((fn, start) for fn, start, _, _ in named[eid].mentions)
                mentions[eid] = {m for *_, m in named[eid].mentions}
        best = holders[0]
        if len(holders) > 1:
            # the holder named closest before the title, else the first named after it
            best = min(holders, key=lambda eid: _distance(positions[eid], added.get(eid), field_no, start))
        mention = Mention(surface, field_name, start, end)
        if mention not in mentions[best]:
            mentions[best].add(mention)
            named[best].mentions.append((field_no, start, end, mention))
            added[best] = (field_no, start)


#: A spaced initial before a capitalised word (Т. Жуманов, А. Петровой), not after another initial (А. Б. Петрова)
#: nor inside a word or an address.
_RU_SPACED_INITIAL = re.compile(
    r"(?<![\w.])(?<![А-ЯЁ]\. )([А-ЯЁ])\.[ \u00a0]([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])"
)

#: A Russian or Kazakh surname's ending, in any case (Жуманов, Петровой, Сапарбаеву, Ахметкызы).
_RU_SURNAME_ANY_CASE = re.compile(
    r"(?:(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|ой|ою|е)?|(?:ск|цк)(?:ий|ая|ого|ой|ому|им|ом|ую)|енко|улы|уулу|кызы|ұлы|қызы)$"
)

#: A past-tense verb right before or after a name, which tells the person's sex (сказала А. Петрова, А. Петрова
#: заявила: a woman; сообщил Т. Жуманов: a man).
_RU_PAST_WOMAN = re.compile(r"[а-яё]{2,}[аяиеуы]ла(?:сь)?")
_RU_PAST_MAN = re.compile(r"[а-яё]{2,}[аяиеуы]л(?:ся)?")
_RU_NEXT_WORD = re.compile(r"[ ,]*([а-яё]+)")
_RU_LAST_WORD = re.compile(r"([а-яё]+)[ ,]*$")


def _ru_sex_by_verb(text: str, start: int, end: int) -> str:
    """``f`` or ``m`` where a past-tense verb beside the name at ``text[start:end]`` tells, else ``""``."""
    words = [m.group(1) for m in (_RU_LAST_WORD.search(text, max(0, start - 30), start),) if m is not None]
    after = _RU_NEXT_WORD.match(text, end)
    if after is not None:
        words.append(after.group(1))
    sexes = {"f" if _RU_PAST_WOMAN.fullmatch(w) else "m" for w in words if _RU_PAST_MAN.fullmatch(w.removesuffix("а"))}
    return sexes.pop() if len(sexes) == 1 else ""


#: What a body is named after (им. А. Байтурсынова, имени Т. Рыскулова): the person is the body's name.
_RU_NAMED_AFTER_BEFORE = re.compile(r"(?:\bим\.|\bимени)\s*$")


#: A body's eponym by spaced initials and a surname (имени С. Сейфуллина, им. К. С. Станиславского), which the
#: sentence splitter cuts at the initials' stops.
_RU_NAMED_AFTER_SPACED = re.compile(
    r"(?<![\w.])(?:имени|им\.)[ \u00a0]+(?:[А-ЯЁӘҒҚҢӨҰҮҺІ]\.[ \u00a0]?){1,3}"
    r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)?(?![\w-])"
)
_RU_NAMED_AFTER_WORD = re.compile(r" (?:имени|им\.)(?: |$)")

#: A body's name the splitter left with its eponym's initials and no surname (Театр им. Н): they go.
_RU_DANGLING_EPONYM = re.compile(r" (?:имени|им\.)(?: [А-ЯЁӘҒҚҢӨҰҮҺІ]\.?){1,3}$")


def _rename_body(found: dict[str, _Found], rec: _Found, name: str) -> None:
    """``rec`` named ``name`` now, under the id of that name unless the gazetteer gave it one."""
    rec.name = name
    if rec.entry is not None:
        return
    eid = hashed_id(name, "ORG")
    del found[rec.entity_id]
    same = found.get(eid)
    if same is not None:
        same.absorb(rec)
        same.types.update(rec.types)
    else:
        rec.entity_id = eid
        found[eid] = rec


def _named_after_spaced_initials_ru(found: dict[str, _Found], text: str, field_no: int, field: str) -> None:
    """A body named after someone by spaced initials (университет имени С. Сейфуллина), cut by the sentence
    splitter after имени and each initial: one organisation named as the page writes its eponym, the pieces after
    the cut (the surname) no entities of their own."""
    for m in _RU_NAMED_AFTER_SPACED.finditer(text):
        start, end = m.start(), m.end()
        body: tuple[_Found, int] | None = None
        for rec in found.values():
            if rec.type != "ORG":
                continue
            for k, (fn, s, e, _m) in enumerate(rec.mentions):
                if fn == field_no and s < start <= e + 1 and e < end:
                    body = (rec, k)
        if body is None:
            continue
        rec, k = body
        s = rec.mentions[k][1]
        surface = text[s:end]
        rec.mentions[k] = (field_no, s, end, Mention(surface, field, s, end))
        rec.add_alias(surface)
        cut = _RU_NAMED_AFTER_WORD.search(rec.name)
        head = rec.name[: cut.start()] if cut is not None else rec.name
        _rename_body(found, rec, head + " " + " ".join(m.group().replace("\u00a0", " ").split()))
        after: list[tuple[int, int]] = []
        for other in list(found.values()):
            if other is rec:
                continue
            inside = [x for x in other.mentions if x[0] == field_no and start <= x[1] < end]
            if not inside:
                continue
            after.extend((end, x[2]) for x in inside if other.type == "PERSON" and x[2] > end + 1)
            other.mentions = [x for x in other.mentions if x not in inside]
            if not other.mentions:
                del found[other.entity_id]
        for s, e in after:
            _person_after_eponym(found, text, field_no, field, s, e)
    for rec in [rec for rec in found.values() if rec.type == "ORG" and _RU_DANGLING_EPONYM.search(rec.name)]:
        _rename_body(found, rec, _RU_DANGLING_EPONYM.sub("", rec.name))


_RU_WORD_TOKEN = re.compile(r"[^\s.,]+")


def _person_after_eponym(found: dict[str, _Found], text: str, field_no: int, field: str, start: int, end: int) -> None:
    """The person a span ran on to past a body's eponym (имени С. Сейфуллина | Али Ахметов), named again."""
    tokens = [Token(m.group(), m.start(), m.end()) for m in _RU_WORD_TOKEN.finditer(text, start, end)]
    if not tokens:
        return
    words = [t.text for t in tokens]
    canon, known, typ, eid = _resolve(tokens, Span(0, len(tokens), "PERSON", None), words, "ru", "ru")
    if typ != "PERSON":
        return
    person = found.get(eid)
    if person is None:
        person = found[eid] = _Found(eid, canon, "PERSON", known)
    s, e = tokens[0].start, tokens[-1].end
    person.mentions.append((field_no, s, e, Mention(text[s:e], field, s, e)))
    person.types["PERSON"] += 1
    person.add_alias(text[s:e])


def _spaced_initials_ru(
    found: dict[str, _Found],
    fields: Mapping[str, str],
    ordered: list[str],
    taken_by_field: dict[str, set[int]],
) -> None:
    """A person Russian news names by a spaced initial and a surname (Т. Жуманов, А. Петровой), which the
    sentence splitter cut at the initial's stop: one person named as the glued form is (Т.Жуманов), so that it
    joins the full name the item gives (Талгат Жуманов) as a glued initial does.  The surname's own mention, if
    the sentence after the stop made one, becomes the initialled one."""
    gaz = load_gazetteer()
    for field_no, name in enumerate(ordered):
        text = fields.get(name)
        if not isinstance(text, str) or ". " not in text and ".\u00a0" not in text:
            continue
        if "им" in text:
            _named_after_spaced_initials_ru(found, text, field_no, name)
        at: dict[int, tuple[_Found, int]] = {}
        for rec in found.values():
            for k, (fn, start, _end, _m) in enumerate(rec.mentions):
                if fn == field_no:
                    at[start] = (rec, k)
        covered = sorted((s, e) for rec in found.values() for fn, s, e, _m in rec.mentions if fn == field_no)
        taken = taken_by_field.setdefault(name, set())
        for m in _RU_SPACED_INITIAL.finditer(text):
            start, word_at, end = m.start(), m.start(2), m.end()
            word = m.group(2)
            if _RU_NAMED_AFTER_BEFORE.search(text, max(0, start - 8), start):
                continue
            here = at.get(word_at)
            if here is not None:
                rec, k = here
                if rec.type != "PERSON" or rec.mentions[k][2] != end:
                    continue  # the word is another thing's, or opens a longer name
            else:
                k = bisect.bisect_right(covered, (start, len(text) + 1))
                if k and covered[k - 1][1] > start:
                    continue  # inside another name
                if _RU_SURNAME_ANY_CASE.search(word.lower()) is None:
                    continue  # a sentence's end before a capitalised word, where the word has no surname's ending
            glued = m.group(1) + "." + word
            person_span = Span(0, 1, "PERSON", None)
            canon, known, typ, eid = _resolve([Token(glued, start, end)], person_span, [glued], "ru", "ru")
            if typ != "PERSON":
                continue
            if known is None:
                known = gaz.lookup(word, "ru")
                if known is not None and (known.type != "PERSON" or known.name_in("ru")[:1] != m.group(1)):
                    known = None  # Е. Сапарбаев is no Бердибек Сапарбаев
            if known is not None:
                # a known person's initial and surname (К. Абдрахманову): named as the page writes them, with the
                # gazetteer's surname in the nominative, as a glued initial is
                canon, eid = m.group(1) + "." + known.name_in("ru").split()[-1], known.entity_id
            else:
                sex = _ru_sex_by_verb(text, start, end)
                canon = (_ru_initialled_surname(glued, sex) if sex else None) or canon
                eid = hashed_id(canon, "PERSON")
            if here is not None:
                rec, k = here
                del rec.mentions[k]
                rec.types["PERSON"] -= 1
                if not rec.mentions:
                    del found[rec.entity_id]
            person = found.get(eid)
            if person is None:
                person = found[eid] = _Found(eid, canon, "PERSON", known)
            surface = text[start:end]
            person.mentions.append((field_no, start, end, Mention(surface, name, start, end)))
            person.types["PERSON"] += 1
            person.add_alias(surface)
            taken.update((start, word_at))


def _merge_names_turned_round(found: dict[str, _Found], language: str) -> None:
    """A person the item names surname first in a list or a byline (Шорман Жасмин) and first name first elsewhere
    (Жасмин Шорман): one person, named first name first, the order whose first word is a first name (var11)."""
    lang = language if language in ("kk", "ru", "en") else "kk"
    pairs: dict[tuple[str, str], _Found] = {}
    for rec in found.values():
        words = rec.name.split()
        if rec.type == "PERSON" and rec.entry is None and len(words) == 2:
            pairs.setdefault((skeleton(words[0]), skeleton(words[1])), rec)
    for (first, last), rec in list(pairs.items()):
        other = pairs.get((last, first))
        if other is None or other is rec or first == last:
            continue
        if rec.entity_id not in found or other.entity_id not in found:
            continue
        words = rec.name.split()
        if not _first_name(words[0], lang) or _first_name(words[1], lang):
            continue  # rec is no first-name-first form, or either word may be a first name
        rec.absorb(other)
        rec.types.update(other.types)
        del found[other.entity_id]


def _kazakh_letters(word: str) -> int:
    return sum(ch in KAZAKH_LETTERS for ch in word)


def _letters_folded(word: str) -> str:
    """A word with case, the Kazakh letters Russian typing gives as its own (Қоңқыбаев: Конкыбаев), ё and doubled
    letters (Геннадий: Генадий) evened out: spellings of one name differ in no more."""
    folded = word.translate(_KK_TO_RU_LETTERS).lower().replace("ё", "е")
    return "".join(ch for k, ch in enumerate(folded) if not k or folded[k - 1] != ch)


def _spelled_in(written: str, word: str) -> str | None:
    """How ``written``, a word of a mention, spells the name's ``word``: itself, else its start as long as the word
    or a letter longer or shorter (Қоңқыбаевтың: Қоңқыбаев; Геннадий for Генадий), where only the letters
    ``_letters_folded`` evens out differ."""
    key = _letters_folded(word)
    if _letters_folded(written) == key:
        return written
    n = len(word)
    return next(
        (written[:j] for j in (n, n + 1, n - 1) if 1 < j < len(written) and _letters_folded(written[:j]) == key), None
    )


def _spelling_rank(spelling: str, first: bool, language: str, count: int) -> tuple[bool, int, bool, int]:
    """A first name as the lists write it (Геннадий, not Генадий), then the letters of the page's language (a
    Kazakh page's Қоңқыбаев, a Russian page's Конкыбаев), then not in capitals, then the most often written."""
    kazakh = sum(ch in KAZAKH_LETTERS for ch in spelling)
    letters = kazakh if language == "kk" else -kazakh if language == "ru" else 0
    return (
        first and spelling in first_names_as_listed() and (language == "kk" or not kazakh),
        letters,
        not (spelling.isupper() and len(spelling) > 1),
        count,
    )


def _names_as_the_page_spells(found: dict[str, _Found], language: str) -> None:
    """A person the item writes more than one way (Қоңқыбаев and Қонқыбаев, Нұрлан and Нурлан: a Kazakh letter
    typed as the Russian one; ЖАСМИН ШОРМАН in a caption; Генадий and Геннадий) is one record already, as the
    ids fold those letters; it is named by the best of the item's spellings of each word (``_spelling_rank``).
    A name the item writes only in capitals is shown with capital initials (var11)."""
    for rec in found.values():
        if rec.type != "PERSON" or not rec.mentions:
            continue
        words = rec.name.split()
        if not words or any(not w.replace("-", "").isalpha() for w in words):
            continue
        seen: dict[str, int] = {}
        for *_, m in rec.mentions:
            for w in m.text.split():
                seen[w] = seen.get(w, 0) + 1
        out = []
        for k, word in enumerate(words):
            counts: dict[str, int] = {}
            for w, n in seen.items():
                spelled = _spelled_in(w, word)
                if spelled is not None and spelled[:1].isupper():
                    counts[spelled] = counts.get(spelled, 0) + n
            first = k < len(words) - 1
            best = max([word, *counts], key=lambda w: _spelling_rank(w, first, language, counts.get(w, 0)))
            if _spelling_rank(best, first, language, counts.get(best, 0)) == _spelling_rank(
                word, first, language, counts.get(word, 0)
            ):
                best = word
            if best.isupper() and len(best) > 1:
                best = "-".join(part.capitalize() for part in best.split("-"))
            out.append(best)
        rec.name = " ".join(out)
