"""Typed spans of one sentence: the Kazakh CRF (``ner``) or, for Russian and English, the gazetteer
and runs of capitalised words; then outlets named by their address and initialled names, in any language."""

from __future__ import annotations

import re
from operator import itemgetter

from worker.entities.gazetteer import GazEntry, GazMatch, load_gazetteer
from worker.entities.morphology import match_stem_kk, match_stem_ru, split_hyphen_ending
from worker.entities.ner import Span, acronym, detect_kk
from worker.entities.people import _INITIALLED, _first_name
from worker.entities.rules_en import (
    _EN_BODY_HEADS,
    _EN_HONORIFIC,
    _EN_NOT_NAMES,
    _EN_PLACE_HEADS,
    _EN_SURNAME,
    _EN_THING_HEADS,
    _EN_TITLE_WORDS,
    _ORG_WORDS_EN,
    _OUTLET_KINDS_EN,
    _SKIP_EN,
    _en_according_to,
    _en_bare,
    _en_bodies_of_fields,
    _en_body_before_name,
    _en_companies_by_legal_form,
    _en_first_name_spelt_otherwise,
    _en_of_phrase,
    _en_only_posts,
    _en_possessive_place_before_body,
    _en_post_of,
    _en_posts_before_name,
    _merge_place_into_body,
    _without_bare_outlet_kinds,
)
from worker.entities.rules_ru import (
    _ORG_WORDS_RU,
    _OUTLET_KINDS_RU,
    _RU_ADJECTIVE,
    _RU_APPOSITION_KINDS,
    _RU_AREAS,
    _RU_COMMON_CAPITALS,
    _RU_DAY_FORMS,
    _RU_GENITIVE_NOUN,
    _RU_LOWER_ADJECTIVE,
    _RU_NAMED_KINDS,
    _RU_OUTLET_NOUNS,
    _RU_PERSON_NOUN,
    _RU_PLACE_ADJECTIVE,
    _RU_PLACE_KIND_OF,
    _RU_SHORT_SURNAMES_IN_CAPITALS,
    _RU_SURNAME,
    _SKIP_RU,
    _SOURCE_PHRASES_RU,
    _SOURCE_VERBS_RU,
    _agencies_after_their_kind_ru,
    _bodies_named_in_full_ru,
    _federal_branches_by_region_ru,
    _latin_names_ru,
    _legal_acts_no_names_ru,
    _lower_ministries_ru,
    _places_by_kind_ru,
    _ru_adjective_before_quoted,
    _ru_body,
    _ru_body_words_before,
    _ru_compound_body,
    _ru_declined_quoted_name,
    _ru_first_name_of_another,
    _ru_mixed_script_brand,
    _ru_name_after_latin,
    _ru_named_kind,
    _ru_opener_before_a_name,
    _ru_person_in_nominative,
    _ru_plural_noun_before_a_name,
    _ru_quoted_list_member,
    _ru_quoted_subject,
    _ru_sole_body_keeps_home,
    _ru_surname_first,
    _ru_thing_on_a_platform,
    _russian_form_of_a_name,
    russian_titles_dropped,
)
from worker.entities.tokens import Token
from worker.text.script import CYRILLIC, CYRILLIC_UPPER
from worker.text.speech import RU_CUES

#: The state's bodies English news names by a capitalised common noun alone (told Parliament).
_EN_STATE_BODIES = frozenset(("Government", "Parliament", "Cabinet"))

_LOC_PREP = frozenset("в во из под над near in at from to into across".split())

#: One word with a capital inside, not a Scottish or Irish surname (McDonald, MacLeod, O'Brien).
_CAMEL = re.compile(rf"(?!Mc|Mac|Мак)[^\W\d_][^\W\d_A-Z{CYRILLIC_UPPER}]+[A-Z{CYRILLIC_UPPER}][^\W\d_]+")

#: Legal forms and the like that stand before an organisation's quoted name (ТОО «Жолдар», ФК «Кайрат»).
_LEGAL_FORMS = frozenset(
    "тоо ао оао зао ооо пао ип ргп кгп гу нао фк хк бк жшс ақ llp jsc llc кгу ргу ргкп гкп гккп оо оф пк пхв".split()
)

#: Kinds of firm written as an abbreviation before the quoted name that are part of that name, as news names
#: them again (СПК «Тобол»: a production cooperative, ГРЭС «Топар»: a power station, НПО: a research and
#: production association), unlike a legal form (ТОО «Жолдар» is Жолдар).
_FORMS_IN_NAME = frozenset(("спк", "грэс", "нпо", "нпк"))

_OPEN_QUOTES = frozenset('«“„"')

_CLOSE_QUOTES = frozenset('»”“"')


#: The longest word in capitals that is an acronym (ҚазАқпарат aside: МВД, КФФ, NATO); longer ones are
#: words written in capitals.
_ACRONYM_MAX = 6


def _quoted_after_form(tokens: list[Token], i: int) -> int:
    """One past the closing quote of «...» right after token ``i`` (a legal form), else -1."""
    n = len(tokens)
    if i + 2 >= n or tokens[i + 1].text not in _OPEN_QUOTES:
        return -1
    for j in range(i + 2, min(n, i + 10)):
        if tokens[j].text in _CLOSE_QUOTES:
            return j + 1 if j > i + 2 else -1
    return -1


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


#: Nouns that open an event's or a competition's name in Russian (в Лиге наций, на Кубке мира): no place.
_RU_EVENT_HEADS = frozenset(
    match_stem_ru(w) for w in ("лига", "кубок", "чемпионат", "турнир", "олимпиада", "форум", "фестиваль", "конкурс")
)


def _adjective_before_lower_case_words(tokens: list[Token], i: int, j: int) -> bool:
    """A capitalised -ский word opening a body's name, adjectives in lower case after it (Тбилисский
    государственный театр): an adjective, no surname; and a -ческий word before any lower-case word
    (Экономический фон), an adjective no surname ends like."""
    if j - i != 1 or j >= len(tokens) or not tokens[j].text.islower():
        return False
    word = tokens[i].text.lower()
    if word.endswith(_RU_NO_SURNAME_ADJECTIVE_ENDS):
        return True
    return _RU_ADJECTIVE.search(tokens[j].text) is not None and _RU_PLACE_ADJECTIVE.search(word) is not None


#: Adjective endings no Russian surname has (экономический, политическая, исторического).
_RU_NO_SURNAME_ADJECTIVE_ENDS = ("ческий", "ческая", "ческое", "ческие", "ческого", "ческой", "ческим", "ческих")


def _shorter_than_the_name(token: str, entry: GazEntry) -> bool:
    """A Russian word shorter than the name it stems like by more than an ending (Сам, Самоа): no form of it."""
    stem = match_stem_ru(token)
    lengths = [len(a) for a in entry.aliases if match_stem_ru(a) == stem]
    return bool(lengths) and len(token) < min(lengths) - 1


#: Prepositions and kinds of place before a place in Russian: a place after them is a place, whatever follows it.
_RU_BEFORE_A_PLACE = frozenset(
    (*"в во на из по к ко у от до с со за под над через".split(), *_RU_PLACE_KIND_OF)
)


#: Kinds of club, company, group or body before a quoted name (клуба «Кайрат», компании «Родник», театр «Шың»,
#: ансамбль «Серпер», кафе «Наурыз»): the name is the body's.  A housing estate's (ЖК «Самал») is a place.
_RU_BODY_KINDS_BEFORE_QUOTES = (
    *(kind for kind in _RU_APPOSITION_KINDS if kind != "жк"),
    *"команд компан завод холдинг оркестр хор профилактори".split(),
)


#: Adverbs that open a Russian sentence before a verb and end like a name that does not decline (Позже, Ранее).
_RU_OPENING_ADVERBS = frozenset(
    "сегодня вчера завтра позже позднее ранее далее также тоже однако тогда потом затем вскоре недавно давно "
    "сначала поэтому почему именно только еще ещё уже вообще итого наконец зато вдруг ниже выше вне вполне "
    "кроме после вместе вокруг внутри снова опять почти где везде никто ничто нигде".split()
)

#: Nouns in -о that do not decline (Евро, Кино): no surnames before a verb.
_RU_INDECLINABLE_NOUNS = frozenset(
    "евро кино метро радио видео фото авто бюро казино кафе пальто депо табло шоссе лото сальдо нетто брутто "
    "лобби хобби интервью ателье жюри такси".split()
)

#: Endings of abstract and collective nouns (Федерации, Возмущение, Правительство): no person's.
_RU_ABSTRACT_NOUN = re.compile(r"(?:ия|ии|ию|ние|ния|нию|ость|ости|ство|ства|ству|ция|ции|цию)$")

#: Endings in -о of Ukrainian and foreign surnames (Громыко, Бойко, Жоржиньо, Антонио) that Russian nouns
#: opening a sentence before a verb do not have (Слово взял депутат, Место занял ...).
_RU_FOREIGN_SURNAME_IN_O = re.compile(r"(?:ьо|ио|[ыйнлр]ко)$")

#: A man's or a woman's past-tense verb (забил, заявила), which a neuter noun in -о never takes (заявило).
_RU_PAST_SINGULAR = re.compile(r"[а-яё]{2,}[аеиуыяё]ла?(?:сь|ся)?")


def _a_lone_name_by_its_verb(tokens: list[Token], i: int) -> bool:
    """Whether a capitalised Cyrillic word alone is a person's surname by the verb beside it: after a speech verb
    or по словам (заявил Громыко, по словам Шойгу), or, ending in a vowel as a surname that does not decline,
    before a man's or a woman's past-tense verb (Громыко заявил, Жоржиньо забил), which a noun in -о does not
    take (Министерство заявило)."""
    word = tokens[i].text
    low = word.lower()
    if len(word) < 4 or not word.isalpha() or not word[1:].islower() or CYRILLIC.search(word) is None:
        return False
    if low in _RU_OPENING_ADVERBS or low in _SKIP_RU or _RU_PERSON_NOUN.fullmatch(low) or _ru_named_kind(word):
        return False
    before = tokens[i - 1].text.lower() if i > 0 else ""
    if before in RU_CUES or (before == "словам" and i > 1 and tokens[i - 2].text.lower() == "по"):
        return _RU_ABSTRACT_NOUN.search(low) is None  # заявил Громыко, not сообщили Федерации
    if before.isalpha():
        return False  # в Линце прошел: the verb's subject opens the sentence or follows a mark
    after = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    return (
        _RU_FOREIGN_SURNAME_IN_O.search(low) is not None
        and low not in _RU_INDECLINABLE_NOUNS
        and _RU_PAST_SINGULAR.fullmatch(after) is not None
    )


#: A man's first name's case ending and his -ов or -ин surname's in that case (Орала Тансыкбаева, Алтаю Петрову).
_RU_CASE_ENDINGS_ALIKE = {"а": "а", "у": "у", "ом": "ым", "е": "е"}


def _ru_declined_alike(word: str, after: str, entry: GazEntry) -> bool:
    """Whether a place's name in an oblique case and the surname after it decline alike, as a first name like the
    place and its surname do (работы Орала Тансыкбаева)."""
    low = after.lower()
    for ending, surname_ending in _RU_CASE_ENDINGS_ALIKE.items():
        if (
            word.endswith(ending)
            and word[: -len(ending)] in entry.aliases
            and re.search(r"(?:ов|ев|ёв|ин|ын)" + surname_ending + "$", low)
        ):
            return True
    return False


def _a_first_name_like_a_place(tokens: list[Token], m: GazMatch, matches: list[GazMatch]) -> bool:
    """Whether a place's one-word name in the nominative, no preposition before it, stands right before a surname
    the gazetteer does not know (Дунай Еспаев, Алтай Кульгинов): a first name like the place, in Kazakh names."""
    i = m.start
    if m.end != i + 1 or i + 1 >= len(tokens):
        return False
    if tokens[i].text not in m.entry.aliases and not _ru_declined_alike(tokens[i].text, tokens[i + 1].text, m.entry):
        return False
    if i > 0 and tokens[i - 1].text.lower() in _RU_BEFORE_A_PLACE:
        return False  # в Алтае Петров, города Шымкент: a place
    after = tokens[i + 1].text
    return (
        len(after) >= 5
        and after[:1].isupper()
        and after[1:].islower()
        and _RU_SURNAME.search(after.lower()) is not None
        and _RU_PLACE_ADJECTIVE.search(after.lower()) is None  # Шымкент Шымкентский театр: the next name's adjective
        and not any(o.start == i + 1 for o in matches)
    )


def _a_name_before_a_surname_place(tokens: list[Token], i: int, lang: str) -> bool:
    """``Досым Сатпаев``: a town named after someone (Сатпаев, Курчатов) right after a capitalised word the
    gazetteer does not know, inside a sentence or before a headline's colon: a first name no list holds, and the
    two a person."""
    if lang != "ru" or _RU_SURNAME.search(tokens[i].text.lower()) is None:
        return False
    first = tokens[i - 1].text
    if not (len(first) >= 3 and first.isalpha() and first[0].isupper() and not first.isupper()):
        return False
    opens = i == 1 or tokens[i - 2].text in (".", "!", "?", "\n", "«", '"', "“", ":", "—", "–", "-")
    labels = i + 1 < len(tokens) and tokens[i + 1].text == ":"
    return (not opens or labels) and load_gazetteer().lookup(first, lang) is None


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
            # из Китая, Алтая: a name in -ай in the genitive, which ends like an adjective
            and not any(a[-1:] == "й" and tokens[i].text[:-1] == a[:-1] for a in m.entry.aliases)
        ):
            continue  # Самое, Самый: an adjective, not the place its letters resemble (Самоа)
        elif (
            lang == "ru"
            and m.entry.type in ("GPE", "LOC")
            and m.end - i == 1
            and not tokens[i].text.isupper()
            and _shorter_than_the_name(tokens[i].text, m.entry)
        ):
            continue  # Сам is no Самоа
        elif lang == "ru" and m.entry.type in ("GPE", "LOC") and _a_first_name_like_a_place(tokens, m, matches):
            continue  # Дунай Еспаев, Арал Сейткали: a first name like a river's or a town's, before a surname
        elif lang == "ru" and m.end - i == 1 and not _russian_form_of_a_name(tokens[i].text, m.entry.aliases):
            # Аксу is no form of Аксай, nor Семья of Семей, nor МИА of МЭА: inside a sentence a place still, of
            # a name the gazetteer does not know
            if (
                i > 0
                and m.entry.type in ("GPE", "LOC")
                and not tokens[i].text.isupper()
                and _RU_ADJECTIVE.search(tokens[i].text.lower()) is None  # в Уголовном кодексе
            ):
                out.append(Span(m.start, m.end, m.entry.type, None))
        elif (
            m.entry.type == "PERSON"
            and m.end - i == 1
            and m.end < len(tokens)
            and tokens[m.end].text[:1].isupper()
            and tokens[m.end].text.isalpha()
            and not any(o.start == m.end for o in matches)
            and (
                m.entry.opens_name(tokens[i].text)
                or (lang == "ru" and _RU_SURNAME.search(tokens[m.end].text.lower()) is not None)
            )
        ):
            # Dimash Syzdykov: a first name the gazetteer gives someone, before another surname; Исламхан
            # Есенбаев: a known person's surname that is someone else's first name
            continue
        elif (
            lang == "ru"
            and m.entry.type == "PERSON"
            and m.end - i == 1
            and i > 0
            and not any(o.end == i for o in matches)
            and _ru_first_name_of_another(tokens[i - 1].text, m.entry, i == 1 or tokens[i - 2].text in ".!?\n")
        ):
            # аким Темирхана Рымбаева: another person of a known person's surname, whom the gazetteer does not know
            out.append(Span(i - 1, m.end, "PERSON", None))
        elif (
            m.entry.type == "PERSON"
            and m.end - i == 1
            and i > 0
            and tokens[i - 1].text[:1].isupper()
            and not any(o.end == i for o in matches)
            and _first_name(tokens[i - 1].text, lang)
        ):
            # Бердыбек Сапарбаев: a known person's surname after a first name the gazetteer spells otherwise
            out.append(Span(i - 1, m.end, "PERSON", m.entry))
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
            and (_first_name(tokens[i - 1].text, lang) or _a_name_before_a_surname_place(tokens, i, lang))
        ):
            out.append(Span(i - 1, m.end, "PERSON", None))
        else:
            out.append(Span(m.start, m.end, m.entry.type, m.entry))
    return out


#: A city's district after its name, part of the name in English (Nursat district, Zhuldyz microdistrict).
_EN_DISTRICTS = frozenset(("district", "microdistrict"))

#: Articles that open an English title inside its quotes (“The Fairy Doll”, “Le Talisman”).
_EN_TITLE_ARTICLES = frozenset(("The", "A", "An", "Le", "La", "Les", "El", "Il"))


def _quoted_title_en(tokens: list[Token], i: int, j: int) -> bool:
    """Whether English tokens ``i:j`` are all the words inside a pair of quotes, an article and a last stop
    aside: a title (a ballet, a song, a film, a book), in English text a brand's or a body's name only with a
    kind of body in it or before it."""
    k = i - 1
    if k > 0 and tokens[k].text in _EN_TITLE_ARTICLES:
        k -= 1
    if k < 0 or tokens[k].text not in _OPEN_QUOTES:
        return False
    n = len(tokens)
    if j < n and tokens[j].text in ".,!?":
        if j + 1 == n:
            return True  # “The Sleeping Beauty.”: the sentence ends before the closing quote
        j += 1
    return j < n and tokens[j].text in _CLOSE_QUOTES


def _detect_generic(tokens: list[Token], language: str) -> list[Span]:
    gaz = load_gazetteer()
    lang = language if language in ("ru", "en") else ("ru" if CYRILLIC.search(tokens[0].text) else "en")
    spans = _generic_gazetteer_spans(tokens, gaz.match(tokens, lang), lang)
    covered = {k for sp in spans for k in range(sp.start, sp.end)}
    n = len(tokens)
    for i in [i for i, t in enumerate(tokens) if t.text.lower() in _FORMS_IN_NAME and t.text.isupper()]:
        after = _quoted_after_form(tokens, i)
        inside = [sp for sp in spans if i <= sp.start < after]
        if after > 0 and all(sp.end <= after and sp.start in (i, i + 2) for sp in inside):
            # СПК «Тобол», ГРЭС «Топар»: the kind and the quoted name, one name; the kind alone or the quoted
            # words alone, where the gazetteer took them (Топар: a village), give way
            spans = [sp for sp in spans if sp not in inside]
            spans.append(Span(i, after, "ORG", None))
            covered.update(range(i, after))
    for i in [i for i, t in enumerate(tokens) if t.text.lower() in _LEGAL_FORMS]:
        after = _quoted_after_form(tokens, i)
        if after > 0 and i > 1 and tokens[i - 1].text == "на" and tokens[i - 2].text.lower() in _LEGAL_FORMS:
            covered.add(i - 2)  # ГКП на ПХВ «...»: a state enterprise's form, on the right of economic management
        if after > 0 and not any(k in covered for k in range(i, after)):
            # ТОО «Жолдар»: the name is what the quotes hold, as Kazakh text («Жолдар» ЖШС) gives it
            spans.append(Span(i + 2, after - 1, "ORG", None))
            covered.update(range(i, after))
        elif after > 0:
            covered.add(i)  # РГП «Казгидромет», the name the gazetteer's: the legal form is no name of its own
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
            # an acronym is a name of its own (Нововведение ФФК), unless the whole line is in capitals or it is a
            # byline's surname after a first name (Булат ИМАНОВ)
            and (
                acronym(tokens[j].text) == acronym(tokens[j - 1].text)
                or tokens[j].text.lower() in org_words
                or (lang == "ru" and j == i + 1 and _surname_in_capitals_ru(tokens[i].text, tokens[j].text))
            )
            and not (lang == "ru" and j == i + 2 and _surname_in_capitals_ru(tokens[i].text, tokens[i + 1].text))
            and (j - i < 4 or lang == "en" and tokens[j].text.lower() in _ORG_WORDS_EN)
            # a name does not run on into its own repeat (Сергей Демьянчук Сергей Демьянчук)
            and all(tokens[j].text != tokens[k].text for k in range(i, j))
            # an initialled name (М.Ауэзова) is a whole name: the words after it are another
            and not _initialled(tokens[j - 1].text)
            and not (lang == "ru" and _ru_name_after_latin([t.text for t in tokens[j - 1 : j + 2]]))
        ):
            j += 1
        if lang == "ru" and j == i + 3 and _surname_in_capitals_ru(tokens[i + 1].text, tokens[i + 2].text):
            j = i + 1  # Актриса Айсулу АЗИМБАЕВА: a word, then a name with its surname in capitals
        if any(len(t.text) > _ACRONYM_MAX and t.text.isupper() for t in tokens[i:j]) and not (
            lang == "ru" and j == i + 2 and _surname_in_capitals_ru(tokens[i].text, tokens[i + 1].text)
        ):
            # a line in capitals (ОЦЕНИТЕ ДЕПУТАТОВ, ПОДЕЛИТЬСЯ): words, where the gazetteer knows no name
            i = j
            continue
        if (
            lang == "ru"
            and j - i >= 3
            and not _first_name(word, lang)
            and _first_name(tokens[i + 1].text, lang)
            and not _ru_surname_first([t.text for t in tokens[i:j]])
            or lang == "ru" and j - i == 4 and _ru_surname_first([t.text for t in tokens[i + 1 : j]])
        ):
            # Жительница Айгуль Нурланова, Обвиняемый Сериков Нурлан Маратович: a capitalised noun before a first name
            # or a name in official order opens the sentence
            i += 1
            word = tokens[i].text
        elif (
            lang == "ru"
            and j - i >= 2
            and (_RU_PERSON_NOUN.fullmatch(word.lower()) or word.lower() in _RU_OPENING_ADVERBS)
            # Певица Клава Кока: the noun before a first name and a surname of any shape
            and (_RU_SURNAME.search(tokens[j - 1].text.lower()) or j - i == 3)
            and not _first_name(word, lang)
            or lang == "ru"
            and j - i in (2, 3)
            and _ru_opener_before_a_name([t.text for t in tokens[i:j]])
            or lang == "ru"
            and _ru_plural_noun_before_a_name([t.text for t in tokens[i:j]])  # s9-eru: Работы Айгуль Сериковой
        ):
            # Правозащитницу Торегожину, Блогер Сейтказиев: a noun for what the person does before the surname
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
        while lang == "en" and j - i >= 2 and word.lower() in _EN_HONORIFIC:
            # State Counselor Karin, Journalist Koishybek Mubarak: the post is no part of the name, and says
            # the rest is one
            prev = word.lower()
            i += 1
            word = tokens[i].text
            words = words[1:]
        if lang == "en" and j - i >= 3 and _en_posts_before_name(words):
            # Resident Representative Munkhtuya Altangerel: a post's words before the name are no part of it
            cut = _en_posts_before_name(words)
            i += cut
            word = tokens[i].text
            words = words[cut:]
            prev = "mr"
        elif lang == "en" and j - i >= 3 and _en_body_before_name(words):
            # s12: State Council Wang Qishan: the body a post is of, then its holder's name
            cut = _en_body_before_name(words)
            gaz = load_gazetteer()
            if not any(gaz.lookup(w, lang) is not None for w in words[cut:]):
                i += cut
                word = tokens[i].text
                words = words[cut:]
                prev = "mr"
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
            and not (j - i == 1 and _outlet_kind(word, lang))  # сообщает ИА REGNUM: the agency's kind, no name
            # пишет Айгуль Нурланова: a person may be credited too
            and (quoted or not (_first_name(word, lang) or _RU_SURNAME.search(words[-1].lower())))
            or quoted
            and i > 2
            and (tokens[i - 3].text.lower(), before.lower()) in _SOURCE_PHRASES_RU
        )
        if (
            credited
            and lang == "ru"
            and not quoted
            and j - i == 1
            and j < n
            and tokens[j].text in _RU_OUTLET_NOUNS
            and j not in covered
        ):
            j += 1  # сообщают Костанайские новости: an outlet's adjective and its noun
            words = [t.text for t in tokens[i:j]]
        if credited and quoted:
            # передает «Пятый регион», газеты «Вечерний Алматы»: the whole quoted name
            after = _quoted_after_form(tokens, i - 2)
            if after > j and not any(k in covered for k in range(j, after - 1)):
                j = after - 1
                words = [t.text for t in tokens[i:j]]
        if (
            lang == "en"
            and not credited
            and _quoted_title_en(tokens, i, j)
            and not any(w.lower() in org_words for w in words)
        ):
            # Tchaikovsky's ballet “The Sleeping Beauty.”, an adagio from “Spartacus”: a work's title, no one
            i = j
            continue
        place_adjective = lang == "ru" and j - i == 1 and _RU_PLACE_ADJECTIVE.search(word.lower()) is not None
        if lang == "en" and j - i == 1 and i > 0 and word in _EN_STATE_BODIES:
            typ = "ORG"  # told Parliament, the Government session: the country's own body, as written
        elif credited and (quoted or j - i <= 3):
            typ = "ORG"  # газете Turkistan, передает Информбюро: the outlet credited
        elif prev in _LOC_PREP and _in_quotes(tokens, i, j):
            typ = "ORG"  # в «Казахтелекоме»: a name wholly in quotes is a body's or a club's, not a place's
        elif place_adjective and j < n and _ru_body(tokens[j].text):
            # Евразийском банке развития: a capitalised adjective, a kind of body, what it is for
            typ = "ORG"
            j += 1
            if j < n and tokens[j].text.islower() and _RU_GENITIVE_NOUN.search(tokens[j].text):
                j += 1
        elif (
            lang == "ru"
            and j - i == 1
            and j < n
            and tokens[j].text in _RU_AREAS
            and (_RU_ADJECTIVE.search(word) or _RU_LOWER_ADJECTIVE.fullmatch(word.lower()))
        ):
            typ = "GPE"  # суд Енбекшинского района: the district, not a body
            j += 1
        elif (
            lang == "ru"
            and j - i == 1
            and j + 1 < n
            and tokens[j + 1].text in _RU_AREAS
            and tokens[j].text in _RU_RURAL
            and (_RU_ADJECTIVE.search(word) or _RU_LOWER_ADJECTIVE.fullmatch(word.lower()))
        ):
            typ = "GPE"  # аким Рождественского сельского округа: a rural district, named with its kind
            j += 2
        elif lang == "ru" and j - i == 1 and _ru_declined_acronym_entry(word) is not None:
            # в ЦОНе, из ЦОНа: a body's acronym the gazetteer knows, with a case ending; no place
            spans.append(Span(i, j, "ORG", _ru_declined_acronym_entry(word)))
            i = j
            continue
        elif lang == "ru" and len(words) == 1 and _ru_compound_body(word):
            typ = "ORG"  # в Генпрокуратуре, в Горакимате, Облсуд: a body's name shortened into one word
        elif lang == "ru" and len(words) == 1 and _ru_mixed_script_brand(word):
            typ = "ORG"  # Vласть: an outlet's name that mixes the scripts
        elif lang == "ru" and (
            len(words) == 1
            and (word.lower() in _RU_COMMON_CAPITALS or _ru_thing_on_a_platform(word))
            or word.lower() in _RU_DAY_FORMS
        ):
            typ = None  # (ВИДЕО), службы ЧС, Дня Победы: a caption, a common noun, a holiday
            if j < n and tokens[j].text == "РК" and word.isupper():
                spans = [sp for sp in spans if sp.start != j]  # УК РК: the country's code of laws, no place
        elif lang == "en" and prev in org_words and _first_name(word, lang) and j - i >= 2:
            typ = "PERSON"  # Sovereign Wealth Fund Berik Beisengaliyev: the body's head, then a person's name
        elif any(w.lower() in org_words for w in words) or (
            prev in org_words and j - i >= 1 and not (lang == "ru" and _ru_person_in_nominative(words))
        ):
            typ = "ORG"
        elif len(words) == 1 and word.isupper() and len(word) >= 2:
            typ = "ORG"
        elif lang == "en" and all(acronym(w) and len(w) <= 3 for w in words):
            # SC MES RK: a body's short acronyms one after another, no one's name (a line in capitals, OPEN AIR,
            # has longer words)
            typ = "ORG"
        elif len(words) == 1 and i > 0 and _CAMEL.fullmatch(word):
            typ = "ORG"  # ExxonMobil, PetroChina, КазМунайГаз: a capital inside one word is a brand's
        elif lang == "ru" and (j - i == 1 and i > 0 and tokens[i - 1].text in _OPEN_QUOTES):
            # ("Алтын балапан"): a quoted title's first word, no one's surname; but a name alone in quotes and
            # declined (позиция «Кайрата», игроки «Тобола») is a club's or a company's
            typ = "ORG" if _in_quotes(tokens, i, j) and (
                _ru_declined_quoted_name(tokens, i)
                or _ru_quoted_subject(tokens, i, j)
                # клуба «Кайрат», команды «Атырау»: a club's or a company's name after its kind, as written
                or i > 1 and tokens[i - 2].text.lower().startswith(_RU_BODY_KINDS_BEFORE_QUOTES)
                # украинской «Ворсклой»; «Астана», «Тобол» и «Елимай»: a place's adjective or a list with a club
                or _ru_adjective_before_quoted(tokens, i)
                or _ru_quoted_list_member(tokens, i, j)
            ) else None
        elif lang == "ru" and _ru_surname_first(words):
            typ = "PERSON"  # Петров Иван Сергеевич: surname, first name, patronymic, as reports write them
        elif lang == "ru" and _RU_SURNAME.search(words[-1].lower()) and (j - i >= 2 or i > 0):
            typ = None if _adjective_before_lower_case_words(tokens, i, j) else "PERSON"
        elif lang == "ru" and j - i == 1 and _a_lone_name_by_its_verb(tokens, i):
            typ = "PERSON"  # Громыко заявил, сказал Жоржиньо, по словам Шойгу: a surname that does not decline
        elif lang == "ru" and 2 <= j - i <= 3 and _in_quotes(tokens, i, j) and not _first_name(word, lang):
            # от «Ак Барса»: words wholly in quotes are a club's or a company's name, declined, or a title; no one's
            typ = (
                "ORG"
                if _ru_declined_quoted_name(tokens, i, j - 1)
                or _ru_quoted_subject(tokens, i, j)
                # театр «Бәйтерек таланттары», объединения «Общество инвалидов»: a body's name after its kind
                or i > 1
                and tokens[i - 2].text.lower().startswith(_RU_BODY_KINDS_BEFORE_QUOTES)
                else None
            )
        elif (
            lang == "ru"
            and 2 <= j - i <= 3
            and all(w.isalpha() for w in words)
            and (_first_name(word, lang) or (i > 0 and not _RU_ADJECTIVE.search(word.lower())))
            # General News: Latin words in Russian text are a person's only with a first name
            and (_first_name(word, lang) or CYRILLIC.search(word) is not None)
        ):
            # Марко Рубио, Ван И: two or three capitalised words that do not open with an adjective
            typ = "PERSON"
        elif lang == "en" and _en_post_of(tokens, i):
            typ = None  # Director of Asset Optimisation: what a post is of, no one's name
        elif lang == "en" and _en_only_posts(words):
            typ = None  # Managing Director of ...: a post, whoever holds it is named after it
        elif lang == "en" and j - i == 1 and _en_according_to(tokens, i):
            # according to Beissenova: a source; a surname's shape makes it a person's, and never a place
            typ = "PERSON" if _EN_SURNAME.search(_en_bare(word).lower()) else None
        elif lang == "en" and _en_bare(words[-1]).lower() in _EN_THING_HEADS:
            typ = None  # Alau Ice Arena, World Nomad Games: a place or an event, no person
        elif lang == "en" and j - i >= 2 and _en_bare(words[-1]).lower() in _EN_PLACE_HEADS:
            typ = None  # s12: Aksu Valley, Boszhira Mountain: a landform or a road, no person
        elif lang == "en" and any(w.lower() in _EN_NOT_NAMES for w in words):
            typ = None  # Unified National Testing: no person
        elif lang == "en" and (
            j - i >= 2 and all(w.isalpha() for w in words[:-1]) and _en_bare(words[-1]).isalpha()
            or prev in _EN_HONORIFIC
        ):
            # in a title-case headline (Experts Weigh In, Wins First Gold) only a name that looks like one
            evidence = _first_name(word, lang) or _EN_SURNAME.search(_en_bare(words[-1]).lower()) is not None
            typ = "PERSON" if evidence or prev in _EN_HONORIFIC or not title_case else None
        elif (
            prev in _LOC_PREP
            and i > 0
            and not (lang == "ru" and match_stem_ru(word) in _RU_EVENT_HEADS)
            # в Департаменте полиции: a kind of body is no place; the body rules name it with its complement
            and not (lang == "ru" and j - i == 1 and _ru_named_kind(word) is not None)
            # в Налоговый кодекс, в Уголовном кодексе: a capitalised adjective before a common noun names a thing
            and not (
                lang == "ru"
                and j - i == 1
                and j < n
                and tokens[j].text.isalpha()
                and tokens[j].text.islower()
                and (_RU_ADJECTIVE.search(word.lower()) or _RU_LOWER_ADJECTIVE.fullmatch(word.lower()))
            )
        ):
            typ = "GPE"
        if lang == "en" and typ in (None, "GPE", "LOC") and j < n and tokens[j].text in _EN_DISTRICTS:
            typ = "LOC"  # built in Nursat district: a city's district, named with its kind
            j += 1
        if typ is not None and not (i == 0 and j - i == 1 and typ != "ORG" and lang == "en"):
            spans.append(Span(i, j, typ, None))
        i = j
    if absorbed:
        spans = [sp for sp in spans if sp.start not in absorbed]
    spans.sort(key=lambda sp: sp.start)
    words_ru = list(map(itemgetter(0), tokens)) if lang == "ru" else []
    if lang == "ru":
        spans = _places_by_kind_ru(words_ru, spans)
    if lang == "en":
        spans = _merge_place_into_body(spans)
    elif any(sp.type in ("GPE", "LOC") for sp in spans):
        spans = _national_teams_ru(tokens, _bodies_of_places_ru(tokens, spans))
        spans = _bodies_of_the_home_country_ru(tokens, spans)
    if lang == "ru":
        bodies = _bodies_named_in_full_ru(words_ru, spans)
        if bodies is not spans:
            spans = _bodies_of_the_home_country_ru(tokens, bodies)
        spans = _lower_ministries_ru(words_ru, _federal_branches_by_region_ru(words_ru, spans))  # s9-eru
        spans = _agencies_after_their_kind_ru(words_ru, spans)  # s9-eru
        spans = _legal_acts_no_names_ru(words_ru, spans)  # s9-eru
    return spans


#: What a rural district's name has between its adjective and its kind (Рождественского сельского округа).
_RU_RURAL = frozenset(("сельский", "сельского", "сельском", "сельскому", "сельским", "поселковый", "поселкового"))

_KAZAKHSTAN_QID = "Q232"


def _bodies_of_the_home_country_ru(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """A body followed by the country it is Kazakhstan's of (Министерства здравоохранения Казахстана, Минздрава
    РК) is one organisation, named with those words as the page writes them: the country is no place of its own
    there."""
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == "ORG"
            and prev.end == sp.start
            and sp.entry is not None
            and sp.entry.qid == _KAZAKHSTAN_QID
            and tokens[sp.start].text in _RU_HOME_WORDS
            and not (
                prev.end - prev.start == 1
                and match_stem_ru(tokens[prev.start].text) in _RU_SOLE_BODIES
                and not _ru_sole_body_keeps_home([t.text for t in tokens], prev.start, prev.end)
            )
        ):
            out[-1] = Span(prev.start, sp.end, "ORG", prev.entry)
            continue
        out.append(sp)
    return out


#: The state's bodies named by one word that the country has only one of (Парламента РК is the Парламент).
_RU_SOLE_BODIES = frozenset(("парламент", "сенат", "мажилис", "правительств", "акорд"))

#: How Russian writes Kazakhstan after a body's name.
_RU_HOME_WORDS = frozenset(("Казахстана", "РК", "Республики"))


def _national_teams_ru(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """A country's national team (сборной Казахстана, сборная Бельгии) is an organisation, and the country a place
    the page names too."""
    out: list[Span] = []
    for sp in spans:
        if (
            sp.type in ("GPE", "LOC")
            and sp.start > 0
            and match_stem_ru(tokens[sp.start - 1].text) == "сборн"
            and (not out or out[-1].end < sp.start)
        ):
            out.append(Span(sp.start - 1, sp.end, "ORG", None))
        out.append(sp)
    return out


#: A region's or a district's kind in the genitive, between a body's acronym and the region (ДП области Абай).
_RU_AREAS_GENITIVE = frozenset(("области", "района", "города"))


def _bodies_of_places_ru(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """A body named with the place it serves in the genitive is one organisation: an acronym before a region
    (ДП области Абай, ДЧС Карагандинской области) and a body written in lower case before a place (управления
    криминальной полиции ЗКО, межрайонном суде по уголовным делам Астаны)."""
    out: list[Span] = []
    words: list[str] | None = None
    for sp in spans:
        if sp.type not in ("GPE", "LOC") or sp.start == 0:
            out.append(sp)
            continue
        gap = sp.start - 1 if tokens[sp.start - 1].text in _RU_AREAS_GENITIVE else sp.start
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == "ORG"
            and prev.end == sp.start - 1
            and tokens[prev.end].text == "города"
            and tokens[prev.end - 1].text == "района"
        ):
            # суд №2 Алмалинского района города Алматы: the city the district is in ends the body's name
            out[-1] = Span(prev.start, sp.end, "ORG", None)
            continue
        if (
            prev is not None
            and prev.type == "ORG"
            and prev.end == sp.start - 1
            and tokens[prev.end].text == "по"
            and prev.end - prev.start == 1
            and acronym(tokens[prev.start].text)
        ):
            # ДГД по Алматы, ДЧС по Карагандинской области: a local department's acronym and the place it serves
            out[-1] = Span(prev.start, sp.end, "ORG", None)
            continue
        if (
            prev is not None
            and prev.type == "ORG"
            and prev.end == gap
            and prev.end - prev.start == 1
            and acronym(tokens[prev.start].text)
            and (
                gap < sp.start
                or tokens[sp.start].text.lower() in _RU_AREAS
                or sp.end - sp.start > 1
                # a local department's or office's acronym (Департамент, Управление) before its city: ДП Алматы
                or tokens[prev.start].text[0] in "ДУ"
            )
        ):
            out[-1] = Span(prev.start, sp.end, "ORG", None)
            continue
        if words is None:
            words = [t.text for t in tokens]
        start = _ru_body_words_before(words, sp.start)
        if start >= 0 and (prev is None or prev.end <= start):
            out.append(Span(start, sp.end, "ORG", None))
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
    spans = _with_initialled_names(tokens, spans, language)
    if language == "ru" and spans:
        spans = _named_after_ru(tokens, spans)
    if language == "ru":
        spans = russian_titles_dropped(tokens, _latin_names_ru(tokens, spans, _PLATFORMS))
    if language == "en":
        spans = _en_bodies_of_fields(tokens, spans)
        spans = _without_bare_outlet_kinds(tokens, _en_companies_by_legal_form(tokens, spans))
        spans = _en_first_name_spelt_otherwise(tokens, _en_possessive_place_before_body(tokens, spans))
    if spans:
        spans = _without_cars(tokens, spans)
    if language == "ru" and spans:
        spans = _ru_first_name_read_as_place(tokens, spans)
    if language in ("kk", "ru") and spans:
        spans = _person_edges(tokens, spans, language)
    return spans


def _ru_stem_of_a_place(word: str, entry: GazEntry | None) -> bool:
    """Whether a word is a place's name in a vowel with that vowel gone (Алмат for Алматы), which no Russian case
    form of the place is: the gazetteer matched it by its stem."""
    if entry is None or entry.type not in ("GPE", "LOC"):
        return False
    low = word.lower()
    return any(
        len(a) > 3 and a.lower()[-1] in "аеиоуыэюя" and a.lower()[:-1] == low
        for a in (*entry.aliases, *entry.names.values())
    )


def _ru_first_name_read_as_place(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """A one-word place the gazetteer found by its stem, right before a one-word person whose word has a surname's
    ending, is that person's first name (s12: Алмат Жуманов, not Алматы and Жуманов): a Russian case form of a
    place in a vowel keeps an ending, so its bare stem is a name of its own."""
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and sp.type == "PERSON"
            and sp.end - sp.start == 1
            and prev.end == sp.start
            and prev.end - prev.start == 1
            and _RU_SURNAME.search(tokens[sp.start].text.lower()) is not None
            and _ru_stem_of_a_place(tokens[prev.start].text, prev.entry)
        ):
            out[-1] = Span(prev.start, sp.end, "PERSON", None)
            continue
        out.append(sp)
    return out


#: A Kazakh locative or ablative ending: a capitalised word in one after a full name is a place of the
#: sentence (Нұрлан Бекболатов Тайсойғанда), no part of the name.
_KK_PLACE_CASE = re.compile(r"\w{3,}(?:да|де|та|те|дан|ден|тан|тен|нан|нен)")
#: A surname's ending in Kazakh and Russian (Бекболатов, Құнанбайұлы, Сәрсенова).
_SURNAME_END = ("ов", "ев", "ин", "ова", "ева", "ина", "ұлы", "улы", "қызы", "кызы", "ский", "ская")


def _edge_no_name(word: str) -> bool:
    """A word no person's name has at its edge: a platform (Instagram) or a token with a digit (АИ-92)."""
    return any(ch.isdigit() for ch in word) or _one_of(word.lower(), _PLATFORMS)


def _person_edges(tokens: list[Token], spans: list[Span], language: str) -> list[Span]:
    """A person's span without the neighbour the tagger glued to it: a platform or a code with digits at either
    edge (Хамитов Instagram, АИ-92 Ақкенженов), a known place before a first name (Кенарал Орынбасар Жылкыбаев,
    in any case form), and in Kazakh a place's locative or ablative after a full name (Бекболатов Тайсойғанда)."""
    out: list[Span] = []
    gaz = None
    for sp in spans:
        s, e = sp.start, sp.end
        if sp.type == "PERSON" and e - s > 1:
            while e - s > 1 and _edge_no_name(tokens[s].text):
                s += 1
            while e - s > 1 and _edge_no_name(tokens[e - 1].text):
                e -= 1
            if e - s >= 3 and _first_name(tokens[s + 1].text, language) and not _first_name(tokens[s].text, language):
                gaz = gaz or load_gazetteer()
                place = gaz.lookup(tokens[s].text, language)
                if place is not None and place.type in ("GPE", "LOC"):
                    s += 1
            last = tokens[e - 1].text
            if (
                language == "kk"
                and e - s >= 3
                and _KK_PLACE_CASE.fullmatch(last) is not None
                and tokens[e - 2].text.lower().endswith(_SURNAME_END)
                and _given_name_shaped(tokens[e - 3].text, language)
            ):
                e -= 1
            if language == "kk" and e - s == 2 and _two_surnames(tokens[s].text, tokens[s + 1].text):
                # s12: Петрова Смирновтың, one person's surname after another's: two people, no one name
                out.append(Span(s, s + 1, sp.type, None))
                out.append(Span(s + 1, e, sp.type, None))
                continue
        out.append(sp if (s, e) == (sp.start, sp.end) else Span(s, e, sp.type, None))
    return out


def _given_name_shaped(word: str, language: str) -> bool:
    """Whether a word can open a full name before a surname: a first name the lists know, or a capitalised word
    that has neither a surname's ending nor a case ending of a place (s12: a first name the lists lack, Бекзатхан
    Сапаров Тайсойғанда, still opens the name the locative is glued to)."""
    if _first_name(word, language):
        return True
    low = word.lower()
    return (
        word[:1].isupper()
        and word.isalpha()
        and len(word) >= 3
        and not low.endswith(_SURNAME_END)
        and _KK_PLACE_CASE.fullmatch(word) is None
    )


#: A Russian-made surname, as Kazakh writes it, in the nominative or with a Kazakh case ending glued on
#: (Смирнова, Смирновтың, Волконскийге).
_RU_MADE_SURNAME = re.compile(
    r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]{2,}(?:ов|ев|ёв|ова|ева|ёва|ский|цкий|ская|цкая)"
)
_KK_CASE_AFTER_SURNAME = re.compile(
    r"(?:тың|тің|дың|дің|ның|нің|қа|ке|ға|ге|ты|ті|ды|ді|ны|ні|та|те|да|де|тан|тен|дан|ден|нан|нен|пен|бен|мен)?"
)


def _two_surnames(first: str, second: str) -> bool:
    """Whether two capitalised words are two surnames side by side (Петрова Смирновтың: two people), not one
    person's name: both have a Russian-made surname's ending (-ов, -ева, -ский; not -ин or -ын, which Kazakh first
    names also end in: Торғын), the first in the nominative, and neither is a first name the lists know.  A Kazakh
    name has one surname, after or before the first name, never two."""
    if _first_name(first, "kk") or _first_name(second, "kk"):
        return False
    if _RU_MADE_SURNAME.fullmatch(first) is None:
        return False
    return any(
        _RU_MADE_SURNAME.fullmatch(second[:k]) is not None and _KK_CASE_AFTER_SURNAME.fullmatch(second[k:]) is not None
        for k in range(len(second), 3, -1)
    )


#: Makes of cars news names as the car (Lada Priora, «Opel Vectra» автокөлігі, в «Мерседесе»), lower case,
#: in Latin and Cyrillic script.
_CAR_MAKES = frozenset(
    (
        "lada ваз жигули лада газель камаз toyota тойота volkswagen фольксваген opel опель audi ауди bmw бмв "
        "mercedes mercedes-benz мерседес мерседес-бенц hyundai хендай хёндэ хундай kia киа chevrolet шевроле "
        "nissan ниссан honda хонда mazda мазда mitsubishi митсубиси lexus лексус daewoo дэу skoda шкода "
        "renault рено ford форд subaru субару geely джили chery чери haval хавейл volvo вольво porsche порше "
        "ravon равон jac jetour zeekr tesla тесла uaz уаз"
    ).split()
)

#: Words for a vehicle after its make and model (автокөлігі, көлігімен, машинасы, автомобиль).
_VEHICLE = re.compile(r"(авто)?(көлі|машина|автомобил|автобус|жүк|джип|иномарк|внедорожник|седан|кроссовер)\w*")

#: Social networks and messengers: where a page posts, a product (the guide's), no body in Kazakh and Russian
#: news (Instagram парақшасында, в Инстаграме, мессенджер Telegram).
_PLATFORMS = frozenset(
    (
        "instagram инстаграм инстаграмм facebook фейсбук whatsapp ватсап вотсап уатсап telegram телеграм "
        "tiktok тикток тик-ток youtube ютуб ютьюб ютюб threads vk вконтакте одноклассники"
    ).split()
)


def _vehicle_around(tokens: list[Token], i: int, j: int) -> bool:
    """Whether tokens ``i:j`` name a vehicle: a model after the make (Lada Priora, Audi-100, Camry), a word for a
    vehicle after it (past a closing quote) or before it, or the make alone in quotes (в «Мерседесе»)."""
    if j - i > 1 or "-" in tokens[i].text:
        return True
    n = len(tokens)
    k = j + 1 if j < n and tokens[j].text in _CLOSE_QUOTES else j
    if k < n:
        nxt = tokens[k].text
        if k == j and (nxt[:1].isdigit() or (nxt[:1].isupper() and nxt.isascii() and nxt.isalpha())):
            return True  # Volkswagen Golf, Toyota Camry: the model
        if _VEHICLE.fullmatch(nxt.lower()) is not None:
            return True
    before = tokens[i - 1].text.lower() if i > 0 else ""
    if before in _OPEN_QUOTES and i > 1:
        if j < n and tokens[j].text in _CLOSE_QUOTES:
            return True
        before = tokens[i - 2].text.lower()
    if k < n and _RU_DRIVING.fullmatch(tokens[k].text.lower()) is not None:
        return True  # КамАЗ врезался, «Тойота» съехала в кювет: the make for the vehicle that moves
    return _VEHICLE.fullmatch(before) is not None or before in _RU_BY_A_VEHICLE


#: Verbs a vehicle does on the road, in the past (врезался, опрокинулась, съехал, сбил): a make before them is the
#: vehicle.
_RU_DRIVING = re.compile(
    r"(?:врезал|столкнул|опрокинул|перевернул|съехал|въехал|выехал|наехал|сбил|двигал|ехал|протаранил|"
    r"загорел|вылетел|застрял|занесло|задел)(?:ся|ась|ось|ись|а|о|и)?"
)

#: Words before a make that name its vehicle or its driver (марки КамАЗ, водитель «Газели», за рулём Toyota).
_RU_BY_A_VEHICLE = frozenset(("марки", "марка", "водитель", "водителя", "водителю", "рулем", "рулём", "грузовик"))


#: Words for a weapon, before its model (пистолет ПМ, из автомата Калашникова, карабин «Сайга»).
_WEAPON_BEFORE = re.compile(r"(?:пистолет|автомат|карабин|ружь|винтовк|пулемет|пулемёт|револьвер)[а-яё]{0,3}")


def _without_cars(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """Spans with no car in them: a product, which the guide does not count.  A car's make goes where the page
    names the car (Lada Priora, «Opel Vectra» автокөлігі), not where it names the company (Toyota компаниясы).
    Nor a party named by a common word where the page does not name it as a party (Ауыл шаруашылығы)."""
    drop: list[Span] = []
    for sp in spans:
        first = tokens[sp.start].text.lower()
        if _one_of(first, _CAR_MAKES) and _vehicle_around(tokens, sp.start, sp.end):
            drop.append(sp)
        elif sp.end - sp.start == 1 and sp.start > 0 and _WEAPON_BEFORE.fullmatch(tokens[sp.start - 1].text.lower()):
            drop.append(sp)  # пистолет ПМ, автомата АК-74: a weapon's model, a product
        elif sp.entry is not None and sp.entry.name_in("kk") in _COMMON_WORD_PARTIES and not _named_as_a_party(
            tokens, sp.start, sp.end
        ):
            drop.append(sp)
    if not drop:
        return spans
    return [sp for sp in spans if sp not in drop]


#: Parties whose names are common words (ауыл, a village; ақ жол, a white road): named only as parties.
_COMMON_WORD_PARTIES = frozenset(("Ауыл", "Ақ жол"))


def _named_as_a_party(tokens: list[Token], i: int, j: int) -> bool:
    """Whether tokens ``i:j`` name a party: the word party follows (Ауыл партиясы, партии «Ак жол»), past a
    closing quote, or stands before them, or they are wholly in quotes."""
    n = len(tokens)
    k = j + 1 if j < n and tokens[j].text in _CLOSE_QUOTES else j
    if any(tokens[x].text.lower().startswith(("парти", "party")) for x in range(i + 1, min(k + 1, n))):
        return True
    b = i - 2 if i > 1 and tokens[i - 1].text in _OPEN_QUOTES else i - 1
    return (b >= 0 and tokens[b].text.lower().startswith(("парти", "party"))) or _in_quotes(tokens, i, j)


def platform(name: str) -> bool:
    """Whether a name of one word is a social network's or a messenger's (Instagram, Инстаграме, Telegram-да)."""
    return " " not in name and _one_of(name.lower(), _PLATFORMS)


def _one_of(word: str, names: frozenset[str]) -> bool:
    """Whether a lower-case word is one of ``names`` in any case form (Инстаграме, Telegram-да, Мерседесе)."""
    base = word.partition("-")[0]
    return word in names or base in names or match_stem_ru(word) in names or match_stem_kk(word) in names


#: An acronym with a Russian case ending written after it (ЦОНе, ЦОНа, ЦОНом, ЕНПФ-а is none).
_RU_DECLINED_ACRONYM = re.compile(r"([А-ЯЁ]{2,5})(?:а|у|е|ом|ы|ов)")


def _ru_declined_acronym_entry(word: str) -> GazEntry | None:
    """The body of the gazetteer whose acronym ``word`` declines (ЦОНе: ЦОН), else None."""
    found = _RU_DECLINED_ACRONYM.fullmatch(word)
    if found is None:
        return None
    head = found.group(1)
    entry = load_gazetteer().lookup(head, "ru")
    return entry if entry is not None and entry.type == "ORG" and head in entry.aliases else None


def _surname_in_capitals_ru(first: str, word: str) -> bool:
    """A surname written in capitals after a first name the lists know (Зарина НОКРАБЕКОВА), as bylines and
    captions write it."""
    return (
        word.isupper()
        and word.isalpha()
        and first[:1].isupper()
        and not first.isupper()
        and (
            _RU_SURNAME.search(word.lower()) is not None
            or _a_name_in_capitals(word)
            or _ru_short_surname(first, word)
        )
        and (_first_name(first, "ru") or _an_unlisted_first_name_ru(first, word))
    )


#: A surname's ending in capitals, in the nominative (ИЗМУХАМБЕТОВ, КАБДУЛИНОВА, БЕКОВ).
_RU_SURNAME_NOMINATIVE_CAPITALS = re.compile(r"[А-ЯЁ]{3,}(?:ОВ|ЕВ|ИН|ЫН|ОВА|ЕВА|ИНА|ЫНА)")


def _ru_short_surname(first: str, word: str) -> bool:
    """A Korean surname in capitals after a first name the lists know (Татьяна ТЕН): s9-eru."""
    return word in _RU_SHORT_SURNAMES_IN_CAPITALS and _first_name(first, "ru")


def _an_unlisted_first_name_ru(first: str, word: str) -> bool:
    """A capitalised word the first-name lists lack before a surname in capitals with a surname's ending
    (Бактыкожа ИЗМУХАМБЕТОВ, Анар КАБДУЛИНОВА): a byline's first name, unless it is a word for a post or a
    body, an adjective, or a name the gazetteer knows as another thing."""
    low = first.lower()
    if len(first) < 3 or not first.isalpha() or not first[1:].islower():
        return False
    if _RU_SURNAME_NOMINATIVE_CAPITALS.fullmatch(word) is None or low in _SKIP_RU or low in _RU_OPENING_ADVERBS:
        return False
    # an adjective's -им or -ым cannot agree with a surname in the nominative: Ибрагим, Карим are first names
    adjective = _RU_ADJECTIVE.search(low) is not None and not low.endswith(("им", "ым"))
    if _RU_PERSON_NOUN.fullmatch(low) or _ru_named_kind(first) or adjective or low in _ORG_WORDS_RU:
        return False
    entry = load_gazetteer().lookup(first, "ru")
    return entry is None or entry.type == "PERSON"


def _a_name_in_capitals(word: str) -> bool:
    """A word in capitals that reads as a name, not an abbreviation (РАХАТ, ЖАКУПБЕК, not ТОО, МЧС): four
    letters or more, two vowels or more, no name the gazetteer knows."""
    vowels = sum(1 for c in word if c in "АЕЁИОУЫЭЮЯӘӨҰҮІ")
    return (
        len(word) >= 4
        and vowels >= 2
        and match_stem_ru(word.lower()) not in _RU_NAMED_KINDS
        and word.lower() not in _ORG_WORDS_RU
        and load_gazetteer().lookup(word, "ru") is None
    )


def _initialled(word: str) -> bool:
    """An initial and a surname in one token (М.Ауэзова)."""
    return word[2:3].isupper() and _INITIALLED.fullmatch(word) is not None


#: What joins a body to the person it is named after (театр им. М.Ауэзова, университет имени Абая).
_NAMED_AFTER_RU = frozenset(("им", "имени"))


#: A surname in the genitive, the whole of a body's eponym (имени Сейфуллина, им. Горького, имени Жансугурова):
#: a capitalised word after it is no part of it.
_RU_EPONYM_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ск|цк)(?:а|ого)$")


def _named_after_ru(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """A body and the person it is named after are one organisation (КГАТД им. М.Ауэзова, театр им. А. Грибоедова,
    университет имени Абая): the person is no person of the item."""
    out: list[Span] = []
    n = len(tokens)
    taken = 0
    for sp in spans:
        if sp.start < taken:
            if sp.type == "PERSON" and sp.end > taken:
                out.append(Span(taken, sp.end, "PERSON", None))  # имени Сейфуллина | Али Ахметов: who follows
            continue  # taken into the body's name
        out.append(sp)
        if sp.type != "ORG" or sp.end >= n or tokens[sp.end].text not in _NAMED_AFTER_RU:
            continue
        j = sp.end + 1
        if j < n and tokens[j].text == ".":
            j += 1
        # initials, each a capital and a stop (М. Горького, Н. Жантурина), then the name
        initials = j
        while j + 1 < n and len(tokens[j].text) == 1 and tokens[j].text.isupper() and tokens[j + 1].text == ".":
            j += 2
        if j == n and j > initials:
            # имени С. | Сейфуллина: the sentence was cut at the initial's stop; the surname after it joins the
            # name later (``merge._named_after_spaced_initials_ru``)
            out[-1] = Span(sp.start, n, "ORG", None)
            break
        end = j
        while end < n and end - j < 2 and tokens[end].text[:1].isupper() and tokens[end].text.isalpha():
            end += 1
            if j > initials or _RU_EPONYM_SURNAME.search(tokens[end - 1].text) is not None:
                break  # after initials or a surname (имени Сейфуллина Али Ахметов) the eponym is whole
        if end > j or (j < n and _initialled(tokens[j].text)):
            out[-1] = Span(sp.start, max(end, j + 1), "ORG", None)
            taken = out[-1].end
    return out


#: A web address standing for the outlet or body behind it (Tengrinews.kz, Kursiv.media, primeminister.kz).
_SITE = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:kz|ru|com|media|org|net|info|tv|news|kg|uz|az|io|me|кз)",
    re.IGNORECASE,  # a sign-off in capitals (ERNUR.KZ); the domain in Kazakh letters (Sputnik.кз)
)


#: Cyrillic letters that look like Latin ones, which a Cyrillic keyboard slips into a Latin address (Аqshamnews.kz).
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеорсух", "ABEKMHOPCTXaeopcyx")


def _site(word: str) -> str | None:
    """The address a token names an outlet by, without a Kazakh ending after a hyphen, else None."""
    split = split_hyphen_ending(word) if "-" in word else None
    site = split[0] if split is not None else word
    return site if _SITE.fullmatch(site if site.isascii() else site.translate(_LOOKALIKES)) else None


#: Marks between a credited name and the outlet's address after it.
_CREDIT_SEPARATORS = frozenset("/|")


def _in_an_address(tokens: list[Token], j: int) -> bool:
    """Token ``j``, a site's name, is part of a longer address: a link (https://site.kz/news, a slash right
    beside it) or a mail address (press@site.kz, a word right before the @): it names no outlet.  A handle
    (@Site.kz) is the outlet's."""
    start, end = tokens[j][1], tokens[j][2]
    before = tokens[j - 1] if j > 0 else None
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    if before is not None and before[2] == start:
        if before[0] == "/":
            return j < 2 or not _credited_name(tokens[j - 2][0])
        if before[0] == "@" and j > 1 and tokens[j - 2][2] == before[1]:
            return True
    if after is None or after[0] != "/" or after[1] != end:
        return False
    # a photo's credit (NUR.KZ/Петр Карандашов) puts a person's name after the slash, a link a path
    return j + 2 >= len(tokens) or not _credited_name(tokens[j + 2][0])


def _credited_name(word: str) -> bool:
    """A capitalised word in Cyrillic, which a credit puts beside an outlet's address and no link's path has."""
    return word[:1].isupper() and CYRILLIC.match(word) is not None


def _with_outlets(tokens: list[Token], spans: list[Span], language: str) -> list[Span]:
    """An outlet named by its address is an organisation of that name, whatever the span rules made of
    the words around it: the kind of outlet after it (Skifnews.kz ақпарат порталы) is no part of it, and
    neither is a place or a name beside it.  An address inside a link (https://site.kz/...) names nothing."""
    sites: list[int] = []
    links: set[int] = set()
    for j, tok in enumerate(tokens):
        if "." in tok[0] and _site(tok[0]) is not None:
            if _in_an_address(tokens, j):
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
        # what stands before the address keeps its capitalised words (Life09 ақпараттық агенттігі Ulysmedia.kz),
        # and all its words before a slash between the two (фото: Өңірлік коммуникациялар қызметі / ERNUR.KZ)
        end = inside[0]
        if end - 1 > sp.start and tokens[end - 1][0] in _CREDIT_SEPARATORS:
            end -= 1
        else:
            while end > sp.start and not tokens[end - 1][0][:1].isupper():
                end -= 1
        if end > sp.start:
            out.append(Span(sp.start, end, "ORG" if sp.type == "PERSON" else sp.type, None))
    for j in sites:
        site = _site(tokens[j][0]) or tokens[j][0]
        entry = gaz.lookup(site, lang) or _site_name(site.rsplit(".", 1)[0], lang)
        out.append(Span(j, j + 1, "ORG", entry if entry is not None and entry.type == "ORG" else None))
    out.sort(key=lambda sp: sp.start)
    return out


def _site_name(stem: str, lang: str) -> GazEntry | None:
    """The entry an address's name spells (tengrinews, kaspi), not one whose acronym it spells (kff.kz is the
    federation's site, not the federation КФФ)."""
    entry = load_gazetteer().lookup(stem, lang)
    if entry is None:
        return None
    low = stem.lower()
    named = any(a.lower() == low and not (a.isupper() and len(a) <= _ACRONYM_MAX) for a in entry.aliases)
    return entry if named else None


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
