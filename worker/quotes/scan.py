"""Linear scanners that find quote candidates in one field.

Three passes, each a single left-to-right walk with bounded look-around:

* quote marks (guillemets, curly and straight quotes) paired with a stack,
  top-level spans kept and checked for an attribution after or before them;
* dash paragraphs: lines opening with a dash, possibly running over several
  lines until ``, – деді S`` closes them;
* headline form ``Q - S`` in the title or at the top of the body.

No regular expression here has a nested or unbounded quantifier, and every
look-around is capped, so time is linear in the length of the text. The
slope is bounded too: each pass examines at most ``examinations(text)``
candidate sites (16 plus one per 448 bytes, far more than news has), so
hostile text dense with candidates (100 KB of colon-quotes, ``«a» «a»`` or
``, – деді``) is examined up to that bound and cut there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Final

from worker.entities.ner import _OPENING_ADVERBS as _KK_OPENING_ADVERBS
from worker.text.script import CYRILLIC_UPPER

from .lexicon import DASH_ONLY_CUES, DASHES, EN_CUES, HONORIFICS, KK_BARE_CUES, KK_DEP_CUES, KK_DEP_MANNER, RU_CUES
from .morph import title_head

__all__ = [
    "ACCORDING_LEMMAS",
    "Candidate",
    "about_this",
    "quoted_headline",
    "quoted_title",
    "Cue",
    "scan_field",
    "examinations",
    "WORD_RE",
    "clause_end",
    "clause_start",
    "find_cue",
]

WORD_RE: Final = re.compile(r"[^\W_][\w’'\-]{0,60}")
_WORDCH_RE: Final = re.compile(r"[^\W_]")
_RUN_RE: Final = re.compile(r"[^\w\n]{24,}")
_MARKS_RE: Final = re.compile(r"[«»„“”\"]")
_ATTR_RE: Final = re.compile(r"([,!?….])[ \t]{0,3}[-–—‒―][ \t]{0,3}(?=\w)")
#: (s13) a stop glued to the next sentence's capital (дейді.Полиция: scrapers drop the space) ends a clause too;
#: not a stop in a Latin name (Zakon.kz, BAQ.KZ).
_END_RE: Final = re.compile(r"[!?;:\n]|\.(?!\w)|(?<=[а-яёәғқңөұүһі]{2})\.(?=[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі])")
_SEP_AFTER_RE: Final = re.compile(r"[ \t]{0,3}([,!?…]?)[ \t]{0,3}([-–—‒―]?)[ \t]{0,3}")
#: A sentence's end inside a line: a stop, then a space.
SENTENCE_BREAK_RE: Final = re.compile(r"[.!?…][ \t]")
_INNER_BREAK_RE: Final = re.compile(r"[.!?…][ \t]|[«»“”„\"]|,[ \t]{0,3}[-–—‒―]")
_COLON_INLINE_RE: Final = re.compile(r":[ \t]+(?=[^\W\d_])")
_QUOTE_CHARS_RE: Final = re.compile(r"[«»“”„\"]")
_MIN_INLINE_STATEMENT: Final = 24
_COLON_NL_RE: Final = re.compile(r":[ \t]{0,3}\r?\n[ \t\r\n]{0,8}(?=[-–—‒―][ \t]|[-–—‒―]?[^\W\d_])")
_INTERRUPT_RE: Final = re.compile(r",[ \t]{0,3}[-–—‒―][ \t]{0,3}(?=\w)")
_HEAD_DASH_RE: Final = re.compile(r"[ \t][-–—‒―][ \t]{1,3}(?=\w)")

_DEP_FIRST: Final = frozenset(k[0] for k in KK_DEP_CUES)
_CUE_WORDS: Final = frozenset({"деп"}) | _DEP_FIRST | frozenset(KK_BARE_CUES) | frozenset(RU_CUES) | frozenset(EN_CUES)
_CLAUSE_LIMIT: Final = 200
_MAX_CUE_WORDS: Final = 8
#: Words between деп and its verb: the speaker with a long post stands there (деп құраманың бас
#: жаттықтырушысы Ануар Исмағамбетов айтып өтті).
_DEP_REACH: Final = 10
_DEP_SHORT_REACH: Final = 5
_MAX_BLOCK_LINES: Final = 8
_MAX_WALKED_LINES: Final = 32
_MAX_TITLE_LINES: Final = 16
_NON_SPACE_RE: Final = re.compile(r"\S")
_MAX_DEPTH: Final = 16
_OPEN_PRECEDERS: Final = frozenset(" \t\n([{:—–-‒―«„/")
_FREE_EXAMINATIONS: Final = 16
_BYTES_PER_EXAMINATION: Final = 448
_PAIRS_PER_EXAMINATION: Final = 2
_MARKS_PER_EXAMINATION: Final = 6


def examinations(text: str) -> int:
    """How many candidate sites a pass may examine in ``text``, and how many quotes the field may yield.

    16 plus one per 448 bytes of UTF-8 (the pass over quote marks may look at
    twice as many quoted spans and six times as many marks): news has a few
    quotes per thousand characters, so real text stays well within the bound,
    while in hostile text (100 KB of ``«a» «a»``, of colon-quotes or of
    ``, – деді``) examination stops where it is reached, and the time per field
    stays linear in its size with a small slope however dense the candidates.
    """
    size = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
    return _FREE_EXAMINATIONS + size // _BYTES_PER_EXAMINATION


@dataclass(slots=True)
class _Budget:
    """Examinations left for one pass over a field, and where the pass stopped once they ran out."""

    left: int
    cut: int = -1
    """Offset from which the field was not examined (-1: examined to the end)."""

    def spend(self, pos: int) -> bool:
        """Count one examination at ``pos``; False, and the field cut at ``pos``, once none are left."""
        if self.left > 0:
            self.left -= 1
            return True
        if self.cut < 0 or pos < self.cut:
            self.cut = pos
        return False


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech verb found next to a quote."""

    start: int
    end: int
    text: str
    lemma: str
    lang: str
    gap: tuple[int, int] | None = None
    """Words between ``деп`` and its verb (деп Айгүл Нұрланова атап өтті): a speaker."""


@dataclass(slots=True)
class Candidate:
    """A quoted span with where to look for its speaker."""

    start: int
    end: int
    kind: str
    """``dash``, ``mark``, ``colon``, ``subject``, ``headline``, ``cont``, ``title`` (see ``about_this``)
    or ``bare`` (see ``_bare_candidates``)."""
    cue: Cue | None
    speaker_span: tuple[int, int] | None
    lang_hint: str
    confidence: float
    side: str = ""
    """Where the speaker phrase is: ``after`` or ``before`` the cue, ``subject``, ``colon``, ``headline``."""
    attr_end: int = -1
    """End of the attribution clause (or of the quote), for follow-on quotes."""


def clause_end(text: str, pos: int, limit: int = _CLAUSE_LIMIT) -> int:
    """End of the clause starting at ``pos``: sentence punctuation, a quote mark or a line end."""
    stop = min(len(text), pos + limit)
    for m in _END_RE.finditer(text, pos, stop):
        i = m.start()
        if text[i] == "." and (text[i - 1].isupper() or text[i - 2 : i - 1].isupper()) and _initial_at(text, i):
            continue  # an initial: Қ. Тоқаев, Zh. Doskaliyev
        if text[i] == "." and text[i - 2 : i] == "им" and not text[i - 3 : i - 2].isalpha():
            continue  # театр им. Ауэзова: "named after", a body's name goes on
        return i
    return stop


#: Initials written with two Latin letters for one Kazakh or Russian letter (Zh. Doskaliyev, Sh. Abenova).
_TWO_LETTER_INITIALS: Final = frozenset({"Zh", "Sh", "Ch", "Kh", "Ts", "Yu", "Ya", "Ye"})


#: Lower-case abbreviations before a name that end no sentence (г. Шымкент, обл., ул. Абая, им. Ауэзова).
_NAME_ABBREVIATIONS: Final = frozenset({"г", "обл", "ул", "им", "пр", "пос", "мкр"})


def _initial_at(text: str, i: int) -> bool:
    """The full stop at ``i`` ends an initial (Қ., Zh.), an honorific (Mr.) or an abbreviation before a
    name (г. Шымкента), not a sentence."""
    k = i
    while k > max(0, i - 5) and text[k - 1].isalpha():
        k -= 1
    word = text[k:i]
    if (word in HONORIFICS or word in _NAME_ABBREVIATIONS) and (k == 0 or not text[k - 1].isalpha()):
        return True
    if i < 1 or not text[i - 1].isupper() and text[i - 2 : i] not in _TWO_LETTER_INITIALS:
        return False
    k = i - (1 if text[i - 1].isupper() else 2)
    return k == 0 or not text[k - 1].isalpha()


def clause_start(text: str, pos: int, limit: int = _CLAUSE_LIMIT) -> int:
    """Start of the clause that ends at ``pos`` (scans back at most ``limit`` characters)."""
    lo = max(0, pos - limit)
    # the nearest hard boundary, found by C-level reverse searches
    hard = max(text.rfind("\n", lo, pos), text.rfind("!", lo, pos), text.rfind("?", lo, pos),
               text.rfind(";", lo, pos), text.rfind("»", lo, pos), text.rfind("”", lo, pos))
    # a full stop after it ends the clause too, unless a word goes on right after it or it ends an initial
    i = text.rfind(".", max(lo, hard + 1), pos)
    while i > hard:
        if not (i + 1 < len(text) and text[i + 1].isalnum()) and not _initial_at(text, i):
            return i + 1
        i = text.rfind(".", max(lo, hard + 1), i)
    return hard + 1 if hard >= 0 else lo


def _words(text: str, start: int, end: int, limit: int = _MAX_CUE_WORDS + 6) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    for m in WORD_RE.finditer(text, start, end):
        out.append(m)
        if len(out) >= limit:
            break
    return out


def find_cue(text: str, start: int, end: int, *, after_dep: bool = False) -> Cue | None:
    """The first speech verb among the first words of ``text[start:end]``."""
    words = _words(text, start, end)
    lows = [w.group().lower() for w in words]
    if after_dep and lows:
        cue = _kk_dep_phrase(words, lows, 0, text, words[0].start())
        if cue is not None:
            return cue
    for i in range(min(_MAX_CUE_WORDS, len(lows))):
        if lows[i] in _CUE_WORDS:
            cue = _cue_at(words, lows, i, text)
            if cue is not None:
                return cue
    return None


def _last_cue(text: str, start: int, end: int) -> Cue | None:
    """The last speech verb in ``text[start:end]`` (for ``S отметил:`` before a quote)."""
    words = _words(text, start, end, 40)
    lows = [w.group().lower() for w in words]
    found: Cue | None = None
    for i, low in enumerate(lows):
        if low in _CUE_WORDS and (found is None or words[i].start() >= found.end):
            cue = _cue_at(words, lows, i, text)
            if cue is not None:
                found = cue
    return found


def _cue_at(words: list[re.Match[str]], lows: list[str], i: int, text: str) -> Cue | None:
    low = lows[i]
    w = words[i]
    if low == "деп":
        if i + 1 >= len(lows):
            return None
        return (
            _kk_dep_phrase(words, lows, i + 1, text, w.start())
            or _dep_any_verb(words, lows, i + 1, w.start())
            or _dep_named_then_verb(text, w.end(), w.start())
        )
    if low in KK_BARE_CUES:
        return Cue(w.start(), w.end(), w.group(), KK_BARE_CUES[low], "kk")
    if low in RU_CUES:
        return Cue(w.start(), w.end(), w.group(), RU_CUES[low], "ru")
    if low in EN_CUES:
        return Cue(w.start(), w.end(), w.group(), EN_CUES[low], "en")
    return _kk_dep_phrase(words, lows, i, text, w.start(), bare=True)


#: Stems of verbs after ``деп`` that name, rate, record or chant rather than say (деп аталады, деп танылды,
#: деп саналады, деп көрсетілген, деп ұрандады): the words before ``деп`` are a name, a finding or a slogan,
#: no one's speech.
#: Someone reckoning in the active voice (деп санаймын, деп есептейді) gives an opinion in their words.
_DEP_NOT_SAID: Final = (
    "ата", "тан", "таб", "санал", "санау", "есептел", "есептеу", "белгіле", "көрсетіл", "жариял", "бағала",
    "жазыл", "үшін",
    # a slogan a crowd chants (деп ұрандап, деп ұран тастады): words of no one who speaks
    "ұран",
)


#: Endings of a Kazakh verb in the first person (санаймын, ойлаймыз, білемін): the one speaking says it.
_FIRST_PERSON: Final = ("мын", "мін", "мыз", "міз", "пын", "пін", "быз", "біз")


def _dep_any_verb(words: list[re.Match[str]], lows: list[str], i: int, begin: int) -> Cue | None:
    """``«Q» деп алаңдаулы``, ``деп ашынады``: ``деп`` marks what precedes it as someone's words whatever
    verb of feeling or saying follows, when that verb comes right after it and names nothing."""
    low = lows[i]
    w = words[i]
    if len(low) < 4 or not w.group()[0].islower() or low.startswith(_DEP_NOT_SAID):
        return None
    if low.endswith(_FIRST_PERSON):
        return None  # ... деп санаймын, деп ойлаймыз: the speaker's own words go on, inside the quote
    if _KK_PASSIVE_RE.search(low) is not None:
        return None  # «Q» деп айыпталған белсенділер: the charge or the name they bear, no one's words
    if _finite_verb_later(words, i):
        return None  # деп, байрақты бәсекенің сәтті өтуіне тілек білдірді: the verb is the one ending the clause
    return Cue(begin, w.end(), f"деп {w.group()}", "де", "kk")


def _finite_verb_later(words: list[re.Match[str]], i: int) -> bool:
    """The clause after word ``i`` runs on, without a break, to a lower-case word in a finite verb's ending
    that ends it: that word is the clause's verb, and word ``i`` (байрақты, an adjective in -ты) is not."""
    text = words[i].string
    for k in range(i + 1, min(len(words), i + 8)):
        if text[words[k - 1].end() : words[k].start()].strip():
            return False  # punctuation between: the clause ended
        nxt = text[words[k].end() : words[k].end() + 1]
        if not nxt or nxt in ".!?,;\n":
            low = words[k].group()
            return low.islower() and _KK_FINITE_RE.match(low) is not None
    return False


#: How far after ``деп`` the verb ending its sentence is looked for, past a long post and two names.
_DEP_SENTENCE_REACH: Final = 24
#: A Kazakh finite verb in the third person, past or present (жеткізді, білдірді, тілек етті, айтады).
_KK_FINITE_RE: Final = re.compile(r"[^\W\d_]{2,}(?:ды|ді|ты|ті)$")


def _dep_named_then_verb(text: str, after: int, begin: int) -> Cue | None:
    """``«Q», – деп ауылдық округ ақсақалдар кеңесінің төрағасы Өтесін Қошқаров ізгі тілегін жеткізді.``:
    whatever verb ends the sentence (Kazakh puts it last), with a person named between it and ``деп``, makes
    what precedes ``деп`` that person's words; the words between are where the speaker is."""
    words = _words(text, after, min(len(text), after + 16 * _DEP_SENTENCE_REACH), _DEP_SENTENCE_REACH)
    lows = [w.group().lower() for w in words]
    i, last = 0, len(words)
    named = False
    for k in range(i, last):
        w = words[k]
        if k > i and any(ch in ".!?\n" for ch in text[words[k - 1].end() : w.start()]):
            return None  # the sentence ended before any verb did
        if k + 1 < len(words) and w.group()[:1].isupper() and words[k + 1].group()[:1].isupper():
            named = True
        tail = text[w.end() : w.end() + 1]
        if tail and tail not in ".!\n":
            continue
        low = lows[k]
        if k > i and not named and _kk_object_gap(words, lows, i, k) and _KK_FINITE_RE.match(low) is not None:
            # S «Q» деп, байрақты бәсекенің сәтті өтуіне тілектестігін білдірді: an object, then the verb; the
            # subject before the quote speaks
            return Cue(begin, w.end(), text[begin : words[i].start()].rstrip() + " " + w.group(), "де", "kk")
        if (
            k == i
            or not named
            or not w.group()[:1].islower()
            or _KK_FINITE_RE.match(low) is None
            or low.startswith(_DEP_NOT_SAID)
            or low.endswith(_FIRST_PERSON)
        ):
            return None
        written = text[begin : words[i].start()].rstrip() + " " + w.group()
        return Cue(begin, w.end(), written, "де", "kk", (words[i].start(), words[k - 1].end()))
    return None


#: A Kazakh passive participle: a stem of five letters or more ending in a vowel, the passive л, then
#: ған/ген (айыпталған, шақырылған, мақталған); what it qualifies is the one charged or named, not a
#: speaker. (The active ла-verbs keep their vowel: жариялаған.)
_KK_PASSIVE_RE: Final = re.compile(r"^[^\W\d_]{4,}[аеыіоөұүәу]л(?:ған|ген)$")


def _kk_dep_phrase(
    words: list[re.Match[str]], lows: list[str], i: int, text: str, begin: int, *, bare: bool = False
) -> Cue | None:
    """A Kazakh verb phrase starting at word ``i`` (possibly after a speaker: деп S атап өтті)."""
    last = min(len(lows), i + (1 if bare else _DEP_REACH))
    for j in range(i, last):
        if lows[j] in _DEP_FIRST:
            for n in (3, 2, 1):
                key = tuple(lows[j : j + n])
                if len(key) == n and key in KK_DEP_CUES:
                    if bare and j != i:
                        return None
                    e = words[j + n - 1].end()
                    if j - i > _DEP_SHORT_REACH and not any(words[k].group()[0].isupper() for k in range(i, j)):
                        return None  # деп атау туралы ... айтты: far from деп, the verb needs a named speaker between
                    if j > i and not bare and not all(low in KK_DEP_MANNER for low in lows[i:j]):
                        if _kk_object_gap(words, lows, i, j):
                            # «Q» деп, байрақты бәсекенің сәтті өтуіне тілек білдірді: what is wished for, no
                            # speaker; the subject before the quote speaks
                            return Cue(begin, e, text[begin:e], KK_DEP_CUES[key], "kk")
                        vs = words[j].start()
                        written = text[begin : words[i].start()].rstrip() + " " + text[vs:e]
                        return Cue(begin, e, written, KK_DEP_CUES[key], "kk", (words[i].start(), words[j - 1].end()))
                    return Cue(begin, e, text[begin:e], KK_DEP_CUES[key], "kk")
        if bare:
            return None
    return None


#: Kazakh endings of the dative and the accusative: a word so ending before a verb is its object.
_KK_OBJECT_ENDINGS: Final = ("ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді", "ты", "ті", "ын", "ін")


def _kk_object_gap(words: list[re.Match[str]], lows: list[str], i: int, j: int) -> bool:
    """The words between ``деп`` and its verb are all in lower case and end in the dative or the accusative:
    the verb's object (сәтті өтуіне тілек білдірді), no one who speaks."""
    return all(words[k].group().islower() for k in range(i, j)) and lows[j - 1].endswith(_KK_OBJECT_ENDINGS)


def _content_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, an opening dash and a trailing comma from ``text[start:end]``."""
    while start < end and (text[start].isspace() or text[start] in DASHES):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _has_word(text: str, start: int, end: int) -> bool:
    return WORD_RE.search(text, start, end) is not None


def _pair_marks(text: str, budget: _Budget, orphans: list[int] | None = None) -> list[tuple[int, int]]:
    """Top-level quoted spans as (open index, close index), one linear pass.

    Every mark looked at spends ``budget``; when it runs out the field is cut at
    the earliest quote still open (or at the mark).
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    if _WORDCH_RE.search(text) is None:
        return spans  # marks and punctuation only: nothing can be quoted
    pos = 0
    n = len(text)
    line_end = -1
    reopen = -1
    since = -1  # where the quote carried over paragraphs last reopened (``«Q1. / «Q2. / «Q3», — S``)
    left = budget.left
    while pos < n:
        if not stack:
            run = _RUN_RE.match(text, pos)
            if run is not None:
                # a long stretch of marks and punctuation cannot hold a quote: keep only its tail
                pos = run.end() - 8
        m = _MARKS_RE.search(text, pos)
        if m is None:
            break
        c = m.group()
        i = m.start()
        pos = i + 1
        if left <= 0:
            budget.left = 0
            budget.spend(stack[0][1] if stack and i <= line_end else i)
            break
        left -= 1
        if i > line_end:
            # a new line: quotes span lines only as a paragraph opened with « and left open (see
            # _carried_open); skip lines without a word (checked once per line)
            reopen = _carried_open(text, stack, i, since) if len(stack) == 1 else -1
            if reopen < 0 and len(stack) == 1:
                lost = _lost_close(text, stack[0][1], line_end)
                if lost < 0 and _colon_lead_open(text, stack[0][1]):
                    lost = _paragraph_close(text, stack[0][1], line_end)
                if lost >= 0:
                    spans.append((stack[0][1], lost))
            stack.clear()
            if reopen >= 0:
                stack.append((text[reopen], reopen))
            else:
                since = -1
            nl = text.find("\n", i)
            line_end = n if nl < 0 else nl
            ls = text.rfind("\n", 0, i) + 1
            if _WORDCH_RE.search(text, ls, line_end) is None:
                pos = line_end + 1
                continue
        closed = -1
        if reopen >= 0 and c == stack[0][0] and not text[text.rfind("\n", 0, i) + 1 : i].strip():
            since = i  # «Q1. / «Q2», — сказал S: the mark reopens the quote carried over from the last paragraph
        elif c == "«" or c == "„":
            stack.append((c, i))
        elif c == "»":
            k = len(stack) - 1
            while k >= 0 and stack[k][0] != "«":
                k -= 1
            if k >= 0:
                closed = stack[k][1]
                del stack[k:]
            elif stack and stack[-1][0] == "“":
                closed = stack.pop()[1]  # “Q», - отметил S: marks of two sets mixed on one quote
            elif text[i + 1 : i + 2].isupper() and not text[i - 1 : i].isalnum():
                stack.append(("«", i))  # ... жоспарлануда.»Биыл ...», — деді S: an opening mark typed the wrong way
            elif orphans is not None:
                orphans.append(i)  # a closing mark whose opening one the page left out
        elif c == "“":
            if stack and stack[-1][0] == "„":
                closed = stack.pop()[1]
            else:
                stack.append((c, i))
        elif c == "”":
            if stack and stack[-1][0] in "“„":
                closed = stack.pop()[1]
        else:  # straight double quote
            if stack and stack[-1][0] == '"':
                if _straight_opens(text, i):
                    stack.append((c, i))  # "Біз "Атамекен" палатасымен ...": a name quoted inside a quote
                else:
                    closed = stack.pop()[1]
                    if stack and stack[-1][0] == '"' and _attributed_after(text, i):
                        closed = stack.pop()[1]  # "Q1 я сказал: "Q2", – сказал S: one mark closes both quotes
            elif i == 0 or text[i - 1] in _OPEN_PRECEDERS:
                stack.append((c, i))
            else:
                k = len(stack) - 1
                while k >= 0 and stack[k][0] != '"':
                    k -= 1
                if k >= 0:
                    closed = stack[k][1]
                    del stack[k:]
                elif stack and stack[-1][0] == "“":
                    closed = stack.pop()[1]  # “Q," S said: a curly quote some pages close with a straight one
                elif orphans is not None and not stack and text[i - 1] in ",.!?":
                    orphans.append(i)  # Q," the President said: the page lost the paragraph's opening mark
        reopen = -1
        if closed >= 0 and not stack:
            spans.append((closed, i))
        if len(stack) > _MAX_DEPTH:
            stack.clear()
    if budget.cut < 0 and len(stack) == 1:
        lost = _lost_close(text, stack[0][1], line_end) if line_end >= 0 else -1
        if lost >= 0:
            spans.append((stack[0][1], lost))
        elif _runs_to_end(text, stack[0][1]):
            spans.append((stack[0][1], len(text)))  # a quote the excerpt cut off: «Q1. Q2 (end of text)
    return spans


def _lost_close(text: str, o: int, le: int) -> int:
    """``Айбол Қасым “Q1. Q2 дейді.``: the mark opened at ``o`` is the one left open on its line, and
    the line ends in ``дейді.`` or ``деді.`` (perhaps with one word after, ол) right after the quoted
    words: the page lost the closing mark before the verb. The space before the verb stands in for it
    (its index), or -1."""
    end = le
    while end > o and text[end - 1] in " \t\r":
        end -= 1
    if end - o < _MIN_LOST_CLOSE or text[end - 1] not in ".!" or _MARKS_RE.search(text, o + 1, end) is not None:
        return -1
    tail = list(WORD_RE.finditer(text, max(o + 1, end - 48), end))[-3:]
    for w in tail:
        if KK_BARE_CUES.get(w.group().lower()) == "де" and not w.group().lower().startswith("деген"):
            c = w.start() - 1
            after = _INITIAL_RE.sub("", text[w.end() : end])  # деді А.Мұхамедиұлы.: an initial ends nothing
            if text[c] != " " or after.count(".") > 1 or len(after.split()) > 2:
                continue
            # «Q, – деді S.: the separator, not the space, stands where the mark was lost
            sep = c
            while sep > o and text[sep - 1] in " \t" + "".join(DASHES):
                sep -= 1
            return sep
    return -1


def _paragraph_close(text: str, o: int, le: int) -> int:
    """(s13) ``Name, post: «Q1. Q2.`` and a paragraph with a mark of its own after it (the next label's «): a
    quote a colon's lead opened and the page never closed ends with its paragraph, when whole sentences end
    it and no other mark stands in it. Where the closing mark would stand, or -1."""
    end = le
    while end > o and text[end - 1] in " \t\r":
        end -= 1
    if end - o < _MIN_LOST_CLOSE or text[end - 1] not in ".!?…" or _MARKS_RE.search(text, o + 1, end) is not None:
        return -1
    return end


_MIN_LOST_CLOSE: Final = 30
#: An initial before a surname (А.Мұхамедиұлы, Ж. Сейітов), whose dot ends no sentence.
_INITIAL_RE: Final = re.compile(rf"\b[{CYRILLIC_UPPER}A-Z]\.")


def _runs_to_end(text: str, o: int) -> bool:
    """The mark at ``o`` opens its paragraph (or a sentence in it) and the text ends, unclosed, within a
    few lines."""
    before = text[text.rfind("\n", 0, o) + 1 : o].strip(" \t-–—")
    if before and before[-1] not in ".!?…:":
        return False  # ``S, post: «Q1. Q2`` introduces it as much as a sentence before it does
    return _few_paragraphs(text, o, len(text))


_MIN_SAID_WORDS: Final = 5


def _said_before(text: str, o: int, c: int) -> Candidate | None:
    """``S ... мәлімдеді. «Q.»`` / ``Как уточнил S, ... . "Q".``: a quote of whole sentences that opens a
    sentence right after one in which S speaks, with no attribution of its own. The speaker is that
    sentence's subject (Kazakh: before the verb; Russian and English: before it, or after it when only
    ``как`` comes before); extract keeps the quote only when the subject names a known person."""
    s, e = _content_bounds(text, o + 1, c)
    if e <= s or not text[s].isupper() or len(text[s:e].split(None, _MIN_SAID_WORDS)) < _MIN_SAID_WORDS:
        return None
    if text[e - 1] not in ".!?…" and text[c + 1 : c + 2] not in (".", "!", "?", "…"):
        return None  # «Q» кодексі, "Q" fund: a name in marks goes on with a word
    j = o - 1
    while j >= 0 and text[j] in " \t\r\n":
        j -= 1
    if j < 1 or text[j] not in ".!?…" or _initial_at(text, j):
        return None  # the quote opens no sentence
    paragraph = "\n" in text[j:o]
    if paragraph:
        # a paragraph of its own after one of narration whose last sentence says who speaks; not after a
        # quote's attribution, whose verb is that quote's
        ls = text.rfind("\n", 0, j) + 1
        if _MARKS_RE.search(text, ls, j) is not None or _dash_start(text, ls, j) >= 0:
            return None
    cs = clause_start(text, j)
    cue = _last_cue(text, cs, j)
    if cue is None:
        return None
    if cue.lang == "kk":
        span = _trim_speaker(text, cs, cue.start) if cue.gap is None else cue.gap
    else:
        comma = text.rfind(",", cs, cue.start)
        span = _trim_speaker(text, cs if comma < 0 else comma + 1, cue.start)
        first = find_cue(text, cs, cue.start) if comma >= 0 and _only_and(text, *span) else None
        if first is not None and text.find(",", cs, first.start) < 0:
            # S отметил, что ..., и призвал коллег ...: the subject of the sentence's first verb speaks
            cue, span = first, _trim_speaker(text, cs, first.start)
        elif span[1] <= span[0] or _only_as(text, *span):
            span = _trim_speaker(text, cue.end, j)
        elif text[span[0]] in "ВвНн":
            span = _ru_subject_after_setting(text, *span)
    if span[1] <= span[0]:
        return None
    return Candidate(s, e, "said", cue, span, cue.lang, 0.7, "said_paragraph" if paragraph else "said", c + 1)


#: Nouns of the setting a Russian sentence may open with before its subject (В интервью телеканалу Хабар
#: он подчеркнул; В беседе с журналистом X министр отметил) (s9-qru).
_RU_SETTINGS: Final = ("интервью", "беседе", "разговоре", "эфире", "комментари", "ходе", "рамках")
_RU_SUBJECT_PRONOUNS: Final = frozenset({"он", "она", "они"})


def _ru_subject_after_setting(text: str, start: int, end: int) -> tuple[int, int]:
    """``В интервью телеканалу Хабар он`` / ``В беседе с журналистом Асель Нуровой министр``: the sentence's
    subject is the pronoun or the title at the end of the phrase, after its setting (the outlet, the
    interviewer); the phrase as it was when it opens with no setting or ends with neither."""
    words = list(WORD_RE.finditer(text, start, end))
    if len(words) < 3 or words[0].group().lower() not in ("в", "во", "на"):
        return start, end
    if not words[1].group().lower().startswith(_RU_SETTINGS):
        return start, end
    last = words[-1]
    if last.group().lower() in _RU_SUBJECT_PRONOUNS or title_head(last.group()) is not None:
        return last.start(), last.end()
    return start, end


_MAX_CARRIED_LINES: Final = 4
_MAX_CARRIED_BREAKS: Final = 12


def _carried_open(text: str, stack: list[tuple[str, int]], i: int, since: int = -1) -> int:
    """Where the quote still open at the end of a line goes on at ``i``, a later line's mark, or -1.

    Only a « or “ that opened its paragraph and is the one mark open goes on, over at most one
    paragraph without marks between (blank lines aside): a long quote closed in a later paragraph
    (``«Q1.`` then ``Q2», — сказал S``), or reopened there by the same mark (``«Q1.`` then ``«Q2», —
    сказал S``), paragraph after paragraph (``“Q1.`` / ``“Q2.`` / ``“Q3,” he said``): ``since`` is
    the mark that last reopened it, counted from instead of the first.
    """
    if len(stack) != 1 or stack[0][0] not in '«“"':
        return -1
    o = stack[0][1]
    if text[text.rfind("\n", 0, o) + 1 : o].strip() and not (text[o] == "«" and _colon_lead_open(text, o)):
        return -1
    if text[i] == "«" and _colon_lead_open(text, i):
        return -1  # (s13) Житель: «Q1. / Аким: «Q2.: the next lead's own quote, the last one left open
    return o if _few_paragraphs(text, max(o, since), i) else -1


def _colon_lead_open(text: str, o: int) -> bool:
    """``Игорь Петров, главный тренер: «Q1.`` / ``Q2».``: a « right after a colon that ends a short lead on
    its line opens a quote that Russian pages carry over paragraphs, closing it only at the last one
    (s9-qru). Only a « the colon's lead introduces (no other mark on the line before it)."""
    if text[o] != "«":
        return False
    k = o - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k < 0 or text[k] != ":":
        return False
    ls = text.rfind("\n", 0, k) + 1
    return k - ls <= _COLON_LEAD_REACH and _WORDCH_RE.search(text, ls, k) is not None


#: The longest lead before a colon that may open a quote carried over paragraphs (a name and a title).
_COLON_LEAD_REACH: Final = 160


def _few_paragraphs(text: str, o: int, i: int) -> bool:
    """Between the line of ``o`` and the line of ``i`` (or the text's end) lie at most
    ``_MAX_CARRIED_LINES - 1`` non-blank lines, none with a quote mark, and a few blank ones."""
    k = text.find("\n", o, i)
    middle = 0
    for _ in range(_MAX_CARRIED_BREAKS):
        if k < 0:
            return True
        nxt = text.find("\n", k + 1, i)
        if nxt < 0:
            return True  # k ends the line before i's
        line = text[k + 1 : nxt]
        if line.strip():
            if not _wrapped_line(text, k):
                middle += 1
            if middle >= _MAX_CARRIED_LINES or _MARKS_RE.search(line) is not None:
                return False
        k = nxt
    return False


def _wrapped_line(text: str, nl: int) -> bool:
    """The line break at ``nl`` wraps a sentence (a page copied with hard line breaks): the line before it
    ends in a letter, a digit or a comma, and the next one goes on in lower case."""
    end = nl
    while end > 0 and text[end - 1] in " \t\r":
        end -= 1
    nxt = nl + 1
    return end > 0 and (text[end - 1].isalnum() or text[end - 1] == ",") and text[nxt : nxt + 1].islower()


def _orphan_candidate(text: str, c: int) -> Candidate | None:
    """``«Жайлы мектеп» сияқты ... сенемін», – деді S``: a paragraph whose opening mark the page left
    out (a quoted name opens it instead) and whose closing mark comes before ``, – деді S``: the
    paragraph up to that mark is S's quote."""
    lo = max(0, c - _LOST_DASH_REACH)
    nl = text.rfind("\n", lo, c)
    if nl < 0:
        return None  # the first line (a headline), or a paragraph too long for a quote
    s = nl + 1
    if c - s < 8 or not (text[s].isupper() or text[s] in '«“"„'):
        return None
    cand = _mark_candidate(text, nl, c)
    if cand is None or cand.cue is None or cand.kind != "mark" or cand.speaker_span is None:
        return None
    # the attribution follows the closing mark (, – деді S / ," the President said)
    return cand if cand.speaker_span[0] > c else None


def _straight_opens(text: str, i: int) -> bool:
    """A straight double quote at ``i`` that opens a quote: a word (or anything but a space) follows it,
    and a space, a line start, an opening bracket or dash, or another opening straight quote precedes it."""
    if i + 1 >= len(text) or text[i + 1].isspace():
        return False
    if i == 0 or text[i - 1] in _OPEN_PRECEDERS:
        return True
    return text[i - 1] == '"' and (i == 1 or text[i - 2] in _OPEN_PRECEDERS)


#: The participle of ``де`` as a plural noun, "the ones who said": the quote's speakers, a group unnamed.
_SAYERS: Final = frozenset({"дегендер"})

#: Words a quoted stretch needs to be more than a term set off in marks (the guide: scare quotes and
#: terms run to three words).
_MIN_CLAUSE_WORDS: Final = 4


def _mark_candidate(text: str, o: int, c: int) -> Candidate | None:
    """Check the context of a quoted span ``text[o] ... text[c]`` for an attribution."""
    s, e = _content_bounds(text, o + 1, c)
    if s >= e or not _has_word(text, s, e):
        return None
    before = WORD_RE.findall(text, max(0, o - 24), o)
    # known as "the Big Three", так называемый «...»: a name, not a quote; (s13) съемки клипа "Любовь уставших
    # лебедей", the book “Steppe Stories”: a work's short title after the kind of work, no words said
    if before and (
        before[-1].lower() in _NAMING_WORDS
        or before[-1].lower().startswith(_WORK_KINDS) and len(text[s:e].split()) <= _TITLE_WORDS
    ):
        return None
    inner_sep = text[c - 1] in ",!?…" if c > o + 1 else False
    m = _SEP_AFTER_RE.match(text, c + 1)
    p = m.end() if m else c + 1
    dash_sep = bool(m and m.group(2))
    if m is not None and not m.group(2) and text[p : p + 1] in ("\n", "\r"):
        # «Q», / (a blank line) / — деді S.: the attribution a layout put on a paragraph of its own
        below = _ATTR_BELOW_RE.match(text, p)
        if below is not None:
            p, dash_sep = below.end(), True
        elif (m.group(1) == "," or text[c - 1] == ",") and text[p + 1 : p + 2].islower():
            p += 1  # ...,” / said S.: a hard line break inside the sentence, not a paragraph's end
    sep = bool(m and (m.group(1) or m.group(2))) or inner_sep
    if m and m.group(1) == "" and m.group(2) == "" and p < len(text) and text[p] == ".":
        # sentence ends right after the quote: no trailing attribution, unless a dash and a lower-case word
        # follow the stop (``«Q». — отметил он``: a full stop typed before the dash)
        p, sep, dash_sep = (d.end(), True, True) if (d := _STOP_DASH_RE.match(text, p)) else (len(text), sep, False)
    lang = "kk"
    if p < len(text) and text[p].isalpha():
        stop = clause_end(text, p)
        cue = find_cue(text, p, stop) or (_press_office_cue(text, p, stop) if text[p] in "сиСИ" else None)
        if cue is None and dash_sep:
            cue = _ru_past_verb_at(text, p)
            if cue is None and (text[c - 1] in ",.!?…" or text[c + 1] == ",") and (nd := _named_at(text, p)):
                # «Q», – Ержан Саденов. / «Q», – Президент РК.: the speaker alone after the dash, no verb
                return Candidate(s, e, "mark", None, nd, "", 0.75, "after", nd[1])
        if cue is None and sep and not dash_sep:
            cue = _en_verb_after_apposition(text, p, stop)
            if cue is None:
                cue = _en_verb_after_closed_apposition(text, p, stop) or (
                    _en_verb_after_long_subject(text, p, stop) if text[p].isascii() else None
                )
        if cue is not None and (cue.start - p) < 120:
            lang = cue.lang
            cue = _accept_cue(text, cue, s, e, p, sep, dash_sep)
        else:
            cue = None
        if cue is None and sep and not dash_sep:
            found = _according_to(text, p, stop)
            if found is not None and found[0].start == p and len(text[s:e].split(None, 4)) >= _MIN_CLAUSE_WORDS:
                # "Q," according to X. / «Q», по словам X: the phrase right after the quote names X
                return Candidate(s, e, "mark", found[0], found[1], found[0].lang, 0.85, "after", stop)
        if cue is not None and cue.lang == "kk" and _writer_asks(text, cue.start):
            return None  # «Q?» деп сұрадық: the journalist's own question, nobody's quote
        if cue is not None and cue.text.lower() in _SAYERS:
            # «Q» - дегендер ...: said by the ones who said it, whom the text leaves unnamed
            return Candidate(s, e, "mark", cue, None, cue.lang, 0.8, "sayers", stop)
        if cue is not None:
            after_s, after_e = _trim_speaker(text, cue.end, stop)
            if cue.lang == "en":
                after_e = _en_speaker_end(text, after_s, after_e)
            if cue.lang == "kk" and _only_auxiliaries(text, after_s, after_e):
                after_e = after_s  # «Q» деген болатын: the speaker comes before the quote
            elif cue.text.lower() == "деген" and _KK_POSSESSED_OBJECT_RE.match(text, after_s) is not None:
                # «Q» деген өтінішін айтты: what деген names is the speaker's request or wish, in the accusative;
                # the speaker is the sentence's subject, before the quote or the one named before it
                after_e = after_s
            before_s, before_e = _trim_speaker(text, p, cue.start)
            if text[p : p + 3].lower() == "деп":
                before_s = min(before_s + 3, before_e)
                before_s, before_e = _trim_speaker(text, before_s, before_e)
            if cue.lang == "ru" and _only_ru_adverbs(text, before_s, before_e):
                before_e = before_s  # «Q», — также сообщили в акимате: an adverb before the verb, the speaker after
            side = ""
            spk: tuple[int, int] | None = None
            if cue.gap is not None:
                spk, side = cue.gap, "after"
            elif before_e > before_s and cue.lemma != "де" and not cue.text.lower().startswith("деп"):
                spk, side = (before_s, before_e), "before"
            elif after_e > after_s:
                spk, side = (after_s, after_e), "after"
            elif before_e > before_s:
                spk, side = (before_s, before_e), "before"
            if spk is None or (side == "before" and cue.lang == "kk" and not sep):
                # subject-first: S «Q» деп атап өтті.
                ss, se = _subject_before(text, o)
                if se > ss and cue.lemma == "делу":
                    # (s13) ресми түсініктемеде «Q» делінген.: the release the words are in speaks for its body
                    releases = list(_KK_RELEASE_IN_RE.finditer(text, ss, se))
                    ss, se = releases[-1].span() if releases else (ss, se)
                if se > ss:
                    return Candidate(s, e, "subject", cue, (ss, se), cue.lang, 0.8, "subject", stop)
                if spk is None:
                    return Candidate(s, e, "mark", cue, None, cue.lang, 0.75, "", stop)
            return Candidate(s, e, "mark", cue, spk, cue.lang, 0.9 if sep else 0.85, side, stop)
    # speaker before: S: «Q» / S отметил: «Q» / S said, "Q"
    if len(text[s:e].split(None, _MIN_CLAUSE_WORDS)) < _MIN_CLAUSE_WORDS and _NAME_GOES_ON_RE.match(text, c + 1):
        return None  # ..., полиция "Айгүл" аялдамасын қоршады: a name in marks that a word goes on from
    j = o - 1
    while j >= 0 and text[j] in " \t\r\n":
        j -= 1
    that = None
    if (
        j >= 0
        and text[j] not in ":,"
        and len(text[s:e].split(None, _MIN_CLAUSE_WORDS)) >= _MIN_CLAUSE_WORDS
        and (text[e - 1] in ".!?…" or text[c + 1 : c + 2] in ("", ".", ",", ";", "!", "?", "…", "\n"))
    ):
        # S said that "Q." / S отметил, что «Q».: the words after ``that`` are S's own, quoted in part
        # (a name in marks goes on with a word: что «Программа развития регионов» выполнена)
        that = _THAT_BEFORE_RE.search(text, max(0, j - 8), j + 1)
        if that is None and (text[c + 1 : c + 2] in ("", ".", "\n") or _ends_before_sentence(text, c, e)):
            # S заявил, что генпрокуратура «Q».: the quoted words end the sentence that S's verb opens
            that = _last_that(text, o)
    if that is not None:
        j = that.start()
    if j >= 0 and (text[j] in ":," or that is not None or (text[s].islower() and _en_partial(text, o, c, s, e, j))):
        if text[j] == "," and "\n" in text[j:o]:
            return None
        cs = clause_start(text, j)
        for mark in '"»”“':
            cs = max(cs, text.rfind(mark, cs, j) + 1)
        cue = _last_cue(text, cs, j)
        if cue is not None:
            ss, se = _trim_speaker(text, cs, cue.start)
            inverted = _name_then_participle(text, cue.end, j) or (
                _body_after_plural_verb(text, cue, j) if cue.lang == "ru" else None
            )
            if inverted is not None:
                ss, se = inverted  # ..., said Karin, adding: "Q" / ..., сказал Ахметов, добавив: «Q»
            elif se <= ss or _only_as(text, ss, se) or _object_first(text, ss, se, cue, j):
                # Как сообщил аким Ерболат Досаев, «...»: the speaker follows the verb
                ss, se = _trim_speaker(text, cue.end, j)
            elif (marked := _subject_before_marks(text, cs, cue.start)) is not None and not _NAME_PAIR_RE.search(
                text, ss, se
            ):
                ss, se = marked
            else:
                first = WORD_RE.match(text, ss)
                if first is not None and first.group().lower() in ("as", "как"):
                    ss, se = _trim_speaker(text, first.end(), se)  # As Tokayev said, "..."
            span = (ss, se) if se > ss else None
            return Candidate(s, e, "colon", cue, span, cue.lang, 0.85, "colon", c + 1)
        if text[j] == ":":
            found = _according_to(text, cs, j)
            if found is not None:
                # По словам акима Кумара Аксакалова, финансирование будет обеспечено: «Q»
                return Candidate(s, e, "colon", found[0], found[1], found[0].lang, 0.8, "colon", c + 1)
            ss, se = _name_before_title_org(text, cs, j) if text[cs - 1 : cs] == "»" else _trim_speaker(text, cs, j)
            if se > ss:
                return Candidate(s, e, "colon", None, (ss, se), lang, 0.7, "colon", c + 1)
        else:
            found = _according_to(text, cs, j)
            if found is not None:
                return Candidate(s, e, "colon", found[0], found[1], found[0].lang, 0.8, "colon", c + 1)
    return None


#: A name of two or three capitalised words opening a line, a comma after it (Жәди Шәкенұлы, жазушы, ...).
_LINE_NAME_RE: Final = re.compile(
    rf"[ \t]*([{CYRILLIC_UPPER}A-Z][\w'’-]+(?:[ \t]+[{CYRILLIC_UPPER}A-Z][\w'’-]+){{1,2}}),"
)


def _name_opening_line(text: str, cs: int, colon: int) -> tuple[int, int] | None:
    """``Name, post, ..., another post: «Q»``: the clause before the colon is the last of the appositions
    after a name that opens the line, in one sentence: the span of that name. None otherwise."""
    ls = text.rfind("\n", 0, cs) + 1
    if cs <= ls:
        return None
    m = _LINE_NAME_RE.match(text, ls, colon)
    if m is None or SENTENCE_BREAK_RE.search(text, m.end(), colon) is not None:
        return None
    return m.span(1)


def _name_before_title_org(text: str, cs: int, colon: int) -> tuple[int, int]:
    """``Игорь Петров, главный тренер «Волги»: «Q»`` / ``Анна Ким, директор макрорегиона «Юг» Tele2:``: a
    speaker's title ends with a club's or company's name in marks (perhaps with a word or two of the name
    after them), so the clause before the colon starts after that name's closing mark and holds no one, or
    the name's tail only. The speaker is the name before the title, in the clause that ends at the
    name's opening mark (s9-qru). ``Жәди Шәкенұлы, ... «Алаш» сыйлығының иегері, жазушы: «Q»``: the name
    the line opens with, before appositions (s11-head). Otherwise the clause before the colon, trimmed."""
    named = _name_opening_line(text, cs, colon)
    if named is not None:
        return named
    tail = WORD_RE.findall(text, cs, colon)
    if len(tail) > _TITLE_ORG_TAIL or any(title_head(w) is not None for w in tail):
        # «Самрук-Қазына» АҚ басшысы: a Kazakh title after the name is the speaker's own
        return _trim_speaker(text, cs, colon)
    o = text.rfind("«", max(0, cs - _TITLE_ORG_REACH), cs - 1)
    if o < 0 or "\n" in text[o:cs] or not text[o + 1 : o + 2].isupper():
        return _trim_speaker(text, cs, colon)
    before = clause_start(text, o)
    if tail and text.find(",", before, o) < 0:
        # the words after the marks name someone unless a title set off by a comma precedes
        return _trim_speaker(text, cs, colon)
    named = _trim_speaker(text, before, o)
    return named if named[1] > named[0] else _trim_speaker(text, cs, colon)


#: The longest organisation name in marks that a speaker's title ends with (``тренер «Волги»:``), and
#: the most words of the name after its marks (``«Москва» Tele2:``).
_TITLE_ORG_REACH: Final = 60
_TITLE_ORG_TAIL: Final = 2


#: ``«Q». — отметил он``: a full stop after the closing mark, then the dash and a lower-case Russian word
#: (the attribution, which the stop does not end) (s9-qru).
_STOP_DASH_RE: Final = re.compile(r"\.[ \t]{1,3}[-–—‒―][ \t]{1,3}(?=[а-яё])")

#: Line breaks, then a dash opening the next non-blank line before a lower-case word (the attribution
#: below a quote: ``«Q»,`` / ``— деді S.``).
_ATTR_BELOW_RE: Final = re.compile(r"(?:[ \t]*\r?\n){1,3}[ \t]*[-–—‒―][ \t]{0,3}(?=[^\W\d_A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")

#: ``, что`` / ``that`` inside a sentence.
_THAT_INSIDE_RE: Final = re.compile(r",[ \t]*что\b|\bthat\b")
_THAT_REACH: Final = 200


#: A closing mark's sentence ends and another opens after it (``... governors.” The fact that``).
_NEW_SENTENCE_RE: Final = re.compile(r"[ \t]+[A-Z]")


def _ends_before_sentence(text: str, c: int, e: int) -> bool:
    """The quoted words end their sentence and another opens after the closing mark."""
    return text[e - 1] in ".!?" and _NEW_SENTENCE_RE.match(text, c + 1) is not None


def _en_partial(text: str, o: int, c: int, s: int, e: int, j: int) -> bool:
    """``The Senate said in a press release the document will “facilitate the completion of ... .”``: English words
    of four or more quoted in part, from a lower-case word to the end of the sentence whose speech verb comes
    before them; no scare quote or name, which take one to three words or go on with the sentence (s11-enq)."""
    if not text[s].isascii() or text[j] in ":," or len(text[s:e].split(None, _MIN_CLAUSE_WORDS)) < _MIN_CLAUSE_WORDS:
        return False
    if not (text[c + 1 : c + 2] in ("", ".", "\n") or _ends_before_sentence(text, c, e)):
        return False
    cs = clause_start(text, o - 1)
    cue = _last_cue(text, cs, o)
    return cue is not None and cue.lang == "en" and _has_word(text, cs, cue.start)


def _last_that(text: str, o: int) -> re.Match[str] | None:
    """The last ``, что`` / ``that`` before ``o`` in its sentence (within a few hundred characters)."""
    lo = max(0, o - _THAT_REACH)
    stop = max(text.rfind(". ", lo, o), text.rfind("\n", lo, o), text.rfind("»", lo, o), text.rfind('"', lo, o))
    found = None
    for m in _THAT_INSIDE_RE.finditer(text, stop + 1 if stop >= 0 else lo, o):
        found = m
    return found


#: A word right after a closing mark: the marks set off a name inside a clause.
_NAME_GOES_ON_RE: Final = re.compile(r"[ \t]?[^\W\d_]")

#: ``that`` / ``, что`` right before a quote's opening mark (S said that "Q", S отметил, что «Q»).
_THAT_BEFORE_RE: Final = re.compile(r"(?:\bthat|,[ \t]*что)[ \t]*$")

_NAME_PAIR_RE: Final = re.compile(r"\b[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+[ \t]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+")


def _object_first(text: str, ss: int, se: int, cue: Cue, j: int) -> bool:
    """``Возмущение высказал и блогер Самат Искаков: «Q»``: Russian puts the object first and the speaker
    after the verb; one word before the verb, a name of two capitalised words after it."""
    if cue.lang != "ru" or len(text[ss:se].split()) != 1:
        return False
    return _NAME_PAIR_RE.search(text, cue.end, j) is not None


#: Participles that carry a speaker's turn on to a colon: said X, adding: ... / сказал X, добавив: ...
_ONWARD_PARTICIPLES: Final = frozenset(
    {"adding", "noting", "stressing", "saying", "explaining", "emphasizing", "emphasising",
     "добавив", "отметив", "подчеркнув", "заключив", "пояснив"}
)


def _name_then_participle(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a name between a speech verb and a participle before a colon (``said Karin, adding``)."""
    words = _words(text, start, end, 6)
    if not 2 <= len(words) <= 4 or words[-1].group().lower() not in _ONWARD_PARTICIPLES:
        return None
    names = words[:-1]
    if not all(w.group()[0].isupper() for w in names):
        return None
    return names[0].start(), names[-1].end()


#: Kazakh auxiliaries after a cue (деген болатын, деп еді): no speaker among them.
_KK_AUXILIARIES: Final = frozenset({"болатын", "еді", "екен", "болды", "болған", "ды", "ді"})


#: A lower-case noun with a possessive and an accusative ending (өтінішін, тілегін, уәдесін, ұсынысын): the
#: object of the verb after ``«Q» деген``, what the speaker said, never the speaker.
_KK_POSSESSED_OBJECT_RE: Final = re.compile(r"[а-яәғқңөұүһі]{2,30}(?:ын|ін)(?![\w-])")


#: ``деп`` and a verb of asking whose first words end in the first person (деп сұрадық, деп сұрап үлгердім,
#: деп сауал қойдық): the writer, a journalist, asks.
_KK_WRITER_ASKS_RE: Final = re.compile(
    r"деп[ \t]+(?:сұра|сауал|сұрақ)[а-яәғқңөұүһі]{0,12}(?:[ \t]+[а-яәғқңөұүһі]{1,14}){0,2}?"
    r"(?:дық|дік|тық|тік|дым|дім|тым|тім|мыз|міз|мын|мін)(?![\w-])"
)


def _writer_asks(text: str, cue_start: int) -> bool:
    return _KK_WRITER_ASKS_RE.match(text, cue_start) is not None


def _only_auxiliaries(text: str, start: int, end: int) -> bool:
    words = WORD_RE.findall(text, start, end)
    return bool(words) and all(w.lower() in _KK_AUXILIARIES for w in words)


#: A Kazakh word naming what the marks before it hold (... «Әділетті Қазақстан» атты Жолдау, «Ақ жол»
#: атындағы мектеп): the marks hold a title, and the clause goes on through them.
_KK_TITLE_NAMING_RE: Final = re.compile(r"[ \t]+(?:атты|атындағы)\b")
_MAX_NAMED_TITLES: Final = 2


def _subject_before(text: str, o: int) -> tuple[int, int]:
    """The subject of ``S «Q» деп атап өтті`` before the mark at ``o``: the clause's part after its
    last comma, up to a colon (Еске салайық, бұған дейін Болат Оразов: «Q» деген болатын)."""
    cs = clause_start(text, o)
    for _ in range(_MAX_NAMED_TITLES):
        # Тоқаев «Әділетті Қазақстан» атты Жолдауында «Q» деп: a title in marks the subject names, no clause end
        if cs < 2 or text[cs - 1] != "»" or _KK_TITLE_NAMING_RE.match(text, cs) is None:
            break
        opening = text.rfind("«", max(0, cs - _CLAUSE_LIMIT), cs - 1)
        if opening < 0:
            break
        cs = clause_start(text, opening)
    end = o
    j = o - 1
    while j > cs and text[j] in " \t":
        j -= 1
    if j >= cs and text[j] == ":":
        end = j
    comma = text.rfind(",", cs, end)
    if comma > cs:
        after = _words(text, comma + 1, end)
        lows = [w.group().lower() for w in after]
        if after and _kk_object_gap(after, lows, 0, len(after)):
            # X сөз алып, қатысушыларға «Q» деп: those spoken to after the comma; the converb's subject speaks
            return _trim_speaker(text, cs, comma)
    return _trim_speaker(text, cs if comma < 0 else comma + 1, end)


#: "According to X," before a quote: (words, lemma, language, where X is: after or before the phrase,
#: or the phrase's word at that index, a pronoun).
_ACCORDING: Final = (
    (("по", "его", "словам"), "по словам", "ru", 1),
    (("по", "ее", "словам"), "по словам", "ru", 1),
    (("по", "её", "словам"), "по словам", "ru", 1),
    (("по", "словам"), "по словам", "ru", "after"),
    (("according", "to"), "according to", "en", "after"),
    (("по", "его", "мнению"), "по мнению", "ru", 1),
    (("по", "ее", "мнению"), "по мнению", "ru", 1),
    (("по", "её", "мнению"), "по мнению", "ru", 1),
    (("по", "мнению"), "по мнению", "ru", "after"),
    (("айтуынша",), "айтуынша", "kk", "before"),
    (("сөзінше",), "сөзінше", "kk", "before"),
    (("пікірінше",), "пікірінше", "kk", "before"),
    (("сөзіне", "қарағанда"), "сөзінше", "kk", "before"),
    # a body reporting (ІІМ баспасөз қызметінің хабарлауынша, «Q»)
    (("хабарлауынша",), "хабарлауынша", "kk", "before"),
    (("мәлімдеуінше",), "хабарлауынша", "kk", "before"),
    # "as X said" (Министр атап өткендей, «Q»; Министрдің айтқанындай, «Q»)
    (("айтқандай",), "айтқандай", "kk", "before"),
    (("айтқанындай",), "айтқандай", "kk", "before"),
    (("атап", "өткендей"), "айтқандай", "kk", "before"),
    (("атап", "өткеніндей"), "айтқандай", "kk", "before"),
    (("мәлімдегендей",), "айтқандай", "kk", "before"),
)


#: The lemmas of those phrases: they name the speaker in the genitive (По словам министра, Тоқаевтың айтуынша).
ACCORDING_LEMMAS: Final = frozenset(lemma for _, lemma, _, _ in _ACCORDING)


def _according_to(text: str, start: int, end: int) -> tuple[Cue, tuple[int, int]] | None:
    """По словам X, «...» / According to X, "..." / X айтуынша, «...»: the phrase and X."""
    words = _words(text, start, end, 12)
    lows = [w.group().lower() for w in words]
    for phrase, lemma, lang, where in _ACCORDING:
        n = len(phrase)
        for i in range(len(lows) - n + 1):
            if tuple(lows[i : i + n]) != phrase:
                continue
            cs, ce = words[i].start(), words[i + n - 1].end()
            cue = Cue(cs, ce, text[cs:ce], lemma, lang)
            if isinstance(where, int):
                ss, se = words[i + where].start(), words[i + where].end()
            elif where == "after":
                ss, se = _trim_speaker(text, cue.end, end)
            else:
                ss, se = _trim_speaker(text, start, cue.start)
            return (cue, (ss, se)) if se > ss else None
    return None


_NAMING_WORDS: Final = frozenset(
    {
        "as",
        "called",
        "dubbed",
        "named",
        "titled",
        "entitled",
        "nicknamed",
        "so-called",
        "называемый",
        "названием",
        "назвал",
        "назвали",
        "назвала",
        "именуемый",
        "прозвали",
    }
)
#: (s13) Russian and English kinds of work whose title follows them in marks (клипа «X», песни «X», the film “X”).
_WORK_KINDS: Final = (
    "клип", "песн", "фильм", "альбом", "спектакл", "роман", "сериал", "книг", "стихотворени", "поэм",
    "song", "film", "movie", "album", "book", "novel", "poem", "series",
)
_TITLE_WORDS: Final = 6
_AUX: Final = frozenset({"was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "was,"})
_KK_QUOTE_CUES: Final = ("деп", "деді", "дейді", "деген", "депті", "десе")
#: (s13) What may follow «Q» делінген with no comma for the words to be a release's: the release they are in
#: (делінген хабарламада, делінген Х басқармасы ақпаратында, делінген министрліктің сайтында).
_KK_RELEASE_IN_RE: Final = re.compile(
    r"(?<!\w)(?:хабарлама|ақпарат|мәлімдеме|түсініктеме|жауаб|сайт|парақша)\w*(?:да|де|нда|нде|та|те)(?!\w)"
)
_KK_RELEASE_AFTER_RE: Final = re.compile(
    r"[ \t]*(?:[^\W\d_][\w-]*[ \t]+){0,8}?"
    r"(?:хабарлама|ақпарат|мәлімдеме|түсініктеме|жауаб|сайт|парақша)\w*(?:да|де|нда|нде|та|те)\b"
)


#: A Kazakh finite verb closing a short quote (жалғастырамыз, келемін, барады, болды): the quote is a
#: sentence someone said, not a word set off in quotes.
_KK_FINITE_VERB: Final = re.compile(
    r"(мыз|міз|быз|біз|пыз|піз|мын|мін|бын|бін|пын|пін|сыз|сіз|сың|сің|ады|еді|йды|йді|ды|ді|ты|ті"
    r"|дық|дік|тық|тік|дым|дім|тым|тім|\bотыр|\bжатыр|\bтұр|\bжүр|\bемес|\bжоқ)\W*$"
)


#: First- and second-person words: a phrase with one is somebody's words, not a name or a title.
_PERSONAL_WORDS: Final = frozenset(
    {"мен", "біз", "бізге", "бізді", "біздің", "сен", "сіз", "сіздер", "я", "мы", "нас", "нам", "мне", "меня",
     "вы", "вас", "вам", "наш", "наша", "наши", "наше", "i", "we", "us", "our", "you"}
)
_MIN_STATEMENT_WORDS: Final = 4


def reads_as_statement(text: str, start: int, end: int) -> bool:
    """Quoted words that are a sentence somebody says: four words or more, ending in a Kazakh finite verb
    (Ташкентке алтын үшін келдік) or speaking in the first or second person."""
    words = WORD_RE.findall(text, start, end)
    if len(words) < _MIN_STATEMENT_WORDS:
        return False
    return _KK_FINITE_VERB.search(text, start, end) is not None or any(w.lower() in _PERSONAL_WORDS for w in words)


#: Nouns after ``деген`` that name the quoted words instead of reporting them (деген сөз, деген сұрақ).
_TERM_NOUNS: Final = (
    "сөз", "сауал", "сұрақ", "ұғым", "атау", "термин", "ұран", "тақырып", "айдар",
    # the question with a possessive ending, its қ voiced (журналистің «...?» деген сұрағына жауап берді)
    "сұрағ",
    # works and events named by their titles (деген мақаласы, деген кітабы, деген ән)
    "мақала", "кітап", "кітаб", "өлең", "ән", "фильм", "спектакль", "қойылым", "бағдарлама", "жоба", "акция", "байқау",
)


def _bare_said(text: str, cue: Cue, s: int, e: int, p: int) -> bool:
    """``“Q” said Duissenova``: an English sentence of four words or more, its verb right after it."""
    return cue.lang == "en" and cue.start == p and text[s].isupper() and len(text[s:e].split(None, 4)) > 4


def _accept_cue(text: str, cue: Cue, s: int, e: int, p: int, sep: bool, dash_sep: bool) -> Cue | None:
    """Filter cue verbs that follow a quoted span but do not introduce a quote."""
    if cue.lang != "kk" and not sep and not _bare_said(text, cue, s, e, p):
        return None  # Russian and English need ", —" / ',"' between quote and verb
    if cue.lemma in DASH_ONLY_CUES and not dash_sep:
        return None  # «тұрақты» деп бағалады: an evaluation, not a quote
    if cue.text.lower() == "деген":
        after = WORD_RE.search(text, cue.end, cue.end + 64)
        if after is not None and after.group().lower().startswith(_TERM_NOUNS):
            return None  # «Подлежит» деген сөзге, «...?» деген сұраққа: a word or a question named, not said
    if cue.lang == "kk" and not sep:
        if text[p : p + 5].lower() == "делін":
            # «Жасыл ел» делінген бағдарлама, Заң жобасында «Q» делінген: a name, a document; a release before the
            # quote (ресми түсініктемеде «Q» делінген.) or after it (делінген хабарламада) speaks for its body
            release_before = _KK_RELEASE_IN_RE.search(text, clause_start(text, s - 1), s)
            if release_before is None and _KK_RELEASE_AFTER_RE.match(text, cue.end) is None:
                return None
        elif not text[p : p + 8].lower().startswith(_KK_QUOTE_CUES):
            return None  # «Қазақстан темір жолы» ҰК АҚ хабарлады: a name, not a quote
        n_words = len(text[s:e].split())
        if text[s].islower() and (n_words == 1 or (n_words <= 3 and not _KK_FINITE_VERB.search(text[s:e]))):
            return None  # жағдайды «қиын» деп айтты: a scare quote; «біз келеміз» деп: a sentence
    if cue.lang == "en":
        prev = WORD_RE.findall(text, max(p, cue.start - 12), cue.start)
        if prev and prev[-1].lower() in _AUX:
            return None  # "Project Light" was announced: passive, no speaker
    return cue


#: Lower-case words that end an English speaker phrase after the verb and open what follows it: the
#: time, place or occasion (said X during the forum, while opening the school, at the briefing).
_EN_SPEAKER_STOPS: Final = frozenset(
    {"while", "during", "when", "at", "in", "on", "after", "before", "as", "to", "from", "with", "who", "adding"}
)


def _en_speaker_end(text: str, start: int, end: int) -> int:
    """``said akim of the region Karim Kokrekbayev while congratulating residents``: the speaker phrase
    ends before the first word that opens an adjunct: a stop word or a participle in -ing once a
    capitalised word (the name) has been seen."""
    named = False
    for w in WORD_RE.finditer(text, start, end):
        word = w.group()
        if word[:1].isupper():
            named = True
        elif named and (word in _EN_SPEAKER_STOPS or (word.endswith("ing") and len(word) > 5)):
            return _trim_speaker(text, start, w.start())[1]
    return end


#: Words in an English apposition between a speaker's name and the verb at the clause's end.
_EN_APPOSITION_MAX_WORDS: Final = 16


def _en_verb_after_apposition(text: str, p: int, stop: int) -> Cue | None:
    """``"Q," Gulmira Karimova, Chairman of the Committee for Secondary Education said.``: a name, its
    post set off by a comma, and the speech verb last in the clause, further than the first few words."""
    words = WORD_RE.findall(text, p, stop)
    if not 3 <= len(words) <= _EN_APPOSITION_MAX_WORDS or not words[0][:1].isupper():
        return None
    last = list(WORD_RE.finditer(text, p, stop))[-1]
    low = last.group().lower()
    if low not in EN_CUES or text.find(",", p, last.start()) < 0 or text[stop : stop + 1] != ".":
        return None
    return Cue(last.start(), last.end(), last.group(), EN_CUES[low], "en")


def _en_verb_after_closed_apposition(text: str, p: int, stop: int) -> Cue | None:
    """``"Q," Marat Sadykov, the head of the forecasting department, told reporters on Monday.`` or ``"Q," the head
    of the weather department, Marat Sadykov, said.``: a name and its post, the second closed by a comma, and the
    speech verb right after that comma, whatever follows the verb."""
    first = text.find(",", p, stop)
    if first < 0 or first - p > 60:
        return None
    second = text.find(",", first + 1, stop)
    if second < 0:
        return None
    verb = WORD_RE.match(text, second + 1 + (text[second + 1 : second + 2] == " "))
    if verb is None or verb.group().lower() not in EN_CUES:
        return None
    if len(WORD_RE.findall(text, p, verb.start())) > _EN_APPOSITION_MAX_WORDS:
        return None
    return Cue(verb.start(), verb.end(), verb.group(), EN_CUES[verb.group().lower()], "en")


#: Words at most in an English subject that stands, with no comma, before the verb ending the attribution
#: after a quote: a post with its body's full name and then the name (s11-enq).
_EN_LONG_SUBJECT_MAX_WORDS: Final = 16
#: Verbs by which a body gives its words through its office or a document (the press service of the ministry
#: reported, the Governor's Office informed); after an outlet's name they only credit a source (s11-enq).
_EN_BODY_VERBS: Final = frozenset({"reported", "reports", "informed", "informs"})
_EN_BODY_HEADS: Final = frozenset(
    {"service", "office", "ministry", "department", "committee", "akimat", "court", "agency", "administration"}
)
#: Words that open a clause of their own inside a would-be subject: what follows is no speaker phrase.
_EN_CLAUSE_OPENERS: Final = frozenset({"who", "which", "that", "where", "when", "while", "whose", "if", "but"})
#: What a body speaks through, before the body's name (the press service of X, the statement from X).
_EN_THROUGH_RE: Final = re.compile(
    r"\b(?:press[ -]service|press[ -]office|statement|message|release|announcement)[ \t]+(?:of|from)[ \t]+", re.I
)
#: ``the press service quoted Tokayev as saying``: the one quoted stands between the two verbs (s11-enq).
_EN_QUOTED_AS_RE: Final = re.compile(r"quoted[ \t]+([^,.;:!?\n]{2,80}?)[ \t]+as[ \t]+say(?:ing|s)\b")


def _en_verb_after_long_subject(text: str, p: int, stop: int) -> Cue | None:
    """``"Q," Executive Director of the Weightlifting Federation of Kazakhstan Omar Mustafin said.``, ``"Q," the
    press service of the Ministry of Energy reported.``: the subject, a post with a body's name or a body's office,
    runs past the first few words the cue search looks at, with no comma or clause of its own before the verb; the
    presidential press service quoted X as saying: X speaks (s11-enq)."""
    quoted = _EN_QUOTED_AS_RE.search(text, p, stop)
    if quoted is not None and quoted.start() - p < 80:
        return Cue(quoted.start(), quoted.start() + 6, "quoted", "quote", "en", quoted.span(1))
    words = list(islice(WORD_RE.finditer(text, p, stop), _EN_LONG_SUBJECT_MAX_WORDS + 1))
    if not words or not (words[0].group()[:1].isupper() or words[0].group() == "the"):
        return None
    for i, w in enumerate(words):
        low = w.group().lower()
        if low in _EN_CLAUSE_OPENERS:
            return None
        body_verb = low in _EN_BODY_VERBS
        if not body_verb and (low not in EN_CUES or i < _MAX_CUE_WORDS):
            continue
        if i == 0 or any(ch in text[p : w.start()] for ch in ",;:()"):
            return None
        subject = [x.group() for x in words[:i]]
        if not any(x[:1].isupper() for x in subject) or subject[-1].lower() in _AUX:
            return None
        if body_verb and not any(x.lower() in _EN_BODY_HEADS for x in subject):
            return None  # "Q," Kazinform reported: an outlet credited
        through = _EN_THROUGH_RE.search(text, p, w.start())
        # the press service of the ministry, a statement from the court: the body speaks through them
        gap = _trim_speaker(text, through.end(), w.start()) if through is not None else None
        return Cue(w.start(), w.end(), w.group(), EN_CUES.get(low, "report"), "en", gap)
    return None


#: Words of "as ... said" before a speech verb (Как сообщил X, As X said): no speaker among them.
_AS_WORDS: Final = frozenset({"как", "уже", "ранее", "и", "as", "earlier", "previously", "already"})


def _only_and(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is nothing, or only a conjunction joining a second verb (и, а, and)."""
    return text[start:end].strip().lower() in ("", "и", "а", "and", "also", "также", "и также")


def _only_as(text: str, start: int, end: int) -> bool:
    words = WORD_RE.findall(text, start, end)
    return bool(words) and all(w.lower() in _AS_WORDS for w in words)


def _trim_speaker(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and punctuation around a speaker phrase; cut at a comma."""
    while start < end and not text[start].isalnum():
        start += 1
    comma = text.find(",", start, end)
    if comma >= 0:
        if comma < start + (_EN_LEAD_PHRASE_REACH if text[start].isascii() else _LEAD_PHRASE_REACH):
            start = _past_lead_phrase(text, start, end, comma)
            comma = text.find(",", start, end)
        while comma >= 0 and _kk_list_goes_on(text, comma, end):
            comma = text.find(",", text.find(" және ", comma, end) + 1, end)
        if comma >= 0:
            end = comma
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    while end > start and text[end - 1] == "." and not _initial_at(text, end - 1):
        end -= 1
    return start, end


#: Russian introductory phrases set off by a comma before a sentence's subject (В то же время, он
#: подчеркнул; Например, вице-спикер ... заявила; Кроме того, по его словам): they name no one (s8-qrupeople).
_RU_LEAD_PHRASES: Final = frozenset(
    {"например", "кстати", "впрочем", "однако", "итак", "конечно", "также", "кроме того", "при этом",
     "в то же время", "вместе с тем", "между тем", "в свою очередь", "в частности", "тем не менее",
     "в итоге", "в целом", "в заключение", "помимо этого", "помимо того", "к тому же", "более того",
     "со своей стороны", "в ответ", "после этого", "позже", "затем", "далее", "напомним", "кроме этого",
     "в связи с этим", "в этой связи", "по сути", "в результате", "словом", "в общем", "при том"}
)
_LEAD_PHRASE_WORDS: Final = 4
_LEAD_PHRASE_REACH: Final = 40


def _past_lead_phrase(text: str, start: int, end: int, comma: int) -> int:
    """Past an introductory phrase and its ``comma`` that open a speaker phrase (``В то же время, он``): the
    subject comes after it; ``start`` itself when the phrase before the comma is none of them."""
    lead = " ".join(w.lower() for w in WORD_RE.findall(text, start, comma))
    if not (
        (lead.count(" ") < _LEAD_PHRASE_WORDS and (lead in _RU_LEAD_PHRASES or _ru_gerund_phrase(lead)))
        or lead in _KK_OPENING_ADVERBS  # Сондай-ақ, Мемлекет басшысы айтқандай (s11-glue)
        or en_gerund_phrase(lead)  # Proposing this plan in March, President X said (s11-glue)
    ):
        return start
    after = comma + 1
    while after < end and not text[after].isalnum():
        after += 1
    return after if after < end else start


#: Endings of Russian adverbial participles (уходя, отвечая, обращаясь, отметив, вернувшись), and будучи, the
#: one of быть (Будучи советником премьер-министра, X говорил:).
_RU_GERUND = re.compile(r"^(?:будучи|[а-яё]{3,}(?:(?<!и)я|ясь|ась|[аиуыея]в|вшись))$")


#: Words that follow an English sentence-opening gerund (Proposing this, Speaking at), never a verb (said).
GERUND_OBJECTS: Final = frozenset(
    "the a an this that these those his her its their our to on at in with for about".split()
)
_EN_LEAD_PHRASE_REACH: Final = 70
_EN_LEAD_PHRASE_WORDS: Final = 9


def en_gerund_phrase(lead: str) -> bool:
    """``proposing this new mechanism in march``: an English gerund of six letters or more and what it
    governs, opening the sentence before a comma and the subject (a name alone, Manning, is none)."""
    words = lead.split()
    return (
        2 <= len(words) <= _EN_LEAD_PHRASE_WORDS
        and len(words[0]) > 6
        and words[0].endswith("ing")
        and words[0].isascii()
        and words[1] in GERUND_OBJECTS
    )


def _ru_gerund_phrase(lead: str) -> bool:
    """``уходя с ринга``, ``отвечая на вопрос``: an adverbial participle and what it governs, two words
    at least (one word alone may be a name: Илья, ...)."""
    words = lead.split()
    return len(words) >= 2 and _RU_GERUND.match(words[0]) is not None


#: Personal pronouns that open a sentence as its subject (Он назвал «Q» ... и призвал:).
_SUBJECT_PRONOUNS: Final = frozenset({"он", "она"})
_MARKED_SUBJECT_REACH: Final = 160


def _subject_before_marks(text: str, cs: int, cue_start: int) -> tuple[int, int] | None:
    """``Он назвал «признаком лоббирования» льготы банкам и призвал:`` — a clause cut at a closing mark
    inside its own sentence: the pronoun that opens the sentence is the speaker, not the words after the
    mark (s8-qrupeople); None when the sentence does not open with one."""
    if cs < 2 or text[cs - 1] not in "»\"”":
        return None
    lo = max(0, cs - _MARKED_SUBJECT_REACH)
    stop = max(text.rfind("\n", lo, cs), text.rfind(". ", lo, cs), text.rfind("!", lo, cs), text.rfind("?", lo, cs))
    if stop < 0 and lo > 0:
        return None
    first = WORD_RE.search(text, stop + 1, cs)
    if first is None or first.group().lower() not in _SUBJECT_PRONOUNS or first.end() > cue_start:
        return None
    return first.start(), first.end()


#: A body after ``в`` that a Russian plural speech verb names as its speaker (s8-qrubodies): the press office
#: or the body itself, by its kind (департаменте, акимате, суде) or by its initials (ДЧС, КЧС, МВД).
_RU_BODY_AFTER_VERB_RE: Final = re.compile(
    r"[ \t]+(?:в|во)[ \t]+(?=(?:пресс-служб|департамент|акимат|управлени|министерств|ведомств|суд|прокуратур"
    r"|полици|комитет|агентств|администраци|[ДК]ЧС|МЧС|МВД|КНБ)\w*)",
    re.IGNORECASE,
)


def _body_after_plural_verb(text: str, cue: Cue, end: int) -> tuple[int, int] | None:
    """``Подробностями поделились в Департаменте полиции СКО:`` a Russian plural speech verb, a body's impersonal
    "they", then ``в`` and a body: the body speaks, not the words before the verb (an object, a date)."""
    if cue.lang != "ru" or not text[cue.start : cue.end].lower().endswith(("ли", "лись")):
        return None
    m = _RU_BODY_AFTER_VERB_RE.match(text, cue.end, end)
    if m is None:
        return None
    ss, se = _trim_speaker(text, m.start(), end)
    return (ss, se) if se > ss else None


#: Russian adverbs that may stand between an attribution's dash and its verb (— также сообщили в ...): no speaker.
_RU_ADVERBS_BEFORE_VERB: Final = frozenset(
    {"также", "еще", "ещё", "дополнительно", "затем", "позже", "отдельно", "тогда", "вчера", "сегодня"}
)


#: A Russian manner adverb in -о (удивленно, эмоционально, коротко, твёрдо, честно): lower case, not a noun
#: in -ство / -тво (руководство, ведомство) nor -ео / -ио (видео, радио).
_RU_MANNER_ADVERB_RE: Final = re.compile(r"[а-яё]{3,}(?<!тв)(?<![еи])о")


def _only_ru_adverbs(text: str, start: int, end: int) -> bool:
    """``[start, end)`` holds only such adverbs (s8-qrubodies), or manner adverbs (— удивленно сказала
    мать), at most two words."""
    words = WORD_RE.findall(text, start, end)
    if len(words) == 2 and words[0].lower() in ("с", "со") and _RU_MANNER_NOUN_RE.fullmatch(words[1]):
        return True  # (s13) — с иронией отметила журналистка, — со смехом добавил он: a manner, no speaker
    return (
        bool(words)
        and len(words) <= 2
        and all(w.lower() in _RU_ADVERBS_BEFORE_VERB or _RU_MANNER_ADVERB_RE.fullmatch(w) for w in words)
    )


#: A Russian noun of manner in the instrumental singular after с/со (иронией, улыбкой, смехом, грустью), lower case.
_RU_MANNER_NOUN_RE: Final = re.compile(r"[а-яё]{3,}(?:ой|ей|ью|ом|ем)")


#: ``сообщает пресс-служба ДЧС``: the singular present that credits an outlet, before a body's press office.
_PRESS_OFFICE_REPORTS_RE: Final = re.compile(r"(сообщает|информирует)[ \t]+(?=пресс-служб)", re.IGNORECASE)


def _press_office_cue(text: str, p: int, stop: int) -> Cue | None:
    """``«Q», — сообщает пресс-служба ДЧС Алматы``: a body's press office reports, and the body speaks, unlike
    an outlet credited with сообщает (s8-qrubodies)."""
    m = _PRESS_OFFICE_REPORTS_RE.match(text, p, stop)
    if m is None:
        return None
    return Cue(m.start(1), m.end(1), m.group(1), "сообщать", "ru")


#: Words at most between a list's comma and its closing және inside a body's name.
_KK_LIST_ITEM_WORDS: Final = 4


def _kk_list_goes_on(text: str, comma: int, end: int) -> bool:
    """``деді Алматы қаласы табиғи монополияларды реттеу, бәсекелестікті және ... департаменті басшысының
    орынбасары X``: a comma between the fields a Kazakh body's name lists, closed by және a few words on,
    does not end the speaker phrase (branch s8-qkk)."""
    j = text.find(" және ", comma, end)
    return j >= 0 and text.find(",", comma + 1, j) < 0 and len(text[comma + 1 : j].split()) <= _KK_LIST_ITEM_WORDS


def _nonblank_lines(text: str, limit: int) -> list[tuple[int, int]]:
    """The first ``limit`` non-blank lines as (start, end); runs of blank lines are skipped by one search."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while len(out) < limit:
        m = _NON_SPACE_RE.search(text, pos)
        if m is None:
            break
        ls = text.rfind("\n", pos, m.start())
        ls = pos if ls < 0 else ls + 1
        nl = text.find("\n", m.start())
        out.append((ls, n if nl < 0 else nl))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _dash_start(text: str, ls: int, le: int) -> int:
    """Offset of the quote after an opening dash on the line, or -1."""
    i = ls
    if ls == 0:
        # date 2023-08-18 — Q, — сказал S.: a scraper's stamp before the text's first paragraph
        stamp = _LEAD_STAMP_RE.match(text, 0, le)
        i = i if stamp is None else stamp.end()
    while i < le and text[i] in " \t\r":
        i += 1
    if i < le and text[i] in DASHES and i + 1 < le and (text[i + 1] in " \t" or text[i + 1].isupper()):
        return i  # – Q, and -Q as some pages glue it
    return -1


def _attribution(text: str, pos: int, le: int, budget: _Budget) -> tuple[int, Cue, int, int] | None:
    """First ``, – деді S.`` in ``text[pos:le]``: (quote end, cue, clause end, separator end) or None.

    None too when ``budget`` runs out before one is found (then ``budget.cut`` is set).
    """
    for m in _ATTR_RE.finditer(text, pos, le):
        if not budget.spend(m.start()):
            return None
        found = _attribution_at(text, m.start(), m.end())
        if found is not None:
            return found
    return None


#: Characters after a ``, –`` separator searched for the cue: room for деп, a long post and a name.
_ATTRIBUTION_REACH: Final = 150


def _attribution_at(text: str, punct: int, p: int) -> tuple[int, Cue, int, int] | None:
    """The cue after a ``, –`` separator (punctuation at ``punct``, words from ``p``)."""
    stop = clause_end(text, p)
    cue = find_cue(text, p, min(stop, p + _ATTRIBUTION_REACH))
    if cue is None and text[punct] in ",!?…":
        cue = _ru_past_verb_at(text, p)  # not after a bare dash (Ең бастысы – жасыл ...), which may be a copula
    if cue is None:
        return None
    if text[punct] == " " and cue.start != p:
        # - Q - отметил он: without a comma the verb must come right after the dash; further on, the dash
        # is the sentence's own (Чемпионмен ойын – қашан да қызық, футбол деген осы.)
        return None
    q_end = punct + (1 if text[punct] in "!?…." else 0)
    return q_end, cue, stop, p


#: A Russian verb in the past tense (раскритиковал, улыбнулась, признались), not a short auxiliary.
_RU_PAST_VERB_RE: Final = re.compile(r"[а-яё]{3,}(?:ил|ал|ел|ял|ул|ёл)(?:а|и|ся|ась|ись)?(?![\w-])")


#: ``– Ержан Саденов.`` / ``– Президент РК.``: up to four words from a capital to the end of the
#: sentence and of its paragraph, the speaker a verbless attribution names (s9-qru).
_NAME_AFTER_DASH_RE: Final = re.compile(r"[А-ЯЁA-Z][\w.-]*(?:[ \t]+[\w.-]+){0,3}(?=\.?[ \t]*(?:\n|$))")


def _named_at(text: str, p: int) -> tuple[int, int] | None:
    """``«Q», – Ержан Саденов.``: the words after the dash that closes a quote name its speaker and end the
    paragraph, with no verb; their span, or None."""
    m = _NAME_AFTER_DASH_RE.match(text, p)
    if m is None:
        return None
    s, e = _trim_speaker(text, m.start(), m.end())
    return (s, e) if e > s else None


def _ru_past_verb_at(text: str, p: int) -> Cue | None:
    """``«Q», — раскритиковал депутат``: right after a quote and its ``, —``, any Russian verb in the
    past tense says how the words were said, whether or not the list of speech verbs has it."""
    m = _RU_PAST_VERB_RE.match(text, p)
    if m is None:
        return None
    return Cue(m.start(), m.end(), m.group(), m.group(), "ru")


def _separators(text: str) -> Iterable[tuple[int, int]]:
    """Every ``, –`` separator as (punctuation index, index of the next word), in order.

    Found by ``str.find`` on the dash characters (fast C scans) rather than a
    regular expression, then checked by hand on a few characters either side.
    """
    out: list[tuple[int, int]] = []
    n = len(text)
    if sum(text.count(d) for d in "-–—‒―") * 40 > n:
        # dash-dense text (tables, ASCII art, hostile input): one regex pass is cheaper
        return ((m.start(), m.end()) for m in _ATTR_RE.finditer(text))
    for dash in "-–—‒―":
        i = text.find(dash)
        while i >= 0:
            j = i - 1
            while j >= 0 and i - j <= 4 and text[j] in " \t":
                j -= 1
            if j >= 1 and text[j] == "\n" and i - j <= 4:
                # Q1. Q2, / — дейді S.: the attribution a layout put on a line of its own, after a comma only
                # (after a full stop a dash opens the next paragraph's quote)
                k = j - 1
                while k >= 0 and j - k <= 3 and text[k] in " \t\r":
                    k -= 1
                if k >= 0 and text[k] == ",":
                    j = k
            if j >= 0 and i - j <= 4 and text[j] in ",!?….":
                k = i + 1
                while k < n and k - i <= 4 and text[k] in " \t":
                    k += 1
                if k < n and k - i <= 4 and (text[k].isalnum() or text[k] == "_") and not _in_brackets(text, j):
                    out.append((j, k))
            elif i - j == 2 and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].islower():
                if _in_dash_line(text, j, i) and not _inside_guillemets(text, j):
                    out.append((j + 1, i + 2))  # - Q - отметил он
            i = text.find(dash, i + 1)
    out.sort()
    return out


_DASH_LINE_REACH: Final = 2000


def _in_brackets(text: str, j: int) -> bool:
    """``j`` is inside a bracket opened on its line: (ред. - ҚР тұңғыш президенті), an editor's note, where a
    dash after a full stop neither attributes nor opens a sentence."""
    ls = text.rfind("\n", 0, j) + 1
    return text.count("(", ls, j) > text.count(")", ls, j)


def _in_dash_line(text: str, j: int, i: int) -> bool:
    """``- Q - отметил он``: a dash after a word and a space, on a line that opens with a dash, may
    separate a quote from its attribution without a comma."""
    if not text[j].isalpha():
        return False
    lo = max(0, i - _DASH_LINE_REACH)
    nl = text.rfind("\n", lo, j)
    if nl < 0 and lo > 0:
        return False
    return _dash_start(text, nl + 1, j) >= 0


_GUILLEMET_REACH: Final = 300


def _inside_guillemets(text: str, j: int) -> bool:
    """``j`` lies inside a «...» opened on its line (within a few hundred characters): a dash there
    belongs to the words quoted inside the quote («Қариясы бар елдің – қазынасы бар» деген ...)."""
    ls = max(text.rfind("\n", 0, j) + 1, j - _GUILLEMET_REACH)
    return text.count("«", ls, j) > text.count("»", ls, j)


def _block_start(text: str, attr_pos: int, prev_stop: int) -> int:
    """The opening dash of the paragraph block an attribution closes, or -1.

    Walks back line by line (at most ``_MAX_BLOCK_LINES`` non-blank lines and
    ``_MAX_WALKED_LINES`` lines in all, so that runs of blank lines cost nothing) to
    the nearest line that opens with a dash; gives up at a line opening with
    a quote mark or at the previous attribution.
    """
    ls = text.rfind("\n", 0, attr_pos) + 1
    if prev_stop >= ls:
        # a previous attribution on this line: "– Q1, – деді ол. – Q2, – деп қосты."
        k = prev_stop + 1
        while k < attr_pos and text[k] in " \t":
            k += 1
        if k + 1 < attr_pos and text[k] in DASHES and text[k + 1] in " \t":
            return k
        return -1
    le = attr_pos
    seen = 0
    walked = 0
    while True:
        walked += 1
        d = _dash_start(text, ls, le)
        if d >= 0:
            return d
        first = ls
        while first < le and text[first] in " \t\r":
            first += 1
        if first < le:
            seen += 1
            if text[first] in '«“"„':
                return -1  # a line opening with a quote mark belongs to another quote
        if ls == 0 or seen >= _MAX_BLOCK_LINES or walked >= _MAX_WALKED_LINES:
            return -1
        le = ls - 1
        ls = text.rfind("\n", 0, le) + 1
        if ls <= prev_stop:
            return -1  # the previous attribution's line: that block is closed


_LOST_DASH_REACH: Final = 1500
_SENTENCE_DASH_RE: Final = re.compile(r"[.!?…][ \t]{1,3}[-–—‒―](?=[ \t])")
_PARAGRAPH_GOES_ON_RE: Final = re.compile(r"[ \t\r.!?…]{0,8}(?:\n|\Z|[-–—‒―][ \t])")

#: Present-tense verbs of a source credit (деп хабарлайды Kazinform, пишет Tengrinews): an outlet, not a speaker.
_CREDIT_VERBS: Final = frozenset({"хабарлайды", "жазады", "сообщает", "пишет"})


def _lost_dash_start(text: str, punct: int, stop: int, prev_stop: int, cue: Cue) -> int:
    """Start of a paragraph that is a dash quote whose opening dash was lost, or -1.

    Scrapers drop the dash that opens a quote paragraph, leaving ``Q1. Q2, – деді S.`` as a line of
    its own: Kazakh and Russian write ``, – деді`` / ``, — сказал`` only after direct speech. The
    attribution must end the line (or a dash go on with the quote), the line must open with a capital
    and hold no quote mark (those are the other passes' quotes), and a source credit (``, – деп
    хабарлайды Kazinform``) is none. Where a dash opens a sentence on the line (``... жасап. – Q, –
    деді S``), the line breaks were lost instead, and the quote starts at that dash.
    """
    if cue.lang == "en" or cue.text.lower().rsplit(None, 1)[-1] in _CREDIT_VERBS:
        return -1
    lo = max(0, prev_stop + 1, punct - _LOST_DASH_REACH)
    nl = text.rfind("\n", lo, punct)
    dash = -1
    for m in _SENTENCE_DASH_RE.finditer(text, max(lo, nl + 1), punct):
        if not _in_brackets(text, m.start()):
            dash = m.end() - 1
    if dash >= 0:
        # not a lost dash but lost line breaks: ... сілтеме жасап. – Q, – деді S. Narration goes on.
        if _MARKS_RE.search(text, dash, punct) is None and len(text[dash + 1 : punct].split(None, 2)) >= 3:
            return dash
        return -1
    if nl < 0 and lo > 0:
        return -1  # the previous attribution is on this line, or the paragraph is too long for a quote
    if _PARAGRAPH_GOES_ON_RE.match(text, stop) is None:
        return -1  # the attribution ends the paragraph, or a dash goes on with the quote: ... – деді S. – Q2
    ls = nl + 1
    first = ls
    while first < punct and text[first] in " \t\r":
        first += 1
    if first >= punct or not (
        text[first].isupper() or text[first].isdigit() or _NAME_IN_MARKS_RE.match(text, first, punct) is not None
    ):
        return -1  # «Ордабасы» командасы ..., – деді әкім: a name in marks may open it
    if len(text[first:punct].split(None, 2)) < 3:
        return -1  # a sentence at least: «Біз, – деді ол» is no paragraph that lost its dash
    return first if _inner_quotes_only(text, first, punct) else -1


def _inner_quotes_only(text: str, start: int, end: int) -> bool:
    """The marks in ``text[start:end]``, if any, pair up within it: quotes the speaker cites inside the
    paragraph (… қалжыңдап: "Қолдағы келінмін ғой", - деп айтатын едім. …), not the other passes' quotes,
    which open or close outside it."""
    if _MARKS_RE.search(text, start, end) is None:
        return True
    straight = text.count('"', start, end)
    return (
        straight % 2 == 0
        and text.count("«", start, end) == text.count("»", start, end)
        and text.count("“", start, end) + text.count("„", start, end) == text.count("”", start, end)
    )


def _attribution_speaker(text: str, cue: Cue, sep_end: int, stop: int) -> tuple[tuple[int, int] | None, str]:
    """Where the speaker of ``, – деді S`` is (separator ends at ``sep_end``, clause at ``stop``), and on
    which side of the cue: ``after`` (деді S, деп S атап өтті) or ``before`` (Miller said)."""
    after_s, after_e = _trim_speaker(text, cue.end, stop)
    before_s, before_e = _trim_speaker(text, sep_end, cue.start)
    if text[sep_end : sep_end + 3].lower() == "деп":
        before_s, before_e = _trim_speaker(text, min(sep_end + 3, before_e), before_e)
    if cue.gap is not None:
        return cue.gap, "after"
    if after_e > after_s and not (before_e > before_s and cue.lang == "en"):
        return (after_s, after_e), "after"
    if before_e > before_s:
        return (before_s, before_e), "before"
    return None, ""


#: Where a quote resumes after an attribution inside its marks: «Q1, – деді S. – Q2».
_RESUME_RE: Final = re.compile(r"[.,][ \t]{0,3}[-–—‒―][ \t]{0,3}(?=\w)")
_MAX_INNER_SEPARATORS: Final = 3


def _attributed_after(text: str, c: int) -> bool:
    """A ``, –`` separator and a speech verb right after the closing mark at ``c``."""
    m = _SEP_AFTER_RE.match(text, c + 1)
    return m is not None and bool(m.group(2)) and find_cue(text, m.end(), clause_end(text, m.end())) is not None


def _stems(text: str, start: int, end: int) -> set[str]:
    """The first four letters of each word of three letters or more in ``[start, end)``, lower case."""
    return {w.lower()[:4] for w in WORD_RE.findall(text, start, end) if len(w) >= 3}


def _same_speaker_after(text: str, first: Candidate, c: int) -> bool:
    """``«Q1, — предупредил аким области, — Q2», — признал аким.``: the attribution inside the marks and the
    one after them name the same speaker (a word in common), so the marks hold one speaker's statement
    split in two, not a quote inside a quote (s11-ruspk)."""
    if first.speaker_span is None or first.lang_hint != "ru":
        return False
    m = _SEP_AFTER_RE.match(text, c + 1)
    stop = clause_end(text, m.end()) if m is not None else -1
    cue = find_cue(text, m.end(), stop) if m is not None else None
    if m is None or cue is None:
        return False
    inner = _stems(text, *first.speaker_span)
    return bool(inner) and bool(inner & (_stems(text, cue.end, stop) | _stems(text, m.end(), cue.start)))


def _split_candidates(text: str, o: int, c: int) -> list[Candidate]:
    """``«Q1, – деді S. – Q2»`` / ``«Q1, — сказал S. — Q2»``: one statement in one pair of marks split
    by its attribution, two quotes of S (the second a continuation); none without such an attribution."""
    for n, m in enumerate(_ATTR_RE.finditer(text, o + 1, c)):
        if n >= _MAX_INNER_SEPARATORS:
            break
        found = _attribution_at(text, m.start(), m.end())
        if found is None:
            continue
        q_end, cue, stop, sep_end = found
        stop = min(stop, c)
        inner = _INTERRUPT_RE.search(text, cue.end, stop)
        resume = inner if inner is not None else _RESUME_RE.match(text, stop, c)
        if resume is None:
            return []
        s1, e1 = _content_bounds(text, o + 1, q_end)
        s2, e2 = _content_bounds(text, resume.end(), c)
        if not (e1 > s1 and e2 > s2 and _has_word(text, s1, e1) and _has_word(text, s2, e2)):
            return []
        spk, side = _attribution_speaker(text, cue, sep_end, resume.start())
        return [
            Candidate(s1, e1, "mark", cue, spk, cue.lang, 0.85, side, resume.start()),
            Candidate(s2, e2, "cont", cue, None, cue.lang, 0.8, "", c + 1),
        ]
    return []


def _dash_candidates(text: str, budget: _Budget) -> list[Candidate]:
    """Dash paragraphs, driven by their attributions (``, – деді S``)."""
    out: list[Candidate] = []
    prev_stop = -1
    limit = budget.left
    for punct, word in _separators(text):
        if punct <= prev_stop:
            continue
        if len(out) >= limit:
            budget.left = 0  # as many quotes as the field may yield: the rest is not examined
        if not budget.spend(punct):
            break
        found = _attribution_at(text, punct, word)
        if found is None:
            continue
        q_end, cue, stop, sep_end = found
        open_start = _block_start(text, punct, prev_stop)
        if open_start < 0 and text[punct] != " " and text[punct - 1 : punct] not in ("»", "”", '"'):
            # (after a closing mark: «Q», – деді S, a marked quote)
            open_start = _lost_dash_start(text, punct, stop, prev_stop, cue)
        if open_start < 0:
            continue
        prev_stop = stop
        s, e = _content_bounds(text, open_start, q_end)
        if e > s and text[e - 1] == "?" and cue.lemma in _ANSWER_LEMMAS:
            continue  # (s13) Атауы өзгере ме? — Министр жауап берді: the one who answers was asked it
        if e > s and _has_word(text, s, e):
            inner = _INTERRUPT_RE.search(text, cue.end, stop)
            spk, side = _attribution_speaker(text, cue, sep_end, stop if inner is None else inner.start())
            out.append(Candidate(s, e, "dash", cue, spk, cue.lang, 0.9, side, stop))
            if inner is not None:
                # "– Q1, – деді ол, – Q2.": the quote goes on after the attribution
                s2, e2 = _content_bounds(text, inner.end(), stop)
                if e2 > s2 and _has_word(text, s2, e2):
                    out.append(Candidate(s2, e2, "cont", cue, None, cue.lang, 0.8, "", stop))
        # continuation on the same line without its own attribution: "– Q1, – деді ол. – Q2."
        le = text.find("\n", stop)
        if le < 0:
            le = len(text)
        k = stop + 1 if stop < le else le
        while k < le and text[k] in " \t":
            k += 1
        if k + 1 < le and text[k] in DASHES and text[k + 1] in " \t" and _attribution(text, k + 1, le, budget) is None:
            if budget.cut >= 0:
                break
            s2, e2 = _content_bounds(text, k, le)
            if e2 > s2 and _has_word(text, s2, e2):
                out.append(Candidate(s2, e2, "cont", cue, None, cue.lang, 0.8, "", le))
    return out


#: (s9-qkk) A line of words, commas, dashes and short names in marks (a club, a company, at least one), no
#: sentence ending in it: the clause before a colon at its end.
_LEAD_NAMES_RE: Final = re.compile(
    r"(?=[^\n:]*[«“])(?:[^\W\d_][\w.-]*[ \t]*|[«“][^«»“”\n.!?:]{1,40}[»”][ \t]*|[,–—-][ \t]*)+"
)


def _colon_dash_candidates(text: str, budget: _Budget) -> list[Candidate]:
    """``S былай деді:`` then a dash paragraph on the next line without its own attribution; or
    ``S сказал журналистам:`` then a paragraph without any mark (see ``_unmarked_statement``)."""
    out: list[Candidate] = []
    for m in _COLON_NL_RE.finditer(text):
        if not budget.spend(m.start()):
            break
        d = m.end()
        dashed = text[d] in DASHES
        if dashed and text[d + 1] not in " \t" and not text[d + 1].isupper():
            continue  # -жылы, a word's tail: only a dash glued to a capital opens a quote (-Біз ...)
        le = text.find("\n", d)
        if le < 0:
            le = len(text)
        if _attribution(text, d + 1 if dashed else d, le, budget) is not None:
            continue
        if budget.cut >= 0:
            break
        colon = m.start()
        # (s9-qkk) «Ордабасы» қорғаушысы Т. Ерланов «Мақтааралға» қарсы матч жайлы: names in marks on the line
        # before the colon end no clause, the speaker named among them (a regex: no Python steps per colon)
        lead = _LEAD_NAMES_RE.match(text, text.rfind("\n", 0, colon) + 1, colon)
        cs = lead.start() if lead is not None and lead.end() == colon else clause_start(text, colon)
        cue = _last_cue(text, cs, colon)
        named = _name_before_colon(text, colon) if cue is None and not dashed else None
        if not dashed and (not _unmarked_statement(text, d, le) or (cue is None and named is None)):
            continue
        if named is not None and _names_self(text, named, d, le):
            continue  # Аскар Нурланов, директор:\nАскар Нурланов окончил ...: a bio under the label, no words of his
        if cue is None and named is None and dashed:
            named = _dash_label_name(text, colon)
        if cue is not None:
            ss, se = _body_after_plural_verb(text, cue, colon) or _trim_speaker(text, cs, cue.start)
        elif named is not None:
            ss, se = named
        else:
            # Анна Ким, директор «Юг» Tele2:\n- Q: the name before the title whose org's name ends in marks
            ss, se = (_name_before_title_org if text[cs - 1 : cs] == "»" else _trim_speaker)(text, cs, colon)
        qs, qe = _content_bounds(text, d, le)
        qs, qe = _inside_marks(text, qs, qe)
        if se > ss and qe > qs and _has_word(text, qs, qe):
            lang = cue.lang if cue is not None else ""
            out.append(Candidate(qs, qe, "colon", cue, (ss, se), lang, 0.8 if cue else 0.65, "colon", le))
    return out


def _inside_marks(text: str, qs: int, qe: int) -> tuple[int, int]:
    """``— «Q».`` as a whole paragraph: the words inside the marks, without them and the stop after them."""
    close = qe - 1 if qe - qs > 2 and text[qe - 1] in ".," else qe
    if qe - qs > 2 and text[qs] in "«“„\"" and text[close - 1] in "»”“\"":
        inner = text[qs + 1 : close - 1]
        if not any(ch in inner for ch in "«»“”„\""):
            return _content_bounds(text, qs + 1, close - 1)
    return qs, qe


def _inline_colon_candidates(text: str, budget: _Budget) -> list[Candidate]:
    """``В полиции подчеркивают: борьба ... идёт системно.``: a Russian speech verb, perhaps with one or
    two lower-case words after it (заявил журналистам), ends a short clause with a colon, and the rest
    of the line is the statement without marks, ending a sentence."""
    out: list[Candidate] = []
    for m in _COLON_INLINE_RE.finditer(text):
        if not budget.spend(m.start()):
            break
        colon, d = m.start(), m.end()
        if colon == 0 or not text[colon - 1].isalpha():
            continue
        le = text.find("\n", d)
        if le < 0:
            le = len(text)
        qs, qe = _content_bounds(text, d, le)
        if qe - qs < _MIN_INLINE_STATEMENT or text[qe - 1] not in ".!?…" or _QUOTE_CHARS_RE.search(text, qs, qe):
            continue
        cs = clause_start(text, colon)
        cue = _last_cue(text, cs, colon)
        if cue is None or cue.lang != "ru":
            continue
        between = _words(text, cue.end, colon)
        if len(between) > 2 or any(not w.group().islower() for w in between):
            continue
        if text.find(",", cs, colon) >= 0 or len(_words(text, cs, cue.start)) > 6:
            continue  # заявил, что ...: indirect speech, or a long sentence that only ends in a colon
        ss, se = _trim_speaker(text, cs, cue.start)
        if se <= ss:
            ss, se = _trim_speaker(text, cue.end, colon)
        lead = WORD_RE.match(text, ss, se)
        if lead is not None and lead.group().lower() in _RU_DEMONSTRATIVES:
            continue  # Данное решение признается стратегическим: что-то, not someone, is the subject
        if any(w.group().lower() in _RU_FIRST_PERSON for w in _words(text, ss, se)):
            continue  # (Перед игрой) я сказал ребятам: ...: one already speaking cites himself (s8-qrupeople)
        if se > ss and len(_words(text, qs, qe)) >= 5:
            out.append(Candidate(qs, qe, "colon", cue, (ss, se), "ru", 0.7, "colon", le))
    return out


#: First-person pronouns: a speaker phrase of one of them is the one already speaking, or the writer.
_RU_FIRST_PERSON: Final = frozenset({"я", "мы"})

#: Russian demonstratives opening a subject (Данное решение, Этот шаг, Такой подход): a thing talked of.
_RU_DEMONSTRATIVES: Final = frozenset(
    {"данное", "данный", "данная", "это", "этот", "эта", "такое", "такой", "такая", "подобное", "подобный"}
)


def _name_before_colon(text: str, colon: int) -> tuple[int, int] | None:
    """``Райхан Базаршыбаева, көпбалалы ана, «Алтын алқа» иегері:`` on a line of its own: a person's
    name (two or three capitalised words), then perhaps a comma and who the person is; the name's span."""
    lo = max(0, colon - _CLAUSE_LIMIT)
    nl = text.rfind("\n", lo, colon)
    if nl < 0 and lo > 0:
        return None
    start = nl + 1
    comma = text.find(",", start, colon)
    words = list(WORD_RE.finditer(text, start, colon if comma < 0 else comma))
    if 2 <= len(words) <= 3 and all(w.group()[0].isupper() for w in words):
        return words[0].start(), words[-1].end()
    return None


#: A label line's name, a dash, then who the person is (Айгерім Уәлиева – мектеп директоры:).
_DASH_LABEL_RE: Final = re.compile(r"[ \t]+[-–—][ \t]+")


def _dash_label_name(text: str, colon: int) -> tuple[int, int] | None:
    """``Айгерім Уәлиева – мектеп-кешенінің директоры:`` on a line of its own, the person's words in a
    dash paragraph under it (as Kazakh papers and TV sites label a speaker): the name's span, two or
    three capitalised words before the dash (branch s8-qkk)."""
    start = text.rfind("\n", max(0, colon - _CLAUSE_LIMIT), colon) + 1
    if start == 0 and colon > _CLAUSE_LIMIT:
        return None
    dash = _DASH_LABEL_RE.search(text, start, colon)
    if dash is None:
        return None
    words = list(WORD_RE.finditer(text, start, dash.start()))
    if 2 <= len(words) <= 3 and all(w.group()[0].isupper() for w in words):
        return words[0].start(), words[-1].end()
    return None


def _names_self(text: str, name: tuple[int, int], start: int, end: int) -> bool:
    """The paragraph ``text[start:end]`` under a label ``Name, post:`` names that person by the surname:
    it tells about the person in the third person rather than giving the person's words."""
    words = WORD_RE.findall(text, *name)
    stem = words[-1][:5].lower() if words and len(words[-1]) >= 4 else ""
    return bool(stem) and any(w[:5].lower() == stem and w[0].isupper() for w in WORD_RE.findall(text, start, end))


def _unmarked_statement(text: str, start: int, end: int) -> bool:
    """The paragraph ``text[start:end]`` after ``S заявил:`` is the statement itself, printed without
    marks as Russian news does: it opens with a capital letter and ends a sentence."""
    tail = text[max(start, end - 4) : end].rstrip(" \t\r")
    return text[start].isupper() and tail[-1:] in (".", "!", "?", "…")


_MAX_HEAD_SPEAKER: Final = 60


def _headline_candidates(text: str, is_title: bool) -> list[Candidate]:
    """``Q - S`` at the end of the title (of its first ``_MAX_TITLE_LINES`` lines), or ending one
    of the first three body lines."""
    out: list[Candidate] = []
    lines = _nonblank_lines(text, _MAX_TITLE_LINES if is_title else 3)
    labels = 0
    if not is_title:
        # a page's widgets above its headline (Нұр-Сұлтан / Қазір / 5 / USD / 444, a rubric, a menu) are
        # lines of labels: the first three lines are looked at, or the labels and the line after them
        labels = next((k for k, line in enumerate(lines) if not _label_line(text, *line)), len(lines))
        if labels == len(lines) == 3:
            lines = _nonblank_lines(text, _MAX_TITLE_LINES + 1)
            labels = next((k for k, line in enumerate(lines) if not _label_line(text, *line)), len(lines))
            lines = lines[: min(labels, _MAX_TITLE_LINES) + 1]
    for idx in range(len(lines)):
        ls, le = lines[idx]
        if all(_label_line(text, *lines[k]) for k in range(idx)):
            # a section label above the headline (Жаңалықтар, Прямой эфир Новости спорта) is no part of it
            named = _quote_colon_headline(text, ls, le)
            if named is not None:
                out.append(named)
                break
        last = prev = None
        for m in _HEAD_DASH_RE.finditer(text, ls, le):
            last, prev = m, last
        if last is not None and prev is not None and _SITE_SUFFIX_RE.match(text, last.end(), le) is not None:
            # Q - Елсияр Қанағатов - «Qazaqstan» Ұлттық телеарнасы: a page title ends in the site's name
            le = last.start()
            last = prev
        colon = text.find(": ", ls, le)
        if last is not None and last.start() < colon and colon - ls < _MAX_HEAD_SPEAKER:
            last = None  # Бектенов – акимам: Q: the dash joins the speaker to the one addressed
        elif last is not None and 0 < colon - ls < last.start() - ls and _name_label(text, ls, colon):
            last = None  # Бақыт Еженханұлы: Ең үлкен құжат — хандардың хаттары: the dash is inside the words said
        if last is not None:
            spk_s, spk_e = _trim_speaker(text, last.end(), le)
            spk_e = _post_before_topic(text, spk_s, _before_own_verb(text, spk_s, spk_e))
            if text[ls : last.start()].rstrip()[-1:] not in (",", "»", '"', "”"):
                spk_s = _past_said(text, spk_s, spk_e)  # no comma: a headline, not a dash quote's attribution
            # widgets and labels above the headline (Спорт / $447.4 €477.55 / ×), and a scraper's date stamp
            # on a line of its own, are no part of it
            first = min(idx, labels) if labels > 1 else 0
            while first < idx and _stamp_line(text, *lines[first]):
                first += 1
            q_s, q_e = _content_bounds(text, lines[first][0], last.start())
            if (stamp := _LEAD_STAMP_RE.match(text, q_s, q_e)) is not None:
                q_s = stamp.end()  # (s13) date 2025-10-21 Об этом ... сообщил ... – S: a scraper's stamp opens the line
            if spk_e > spk_s and q_e > q_s and _has_word(text, q_s, q_e):
                marked = text[q_s] in '«“"„' and text[q_e - 1] in '»”"“'
                if marked:
                    q_s, q_e = _content_bounds(text, q_s + 1, q_e - 1)
                if (
                    # the marks hold the words said, sentences and all («Мен түсінбедім! ...?» — Депутат ...)
                    (_plain_headline(text, q_s, q_e) or (marked and _QUOTE_CHARS_RE.search(text, q_s, q_e) is None))
                    and find_cue(text, spk_s, spk_e) is None
                    and (is_title or not _dateline(text, q_s, q_e))
                    # Об этом сообщил пресс-секретарь — советник ...: a credit for what is told, no words said
                    and (marked or _ABOUT_RE.match(text, q_s) is None or find_cue(text, q_s, q_e) is None)
                ):
                    out.append(Candidate(q_s, q_e, "headline", None, (spk_s, spk_e), "", 0.7, "headline", le))
            break
        first_line = idx == 0 or all(_label_line(text, *lines[k]) for k in range(idx))
        if first_line and (
            is_title or _body_headline(text, lines[idx:], le) or _trailing_headline(text, lines[idx:], le)
        ):
            said_by = _speaker_after_colon(text, ls, le)
            if said_by is not None:
                # It was voluntary resignation for akim of Atyrau region: President Nazarbayev
                q_s, q_e = _content_bounds(text, ls, said_by[0] - 2)
                out.append(Candidate(q_s, q_e, "headline", None, said_by, "", 0.6, "headline", le))
                break
            if 0 < colon - ls < _MAX_HEAD_SPEAKER:
                # "Тоқаев: Q" headline; "Үкімет басшысы әкімдерге: Q", the one addressed is no part of S
                spk_s, spk_e = _trim_speaker(text, _after_date(text, ls, colon), colon)
                spk_e = _addressee_start(text, spk_s, spk_e)
                spk_e = _post_before_topic(text, spk_s, spk_e)
                q_s, q_e = _content_bounds(text, colon + 1, le)
                if q_e > q_s and text[q_s] in '«“"„' and text[q_e - 1] in '»”"“':
                    q_s, q_e = _content_bounds(text, q_s + 1, q_e - 1)
                if (
                    spk_e > spk_s
                    and q_e > q_s
                    and len(text[q_s:q_e].split()) >= 3
                    # "Тоқаев: \u200b \u200b" says nothing; X: «Киндерсюрприздер» ауылды ... opens with a word in marks
                    and _WORDCH_RE.match(text, q_s + (text[q_s] in '«“"„')) is not None
                    and not _topic_headline(text, spk_s, spk_e, q_s)
                ):
                    out.append(Candidate(q_s, q_e, "headline", None, (spk_s, spk_e), "", 0.6, "title_colon", le))
                    break
        line = text[ls:le].rstrip()
        if not line or line[-1] in '.!?:;»”"' or _dash_start(text, ls, le) >= 0:
            break
    if out and not is_title:
        head = next((line for line in lines if line[0] <= out[0].start < line[1]), None)
        if head is not None:
            out.extend(_caption_repeats(text, (head[0], max(out[0].end, out[0].attr_end)), out[0]))
    return out


#: Words at most in a name that labels a headline's words (Бақыт Еженханұлы:, Досым Сатпаев:).
_NAME_LABEL_WORDS: Final = 3


def _name_label(text: str, start: int, colon: int) -> bool:
    """``text[start:colon]`` is a name and nothing else: two or three capitalised words (a surname perhaps in
    capitals), so the line is ``S: Q`` whatever dashes Q holds."""
    words = text[start:colon].split()
    return 2 <= len(words) <= _NAME_LABEL_WORDS and all(w[:1].isupper() and w.isalpha() for w in words)


#: What a photo caption ends in after the words: its credit (Сурет: ..., Фото: ..., Photo: ...).
_CREDIT_RE: Final = re.compile(r"[ \t]*(?:(?:Сурет|Фото|Фотосурет|Photo)\b.*)?$", re.IGNORECASE)
_CAPTION_LINES: Final = 8


_LABEL_WORDS: Final = 4
_LABEL_TOKENS: Final = 3 * _LABEL_WORDS
_LABEL_CHARS: Final = 120
#: Marks a site sets between the words of a label line (Сұхбат • 22 Қазан, Саясат | Жаңалықтар).
_LABEL_SEPARATORS: Final = frozenset("•|·/")


_MAX_SPEAKER_AFTER_COLON: Final = 4


def _speaker_after_colon(text: str, ls: int, le: int) -> tuple[int, int] | None:
    """``Q: President Nazarbayev``: a headline line that ends in a colon and a few capitalised words, after
    a statement of four words or more without marks; the span of those words."""
    colon = text.rfind(": ", ls, le)
    if colon < 0:
        return None
    tail = WORD_RE.findall(text, colon + 2, le)
    if not 1 <= len(tail) <= _MAX_SPEAKER_AFTER_COLON or not all(w[0].isupper() for w in tail):
        return None
    if text[le - 1 : le] in ".!?" or _MARKS_RE.search(text, ls, colon) is not None:
        return None
    if len(WORD_RE.findall(text, ls, colon)) < _MIN_STATEMENT_WORDS:
        return None
    ss, se = _trim_speaker(text, colon + 2, le)
    return (ss, se) if se > ss else None


def _label_line(text: str, start: int, end: int) -> bool:
    """A line of a few words without marks or a full stop: a site's section label, a rubric."""
    if end - start > _LABEL_CHARS:
        return False  # (a label is short: no longer line is read through)
    line = text[start:end].strip()
    if not line or line[-1] in ".!?:" or _MARKS_RE.search(line) is not None:
        return False
    # Сұхбат • 22 Қазан, 2023: the bullet between a rubric and its date is the site's, not a word
    # Понедельник , 7 июля 2025: a comma standing apart is no word either (a few tokens looked at, at most)
    tokens = line.split(None, _LABEL_TOKENS)
    if len(tokens) > _LABEL_TOKENS:
        return False
    words = [w for w in tokens if w not in _LABEL_SEPARATORS and any(ch.isalnum() for ch in w)]
    return len(words) <= _LABEL_WORDS


def _caption_repeats(text: str, head: tuple[int, int], cand: Candidate) -> list[Candidate]:
    """The headline quote repeated word for word among the first lines after it, as the page's title
    printed again above its lead or as a photo caption, perhaps with the photo's credit after it (``X: Q
    Сурет: Y``): the same quote at each copy, with the same speaker. ``head`` runs from the headline's
    line start to the end of its quote and speaker (a site's name after them is no part of it)."""
    hs, he = head
    headline = text[hs:he].rstrip()
    if len(headline) < 16 or cand.speaker_span is None:
        return []
    out: list[Candidate] = []
    for ls, le in _nonblank_lines(text, _CAPTION_LINES):
        if ls <= hs:
            continue
        line = text[ls:le].rstrip()
        shift = ls - hs
        ss, se = cand.speaker_span
        # Q - S printed again without the site's name the title line ended in (Q - S - «Qazaqstan» телеарнасы)
        shorter = cand.end <= ss and ss + 2 < hs + len(line) < len(headline) and headline.startswith(line)
        if shorter or (text.startswith(headline, ls) and _CREDIT_RE.match(text, ls + len(headline), le) is not None):
            spk = (ss + shift, min(se + shift, ls + len(line)))
            end = min(cand.attr_end + shift, ls + len(line)) if shorter else cand.attr_end + shift
            start, stop = cand.start + shift, cand.end + shift
            out.append(Candidate(start, stop, cand.kind, cand.cue, spk, "", 0.6, cand.side, end))
    return out


#: Prepositions before a person (Суд над X, Дело против X, the case against X): X is talked of, not speaking.
_TOPIC_PREPOSITIONS: Final = frozenset(
    {"над", "о", "об", "про", "против", "для", "вокруг", "against", "about", "over", "on", "for"}
)
#: Question words opening what follows the colon (X: почему ..., X: неге ...): a topic the story
#: explains, not words someone said.
_TOPIC_QUESTIONS: Final = frozenset(
    {"почему", "как", "зачем", "что", "кто", "сколько", "где", "когда", "неге", "қалай", "қашан", "қанша",
     "кім", "why", "how", "what", "who", "when", "where"}
)


def _topic_headline(text: str, spk_s: int, spk_e: int, q_s: int) -> bool:
    """``Суд над X: почему ...``: a headline naming its topic before the colon, not a speaker."""
    first = WORD_RE.match(text, q_s)
    if first is not None and first.group().lower() in _TOPIC_QUESTIONS:
        return True
    return any(w.lower() in _TOPIC_PREPOSITIONS for w in WORD_RE.findall(text, spk_s, spk_e))


#: The site's name at the end of a page title, after its last dash: an address (Zakon.kz), a name in marks
#: before a kind of outlet («Qazaqstan» Ұлттық телеарнасы), or a kind of outlet and its name (Телеканал Хабар).
_SITE_SUFFIX_RE: Final = re.compile(
    r"(?i)[ \t]*(?:\S+\.(?:kz|com|ru|net|org|info|media|tv)\b|[«\"][^»\"]{1,40}[»\"][ \t]*(?:\w+[ \t]+)?"
    r"(?:телеарна|газет|портал|агентт|агентств|телеканал|радио|журнал|сайт)\w*|(?:телеканал|газета|портал|агентство)"
    r"[ \t]+\S+)[ \t]*$"
)


#: Postpositions that end a headline's topic before its colon (Министр буллинг туралы: Q): what about, not who.
_ABOUT_POSTPOSITIONS: Final = frozenset({"туралы", "жайлы", "жөнінде", "хақында", "турасында"})
_POST_LEAD_WORDS: Final = 3


def _post_before_topic(text: str, start: int, end: int) -> int:
    """``Білім министрі мектептердегі буллинг туралы: Q``: a post (within the first words) and then a topic
    closed by a postposition of "about"; the speaker ends with the post. ``end`` when the phrase ends
    otherwise, or names no post first (Тоқаев бағалар жайлы: the name resolves as it stands)."""
    words = list(WORD_RE.finditer(text, start, end))
    if len(words) < 3 or words[-1].group().lower() not in _ABOUT_POSTPOSITIONS:
        return end
    for w in words[:_POST_LEAD_WORDS]:
        if title_head(w.group()) is not None:
            return w.end()
    return end


def _before_own_verb(text: str, start: int, end: int, *, answers: bool = False) -> int:
    """``Q – Токаев высказался о встрече``: a headline's speaker followed by a speech verb of its own ends
    before the verb; ``end`` when no verb follows a word (``Q – сказал S`` stays a phrase with a cue)."""
    cue = find_cue(text, start, end)
    if cue is None or cue.start <= start:
        return end
    if cue.lemma in _ANSWER_LEMMAS and not answers:
        return start  # Биыл қанша грант бөлінеді – министр жауап берді: the headline is the question
    return _trim_speaker(text, start, cue.start)[1]


#: Verbs of answering: a headline ``Q – S жауап берді`` gives the question S answered, not S's words.
_ANSWER_LEMMAS: Final = frozenset({"жауап беру", "жауап қайтару", "ответить", "answer", "reply"})


def _body_headline(text: str, lines: list[tuple[int, int]], le: int) -> bool:
    """The body's first line, ending at ``le``, is a headline (the item has no title of its own): more
    lines follow and it ends no sentence."""
    # more lines: those listed, or any after it when labels above it took the lines listed (Соңғы жаңалықтар);
    # a line of credits (Сұхбат: X, Иллюстрация авторы: Y) has more than one colon and is no headline
    ls = lines[0][0]
    if text.count(":", ls, le) > 1:
        return False
    more = len(lines) > 1 or _NON_SPACE_RE.search(text, le) is not None
    return more and text[ls:le].rstrip()[-1:] not in (".", "!", "?", "…")


def _past_said(text: str, start: int, end: int) -> int:
    """(s9-qkk) ``Q – деді облыс әкімі``, ``Q – дейді министр``: a Kazakh headline's speaker after a dash
    opens with the said verb itself, no comma before the dash; the speaker starts after the verb.
    ``start`` when the phrase opens with no Kazakh said verb."""
    if text[start : start + 2].lower() != "де":
        return start
    cue = find_cue(text, start, end)
    if cue is None or cue.start != start or cue.lang != "kk" or cue.end >= end:
        return start
    return _trim_speaker(text, cue.end, end)[0]


def _trailing_headline(text: str, lines: list[tuple[int, int]], le: int) -> bool:
    """(s9-qkk) The body's first line trails off in an ellipsis (``Сәуле Досжан: Проза жазуыма ... рас...``):
    a headline cut short, not a sentence ended, when more lines follow and no sentence ends inside it."""
    line = text[lines[0][0] : le].rstrip()
    if len(lines) < 2 or not line.endswith(("...", "…")):
        return False
    inner = line.rstrip(".…")
    return not any(end in inner for end in (". ", "! ", "? "))


def _after_date(text: str, start: int, end: int) -> int:
    """Where the words after a leading date or number end (``date 2026-01-06 Тоқаев: Q``, a scraper's
    stamp before the headline): the speaker comes after the last word holding a digit."""
    out = start
    for w in WORD_RE.finditer(text, start, end):
        if any(ch.isdigit() for ch in w.group()):
            out = w.end()
    return out


#: Dative endings of the one a headline addresses (әкімдерге, министріне, акимам): Kazakh and Russian plural.
_DATIVE_ENDINGS: Final = ("ға", "ге", "қа", "ке", "ына", "іне", "сына", "сіне", "ам", "ям")
_CONJUNCTIONS: Final = frozenset({"мен", "пен", "бен", "және", "и"})


def _stamp_line(text: str, start: int, end: int) -> bool:
    """``date 2025-06-01 29.05.2025, 11:53 40011``: a line of dates, times and counts, perhaps after one
    word that labels them."""
    words = WORD_RE.findall(text, start, end)
    plain = [w for w in words if not any(ch.isdigit() for ch in w)]
    return len(words) >= 2 and len(plain) <= 1 and (not plain or plain[0] == words[0])


def _addressee_start(text: str, start: int, end: int) -> int:
    """End of the speaker in ``S X-ға:`` (``Тоқаев әкімдерге``, ``Токаев министрам и акимам``): before
    the trailing words in the dative and the ones coordinated with them; ``end`` when there are none."""
    words = list(WORD_RE.finditer(text, start, end))
    k = len(words)
    if k < 2 or len(words[-1].group()) < 5 or not words[-1].group().lower().endswith(_DATIVE_ENDINGS):
        return end
    k -= 1
    while k >= 3 and words[k - 1].group().lower() in _CONJUNCTIONS:
        k -= 2  # министрлер мен әкімдерге: both addressed
    return words[k - 1].end()


_BRACKETS_RE: Final = re.compile(r"\([^()]{0,60}\)")


def _dateline(text: str, start: int, end: int) -> bool:
    """``ASTANA –``, ``ALMATY (Kazinform) –``, ``АСТАНА. KAZINFORM –``: a place in capitals (and an agency)
    opening a story, not a headline quote: up to four words, no lower-case letter outside brackets."""
    if end - start > 80:
        return False
    stamp = _LEAD_STAMP_RE.match(text, start, end)
    seg = text[start if stamp is None else stamp.end() : end]  # date 2024-01-20 ASTANA –: a stamp before it
    if "(" in seg:
        seg = _BRACKETS_RE.sub("", seg)
    return seg == seg.upper() and len(seg.split()) <= 4


#: "About this" opening the body's sentence that names who made the statement the title quotes.
_ABOUT_RE: Final = re.compile(r"(?i)\b(?:об этом|о том|бұл туралы|осы туралы)\b")
_ABOUT_WINDOW: Final = 600


def quoted_headline(text: str) -> tuple[int, int] | None:
    """The content of a field's first line when it is one statement wholly in quote marks, with no
    attribution on the line (``«Президент мұндай шараларды қолдамайды»``); None otherwise."""
    first = _nonblank_lines(text, 1)
    return quoted_title(text, *first[0]) if first else None


def quoted_title(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The content of a title ``text[start:end]`` that is one statement wholly in quote marks
    («Бензин не подорожает»), or None."""
    s, e = _content_bounds(text, start, end)
    while e > s and text[e - 1] in ".!":
        e -= 1
    if e - s < 3 or text[s] not in '«“"„' or text[e - 1] not in '»”"':
        return None
    qs, qe = _content_bounds(text, s + 1, e - 1)
    if _MARKS_RE.search(text, qs, qe) is not None or len(text[qs:qe].split()) < 3:
        return None
    return qs, qe


def about_this(text: str, start: int) -> tuple[Cue, tuple[int, int]] | None:
    """``Об этом заявил S`` / ``Бұл туралы S айтты`` soon after ``start`` (the body's start, or the end of
    its headline line): the cue and S, the one whose statement a quoted title gives."""
    m = _ABOUT_RE.search(text, start, start + _ABOUT_WINDOW)
    if m is None:
        return None
    stop = clause_end(text, m.end())
    cue = find_cue(text, m.end(), stop)
    if cue is None:
        return None
    after = _trim_speaker(text, cue.end, stop)
    before = _trim_speaker(text, m.end(), cue.start)
    span = before if cue.lang == "kk" or after[1] <= after[0] else after
    return (cue, span) if span[1] > span[0] else None


_HEAD_CLOSE_STOP_RE: Final = re.compile(r'[»”"]\.(?= )')


#: A date (perhaps labelled, perhaps with a time) opening a headline's line: date 2025-09-04, 04.09.2025 11:53.
_LEAD_STAMP_RE: Final = re.compile(
    r"[ \t]*(?:[^\W\d_]+[ \t]+)?\d{1,4}[-./]\d{1,2}[-./]\d{1,4}(?:,?[ \t]+\d{1,2}:\d{2})?[ \t]+"
)


def _quote_colon_headline(text: str, ls: int, le: int) -> Candidate | None:
    """``«Q»: Байжановтың соңғы сөзі``: a headline quoting someone it names after the colon (often in
    the genitive, as the owner of the words), or who speaks there (``«Q»: X предложил ...``)."""
    stamp = _LEAD_STAMP_RE.match(text, ls, le)
    s = ls if stamp is None else stamp.end()  # date 2025-09-04 "Q": ..., a scraper's stamp before the headline
    while s < le and text[s] in " \t":
        s += 1
    if s >= le or text[s] not in '«“"„':
        return None
    colon = text.find(":", s, le)
    if colon < s + 3 or text[colon - 1] not in '»”"':
        # "Q". Бишимбаев выступил в суде: a full stop after the closing mark, then who spoke
        close = _HEAD_CLOSE_STOP_RE.search(text, s + 3, le)
        if close is None:
            return None
        colon = close.start() + 1
    if text.find("\n", s, colon) >= 0:
        return None
    qs, qe = _content_bounds(text, s + 1, colon - 1)
    ss, se = _trim_speaker(text, colon + 1, le)
    if se > ss:
        # «Q»: Асаин Байханов предложил ...: the name before its verb; «Q»: аким ответил журналистам, the
        # words in marks are the answer unless they ask
        asks = text[qe - 1 : qe] == "?"
        se = _before_own_verb(text, ss, se, answers=not asks)
    # “Жалқаусыңдар!”. S ...: one word is a name in marks, unless it exclaims
    if se <= ss or (len(text[qs:qe].split()) < 2 and text[qe - 1 : qe] != "!"):
        return None
    return Candidate(qs, qe, "headline", None, (ss, se), "", 0.7, "quote_colon", le)


def _plain_headline(text: str, start: int, end: int) -> bool:
    """A headline quote is one sentence without quote marks or inner attribution."""
    return _INNER_BREAK_RE.search(text, start, end) is None


def scan_field(text: str, is_title: bool) -> list[Candidate]:
    """All candidates in one field, overlaps resolved, in text order.

    Each pass examines at most ``examinations(text)`` sites (times
    ``_PAIRS_PER_EXAMINATION`` quoted spans, times ``_MARKS_PER_EXAMINATION``
    marks for the pass over quote marks); where a pass runs out,
    the field is cut and nothing from the cut on is returned, so that what is
    returned is what a full examination would find before the cut. At most
    ``examinations(text)`` candidates are returned.
    """
    limit = examinations(text)
    budgets = [
        _Budget(limit),
        _Budget(limit),
        _Budget(limit * _MARKS_PER_EXAMINATION),
        _Budget(limit * _PAIRS_PER_EXAMINATION),
        _Budget(limit),
    ]
    dash_budget, colon_budget, marks_budget, pairs_budget, inline_budget = budgets
    cands: list[Candidate] = []
    cands.extend(_dash_candidates(text, dash_budget))
    cands.extend(_colon_dash_candidates(text, colon_budget))
    if ":" in text:
        cands.extend(_inline_colon_candidates(text, inline_budget))
    loose: list[tuple[int, int]] = []
    found = 0
    orphans: list[int] = []
    for o, c in _pair_marks(text, marks_budget, orphans):
        if found >= limit:
            pairs_budget.left = 0  # as many quotes as the field may yield: the rest is not examined
        if not pairs_budget.spend(o):
            break
        # «Q1, – деді S. – Q2»: an attribution inside the marks says more than a colon before them
        split = _split_candidates(text, o, c)
        cand = (
            _mark_candidate(text, o, c)
            if not split or (_attributed_after(text, c) and not _same_speaker_after(text, split[0], c))
            else None
        )
        if cand is not None:
            cands.append(cand)
            found += 1
            continue
        said = _said_before(text, o, c) if not split else None
        if split:
            cands.extend(split)
            found += len(split)
        elif said is not None:
            cands.append(said)
            found += 1
        else:
            loose.append((o, c))
    for c in orphans[:limit]:
        cand = _orphan_candidate(text, c)
        if cand is not None:
            cands.append(cand)
    cands.extend(_headline_candidates(text, is_title))
    cuts = [b.cut for b in budgets if b.cut >= 0]
    if cuts:
        cut = min(cuts)
        cands = [k for k in cands if k.start < cut]
        loose = [span for span in loose if span[0] < cut]
    rank = {"dash": 0, "cont": 1, "mark": 1, "colon": 1, "subject": 1, "said": 1, "headline": 2}
    cands.sort(key=lambda k: (k.start, rank[k.kind], -(k.end - k.start)))
    kept: list[Candidate] = []
    for cand in cands:
        if kept and cand.start < kept[-1].end:
            continue
        kept.append(cand)
        if len(kept) >= limit:
            break
    if loose and kept:
        kept = _follow_ons(text, kept, loose)
    if kept or "\n" in text or _GLUED_DASH_RE.search(text) is not None:
        inner: list[Candidate] = []
        bare = _bare_candidates(text, kept, loose, _Budget(limit), inner)
        if bare:
            kept = sorted([k for k in kept if k not in inner] + bare, key=lambda k: k.start)
    return kept[:limit]


_LINE_OPENERS: Final = frozenset(" \t-–—‒―")
_MAX_QUESTION_LINES: Final = 64


def _has_dash_question(text: str) -> bool:
    """A dash paragraph ending in a question mark (an interview's question) somewhere in the text."""
    for n, m in enumerate(_DASH_LINE_RE.finditer(text)):
        if n >= _MAX_QUESTION_LINES:
            break
        le = text.find("\n", m.end())
        e = len(text) if le < 0 else le
        while e > m.end() and text[e - 1] in " \t\r":
            e -= 1
        if text[e - 1] == "?":
            return True
    return False


def _bare_unit(text: str, x: int, ls: int) -> tuple[int, int, int, int]:
    """The content of the dash line starting at ``ls`` whose words start at ``x``, with the line's bounds."""
    le = text.find("\n", x)
    le = len(text) if le < 0 else le
    s, e = _content_bounds(text, x, le)
    return s, e, ls, le


#: A line opening with a dash and a word (a number too: an interview's answer may open with a year).
#: (s9-qkk) or a dash glued to a capital, as some pages write an interview (-Сәуле апай, ...? / -Мен ...);
#: (s9-qru) or a name in marks after the dash that a word goes on from (— «Кайсар» играет ...: an answer that
#: opens with a club's name; not — «Q», — сказал S, a quote of its own).
_DASH_LINE_RE: Final = re.compile(
    r"\n[ \t]{0,8}[-–—‒―](?:[ \t]{1,3}(?=[^\W_]|«[^\W\d_][^»\n]{0,40}»[ \t]+[^\W\d_])|(?=[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]))"
)
_BARE_REACH: Final = 500
_SENTENCE_ENDS: Final = frozenset('.!…»”"')


def _bare_candidates(
    text: str, kept: list[Candidate], loose: list[tuple[int, int]], budget: _Budget, inner: list[Candidate]
) -> list[Candidate]:
    """Quotes without an attribution of their own that the text around makes direct speech.

    A dash paragraph, or a paragraph wholly in quote marks (or opened by one and cut off by the
    text's end), within ``_BARE_REACH`` characters after an attributed quote (— Q1, — рассказал S.
    / narration / — Q2.), or a dash paragraph answering a dash question (an interview: — Q? / — A.).
    The questions themselves are the journalist's, no quote. Each must be whole sentences opening
    with a capital. Their speaker is the previous quote's, else the last person named (in extract).
    The quotes an answer cites inside it go to ``inner``: they are the answer's words, no quotes of their own.
    """
    said_ends = [max(k.attr_end, k.end) for k in kept if _attributed(k)]
    own = [(o, c) for o, c in loose if _own_paragraph(text, o, c) or _said_sentence(text, o, c)]
    if (
        not said_ends
        and not own
        and not _has_dash_question(text)
        and _DASH_LINE_RE.search(text) is None
        and _GLUED_DASH_RE.search(text) is None
        and _LABEL_LINE_RE.search(text) is None
    ):
        return []  # nothing said before, no interview, no dash paragraph: no quote without attribution
    said_ends.sort()
    units: list[tuple[int, int, int, int]] = []
    first = _DASH_LINE_RE.match("\n" + text[:16]) if text[:1] in _LINE_OPENERS else None
    if first is not None and not (kept and kept[0].start - 3 <= first.end() - 1):
        units.append(_bare_unit(text, first.end() - 1, 0))
    ptr = 0
    for m in _DASH_LINE_RE.finditer(text):
        x = m.end()
        while ptr < len(kept) and kept[ptr].end < x:
            ptr += 1
        if ptr < len(kept) and kept[ptr].start - 3 <= x:
            continue  # the dash of a quote found already
        if not budget.spend(m.start()):
            break
        units.append(_bare_unit(text, x, m.start() + 1))
    paragraphs: set[int] = set()  # where the units wholly in marks that no attributed quote precedes start
    for o, c in own:
        ls = text.rfind("\n", 0, o) + 1
        le = text.find("\n", c)
        le = len(text) if le < 0 else le
        s, e = _content_bounds(text, o + 1, c)
        if e > s and len(text[s:e].split(None, 2)) < 3 and text[e - 1] not in ".!?…":
            continue  # «Общественная позиция»: a rubric in marks, no statement, whatever was said before
        j = bisect_right(said_ends, o)
        if j == 0 or o - said_ends[j - 1] > _BARE_REACH:
            if ls == 0 or len(text[s:e].split(None, _MIN_SAID_WORDS)) < _MIN_SAID_WORDS:
                continue  # a headline, or a name or slogan in marks rather than a statement
            said = text[e - 1] in ".!?…" or ". " in text[s:e] or c >= len(text) or _speaks(text, s, e)
            if not said:
                continue  # a caption or a title in marks (no sentence ends in it, no one speaks in it)
            paragraphs.add(s)
        units.append((s, e, ls, le))
    units.sort()
    glued: set[int] = set()  # where the units a scraper glued into a paragraph start (— Q? — A.)
    asked: set[int] = set()  # where the questions that open with no dash start (Q? — A., Тілші: Q)
    labels: dict[int, tuple[int, int] | None] = {}  # the answers a label opens (Name: A), with the name
    if "?" in text:  # (s11-int) an interview asks somewhere
        units = _labelled_units(text, _glued_units(text, units, budget, glued, asked), kept, budget, asked, labels)
    out: list[Candidate] = []
    if _EN_DASH_TAIL_RE.search(text) is not None:
        # an English dash paragraph closed by its own ", S said." (only where one is: the budget of other texts)
        units = _en_own_attributions(text, units, kept, out)
    i = 0
    last_said = -1  # where the last attributed quote before the unit ends
    question_end = -1
    addressed: tuple[int, int] | None = None  # the name and patronymic the last question addressed
    for n, (s, e, ls, le) in enumerate(units):
        while i < len(kept) and kept[i].start < le:
            if _attributed(kept[i]) and kept[i].start < ls:  # not one the unit's own line cites
                last_said = max(kept[i].attr_end, kept[i].end)
            i += 1
        if e <= s:
            continue
        near = [k for k in kept[max(0, i - 2) : i + 1] if k.start < le and ls < k.end]
        if near and not _cited_in_answer(text, near, s, ls, le, question_end):
            if not _cited_in_dash(text, near, s, ls, le):
                continue
        if (s in asked or text[e - 1] == "?" or _addresses_interviewee(text, s, e)) and _asks(text, s, ls, le, asked):
            # a journalist's question: none, but the paragraph after it answers
            question_end = _question_goes_on(text, le)
            address = _PATRONYMIC_ADDRESS_RE.match(text, s, e)
            addressed = None if address is None else (address.start(1), address.end() - 1)
            continue
        answers = question_end >= 0 and not text[question_end:ls].strip()
        runs_to = _answer_before_question(text, units, n, asked)
        if runs_to < 0 and answers and n + 1 == len(units):
            runs_to = _answer_to_end(text, le)  # the last answer of an excerpt the page's end cut off
        if runs_to >= 0:
            answers = True
            e = runs_to  # the answer goes on in paragraphs without a dash until the next question
        narration = _narration_before(text, ls, kept[max(0, i - 2) : i])
        side = "implicit"
        if answers or (0 <= last_said <= ls and ls - last_said <= _BARE_REACH):
            if narration is not None and not answers:
                side = "narration"  # a person the paragraph before names speaks, else the last one quoted
        elif narration is not None and _dash_start(text, ls, le) >= 0 and len(text[s:e].split()) >= _MIN_SAID_WORDS:
            side = "narrated"  # only when the paragraph before names a person (see extract)
        elif s in paragraphs:
            # a paragraph of whole sentences in marks amid narration: what the one the text last
            # quoted, or named as speaking, said
            side = "implicit"
        else:
            continue
        ends = text[e - 1] in _SENTENCE_ENDS or (e < len(text) and text[e] in _SENTENCE_ENDS) or e == len(text)
        # an answer may be a word (— Посмотрим.); elsewhere a sentence at least
        # an answer may open with a number (— 2023 жылы қылмыс азайды.); other units with a capital
        # (s13) and a paragraph wholly in marks, or a dash paragraph after narration naming a person, may open with
        # a year ("2021 жылы әкемізге ... сыйладық.; Елдос Нестай мәлімдеді. / – 2025 жылға дейін ...)
        opens = (
            text[s].isupper()
            or ((answers or s in paragraphs or side == "narrated") and text[s].isdigit())
            or (text[s] == "«" and text[s + 1].isupper())
        )
        if ends and opens and len(text[s:e].split()) >= (1 if answers else 3):
            # (s11-int) and the quotes in the paragraphs the answer goes on in are its words too («X» деген ...)
            inner.extend(near if e <= le else near + [k for k in kept[i : i + _LATER_QUOTES] if le <= k.start <= e])
            span = narration if side != "implicit" else None
            if addressed is not None and question_end >= 0 and not text[question_end:ls].strip():
                span, side = addressed, "addressed"  # — Арман Серікұлы, ...? / — A.: the one asked answers
            if labels.get(s) is not None:
                span, side = labels[s], "labelled"  # Азаттык: Q? / Арман Мажикеев: A.: the name the label gives
            out.append(Candidate(s, e, "bare", None, span, "", 0.6, side, max(le, e)))
    return out


#: (s11-int) A dash a scraper glued into a paragraph after a sentence's end (... едік. – Q? – A.; өрбіді.– Q?):
#: an interview's question and its answer run into one paragraph, or a question into the narration before it.
_GLUED_DASH_RE: Final = re.compile(r"(?<=[.!?…»])[ \t]{0,3}([-–—‒―])[ \t]+(?=[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ\d«])")
_MAX_GLUED: Final = 64
#: Second-person words that make a question without a dash the interviewer's (Жоспарыңыз қандай?, Как вы ...?).
_YOU_RE: Final = re.compile(r"(?i)\b(?:сіз\w*|вы|вас|вам|ваш\w*|you|your)\b|\w(?:ңыз|ңіз)\w*")


def _glued_units(
    text: str, units: list[tuple[int, int, int, int]], budget: _Budget, glued: set[int], asked: set[int]
) -> list[tuple[int, int, int, int]]:
    """``units`` with the paragraphs a scraper glued an interview into cut at the dashes between a question
    and its answer (— Q? — A., narration. — Q?, Q with a second-person word? — A.): each part a unit whose
    line starts at its dash. Where the glued parts start goes to ``glued``; the questions among the units that
    open with no dash, to ``asked``. A glued dash with no question on either side of it cuts nothing."""
    by_line = {u[2]: n for n, u in enumerate(units)}
    cuts: dict[int, list[tuple[int, int]]] = {}
    for k, m in enumerate(_GLUED_DASH_RE.finditer(text)):
        if k >= _MAX_GLUED or not budget.spend(m.start()):
            break
        cuts.setdefault(text.rfind("\n", 0, m.start()) + 1, []).append((m.start(1), m.end()))
    if not cuts:
        return units
    drop: set[int] = set()
    added: list[tuple[int, int, int, int]] = []
    for ps, found in cuts.items():
        dashes = [d for d, _ in found]
        pe = text.find("\n", ps)
        pe = len(text) if pe < 0 else pe
        n = by_line.get(ps)
        dashed = _dash_start(text, ps, pe) >= 0
        if dashed != (n is not None):
            continue  # a dash quote found already, or a paragraph in marks
        first = units[n][0] if n is not None else _content_bounds(text, ps, dashes[0])[0]
        bounds = [first] + [x for _, x in found]
        parts = [_content_bounds(text, b, d) for b, d in zip(bounds, [*dashes, pe], strict=True)]
        asks = [e > s and (text[e - 1] == "?" or _addresses_interviewee(text, s, e)) for s, e in parts]
        if n is None and asks[0]:
            asks[0] = _YOU_RE.search(text, *parts[0]) is not None  # a question of the interviewer's, no dash
        keep = [j for j in range(1, len(parts)) if asks[j - 1] or asks[j]]
        if not keep:
            continue
        starts = [0, *keep]
        ends = [*(dashes[j - 1] for j in keep), pe]
        pieces = [(parts[a][0], _content_bounds(text, parts[a][0], ends[x])[1]) for x, a in enumerate(starts)]
        if n is not None:
            drop.add(n)
            added.append((pieces[0][0], pieces[0][1], ps, ends[0]))
        elif keep[0] == 1 and asks[0]:
            asked.add(pieces[0][0])
            added.append((pieces[0][0], pieces[0][1], ps, ends[0]))
        for x in range(1, len(pieces)):
            s, e = pieces[x]
            asks_here = e > s and (text[e - 1] == "?" or _addresses_interviewee(text, s, e))
            before = pieces[x - 1]
            answers = before[1] > before[0] and (
                text[before[1] - 1] == "?" or _addresses_interviewee(text, *before) or (x == 1 and asks[0])
            )
            if asks_here or answers:  # ... деді ол. – Біз ...: a glued dash that neither asks nor answers
                glued.add(s)
                added.append((s, e, dashes[keep[x - 1] - 1], ends[x]))
    if not added:
        return units
    return sorted([u for n, u in enumerate(units) if n not in drop] + added)


#: (s11-int) A paragraph a label opens (Тілші: Q?, Арман Мажикеев: A., El.kz: Q, Вопрос: Q): one to three words
#: and a colon, as transcripts of interviews print who speaks.
_LABEL_LINE_RE: Final = re.compile(
    r"(?m)^[ \t]{0,8}([^\W\d_][\w.’'-]{0,30}(?:[ \t][^\W\d_][\w.’'-]{0,30}){0,2}):[ \t]+(?=\S)"
)
_MAX_LABELS: Final = 64
#: Labels that open an interviewer's question, and those that open the answer of the one interviewed.
_ASK_LABELS: Final = frozenset(
    {"сұрақ", "сауал", "тілші", "вопрос", "журналист", "корр", "корр.", "корреспондент", "q", "question", "interviewer"}
)
_ANSWER_LABELS: Final = frozenset({"жауап", "ответ", "a", "answer"})


def _labelled_units(
    text: str,
    units: list[tuple[int, int, int, int]],
    kept: list[Candidate],
    budget: _Budget,
    asked: set[int],
    labels: dict[int, tuple[int, int] | None],
) -> list[tuple[int, int, int, int]]:
    """``units`` with the paragraphs of an interview printed as a transcript: each opens with a label and a
    colon. The interviewer's (a question label, one word that asks: a question mark or a second-person word, or
    a person's name before a question) go to ``asked``; the answers (an answer label, or a person's name
    before words that ask nothing) to ``labels``, with the name's span or None. Nothing changes unless the
    text has both; paragraphs a quote found already opens are left alone."""
    found: list[tuple[int, int, int, int, str, tuple[int, int] | None]] = []
    ptr = 0
    for k, m in enumerate(_LABEL_LINE_RE.finditer(text)):
        if k >= _MAX_LABELS or not budget.spend(m.start()):
            break
        colon = m.end(1)
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", colon)
        le = len(text) if le < 0 else le
        while ptr < len(kept) and kept[ptr].end <= colon:
            ptr += 1
        if ptr < len(kept) and kept[ptr].start < le:
            continue  # Name: «Q», a headline: a quote found already
        s, e = _content_bounds(text, m.end(), le)
        if e <= s:
            continue
        label = m.group(1).lower()
        name = _name_label(text, m.start(1), colon)
        if label in _ASK_LABELS or (name and text[e - 1] == "?"):
            found.append((s, e, ls, le, "ask", None))
        elif label in _ANSWER_LABELS:
            found.append((s, e, ls, le, "answer", None))
        elif name:
            found.append((s, e, ls, le, "answer", (m.start(1), colon)))
        elif " " not in label and (
            "." in label.rstrip(".")  # an outlet's domain (El.kz: Сламхат аға, ...)
            or "?" in text[s:e]
            or _YOU_RE.search(text, s, e) is not None
            or _PATRONYMIC_ADDRESS_RE.match(text, s, e) is not None
        ):
            found.append((s, e, ls, le, "ask", None))  # Азаттык: ... Расскажите о себе. / КТК: ...?
    kinds = {f[4] for f in found}
    if kinds != {"ask", "answer"}:
        return units
    lines = {f[2] for f in found}
    taken: list[tuple[int, int, int, int]] = []
    prev_end = -1  # where the question right before ends
    for s, e, ls, le, kind, span in found:
        if kind == "ask":
            asked.add(s)
        elif (0 <= prev_end and not text[prev_end:ls].strip()) or (span is not None and text[e - 1] in ".!…"):
            labels[s] = span  # an answer to the question right before, or a name's label before a sentence
        else:
            continue  # Name: Headline words: a headline repeated, no answer
        taken.append((s, e, ls, le))
        prev_end = le if kind == "ask" else -1
    return sorted([u for u in units if u[2] not in lines] + taken)


_MAX_NARRATION: Final = 800
#: The quotes after an answer's first paragraph looked at for being inside it, at most.
_LATER_QUOTES: Final = 24


#: Words at most in the attribution that closes an English dash paragraph after a comma.
_EN_TAIL_WORDS: Final = 10


#: A dash line that ends with an English speech verb after a comma (``- Q, the President said.``).
_EN_DASH_TAIL_RE: Final = re.compile(
    r"^[ \t]{0,8}[-–—][^\n]*?,[^,\n]{1,120}?\b(?:" + "|".join(sorted(EN_CUES)) + r")\b[^,\n]{0,80}\.[ \t]*$", re.M
)


def _en_own_attributions(
    text: str, units: list[tuple[int, int, int, int]], kept: list[Candidate], out: list[Candidate]
) -> list[tuple[int, int, int, int]]:
    """Take the English dash paragraphs with their own attribution out of ``units`` as quotes of their own (into
    ``out``); the rest go on as units. Not an interview's answer, nor a paragraph a quote found already overlaps."""
    rest: list[tuple[int, int, int, int]] = []
    starts = [k.start for k in kept]
    question = -1
    for unit in units:
        s, e, ls, le = unit
        answers = question >= 0 and not text[question:ls].strip()
        question = le if e > s and text[e - 1] == "?" else -1
        i = bisect_right(starts, le - 1)
        overlapped = i > 0 and kept[i - 1].end > ls
        tail = None
        if e > s and text[e - 1] == "." and text[s].isascii() and not overlapped:
            tail = _en_trailing_attribution(text, s, e, ls, answers)
        if tail is None:
            rest.append(unit)
            continue
        qe, cue, spk, spk_side = tail
        out.append(Candidate(s, qe, "mark", cue, spk, "en", 0.8, spk_side, max(le, e)))
    return rest


def _en_trailing_attribution(
    text: str, s: int, e: int, ls: int, answers: bool
) -> tuple[int, Cue, tuple[int, int], str] | None:
    """``- Q1. Q2, Nursultan Nazarbayev said.`` / ``- Q," the Head of State said.``: an English dash paragraph whose
    last sentence closes with its own attribution after a comma, as the President's site writes a speech; the
    quote ends before that comma (s11-enq). Returns the quote's end, the verb, the speaker phrase and its side;
    None for an interview's answer (``answers``)."""
    if answers or _dash_start(text, ls, e) < 0:
        return None
    comma = text.rfind(",", s, e)
    if comma < 0 or len(WORD_RE.findall(text, comma, e)) > _EN_TAIL_WORDS or ". " in text[comma:e]:
        return None
    cue = find_cue(text, comma + 1, e)
    if cue is None or cue.lang != "en":
        return None
    before = _trim_speaker(text, comma + 1, cue.start)
    after = _trim_speaker(text, cue.end, e)
    span, side = (before, "before") if before[1] > before[0] else (after, "after")
    named = any(w[:1].isupper() or w.lower() in ("he", "she") for w in WORD_RE.findall(text, *span))
    if span[1] <= span[0] or not named:
        return None
    qe = comma
    while qe > s and text[qe - 1] in " \t\"”»":
        qe -= 1
    return (qe, cue, span, side) if qe > s else None


def _cited_in_answer(text: str, near: list[Candidate], s: int, ls: int, le: int, question_end: int) -> bool:
    """The quotes ``near`` stand inside a dash paragraph that answers the question right before it
    (— Тәртіп. Бізде ұран бар: «Q» деген. ...): the one answering cites them; the answer is the quote."""
    if question_end < 0 or text[question_end:ls].strip() or _dash_start(text, ls, le) < 0:
        return False
    return all(s < k.start and k.end <= le for k in near)

def _cited_in_dash(text: str, near: list[Candidate], s: int, ls: int, le: int) -> bool:
    """(s13) The quotes ``near`` are short ones well inside a dash paragraph (— Q ... «сені ұрмады ғой», деп
    психологтар ... .): whoever speaks in the paragraph cites them; the paragraph is the quote."""
    if _dash_start(text, ls, le) < 0:
        return False
    return all(s + _CITED_AFTER < k.start and k.end <= le and (k.end - k.start) * 3 < le - s for k in near)


#: How far into a dash paragraph a quote it cites opens, at least: one opening it is the paragraph's own.
_CITED_AFTER: Final = 40

#: A dash paragraph opening by addressing someone with the name and patronymic (Асқар Серқұлұлы, Нұрлан
#: Мерғалиұлы, Арман Серикович): an interviewer's question to the interviewee, whatever sentence ends it
#: (— Асқар Серқұлұлы, ... қалай келдіңіз? Әңгімені осыдан бастасақ.).
_PATRONYMIC_ADDRESS_RE: Final = re.compile(
    # (s11-int) perhaps after a few words and a comma (Thank you, Kasym-Jomart Kemelevich, ...)
    r"(?:[^\W\d_][\w ]{0,20}, )?([^\W\d_][\w-]{1,30})[ \t]+(?:[^\W\d_][\w-]{1,30}"
    r"(?:ұлы|қызы|ович|евич|овна|евна|ична|инична|ovich|evich|ovna|evna|uly|kyzy)"
    # (s11-int) or the first name and a Kazakh form of address (Шәкәрім мырза, Айгүл ханым, Болат аға)
    r"|(?:мырза|ханым|аға|ағай|апай|әпке)),",
)


def _asks(text: str, s: int, ls: int, le: int, asked: set[int]) -> bool:
    """The unit ``text[s:...]`` on the line ``text[ls:le]`` is a journalist's question: one of ``asked``
    (a label or a glued question told it), or a dash paragraph (a question by its ending or its address)."""
    return s in asked or _dash_start(text, ls, le) >= 0


def _addresses_interviewee(text: str, s: int, e: int) -> bool:
    """The paragraph ``text[s:e]`` opens addressing someone by name and patronymic and asks something:
    an interview's question that ends with a request rather than a question mark, or (s11-int) that a short
    paragraph after it asks (– Kassym-Jomart Kemelevich, thank you ... / What ...?)."""
    m = _PATRONYMIC_ADDRESS_RE.match(text, s, e)
    return m is not None and text[s].isupper() and ("?" in text[m.end() : e] or _asked_after(text, e))


def _asked_after(text: str, e: int) -> bool:
    """The paragraph after the one ending at ``e`` is a short question that goes on with it."""
    le = text.find("\n", e)
    return le >= 0 and _question_goes_on(text, le) > le


_MAX_QUESTION_TAIL: Final = 300


def _question_goes_on(text: str, le: int) -> int:
    """Where a question whose dash paragraph ends at ``le`` ends: the end of the paragraph after it when that
    one opens with no dash or quote mark and is a short question of its own (– Thank you for ... .\n\nWhat
    ...?), else ``le``."""
    m = _NON_SPACE_RE.search(text, le)
    if m is None or text[m.start()] in DASHES or text[m.start()] in "«“„\"":
        return le
    ne = text.find("\n", m.start())
    ne = len(text) if ne < 0 else ne
    s, e = _content_bounds(text, m.start(), ne)
    return ne if 0 < e - s <= _MAX_QUESTION_TAIL and text[e - 1] == "?" else le


def _attributed(cand: Candidate) -> bool:
    """A quote its text attributes: by a speech verb, as a headline, as a continuation, or after a name and
    a colon (``Николай Костов: «Q»``)."""
    return cand.cue is not None or cand.kind in ("cont", "headline") or (
        cand.kind == "colon" and cand.speaker_span is not None
    )


def _speaks(text: str, start: int, end: int) -> bool:
    """Words that end in a Kazakh finite verb or speak in the first or second person (мен aside, which
    also joins nouns: Дала сазы мен тау бейнесі)."""
    if _KK_FINITE_VERB.search(text, start, end) is not None:
        return True
    return any(w.lower() in _PERSONAL_WORDS and w.lower() != "мен" for w in WORD_RE.findall(text, start, end))


def _said_sentence(text: str, o: int, c: int) -> bool:
    """(s13) The quoted span ``text[o] ... text[c]`` is a sentence of its own inside a paragraph, in the first or
    second person (Рубен Андриасян поблагодарил зрителей. "Вы приходили к нам ..."): opened right after a
    sentence's end, closed at one (the paragraph's end or a stop)."""
    return (
        text[o - 2 : o] in (". ", "! ")
        and (c + 1 >= len(text) or text[c + 1] == "\n" or text[c + 1] == "." and text[c + 2 : c + 3] in ("", " ", "\n"))
        and _speaks(text, o + 1, c)
    )


def _own_paragraph(text: str, o: int, c: int) -> bool:
    """The quoted span ``text[o] ... text[c]`` is a paragraph of its own: only spaces or a dash before
    the opening mark on its line, only spaces or a full stop after the closing one."""
    ls = text.rfind("\n", 0, o) + 1
    le = text.find("\n", c)
    le = len(text) if le < 0 else le
    return not text[ls:o].strip(" \t-–—") and not text[c + 1 : le].strip(" \t.!?…")


def _narration_before(text: str, ls: int, near: list[Candidate]) -> tuple[int, int] | None:
    """The paragraph right before the line at ``ls`` when it is narration: no quote of ``near`` in it,
    opened by no dash or quote mark, not too long to look through; its bounds, or None."""
    j = ls - 1
    while j >= 0 and text[j] in " \t\r\n":
        j -= 1
    if j < 0:
        return None
    ps = text.rfind("\n", max(0, j - _MAX_NARRATION), j) + 1
    if ps == 0 and j >= _MAX_NARRATION:
        return None
    first = _NON_SPACE_RE.search(text, ps, j + 1)
    if first is None or text[first.start()] in DASHES:
        return None
    if text[first.start()] in '«“"„' and not _name_in_marks_opens(text, first.start(), j + 1):
        return None
    if any(k.start <= j and ps < max(k.end, k.attr_end) for k in near):
        return None
    return ps, j + 1


#: A name in marks opening a sentence (a club, a firm, a party): at most a few words before the close.
_NAME_IN_MARKS_RE: Final = re.compile(r"[«“\"„][^\W\d_][\w’'-]*(?:[ \t][\w’'-]+){0,2}[»”\"]\w{0,4}[ \t]+[^\W\d_]")


def _name_in_marks_opens(text: str, start: int, end: int) -> bool:
    """``«Астананың» бас бапкері Григорий Бабаян ... пікір білдірді.``: the paragraph opens with a name in
    marks (one to three words, a case ending perhaps after the close) and goes on in narration: no
    quote, narration that may name who speaks in the dash paragraph after it (branch s8-qkk)."""
    m = _NAME_IN_MARKS_RE.match(text, start, end)
    return m is not None and text[start : end].rstrip()[-1:] in ".!:"


_MAX_ANSWER_PARAGRAPHS: Final = 6


def _answer_before_question(
    text: str, units: list[tuple[int, int, int, int]], n: int, asked: set[int] | None = None
) -> int:
    """An interview's answer: the dash paragraph ``units[n]`` followed by the next question (``— Q?``, or
    one of ``asked``) with at most a few paragraphs between, none opening with a dash or a quote mark (the
    answer's own paragraphs). The answer's end, or -1."""
    if n + 1 >= len(units):
        return -1
    s2, e2, ls2, _ = units[n + 1]
    if e2 <= s2 or (text[e2 - 1] != "?" and (asked is None or s2 not in asked)):
        return -1
    end = units[n][1]
    between = text[units[n][3] : ls2]
    paragraphs = 0
    offset = units[n][3]
    for line in between.split("\n"):
        stripped = line.strip()
        if stripped:
            paragraphs += 1
            if paragraphs > _MAX_ANSWER_PARAGRAPHS or stripped[0] in DASHES or _MARKS_RE.match(stripped):
                return -1
            end = _content_bounds(text, offset, offset + len(line))[1]
        offset += len(line) + 1
    return end


def _answer_to_end(text: str, le: int) -> int:
    """The end of an interview's last answer, whose dash paragraph ends at ``le``, when the text after it
    is a few paragraphs of its own (none opening with a dash or a quote mark, the last a sentence, not a
    signature) up to the end; else -1."""
    end = -1
    paragraphs = 0
    offset = le + 1
    for line in text[le + 1 :].split("\n", _MAX_ANSWER_PARAGRAPHS * 4):
        stripped = line.strip()
        if stripped:
            paragraphs += 1
            if paragraphs > _MAX_ANSWER_PARAGRAPHS or "\n" in stripped or stripped[0] in DASHES:
                return -1  # too many paragraphs to look through (the split stopped short), or a dash opens one
            if _MARKS_RE.match(stripped):
                return -1
            end = _content_bounds(text, offset, offset + len(line))[1]
        offset += len(line) + 1
    if end < 0 or offset < len(text) or text[end - 1] not in ".!?…":
        return -1
    last = text[text.rfind("\n", 0, end) + 1 : end].split()
    if len(last) < 3 or (len(last) <= 4 and all(w[:1].isupper() for w in last[1:])):
        return -1  # Беседовала Людмила Макаренко.: the interviewer's signature ends the page, no answer
    return end


def _follow_ons(text: str, kept: list[Candidate], loose: list[tuple[int, int]]) -> list[Candidate]:
    """Unattributed quotes right after an attributed one: same speaker ("Q1," he said. "Q2.")."""
    out: list[Candidate] = []
    i = 0
    for cand in kept:
        while i < len(loose) and loose[i][0] < cand.start:
            _maybe_follow(text, out, loose[i])
            i += 1
        out.append(cand)
    while i < len(loose):
        _maybe_follow(text, out, loose[i])
        i += 1
    return out


def _maybe_follow(text: str, out: list[Candidate], span: tuple[int, int]) -> None:
    if not out or out[-1].cue is None:
        return
    prev = out[-1]
    o, c = span
    gap_start = max(prev.attr_end, prev.end)
    if gap_start > o and prev.kind in ("mark", "dash") and prev.end < o:
        # '"Q1," he said, "Q2."': the attribution clause runs into the next quote
        between = text[prev.end : o]
        if "\n" not in between and "." not in between.rstrip(" \t") and between.rstrip(" \t")[-1:] in ",:":
            s, e = _content_bounds(text, o + 1, c)
            if e > s and _has_word(text, s, e):
                out.append(Candidate(s, e, "cont", prev.cue, None, prev.lang_hint, 0.75, "", c + 1))
        return
    if gap_start > o or o - gap_start > 6:
        return
    gap = text[gap_start:o]
    if gap.strip(" \t.\r\n") or gap.count("\n") > 1:
        return
    if "\n" in gap:
        # a new paragraph: only when it is nothing but the quote
        le = text.find("\n", c)
        tail = text[c + 1 : len(text) if le < 0 else le]
        if tail.strip(" \t.!?"):
            return
    s, e = _content_bounds(text, o + 1, c)
    if e > s and len(text[s:e].split()) >= 3 and text[s].isupper():
        out.append(Candidate(s, e, "cont", prev.cue, None, prev.lang_hint, 0.7, "", c + 1))
