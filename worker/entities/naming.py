"""Canonical names and ids: the nominative of a span, the gazetteer's entry where it knows the name,
and junk that only looks like a name."""

from __future__ import annotations

import re

from worker.entities.gazetteer import GazEntry, hashed_id, load_gazetteer
from worker.entities.morphology import (
    match_stem_kk,
    match_stem_ru,
    nominative,
    nominative_kk,
    nominative_kk_name,
    split_hyphen_ending,
)
from worker.entities.ner import Span, acronym
from worker.entities.people import _INITIALLED, _PATRONYMIC, _first_name
from worker.entities.records import _Named
from worker.entities.rules_en import _formal_name_of
from worker.entities.rules_kk import _HOME_PREFIX, _KIND_NAMES, _cyrillic_lookalikes, _quoted_before_its_kind
from worker.entities.rules_ru import (
    _RU_AREA_NOMINATIVE,
    _RU_AREAS,
    _RU_PLACE_PREPOSITIONS,
    _ru_akims_office_name,
    _ru_hyphenated_brand,
    _ru_joined,
    _ru_lower_ministry_name,
    _ru_place_by_kind,
    _ru_quoted_after_a_kind,
    _russian_body,
    _russian_form_of_a_name,
    _russian_local_body,
    _russian_oblique_name,
    _russian_person,
    _russian_place_nominatives,
)
from worker.entities.spans import _site
from worker.entities.tokens import Token
from worker.entities.translit import skeleton
from worker.text.script import CYRILLIC, CYRILLIC_LOWER, CYRILLIC_UPPER, script_language


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
    lang = language if language in ("kk", "ru", "en") else script_language(surface)
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


def _name_for(span: Span, words: list[str], language: str, variant: str | None) -> str:
    if span.entry is not None:
        if variant is not None:
            return variant
        known = span.entry.name_in(language)
        if language == "en" and span.entry.type != "PERSON" and not _formal_name_of(words, known):
            # English news spells Kazakh places and bodies many ways (Oskemen, Ust-Kamenogorsk; Senate, Senate of
            # Kazakhstan): the name is the page's own, the id the gazetteer's
            return _name_for(Span(span.start, span.end, span.type, None), words, language, None)
        known_person = span.type == "PERSON" and span.entry.type == "PERSON"
        if not (known_person and _as_the_page_writes(words, span.entry, language)):
            return known
        # a person the gazetteer knows is named as the page spells them (Berik Assylov, not the gazetteer's
        # Asylov; Шыңғыс Әрінов, not Арынов)
        plain = _name_for(Span(span.start, span.end, span.type, None), words, language, None)
        return _ending_as_known(_in_known_order(plain, known), words, known)
    words = _drop_descriptor(words, span.type)
    if span.type == "PERSON" and len(words) == 3 and _PATRONYMIC.fullmatch(words[1]):
        words = [words[0], words[2]]  # the patronymic is no part of the canonical name (Тамара Ахметова)
    elif span.type == "PERSON" and len(words) == 2 and _EN_PATRONYMIC.fullmatch(words[0]):
        words = words[1:]  # a sentence's first name left out, a patronymic and a surname: the surname (var11)
    elif (
        language == "kk"
        and span.type == "PERSON"
        and len(words) == 3
        and _PATRONYMIC.fullmatch(words[2])
        and not _PATRONYMIC.fullmatch(words[0])
        and _KK_SURNAME.search(words[0].lower())
    ):
        words = [words[1], words[0]]  # Сәрсенбаев Ерлан Болатұлы -> Ерлан Сәрсенбаев
    if language == "kk" and words[-1] in _KIND_NAMES:
        return " ".join(words)  # put in the nominative already (Қасқасу өзені)
    if language == "ru" and span.type == "GPE" and len(words) > 1 and words[0].lower() in _RU_AREAS:
        return " ".join((_RU_AREA_NOMINATIVE[match_stem_ru(words[0])], *words[1:]))  # область Абай
    if language == "ru" and span.type == "PERSON":
        person = _russian_person(words)
        if person is not None:
            return " ".join(person)
    if language == "ru" and span.type == "ORG" and ("им" in words or "имени" in words):
        # КГАТД им. М.Ауэзова: the person the body is named after stays in the genitive
        k = words.index("им") if "им" in words else words.index("имени")
        head = _name_for(Span(span.start, span.start + k, "ORG", None), words[:k], language, None) if k else ""
        rest = [w for w in words[k + 1 :] if w != "."]
        return " ".join((head, words[k] + ("." if words[k] == "им" else ""), *rest)).strip()
    if language == "ru" and span.type == "ORG" and _ru_akims_office_name(words) is not None:
        return str(_ru_akims_office_name(words))  # в аппарате акима Текели: Аппарат акима Текели
    if language == "ru" and span.type == "ORG":
        local = _russian_local_body(words)
        if local is not None:
            return _ru_joined(local)  # Управление криминальной полиции ЗКО
    if language == "ru" and span.type == "ORG" and len(words) > 2 and words[1] in _RU_AREAS and words[0].isupper():
        return " ".join(words)  # ДП области Абай: the acronym and its region as written
    if language == "ru" and span.type == "ORG":
        body = _russian_body(words)
        if body is not None:
            return " ".join(body)
    if language == "kk" and span.type == "ORG" and len(words) > 2:
        words = _inner_possessives(words)
    proper = span.type == "PERSON" or (span.type in ("GPE", "LOC") and len(words) == 1)
    if language == "kk" and proper and CYRILLIC.search(words[-1]):
        last = nominative_kk_name(words[-1], span.type == "PERSON")
        if span.type == "PERSON" and _kk_name_of_a_past_verb(words[-1], last):
            last = words[-1]
        nom = [*words[:-1], last]
    else:
        nom = nominative(words, language if language in ("kk", "ru", "en") else "en")
    if language == "kk" and span.type == "PERSON" and len(nom) == 2 and _surname_first(nom):
        nom = [nom[1], nom[0]]  # Оспанұлы Ернар -> Ернар Оспанұлы
    return " ".join(nom)


#: Kazakh names made of a verb's past tense (Құдайберді "God gave", Сатыбалды, Тілеукелді, Жанқалды): the last
#: -ды/-ді is the name's own, no accusative.
_KK_PAST_VERB_NAME = re.compile(r"\w{2,}(?:берді|берды|балды|келді|қалды|калды|болды)", re.IGNORECASE)


def _kk_name_of_a_past_verb(word: str, nominative: str) -> bool:
    """Whether a person's last word that lost -ды/-ді as an accusative is rather a name made of a past-tense verb
    (s12: Аманберді, not Аманбер): so unless what is left is a first name the lists know (Ерболды: the accusative
    of Ербол)."""
    return (
        nominative == word[:-2]
        and _KK_PAST_VERB_NAME.fullmatch(word) is not None
        and not _first_name(nominative, "kk")
    )


#: A Russian patronymic as English spells it (Aleksandrovich, Petrovna).
_EN_PATRONYMIC = re.compile(r"[A-Z][a-z]{2,}(?:ovich|evich|ovna|evna)")


#: A possessive noun in the genitive inside a Kazakh body's name (қаласының, әуежайының, облысының).
_INNER_GENITIVE = re.compile(r"\w{3,}(?<!лар|лер|тар|тер|дар|дер)[ыі](ның|нің)")


def _inner_possessives(words: list[str]) -> list[str]:
    """A Kazakh body's name with the genitives inside it in the nominative, as the possessive noun names
    the body (Алматы қаласы әуежайының желілік полиция бөлімі -> Алматы қаласы әуежайы желілік полиция
    бөлімі); a bare genitive (Қазақстанның) is no possessive and stays, nor does a plural's (еңбекшілерінің
    халық кеңесі: the people the body is of)."""
    return [
        w[:-3] if k < len(words) - 1 and w.islower() and _INNER_GENITIVE.fullmatch(w) else w
        for k, w in enumerate(words)
    ]


def _as_the_page_writes(words: list[str], entry: GazEntry, language: str) -> bool:
    """Whether a known person's words are a name to show as written: two or more capitalised words, no
    initial (Қ.Тоқаев keeps the gazetteer's name), and no patronymic the gazetteer's name lacks
    (Қасым-Жомарт Кемелұлы, a respectful form, is no fuller name)."""
    if len(words) < 2 or not all(w[:1].isupper() and "." not in w and len(w) > 1 for w in words):
        return False  # a surname alone keeps the gazetteer's full name
    known = entry.name_in(language)
    return not any(_PATRONYMIC.fullmatch(w) and w[:4] not in known for w in words[1:])


def _in_known_order(plain: str, known: str) -> str:
    """``plain``, a known person's two-word name as the page spells it, in the gazetteer's order where reading it
    as surname first turned it round (Димаш Құдайберген: Құдайберген reads like a compound first name)."""
    words = plain.split()
    order = [skeleton(w) for w in known.split()]
    if len(words) == 2 == len(order) and [skeleton(w) for w in reversed(words)] == order:
        return " ".join(reversed(words))
    return plain


def _ending_as_known(plain: str, words: list[str], known: str) -> str:
    """``plain``, a name put in the nominative from the page's ``words``, with a word cut too far restored from
    the gazetteer's name ``known`` where the page's word starts with it (Тілеуберді read as Тілеубер)."""
    out: list[str] = []
    for p in plain.split():
        low = p.lower()
        whole = next(
            (
                g
                for g in known.split()
                if g.lower().startswith(low)
                and len(g) > len(p)
                and any(w.lower().startswith(g.lower()) for w in words)
            ),
            None,
        )
        out.append(whole or p)
    return " ".join(out)


#: A Kazakh or Russian-style surname's ending, or a patronymic used as a surname (Бекболатов, Оспанұлы).
_KK_SURNAME = re.compile(r"(ұлы|улы|қызы|кызы|ов|ев|ёв|ова|ева|ёва|ин|ина|ын|ына)$")


def _surname_first(words: list[str]) -> bool:
    """A Kazakh "surname first name" as lists write people (Оспанұлы Ернар, Бекболатов Дәурен): the first
    word has a surname's ending or is no first name while the second is, and the second is no surname."""
    first, second = words
    if not (first[:1].isupper() and second[:1].isupper()):
        return False
    if _KK_SURNAME.search(second.lower()):
        # a first name may end like a surname in -ин (Мұхаммедәмин); after a patronymic it is one, and a woman's
        # known first name in -ина (Дина, Мадина) after a Russian-style surname is one too (Бекова Дина)
        if _s9_russian_surname_then_first_name(first, second):
            return True
        return (
            _KK_PATRONYMIC_END.search(first.lower()) is not None
            and _RU_SURNAME_END.search(second.lower()) is None
            and not _KK_PATRONYMIC_END.search(second.lower())
            and (_first_name(second, "kk") or _compound_first_name(second))
        )
    if _KK_SURNAME.search(first.lower()):
        # a first name may end like a surname in -ин or -ина (Жасмин, Әмин, Мадина, Карина): before no first name
        # it is one (var11)
        return not (
            first.lower().endswith(("ин", "ина")) and _first_name(first, "kk") and not _first_name(second, "kk")
        )
    if _first_name(first, "kk") or _compound_first_name(first):
        return False
    return _first_name(second, "kk") or _compound_first_name(second)


_KK_PATRONYMIC_END = re.compile(r"(ұлы|улы|қызы|кызы)$")


def _s9_russian_surname_then_first_name(first: str, second: str) -> bool:
    """s9-ekk: a Russian-style surname (Бекова, Ахметов) before a known first name that ends like a surname in
    -ин/-ина (Дина, Мадина, Сабина), which has no Russian surname's ending itself: a list's surname-first name."""
    return (
        _RU_SURNAME_END.search(first.lower()) is not None
        and _RU_SURNAME_END.search(second.lower()) is None
        and second.lower().endswith(("ин", "ина"))
        and _first_name(second, "kk")
        and not _first_name(first, "kk")
    )
_RU_SURNAME_END = re.compile(r"(ов|ев|ёв|ова|ева|ёва)$")


def _compound_first_name(word: str) -> bool:
    """A Kazakh first name made of two (Серікболат, Нұрислам, МұхаммедӘмин): seven letters or more, one part
    a first name the lists know, of four letters or more, the other of three or more."""
    if len(word) < 7 or not word.isalpha():
        return False
    for k in range(3, len(word) - 2):
        head, tail = word[:k], word[k:].capitalize()
        if (len(tail) >= 4 and _first_name(tail, "kk")) or (len(head) >= 4 and _first_name(head, "kk")):
            return True
    return False


def _variant(tokens: list[Token], span: Span, language: str) -> str | None:
    if span.entry is None or not span.entry.variants:
        return None
    for m in load_gazetteer().match(tokens[span.start : span.end], language):
        if m.start == 0 and m.end == span.end - span.start:
            return m.variant
    return None


#: Acronyms of common nouns, not of bodies (mass media, GDP, a higher school, a road accident, VAT, a
#: personal number, currencies, power plants, a small business, the monthly index, cattle, a state body's legal
#: form), in lower case.
_COMMON_ACRONYMS = frozenset(
    "сми ввп gdp pm жоо дтп ндс жкх ққс жіө иин жсн бин бсн ict it ai icd орви жрви ковид covid ент ұбт "
    "шоб аек іқм қмм мкк кмк рмк "
    "usd eur rub kzt cny gbp jpy тг ceo vip аэс тэц гэс".split()
)

#: A virus's code (H1N1, H5N1) or an identifier cut from a page (b4420179-e1b4-...): no name.
_CODE = re.compile(r"[A-Za-z]\d[A-Za-z]\d|[0-9a-f]{8}-[0-9a-f]{4}")

#: A Roman numeral (VIII съезд, XXI ғасыр), also typed with the Cyrillic letters that look like its own (ХХІ,
#: XVІІІ: Х and І): no name.
_ROMAN = re.compile(r"[IVXLCІХ]+")

#: A letter and a number (E1, Б3): a block's, a road's or a line's code, no name.
_SHORT_CODE = re.compile(r"[^\W\d_]\d{1,3}")


def _junk_name(words: tuple[str, ...]) -> bool:
    """A common noun's acronym, a code or an identifier, which capitals or digits made look like a name."""
    if len(words) == 1:
        word = words[0]
        split = split_hyphen_ending(word) if "-" in word else None
        bare = split[0] if split is not None else word
        if bare.lower() in _COMMON_ACRONYMS or _ROMAN.fullmatch(bare):
            return True
    if all(_SHORT_CODE.fullmatch(w) or not any(c.isalnum() for c in w) for w in words):
        return True  # (E1, E3): blocks of a housing estate
    return any(_CODE.search(w) for w in words)


def _acronyms_only(words: tuple[str, ...], language: str) -> bool:
    """Whether a person's words are all short acronyms in capitals (ОМОН ДП, СОБР ДВД: a unit and its department
    after a post's noun), none a first name the lists know: a body's, no one's name (s12)."""
    return all(
        2 <= len(w) <= 4 and w.isalpha() and w.isupper() and not _first_name(w.capitalize(), language) for w in words
    )


#: A word, a stop and a capitalised word with no space between (Тоқаев.Осы): a name's end and the next sentence.
_GLUED_STOP = re.compile(rf"([^\W\d_]{{3,}})\.[{CYRILLIC_UPPER}A-Z][{CYRILLIC_LOWER}a-z]+")


def _without_a_glued_sentence(words: list[str]) -> list[str]:
    """A person's words without the start of the next sentence glued to the last by a stop (Қасым-Жомарт
    Тоқаев.Осы -> Қасым-Жомарт Тоқаев): a page that left out the space after the stop."""
    m = _GLUED_STOP.fullmatch(words[-1]) if len(words) > 1 else None
    return [*words[:-1], m.group(1)] if m is not None else words


def _resolve(sent: list[Token], sp: Span, words: list[str], sent_lang: str, name_lang: str) -> _Named:
    """Canonical name, gazetteer entry, type and id of a detected span."""
    if sp.type == "PERSON":
        words = _without_a_glued_sentence(words)
    short = _ru_lower_ministry_name(words[0]) if name_lang == "ru" and sp.type == "ORG" and len(words) == 1 else None
    if short is not None:
        return _lower_ministry_named(short)
    if name_lang == "kk" and sp.entry is not None and _another_ones_initial(words, sp.entry):
        sp = Span(sp.start, sp.end, sp.type, None)
    home = _russian_home_words(words) if name_lang == "ru" and sp.type == "ORG" else 0
    if home:
        # Министерства здравоохранения Казахстана: the body's own name, and the country as the page writes it
        inner = Span(sp.start, sp.end - home, "ORG", sp.entry)
        canon, entry, typ, eid = _resolve(sent, inner, words[:-home], sent_lang, name_lang)
        if home == len(words) - 1 and acronym(words[0]):
            return " ".join(words), entry, typ, eid  # НОК РК: an abbreviation as the page gives it (GUIDE.md)
        return " ".join((canon, *words[-home:])), entry, typ, eid
    if name_lang == "ru" and sp.type == "ORG" and sp.entry is None and match_stem_ru(words[0]) == "сборн":
        # a national team, named as a team (Сборная Казахстана, whatever the case it stands in)
        canon = " ".join(("Сборная", *words[1:]))
        return canon, None, "ORG", hashed_id(canon, "ORG")
    if name_lang == "ru" and sp.type in ("GPE", "LOC") and sp.entry is None:
        by_kind = _ru_place_by_kind([t.text for t in sent], sp.start, sp.end)
        if by_kind is not None:
            # a place after its kind is named as the kind's rule says (улица Абая, поселок Шиликты)
            return by_kind, None, sp.type, hashed_id(by_kind, "LOC")
    gaz = load_gazetteer()
    variant = _variant(sent, sp, sent_lang)
    canon = _name_for(sp, words, name_lang, variant)
    if (
        name_lang == "kk"
        and sp.type == "ORG"
        and sp.entry is None
        and _quoted_before_its_kind([t.text for t in sent], sp.start, sp.end)
    ):
        canon = " ".join(words)  # s9-ekk: «Гүлдер» ансамблі, a quoted name as written
    quoted_after_kind = (
        name_lang == "ru"
        and sp.type == "ORG"
        and len(words) == 1
        and _ru_quoted_after_a_kind([t.text for t in sent], sp.start)
    )
    if quoted_after_kind:
        canon = words[0]  # s9-eru: в магазине «Дина», the name in apposition stays as written
    if name_lang == "kk":
        canon = _cyrillic_lookalikes(canon)
    entry = sp.entry
    if entry is None:
        entry = gaz.lookup(canon, sent_lang)
        if entry is None and sp.type == "ORG":
            body = _without_home_country(canon.split(), sent_lang)
            if body is not None:
                entry = gaz.lookup(" ".join(body), sent_lang)
        if entry is not None and entry.type not in _compatible(sp.type):
            entry = None
        if entry is None and name_lang == "kk" and len(words) == 1 and canon != words[0]:
            canon = _known_word_as_written(words[0], canon)
        if entry is not None and name_lang == "ru" and len(words) == 1:
            entry = entry if _russian_form_of_a_name(words[0], entry.aliases) else None  # Аксу is no Аксай
        if (
            entry is None
            and sp.type == "ORG"
            and name_lang == "ru"
            and len(words) == 1
            and not quoted_after_kind
        ):
            entry, canon = _russian_oblique_name(canon)
        if (
            entry is None
            and sp.type == "GPE"
            and name_lang == "ru"
            and len(words) == 1
            and sp.start > 0
            and sent[sp.start - 1].text.lower() in _RU_PLACE_PREPOSITIONS
        ):
            # в Линце, в Пуле: an unknown place in the prepositional case, named in the nominative
            forms = _russian_place_nominatives(canon)
            entry = next(
                (
                    e
                    for e in (gaz.lookup(f, "ru") for f in forms)
                    if e is not None and e.type in ("GPE", "LOC") and _russian_form_of_a_name(words[0], e.aliases)
                ),
                None,
            )
            canon = forms[0]
        if entry is not None and entry.type == "PERSON" and _as_the_page_writes(canon.split(), entry, name_lang):
            canon = _ending_as_known(canon, words, entry.name_in(name_lang))  # as the page spells them
        elif entry is not None:
            canon = entry.name_in(name_lang)
    if entry is not None and entry.type == "ORG" and _latin_in_cyrillic(words, canon, name_lang):
        canon = " ".join(words)  # Astana TV, Instagram: a Latin name in Russian text, shown as the page writes it
    if entry is not None and entry.type == "ORG" and name_lang == "ru" and _ru_hyphenated_brand(words):
        canon = words[0]  # s9-eru: «Астана-ТВ», «Хабар-24»: the outlet as the page writes it, not the gazetteer's
    if (entry.type if entry is not None else sp.type) == "ORG" and _home_country_opens(words, name_lang):
        # ҚР written before a body stays in its name, as written (ҚР Денсаулық сақтау министрлігі)
        canon = " ".join(nominative(words, "kk"))
    elif (
        (entry.type if entry is not None else sp.type) == "ORG"
        and len(words) > 2
        and (words[0], words[1]) in _REPUBLIC
    ):
        # so does Қазақстан Республикасы (Қазақстан Республикасы Төтенше жағдайлар министрлігі)
        canon = " ".join(("Қазақстан", "Республикасы", *nominative(words[2:], "kk")))
    typ = entry.type if entry is not None else sp.type
    if typ == "PERSON" and entry is None and name_lang == "kk":
        canon = _given_names_kept_whole(canon, words)
    eid = entry.entity_id if entry is not None else hashed_id(_one_team(canon), _id_type(typ))
    if sp.end - sp.start == 1 and typ == "ORG":
        # an outlet named by its address is shown as written (Tengrinews.kz), with the outlet's id
        canon = _site(words[0]) or canon
    return canon, entry, typ, eid


#: Kazakh names made with a verb's past tense in -ды/-ді: берді, "gave" (Тілеуберді, Құдайберді), келді,
#: "came" (Қойгелді, Жангелді), алды, "took" (Сатыбалды, Байдалды), қалды, "stayed": the ending is no accusative's.
_GAVE = re.compile(r"(?i)\w{2,}(?:берді|берды|гелді|келді|балды|далды|қалды|калды)")


#: The plural's endings (Мұхтар, Қайдар end as one does).
_PLURAL_ENDS = frozenset(("лар", "лер", "дар", "дер", "тар", "тер"))

#: The past tense's ending a name made of a verb ends in (ҚОЙГЕЛДІ, САТЫБАЛДЫ), which reads as an accusative too.
_PAST_ENDS = frozenset(("ДЫ", "ДІ", "ТЫ", "ТІ"))


def _given_names_kept_whole(canon: str, words: list[str]) -> str:
    """``canon`` with a name in берді, гелді, алды that the nominative cut as an accusative restored (Тілеуберді
    read as Тілеубер, Сатыбалды as Сатыбал): the page's word, where it ends so and the canonical word is it less
    ді.  A surname in capitals after a first name that is not (Мәмбет ҚОЙГЕЛДІ: a byline's or a caption's) keeps
    a past tense's ending such a name may end in: a byline names, it does not decline (var11).  Other endings
    go (Ахметжан АШИРИМЕН сұхбат: an interview's title).  A short name read as a plural (Мұхтар as Мұх) is kept
    whole too."""
    out = []
    for word in canon.split():
        whole = next((w for w in words if _GAVE.fullmatch(w) and w[:-2] == word), None)
        if whole is None and len(word) <= 3:
            # a plural's ending cut from a short name leaves no name (Мұхтар read as Мұх, Қайдар as Қай): a person
            # is named in the singular (var11)
            whole = next((w for w in words if w[len(word) :].lower() in _PLURAL_ENDS and w.startswith(word)), None)
        out.append(whole or word)
    last = words[-1]
    if (
        len(out) > 1
        and len(last) > 2
        and last.isalpha()
        and last.isupper()
        and not any(w.isupper() for w in words[:-1])
        and last.startswith(out[-1])
        and last[len(out[-1]) :] in _PAST_ENDS
    ):
        out[-1] = last
    return " ".join(out)


def _home_country_opens(words: list[str], lang: str) -> bool:
    """A body's words opening with ҚР, or with Қазақстан in the nominative (Қазақстан төтенше жағдайлар
    министрлігі, Қазақстан Ұлттық банкі): written so, the country stays in the body's name, as the page gives it."""
    if len(words) < 2:
        return False
    kazakhstan = lang == "kk" and words[0] == "Қазақстан" and (words[0], words[1]) not in _REPUBLIC
    return words[0] == _HOME_PREFIX or kazakhstan


def _another_ones_initial(words: list[str], entry: GazEntry) -> bool:
    """Whether an initialled surname (Р.Ескалиевтің) names someone other than the gazetteer's person of that
    surname (Ғали Ескалиев): the initial is not their first name's.  Such a person is named as the page names
    them, in the nominative (Р.Ескалиев), no known person's name."""
    return (
        entry.type == "PERSON"
        and len(words) == 1
        and _INITIALLED.fullmatch(words[0]) is not None
        and entry.name_in("kk")[:1] != words[0][:1]
    )


def _lower_ministry_named(short: str) -> _Named:
    """A ministry's one-word name written in lower case (в минтруде, минздрава) under its capitalised short name
    (Минтруд, Минздрав), as the page gives it (GUIDE.md), with the gazetteer's entry when it knows the name."""
    entry = load_gazetteer().lookup(short, "ru")
    if entry is not None and entry.type != "ORG":
        entry = None
    return short, entry, "ORG", entry.entity_id if entry is not None else hashed_id(short, "ORG")


def _known_word_as_written(word: str, canon: str) -> str:
    """A one-word Kazakh name the gazetteer knows exactly as written (Қызылорда, in «Қазақстан-Қызылорда»
    телеарнасы) is in the nominative already: what looks like a case ending on it (-да) is its own letters,
    not to be cut (Қызылор), whatever the span's type."""
    whole = load_gazetteer().lookup(word, "kk")
    return word if whole is not None and word in whole.aliases else canon


def _one_team(name: str) -> str:
    """A name to take an id from: a country's team and its national team are one team (Қазақстан құрамасы,
    Қазақстан ұлттық құрамасы), which keeps the name the item gives it; and the national team a Kazakh item
    names with no country (Ұлттық құрама) is Kazakhstan's."""
    if name in _HOME_TEAM:
        return "Қазақстан құрамасы"
    if name.endswith(" құрамасы") and " ұлттық " in name:
        return name.replace(" ұлттық ", " ")
    return name


_HOME_TEAM = frozenset(("Ұлттық құрама", "Ұлттық құрамасы"))


def _russian_home_words(words: list[str]) -> int:
    """How many last words of a Russian body's name say it is Kazakhstan's (Казахстана, РК, Республики
    Казахстан), 0 when none do or nothing else is left."""
    for home in _HOME_AFTER["ru"]:
        k = len(home)
        if len(words) > k and tuple(words[-k:]) == home:
            return k
    return 0


_LATIN_NAME = re.compile(r"[A-Za-z][\w+&.'’-]*")


def _latin_in_cyrillic(words: list[str], canon: str, language: str) -> bool:
    """A Latin-script name of a body (Astana TV, Instagram, Egemen Qazaqstan) where Russian or Kazakh text would
    show the gazetteer's Cyrillic one: the page's own spelling is the name."""
    return (
        language in ("ru", "kk")
        and bool(words)
        and all(_LATIN_NAME.fullmatch(w) for w in words)
        and script_language(canon) != "en"
        # a Kazakh name the gazetteer gives with Latin in it is the page's own already (Sputnik Қазақстан)
        and (language == "ru" or _LATIN_NAME.search(canon) is None)
    )


#: How a state body's name says it is Kazakhstan's: before it in Kazakh, after it in Russian and English.
_HOME_BEFORE: dict[str, tuple[tuple[str, ...], ...]] = {
    "kk": (("Қазақстан", "Республикасының"), ("Қазақстан", "Республикасы"), ("Қазақстанның",), ("ҚР",), ("Қазақстан",)),
    "en": (("Kazakhstan's",), ("Kazakh",), ("Kazakhstan",)),
}

_HOME_AFTER: dict[str, tuple[tuple[str, ...], ...]] = {
    "ru": (("Республики", "Казахстан"), ("Казахстана",), ("РК",)),
    "en": (("of", "the", "Republic", "of", "Kazakhstan"), ("of", "Kazakhstan")),
}


#: The Republic written before a Kazakh body's name, which stays in it as the ҚР prefix does.
_REPUBLIC = frozenset((("Қазақстан", "Республикасы"), ("Қазақстан", "Республикасының")))


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


def _stem_for(word: str, lang: str) -> str:
    if lang == "kk":
        return match_stem_kk(word)
    if lang == "ru":
        return match_stem_ru(word)
    return _en_surname_spellings_folded(word.lower().removesuffix("'s").removesuffix("’s"))


#: A "y" English spelling writes between a vowel and a surname's -ev/-eva ending, and one page may leave out
#: (Imanaliyev and Imanaliev, Beisembayev and Beisembaev): one surname.
_EN_Y_BEFORE_EV = re.compile(r"(?<=[aeiou])y(?=eva?$)")


def _en_surname_spellings_folded(word: str) -> str:
    """An English surname's key with its spelling variants folded (imanaliyev -> imanaliev)."""
    return _EN_Y_BEFORE_EV.sub("", word) if word.endswith(("ev", "eva")) else word
