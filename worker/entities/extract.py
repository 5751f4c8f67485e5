"""Named entities of one item, mentions merged per entity, with stable ids.

Kazakh: a CRF tagger trained on KazNERD (see ``train``) plus the gazetteer.
Russian and English: the gazetteer plus capitalisation heuristics.  Names are
put in the nominative (``morphology``), ids come from the gazetteer (a
Wikidata QID where known) or from a hash of the name's script-independent
skeleton and type (``translit``), so one person or place keeps one id across
items, languages and scripts.  Titles the gazetteer knows (Президент,
Мемлекет басшысы, Ресей Президенті) become mentions of the person they
name when that person is named in the item.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from worker.entities.compiled import use_sources_if_needed
from worker.entities.features import common_word, first_names, head_class
from worker.entities.gazetteer import GazEntry, GazMatch, hashed_id, load_gazetteer
from worker.entities.morphology import (
    match_stem_kk,
    match_stem_ru,
    nominative,
    nominative_ru,
    split_hyphen_ending,
)
from worker.entities.ner import Span, acronym, detect_kk
from worker.entities.tokens import Token, count_tokens, sentences
from worker.entities.translit import kk_cyrillic, kk_latin, skeleton
from worker.model import FIELDS, Entity, Mention
from worker.text.script import CYRILLIC, looks_latin_kazakh, script_language

__all__ = ["canonicalize", "entity_id_for", "extract_entities", "detect_spans", "guess_language"]

_CYRILLIC = CYRILLIC
guess_language = script_language


def canonicalize(surface: str, type_: str, language: str = "kk") -> str:
    """Canonical (nominative) name of a mention: the gazetteer's name, else suffixes removed."""
    entry = load_gazetteer().lookup(surface, language)
    if entry is not None and entry.type in _compatible(type_):
        return entry.name_in(language)
    words = _drop_descriptor(surface.split(), type_)
    if not words:
        return surface
    entry = load_gazetteer().lookup(" ".join(words), language)
    if entry is not None and entry.type in _compatible(type_):
        return entry.name_in(language)
    lang = language if language in ("kk", "ru", "en") else guess_language(surface)
    return " ".join(nominative(words, lang))


_DESCRIPTORS = frozenset(
    {
        "қала",
        "қаласы",
        "ауыл",
        "ауылы",
        "кент",
        "кенті",
        "город",
        "города",
        "городе",
        "село",
        "поселок",
        "посёлок",
        "city",
        "town",
        "village",
        "river",
    }
)


def _drop_descriptor(words: list[str], type_: str) -> list[str]:
    """Алматы қаласында -> Алматы: a place's generic noun is not part of its name."""
    if type_ not in ("GPE", "LOC") or len(words) < 2:
        return words
    from worker.entities.morphology import nominative_kk

    last = words[-1].lower()
    if last in _DESCRIPTORS or nominative_kk(last) in _DESCRIPTORS:
        return words[:-1]
    return words


def entity_id_for(name: str, type: str, language: str = "kk") -> str:  # noqa: A002
    """Stable id: the gazetteer's (QID where known), else ``nw:`` + hash of skeleton and type.

    ``name`` may be inflected (Жұмабековтің): it is put in the nominative first, as
    ``extract_entities`` does, so both give the same id.
    """
    entry = load_gazetteer().lookup(name, language)
    if entry is not None and entry.type in _compatible(type):
        return entry.entity_id
    canon = canonicalize(name, type, language)
    entry = load_gazetteer().lookup(canon, language)
    if entry is not None and entry.type in _compatible(type):
        return entry.entity_id
    return hashed_id(canon, _id_type(type))


def _compatible(type_: str) -> tuple[str, ...]:
    if type_ in ("GPE", "LOC"):
        return ("GPE", "LOC")
    return (type_,)


def _id_type(type_: str) -> str:
    # GPE and LOC share ids: the boundary between them is a judgement call.
    return "LOC" if type_ in ("GPE", "LOC") else type_


# --------------------------------------------------------------------------- Russian / English

_ORG_WORDS_RU = frozenset(
    "министерство министерства министерством министерстве банк банка банком банке компания компании "
    "компанию партия партии партию совет совета совете комитет комитета комитете агентство агентства "
    "фонд фонда университет университета ассоциация ассоциации корпорация корпорации служба службы "
    "суд суда прокуратура прокуратуры акимат акимата ооо оао зао ао тоо пао тв".split()
)
_ORG_WORDS_EN = frozenset(
    "ministry bank company party council committee agency fund university association corporation "
    "corp inc ltd llc group court office union organization organisation service commission "
    "institute finance capital holding holdings airlines airways telecom energy oil gas motors media "
    "partners systems technologies industries foundation exchange securities insurance investments "
    "club federation academy guard police tv".split()
)
#: English bodies named with "of" or "for" after them (Ministry of Foreign Affairs of the Republic of Kazakhstan,
#: Ministry for Emergency Situations, National Security Committee of the Republic of Kazakhstan).
_EN_BODY_HEADS = frozenset(
    "ministry committee agency department service council commission court office chamber bank fund".split()
)
#: The kinds of thing an English run of capitals names when it ends with one: a place to stay or play, an
#: event, a war (Alau Ice Arena, World Nomad Games, Great Patriotic War): no person.
_EN_THING_HEADS = frozenset(
    "arena complex hotel centre center stadium palace hall park festival games championship cup forum "
    "summit war programme program prize award olympics olympiad".split()
)
#: Surname endings of the region, in English spelling (Doskaliyev, Balzhanov, Vilkovsky, Alimkhanuly).
#: English words no person's name has (Unified National Testing, National Volunteer Network).
_EN_NOT_NAMES = frozenset(
    "national international unified republican public great world global united central regional state "
    "new first last annual".split()
)
_EN_SURNAME = re.compile(r"(ov|ev|yev|iev|ova|eva|yeva|in|ina|uly|kyzy|ky|sky|skiy|enko|uk|yuk|yan|dze|shvili)$")
_SKIP_EN = frozenset(
    "the a an in on at for from to of and but or he she it they we i this that these those his her "
    "its their our mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november december however after "
    "before when while if as by with president prime minister kazakh russian chinese american british "
    "french german turkish uzbek kyrgyz ukrainian european foreign deputy chairman chief head".split()
)
_SKIP_RU = frozenset(
    "в во на по из с со к о об от до за для и а но как что это этот эта эти он она они мы я его её "
    "их при после до также однако понедельник вторник среда четверг пятница суббота воскресенье "
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь президент премьер "
    "глава министр председатель вице-премьер аким губернатор мэр спикер депутат посол госсекретарь генсек".split()
)
_LOC_PREP = frozenset("в во из под над near in at from to into across".split())
_RU_SURNAME = re.compile(
    r"(ов|ев|ёв|ин|ын|ский|цкий|ова|ева|ина|ская|енко|ук|юк|ян|швили|дзе)(а|у|ым|ом|ой|е|ого|ому)?$"
)
#: The kinds of body a Russian name is built on: stem (``match_stem_ru``) -> nominative and gender.
_RU_BODIES = {
    **{
        stem: (stem, "m")
        for stem in "банк фонд союз совет комитет университет институт суд центр холдинг концерн".split()
    },
    **{stem: (stem + "о", "n") for stem in ("агентств", "министерств")},
    **{stem: (stem + "ия", "f") for stem in ("корпорац", "компан", "академ", "ассоциац", "федерац", "организац")},
    "палат": ("палата", "f"),
    "служб": ("служба", "f"),
    "бирж": ("биржа", "f"),
}
#: An adjective made from a place's name, in any case (Евразийском, Алматинский, Казахстанская):
#: unlike Новый or Крупный, it names the body even at the start of a sentence.
_RU_PLACE_ADJECTIVE = re.compile(r"ск(ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")
_RU_ADJECTIVE_BY_GENDER = {"m": "ий", "f": "ая", "n": "ое"}


def _russian_body(words: list[str]) -> list[str] | None:
    """Евразийском банке развития -> Евразийский банк развития: the adjective and the body in the
    nominative, what follows as it stands; None for other names."""
    if len(words) < 2:
        return None
    body = _RU_BODIES.get(match_stem_ru(words[1])) if words[1].islower() else None
    m = _RU_PLACE_ADJECTIVE.search(words[0].lower())
    if body is None or m is None:
        return None
    noun, gender = body
    adjective = words[0][: m.start(1)] + _RU_ADJECTIVE_BY_GENDER[gender]
    return [adjective, noun, *words[2:]]
#: A lower-case Russian noun in the genitive after a body (развития, реконструкции, безопасности).
_RU_GENITIVE_NOUN = re.compile(r"(ия|ии|ости|ства|ния|тия|ции|ки|ения)$")


def _ru_body(word: str) -> bool:
    return word.islower() and match_stem_ru(word) in _RU_BODIES


#: Titles that open an English run of capitalised words before a name (Secretary of State Marco Rubio).
_EN_TITLE_WORDS = frozenset(
    "state secretary governor ambassador mayor senator spokesman spokeswoman director chancellor premier "
    "envoy commissioner ceo chair".split()
)
#: One word with a capital inside, not a Scottish or Irish surname (McDonald, MacLeod, O'Brien).
_CAMEL = re.compile(r"(?!Mc|Mac|Мак)[^\W\d_][^\W\d_A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]+")
_EN_HONORIFIC = frozenset("mr mr. mrs ms dr president minister senator".split())


#: Legal forms and the like that stand before an organisation's quoted name (ТОО «Жолдар», ФК «Кайрат»).
_LEGAL_FORMS = frozenset("тоо ао оао зао ооо пао ип ргп кгп гу нао фк хк бк жшс ақ llp jsc llc".split())
_OPEN_QUOTES = frozenset('«“„"')
_CLOSE_QUOTES = frozenset('»”“"')
#: Russian adjective endings: a capitalised adjective opens a place or a body (Южная Корея), not a person.
_RU_ADJECTIVE = re.compile(r"(ая|яя|ий|ый|ой|ое|ее|ые|ие|ого|его|ому|ему|ую|юю|ых|их|ым|им|ыми|ими)$")
#: What follows a district's or region's adjective: Енбекшинского района, Улытауской области.
_RU_AREAS = frozenset(
    "район района районе районом область области областью округ округа округе округом край края крае".split()
)


_RU_AREA_NOMINATIVE = {"район": "район", "област": "область", "округ": "округ", "кра": "край"}


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Skeletons of the first names the CRF reads too: Айгүл, Айгуль and Aigul are one."""
    return frozenset(skeleton(w) for w in first_names())


def _first_name(word: str, lang: str) -> bool:
    names = _first_names()
    return skeleton(word) in names or (lang == "ru" and skeleton(match_stem_ru(word)) in names)


def _quoted_after_form(tokens: list[Token], i: int) -> int:
    """One past the closing quote of «...» right after token ``i`` (a legal form), else -1."""
    n = len(tokens)
    if i + 2 >= n or tokens[i + 1].text not in _OPEN_QUOTES:
        return -1
    for j in range(i + 2, min(n, i + 10)):
        if tokens[j].text in _CLOSE_QUOTES:
            return j + 1 if j > i + 2 else -1
    return -1


#: Kinds of outlet written before its name (газете Turkistan, телеканала «Хабар», the newspaper Turkistan): the
#: name is the outlet's, though a place has it too.  Russian by stem, English as written.
_OUTLET_KINDS_RU = frozenset(("газет", "телеканал", "канал", "агентств", "издан", "журнал", "портал", "радиостанц"))
_OUTLET_KINDS_EN = frozenset("newspaper channel agency magazine portal outlet".split())
#: Verbs that credit a source: the name after them is an outlet or a body (передает «Пятый регион»).
_SOURCE_VERBS_RU = frozenset(("передает", "передаёт", "сообщает", "пишет", "информирует"))


def _outlet_kind(word: str, lang: str) -> bool:
    low = word.lower()
    if lang == "ru":
        return match_stem_ru(low) in _OUTLET_KINDS_RU or low.rstrip("аеыиуой") in _OUTLET_KINDS_RU
    return low in _OUTLET_KINDS_EN


def _word_before(tokens: list[Token], i: int) -> tuple[str, bool]:
    """The word before token ``i`` past an opening quote, and whether a quote stood between."""
    if i > 1 and tokens[i - 1].text in _OPEN_QUOTES:
        return tokens[i - 2].text, True
    return (tokens[i - 1].text, False) if i > 0 else ("", False)


def _in_quotes(tokens: list[Token], i: int, j: int) -> bool:
    """Whether tokens ``i:j`` are wholly in quotes (a brand's, a club's, an outlet's name, never a place's)."""
    return i > 0 and j < len(tokens) and tokens[i - 1].text in _OPEN_QUOTES and tokens[j].text in _CLOSE_QUOTES


def _generic_gazetteer_spans(tokens: list[Token], matches: list[GazMatch], lang: str) -> list[Span]:
    """The gazetteer's names, except a place right after a first name: Дастан Сатпаев is a person; and a place
    after a kind of outlet names the outlet (газете Turkistan)."""
    out: list[Span] = []
    for m in matches:
        i = m.start
        if m.entry.type in ("GPE", "LOC") and i > 0 and (
            _outlet_kind(_word_before(tokens, i)[0], lang) or _in_quotes(tokens, i, m.end)
        ):
            # газете Turkistan, ФК «Астана»: an outlet or a club named like a place
            out.append(Span(m.start, m.end, "ORG", None))
        elif (
            lang == "ru"
            and m.entry.type in ("GPE", "LOC")
            and m.end - i == 1
            and _RU_ADJECTIVE.search(tokens[i].text.lower())
            and not any(_RU_ADJECTIVE.search(a.lower()) for a in m.entry.aliases)
        ):
            continue  # Самое, Самый: an adjective, not the place its letters resemble (Самоа)
        elif (
            m.entry.type == "PERSON"
            and m.end - i == 1
            and m.end < len(tokens)
            and tokens[m.end].text[:1].isupper()
            and tokens[m.end].text.isalpha()
            and not any(o.start == m.end for o in matches)
            and any(len(n.split()) > 1 and n.split()[0] == tokens[i].text for n in m.entry.names.values())
        ):
            continue  # Dimash Syzdykov: a first name the gazetteer gives someone, before another surname
        elif (
            m.entry.type == "PERSON"
            and m.end - i == 1
            and i > 0
            and tokens[i - 1].text.lower() in _RU_AREAS
            and tokens[i].text in m.entry.aliases
            and not (m.end < len(tokens) and tokens[m.end].text[:1].isupper())
        ):
            # в области Абай: a region named after a person, the name as it stands, is a place (not the
            # genitive of аким области Бердибека Сапарбаева)
            out.append(Span(i - 1, m.end, "GPE", None))
        elif (
            m.entry.type in ("GPE", "LOC")
            and m.end - i == 1
            and i > 0
            and tokens[i - 1].text[:1].isupper()
            and (not out or out[-1].end < i)
            and _first_name(tokens[i - 1].text, lang)
        ):
            out.append(Span(i - 1, m.end, "PERSON", None))
        else:
            out.append(Span(m.start, m.end, m.entry.type, m.entry))
    return out


def _detect_generic(tokens: list[Token], language: str) -> list[Span]:
    gaz = load_gazetteer()
    lang = language if language in ("ru", "en") else ("ru" if _CYRILLIC.search(tokens[0].text) else "en")
    spans = _generic_gazetteer_spans(tokens, gaz.match(tokens, lang), lang)
    covered = {k for sp in spans for k in range(sp.start, sp.end)}
    n = len(tokens)
    for i in [i for i, t in enumerate(tokens) if t.text.lower() in _LEGAL_FORMS]:
        after = _quoted_after_form(tokens, i)
        if after > 0 and not any(k in covered for k in range(i, after)):
            # ТОО «Жолдар»: the name is what the quotes hold, as Kazakh text («Жолдар» ЖШС) gives it
            spans.append(Span(i + 2, after - 1, "ORG", None))
            covered.update(range(i, after))
    skip = _SKIP_RU if lang == "ru" else _SKIP_EN
    org_words = _ORG_WORDS_RU if lang == "ru" else _ORG_WORDS_EN
    absorbed: set[int] = set()
    long_words = [t.text for t in tokens if len(t.text) >= 4 and t.text.isalpha()]
    title_case = (
        lang == "en" and len(long_words) >= 3 and sum(w[:1].isupper() for w in long_words) >= 0.7 * len(long_words)
    )
    i = 0
    while i < n:
        word = tokens[i].text
        if i in covered or not word[:1].isupper() or word.lower() in skip:
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and j not in covered
            and tokens[j].text[:1].isupper()
            # a capital И after a name is an initial or a name (Ван И), not the conjunction
            and (tokens[j].text.lower() not in skip or len(tokens[j].text) == 1)
            # an acronym is a name of its own (Нововведение ФФК), unless the whole line is in capitals
            and (acronym(tokens[j].text) == acronym(tokens[j - 1].text) or tokens[j].text.lower() in org_words)
            and j - i < 4
        ):
            j += 1
        if lang == "ru" and j - i >= 3 and not _first_name(word, lang) and _first_name(tokens[i + 1].text, lang):
            # Жительница Айгуль Нурланова: a capitalised noun before a first name opens the sentence
            i += 1
            word = tokens[i].text
        words = [t.text for t in tokens[i:j]]
        if lang == "en" and any(w.lower() in _EN_BODY_HEADS for w in words):
            # Ministry of Defence, Ministry for Emergency Situations, ... of the Republic of Kazakhstan
            end = _en_of_phrase(tokens, j)
            if end > j:
                absorbed.update(range(j, end))
                j = end
                words = [t.text for t in tokens[i:j]]
        if j - i == 1 and word.lower() in org_words:
            i = j
            continue
        prev = tokens[i - 1].text.lower() if i > 0 else ""
        if prev in _OPEN_QUOTES and i > 1:
            prev = tokens[i - 2].text.lower()  # компании «Казахтелеком»
        if lang == "en" and j - i >= 3 and word.lower() in _EN_TITLE_WORDS:
            # Secretary of State Marco Rubio: the run after "of" opens with the title's last word
            i += 1
            word = tokens[i].text
            words = words[1:]
        if lang == "en" and j - i >= 3 and not _first_name(word, lang):
            # Prosecutor General Berik Assylov, Emergency Situations Bauyrzhan Syzdykov: a post or a body's
            # words before a first name, or before the last two words when the last is a surname
            k = next((k for k in range(i + 1, j - 1) if _first_name(tokens[k].text, lang)), -1)
            last = _en_bare(words[-1])
            if k < 0 and _EN_SURNAME.search(last.lower()) and words[-2].isalpha() and last.isalpha():
                k = j - 2
            if k > i:
                i = k
                word = tokens[i].text
                words = [t.text for t in tokens[i:j]]
        typ: str | None = None
        before, quoted = _word_before(tokens, i)
        credited = _outlet_kind(before, lang) or (
            lang == "ru"
            and before.lower() in _SOURCE_VERBS_RU
            # пишет Айгуль Нурланова: a person may be credited too
            and (quoted or not (_first_name(word, lang) or _RU_SURNAME.search(words[-1].lower())))
        )
        if credited and quoted:
            # передает «Пятый регион», газеты «Вечерний Алматы»: the whole quoted name
            after = _quoted_after_form(tokens, i - 2)
            if after > j and not any(k in covered for k in range(j, after - 1)):
                j = after - 1
                words = [t.text for t in tokens[i:j]]
        place_adjective = lang == "ru" and j - i == 1 and _RU_PLACE_ADJECTIVE.search(word.lower()) is not None
        if credited and (quoted or j - i <= 3):
            typ = "ORG"  # газете Turkistan, передает Информбюро: the outlet credited
        elif prev in _LOC_PREP and _in_quotes(tokens, i, j):
            typ = "ORG"  # в «Казахтелекоме»: a name wholly in quotes is a body's or a club's, not a place's
        elif place_adjective and j < n and _ru_body(tokens[j].text):
            # Евразийском банке развития: a capitalised adjective, a kind of body, what it is for
            typ = "ORG"
            j += 1
            if j < n and tokens[j].text.islower() and _RU_GENITIVE_NOUN.search(tokens[j].text):
                j += 1
        elif lang == "ru" and j - i == 1 and j < n and tokens[j].text in _RU_AREAS and _RU_ADJECTIVE.search(word):
            typ = "GPE"  # суд Енбекшинского района: the district, not a body
            j += 1
        elif any(w.lower() in org_words for w in words) or (prev in org_words and j - i >= 1):
            typ = "ORG"
        elif len(words) == 1 and word.isupper() and len(word) >= 2:
            typ = "ORG"
        elif len(words) == 1 and i > 0 and _CAMEL.fullmatch(word):
            typ = "ORG"  # ExxonMobil, PetroChina, КазМунайГаз: a capital inside one word is a brand's
        elif lang == "ru" and _RU_SURNAME.search(words[-1].lower()) and (j - i >= 2 or i > 0):
            typ = "PERSON"
        elif (
            lang == "ru"
            and 2 <= j - i <= 3
            and all(w.isalpha() for w in words)
            and (_first_name(word, lang) or (i > 0 and not _RU_ADJECTIVE.search(word.lower())))
        ):
            # Марко Рубио, Ван И: two or three capitalised words that do not open with an adjective
            typ = "PERSON"
        elif lang == "en" and _en_bare(words[-1]).lower() in _EN_THING_HEADS:
            typ = None  # Alau Ice Arena, World Nomad Games: a place or an event, no person
        elif lang == "en" and any(w.lower() in _EN_NOT_NAMES for w in words):
            typ = None  # Unified National Testing: no person
        elif lang == "en" and (
            j - i >= 2 and all(w.isalpha() for w in words[:-1]) and _en_bare(words[-1]).isalpha()
            or prev in _EN_HONORIFIC
        ):
            # in a title-case headline (Experts Weigh In, Wins First Gold) only a name that looks like one
            evidence = _first_name(word, lang) or _EN_SURNAME.search(_en_bare(words[-1]).lower()) is not None
            typ = "PERSON" if evidence or prev in _EN_HONORIFIC or not title_case else None
        elif prev in _LOC_PREP and i > 0:
            typ = "GPE"
        if typ is not None and not (i == 0 and j - i == 1 and typ != "ORG" and lang == "en"):
            spans.append(Span(i, j, typ, None))
        i = j
    if absorbed:
        spans = [sp for sp in spans if sp.start not in absorbed]
    spans.sort(key=lambda sp: sp.start)
    if lang == "en":
        spans = _merge_place_into_body(spans)
    return spans


def _en_bare(word: str) -> str:
    """An English word without its possessive (Shibanov's, Uzabayev’s film)."""
    return word.removesuffix("'s").removesuffix("’s")


def _en_of_phrase(tokens: list[Token], j: int) -> int:
    """One past what an English body's name goes on with from token ``j``: "of" or "for" (or "and"
    after them), maybe "the", and capitalised words, as often as they come; ``j`` when nothing does."""
    n = len(tokens)
    end = j
    k = j
    while k + 1 < n and tokens[k].text in ("of", "for", "and") and (k > j or tokens[k].text != "and"):
        m = k + 1
        if tokens[m].text == "the" and tokens[k].text != "and":
            m += 1
        e = m
        while e < n and tokens[e].text[:1].isupper() and tokens[e].text.isalpha():
            e += 1
        if e == m:
            break
        end = k = e
    return end


def _merge_place_into_body(spans: list[Span]) -> list[Span]:
    """A known place that opens an organisation's name is part of it: Astana International Exchange."""
    out: list[Span] = []
    for sp in spans:
        if (
            sp.type == "ORG"
            and sp.entry is None
            and out
            and out[-1].end == sp.start
            and out[-1].type in ("GPE", "LOC")
            and out[-1].entry is not None
        ):
            out[-1] = Span(out[-1].start, sp.end, "ORG", None)
            continue
        out.append(sp)
    return out


def detect_spans(tokens: list[Token], language: str) -> list[Span]:
    """Typed spans of one sentence (no role resolution)."""
    if not tokens:
        return []
    if language == "kk":
        spans = detect_kk(tokens, inside_titles=True)
    else:
        spans = _detect_generic(tokens, language)
    spans = _with_outlets(tokens, spans, language)
    return _with_initialled_names(tokens, spans, language)


#: A web address standing for the outlet or body behind it (Tengrinews.kz, Kursiv.media, primeminister.kz).
_SITE = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:kz|ru|com|media|org|net|info|tv|news|kg|uz|az|io|me)"
)


def _site(word: str) -> str | None:
    """The address a token names an outlet by, without a Kazakh ending after a hyphen, else None."""
    split = split_hyphen_ending(word) if "-" in word else None
    site = split[0] if split is not None else word
    return site if _SITE.fullmatch(site) else None


def _with_outlets(tokens: list[Token], spans: list[Span], language: str) -> list[Span]:
    """An outlet named by its address is an organisation of that name, whatever the span rules made of
    the words around it: the kind of outlet after it (Skifnews.kz ақпарат порталы) is no part of it, and
    neither is a place or a name beside it.  An address inside a link (https://site.kz/...) names nothing."""
    sites: list[int] = []
    links: set[int] = set()
    for j, tok in enumerate(tokens):
        if "." in tok[0] and _site(tok[0]) is not None:
            if (j > 0 and tokens[j - 1][0] == "/") or (j + 1 < len(tokens) and tokens[j + 1][0] == "/"):
                links.add(j)
            else:
                sites.append(j)
    if links:
        spans = [sp for sp in spans if not (sp.end - sp.start == 1 and sp.start in links)]
    if not sites:
        return spans
    gaz = load_gazetteer()
    lang = language if language in ("kk", "ru", "en") else "kk"
    at = set(sites)
    out: list[Span] = []
    for sp in spans:
        inside = [j for j in range(sp.start, sp.end) if j in at]
        if not inside:
            out.append(sp)
            continue
        # what stands before the address keeps its capitalised words (Life09 ақпараттық агенттігі Ulysmedia.kz)
        end = inside[0]
        while end > sp.start and not tokens[end - 1][0][:1].isupper():
            end -= 1
        if end > sp.start:
            out.append(Span(sp.start, end, "ORG" if sp.type == "PERSON" else sp.type, None))
    for j in sites:
        site = _site(tokens[j][0]) or tokens[j][0]
        entry = gaz.lookup(site, lang) or gaz.lookup(site.rsplit(".", 1)[0], lang)
        out.append(Span(j, j + 1, "ORG", entry if entry is not None and entry.type == "ORG" else None))
    out.sort(key=lambda sp: sp.start)
    return out


#: An initial glued to a surname, as the press writes it (Қ.Тоқаев, Н.Назарбаевтың, A.Smagulov).
_INITIALLED = re.compile(r"[^\W\d_]\.[^\W\d_]{2,}")


def _with_initialled_names(tokens: list[Token], spans: list[Span], language: str) -> list[Span]:
    """People written as an initial and a surname in one token, which KazNERD never shows the CRF:
    the gazetteer's person where it knows the surname, else a person of that name."""
    covered = {j for sp in spans for j in range(sp.start, sp.end)}
    found: list[Span] = []
    for j, tok in enumerate(tokens):
        word = tok[0]
        if j in covered or not word[:1].isupper() or not word[2:3].isupper() or not _INITIALLED.fullmatch(word):
            continue
        entry = load_gazetteer().lookup(word[2:], language if language in ("kk", "ru", "en") else "kk")
        found.append(Span(j, j + 1, "PERSON", entry if entry is not None and entry.type == "PERSON" else None))
    if not found:
        return spans
    return sorted([*spans, *found], key=lambda sp: sp.start)


# --------------------------------------------------------------------------- merging


@dataclass
class _Found:
    entity_id: str
    name: str
    type: str
    entry: GazEntry | None
    #: (field number, start, end, mention): sorts into text order as it is
    mentions: list[tuple[int, int, int, Mention]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    types: Counter[str] = field(default_factory=Counter)
    alias_set: set[str] = field(default_factory=set)

    def add_alias(self, alias: str) -> None:
        if alias not in self.alias_set:
            self.alias_set.add(alias)
            self.aliases.append(alias)


def _name_for(span: Span, words: list[str], language: str, variant: str | None) -> str:
    if span.entry is not None:
        if variant is not None:
            return variant
        return span.entry.name_in(language)
    words = _drop_descriptor(words, span.type)
    if span.type == "PERSON" and len(words) == 3 and _PATRONYMIC.fullmatch(words[1]):
        words = [words[0], words[2]]  # the patronymic is no part of the canonical name (Тамара Ахметова)
    if language == "kk" and words[-1] in _KIND_NAMES:
        return " ".join(words)  # put in the nominative already (Қасқасу өзені)
    if language == "ru" and span.type == "GPE" and len(words) > 1 and words[0].lower() in _RU_AREAS:
        return " ".join((_RU_AREA_NOMINATIVE[match_stem_ru(words[0])], *words[1:]))  # область Абай
    if language == "ru" and span.type == "PERSON":
        person = _russian_person(words)
        if person is not None:
            return " ".join(person)
    if language == "ru" and span.type == "ORG":
        body = _russian_body(words)
        if body is not None:
            return " ".join(body)
    return " ".join(nominative(words, language if language in ("kk", "ru", "en") else "en"))


#: Russian case endings of first names: (ending, what replaces it, feminine).
_RU_FIRST_NAME_CASES = (
    ("ой", "а", True),  # Гульнарой
    ("ей", "я", True),
    ("ой", "", True),  # Гульнарой -> Гульнар, where the list spells the name Гүлнар
    ("ом", "", False),  # Бауржаном
    ("ем", "", False),
    ("ым", "", False),
    ("у", "", False),  # Дамиру
    ("а", "", False),  # Дамира
    ("я", "й", False),
    ("е", "", False),
    ("ы", "а", True),  # Гульнары
    ("и", "я", True),
    ("у", "а", True),  # Гульнару
    ("е", "а", True),
)
#: A feminine surname's oblique endings (not -ову, the masculine dative too) -> its nominative:
#: Сапаровой -> Сапарова.
_RU_FEMININE_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын)(ой|ою)$")


#: Endings only an oblique case gives a first name (Марией, Бауржаном, Дамиру), never its nominative.
_RU_OBLIQUE = ("ой", "ей", "ом", "ем", "ым", "у", "ю", "е", "ы", "и")
#: Women's first names as Russian spells them, ending in -а or -я like a man's name in the genitive
#: (Гульнара Сапарова is a woman, Дамира Жумабаева a man's genitive): the list's Kazakh spellings
#: (Гүлнар) do not say which.
_RU_WOMEN = frozenset(
    "Гульнара Гульмира Динара Жанна Мадина Камила Алия Айнура Назира Дарига Дана Роза Зарина Лаура Амина "
    "Диана Алина Аида Аяна Индира Асема Айгерима Жанара Анара Сабина Малика Фатима Зухра Гульзира Гульнура "
    "Анна Мария Елена Ольга Наталья Татьяна Ирина Светлана Екатерина Юлия Марина Галина Людмила Лариса "
    "Надежда Оксана Виктория Евгения Вера Любовь Дарья Анастасия Ксения Полина Алёна Алена Валентина".split()
)


def _russian_person(words: list[str]) -> list[str] | None:
    """A Russian "first name surname" in the nominative, the case and sex read from the first name
    (Гульнарой Сапаровой -> Гульнара Сапарова, Дамира Жумабаева -> Дамир Жумабаев, Айгуль Нурланова
    stays); a capitalised word before a first name is no part of it (Жительница Айгуль Нурланова).
    None when no first name is known."""
    names = _first_names()
    start = next(
        (k for k, w in enumerate(words[:2]) if w in _RU_WOMEN or skeleton(w) in names or _first_name(w, "ru")), -1
    )
    if start < 0 or len(words) - start != 2:
        return None
    first, last = words[start], words[start + 1]
    # the surname tells the sex where the first name's ending does not (Гульнаре: dative of both)
    feminine_surname = _RU_FEMININE_SURNAME.search(last.lower())
    if first in _RU_WOMEN or (skeleton(first) in names and not first.lower().endswith(_RU_OBLIQUE)):
        # the first name as it stands is nominative, or a woman's that Russian leaves undeclined
        # (Айгуль Нурлановой): the surname is nominative unless its ending says otherwise
        if feminine_surname is not None:
            return [first, last[: feminine_surname.start(2)] + "а"]
        return [first, last]
    low = first.lower()
    for want in (feminine_surname is not None, feminine_surname is None):
        for ending, replace, feminine in _RU_FIRST_NAME_CASES:
            if feminine != want or not low.endswith(ending) or len(low) - len(ending) < 2:
                continue
            base = first[: len(first) - len(ending)] + replace
            if base not in _RU_WOMEN and skeleton(base) not in names:
                continue
            if feminine_surname is not None:
                surname = last[: feminine_surname.start(2)] + "а"
            elif feminine:
                surname = last
            else:
                surname = " ".join(nominative_ru([last]))
            return [base, surname]
    return None



def _variant(tokens: list[Token], span: Span, language: str) -> str | None:
    if span.entry is None or not span.entry.variants:
        return None
    for m in load_gazetteer().match(tokens[span.start : span.end], language):
        if m.start == 0 and m.end == span.end - span.start:
            return m.variant
    return None


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


_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LOW = "а-яёәғқңөұүһі"
#: Latin with the letters of the Latin Kazakh alphabets (2018 and 2021) and common European names.
_LAT_UP = "A-ZÄĞİÑÖŪÜŞÉÓÚÁÇÝǴŃÍ"
_LAT_LOW = "a-zäğıñöūüşéóúáçýǵńí"
_PLAIN = rf"(?:[{_UP}]?[{_LOW}]+|[{_UP}]+|[{_LAT_UP}]?[{_LAT_LOW}]+|[{_LAT_UP}]+|\d+)"
#: A word as news spells it: one script (Cyrillic or Latin), lower case, capitalised or upper case.
_PLAIN_WORD = re.compile(rf"(?<!\w){_PLAIN}(?:[-'’.]{_PLAIN})*(?!\w)")
#: Punctuation news uses, standing alone.
_PLAIN_MARK = re.compile(r"(?<!\w)[-.'’](?!\w)|[,:;!?«»\"“”„()\[\]–—%/…№+*]")
#: A character plain words and marks do not have (another script, a symbol, a control or
#: replacement character), and a capital straight after a lower-case letter: a line with
#: neither is prose, without counting its tokens.
_ODD_CHAR = re.compile(rf"[^\s{_LAT_UP}{_LAT_LOW}0-9А-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі.,:;!?«»\"“”„()\[\]–—%/…№+*'’_-]")
_CASE_SHIFT = re.compile(rf"[{_LAT_LOW}{_LOW}][{_LAT_UP}{_UP}]")
#: Code points past which every character is odd and neither letter class (U+3000, the ideographic
#: space, is the last whitespace).
_TABLE_END = 0x3001


def _char_table() -> bytes:
    """Per code point below ``_TABLE_END``: 1 when ``_ODD_CHAR`` does not match it, 2 when it is in
    ``_CASE_SHIFT``'s lower-case class, 4 when in its capital class; read by ``_tokens.plain_chars``."""
    lower = re.compile(rf"[{_LAT_LOW}{_LOW}]")
    upper = re.compile(rf"[{_LAT_UP}{_UP}]")
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
_SOFT_BREAK = re.compile(rf"(?<!\S)[{_LOW}{_LAT_LOW}]\S*\s+|[,;:]\s+")
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


_Named = tuple[str, GazEntry | None, str, str]
#: (words, type, gazetteer id, languages) of a detected name -> how it resolves; pure, so
#: kept across items like the per-word caches (cleared when large).
_NAMED: dict[tuple[object, ...], _Named] = {}
#: What a sentence yields, by token index: titles (start, end, key) and names (start, end, resolved).
_Plan = tuple[list[tuple[int, int, tuple[str, ...]]], list[tuple[int, int, _Named]]]
#: A sentence as the item loop keeps it: its tokens (offsets where its line was first read),
#: the language it is detected in, and its plan.
_Read = tuple[list[Token], str, _Plan]
#: A name a sentence yields: how it resolves, start, end, text, and the starts of its tokens.
_Template = tuple[_Named, int, int, str, tuple[int, ...]]


#: Acronyms of common nouns, not of bodies (mass media, GDP, a higher school, a road accident, VAT, a
#: personal number, currencies), in lower case.
_COMMON_ACRONYMS = frozenset(
    "сми ввп gdp pm жоо дтп ндс жкх ққс жіө иин жсн бин бсн ict it ai icd орви жрви ковид covid ент ұбт "
    "usd eur rub kzt cny gbp jpy тг ceo vip".split()
)
#: A virus's code (H1N1, H5N1) or an identifier cut from a page (b4420179-e1b4-...): no name.
_CODE = re.compile(r"[A-Za-z]\d[A-Za-z]\d|[0-9a-f]{8}-[0-9a-f]{4}")
#: A Roman numeral (VIII съезд, XXI ғасыр): no name.
_ROMAN = re.compile(r"[IVXLC]+")


def _junk_name(words: tuple[str, ...]) -> bool:
    """A common noun's acronym, a code or an identifier, which capitals or digits made look like a name."""
    if len(words) == 1:
        word = words[0]
        split = split_hyphen_ending(word) if "-" in word else None
        bare = split[0] if split is not None else word
        if bare.lower() in _COMMON_ACRONYMS or _ROMAN.fullmatch(bare):
            return True
    return any(_CODE.search(w) for w in words)


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
                if head_class(texts[k]) == "ORG" and not (k + 1 < n and head_class(texts[k + 1]) == "ORG"):
                    end = k + 1
                    break
        if end < 0:
            out.append(sp)
            continue
        out.append(Span(sp.start, end, "ORG", None))
        skip_to = end
    return out


#: A kind of settlement or street after a one-word name: the name is a place's (Павлов елді мекені).
_SETTLEMENT = re.compile(
    r"(ауыл|кент|қала|аудан|облыс|өзен|көл|көше|даңғыл|шағынаудан|мекен)(ы|і|сы|сі)"
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
    r"(облыс|аудан|округ|өзен|көл)(тар|тер|дар|дер|лар|лер)?(ы|і)(ның|нің|нда|нде|на|не|нан|нен|н|ндағы|ндегі|мен)?"
)
#: The kind's name in the nominative, and the word before it that a rural district needs.
_KIND_NAME = {"облыс": "облысы", "аудан": "ауданы", "округ": "округі", "өзен": "өзені", "көл": "көлі"}
_KIND_NAMES = frozenset(_KIND_NAME.values())
_WATERS = frozenset(("өзені", "көлі"))
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
    if sp.entry is None or words[-1] in _WATERS:
        # a river or a lake named like a town is the river (Есіл өзені)
        return sp.start, words
    gaz = load_gazetteer()
    entry = gaz.lookup(" ".join(words), "kk")
    if entry is not None and entry.type in ("GPE", "LOC"):
        return sp.start, words
    k = sp.start - 1
    if k >= 0 and texts[k][:1].isupper() and free(k):
        entry = gaz.lookup(" ".join((texts[k], *words)), "kk")
        if entry is not None and entry.type in ("GPE", "LOC"):
            return k, (texts[k], *words)
    return None


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
        if sp.type not in ("GPE", "LOC"):
            out.append(sp)
            continue
        # the kind is the span's last word (Жамбыл облыстары), right after it (Атырау облысы), or after
        # a list of places that ends with it
        end = sp.end
        kind: tuple[int, tuple[str, ...], bool] | None = None
        own = next((k for k in range(sp.start + 1, sp.end) if (_kind_at(texts, k) or (0,))[0] == sp.end), -1)
        if own >= 0:
            kind = _kind_at(texts, own)
        elif (kind := _kind_at(texts, sp.end)) is not None:
            own, end = sp.end, kind[0]
        else:
            j = sp.end
            while j < len(texts):
                if texts[j] in _LIST_JOINS or (texts[j][:1].isupper() and free(j)):
                    j += 1  # a join, or a word of a place the spans missed (Солтүстік Қазақстан)
                elif j in starts and starts[j].type in ("GPE", "LOC"):
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
        if named is None:
            out.append(sp)
            continue
        names[named[0]] = named[1]
        out.append(Span(named[0], end, sp.type, None))
    return out, names


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
    if sent_lang == "kk" and spans:
        spans = _place_and_body(texts, _words_around_kk(texts, _home_prefix(texts, spans)))
        spans, kinds = _places_with_kinds(texts, spans)
    role_spans = load_gazetteer().match_roles(sent)
    in_role = _covering_roles(role_spans, len(sent)) if role_spans else []
    names: list[tuple[int, int, _Named]] = []
    prev_org_end = -1
    for sp in spans:
        # a one-word organisation inside a title (Үкімет төрағасы) is the title's; an acronym (ІІМ басшысы)
        # names its body still
        if (
            sp.type == "ORG"
            and sp.end - sp.start == 1
            and role_spans
            and in_role[sp.start]
            and not acronym(texts[sp.start])
        ):
            continue
        if (
            sp.type == "ORG"
            and texts[sp.start][:1].islower()
            and 0 <= prev_org_end <= sp.start <= prev_org_end + 1
            and all(not _HAS_ALNUM.search(w) for w in texts[prev_org_end : sp.start])
        ):
            continue  # «Самұрық-Қазына» ұлттық әл-ауқат қоры: the kind of body after its name is no name
        if sp.type == "ORG":
            prev_org_end = sp.end
        words = texts[sp.start : sp.end]
        if not any(_HAS_ALNUM.search(w) for w in words) or _junk_name(words):
            continue
        if sp.start in kinds:
            words = kinds[sp.start]
        nkey = (words, sp.type, sp.entry.entity_id if sp.entry else None, sent_lang, name_lang)
        res = named.get(nkey)
        if res is None:
            res = named[nkey] = _resolve(sent, sp, list(words), sent_lang, name_lang)
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


def _bare_kk(word: str, stem: str) -> bool:
    """A Kazakh title word without a case ending (Президент, Президенті): only such a title stands in
    apposition to the name after it; Қазақстан Президентіне Путиннің сәлемін is two people."""
    low = word.lower()
    return low.startswith(stem) and low[len(stem) :] in ("", "ы", "і", "сы", "сі")


#: Words that make a bare title the country's own (елдің Президенті, президент страны).
_OWN_COUNTRY = frozenset(
    ("ел", "елдің", "еліміздің", "мемлекет", "мемлекеттің", "республика", "республиканың", "страны", "республики")
)
_EN_OWN_COUNTRY = frozenset(("Kazakh", "Kazakhstan", "Kazakhstan's", "Kazakhstani", "The", "the", "Our", "our"))
#: Russian genitive nouns after a title that make it an organisation's (президент компании).
_RU_ORG_OWNERS = frozenset(
    (
        "компании",
        "банка",
        "клуба",
        "федерации",
        "ассоциации",
        "фонда",
        "университета",
        "корпорации",
        "холдинга",
        "группы",
        "союза",
        "палаты",
        "академии",
        "комитета",
        "концерна",
        "общества",
        "партии",
        "совета",
        "биржи",
        "лиги",
    )
)
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
    for whole in sentences(text, pos, end):
        for sent in _pieces(whole):
            sent_lang = name_lang = lang
            texts = tuple([t[0] for t in sent])
            if lang == "kk" and _CYRILLIC.search(text, sent[0].start, sent[-1].end) is None:
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


def _mentions_of(reads: list[_Read], text: str) -> list[_Template]:
    """The names of a sentence's pieces, where it was first read."""
    out: list[_Template] = []
    for sent, _lang, (_titles, names) in reads:
        for s, e, resolved in names:
            start, end = sent[s][1], sent[e - 1][2]
            out.append((resolved, start, end, text[start:end], tuple([t[1] for t in sent[s:e]])))
    return out


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
        lang = language if language in ("kk", "ru", "en") else guess_language(text)
        latin_field = lang == "kk" and _CYRILLIC.search(text) is None and looks_latin_kazakh(text, strict=False)
        read_lang = lang + "/latn" if latin_field else lang
        taken = taken_by_field.setdefault(name, set())
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
                    reads = _read_sentence(text, at, at + len(segment), lang, plans, named, latin_field)
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
                    elif canon.startswith(_HOME_PREFIX + " ") and not rec.name.startswith(_HOME_PREFIX):
                        rec.name = canon  # the body's name as written with ҚР, where the item gives it
                    elif entry is not None and rec.name in entry.variants and canon not in entry.variants:
                        rec.name = canon  # the full name, where the item gives it besides a short one (МВД)
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
        _russian_sex_from_item(found, fields)
    _surnames_of_the_items_people(found)
    _merge_partial_names(found)
    _merge_first_names(found)
    if language == "kk":
        _drop_sentence_openers(found, fields)
    _merge_lone_names_into_things(found)
    _propagate_names(found, seen, taken_by_field)
    _resolve_roles(found, roles)
    out: list[tuple[tuple[int, int], Entity]] = []
    for rec in found.values():
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


def _resolve(sent: list[Token], sp: Span, words: list[str], sent_lang: str, name_lang: str) -> _Named:
    """Canonical name, gazetteer entry, type and id of a detected span."""
    gaz = load_gazetteer()
    variant = _variant(sent, sp, sent_lang)
    canon = _name_for(sp, words, name_lang, variant)
    entry = sp.entry
    if entry is None:
        entry = gaz.lookup(canon, sent_lang)
        if entry is None and sp.type == "ORG":
            body = _without_home_country(canon.split(), sent_lang)
            if body is not None:
                entry = gaz.lookup(" ".join(body), sent_lang)
        if entry is not None and entry.type not in _compatible(sp.type):
            entry = None
        if entry is None and sp.type == "ORG" and name_lang == "ru" and len(words) == 1:
            entry, canon = _russian_oblique_name(canon)
        if entry is not None:
            canon = entry.name_in(name_lang)
    if (entry.type if entry is not None else sp.type) == "ORG" and words[0] == _HOME_PREFIX and len(words) > 1:
        # ҚР written before a body stays in its name, as written (ҚР Денсаулық сақтау министрлігі)
        canon = " ".join(nominative(words, "kk"))
    typ = entry.type if entry is not None else sp.type
    eid = entry.entity_id if entry is not None else hashed_id(canon, _id_type(typ))
    if sp.end - sp.start == 1 and typ == "ORG":
        # an outlet named by its address is shown as written (Tengrinews.kz), with the outlet's id
        canon = _site(words[0]) or canon
    return canon, entry, typ, eid


def _russian_oblique_name(word: str) -> tuple[GazEntry | None, str]:
    """A one-word Russian organisation in an oblique case (в «Казахтелекоме», в «Астану»): the gazetteer's
    organisation of its nominative, else the nominative of a name the gazetteer knows (a club named like
    a city), else the word as it stands."""
    gaz = load_gazetteer()
    low = word.lower()
    candidates = [word[:-2]] if low.endswith(("ом", "ем")) else []
    if low.endswith(("е", "у", "а", "ы")):
        candidates += [word[:-1], word[:-1] + "а"]
    for name in candidates:
        entry = gaz.lookup(name, "ru") if len(name) >= 3 else None
        if entry is not None and entry.type == "ORG":
            return entry, name
        if entry is not None and name in entry.aliases:
            return None, name
    return None, word


#: How a state body's name says it is Kazakhstan's: before it in Kazakh, after it in Russian and English.
_HOME_BEFORE: dict[str, tuple[tuple[str, ...], ...]] = {
    "kk": (("Қазақстан", "Республикасының"), ("Қазақстанның",), ("ҚР",), ("Қазақстан",)),
    "en": (("Kazakhstan's",), ("Kazakh",), ("Kazakhstan",)),
}
_HOME_AFTER: dict[str, tuple[tuple[str, ...], ...]] = {
    "ru": (("Республики", "Казахстан"), ("Казахстана",), ("РК",)),
    "en": (("of", "the", "Republic", "of", "Kazakhstan"), ("of", "Kazakhstan")),
}


def _without_home_country(words: list[str], lang: str) -> list[str] | None:
    """An organisation's name without the words saying it is Kazakhstan's (Қазақстан Республикасының
    Ұлттық банкі, Министерство энергетики РК), else None: the gazetteer lists the bare name."""
    for home in _HOME_BEFORE.get(lang, ()):
        k = len(home)
        if len(words) > k and tuple(words[:k]) == home:
            return words[k:]
    for home in _HOME_AFTER.get(lang, ()):
        k = len(home)
        if len(words) > k and tuple(words[-k:]) == home:
            return words[:-k]
    return None


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


def _drop_common_phrases(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """An English "person" the rules found only by its capitals (a title-case headline, Eternal Friendship,
    Natural Resources) is none when the item writes one of its words in lower case too: a name is not a
    common word.  A known first name or a surname's ending (Doskaliyev, Vilkovsky) keeps it."""
    lower: set[str] | None = None
    for eid, rec in list(found.items()):
        words = rec.name.split()
        if rec.type != "PERSON" or rec.entry is not None or len(words) < 2:
            continue
        if _first_name(words[0], "en") or _EN_SURNAME.search(words[-1].lower()):
            continue
        if lower is None:
            lower = {w for text in fields.values() if isinstance(text, str) for w in _LOWER_WORD.findall(text)}
        if any(w.lower() in lower for w in words):
            del found[eid]


#: A Russian surname of the -ов/-ев/-ин kind, split into its masculine nominative and what follows.
_RU_SURNAME_FORMS = re.compile(r"(.+(?:ов|ев|ёв|ин|ын))(а|у|ым|ом|е|ой|ою)?")
_CAPITALISED_RU = re.compile(r"(?<!\w)[А-ЯЁ][а-яё]+(?!\w)")


def _russian_sex_from_item(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """A Russian "first name surname" whose case the rules could not read (Ермухамета Шилибаева: a man's
    genitive or a woman's nominative?) takes the sex the item's other forms of the surname show: Шилибаев
    or Шилибаеву a man's, Алашбаевой a woman's; a man's first name loses the genitive's ending (Ермухамет,
    Абылай)."""
    words: set[str] | None = None
    for eid, rec in list(found.items()):
        parts = rec.name.split()
        if rec.type != "PERSON" or rec.entry is not None or len(parts) != 2:
            continue
        m = _RU_SURNAME_FORMS.fullmatch(parts[1])
        if m is None:
            continue
        if words is None:
            words = {w for text in fields.values() if isinstance(text, str) for w in _CAPITALISED_RU.findall(text)}
        masc = m.group(1)
        man = any(masc + ending in words for ending in ("", "у", "ым", "ом"))
        woman = any(masc + ending in words for ending in ("ой", "ою"))
        if man == woman:
            continue
        first = parts[0]
        if man and first not in _RU_WOMEN and first.endswith("а") and first[-2:-1] not in "аеёиоуыэюяь":
            first = first[:-1]
        elif man and first not in _RU_WOMEN and first.endswith("я") and first[-2:-1] in "аеоу":
            first = first[:-1] + "й"  # Абылая -> Абылай
        name = f"{first} {masc if man else masc + 'а'}"
        if name == rec.name:
            continue
        del found[eid]
        new_id = hashed_id(name, "PERSON")
        other = found.get(new_id)
        if other is not None:
            other.mentions.extend(rec.mentions)
            for alias in rec.aliases:
                other.add_alias(alias)
            continue
        rec.name, rec.entity_id = name, new_id
        found[new_id] = rec


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
        person.mentions.extend(rec.mentions)
        for alias in rec.aliases:
            person.add_alias(alias)
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
        if k == len(people) or (initial and not people[k].name.startswith(initial)):
            continue
        other = people[k]
        other.mentions.extend(rec.mentions)
        for alias in rec.aliases:
            other.add_alias(alias)
        del found[eid]


#: A patronymic: Kazakh (Кемелұлы, Қасымқызы) or Russian (Сергеевич, Ивановна), in any case.
_PATRONYMIC = re.compile(r"(?i).{3,}(ұлы|улы|қызы|кызы|uly|kyzy|ович|евич|овна|евна|ична|инична)\w{0,3}")


def _merge_first_names(found: dict[str, _Found]) -> None:
    """A first name alone (Жәнібек, even where a village has that name) is the person the item names in full
    with that first name, when only one such person is named; a first name with the patronymic (Тамара
    Қасымқызы) is the person the item names with both and the surname."""
    people: dict[str, list[_Found]] = {}
    for rec in found.values():
        words = rec.name.split()
        if rec.type == "PERSON" and len(words) >= 2:
            people.setdefault(skeleton(words[0]), []).append(rec)
    if not people:
        return
    for eid, rec in list(found.items()):
        words = rec.name.split()
        if rec.type == "ORG" or not words or len(words) > 2 or not _first_name(words[0], "kk"):
            continue
        others = [p for p in people.get(skeleton(words[0]), []) if p is not rec]
        if len(words) == 1:
            if rec.type == "PERSON" and rec.entry is not None:
                continue
        elif rec.type == "PERSON" and _PATRONYMIC.fullmatch(words[1]):
            # the item wrote first name, patronymic and surname together somewhere (Тамара Қасымқызы Ахметова)
            patronymic = skeleton(words[1])
            others = [
                p
                for p in others
                if any(len(a.split()) >= 3 and patronymic in {skeleton(w) for w in a.split()[1:-1]} for a in p.aliases)
            ]
        else:
            continue
        if len(others) != 1:
            continue
        person = others[0]
        person.mentions.extend(rec.mentions)
        for alias in rec.aliases:
            person.add_alias(alias)
        del found[eid]


_OPENS_SENTENCE = re.compile(r"(?:^|[.!?…»]\s+|\n\s*)$")


def _drop_sentence_openers(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """A one-word Kazakh "person" met only where a sentence opens, whose word is a common word (Роман
    оқырмандарға ұнады: the novel), is that word with the sentence's capital, when the item names no one
    in full with it (those have been merged by now)."""
    for eid, rec in list(found.items()):
        if rec.type != "PERSON" or rec.entry is not None or " " in rec.name or not common_word(rec.name):
            continue
        before = [fields.get(m.field, "")[max(0, m.start - 3) : m.start] for *_, m in rec.mentions]
        if all(_OPENS_SENTENCE.search(text) for text in before):
            del found[eid]


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
        other.mentions.extend(rec.mentions)
        for alias in rec.aliases:
            other.add_alias(alias)
        del found[eid]


def _stem_for(word: str, lang: str) -> str:
    if lang == "kk":
        return match_stem_kk(word)
    if lang == "ru":
        return match_stem_ru(word)
    return word.lower().removesuffix("'s").removesuffix("’s")


def _propagate_names(
    found: dict[str, _Found],
    seen: list[tuple[int, str, str, list[Token], int, _Plan]],
    taken_by_field: dict[str, set[int]],
) -> None:
    """A surname or one-word name alone (Жұмабековтің) is a mention of the person named in full.

    ``seen``: (field number, field, language, tokens, shift of their offsets, plan) of every
    sentence read; ``taken_by_field``: per field, the offsets of tokens already in a mention.
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
            person.mentions.append((field_no, start, end, Mention(tok[0], field_name, start, end)))
            person.add_alias(tok[0])
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
