"""CRF features for the Kazakh tagger, shared by training and tagging.

Word-level features are cached per distinct word, so tagging costs a few list
concatenations per token.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from worker.entities.gazetteer import Gazetteer, GazMatch
from worker.entities.morphology import match_stem_kk
from worker.entities.tokens import Token

__all__ = ["LABEL_TYPES", "sentence_features", "word_shape"]

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
    "арнасы газеті журналы",
    "FAC": "әуежайы стадионы көшесі даңғылы ауруханасы мұражайы музейі кітапханасы зауыты станциясы "
    "сарайы вокзалы ғимараты көпірі алаңы саябағы кесенесі мешіті шіркеуі полигоны кеніші",
    "LOC": "өзені көлі теңізі тауы таулары шыңы жотасы даласы шөлі аралы түбегі мұхиты шығанағы",
    "GPE": "облысы ауданы қаласы ауылы кенті республикасы елі штаты провинциясы",
    "TITLE": "министрі әкімі төрағасы басшысы директоры депутаты президенті хатшысы орынбасары "
    "бастығы меңгерушісі жетекшісі өкілі елшісі спикері премьер-министрі вице-министрі",
}
_HEADS = {match_stem_kk(w): cls for cls, words in _HEAD_WORDS.items() for w in words.split()}
_QUOTES_OPEN = frozenset('«“"„')
_QUOTES_CLOSE = frozenset('»”"')


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "first_names.txt"
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(match_stem_kk(w) for w in line.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def _gazetteer_words() -> dict[str, str]:
    """Stem of every word of every gazetteer alias -> the types it occurs in (for partial names)."""
    from worker.entities.gazetteer import load_gazetteer
    from worker.entities.tokens import tokenize

    out: dict[str, set[str]] = {}
    for entry in load_gazetteer().entries:
        for alias in entry.aliases:
            for tok in tokenize(alias):
                if tok.text[:1].isupper() and len(tok.text) > 2:
                    out.setdefault(match_stem_kk(tok.text), set()).add(entry.type)
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


@lru_cache(maxsize=30_000)
def _word(word: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
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
    if any(ch.isdigit() for ch in word):
        own.append("D")
    if "-" in word:
        own.append("H")
    if not word[:1].isalnum():
        own.append("P")
    own.append("len=" + str(min(len(word), 12)))
    cap = "C" if word[:1].isupper() else ("p" if not word[:1].isalnum() else "l")
    extra = [x for x in own if x == "FN" or x.startswith("gw=")]
    m2: tuple[str, ...] = ("-2w=" + low, "-2c=" + cap)
    m1: tuple[str, ...] = ("-1w=" + low, "-1st=" + stem, "-1s3=" + low[-3:], "-1sh=" + shape)
    m1 += tuple("-1" + x for x in extra)
    p1: tuple[str, ...] = ("+1w=" + low, "+1st=" + stem, "+1s3=" + low[-3:], "+1sh=" + shape)
    p1 += tuple("+1" + x for x in extra)
    p2: tuple[str, ...] = ("+2w=" + low, "+2st=" + stem, "+2c=" + cap)
    return tuple(own), m2, m1, p1, p2


_WordFeatures = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]


@lru_cache(maxsize=30_000)
def _known_word(word: str, known: frozenset[str]) -> _WordFeatures:
    """``_word`` without the attributes the model does not weigh."""
    parts = _word(word)
    return (
        tuple(x for x in parts[0] if x in known),
        tuple(x for x in parts[1] if x in known),
        tuple(x for x in parts[2] if x in known),
        tuple(x for x in parts[3] if x in known),
        tuple(x for x in parts[4] if x in known),
    )


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
    n = len(tokens)
    feats = [_word(t.text) for t in tokens]
    emit = feats if known is None else [_known_word(t.text, known) for t in tokens]
    gtags = [""] * n
    for m in gaz.match(tokens, "kk") if matches is None else matches:
        gtags[m.start] = "B-" + m.entry.type
        for k in range(m.start + 1, m.end):
            gtags[k] = "I-" + m.entry.type
    # class of the nearest head noun within 5 tokens ahead, and its distance
    head = [""] * n
    nxt = -1
    cls = ""
    for i in range(n - 1, -1, -1):
        if nxt != -1 and nxt - i <= 5:
            head[i] = "head=" + cls + str(nxt - i)
        here = _HEADS.get(feats[i][0][2][3:])
        if here is not None:
            nxt, cls = i, here
    inq = [False] * n
    quoted = False
    for i, t in enumerate(tokens):
        if t.text in _QUOTES_OPEN and not (quoted and t.text == '"'):
            quoted = True
        elif t.text in _QUOTES_CLOSE:
            quoted = False
        else:
            inq[i] = quoted
    # runs of capitalised words: position in the run and its length
    run = [""] * n
    i = 0
    while i < n:
        if tokens[i].text[:1].isupper():
            j = i + 1
            while j < n and tokens[j].text[:1].isupper():
                j += 1
            length = str(min(j - i, 4))
            run[i] = "runB" + length
            for k in range(i + 1, j):
                run[k] = "runI" + length
            i = j
        else:
            i += 1
    out: list[list[str]] = [[] for _ in range(n)] if only is not None else []
    indices = range(n) if only is None else [i for s, e in only for i in range(s, e)]
    for i in indices:
        f = list(emit[i][0])
        if i == 0:
            f.append("BOS")
        else:
            f.extend(emit[i - 1][2])
            if i > 1:
                f.extend(emit[i - 2][1])
        if i + 1 < n:
            f.extend(emit[i + 1][3])
            if i + 2 < n:
                f.extend(emit[i + 2][4])
        else:
            f.append("EOS")
        if head[i]:
            f.append(head[i])
        if inq[i]:
            f.append("Q")
        own_head = _HEADS.get(feats[i][0][2][3:])
        if own_head is not None:
            f.append("ishead=" + own_head)
        if run[i]:
            f.append(run[i])
        g = gtags[i]
        if g:
            f.append("g=" + g)
        if i + 1 < n and gtags[i + 1]:
            f.append("+1g=" + gtags[i + 1])
        if i > 0 and gtags[i - 1]:
            f.append("-1g=" + gtags[i - 1])
        if only is None:
            out.append(f)
        else:
            out[i] = f
    return out
