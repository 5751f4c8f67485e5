"""CRF features for the Kazakh tagger, shared by training and tagging.

Word-level features are cached per distinct word, so tagging costs a few list
concatenations per token.
"""

from __future__ import annotations

import gzip
import sys
from functools import lru_cache
from pathlib import Path

from worker.entities.gazetteer import Gazetteer, GazMatch
from worker.entities.morphology import match_stem_kk
from worker.entities.tokens import Token

__all__ = [
    "LABEL_TYPES",
    "SentenceAttributes",
    "attribute_ids",
    "common_word",
    "first_names",
    "head_class",
    "sentence_features",
    "word_shape",
]

#: KazNERD classes the tagger learns; every other class is read as O.
LABEL_TYPES = frozenset(
    {
        "PERSON",
        "GPE",
        "LOCATION",
        "ORGANISATION",
        "FACILITY",
        "NORP",
        "EVENT",
        "POSITION",
        "ART",
        "PROJECT",
        "LAW",
        "PRODUCT",
        "MONEY",
    }
)

#: Head nouns that end names of a class (as lookup stems): the nearest one ahead is a feature.
_HEAD_WORDS = {
    "ORG": "министрлігі комитеті агенттігі партиясы компаниясы корпорациясы университеті институты "
    "академиясы орталығы банкі қоры ұйымы одағы кеңесі палатасы қауымдастығы бірлестігі "
    "серіктестігі холдингі департаменті басқармасы әкімдігі соты прокуратурасы колледжі мектебі "
    "театры клубы командасы федерациясы ассамблеясы комиссиясы инспекциясы қызметі телеарнасы "
    "арнасы газеті журналы мекемесі кәсіпорны фракциясы парламенті мәжілісі сенаты үкіметі ассоциациясы "
    "альянсы консорциумы баспасы порталы биржасы концерні комбинаты филиалы полициясы гвардиясы армиясы "
    "лигасы конгресі трибуналы әуекомпаниясы компания корпорация университет институт академия "
    "агенттік министрлік комитет партия банк қор ұйым одақ кеңес палата қауымдастық бірлестік "
    "серіктестік холдинг департамент басқарма әкімдік сот прокуратура колледж театр клуб команда "
    "федерация ассамблея комиссия инспекция телеарна газет журнал фракция парламент мәжіліс сенат үкімет "
    "елшілігі консулдығы өкілдігі консерваториясы бригадасы полкі дивизиясы корпусы факультеті кафедрасы "
    "лицейі гимназиясы училищесі зертханасы редакциясы штабы радиосы кооперативі қожалығы жасағы бөлімшесі "
    "телеканалы",
    # ambiguous heads: often ORG (акционерлік қоғамы, Қарулы Күштері), as often common nouns
    "ORGW": "қоғамы күштері тобы бөлімі",
    # heads of the classes an ORG is most often confused with: the CRF weighs them apart
    "EVENT": "фестивалі форумы чемпионаты турнирі олимпиадасы конкурсы байқауы саммиті конференциясы съезі "
    "кубогы",
    "ART": "сыйлығы ордені медалі фильмі кітабы әні спектаклі",
    "PROJECT": "бағдарламасы жобасы стратегиясы",
    "LAW": "заңы кодексі жарлығы қаулысы конвенциясы келісімі",
    "PRODUCT": "көлігі автокөлігі ұшағы вакцинасы жүйесі қосымшасы",
    "FAC": "әуежайы стадионы көшесі даңғылы ауруханасы мұражайы музейі кітапханасы зауыты станциясы "
    "сарайы вокзалы ғимараты көпірі алаңы саябағы кесенесі мешіті шіркеуі полигоны кеніші",
    "LOC": "өзені көлі теңізі тауы таулары шыңы жотасы даласы шөлі аралы түбегі мұхиты шығанағы "
    "қорығы шатқалы жазығы ойпаты бұлағы каналы",
    "GPE": "облысы ауданы қаласы ауылы аулы кенті республикасы елі штаты провинциясы округі селосы "
    "поселкесі ықшамауданы шағынауданы губерниясы өңірі аймағы",
    "TITLE": "министрі әкімі төрағасы басшысы директоры депутаты президенті хатшысы орынбасары "
    "бастығы меңгерушісі жетекшісі өкілі елшісі спикері премьер-министрі вице-министрі "
    "мүшесі мүшелері маршалы генералы қолбасшысы тілшісі журналисі оқытушысы профессоры ректоры "
    "докторы жаттықтырушысы бапкері қызметкері қызметкерлері кеңесшісі сарапшысы маманы инспекторы "
    "прокуроры судьясы төрайымы атташесі консулы губернаторы мэрі канцлері королі вице-президенті "
    "басқарушысы ұстазы дәрігері өкілдері депутаттары түлегі студенті тәрбиеленушісі",
}
_HEADS = {match_stem_kk(w): cls for cls, words in _HEAD_WORDS.items() for w in words.split()}
_HEAD_MAX = max(map(len, _HEADS))
#: Legal-form abbreviations that open or close company names (АҚ «...», «...» ЖШС).
_ORG_PREFIXES = frozenset(
    "ақ жақ аақ жшс тоо ао оао зао ооо пао мкк ркк рмк ұк ұб мм кеақ шқ жк ltd llc inc jsc".split()
)


@lru_cache(maxsize=30_000)
def _head_class(stem: str) -> str:
    """Head-noun class of a word stem, also for compounds ending in a head (әуекомпаниясы)."""
    cls = _HEADS.get(stem)
    if cls is not None:
        return cls
    # only endings as long as a head can match (keeps this linear for a 100 KB "word")
    for k in range(max(2, len(stem) - _HEAD_MAX), len(stem) - 4):
        cls = _HEADS.get(stem[k:])
        if cls is not None and len(stem) - k >= 5:
            return cls
    return ""


def head_class(word: str) -> str:
    """Head-noun class of a word (ORG for агенттігі, GPE for облысында), empty if none."""
    return _head_class(match_stem_kk(word))


_QUOTES_OPEN = frozenset('«“"„')
_QUOTES_CLOSE = frozenset('»”"')
_QUOTES = _QUOTES_OPEN | _QUOTES_CLOSE


@lru_cache(maxsize=1)
def first_names() -> tuple[str, ...]:
    """The first names of ``data/first_names.txt`` as written (Kazakh, Russian and other)."""
    path = Path(__file__).with_name("data") / "first_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(w for line in lines if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(match_stem_kk(w) for w in first_names())


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Kazakh common words (``data/kk_words.txt``, from the hunspell-kk dictionary)."""
    path = Path(__file__).with_name("data") / "kk_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def common_word(word: str) -> bool:
    """Whether a Kazakh word, in any case form, is a common word of the dictionary (Орталық, орталық)."""
    common = _common_words()
    low = word.lower()
    return low in common or match_stem_kk(word) in common


def _common_word(word: str, low: str, stem: str) -> str:
    """"T" for a capitalised common word, "l" for a lower-case one, "" for a word the dictionary lacks.

    A capitalised word that is also a common word is less likely a name (a sentence's first
    word, a word of a title), one the dictionary lacks more likely; its neighbours' say where
    a name ends.
    """
    common = _common_words()
    if low not in common and stem not in common:
        return ""
    return "T" if word[:1].isupper() else "l"


@lru_cache(maxsize=1)
def _cased_forms() -> dict[str, str]:
    """Lower-cased word form -> how it is written in Kazakh web text: "L" (lower case), "T" (capitalised)
    or "LT" (both); ``data/kk_cased.txt.gz``, from the word list of Tesseract's Kazakh model."""
    path = Path(__file__).with_name("data") / "kk_cased.txt.gz"
    out: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                form, _, how = line.rstrip("\n").partition(" ")
                out[form] = sys.intern(how)
    return out


def _cased(word: str, low: str) -> str:
    """How a word is written elsewhere: "L", "T" or "LT" as in ``_cased_forms``, "0" for a word not
    met, "" for one that does not start with a letter.

    Met only capitalised, a word is a name wherever it stands; met in lower case, a capital may be
    only the sentence's or a title's.
    """
    if not word[:1].isalpha():
        return ""
    return _cased_forms().get(low, "0")


@lru_cache(maxsize=1)
def _gazetteer_words() -> dict[str, str]:
    """Stem of every word of every gazetteer alias -> the types it occurs in (for partial names)."""
    from worker.entities.gazetteer import load_gazetteer
    from worker.entities.tokens import tokenize

    whole: dict[str, set[str]] = {}
    part: dict[str, set[str]] = {}
    for entry in load_gazetteer().entries:
        for alias in entry.aliases:
            toks = tokenize(alias)
            for tok in toks:
                if tok.text[:1].isupper() and len(tok.text) > 2:
                    (whole if len(toks) == 1 else part).setdefault(match_stem_kk(tok.text), set()).add(entry.type)
    # a word that is a name by itself (Қазақстан, Абай) keeps that name's types: the many bodies
    # and firms named after a place or a person would otherwise blur what the word says
    out = {**part, **whole}
    return {k: "".join(sorted(v)) for k, v in out.items()}


_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def word_shape(word: str) -> str:
    """Compressed shape: Xx, X, x, d, with punctuation kept (Нұр-Сұлтан -> Xx-Xx)."""
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.isalpha():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


def _word(word: str) -> _WordFeatures:
    """(own features, features as seen from -2, -1, +1, +2)."""
    low = word.lower()
    stem = match_stem_kk(word) if len(word) > 3 else low
    shape = word_shape(word)
    own = [
        "b",
        "w=" + low,
        "st=" + stem,
        "sh=" + shape,
        "s2=" + low[-2:],
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "p3=" + low[:3],
        "rest=" + low[len(stem) :] if low.startswith(stem) else "rest=?",
    ]
    if word[:1].isupper():
        own.append("T")
    if word.isupper() and len(word) > 1:
        own.append("U")
    if any(ch in _LATIN for ch in word):
        own.append("L")
    # the stem's own ending survives inflection: -аев, -ова, -ұлы, -стан, -лігі
    own.append("ss2=" + stem[-2:])
    own.append("ss3=" + stem[-3:])
    if stem in _first_names():
        own.append("FN")
    gw = _gazetteer_words().get(stem)
    if gw is not None and word[:1].isupper():
        own.append("gw=" + gw)
    common = _common_word(word, low, stem)
    if common:
        own.append("cw" + common)
    cased = _cased(word, low)
    if cased:
        own.append("tc=" + cased)
    if low in _ORG_PREFIXES:
        own.append("OP")
    if any(ch.isdigit() for ch in word):
        own.append("D")
    if "-" in word:
        own.append("H")
    if not word[:1].isalnum():
        own.append("P")
    own.append("len=" + str(min(len(word), 12)))
    cap = "C" if word[:1].isupper() else ("p" if not word[:1].isalnum() else "l")
    extra = [x for x in own if x in ("FN", "OP") or x.startswith("gw=")]
    m2: tuple[str, ...] = ("-2w=" + low, "-2c=" + cap, "-2sh=" + shape)
    m1: tuple[str, ...] = ("-1w=" + low, "-1st=" + stem, "-1s3=" + low[-3:], "-1sh=" + shape)
    m1 += tuple("-1" + x for x in extra)
    p1: tuple[str, ...] = ("+1w=" + low, "+1st=" + stem, "+1s3=" + low[-3:], "+1sh=" + shape)
    p1 += tuple("+1" + x for x in extra)
    if common:
        m1 += ("-1cw" + common,)
        p1 += ("+1cw" + common,)
    if cased:
        m1 += ("-1tc=" + cased,)
        p1 += ("+1tc=" + cased,)
    p2: tuple[str, ...] = ("+2w=" + low, "+2st=" + stem, "+2c=" + cap, "+2sh=" + shape)
    return tuple(own), m2, m1, p1, p2


#: Five tuples: a word's own attributes, and those seen from -2, -1, +1 and +2.  Typed with ``...``
#: so that compiled code passes them as they are instead of unpacking and repacking them.
_WordFeatures = tuple[tuple[str, ...], ...]

#: Padding around a sentence: what the tokens next to its ends see beyond them.
_PAD_BEFORE: tuple[_WordFeatures, ...] = (((), (), (), (), ()), ((), (), ("BOS",), (), ()))
_PAD_AFTER: tuple[_WordFeatures, ...] = (((), (), (), ("EOS",), ()), ((), (), (), (), ()))


_Encoded = tuple[tuple[bytes, ...], ...]

_Ids = tuple[tuple[int, ...], ...]

class _Info:
    """What tagging needs of a word, worked out once per distinct word.

    Filled for the compiled decoder alone, ``parts``, ``kept`` and ``enc`` are empty: it reads only
    the ids.  A class, not a tuple: compiled code reads its fields without building tuples.
    """

    __slots__ = ("parts", "kept", "enc", "head", "capital", "org_prefix", "ids", "stem")

    def __init__(
        self,
        parts: _WordFeatures,
        kept: _WordFeatures,
        enc: _Encoded,
        head: str,
        capital: bool,
        org_prefix: bool,
        ids: _Ids,
        stem: str,
    ) -> None:
        self.parts = parts
        """The word's features, as ``_word`` gives them."""
        self.kept = kept
        """Those a model weighs (all, without a model)."""
        self.enc = enc
        """Those a model weighs, as UTF-8 (python-crfsuite reads them faster)."""
        self.head = head
        """Head-noun class (``head_class``), empty if none."""
        self.capital = capital
        """Whether it starts with a capital."""
        self.org_prefix = org_prefix
        """Whether it is a legal-form abbreviation (ЖШС, АҚ)."""
        self.ids = ids
        """Ids of the attributes a model weighs (``attribute_ids``), which worker.entities._crf reads."""
        self.stem = stem
        """Its stem (``match_stem_kk``; lower case for words of three letters or fewer)."""


_NOTHING: _Encoded = ((), (), (), (), ())
_NO_FEATURES: _WordFeatures = ((), (), (), (), ())
_NO_IDS: _Ids = ((), (), (), (), ())


def attribute_ids(known: frozenset[str]) -> dict[str, int]:
    """Ids of a model's attributes: their places in sorted order (rows of its weight matrix)."""
    return {attr: k for k, attr in enumerate(sorted(known))}


def _role_view(
    attrs: tuple[str, ...], ids: dict[str, int]
) -> tuple[tuple[str, ...], tuple[bytes, ...], tuple[int, ...]]:
    kept: list[str] = []
    enc: list[bytes] = []
    got: list[int] = []
    for x in attrs:
        k = ids.get(x, -1)
        if k >= 0:
            kept.append(x)
            enc.append(x.encode())
            got.append(k)
    return tuple(kept), tuple(enc), tuple(got)


def _model_view(parts: _WordFeatures, ids: dict[str, int]) -> tuple[_WordFeatures, _Encoded, _Ids]:
    """``parts`` cut to a model's attributes (``ids``: ``attribute_ids``): as str, UTF-8 and ids."""
    r0 = _role_view(parts[0], ids)
    r1 = _role_view(parts[1], ids)
    r2 = _role_view(parts[2], ids)
    r3 = _role_view(parts[3], ids)
    r4 = _role_view(parts[4], ids)
    return (
        (r0[0], r1[0], r2[0], r3[0], r4[0]),
        (r0[1], r1[1], r2[1], r3[1], r4[1]),
        (r0[2], r1[2], r2[2], r3[2], r4[2]),
    )


class _IdTables:
    """A model's attribute ids by the form of the attribute, so that a word's ids are looked up
    with the word's own strings (whose hashes Python keeps) instead of built attribute strings."""

    __slots__ = (
        "b", "w", "st", "sh", "s2", "s3", "s4", "p3", "rest", "T", "U", "L", "ss2", "ss3", "FN", "gw", "OP", "D",
        "H", "P", "len", "cw", "m1cw", "p1cw", "tc", "m1tc", "p1tc",
        "m2w", "m2c", "m2sh", "m1w", "m1st", "m1s3", "m1sh", "m1FN", "m1gw", "m1OP",
        "p1w", "p1st", "p1s3", "p1sh", "p1FN", "p1gw", "p1OP", "p2w", "p2st", "p2c", "p2sh",
    )

    def __init__(self, ids: dict[str, int]) -> None:
        by_prefix: dict[str, dict[str, int]] = {}
        for attr, k in ids.items():
            cut = attr.find("=") + 1
            if cut:
                by_prefix.setdefault(attr[:cut], {})[attr[cut:]] = k

        def table(prefix: str) -> dict[str, int]:
            return by_prefix.get(prefix, {})

        def flag(name: str) -> int:
            return ids.get(name, -1)

        def flags(prefix: str, *values: str) -> dict[str, int]:
            return {v: ids[prefix + v] for v in values if prefix + v in ids}

        self.b, self.T, self.U, self.L = flag("b"), flag("T"), flag("U"), flag("L")
        self.FN, self.OP, self.D, self.H, self.P = flag("FN"), flag("OP"), flag("D"), flag("H"), flag("P")
        self.m1FN, self.m1OP, self.p1FN, self.p1OP = flag("-1FN"), flag("-1OP"), flag("+1FN"), flag("+1OP")
        self.w, self.st, self.sh = table("w="), table("st="), table("sh=")
        self.s2, self.s3, self.s4, self.p3 = table("s2="), table("s3="), table("s4="), table("p3=")
        self.rest, self.ss2, self.ss3, self.gw, self.len = (
            table("rest="), table("ss2="), table("ss3="), table("gw="), table("len=")
        )
        self.cw, self.m1cw, self.p1cw = flags("cw", "T", "l"), flags("-1cw", "T", "l"), flags("+1cw", "T", "l")
        self.tc, self.m1tc, self.p1tc = table("tc="), table("-1tc="), table("+1tc=")
        self.m2w, self.m2c, self.m2sh = table("-2w="), table("-2c="), table("-2sh=")
        self.m1w, self.m1st, self.m1s3, self.m1sh, self.m1gw = (
            table("-1w="), table("-1st="), table("-1s3="), table("-1sh="), table("-1gw=")
        )
        self.p1w, self.p1st, self.p1s3, self.p1sh, self.p1gw = (
            table("+1w="), table("+1st="), table("+1s3="), table("+1sh="), table("+1gw=")
        )
        self.p2w, self.p2st, self.p2c, self.p2sh = table("+2w="), table("+2st="), table("+2c="), table("+2sh=")


def _add(out: list[int], table: dict[str, int], value: str) -> None:
    k = table.get(value, -1)
    if k >= 0:
        out.append(k)


def _add_flag(out: list[int], k: int) -> None:
    if k >= 0:
        out.append(k)


def _word_ids(word: str, t: _IdTables) -> tuple[_Ids, str, bool]:
    """``_model_view(_word(word), ids)``'s ids, in the same order, without building the
    attribute strings; with the word's stem and whether it is a legal-form abbreviation."""
    low = word.lower()
    stem = match_stem_kk(word) if len(word) > 3 else low
    shape = word_shape(word)
    s3 = low[-3:]
    upper_first = word[:1].isupper()
    own: list[int] = []
    _add_flag(own, t.b)
    _add(own, t.w, low)
    _add(own, t.st, stem)
    _add(own, t.sh, shape)
    _add(own, t.s2, low[-2:])
    _add(own, t.s3, s3)
    _add(own, t.s4, low[-4:])
    _add(own, t.p3, low[:3])
    _add(own, t.rest, low[len(stem) :] if low.startswith(stem) else "?")
    if upper_first:
        _add_flag(own, t.T)
    if word.isupper() and len(word) > 1:
        _add_flag(own, t.U)
    if any(ch in _LATIN for ch in word):
        _add_flag(own, t.L)
    _add(own, t.ss2, stem[-2:])
    _add(own, t.ss3, stem[-3:])
    first_name = stem in _first_names()
    if first_name:
        _add_flag(own, t.FN)
    gw = _gazetteer_words().get(stem) if upper_first else None
    if gw is not None:
        _add(own, t.gw, gw)
    common = _common_word(word, low, stem)
    if common:
        _add(own, t.cw, common)
    cased = _cased(word, low)
    if cased:
        _add(own, t.tc, cased)
    org_prefix = low in _ORG_PREFIXES
    if org_prefix:
        _add_flag(own, t.OP)
    if any(ch.isdigit() for ch in word):
        _add_flag(own, t.D)
    if "-" in word:
        _add_flag(own, t.H)
    if not word[:1].isalnum():
        _add_flag(own, t.P)
    _add(own, t.len, str(min(len(word), 12)))
    cap = "C" if upper_first else ("p" if not word[:1].isalnum() else "l")
    m2: list[int] = []
    _add(m2, t.m2w, low)
    _add(m2, t.m2c, cap)
    _add(m2, t.m2sh, shape)
    m1: list[int] = []
    p1: list[int] = []
    for side, w_, st_, s3_, sh_, fn_, gw_, op_, cw_, tc_ in (
        (m1, t.m1w, t.m1st, t.m1s3, t.m1sh, t.m1FN, t.m1gw, t.m1OP, t.m1cw, t.m1tc),
        (p1, t.p1w, t.p1st, t.p1s3, t.p1sh, t.p1FN, t.p1gw, t.p1OP, t.p1cw, t.p1tc),
    ):
        _add(side, w_, low)
        _add(side, st_, stem)
        _add(side, s3_, s3)
        _add(side, sh_, shape)
        if first_name:
            _add_flag(side, fn_)
        if gw is not None:
            _add(side, gw_, gw)
        if org_prefix:
            _add_flag(side, op_)
        if common:
            _add(side, cw_, common)
        if cased:
            _add(side, tc_, cased)
    p2: list[int] = []
    _add(p2, t.p2w, low)
    _add(p2, t.p2st, stem)
    _add(p2, t.p2c, cap)
    _add(p2, t.p2sh, shape)
    return (tuple(own), tuple(m2), tuple(m1), tuple(p1), tuple(p2)), stem, org_prefix


class _InfoCache:
    """Per distinct word, for one model (``known``): what ``sentence_features`` needs of it."""

    def __init__(self) -> None:
        self.known: frozenset[str] | None = None
        #: whether the model's attributes are wanted as strings too (for python-crfsuite)
        self.strings = True
        self.words: dict[str, _Info] = {}
        #: context attributes (not per word) as UTF-8, None when the model does not weigh them
        self.extra: dict[str, bytes | None] = {}
        #: the model's attribute ids (``attribute_ids``), and those of context attributes (-1: none)
        self.ids: dict[str, int] = {}
        self.extra_ids: dict[str, int] = {}
        self.tables: _IdTables | None = None
        #: training and scoring alternate between all attributes and a model's: one cache each
        self.other: dict[
            tuple[frozenset[str] | None, bool],
            tuple[dict[str, _Info], dict[str, bytes | None], dict[str, int], dict[str, int], _IdTables | None],
        ] = {}

    def get(self, known: frozenset[str] | None, strings: bool = True) -> dict[str, _Info]:
        strings = strings or known is None
        if known is not self.known or strings != self.strings:
            key = (self.known, self.strings)
            self.other[key] = (self.words, self.extra, self.ids, self.extra_ids, self.tables)
            if len(self.other) > 3:
                self.other.clear()
            self.known = known
            self.strings = strings
            got = self.other.pop((known, strings), None)
            if got is None:
                ids = {} if known is None else attribute_ids(known)
                got = ({}, {}, ids, {}, None if strings else _IdTables(ids))
            self.words, self.extra, self.ids, self.extra_ids, self.tables = got
        if len(self.words) > 100_000:
            self.words.clear()
        if len(self.extra) > 100_000:
            self.extra.clear()
        if len(self.extra_ids) > 100_000:
            self.extra_ids.clear()
        return self.words

    def fill(self, word: str) -> _Info:
        tables = self.tables
        info: _Info
        if tables is not None:
            ids, stem, org_prefix = _word_ids(word, tables)
            head = _head_class(stem)
            info = _Info(_NO_FEATURES, _NO_FEATURES, _NOTHING, head, word[:1].isupper(), org_prefix, ids, stem)
        else:
            parts = _word(word)
            if self.known is None:
                kept, enc, ids = parts, _NOTHING, _NO_IDS
            else:
                kept, enc, ids = _model_view(parts, self.ids)
            stem = parts[0][2][3:]
            info = _Info(parts, kept, enc, _head_class(stem), word[:1].isupper(), "OP" in parts[0], ids, stem)
        self.words[word] = info
        return info

    def encode_extra(self, attr: str) -> bytes | None:
        enc = attr.encode() if self.known is not None and attr in self.known else None
        self.extra[attr] = enc
        return enc

    def extra_id(self, attr: str) -> int:
        got = self.ids.get(attr, -1)
        self.extra_ids[attr] = got
        return got


_INFO = _InfoCache()


def sentence_features(
    tokens: list[Token],
    gaz: Gazetteer,
    matches: list[GazMatch] | None = None,
    only: list[tuple[int, int]] | None = None,
    known: frozenset[str] | None = None,
) -> list[list[str]]:
    """One feature list per token (``matches``: the sentence's gazetteer matches, if known).

    With ``only`` (token ranges), lists outside those ranges are left empty.  With
    ``known`` (the attributes a trained model weighs), other attributes are left
    out: the tags do not change, the CRF just reads less.
    """
    infos, extra = _context(tokens, gaz, matches, known)
    n = len(tokens)
    emit = [*_PAD_BEFORE, *[info.kept for info in infos], *_PAD_AFTER]
    out: list[list[str]] = [[] for _ in range(n)] if only is not None else []
    indices = range(n) if only is None else [i for s, e in only for i in range(s, e)]
    for i in indices:
        # emit is padded by two: emit[i + 2] is token i
        f = [*emit[i + 2][0], *emit[i + 1][2], *emit[i][1], *emit[i + 3][3], *emit[i + 4][4], *extra[i]]
        if only is None:
            out.append(f)
        else:
            out[i] = f
    return out


_PAD_BEFORE_ENC = (_NOTHING, ((), (), (b"BOS",), (), ()))
_PAD_AFTER_ENC = (((), (), (), (b"EOS",), ()), _NOTHING)


def _pad_ids(ids: dict[str, int]) -> tuple[tuple[_Ids, _Ids], tuple[_Ids, _Ids]]:
    bos = (ids["BOS"],) if "BOS" in ids else ()
    eos = (ids["EOS"],) if "EOS" in ids else ()
    return (_NO_IDS, ((), (), bos, (), ())), (((), (), (), eos, ()), _NO_IDS)


class SentenceAttributes:
    """``sentence_features`` for tagging with a model, read by token range: only
    attributes in ``known``, as UTF-8.

    The sentence's context is worked out once; a range costs only its tokens, so
    a tagger can widen a window without paying for the whole sentence.
    """

    __slots__ = ("_emit", "_emit_ids", "_extra", "heads")

    def __init__(
        self,
        tokens: list[Token],
        gaz: Gazetteer,
        matches: list[GazMatch],
        known: frozenset[str],
        strings: bool = True,
    ) -> None:
        # without ``strings``, only ``ids_of`` answers (``of`` gives no word attributes)
        infos, self._extra = _context(tokens, gaz, matches, known, strings)
        self._emit = [*_PAD_BEFORE_ENC, *[info.enc for info in infos], *_PAD_AFTER_ENC] if strings else []
        before, after = _pad_ids(_INFO.ids)
        self._emit_ids = [*before, *[info.ids for info in infos], *after]
        #: per token, the class of head noun it is ("" for none): names run on to their heads
        self.heads = [info.head for info in infos]

    def of(self, start: int, end: int) -> list[list[bytes]]:
        """Attribute lists of tokens ``start`` .. ``end - 1``."""
        emit = self._emit
        extra = self._extra
        enc = _INFO.extra
        conv = _INFO.encode_extra
        out: list[list[bytes]] = []
        for i in range(start, end):
            # emit is padded by two: emit[i + 2] is token i
            f = [*emit[i + 2][0], *emit[i + 1][2], *emit[i][1], *emit[i + 3][3], *emit[i + 4][4]]
            for x in extra[i]:
                b = enc[x] if x in enc else conv(x)
                if b is not None:
                    f.append(b)
            out.append(f)
        return out

    def ids_of(self, start: int, end: int) -> tuple[list[int], list[int]]:
        """Attribute ids (``attribute_ids``) of tokens ``start`` .. ``end - 1``, one token after
        another in the order ``of`` gives them, and where each token's ids start (and the end)."""
        emit = self._emit_ids
        extra = self._extra
        known = _INFO.extra_ids
        look = _INFO.extra_id
        ids: list[int] = []
        starts: list[int] = [0]
        for i in range(start, end):
            ids.extend(emit[i + 2][0])
            ids.extend(emit[i + 1][2])
            ids.extend(emit[i][1])
            ids.extend(emit[i + 3][3])
            ids.extend(emit[i + 4][4])
            for x in extra[i]:
                k = known[x] if x in known else look(x)
                if k >= 0:
                    ids.append(k)
            starts.append(len(ids))
        return ids, starts


#: Punctuation that ends the stretch a name and its head noun share.
_CLAUSE_BREAKS = frozenset(",.;:!?()")


def _since_capital(words: list[str], infos: list[_Info]) -> list[int]:
    """Per token, how many tokens back the nearest capitalised word of its clause is (0: none)."""
    out = [0] * len(words)
    last = -1
    for i, w in enumerate(words):
        if w in _CLAUSE_BREAKS:
            last = -1
        elif last >= 0:
            out[i] = i - last
        if infos[i].capital:
            out[i] = 0
            last = i
    return out


def _context(
    tokens: list[Token],
    gaz: Gazetteer,
    matches: list[GazMatch] | None,
    known: frozenset[str] | None,
    strings: bool = True,
) -> tuple[list[_Info], list[list[str]]]:
    """Per token: the word's cached features, and the attributes that depend on the sentence."""
    n = len(tokens)
    words = [t[0] for t in tokens]
    cache = _INFO.get(known, strings)
    fill = _INFO.fill
    infos = [cache.get(w) or fill(w) for w in words]
    extra: list[list[str]] = [[] for _ in range(n)]
    for m in gaz.match(tokens, "kk") if matches is None else matches:
        typ = m.entry.type
        for k in range(m.start, m.end):
            tag = ("B-" if k == m.start else "I-") + typ
            extra[k].append("g=" + tag)
            if k + 1 < n:
                extra[k + 1].append("-1g=" + tag)
            if k > 0:
                extra[k - 1].append("+1g=" + tag)
    # class of the nearest head noun within 5 tokens ahead, and its distance
    heads = [info.head for info in infos]
    at_heads = [i for i, h in enumerate(heads) if h]
    # tokens since the last capitalised word in the clause: lower-case words between a
    # name and its head belong to it (Алматы қалалық ішкі істер басқармасы)
    since = _since_capital(words, infos) if at_heads else []
    for k in range(len(at_heads) - 1, -1, -1):
        p = at_heads[k]
        cls = heads[p]
        extra[p].append("ishead=" + cls)
        if 0 < since[p] <= 5:
            extra[p].append("brh=" + cls)
        for i in range(p - 1, max(at_heads[k - 1] if k else 0, p - 5, 0) - 1, -1):
            extra[i].append("head=" + cls + str(p - i))
            if 0 < since[i] <= 4:
                extra[i].append("br=" + cls)
    quoted = False
    qstart = 0
    last = -1
    for i in [i for i, w in enumerate(words) if w in _QUOTES]:
        w = words[i]
        if quoted:
            for k in range(last + 1, i):
                extra[k].append("Q")
        last = i
        if w in _QUOTES_OPEN and not (quoted and w == '"'):
            quoted = True
            qstart = i + 1
        elif w in _QUOTES_CLOSE:
            if quoted and 0 < i - qstart <= 8:
                # the word after a quoted name tells its class: «Хабар» агенттігі, «...» ЖШС
                a_stem = infos[i + 1].stem if i + 1 < n else "</s>"
                a_op = i + 1 < n and infos[i + 1].org_prefix
                a_head = heads[i + 1] if i + 1 < n else ""
                before_op = qstart >= 2 and infos[qstart - 2].org_prefix
                qlen = "qlen=" + str(min(i - qstart, 4))
                for k in range(qstart, i):
                    c = extra[k]
                    c.append("qa=" + a_stem)
                    c.append(qlen)
                    if a_head:
                        c.append("qah=" + a_head)
                    if a_op:
                        c.append("qaOP")
                    if before_op:
                        c.append("qbOP")
                extra[qstart].append("qF")
                extra[i - 1].append("qL")
            quoted = False
    if quoted:
        for k in range(last + 1, n):
            extra[k].append("Q")
    # runs of capitalised words: position in the run, its length, what ends it
    caps = [i for i, info in enumerate(infos) if info.capital]
    r = 0
    while r < len(caps):
        i = caps[r]
        j = i + 1
        r += 1
        while r < len(caps) and caps[r] == j:
            j += 1
            r += 1
        length = str(min(j - i, 4))
        nh = heads[j] if j < n else ""
        lh = heads[j - 1]
        if i > 0:
            # capitalised where a sentence does not start: a name more likely
            extra[i].append("Tm")
        for k in range(i, j):
            c = extra[k]
            c.append(("runB" if k == i else "runI") + length)
            c.append("rE" + str(min(j - 1 - k, 3)))
            if nh:
                c.append("rnh=" + nh)
            if lh:
                c.append("rlh=" + lh)
    return infos, extra
