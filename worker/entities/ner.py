"""Span detection: the Kazakh CRF tagger combined with gazetteer matches."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycrfsuite

from worker.entities.compiled import use_sources_if_needed
from worker.entities.features import SentenceAttributes, attribute_ids, first_names, head_class
from worker.entities.gazetteer import GazEntry, GazMatch, load_gazetteer
from worker.entities.kaznerd import to_iob2
from worker.entities.morphology import match_stem_kk, nominative_kk
from worker.entities.people import _INITIALLED
from worker.entities.tokens import Token

__all__ = ["Span", "acronym", "detect_kk", "load_tagger", "model_attributes", "MODEL_PATH", "OUTPUT_TYPE"]

MODEL_PATH = Path(__file__).with_name("data") / "kk_ner.crfsuite"

#: KazNERD class -> output type.
OUTPUT_TYPE = {
    "PERSON": "PERSON",
    "ORGANISATION": "ORG",
    "GPE": "GPE",
    "LOCATION": "LOC",
    "FACILITY": "FAC",
    "EVENT": "EVENT",
    "NORP": "NORP",
}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    """Index of the first token."""
    end: int
    """Index one past the last token."""
    type: str
    entry: GazEntry | None


@cache
def load_tagger() -> pycrfsuite.Tagger:
    """The committed CRF model, opened once."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


@cache
def model_attributes() -> frozenset[str]:
    """Attributes with a weight in the model; others need not be passed to the tagger."""
    return frozenset(attr for attr, _label in load_tagger().info().state_features)


@dataclass(frozen=True, slots=True)
class _Weights:
    """A model's weights as ``worker.entities._crf`` reads them (rows in ``attribute_ids`` order)."""

    state: bytes
    """attributes x labels, float64."""
    transitions: bytes
    """labels x labels (from, to), float64."""
    labels: list[str]
    """Label of each index."""
    viterbi: Callable[[bytes, bytes, int, list[int], list[int]], list[int]]
    """``worker.entities._crf.viterbi``."""


@cache
def _weights(tagger: object) -> _Weights | None:
    """``tagger``'s weights for the compiled decoder; None where that is not built, or for a
    tagger that is not a python-crfsuite one (tests stand one in)."""
    if not isinstance(tagger, pycrfsuite.Tagger) or use_sources_if_needed() != "compiled":
        return None
    try:
        from worker.entities import _crf
    except ImportError:
        return None
    import array

    info = tagger.info()
    labels: list[str] = list(tagger.labels())
    index = {label: k for k, label in enumerate(labels)}
    ids = attribute_ids(frozenset(attr for attr, _label in info.state_features))
    n = len(labels)
    state = array.array("d", bytes(8 * n * len(ids)))
    for (attr, label), weight in info.state_features.items():
        state[ids[attr] * n + index[label]] = weight
    trans = array.array("d", bytes(8 * n * n))
    for (src, dst), weight in info.transitions.items():
        trans[index[src] * n + index[dst]] = weight
    return _Weights(state.tobytes(), trans.tobytes(), labels, _crf.viterbi)


#: A span of the CRF while the rules reshape it: start, end (token indices), KazNERD's class.
RawSpan = tuple[int, int, str]
#: One rule of the chain: the sentence's tokens, its spans so far and its gazetteer matches -> new spans.
SpanRule = Callable[[list[Token], list[RawSpan], list[GazMatch]], list[RawSpan]]


def _crf_spans(tags: list[str]) -> list[RawSpan]:
    """Spans of the CRF's tags (BILOU or IOB2, as ``kaznerd.to_iob2`` reads them)."""
    out: list[RawSpan] = []
    n = len(tags)
    end = 0
    for i in [i for i, tag in enumerate(tags) if tag != "O"]:
        if i < end:
            continue
        tag = tags[i]
        typ = tag[2:]
        j = i + 1
        if tag[0] in "BI":
            # a name runs over I- tags and closes with an L- tag, if any
            inside = "I-" + typ
            while j < n and tags[j] == inside:
                j += 1
            if j < n and tags[j] == "L-" + typ:
                j += 1
        if typ in OUTPUT_TYPE:
            out.append((i, j, OUTPUT_TYPE[typ]))
        end = j
    return out


#: Tokens of context kept left and right of a capitalised word when tagging.  A head noun
#: up to ``_HEAD_REACH`` tokens on is kept in too, and a window whose last token is still
#: inside a name grows by ``_GROW`` tokens until the name ends.
_LEFT, _RIGHT, _HEAD_REACH, _GROW = 1, 3, 7, 4


#: Words that open Kazakh sentences and are never names (capitalised only by position).
_STARTERS = frozenset(
    """ал бұл қазір ол сондықтан осы бірақ оның енді сол жалпы олар өйткені себебі және алайда олардың
    дегенмен сонымен екі біз биыл соның яғни біздің өткен сондай-ақ оған қазіргі мен бүгінде бір соңғы
    тек бүгін бүгінгі он айта мәселен барлық былтыр содан осылайша оны тағы нәтижесінде жаңа міне
    мысалы жергілікті иә жыл алдағы ең осындай тіпті онда оларға егер әрине жиырма бізде әзірге осыған
    одан кейін елімізде мұнда бұған бірінші алғашқы сіз сіздер мұның бұның кеше ертең демек сонда
    немесе неге қалай қашан қандай кім әр әрбір көптеген көп үш төрт бес алты жеті сегіз тоғыз жүз
    мың бірге басқа түрлі келесі айталық шынында расында негізі негізінен бұдан бұрын сосын сөйтіп
    жоқ рахмет сәлеметсіз мұндай ондай бұндай осылай солай қазірдің бұрынғы соған содан-ақ әлі
    әсіресе сонымен қатар бізге сізге маған менің сенің өз өзі өздері""".split()
)


#: Lower-case Kazakh names of peoples (NORP): the CRF knows them only in context.
_PEOPLES = frozenset(
    """қазақ орыс өзбек қырғыз түрікмен тәжік ұйғыр татар башқұрт неміс кәріс корей қытай жапон
    ағылшын француз американ араб парсы түрік украин беларус поляк еврей армян грузин әзербайжан
    моңғол дүнген шешен италиян испан үнді""".split()
)
_DEMONYM_ENDINGS = ("лық", "лік", "дық", "дік", "тық", "тік")


#: What a word for a people starts with: a people's name, or three letters and a demonym ending
#: (most words are let go on this, without stemming them)
_PEOPLE_LIKE = re.compile(rf"(?:{'|'.join(sorted(_PEOPLES))})|\w{{3,}}[лдт](?:ық|ік)")


def names_a_people(word: str) -> bool:
    """A lower-case word for a people or a place's people (қазаққа, қазақстандықтар, ақтөбелік)."""
    stem = match_stem_kk(word)
    if stem.endswith(("лар", "лер", "дар", "дер", "тар", "тер")):
        stem = stem[:-3]
    if stem in _PEOPLES:
        return True
    if len(stem) < 6 or not stem.endswith(_DEMONYM_ENDINGS):
        return False
    place = load_gazetteer().lookup(stem[:-3].capitalize())
    return place is not None and place.type in ("GPE", "LOC")


def _may_start_name(word: str) -> bool:
    c = word[:1]
    return c.isupper() or "a" <= c <= "z" or (_PEOPLE_LIKE.match(word) is not None and names_a_people(word))


#: word -> whether a name may start with it (a pure memo, cleared when large)
_STARTS_NAME: dict[str, bool] = {}


def _name_starts(tokens: list[Token]) -> list[int]:
    """Capitalised and Latin words (names start there), but not a sentence's common first word.

    Also lower-case words for peoples, which KazNERD counts as names (NORP).
    """
    memo = _STARTS_NAME
    if len(memo) > 100_000:
        memo.clear()
    get = memo.get
    starts: list[int] = []
    # words not met before pass the first test and are judged here
    for i in [i for i, tok in enumerate(tokens) if get(tok[0], True)]:
        word = tokens[i][0]
        may = get(word)
        if may is None:
            may = memo[word] = _may_start_name(word)
        if may:
            starts.append(i)
    if starts and starts[0] == 0:
        first = tokens[0][0]
        if not first[:1].isupper() or first.lower() in _STARTERS:
            starts = starts[1:]
    return starts


def _spread(starts: list[int], n: int, heads: list[str] | None) -> list[tuple[int, int]]:
    """Token ranges to tag around name starts, reaching a head noun close ahead (``heads``)."""
    out: list[tuple[int, int]] = []
    for i in starts:
        e = i + _RIGHT
        if heads is not None:
            for p in range(e - 1, min(n, i + _HEAD_REACH)):
                if heads[p]:
                    # lower-case words between a name and its head belong to it
                    # (Алматы қалалық ішкі істер басқармасы): tag up to the word after it
                    e = p + 2
                    break
        s, e = max(0, i - _LEFT), min(n, e)
        if out and s <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _windows(tokens: list[Token], heads: list[str] | None = None) -> list[tuple[int, int]]:
    """Token ranges worth tagging: around capitalised and Latin words (names start there)."""
    return _spread(_name_starts(tokens), len(tokens), heads)


def _tag(tokens: list[Token], matches: list[GazMatch]) -> list[str]:
    """CRF tags; stretches far from any capitalised word are O without asking the CRF."""
    n = len(tokens)
    tags = ["O"] * n
    starts = _name_starts(tokens)
    if not starts:
        return tags
    tagger = load_tagger()
    weights = _weights(tagger)
    attrs = SentenceAttributes(tokens, load_gazetteer(), matches, model_attributes(), strings=weights is None)
    windows = _spread(starts, n, attrs.heads)
    k = 0
    while k < len(windows):
        s, e = windows[k]
        k += 1
        got = _decode(tagger, weights, attrs, s, e)
        while got[-1][0] in "BI" and e < n and _GROW:
            # a name (B- or I-, not yet L- or U-) runs on past the window
            # (Алматы қалалық ішкі істер басқармасы): widen it
            e = min(n, e + _GROW)
            while k < len(windows) and windows[k][0] <= e + 1:
                e = max(e, windows[k][1])
                k += 1
            got = _decode(tagger, weights, attrs, s, e)
        if got[0][0] in "IL":
            # a CRF has no start state: a window's first token, context only, may come out
            # inside a name that starts nowhere (the ")" of "( аа ) Ssangyong-ы"); it is O
            typ = got[0][2:]
            got[0] = "O"
            if len(got) > 1 and got[1][2:] == typ and got[1][0] in "IL":
                got[1] = ("B-" if got[1][0] == "I" else "U-") + typ
        tags[s:e] = got
    return tags


def _decode(
    tagger: pycrfsuite.Tagger, weights: _Weights | None, attrs: SentenceAttributes, s: int, e: int
) -> list[str]:
    """Tags of tokens ``s`` .. ``e - 1``: by the compiled decoder where built, else by python-crfsuite
    (the same labels: the decoder follows crfsuite's Viterbi)."""
    if weights is None:
        tags: list[str] = tagger.tag(attrs.of(s, e))
        return tags
    ids, starts = attrs.ids_of(s, e)
    labels = weights.labels
    return [labels[k] for k in weights.viterbi(weights.state, weights.transitions, len(labels), ids, starts)]


_OPEN_QUOTES = frozenset("«“„")
_CLOSE_QUOTES = frozenset("»”")


def _trim_quotes(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """A quote mark starts or ends a span only with its pair inside: « Астана -> Астана; a closing
    quote inside with no opening one before it ends the name: Нұр Отан » партиясы -> Нұр Отан."""
    out: list[RawSpan] = []
    for s, e, typ in crf:
        words = [tokens[j][0] for j in range(s, e)]
        if e - s > 1 and words[0] in _OPEN_QUOTES and not any(w in _CLOSE_QUOTES for w in words):
            s += 1
        elif e - s > 1 and words[-1] in _CLOSE_QUOTES and not any(w in _OPEN_QUOTES for w in words):
            e -= 1
        elif words[0] not in _OPEN_QUOTES:
            for j, w in enumerate(words[1:-1], 1):
                if w in _OPEN_QUOTES:
                    break
                if w in _CLOSE_QUOTES:
                    e = s + j
                    break
        out.append((s, e, typ))
    return out


def _person_without_post(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """A post is never part of a person's name: Президенті Қ.Тоқаев -> Қ.Тоқаев."""
    out: list[RawSpan] = []
    for s, e, typ in crf:
        if typ == "PERSON":
            while e - s > 1 and head_class(tokens[s][0]) == "TITLE":
                s += 1
        out.append((s, e, typ))
    return out


def _initialled_name_is_whole(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """An initial and a surname in one token (Ж.Жабаев) is a whole name: the words the CRF put before it in a
    person's name (Биыл Ж.Жабаев) are none of it (KazNERD writes initials apart, so the CRF never saw one); one
    opening another thing's name is the person before it (деді Қ.Ерғалиев Орталық коммуникациялар қызметінде)."""
    out: list[RawSpan] = []
    for s, e, typ in crf:
        if typ == "PERSON" and e - s > 1 and _INITIALLED.fullmatch(tokens[e - 1][0]) and tokens[e - 1][0][:1].isupper():
            s = e - 1
        elif (
            typ != "PERSON"
            and e - s > 1
            and _INITIALLED.fullmatch(tokens[s][0])
            and tokens[s][0][2:3].isupper()
            and not tokens[s + 1][0].startswith("атын")  # named after them (Ғ.Мүсірепов атындағы театр)
        ):
            out.append((s, s + 1, "PERSON"))
            s += 1
        out.append((s, e, typ))
    return out


def _initialled_name_is_no_place(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """An initial and a surname in one token is a person, never a place or a building: the CRF reads a dative or a
    locative on one (әкімі А.Көлгіновке, Б.Сағынтаевқа) as a place's case and tags it GPE, a genitive
    (Ж.Бисенғалиеваның төрағалығымен) as a building's.  One a place's or a street's kind
    follows (С.Сейфуллин көшесі) is left to the rules for those."""
    out: list[RawSpan] = []
    for s, e, typ in crf:
        if (
            typ in ("GPE", "LOC", "FAC")
            and e - s == 1
            and _INITIALLED.fullmatch(tokens[s][0])
            and tokens[s][0][:1].isupper()
            and tokens[s][0][2:3].isupper()
            and not _named_by_the_list_after(tokens, e)
        ):
            typ = "PERSON"
        out.append((s, e, typ))
    return out


#: What joins the names of a list (А.Тоқмағанбетов, С.Сейфуллин ауылдары).
_LIST_JOINERS = frozenset((",", "және", "мен", "пен", "бен"))


def _named_by_the_list_after(tokens: list[Token], e: int) -> bool:
    """Whether the name ending at ``e`` is a place's or a thing's named after someone: a kind or атындағы follows
    it, or follows the list of names it opens (А.Тоқмағанбетов, С.Сейфуллин ауылдары)."""
    k = e
    while k < len(tokens) and (tokens[k][0] in _LIST_JOINERS or _INITIALLED.fullmatch(tokens[k][0])):
        k += 1
    return k < len(tokens) and _kind_or_eponym_after(tokens[k][0])


def _kind_or_eponym_after(word: str) -> bool:
    """A place's, a street's or a building's kind (көшесі, ауылы), or атындағы, after a name: what it names."""
    return word[:1].islower() and (word.startswith("атын") or head_class(word) in ("GPE", "LOC", "FAC"))


def _no_opener_in_person(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """A word that opens sentences and is never a name (Кейін, Биыл) is no part of the person's name after it."""
    return [
        (s + 1, e, typ) if typ == "PERSON" and s == 0 and e > 1 and tokens[0][0].lower() in _STARTERS else (s, e, typ)
        for s, e, typ in crf
    ]


#: Postpositions and conjunctions, which stand after or between names and open none (Бұл туралы Қазақстан
#: телеарнасы хабарлайды).
_FUNCTION_WORDS = frozenset(("туралы", "бойынша", "және", "мен", "пен", "бен", "үшін", "арқылы", "сияқты", "бірге"))


#: Words of time and of linking that open a sentence, capitalised only there, never a name's first word (Биыл,
#: Кеше, Алайда): past a dash or a quote mark the CRF may take one into the name after it (– Биыл Алаш партиясы).
_OPENING_ADVERBS = frozenset(
    """биыл былтыр бүгін бүгінде кеше ертең қазір енді ал бірақ алайда дегенмен сондай-ақ сонымен мәселен
    мысалы айталық тағы әсіресе осылайша яғни сосын содан кейін одан сондықтан өйткені себебі демек
    барлығы бәрі""".split()
)
#: An instrumental ending: a lower-case word with one before a name is an adverb or a complement, never the
#: name's first word (топ-топпен Ұлттық гвардия, бірлесіп ... қолдауымен).
_INSTRUMENTAL = ("мен", "пен", "бен")


def _no_function_word_first(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """A postposition or a conjunction the CRF put first in a name (туралы Қазақстан Телеарнасы) is none of it;
    nor is a lower-case word in the instrumental before a capitalised one (топ-топпен Ұлттық гвардия), nor a word
    of time or linking that opens the sentence past its punctuation (– Биыл Алаш партиясы)."""
    out: list[RawSpan] = []
    for s, e, typ in crf:
        while e - s > 1 and (
            tokens[s][0] in _FUNCTION_WORDS
            or (
                tokens[s][0].islower()
                and tokens[s][0].endswith(_INSTRUMENTAL)
                and tokens[s][0] not in _FUNCTION_WORDS
                and tokens[s + 1][0][:1].isupper()
            )
            or (
                tokens[s][0].lower() in _OPENING_ADVERBS
                and tokens[s + 1][0][:1].isupper()
                and not any(tokens[j][0][:1].isalnum() for j in range(s))
            )
        ):
            s += 1
        out.append((s, e, typ))
    return out


#: Postpositions after a noun in a case (кешенінен бөлек, жиыннан кейін, сағаттан бастап): no name runs over one.
_CASE_POSTPOSITIONS = frozenset(("бөлек", "басқа", "кейін", "соң", "бастап", "дейін", "бері"))
#: The Kazakh word that names a thing after a person (Абай атындағы мектеп).
_NAMED_AFTER_WORD = "атындағы"


def _no_postposition_inside(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """An organisation the CRF ran over a postposition (Миялы спорт кешенінен бөлек Х.Досмұхамедұлы атындағы
    орта мектеп) starts after it: what stands before is a place of the sentence, no word of the name; and two
    things named after people joined by a conjunction (... атындағы орта мектеп пен Ы.Шөреков атындағы
    гимназия) are two names."""
    out: list[RawSpan] = []
    for s, e, typ in crf:
        if typ != "ORG" or e - s < 4:
            out.append((s, e, typ))
            continue
        cut = max((k for k in range(s + 1, e - 1) if tokens[k][0] in _CASE_POSTPOSITIONS), default=-1)
        if cut > 0:
            s = cut + 1
        named = [k for k in range(s, e) if tokens[k][0] == _NAMED_AFTER_WORD]
        join = -1
        if len(named) > 1:
            join = next((k for k in range(named[0] + 2, named[-1] - 1) if tokens[k][0] in _LIST_JOINERS), -1)
        if join > 0:
            out.extend(((s, join, typ), (join + 1, e, typ)))
        elif e - s >= 2:
            out.append((s, e, typ))
    return out


def _no_lone_common_noun(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """One lower-case word is a common noun, no name (қоры after a post the CRF called a title)."""
    return [
        (s, e, typ)
        for s, e, typ in crf
        if not (e - s == 1 and typ in _CORE and tokens[s][0].isalpha() and tokens[s][0].islower())
    ]


def _no_roman_person(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """No one's name starts with a Roman numeral: XVII Аймақаралық форумы is an ordinal and an event
    (KazNERD spells numbers out, so the CRF never saw one)."""
    out: list[RawSpan] = []
    for s, e, typ in crf:
        if typ == "PERSON" and _ROMAN.fullmatch(tokens[s][0]):
            continue
        # Қайрат Қожамжаров ХХХІІ жазғы Олимпиада: a first name and a surname, then the Games' number; an
        # initialled surname, then a place's (Ж.Досжанова І орын алды); a monarch's one name keeps its
        # number: Людовик XIV
        last = tokens[e - 1][0]
        if typ == "PERSON" and e - s > 2 and _ROMAN.fullmatch(last):
            e -= 1
        elif typ == "PERSON" and e - s == 2 and _INITIALLED.fullmatch(tokens[s][0]) and _ROMAN_ONE.fullmatch(last):
            e -= 1
        out.append((s, e, typ))
    return out


def _quoted_is_no_person(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """A name wholly in quotes is not a person's («Қайрат» is the club): KazNERD has no quoted person
    name, and organisations are the commonest quoted names among the classes kept."""
    n = len(tokens)
    return [
        (s, e, "ORG")
        if typ == "PERSON"
        and (
            (0 < s and e < n and tokens[s - 1][0] in _OPEN_QUOTES and tokens[e][0] in _CLOSE_QUOTES)
            or _one_name_before_body(tokens, s, e)
        )
        else (s, e, typ)
        for s, e, typ in crf
    ]


#: Kinds of group or body a quoted name before them names (ансамблі, тобы, хоры, клубы, ЖШС): the name is
#: an organisation's, whatever the CRF took it for («Арманай» ансамблі, ”Детвора” тобы); also state
#: institutions' legal forms (КММ: коммуналдық мемлекеттік мекеме, МКҚК) and the kinds of a works, a clinic,
#: an association or a partnership («Шалқия» кен-байыту фабрикасы, «Авиценна» емхана-ауруханасы).
_GROUP_KINDS = frozenset(
    match_stem_kk(w)
    for w in (
        "ансамблі тобы хоры клубы театры мектебі орталығы қоры компаниясы командасы оркестрі студиясы "
        "фабрикасы зауыты ауруханасы емханасы бірлестігі серіктестігі кооперативі холдингі корпорациясы"
    ).split()
) | frozenset(("жшс", "ақ", "жақ", "тоо", "кмм", "мм", "кмқк", "мкқк", "шжқ", "мкк", "жауапкершілігі"))
#: Kinds of work a quoted name before them names: a song or a dance («Қорлан» әнін), no organisation.
_SONG = re.compile(r"(ән|би|күй)(дер|лер)?(і|ін|імен|іне)?")
#: Quote marks that may open a name: news also opens one with a closing mark or a straight one (”Детвора”).
_ANY_OPEN = _OPEN_QUOTES | frozenset('”"')
_ANY_CLOSE = _CLOSE_QUOTES | frozenset('"')
#: What stands between the quoted names of a list before their kind («Ордабасы», «Ақтөбе» клубтары).
_LIST_JOINS = frozenset((",", "және", "мен", "пен", "бен"))
#: The plural before a kind's endings (клубтарында).
_PLURAL_STEM = re.compile(r"(.{3,}?)(лар|лер|дар|дер|тар|тер)")


def _quoted_group(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """A name wholly in quote marks before a kind of group or body is that organisation («Арманай»
    ансамблі, ”Детвора” тобы, «Нұр» ЖШС), before a song's or a dance's word the work, no name to keep
    («Қорлан» әнін)."""
    n = len(tokens)
    out: list[RawSpan] = []
    for s, e, typ in crf:
        if 0 < s and e + 1 < n and tokens[s - 1][0] in _ANY_OPEN and tokens[e][0] in _ANY_CLOSE:
            after = tokens[e + 1][0]
            group = _group_at(tokens, _after_the_list(tokens, e + 1))
            if _SONG.fullmatch(after) and not group:
                continue
            if typ != "ORG" and group:
                typ = "ORG"
        elif 0 < s and tokens[s - 1][0] in _ANY_OPEN:
            # the CRF ran on past the closing mark, maybe into the kind («Дон мар» жауапкершілігі шектеулі
            # серіктестігі): the name is what the quotes hold
            close = next((j for j in range(s + 1, e) if tokens[j][0] in _ANY_CLOSE), -1)
            if close > 0 and _group_at(tokens, close + 1):
                e, typ = close, "ORG"
        out.append((s, e, typ))
    taken = {j for s, e, _typ in out for j in range(s, e)}
    for k in range(n - 2):
        if tokens[k][0] not in _ANY_OPEN or k + 1 in taken or not tokens[k + 1][0][:1].isupper():
            continue
        # a quoted name the CRF left out: up to four words, each capitalised or a join
        close = next((j for j in range(k + 2, min(n - 1, k + 6)) if tokens[j][0] in _ANY_CLOSE), -1)
        if (
            close > 0
            and not any(j in taken or not tokens[j][0][:1].isalnum() for j in range(k + 1, close))
            and _group_at(tokens, _after_the_list(tokens, close + 1))
        ):
            out.append((k + 1, close, "ORG"))
    out.sort()
    return out


def _after_the_list(tokens: list[Token], j: int) -> int:
    """Where what follows a quoted name at ``j`` goes on past the other quoted names of its list («Ордабасы»,
    «Ақтөбе», «Жетісу» клубтарында: the kind after the last is every one's)."""
    n = len(tokens)
    while j + 2 < n and tokens[j][0] in _LIST_JOINS and tokens[j + 1][0] in _ANY_OPEN:
        close = next((k for k in range(j + 2, min(n, j + 7)) if tokens[k][0] in _ANY_CLOSE), -1)
        if close < 0:
            break
        j = close + 1
    # the list's tail and the kind's level with a capital or its number («Ақтөбе», «Астана» және басқа клубтар,
    # «Еуразия» ХV Халықаралық кинофестивалі)
    start = j
    while j < n and j - start < 3 and (
        tokens[j][0] in _LIST_TAILS
        or (tokens[j][0][:1].isupper() and tokens[j][0].lower() in KIND_LEVELS)
        or _ROMAN_ONE.fullmatch(tokens[j][0])
    ):
        j += 1
    return j


def _quoted_before_a_group(tokens: list[Token], s: int, e: int) -> bool:
    """Whether tokens ``s`` to ``e`` are a name wholly in quote marks before a kind of group or body, maybe
    past the other quoted names of a list."""
    return (
        0 < s
        and e < len(tokens)
        and tokens[s - 1][0] in _ANY_OPEN
        and tokens[e][0] in _ANY_CLOSE
        and _group_at(tokens, _after_the_list(tokens, e + 1))
    )


def _group_at(tokens: list[Token], j: int) -> bool:
    """A kind of group or body at token ``j``, maybe after the song's or dance's word it performs («Алуа» би
    ансамблі, «Нұр» ән тобы) or a lower-case word of its work («Шалқия» кен-байыту фабрикасы), in the
    plural after a list (клубтарында), or last in a compound (емхана-ауруханасы)."""
    n = len(tokens)
    if j + 1 < n and tokens[j][0].isalpha() and tokens[j][0].islower() and not _group_word(tokens[j][0]):
        j += 1  # the song, the game or the work the group does («Нұр» ән тобы, «Ақтөбе» футбол клубы)
    elif j + 1 < n and tokens[j][0].islower() and "-" in tokens[j][0]:
        j += 1  # «Шалқия» кен-байыту фабрикасы
    return j < n and _group_word(tokens[j][0])


def _group_word(token: str) -> bool:
    """Whether a word is a kind of group or body (клубы, ансамбльдері, ЖШС-нің, емхана-ауруханасы)."""
    word = token.lower().rpartition("-")[2] or token.lower()
    if word in _GROUP_KINDS:
        return True  # a legal form in capitals, its Kazakh ending after a hyphen (ЖШС-нің)
    stem = match_stem_kk(word)
    if stem in _GROUP_KINDS:
        return True
    plural = _PLURAL_STEM.fullmatch(stem)
    if plural is None:
        return False
    base = plural.group(1)
    # the kind's stem as its possessive gives it (клубы -> клуп): the plural keeps the letter (клубтары)
    return any(match_stem_kk(base + end) in _GROUP_KINDS for end in ("", "ы", "і"))


def _one_name_before_body(tokens: list[Token], s: int, e: int) -> bool:
    """Қайрат футбол клубы, Барыс хоккей клубы: one word, a lower-case word, then an organisation's
    head noun: the name of the body, not a person."""
    if e - s != 1 or e + 1 >= len(tokens):
        return False
    # right before the head a name can be the body's owner (Тоқаев әкімшілігі): only the
    # kind-of-body word between (футбол, саяси) makes it the body's own name
    return tokens[e][0].islower() and head_class(tokens[e + 1][0]) == "ORG"


_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")


def _end_at_genitive(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """An organisation in the genitive ends there: what follows it is what it owns, unless a
    head noun comes (Ұлттық банктің базасына -> Ұлттық банктің)."""
    out: list[RawSpan] = []
    for s, e, typ in crf:
        if typ == "ORG" and e - s > 1:
            for j in range(s, e - 1):
                word = tokens[j][0]
                if word.endswith(_GENITIVE) and all(
                    tokens[k][0].islower() and not head_class(tokens[k][0]) for k in range(j + 1, e)
                ):
                    e = j + 1
                    break
        out.append((s, e, typ))
    return out


def _place_and_its_body(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """A place right before a one-word body of its own is one organisation: Чехия Үкіметі."""
    out: list[RawSpan] = []
    for s, e, typ in crf:
        if (
            typ == "ORG"
            and e - s == 1
            and out
            and out[-1][1] == s
            and out[-1][2] in ("GPE", "LOC")
            and head_class(tokens[s][0]) == "ORG"
        ):
            out[-1] = (out[-1][0], e, "ORG")
            continue
        out.append((s, e, typ))
    return out


#: Bodies every region, city or country has, named by the place: Қызылорда облысы әкімдігі.
_LOCAL_BODIES = frozenset(match_stem_kk(w) for w in ("әкімдігі", "әкімшілігі", "мәслихаты", "үкіметі"))


def _body_of_place(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """A place followed by its own akimat, maslikhat or government is that body, as KazNERD spans
    it: Қызылорда облысы әкімдігі, Өскемен қаласының әкімдігі (the city's span is its name alone,
    so қаласының may come between)."""
    out: list[RawSpan] = []
    n = len(tokens)
    for s, e, typ in crf:
        if typ in ("GPE", "LOC") and e < n:
            j = e
            if head_class(tokens[e - 1][0]) != "GPE" and tokens[j][0].islower() and head_class(tokens[j][0]) == "GPE":
                j += 1
            body = tokens[j][0] if j < n else ""
            if (
                body.islower()
                and match_stem_kk(body) in _LOCAL_BODIES
                # the body's own possessive (әкімдігі), owned by a place not in a place case
                and match_stem_kk(body) != body
                and not tokens[j - 1][0].lower().endswith(_PLACE_CASES)
            ):
                out.append((s, j + 1, "ORG"))
                continue
        out.append((s, e, typ))
    return out


#: Head nouns of the classes a quoted name is, when not an organisation, and what such a name is output as.
_OTHER_HEADS = {"FAC": "FAC", "EVENT": "EVENT", "PROJECT": "", "PRODUCT": "", "ART": "", "LAW": ""}
#: More such heads, too rare or too ambiguous for the CRF's head feature but plain after a quoted name.
_MORE_OTHER_HEADS = {
    match_stem_kk(word): cls
    for cls, words in {
        "FAC": "кешені кинотеатры мейрамханасы қонақүйі шипажайы емханасы балабақшасы ескерткіші "
        "базары базасы ықшамауданы тұрғын",
        "PRODUCT": "маркасы бренді смартфоны автомобилі препараты платформасы сайты картасы тікұшағы "
        "лайнері зымыраны дроны вакцинасы",
        # a festival or a contest a quoted name stands before is an event («Еуразия» кинофестивалі), a tale, a play
        # or an album a work («Колобок» ертегісі), a grant a programme («Болашақ» стипендиясы): no entity
        "EVENT": "додасы жарысы марафоны көрмесі акциясы науқаны мерекесі кинофестивалі фестивалі конкурсы",
        "PROJECT": "жоспары тұжырымдамасы стипендиясы гранты",
        "ART": "романы жинағы поэмасы дастаны өлеңі сериалы телехикаясы мультфильмі комедиясы драмасы "
        "трагедиясы ертегісі пьесасы қойылымы шығармасы альбомы",
    }.items()
    for word in words.split()
}


_FAC_HEADS = frozenset(
    match_stem_kk(w) for w in "порты әуебазасы паркі изоляторы трассасы стационары айлағы терминалы".split()
)


def _place_in_a_facility(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """A place right before a facility's head noun names the facility, which KazNERD spans whole:
    Тегеран әуежайы, Құрық портына, Семей ядролық полигонын (up to two lower-case words between)."""
    n = len(tokens)
    out: list[RawSpan] = []
    for s, e, typ in crf:
        facility_end = 0
        # in a place case the place is where the facility is (Алматыда жаңа стадионы), not its name
        if typ in ("GPE", "LOC") and not tokens[e - 1][0].lower().endswith(_PLACE_CASES):
            for j in range(e, min(n, e + 3)):
                word = tokens[j][0]
                if not (word.isalpha() and word.islower()):
                    break
                cls = head_class(word)
                if cls == "FAC" or match_stem_kk(word) in _FAC_HEADS:
                    facility_end = j + 1
                    break
                if cls:
                    break
        out.append((s, facility_end, "FAC") if facility_end else (s, e, typ))
    return out


@cache
def _first_name_stems() -> frozenset[str]:
    return frozenset(match_stem_kk(w) for w in first_names())


def _addressed_by_name(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """A first name opening a sentence before a comma is someone addressed or named (Мөлдір, сөз
    кезегі өзіңде): a person, unless the gazetteer knows the word as something else."""
    if (
        len(tokens) > 2
        and tokens[1][0] == ","
        and tokens[0][0][:1].isupper()
        and not (crf and crf[0][0] == 0)
        and not (matches and matches[0].start == 0)
        and match_stem_kk(tokens[0][0]) in _first_name_stems()
    ):
        return [(0, 1, "PERSON"), *crf]
    return crf


#: Posts that say what one does in a body rather than name an office in it (a graduate, a member)
_LOOSE_POSTS = frozenset(
    match_stem_kk(w) for w in "түлегі өкілі мүшесі студенті қызметкері маманы тәрбиеленушісі".split()
)


def _body_in_a_post(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """A body named with an office in it is part of the office, KazNERD's POSITION: Кеңес Одағының
    маршалы, Мәжіліс спикері, Орталық сайлау комиссиясының мүшесі Ләззат Сүлеймен.  It stays a body
    before its members (Мәжіліс депутаттары), and before a graduate or a member no name follows."""
    n = len(tokens)
    out: list[RawSpan] = []
    for s, e, typ in crf:
        if typ == "ORG" and e < n:
            post = tokens[e][0]
            stem = match_stem_kk(post) if post.islower() else ""
            if (
                stem
                and stem != post
                and head_class(post) == "TITLE"
                and not _is_plural(post)
                and (stem not in _LOOSE_POSTS or (e + 1 < n and tokens[e + 1][0][:1].isupper()))
            ):
                continue
        out.append((s, e, typ))
    return out


def _is_plural(word: str) -> bool:
    """A Kazakh noun with the plural suffix before its endings (депутаттары, мүшелері)."""
    stem = match_stem_kk(word)
    low = word.lower()
    return any(x in low[max(0, len(stem) - 1) :] for x in ("лар", "лер", "дар", "дер", "тар", "тер"))


def _other_head(word: str) -> str | None:
    """What a quoted name before ``word`` is output as, if ``word`` heads another kind of name
    ("" for a kind the detector does not return); None if it does not."""
    if not word.islower():
        return None
    return _OTHER_HEADS.get(_MORE_OTHER_HEADS.get(match_stem_kk(word), "") or head_class(word))


def _quoted_before_other_head(tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch]) -> list[RawSpan]:
    """A quoted name right before the head noun of a programme, product, facility, event or work is
    that, not an organisation: «Еңбек» бағдарламасы, «Хоумбанк» қосымшасы, «Иллюзион» кинотеатрында.  A place's
    or a person's word in the quotes is no place nor person either («Еуразия» кинофестивалі, «Сарыарқа» күйі,
    «Абай» спектаклі), also past the other quoted names of a list («Адай», «Сарыарқа» сияқты күйлері); a
    facility's head leaves those alone (a quarter's «Самал» ықшамауданы is a place)."""
    n = len(tokens)
    out: list[RawSpan] = []
    for s, e, typ in crf:
        if 0 < s and e + 1 < n and tokens[s - 1][0] in _OPEN_QUOTES and tokens[e][0] in _CLOSE_QUOTES:
            other = _kind_right_after(tokens, e + 1) if typ == "ORG" else None
            if other is None:
                other = quoted_kind(tokens, e + 1)
                other = None if other in ("FAC", "ORG") else other
            if other is not None:
                if other:
                    out.append((s, e, other))
                continue
        out.append((s, e, typ))
    return out


def _kind_right_after(tokens: list[Token], j: int) -> str | None:
    """The class of the head noun at ``j`` or past one lower-case word (« Астана-1 » ақпараттық жүйесі), None if
    neither is a head of a kind of name other than an organisation."""
    n = len(tokens)
    if not tokens[j][0].islower():
        return None
    other = _other_head(tokens[j][0])
    if other is None and j + 1 < n and tokens[j][0].isalpha() and not head_class(tokens[j][0]):
        other = _other_head(tokens[j + 1][0])
    return other


#: Words between the last quoted name of a list and the kind of them all («Ақтөбе», «Астана» және басқа клубтар,
#: «Адай», «Сарыарқа» сияқты күйлері).
_LIST_TAILS = frozenset(("басқа", "сияқты", "секілді", "тәрізді", "және", "мен", "т.б."))
#: A level a kind may take between a quoted name and the kind («Qazaqstan» ұлттық телеарнасы, «Еуразия» Халықаралық
#: кинофестивалі).
KIND_LEVELS = frozenset(("ұлттық", "республикалық", "облыстық", "қалалық", "халықаралық", "мемлекеттік"))


def quoted_kind(tokens: list[Token], j: int) -> str | None:
    """What the kind noun after a quoted name makes it, the name's closing quote at ``j - 1``: an output class
    (FAC, EVENT), "" for a work, a programme or a product (no entity), "ORG" for a group or a body; None if
    no kind follows.  The kind may stand past the other quoted names of a list and their tail («Адай»,
    «Сарыарқа» сияқты күйлері), past levels and a Roman number («Еуразия» ХV Халықаралық кинофестивалі), and
    one lower-case word («Астана-1» ақпараттық жүйесі)."""
    k = _after_the_list(tokens, j)
    if k >= len(tokens) or not tokens[k][0].islower():
        return None
    other = _other_head(tokens[k][0])
    if other is not None:
        return other
    if _group_at(tokens, k):
        return "ORG"  # «Нұр» би ансамблі, «Ақтөбе» футбол клубы
    if _SONG.fullmatch(tokens[k][0]) or (
        k + 1 < len(tokens)
        and tokens[k][0].isalpha()
        and not head_class(tokens[k][0])
        and _SONG.fullmatch(tokens[k + 1][0])
    ):
        return ""  # «Қорлан» әні, «Сарыарқа» күйі, «Салкүрең» сияқты халық күйлері
    # past a list, its tail or a level the kind stands right there («Еуразия» Халықаралық кинофестивалі)
    return _kind_right_after(tokens, k) if k == j else None


def _quoted_no_entity(tokens: list[Token], s: int, e: int) -> bool:
    """Whether tokens ``s:e`` are a name wholly in quotes before the kind of an event, a work, a programme or a
    product («Еуразия» кинофестивалі, «Сарыарқа» күйі, «Болашақ» стипендиясы): no place, person or body."""
    return (
        0 < s
        and e < len(tokens)
        and tokens[s - 1][0] in _OPEN_QUOTES
        and tokens[e][0] in _CLOSE_QUOTES
        and quoted_kind(tokens, e + 1) in ("", "EVENT")
    )


#: Words of a match's report (ойын, гол, жеңілді, қарсы): a place's name wholly in quotes among them, no kind
#: after it, is a club's («Тобылға» қарсы, «Астанадан» жеңілді).
_SPORT_CUE = re.compile(
    r"(?:ойын(?!ша)|матч|гол|қақпа|клуб|команда|футбол|хоккей|чемпионат|лига|жанкүйер|бапкер|жаттықтырушы|"
    r"шабуылшы|қорғаушы|трансфер|жеңді|жеңіл|ұтыл|ұтты|тең\b|қарсы|кубог|кубок|плей-офф|турнир|сапында|ұпай|чемпион|есебімен)"
)


def _quoted_team(tokens: list[Token], s: int, e: int) -> bool:
    """Whether the one word at ``s:e``, a place's name, stands wholly in quotes with no kind after it in a
    match's report: a club named like its place («Тобылдан» жеңілді, «Ақтөбеге» қарсы ойында)."""
    n = len(tokens)
    return (
        e == s + 1
        and 0 < s
        and e < n
        and tokens[s - 1][0] in _ANY_OPEN
        and tokens[e][0] in _ANY_CLOSE
        and any(_SPORT_CUE.match(t[0].lower()) for t in tokens)
        # no kind after it; a facility's head past another word is the ground the club plays on («Астана» сырт
        # алаңда)
        and (kind := quoted_kind(tokens, e + 1)) in (None, "FAC")
        and (kind is None or _other_head(tokens[e + 1][0]) is None)
    )


#: A Roman numeral of two letters or more (a century, a congress or forum number), also typed with the Cyrillic
#: letters that look like its own (ХХІ ғасыр, XVІІІ сессия: Х and І), as Kazakh news often types them.
_ROMAN = re.compile(r"[IVXLCDMІХ]{2,}")
#: A Roman numeral of any length, a place's or a degree's number after a name (І орын, ІІ дәрежелі).
_ROMAN_ONE = re.compile(r"[IVXІХ]+")


def _quoted_before_head(tokens: list[Token], tags: list[str]) -> list[str]:
    """A quoted name right before an organisation's head noun is an organisation, whatever the CRF
    called it: «Бақытты отбасы» орталығы, «Самұрық-Энерго» акционерлік қоғамы (one lower-case word between)."""
    starts = [i for i, tag in enumerate(tags) if tag != "O" and i and tokens[i - 1][0] in _OPEN_QUOTES]
    if not starts:
        return tags
    tags = to_iob2(tags)
    n = len(tags)
    for i in starts:
        if i >= n - 2:
            break
        tag = tags[i]
        if tag[0] != "B":
            continue
        typ = tag[2:]
        j = i + 1
        while j < n and tags[j] == "I-" + typ:
            j += 1
        if (
            typ != "ORGANISATION"
            and j + 1 < n
            and tokens[j][0] in _CLOSE_QUOTES
            and (
                head_class(tokens[j + 1][0]) == "ORG"
                or (
                    j + 2 < n
                    and tokens[j + 1][0].islower()
                    and head_class(tokens[j + 2][0]) == "ORG"
                )
            )
        ):
            tags[i:j] = ["B-ORGANISATION"] + ["I-ORGANISATION"] * (j - i - 1)
    return tags


def _split_on_gazetteer(
    tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch], starting: dict[int, int]
) -> list[RawSpan]:
    """A CRF span covering two known names (Тоқаевтың Мәскеуге) is split into them.

    ``starting``: token index -> index of the match that starts there.
    """
    out: list[RawSpan] = []
    for s, e, typ in crf:
        inner = [matches[k] for j in range(s, e) if (k := starting.get(j, -1)) >= 0 and matches[k].end <= e]
        if (
            len(inner) >= 2
            and sum(m.end - m.start for m in inner) == e - s
            # a place's own body (Чехия Үкіметі, Қазақстанның Парламентінде) is one organisation
            and not (
                typ == "ORG"
                and inner[-1].entry.type == "ORG"
                and all(m.entry.type in ("GPE", "LOC") for m in inner[:-1])
            )
        ):
            out.extend((m.start, m.end, m.entry.type) for m in inner)
        elif (
            typ == "PERSON"
            and inner
            and inner[0].start == s
            and inner[0].entry.type == "PERSON"
            and inner[0].end < e
            and tokens[e - 1][0].lower().endswith(_PLACE_CASES)
            # a known person's first name alone (Димаш) opens another person's name (Димаш Тулендиновке)
            and not (inner[0].end - inner[0].start == 1 and inner[0].entry.opens_name(tokens[s][0]))
        ):
            # a known person runs on into a place the gazetteer lacks (Тоқаев Шәуілдірде): two names
            out.append((s, inner[0].end, "PERSON"))
            out.append((inner[0].end, e, "GPE"))
        else:
            out.append((s, e, typ))
    return out


#: Locative, ablative and dative endings: what a place takes and a person's name seldom does.
_PLACE_CASES = ("да", "де", "та", "те", "дан", "ден", "тан", "тен", "нан", "нен", "ға", "ге", "қа", "ке")


_CORE = frozenset({"PERSON", "ORG", "GPE", "LOC"})

#: The kinds of unit a body has in a region or a city (Сыбайлас жемқорлыққа қарсы қызметтің Маңғыстау облысы
#: бойынша департаменті), in the nominative: a known body's name before one names the unit, not the body.
UNIT_KINDS = frozenset(("департаменті", "басқармасы", "филиалы"))


def acronym(word: str) -> bool:
    """An acronym as news writes a body's (ІІМ, ДСМ, ФФК): two to six capital letters."""
    return 2 <= len(word) <= 6 and word.isupper() and word.isalpha()


#: The rules that reshape the CRF's spans of a Kazakh sentence, in the order they apply: (name, rule,
#: whether it applies only in KazNERD's convention, not in the product's ``inside_titles`` mode).
SPAN_RULES: tuple[tuple[str, SpanRule, bool], ...] = (
    ("trim_quotes", _trim_quotes, False),
    ("person_without_post", _person_without_post, False),
    ("no_lone_common_noun", _no_lone_common_noun, False),
    ("no_roman_person", _no_roman_person, False),
    ("no_function_word_first", _no_function_word_first, False),
    ("no_postposition_inside", _no_postposition_inside, False),
    ("initialled_name_is_whole", _initialled_name_is_whole, False),
    ("initialled_name_is_no_place", _initialled_name_is_no_place, False),
    ("no_opener_in_person", _no_opener_in_person, False),
    ("quoted_is_no_person", _quoted_is_no_person, False),
    ("quoted_group", _quoted_group, False),
    ("end_at_genitive", _end_at_genitive, False),
    ("place_and_its_body", _place_and_its_body, False),
    ("body_of_place", _body_of_place, False),
    ("quoted_before_other_head", _quoted_before_other_head, False),
    ("addressed_by_name", _addressed_by_name, False),
    ("body_in_a_post", _body_in_a_post, True),
    ("place_in_a_facility", _place_in_a_facility, True),
)


def apply_span_rules(
    tokens: list[Token], crf: list[RawSpan], matches: list[GazMatch], inside_titles: bool
) -> list[RawSpan]:
    """``SPAN_RULES`` in order over the CRF's spans (those of KazNERD's convention only without
    ``inside_titles``)."""
    for _name, rule, kaznerd_only in SPAN_RULES:
        if not (kaznerd_only and inside_titles):
            crf = rule(tokens, crf, matches)
    return crf


def detect_kk(tokens: list[Token], fill: bool = True, inside_titles: bool = False) -> list[Span]:
    """Typed spans in one Kazakh sentence, with the gazetteer entry where one matches.

    KazNERD conventions by default.  ``inside_titles`` (the product's mode)
    also returns gazetteer places and organisations that KazNERD counts as
    part of a title (Өзбекстан in Өзбекстан Президенті), and lets a known
    name replace a CRF span of another class that starts on it (Қызыл Алаңда
    өтетін Жеңіс tagged as a facility -> Қызыл Алаң).
    """
    if not tokens:
        return []
    gaz = load_gazetteer()
    matches = gaz.match(tokens, "kk")
    tags = _tag(tokens, matches)
    if tags.count("O") < len(tags):
        tags = _quoted_before_head(tokens, tags)
    crf = apply_span_rules(tokens, _crf_spans(tags), matches, inside_titles)
    if not matches:
        return [Span(s, e, typ, None) for s, e, typ in crf]
    # matches do not overlap: the match covering each token, and the one starting at each token
    covering = [-1] * len(tokens)
    starting: dict[int, int] = {}
    for k, m in enumerate(matches):
        starting[m.start] = k
        for j in range(m.start, m.end):
            covering[j] = k
    spans: list[Span] = []
    used: set[int] = set()
    for s, e, typ in _split_on_gazetteer(tokens, crf, matches, starting):
        entry = None
        k = starting.get(s, -1)
        if (
            k >= 0
            and typ in ("GPE", "LOC")
            and matches[k].end > e
            and matches[k].entry.type == "LOC"
            and all(j < e or covering[j] == k for j in range(e, matches[k].end))
            and head_class(tokens[matches[k].end - 1][0]) == "LOC"
        ):
            # a sea, a river or a range is named with its kind (Жерорта теңізінен, Парсы шығанағына),
            # as a city is not (Алматы қаласында): the CRF stopped before the kind
            e = matches[k].end
        if inside_titles:
            k = starting.get(s, -1)
            known = matches[k] if k >= 0 and matches[k].entry.type in _CORE else None
            if known is not None and (
                typ not in _CORE
                # «Еуразия» кинофестивалі: an event's or a work's quoted name keeps its kind's class
                and not _quoted_no_entity(tokens, s, e)
                or (
                    # a known place followed by common words (Жайық трансшекаралық): the name alone
                    known.end < e
                    and known.entry.type in ("GPE", "LOC")
                    and not any(tokens[j].text[:1].isupper() for j in range(known.end, e))
                )
            ):
                s, e, typ = known.start, known.end, known.entry.type
        last = -1
        exact = unit = False
        for j in range(s, e):
            k = covering[j]
            if k < 0 or k == last:
                continue
            last = k
            m = matches[k]
            used.add(k)
            if entry is None and (m.start == s or (m.start <= s and e <= m.end)):
                entry = m.entry
                exact = m.start == s and m.end == e
                unit = m.end == e - 1 and typ == "ORG" and nominative_kk(tokens[e - 1][0]) in UNIT_KINDS
        if typ in ("GPE", "LOC") and _quoted_team(tokens, s, e):
            typ, entry = "ORG", None  # «Тобылдан» ұтылды: the club named like the place
        elif entry is not None and entry.type in ("GPE", "LOC") and typ in ("GPE", "LOC"):
            typ = entry.type
        elif entry is not None and typ == "ORG" and entry.type != "ORG" and _quoted_before_a_group(tokens, s, e):
            entry = None  # a club or a firm named after a place («Ақтөбе» клубы, «Жетісу» ЖШС)
        elif entry is not None and exact and (
            (typ in _CORE and entry.type in _CORE) or (typ == "EVENT" and entry.type == "ORG")
        ):
            # the CRF found the name, the gazetteer knows what it is (Ростовқа: a city, not a person)
            typ = entry.type
        elif entry is not None and (
            entry.type != typ or unit or (typ == "PERSON" and not exact and entry.opens_name(tokens[s][0]))
        ):
            # a known person's first name opening a longer name is someone else's (Димаш Тулендинов); a known
            # body before the kind of its unit names the unit (Сыбайлас жемқорлыққа қарсы қызмет департаменті)
            entry = None
        spans.append(Span(s, e, typ, entry))
    if fill:
        for k, m in enumerate(matches):
            if k in used or (
                m.start == 0
                and m.end == 1
                and m.entry.type == "ORG"
                and not (inside_titles and acronym(tokens[0][0]))
            ):
                # a one-word organisation name is often a common noun too (Ауыл, Үкімет, Хабар),
                # and opening a sentence its capital says nothing: only the CRF may call it a name.
                # An acronym (ІІМ, ДСМ) is no common noun: the product takes it
                continue
            if _quoted_no_entity(tokens, m.start, m.end):
                continue  # «Еуразия» кинофестивалі, «Сарыарқа» күйі: a work's or an event's name, no place
            if m.entry.type in ("GPE", "LOC") and _quoted_team(tokens, m.start, m.end):
                spans.append(Span(m.start, m.end, "ORG", None))
                continue
            inside = {tags[j][2:] for j in range(m.start, m.end)}
            if any(tags[j] != "O" for j in range(m.start, m.end)) and not (
                inside_titles and inside == {"POSITION"} and m.entry.type != "PERSON"
            ):
                continue
            spans.append(Span(m.start, m.end, m.entry.type, m.entry))
    spans.sort(key=lambda sp: sp.start)
    return spans
