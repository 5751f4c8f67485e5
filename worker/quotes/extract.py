"""Direct quotes with speakers (issue 3): pure functions, no faust.

``extract_quotes`` scans the title and the body of one item for quotes in the
forms Kazakh, Russian and English news use (dash paragraphs, guillemets and
other quote marks with a cue verb before or after, ``S: «Q»``, subject-first
``S «Q» деп атап өтті`` and headline ``Q - S``), then resolves each speaker
against the item's entities. At most ``scan.examinations(field)`` quotes come
from one field (see ``scan.scan_field``), so hostile input costs a bounded
time per byte.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import islice

from worker.entities.translit import kk_cyrillic_same_length, kk_latin
from worker.model import FIELDS, Entity, Quote, Speaker
from worker.text.script import CYRILLIC as _CYRILLIC
from worker.text.script import KAZAKH_LETTERS as _KK_LETTERS
from worker.text.script import fold_latin_i, looks_latin_kazakh

from .kk_speakers import FOLK_SAYING_RE
from .morph import in_oblique_case, title_head
from .scan import (
    ACCORDING_LEMMAS,
    SENTENCE_BREAK_RE,
    WORD_RE,
    Candidate,
    Cue,
    about_this,
    find_cue,
    quoted_headline,
    quoted_title,
    reads_as_statement,
    scan_field,
)
from .speakers import (
    Resolved,
    Resolver,
    headline_crowd,
    possessed_noun,
    unnamed_crowd,
    unnamed_person,
    unnamed_subject,
)

__all__ = ["extract_quotes"]

_KNOWN = frozenset({"kk", "ru", "en"})


def extract_quotes(fields: Mapping[str, str], language: str, entities: Sequence[Entity]) -> list[Quote]:
    """Direct quotes of one item in text order, speakers resolved against ``entities``."""
    order = [f for f in FIELDS if isinstance(fields.get(f), str) and fields.get(f)]
    if not order:
        return []
    # Kazakh in Latin script is scanned in Cyrillic letter for letter, so that the Cyrillic cue words,
    # titles and pronouns apply and every offset stays an offset into the Latin text
    latin = {name for name in order if language == "kk" and _latin_kazakh(fields[name])}
    # old Kazakh fonts left a Latin i for і in the words, which the Kazakh cues must still match
    fold = fold_latin_i if language == "kk" else str
    scanned = {
        name: _fold_dashes(kk_cyrillic_same_length(fields[name]) if name in latin else fold(fields[name]))
        for name in order
    }
    found = [(name, scan_field(scanned[name], name == "title")) for name in order]
    head = scanned.get("title") or scanned.get("body") or ""
    about = _title_statement(scanned, found) if _OPENING_MARK.match(head) is not None else None
    if not any(cands for _, cands in found):
        return []
    resolver = Resolver.build(scanned, FIELDS, entities)
    quotes: list[Quote] = []
    for name, cands in found:
        text = fields[name]
        fidx = FIELDS.index(name)
        prev_speaker = None
        prev_cand: Candidate | None = None
        for cand in cands:
            key = (fidx, cand.start)
            resolved = None
            if cand.kind == "bare" and cand.speaker_span is not None:
                # a dash paragraph after narration: the person that paragraph names speaks
                resolved = (
                    resolver.person_in(fidx, *cand.speaker_span)
                    or (None if _post_opens(text, cand.speaker_span) else resolver.body_in(fidx, *cand.speaker_span))
                    or resolver.titled_in(fidx, *cand.speaker_span, key)
                    or resolver.reported_body(fidx, *cand.speaker_span)
                )
                if resolved is None and cand.side == "narrated":
                    continue
                if resolved is None and cand.side == "addressed":
                    # — Андрей Владимирович, ...? / — A.: the interviewee the page names in full, which the
                    # entity layer missed (Главный тренер Андрей Карпович ответил на вопросы); (s11-int) first
                    # the person named last when the first names agree (Гүлнар Есімовамен сұхбаттастық. – Гүлнар
                    # Асанқызы, ...?), whom the page names in full
                    resolved = _same_first_name(
                        resolver.implicit(key), text[cand.speaker_span[0] : cand.speaker_span[1]]
                    ) or resolver.named_by_first_name(fidx, *cand.speaker_span)
                if resolved is None and cand.side == "labelled" and resolver.looks_like_speaker(
                    fidx, *cand.speaker_span, strict=1
                ):
                    # Арман Мажикеев: A.: the name the label gives, which the entity layer missed
                    resolved = resolver.resolve(fidx, *cand.speaker_span, key)
                if resolved is None and _crowd_narration(text, cand.speaker_span):
                    resolved = Resolved(Speaker("", None, None), 0.6)  # Сельчане поблагодарили акима. «Q»
                if resolved is None:
                    named = prev_speaker is not None and prev_speaker.speaker.name is not None
                    resolved = prev_speaker if named else resolver.implicit(key)
            elif cand.speaker_span is not None and _unnamed_headline(resolver, fidx, text, cand):
                resolved = None  # «Ташкентке алтын үшін келдік»: финалға шыққан боксшылар ...: said, by no one named
            elif cand.speaker_span is not None:
                s, e = cand.speaker_span
                headed = None
                if cand.kind in ("headline", "colon") and cand.cue is None:
                    # headlines are often in Title Case: want a person, not just capitals
                    strict = 0 if cand.kind == "colon" else _headline_strictness(text, cand)
                    if not resolver.looks_like_speaker(fidx, s, e, strict=strict) and not (
                        cand.kind == "colon" and resolver.press_office(fidx, s, e)
                    ):
                        # Q – Антикор: a body the item knows, or the one of its people the body text has speak
                        kazakh = cand.kind == "headline" and not _KK_LETTERS.isdisjoint(text[cand.start : cand.end])
                        headed = resolver.headline_body(fidx, s, e) if kazakh else None
                        if headed is None and cand.kind == "headline":
                            headed = _post_or_crowd(resolver, fidx, text, cand)
                        unnamed = unnamed_crowd(text[s:e]) or unnamed_person(text[s:e])
                        if headed is None and (cand.kind != "colon" or not unnamed):
                            continue  # Түркістан облыстық сотының баспасөз қызметі: «Q»: a body's press office
                if cand.cue is not None and (
                    (cand.side == "before" and cand.cue.lang != "kk")
                    or (cand.side == "after" and cand.cue.lang == "en")
                ):
                    first = text[s:e].split(None, 1)[0].lower() if e > s else ""
                    determiner = first in ("the", "a", "an")
                    # "Q," the press service of the Ministry of Energy reported, "Q," the Foreign Ministry of
                    # Kazakhstan said: a body the item knows, however many words its name takes
                    if not (
                        resolver.looks_like_speaker(fidx, s, e)
                        or (determiner and len(text[s:e].split()) <= 4)
                        or (cand.cue.lang == "en" and resolver.names_body(fidx, s, e))
                    ):
                        if not _crowd_headline(text, cand):
                            continue  # '"Project Light," was announced': no speaker, no quote
                        # «Q?» — атыраусцы жалуются на очереди: a headline's crowd speaks, no one named
                        headed = Resolved(Speaker(" ".join(text[s:e].split()[:3]), None, None), 0.6)
                quoting = cand.cue is not None and cand.cue.lemma == _QUOTING_LEMMA
                nominative = cand.side != "quote_colon" and not quoting
                nominative = nominative and (cand.cue is None or cand.cue.lemma not in ACCORDING_LEMMAS)
                gender = _cue_gender(cand.cue) if cand.lang_hint == "ru" else ""
                resolved = headed or resolver.resolve(fidx, s, e, key, nominative=nominative, cue_gender=gender)
                if quoting and not _names_known_person(resolved):
                    # — цитирует функционера kff.kz: the outlet quotes the one named before, not itself
                    resolved = resolver.implicit(key)
                if cand.kind == "said" and not _names_known_person(resolved) and _same_cue(prev_cand, cand):
                    # «Q1», — заверила глава Минздрава. «Q2».: the sentence before Q2 attributes Q1, whose
                    # speaker goes on
                    resolved = prev_speaker if prev_speaker is not None else resolved
                elif cand.kind == "said" and not _names_known_person(resolved):
                    if cand.side != "said_paragraph":
                        continue  # a sentence before the quote whose speaker is no one known: no quote
                    # a paragraph in marks after narration: the person or body the narration names speaks,
                    # else the one quoted last, as for a paragraph without marks
                    named = prev_speaker is not None and prev_speaker.speaker.name is not None
                    narration = (cand.speaker_span[0], cand.start)
                    resolved = (
                        resolver.person_in(fidx, *narration)
                        or resolver.body_in(fidx, *narration)
                        or resolver.titled_in(fidx, text.rfind("\n", 0, narration[0]) + 1, cand.start, key)
                    )
                    if resolved is None and _crowd_narration(text, narration):
                        resolved = Resolved(Speaker("", None, None), 0.6)  # Пользователи заметили, что ...
                        named = True
                    if resolved is None and not named:
                        continue
                    resolved = resolved or prev_speaker
            elif cand.kind == "cont":
                resolved = prev_speaker
            elif cand.kind == "bare":
                named = prev_speaker is not None and prev_speaker.speaker.name is not None
                # «Q» after "X баспасөз қызметінің хабарлауынша, ..." or "По данным X, ...": the body the paragraph
                # before cites
                if named or _crowd_spoke(prev_speaker):
                    resolved = prev_speaker
                else:
                    resolved = (
                        resolver.press_office_before(fidx, cand.start)
                        or resolver.implicit(key)
                        or resolver.reported_before(key)
                    )
            elif cand.kind in ("dash", "mark") and cand.lang_hint == "kk" and cand.cue is not None:
                # «Q» - дегендер: said by a group the text leaves unnamed, no one named before
                if cand.cue.lemma not in _NOBODY_LEMMAS and cand.side != "sayers":  # «– Q? – деп сұрады.»
                    resolved = resolver.implicit(key)  # «..., – деп жауап берді.»: the one named before
            elif cand.kind == "title" and about is not None:
                s, e = about[1]
                body = FIELDS.index("body")
                resolved = resolver.resolve(body, s, e, (body, s))
            if cand.cue is not None and cand.cue.lemma in _NOBODY_LEMMAS and _asked_by_no_one(cand, resolved, text):
                # the answers after a question go on with the one asked: never with the press that asks
                prev_speaker = None if _press_asks(cand, text) else resolved
                continue
            raw = text[cand.start : cand.end]
            qtext = " ".join(raw.split())
            if not qtext or (cand.cue is not None and FOLK_SAYING_RE.match(text, cand.cue.start) is not None):
                continue  # nothing said; or «Q» дейді қазақ, «Q» деп тегін айтылмаған: a proverb cited, no one's words
            conf = cand.confidence * (resolved.strength if resolved is not None else 0.6)
            lang = cand.lang_hint or (language if language in _KNOWN else _guess(qtext))
            if language in _KNOWN and cand.lang_hint and language != cand.lang_hint:
                lang = cand.lang_hint
            speaker = resolved.speaker if resolved is not None else None
            cue = cand.cue.text if cand.cue is not None else None
            if name in latin:
                cue = kk_latin(cue) if cue is not None else None
                if speaker is not None:
                    speaker = Speaker(kk_latin(speaker.mention), speaker.name, speaker.entity_id)
            quotes.append(
                Quote(
                    text=qtext,
                    field=name,
                    start=cand.start,
                    end=cand.end,
                    cue=cue,
                    cue_lemma=cand.cue.lemma if cand.cue is not None else None,
                    speaker=speaker,
                    confidence=round(max(0.0, min(1.0, conf)), 3),
                    language=lang,
                )
            )
            if speaker is not None:
                resolver.remember(key, speaker, cand.end)
            else:
                resolver.said_by_no_one(key, cand.end)
            prev_speaker = resolved
            prev_cand = cand
    if _OPENING_MARK.match(head) is not None:
        quotes = _headline_echo(fields, scanned, order, quotes)
    return _headline_excerpts(quotes, fields)


#: Words at least in a headline that a quote in the text must repeat to lend it its speaker.
_ECHO_WORDS = 3


def _echo_key(text: str) -> str:
    return " ".join(w.lower() for w in WORD_RE.findall(text))


def _headline_echo(
    fields: Mapping[str, str], scanned: Mapping[str, str], order: Sequence[str], quotes: list[Quote]
) -> list[Quote]:
    """A headline wholly in marks that nothing attributes (``«Президент мұндай шараларды қолдамайды»``),
    its words repeated in a quote of someone named further on: the headline is that person's quote too,
    put first among its field's quotes."""
    name = order[0]
    text = scanned[name]
    span = quoted_headline(text)
    if span is None or any(q.field == name and q.start < span[1] and span[0] < q.end for q in quotes):
        return quotes
    key = _echo_key(text[span[0] : span[1]])
    if len(key.split()) < _ECHO_WORDS:
        return quotes
    for q in quotes:
        if q.speaker is None or q.speaker.name is None or (q.field == name and q.start < span[1]):
            continue
        if f" {key} " in f" {_echo_key(q.text)} ":
            raw = fields[name][span[0] : span[1]]
            echo = Quote(
                text=" ".join(raw.split()),
                field=name,
                start=span[0],
                end=span[1],
                cue=None,
                cue_lemma=None,
                speaker=q.speaker,
                confidence=round(q.confidence * 0.8, 3),
                language=q.language,
            )
            first = next((i for i, other in enumerate(quotes) if other.field == name), len(quotes))
            return [*quotes[:first], echo, *quotes[first:]]
    return quotes


def _headline_excerpts(quotes: list[Quote], fields: Mapping[str, str]) -> list[Quote]:
    """A headline quote whose words come back inside a later quote of the item ("Тобылдың" бас бапкері: Бұл
    бәсекені үш ұпай деп есептеймін, then «... Бұл бәсекені үш ұпай деп есептеймін ...», – деді М. Чурчич): an
    excerpt of that quote, said by its speaker, when the later one is named (s11-spkb)."""
    if len(quotes) < 2:
        return quotes
    out = list(quotes)
    for n, q in enumerate(quotes[:_HEADLINE_QUOTES]):
        text = fields.get(q.field) or ""
        if text.find("\n", 0, q.start) >= 0 or len(q.text) < _EXCERPT_CHARS:
            continue  # not in the headline, or too short to tell an excerpt from a set phrase
        after = quotes[n + 1 : n + 1 + _LATER_QUOTES]
        later = next((o for o in after if o.speaker is not None and q.text in o.text), None)
        if later is None or later.speaker is None or later.speaker.name is None:
            continue
        if q.speaker is not None and q.speaker.name and q.speaker.name.split()[-1][:4] in q.speaker.mention:
            continue  # Серік Ахметов: «...»: the headline names its speaker, whoever repeats the words later
        mention = q.speaker.mention if q.speaker is not None else ""
        out[n] = replace(q, speaker=Speaker(mention, later.speaker.name, later.speaker.entity_id))
    return out


#: Characters a headline quote must have to be taken for an excerpt of a later quote; the quotes a headline
#: may hold, and the later quotes searched for its words (a bounded cost on hostile input).
_EXCERPT_CHARS = 20
_HEADLINE_QUOTES = 2
_LATER_QUOTES = 16


#: Posts whose holder speaks for the body the post names (Представитель акимата сообщил): the body speaks.
_SPOKESPERSON_HEADS = frozenset(
    {"представитель", "пресс-секретарь", "өкіл", "representative", "spokesman", "spokeswoman", "spokesperson"}
)
_POST_WORDS = 3


def _post_opens(text: str, span: tuple[int, int]) -> bool:
    """Narration that opens with a person's post before the body it names (Также наставник «Кайрата»
    высказался): the post's holder speaks in the paragraph after it, not the club or body (s8-qrupeople)."""
    for w in islice(WORD_RE.finditer(text, *span), _POST_WORDS):
        head = title_head(w.group())
        if head is not None:
            # a club or a company in marks (наставник «Кайрата»), not a state body that may speak itself
            # (Начальник ДП рассказал)
            in_marks = _OPENING_MARK.match(text, w.end()) is not None
            return in_marks and head not in _SPOKESPERSON_HEADS and not in_oblique_case(w.group(), head)
    return False


def _same_first_name(resolved: Resolved | None, address: str) -> Resolved | None:
    """``resolved`` when its person's name opens with the first name of ``address`` (Гүлнар Асанқызы,
    Шәкәрім мырза), else None."""
    name = resolved.speaker.name if resolved is not None else None
    first = address.split(None, 1)[0] if address.split() else ""
    return resolved if name is not None and first and name.split(None, 1)[0] == first else None


def _cue_gender(cue: Cue | None) -> str:
    """The sex a Russian speech verb in the past tense tells (сказала: "f", сказал: "m"), else ""."""
    if cue is None or cue.lang != "ru":
        return ""
    verb = cue.text.split()[0].lower() if cue.text.split() else ""
    return "f" if verb.endswith(("ла", "лась")) else "m" if verb.endswith(("л", "лся")) else ""


def _crowd_spoke(prev: Resolved | None) -> bool:
    """The quote before was said by a crowd the item does not name (Фолловеры пишут: «Q1» / «Q2»): the
    paragraphs of quotes after it are more of the same comments, not the words of the last person named."""
    return prev is not None and prev.speaker.name is None and unnamed_crowd(prev.speaker.mention)


def _crowd_narration(text: str, span: tuple[int, int]) -> bool:
    """The paragraph of narration before a paragraph in marks opens with a crowd (Пенсионеры поблагодарили
    студентов.; Пользователи обратили внимание, что ...)."""
    lo = max(text.rfind("\n", 0, span[0]), text.rfind(". ", 0, span[0]) + 1)
    return unnamed_crowd(text[lo + 1 : span[1]].lstrip())


def _same_cue(prev: Candidate | None, cand: Candidate) -> bool:
    """``cand``'s speech verb is the one that attributed the quote before it."""
    return prev is not None and prev.cue is not None and cand.cue is not None and prev.cue.start == cand.cue.start


def _title_statement(
    scanned: Mapping[str, str], found: list[tuple[str, list[Candidate]]]
) -> tuple[Cue, tuple[int, int]] | None:
    """A title wholly in quote marks, its speaker named in the body (Об этом заявил S, Бұл туралы S айтты):
    the title becomes a quote of S (put first among its field's candidates); the cue and S's span in the
    body. Without a title, the body's first line is the title when the body goes on after it."""
    title, body = scanned.get("title"), scanned.get("body")
    if not body or _OPENING_MARK.match(title or body) is None:
        return None
    cands = dict(found)
    if title:
        head, head_end, after = "title", len(title), 0
    else:
        head, head_end = "body", body.find("\n")
        after = head_end
    own = cands.get(head)
    if head_end <= 0 or own is None or (own and own[0].start < head_end):
        return None
    span = quoted_title(scanned[head], 0, head_end)
    about = about_this(body, after) if span is not None else None
    if span is None or about is None:
        return None
    cue = about[0]
    own.insert(0, Candidate(span[0], span[1], "title", cue, None, cue.lang, 0.75, "about", head_end))
    return about


_OPENING_MARK = re.compile(r"\s{0,8}[«“\"„]")

#: Lemmas of asking (a question a journalist puts to someone is nobody's quote) and of an impersonal
#: "it is said" (говорится в законе, делінген құжатта: a document, unless a body speaks through it).
#: Characters some pages type for a dash (a box-drawing line, a minus sign): read as the em dash, one for
#: one, so that every offset stays the text's.
_DASHES = str.maketrans({"\u2500": "\u2014", "\u2212": "\u2014"})

def _fold_dashes(text: str) -> str:
    # str.translate walks every character in Python; the two look-alikes are rare, so look for them first
    if "\u2500" in text or "\u2212" in text:
        return text.translate(_DASHES)
    return text


_NOBODY_LEMMAS = frozenset({"спросить", "сұрау", "ask", "говориться", "отмечаться", "делу"})


#: An outlet quoting someone (— цитирует функционера kff.kz): the speaker is the object, never the outlet.
_QUOTING_LEMMA = "цитировать"


#: How far into the text a headline's quote may open (a date stamp before it at most).
_HEAD_REACH = 8


def _crowd_headline(text: str, cand: Candidate) -> bool:
    """The quote opens the text's first line and a crowd the item does not name says it there
    (``«Q» — атыраусцы жалуются``, ``«Q», — жалуются жители``)."""
    if cand.speaker_span is None or cand.start > _HEAD_REACH or text[: cand.start].strip(" \t\r\n«“\"„"):
        return False
    return headline_crowd(text[cand.speaker_span[0] : cand.speaker_span[1]])


def _headline_strictness(text: str, cand: Candidate) -> int:
    """How much a headline's speaker phrase must look like a name (see ``Resolver.looks_like_speaker``):
    an entity or a title (2) after a colon, or when the phrase is in capitals all through (ӘКІМНІҢ
    КЕЗДЕСУІ – АЛДАҒЫ МІНДЕТТЕРДІҢ АРҚАУЫ: capitals that make no name); else a capitalised name will do (1)."""
    if cand.side in ("title_colon", "quote_colon"):
        return 2
    s, e = cand.speaker_span or (0, 0)
    return 2 if text[s:e].isupper() and len(text[s:e].split()) > 1 else 1


def _unnamed_headline(resolver: Resolver, fidx: int, text: str, cand: Candidate) -> bool:
    """A headline ``«Q»: ...`` whose words after the colon name nobody, while Q reads as words said."""
    if cand.side != "quote_colon" or cand.speaker_span is None:
        return False
    s, e = cand.speaker_span
    if resolver.looks_like_speaker(fidx, s, e, strict=2) or not reads_as_statement(text, cand.start, cand.end):
        return False
    return _post_or_crowd(resolver, fidx, text, cand) is None


def _post_or_crowd(resolver: Resolver, fidx: int, text: str, cand: Candidate) -> Resolved | None:
    """The speaker of a headline whose words after the quote are no name: a post opening them (``«Q»:
    «Қайраттың» бас бапкері ...``, ``Q – депутат``) is the person the body names in it; people it does not
    name (``«Q»: пациенты жалуются``) say words in marks, or a statement, as no one named. None when the
    words name neither, or run on as narration (a sentence ended inside them)."""
    if cand.speaker_span is None:
        return None
    s, e = cand.speaker_span
    words = list(islice(WORD_RE.finditer(text, s, e), _HEAD_PHRASE_WORDS + 1))
    if not words or len(words) > _HEAD_PHRASE_WORDS or SENTENCE_BREAK_RE.search(text, s, e) is not None:
        return None
    lead = words[min(len(words), _HEAD_POST_WORDS) - 1].end()
    titled = resolver.titled_in(fidx, s, lead, (fidx, cand.start))
    if titled is not None and not _post_possessed(words):
        return titled
    # the crowd speaks (жалуются, шағымданды, пікір білдірді), or the words read as said; before a colon a
    # plural is as often a topic as people (Қаңтар оқиғалары: Q; «Жаңа оқу жылы»: мектептер дайын)
    if cand.side != "title_colon" and headline_crowd(text[s:e]) and (
        find_cue(text, s, max(e, cand.attr_end)) is not None or reads_as_statement(text, cand.start, cand.end)
    ):
        return Resolved(Speaker(" ".join(w.group() for w in words[:3]), None, None), 0.6)
    return None


#: At most so many words after a headline's quote for a post or a crowd there to speak, the post among the first.
_HEAD_PHRASE_WORDS = 12
_HEAD_POST_WORDS = 3
def _post_possessed(words: Sequence[re.Match[str]]) -> bool:
    """The post opening the words is followed by a noun it owns (министр болжамы қандай, депутат пікірі):
    the words name a thing of the post's, not its holder speaking."""
    for i, w in enumerate(words[: _HEAD_POST_WORDS]):
        if title_head(w.group()) is not None:
            nxt = words[i + 1].group() if i + 1 < len(words) else ""
            return nxt.islower() and possessed_noun(nxt)
    return False


def _asked_by_no_one(cand: Candidate, resolved: Resolved | None, text: str) -> bool:
    """A question put to someone by an asker the item does not name (— спросили министра, – деп сұрады
    журналист), or words a document says (— говорится в законе): not a quote of anyone; a named asker's
    question and a named body's statement stay quotes. The press asking (— спросил представитель СМИ у
    акима, asked a reporter) is nobody's quote either, whoever the title might resolve to."""
    if cand.cue is None or cand.cue.lemma not in _NOBODY_LEMMAS:
        return False
    if _press_asks(cand, text):
        return True
    if cand.cue.lemma in _ASKING_LEMMAS and cand.speaker_span is not None:
        s, e = cand.speaker_span
        if _asked_one_first(text, s, e):
            return True  # — Q?, — спросили министра в кулуарах правительства: no asker named, whatever body follows
    if cand.cue.lemma not in _ASKING_LEMMAS and cand.speaker_span is not None:
        s, e = cand.speaker_span
        if _POST.match(text, s, min(e, s + 30)) is not None:
            return False  # — Q, — говорится в посте: a social-media post is someone's words, if unnamed
        if _RELEASE.match(text, s, min(e, s + 40)) is not None or _KK_RELEASE.match(text, s, min(e, s + 80)):
            return False  # — Q, — делінген хабарламада: a press release speaks for a body, if unnamed
        if cand.cue.lemma == "делу" and _KK_BODY_LOCATIVE.match(text, s, min(e, s + 80)) is not None:
            return False  # «Q», - делінді департаментінде: the body speaks, if unnamed
    if cand.cue.lemma in _ASKING_LEMMAS and resolved is not None and unnamed_subject(resolved.speaker.mention):
        return False  # Видео авторы «Q?» деп сұрайды: someone asks, in the nominative, whom the item leaves unnamed
    return resolved is None or resolved.speaker.name is None


def _press_asks(cand: Candidate, text: str) -> bool:
    """A question the press puts (— спросил министра корреспондент Bestnews.kz, – деп сұрады тілші)."""
    if cand.cue is None or cand.cue.lemma not in _ASKING_LEMMAS or cand.speaker_span is None:
        return False
    s, e = cand.speaker_span
    return _PRESS_ASKER.search(text, s, min(e, s + 60)) is not None


def _asked_one_first(text: str, start: int, end: int) -> bool:
    """The phrase after a verb of asking opens with a title in an oblique case (министра, министрден):
    the one asked, so the asker is left unnamed."""
    first = WORD_RE.search(text, start, end)
    if first is None:
        return False
    head = title_head(first.group())
    return head is not None and in_oblique_case(first.group(), head)


#: A social-media post, where some person writes (в посте, в публикации в соцсетях).
_POST = re.compile(r"(?i)(?:в|во)\s+(?:посте|публикации|сторис)\b")

#: A press release or statement, which some body issues (хабарламада, в сообщении, в заявлении ведомства).
_RELEASE = re.compile(
    r"(?i)(?:(?:в|во)\s+)?(?:хабарламада|мәлімдемеде|сообщении|заявлении|пресс-релизе|релизе)\b"
)

#: (s9-qkk) A Kazakh body's release with the body before it, in the genitive or not (делінген қала әкімдігінің
#: ақпаратында, делінген ведомство хабарламасында, делінген министрліктің жауабында): a body speaks, if unnamed.
_KK_RELEASE = re.compile(
    r"(?i)(?:[^\W\d_][\w-]*\s+){0,8}?"
    r"(?:хабарлама|ақпарат|мәлімдеме|түсініктеме|жауаб|сайт|парақша)\w*(?:да|де|нда|нде|та|те)\b"
)

#: (s13) A Kazakh body in the locative after a passive verb of saying (делінді департаментінде, делінген
#: басқармасында): what was said there, the body says, if unnamed.
_KK_BODY_LOCATIVE = re.compile(
    r"(?i)(?:[^\W\d_][\w-]*\s+){0,4}?(?:департамент|басқарма|министрлі|әкімді|комитет|полиция|прокуратура|қызмет)"
    r"\w*(?:нде|нда)\b"
)

_ASKING_LEMMAS = frozenset({"спросить", "сұрау", "ask"})

#: The press putting a question: a journalist, a correspondent, a reporter, the media's representative.
_PRESS_ASKER = re.compile(
    r"(?i)\b(журналист|корреспондент|тілші|репортер|reporter|journalist|представител\w* (сми|прессы|медиа))"
)


def _names_known_person(resolved: Resolved | None) -> bool:
    """The speaker is a person the item names (by name, surname, a resolved pronoun or title)."""
    return resolved is not None and resolved.speaker.name is not None and resolved.strength >= 0.9


def _latin_kazakh(text: str) -> bool:
    return _CYRILLIC.search(text) is None and looks_latin_kazakh(text, strict=False)


def _guess(text: str) -> str:
    """Script-based guess when the item language is unknown."""
    cyr = kk = lat = 0
    for ch in text[:400]:
        if ch in _KK_LETTERS:
            kk += 1
        elif "\u0400" <= ch <= "\u04ff":
            cyr += 1
        elif ch.isascii() and ch.isalpha():
            lat += 1
    if kk:
        return "kk"
    if cyr >= lat and cyr:
        return "ru"
    return "en" if lat else "und"
