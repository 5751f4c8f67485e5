"""IPTC Media Topics for one news item, from keyword-stem lexicons.

How it works
------------
* The text of each field is lower-cased and split into word tokens once.
* Every token is looked up in the language's lexicon: first as an exact word,
  then by its prefixes from the longest (``MAX_STEM`` characters) down to
  ``MIN_STEM``.  The longest stem that is a prefix wins, so inflected Kazakh and
  Russian forms (``сайлауға``, ``выборах``) reach the stem (``сайлау``, ``выбор``)
  with a bounded number of dict look-ups and no per-keyword regex scan.  A stem
  with weight 0 is a *blocker*: it stops the search so that ``пайдалану`` does not
  fall back to the shorter economy stem ``пайда``.
* A hit adds its weight to its code (and, for a second-level code, to the
  parent); hits in the title count ``TITLE_WEIGHT`` times; in the body, the
  headline and lead (the first ``LEAD_TOKENS`` words) count ``LEAD_WEIGHT`` times
  the rest, with the body's mean weight kept at 1; the same stem counts at most
  ``MAX_REPEAT`` times per field.  Entities add a little evidence: the
  words of ORG/EVENT names are looked up once per entity, and a PERSON whose
  gazetteer roles look political adds to politics.
* The raw evidence is divided by ``sqrt(tokens / NORM_TOKENS)`` for long texts
  and squashed with ``1 - exp(-x / SCALE)`` into 0..1.  A top-level code is kept
  when its score is at least ``THRESHOLD`` and at least ``RELATIVE`` times the
  best score; the best code is kept alone when it only reaches ``MIN_BEST``.
  A second-level code is kept when its own score reaches ``SUB_THRESHOLD`` and
  its parent is kept; its score never exceeds its parent's.

Data: ``data/iptc.json`` (codes, parents, en/ru/kk labels; IPTC Media Topics is
CC BY 4.0) and ``data/lexicon.{kk,ru,en}.tsv`` (this project's own lexicons).
Lexicon lines are ``code<TAB>weight<TAB>stem stem ...``; ``code`` is the
8-digit IPTC number without ``medtop:`` (a two-digit top-level shorthand such
as ``11`` is accepted), a stem ending in ``=`` only matches the whole word.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from worker.model import Entity, Topic

__all__ = [
    "LANGUAGES",
    "THRESHOLD",
    "classify_topics",
    "labels",
    "raw_scores",
]

#: Languages with a lexicon of their own; any other language uses all of them.
LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")

MIN_STEM = 3
"""Shortest prefix looked up (shorter words need an exact ``=`` entry)."""
MAX_STEM = 16
"""Longest prefix looked up."""
TITLE_WEIGHT = 2.0
"""A hit in the title counts this many times a hit in the body."""
MAX_REPEAT = 3
"""The same stem counts at most this many times per field."""
NORM_TOKENS = 60.0
"""Texts longer than this many tokens have their evidence divided by sqrt(n / NORM_TOKENS)."""
SCALE = 2.2
"""Squashing scale: evidence ``SCALE`` maps to 0.63."""
THRESHOLD = 0.6
"""Top-level codes at or above this score are kept (multi-label)."""
RELATIVE = 0.5
"""... and only when at least this fraction of the best code's score."""
MIN_BEST = 0.25
"""The best code alone is returned when it reaches this score but not ``THRESHOLD``."""
SUB_THRESHOLD = 0.5
"""Second-level codes at or above this score are kept when their parent is."""
ENTITY_WEIGHT = 0.5
"""Weight of a lexicon hit found in an ORG/EVENT entity name (once per entity)."""
LEAD_TOKENS = 40
"""The body's first this many word tokens are its headline and lead ..."""
LEAD_WEIGHT = 1.5
"""... and count this many times: a page is about what it opens with, not about a name in its tail."""

_TOKEN = re.compile(r"\w+")
_POLITICAL_ROLES = (
    "president",
    "minister",
    "prime minister",
    "senator",
    "deputy",
    "mayor",
    "governor",
    "президент",
    "министр",
    "премьер",
    "депутат",
    "сенатор",
    "аким",
    "губернатор",
    "әкім",
    "төраға",
    "мемлекет басшысы",
)

_Hits = tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class _Lexicon:
    exact: dict[str, _Hits]
    prefix: dict[str, _Hits]
    max_len: int
    heads: frozenset[str]
    """The first ``MIN_STEM`` characters of every prefix stem: a token starting otherwise matches none."""


@dataclass(frozen=True, slots=True)
class _Taxonomy:
    parent: dict[str, str | None]
    labels: dict[str, dict[str, str]]


@functools.cache
def _taxonomy() -> _Taxonomy:
    raw = json.loads(resources.files("worker.topics").joinpath("data/iptc.json").read_text("utf-8"))
    parent: dict[str, str | None] = {}
    names: dict[str, dict[str, str]] = {}
    for code, info in raw["topics"].items():
        parent[code] = info["parent"]
        names[code] = dict(info["labels"])
    return _Taxonomy(parent=parent, labels=names)


def labels(code: str) -> dict[str, str]:
    """The en/ru/kk labels of an IPTC code this classifier knows (empty if unknown)."""
    return dict(_taxonomy().labels.get(code, {}))


def _code(short: str) -> str:
    return f"medtop:{short}000000" if len(short) == 2 else f"medtop:{short}"


#: Kazakh final-consonant voicing before a vowel suffix (мектеп -> мектебі, денсаулық -> денсаулығы).
_KK_VOICING = {"п": "б", "к": "г", "қ": "ғ"}


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def _parse_lexicon(lines: Iterable[str], known: Mapping[str, str | None], voicing: bool = False) -> _Lexicon:
    exact: dict[str, dict[str, float]] = {}
    prefix: dict[str, dict[str, float]] = {}
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"lexicon line {number}: want code<TAB>weight<TAB>stems, got {line!r}")
        code = _code(parts[0].strip())
        if code not in known:
            raise ValueError(f"lexicon line {number}: unknown code {code}")
        weight = float(parts[1])
        for stem in parts[2].split():
            stem = _fold(stem)
            table = exact if stem.endswith("=") else prefix
            stem = stem.rstrip("=")
            if not stem:
                continue
            entry = table.setdefault(stem, {})
            if weight == 0.0:
                entry.setdefault(code, 0.0)
            else:
                entry[code] = max(entry.get(code, 0.0), weight)
    if voicing:
        # A stem ending in п/к/қ also matches its voiced form, unless listed itself.
        for stem, entry in list(prefix.items()):
            if len(stem) >= 4 and stem[-1] in _KK_VOICING and any(entry.values()):
                prefix.setdefault(stem[:-1] + _KK_VOICING[stem[-1]], dict(entry))
    return _lexicon_of(exact, prefix)


def _lexicon_of(exact: Mapping[str, Mapping[str, float]], prefix: Mapping[str, Mapping[str, float]]) -> _Lexicon:
    return _Lexicon(
        exact={s: _freeze(c) for s, c in exact.items()},
        prefix={s: _freeze(c) for s, c in prefix.items()},
        max_len=min(MAX_STEM, max((len(s) for s in prefix), default=MIN_STEM)),
        heads=frozenset(s[:MIN_STEM] for s in prefix if len(s) >= MIN_STEM),
    )


def _freeze(codes: Mapping[str, float]) -> _Hits:
    return tuple((c, w) for c, w in sorted(codes.items()) if w > 0.0)


def _merge(tables: Iterable[Mapping[str, _Hits]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for table in tables:
        for stem, hits in table.items():
            entry = out.setdefault(stem, {})
            for code, w in hits:
                entry[code] = max(entry.get(code, 0.0), w)
    return out


@functools.cache
def _lexicon(language: str) -> _Lexicon:
    """The lexicon of one language; any other key merges all three."""
    if language not in LANGUAGES:
        parts = [_lexicon(lang) for lang in LANGUAGES]
        return _lexicon_of(_merge(p.exact for p in parts), _merge(p.prefix for p in parts))
    return _parse_lexicon(_lexicon_lines(language), _taxonomy().parent, voicing=language == "kk")


def _lexicon_lines(language: str) -> list[str]:
    path = resources.files("worker.topics").joinpath(f"data/lexicon.{language}.tsv")
    return path.read_text("utf-8").splitlines()


def _lang_key(language: str) -> str:
    lang = (language or "").lower()[:2]
    return lang if lang in LANGUAGES else "*"


_Match = tuple[str, _Hits] | None


@functools.cache
def _matcher(language: str) -> Callable[[str], _Match]:
    """The token matcher of one language: a bounded LRU cache over ``_match``."""
    lex = _lexicon(language)

    @functools.lru_cache(maxsize=1 << 16)
    def match(token: str) -> _Match:
        return _match(lex, token)

    return match


def _match(lex: _Lexicon, token: str) -> _Match:
    """The stem a token matches and its hits; bounded: at most MAX_STEM dict look-ups."""
    hits = lex.exact.get(token)
    if hits is not None:
        return (token + "=", hits) if hits else None
    if token[:MIN_STEM] not in lex.heads:
        return None  # most tokens, and random ones, stop here after one look-up
    for n in range(min(len(token), lex.max_len), MIN_STEM - 1, -1):
        stem = token[:n]
        hits = lex.prefix.get(stem)
        if hits is not None:
            return (stem, hits) if hits else None
    return None


def _lookup(language: str, token: str) -> _Match:
    """The stem a (lower-cased) token matches in a language's lexicon, and its hits."""
    return _matcher(language)(token)


def _lead_weights(n_tokens: int, weight: float, lead: bool) -> tuple[int, float, float]:
    """How many first tokens of a field are its lead, their weight and the weight of the rest.

    In a body (``lead``) the first ``LEAD_TOKENS`` words count ``LEAD_WEIGHT`` times the rest; the weights are
    scaled so that their mean stays ``weight``, which leaves a text of at most ``LEAD_TOKENS`` words as it was
    and keeps a long text's evidence comparable with the thresholds.
    """
    head = min(LEAD_TOKENS, n_tokens) if lead else 0
    if not head:
        return 0, weight, weight
    rest = weight * n_tokens / (LEAD_WEIGHT * head + n_tokens - head)
    return head, rest * LEAD_WEIGHT, rest


def _add_field(evidence: dict[str, float], text: str, language: str, weight: float, lead: bool = False) -> int:
    tokens = _TOKEN.findall(_fold(text))
    head, head_weight, rest_weight = _lead_weights(len(tokens), weight, lead)
    match = _matcher(language)
    seen: dict[str, int] = {}
    for position, found in enumerate(map(match, tokens)):
        if found is None:
            continue
        stem, hits = found
        count = seen.get(stem, 0)
        if count >= MAX_REPEAT:
            continue
        seen[stem] = count + 1
        token_weight = head_weight if position < head else rest_weight
        for code, w in hits:
            evidence[code] = evidence.get(code, 0.0) + w * token_weight
    return len(tokens)


def _add_entities(evidence: dict[str, float], entities: Sequence[Entity], language: str) -> None:
    for entity in entities:
        if entity.type in ("ORG", "EVENT"):
            for code, hits in _entity_hits(entity.name, language).items():
                evidence[code] = evidence.get(code, 0.0) + ENTITY_WEIGHT * hits
        elif entity.type == "PERSON" and any(role in r for r in entity.roles for role in _POLITICAL_ROLES):
            evidence["medtop:11000000"] = evidence.get("medtop:11000000", 0.0) + ENTITY_WEIGHT


def _entity_hits(name: str, language: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for token in _TOKEN.findall(_fold(name)):
        found = _lookup(language, token)
        if found is not None:
            for code, w in found[1]:
                out[code] = max(out.get(code, 0.0), min(w, 1.0))
    return out


def raw_scores(fields: Mapping[str, str], language: str, entities: Sequence[Entity] = ()) -> dict[str, float]:
    """Squashed 0..1 score of every code with any evidence (no thresholds): for evaluation."""
    lang = _lang_key(language)
    evidence: dict[str, float] = {}
    n_tokens = 0
    for name, text in fields.items():
        if not isinstance(text, str) or not text:
            continue
        title = name == "title"
        n_tokens += _add_field(evidence, text, lang, TITLE_WEIGHT if title else 1.0, lead=not title)
    _add_entities(evidence, entities, lang)
    if not evidence:
        return {}
    parent = _taxonomy().parent
    totals: dict[str, float] = {}
    for code, value in evidence.items():
        totals[code] = totals.get(code, 0.0) + value
        up = parent.get(code)
        if up is not None:
            totals[up] = totals.get(up, 0.0) + value
    norm = math.sqrt(max(1.0, n_tokens / NORM_TOKENS))
    return {code: 1.0 - math.exp(-(value / norm) / SCALE) for code, value in totals.items() if value > 0}


def classify_topics(fields: Mapping[str, str], language: str, entities: Sequence[Entity]) -> list[Topic]:
    """Topics of one item, best first; empty when the text has no topical evidence."""
    scores = raw_scores(fields, language, entities)
    if not scores:
        return []
    tax = _taxonomy()
    top = {c: s for c, s in scores.items() if tax.parent.get(c) is None}
    if not top:
        return []
    best = max(top.values())
    kept = {c: s for c, s in top.items() if s >= THRESHOLD and s >= RELATIVE * best}
    if not kept and best >= MIN_BEST:
        code = max(top, key=lambda c: (top[c], c))
        kept = {code: top[code]}
    subs = {
        c: min(s, kept[p])
        for c, s in scores.items()
        if (p := tax.parent.get(c)) is not None and p in kept and s >= SUB_THRESHOLD
    }
    out = [
        Topic(code=c, label=tax.labels[c]["en"], score=round(min(1.0, max(0.0, s)), 4))
        for c, s in (kept | subs).items()
    ]
    # Best first; a parent before its children at equal score; code breaks ties.
    out.sort(key=lambda t: (-t.score, tax.parent.get(t.code) is not None, t.code))
    return out
