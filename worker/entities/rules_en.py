"""English rules: bodies named with "of", things that are no people, title-case headlines."""

from __future__ import annotations

import re
from collections.abc import Mapping
from operator import itemgetter

from worker.entities.gazetteer import load_gazetteer
from worker.entities.ner import Span
from worker.entities.people import _first_name
from worker.entities.records import _Found
from worker.entities.tokens import Token
from worker.entities.translit import skeleton

_ORG_WORDS_EN = frozenset(
    "ministry bank company party council committee agency fund university association corporation "
    "corp inc ltd llc group court office union organization organisation service commission "
    "institute finance capital holding holdings airlines airways telecom energy oil gas motors media "
    "partners systems technologies industries foundation exchange securities insurance investments "
    "club federation academy guard police tv "
    # bodies and leagues an English page names with these heads (Supreme Audit Chamber, Bureau of National
    # Statistics, Continental Hockey League): no person
    "chamber bureau league "
    # places of learning, culture and care (Abai Museum, Almaty History Museum): no person
    "museum theatre theater library lyceum hospital clinic".split()
)

#: English bodies named with "of" or "for" after them (Ministry of Foreign Affairs of the Republic of Kazakhstan,
#: Ministry for Emergency Situations, National Security Committee of the Republic of Kazakhstan).
_EN_BODY_HEADS = frozenset(
    "ministry committee agency department service council commission court office chamber bank fund federation "
    "association bureau museum institute".split()
)

#: The kinds of thing an English run of capitals names when it ends with one: a place to stay or play, an
#: event, a war (Alau Ice Arena, World Nomad Games, Great Patriotic War): no person.
_EN_THING_HEADS = frozenset(
    "arena complex hotel centre center stadium palace hall park festival games championship cup forum "
    "summit war programme program prize award olympics olympiad "
    # a chamber of parliament, a code of laws, a conference, a document (Lower House, Tax Code, Digital Family Map)
    "house code conference review map strategy concept "
    # research, a firm's or a book's (Culper Research, Archaeological Research in Kazakhstan)
    "research".split()
)

#: Surname endings of the region, in English spelling (Doskaliyev, Balzhanov, Vilkovsky, Alimkhanuly).
#: English words no person's name has (Unified National Testing, National Volunteer Network).
_EN_NOT_NAMES = frozenset(
    "national international unified republican public great world global united central regional state "
    "new first last annual secretary general".split()
)

_EN_SURNAME = re.compile(r"(ov|ev|yev|iev|ova|eva|yeva|in|ina|uly|kyzy|ky|sky|skiy|enko|uk|yuk|yan|dze|shvili)$")

_SKIP_EN = frozenset(
    "the a an in on at for from to of and but or he she it they we i this that these those his her "
    "its their our mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november december however after "
    "before when while if as by with president prime minister kazakh russian chinese american british "
    "french german turkish uzbek kyrgyz ukrainian european foreign deputy chairman chief head "
    # posts written before a name with a capital (Premier Akhmetov, Ambassador Kairat Sarybay): no part of it
    "premier governor mayor ambassador senator spokesman spokeswoman akim envoy commissioner "
    # Ambassador Extraordinary and Plenipotentiary of X to Y: the post's words, no one's name
    "extraordinary plenipotentiary "
    # adverbs that open a sentence before a name (Later Imanaliyev met ..., Meanwhile Karin said ...)
    "later earlier meanwhile yesterday moreover furthermore previously additionally".split()
)

#: Titles that open an English run of capitalised words before a name (Secretary of State Marco Rubio).
_EN_TITLE_WORDS = frozenset(
    "state secretary governor ambassador mayor senator spokesman spokeswoman director chancellor premier "
    "envoy commissioner ceo chair".split()
)

#: Words before a run of capitalised words that make it a person's name (posts included: Premier Akhmetov).
_EN_HONORIFIC = frozenset(
    "mr mr. mrs ms dr president minister senator premier governor mayor ambassador spokesman spokeswoman akim "
    "envoy commissioner counselor counsellor journalist blogger activist lawyer judge prosecutor professor".split()
)

_OUTLET_KINDS_EN = frozenset("newspaper channel agency magazine portal outlet".split())


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
        if tokens[k].text == "and" and tokens[k + 1].text.lower() in _EN_BODY_HEADS:
            break  # Museum of Nature and Museum of History: "and" a body's head begins another body
        m = k + 1
        if tokens[m].text == "the" and tokens[k].text != "and":
            m += 1
        e = m
        while (
            e < n
            and tokens[e].text[:1].isupper()
            and tokens[e].text.isalpha()
            # Federation of Kazakhstan Timur Kulibayev: a first name after the body's name opens a person's
            and not (e > m and _first_name(tokens[e].text, "en"))
        ):
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


_EN_OWN_COUNTRY = frozenset(("Kazakh", "Kazakhstan", "Kazakhstan's", "Kazakhstani", "The", "the", "Our", "our"))

_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


def _drop_common_phrases(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """A ministry named both ways is one (``_merge_ministries_named_both_ways``).  An English "person" the rules
    found only by its capitals (a title-case headline, Eternal Friendship,
    Natural Resources) is none when the item writes one of its words in lower case too: a name is not a
    common word.  A known first name or a surname's ending (Doskaliyev, Vilkovsky) keeps it."""
    _merge_ministries_named_both_ways(found)
    _en_short_forms_of_bodies(found)
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


def _formal_name_of(words: list[str], known: str) -> bool:
    """The page's words are a place's formal name around the gazetteer's common one (Republic of Kazakhstan,
    Kazakhstan), which names it."""
    short = known.split()
    return len(short) < len(words) and all(w in words for w in short)


#: What Kazakhstan's ministries are of, as English news writes them in lower case (the energy ministry, the
#: ministry of foreign affairs, the tourism and sports ministry).
_EN_MINISTRY_FIELDS = frozenset(
    "energy economy economic finance health healthcare justice defence defense education science agriculture "
    "ecology environment culture information sport sports tourism trade industry labour labor transport "
    "emergency emergencies situations foreign affairs internal interior digital development national "
    "social protection water resources natural infrastructure construction enlightenment".split()
)

#: Lower-case words that may join a ministry's fields (ministry of labour and social protection).
_EN_FIELD_JOINS = frozenset(("and", "of", "for"))

#: Body heads an English page may write after fields joined by "and" (Tourism and Sports Ministry).
_EN_JOINED_HEADS = frozenset(("ministry", "committee", "agency", "department"))


_TOKEN_TEXT = itemgetter(0)


def _en_field(word: str) -> bool:
    return _en_bare(word).lower() in _EN_MINISTRY_FIELDS


def _lower_case_ministry(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """A ministry named in lower case around ``ministry`` at ``k``, by its fields after "of" or "for" (the
    ministry of energy) or before it (the energy ministry, Kazakhstan's tourism and sports ministry)."""
    n = len(tokens)
    e = k + 1
    if e + 1 < n and tokens[e].text in ("of", "for") and _en_field(tokens[e + 1].text):
        e += 2
        while e + 1 < n and tokens[e].text in _EN_FIELD_JOINS and _en_field(tokens[e + 1].text):
            e += 2
        while e < n and _en_field(tokens[e].text) and tokens[e - 1].text[-2:] not in ("'s", "’s"):
            e += 1
        return k, e
    s = k
    while s > 0 and (_en_field(tokens[s - 1].text) or (tokens[s - 1].text == "and" and s - 1 < k - 1)):
        s -= 1
    if s < k and tokens[s].text != "and":
        return s, k + 1
    return None


def _en_bodies_of_fields(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """English bodies the capitalised runs miss: fields joined by "and" before a body's head (Tourism and
    Sports Ministry, not Sports Ministry alone), and a ministry in lower case (the ministry of energy, the
    health ministry), which names the body as surely as capitals do."""
    words = " ".join(map(_TOKEN_TEXT, tokens)).lower()  # one look in C: most sentences name no such body
    if "ministr" not in words and "committee" not in words and "agenc" not in words and "department" not in words:
        return spans
    found: list[tuple[int, int]] = []
    for k, tok in enumerate(tokens):
        head = _en_bare(tok.text)
        low = head.lower()
        if low not in _EN_JOINED_HEADS:
            continue
        if head[:1].isupper():
            sp = next((sp for sp in spans if sp.start <= k < sp.end), None)
            if sp is None or sp.start < 2 or tokens[sp.start - 1].text != "and":
                continue
            r = sp.start - 1
            while r > 0 and tokens[r - 1].text[:1].isupper() and tokens[r - 1].text.isalpha():
                r -= 1
            if r < sp.start - 1 and tokens[r].text.lower() not in _SKIP_EN:
                found.append((r, sp.end))
        elif low == "ministry":
            got = _lower_case_ministry(tokens, k)
            if got is not None:
                found.append(got)
    if not found:
        return spans
    out = [sp for sp in spans if not any(s < sp.end and sp.start < e for s, e in found)]
    out.extend(Span(s, e, "ORG", None) for s, e in found)
    out.sort(key=lambda sp: sp.start)
    return out


def _merge_ministries_named_both_ways(found: dict[str, _Found]) -> None:
    """A ministry an item names both "Healthcare Ministry" and "Ministry of Healthcare of Kazakhstan" is one body,
    named in full: English news writes a ministry's fields before its head as often as after "of"."""
    full: dict[tuple[str, ...], _Found] = {}
    for rec in found.values():
        words = rec.name.lower().split()
        if rec.type == "ORG" and len(words) >= 3 and words[0] == "ministry" and words[1] in ("of", "for"):
            fields = words[2:]
            if "of" in fields:
                fields = fields[: fields.index("of")]  # ... of Kazakhstan, of the Republic of Kazakhstan
            full.setdefault(tuple(fields), rec)
    if not full:
        return
    for eid, rec in list(found.items()):
        words = rec.name.lower().split()
        if rec.type != "ORG" or len(words) < 2 or words[-1] != "ministry":
            continue
        body = full.get(tuple(words[:-1]))
        if body is not None and body is not rec:
            body.absorb(rec)
            del found[eid]


#: Posts English news writes with capitals before a name (Resident Representative Munkhtuya Altangerel,
#: Managing Director Berik Beisengaliyev): no part of it.
_EN_POST_WORDS = frozenset(
    "representative director officer manager chairman chairperson chairwoman coordinator adviser advisor rector "
    "dean editor founder correspondent consul attache attaché secretary minister president head chief deputy "
    "spokesperson executive resident managing general vice".split()
)


def _en_posts_before_name(words: list[str]) -> int:
    """How many words a post takes before the last two of an English run (Resident Representative Munkhtuya
    Altangerel): the post's words, when its last is a post word and two name-like words follow; else 0."""
    last_post = max((k for k, w in enumerate(words[:-2]) if w.lower() in _EN_POST_WORDS), default=-1)
    if last_post < 0:
        return 0
    rest = words[last_post + 1 :]
    if len(rest) != 2 or not all(_en_bare(w).isalpha() and w.lower() not in _EN_POST_WORDS for w in rest):
        return 0
    return last_post + 1


#: Words for a landform or a road that end a place's name in English (Aksu Valley, Boszhira Mountain, Caspian
#: Sea, Charyn Canyon), with the Kazakh word for a road English keeps in a programme's name (Nurly Zhol): no
#: person's surname (s12).
_EN_PLACE_HEADS = frozenset(
    "valley mountain mountains mount ocean sea trench gorge canyon lake river plateau desert peninsula island "
    "islands cave caves steppe hills hill glacier waterfall bay gulf strait zhol".split()
)


def _en_body_before_name(words: list[str]) -> int:
    """How many words a body's name takes before the last two of an English run (State Council Wang Qishan, after
    "Vice Premier of the"): the body's words, when its last is a body's head word (council, committee, ministry)
    and two name-like words follow, none a head word, a thing's or a place's; else 0 (s12)."""
    last_body = max((k for k, w in enumerate(words[:-2]) if w.lower() in _ORG_WORDS_EN), default=-1)
    if last_body < 0 or len(words) - last_body - 1 != 2:
        return 0
    for w in words[last_body + 1 :]:
        low = _en_bare(w).lower()
        if not _en_bare(w).isalpha() or low in _ORG_WORDS_EN or low in _EN_THING_HEADS or low in _EN_PLACE_HEADS:
            return 0
        if low in _EN_NOT_NAMES or low in _SKIP_EN:
            return 0
    return last_body + 1


def _en_according_to(tokens: list[Token], i: int) -> bool:
    """The word at ``i`` follows "according to": a source, a person or a body, never a place (According to
    Beissenova, according to Karin)."""
    return i > 1 and tokens[i - 1].text.lower() == "to" and tokens[i - 2].text.lower() == "according"


#: Legal forms English news writes in capitals before or after a company's name (LLP Astana Ormany,
#: Kazakhtelecom JSC, ZhilStroi-Taraz LLP).
_EN_LEGAL_FORMS = frozenset(("LLP", "JSC", "LLC", "PLC"))


def _en_capitalised(tokens: list[Token], k: int) -> bool:
    word = tokens[k].text
    return word[:1].isupper() and word.replace("-", "").isalpha() and word not in _EN_LEGAL_FORMS


def _en_name_starts(tokens: list[Token], e: int) -> bool:
    """A person's name opens at ``e`` (LLP Almplast Sabyrkhan Kasymov): a known first name, or a word before a
    surname of the region's shape."""
    if _first_name(tokens[e].text, "en"):
        return True
    after = tokens[e + 1].text if e + 1 < len(tokens) else ""
    return _en_capitalised(tokens, e + 1) and bool(_EN_SURNAME.search(after.lower())) if after else False


def _en_companies_by_legal_form(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """A legal form in capitals is no body of its own: it names the capitalised run after it (LLP Astana
    Ormany) or, as written, with the run before it (ZhilStroi-Taraz LLP), one company either way."""
    forms = [k for k, t in enumerate(tokens) if t.text in _EN_LEGAL_FORMS]
    if not forms:
        return spans
    found: list[tuple[int, int]] = []
    n = len(tokens)
    for k in forms:
        e = k + 1
        while e < n and e - k <= 4 and _en_capitalised(tokens, e) and not (e > k + 1 and _en_name_starts(tokens, e)):
            e += 1
        s = k
        while s > 0 and k - s < 4 and _en_capitalised(tokens, s - 1) and tokens[s - 1].text.lower() not in _SKIP_EN:
            s -= 1
        if s < k and any(sp.start == s and sp.end == k and sp.entry is not None for sp in spans):
            continue  # Kazakhtelecom JSC: a company the gazetteer knows keeps its known name
        if s < k:
            found.append((s, k + 1))
        elif e > k + 1:
            found.append((k + 1, e))
    out = [sp for sp in spans if sp.start not in forms or sp.end - sp.start > 1]
    if found:
        out = [sp for sp in out if not any(s < sp.end and sp.start < e for s, e in found)]
        out.extend(Span(s, e, "ORG", None) for s, e in found)
        out.sort(key=lambda sp: sp.start)
    return out


#: Words for a kind of outlet that news writes after its name (Kazinform News Agency, Khabar TV Channel):
#: alone they name none.
_EN_OUTLET_KIND_WORDS = frozenset(("news", "agency", "tv", "channel", "newspaper", "portal", "international"))


def _without_bare_outlet_kinds(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """An English run that is only an outlet's kind (News Agency, TV Channel) is no body's name."""
    return [
        sp
        for sp in spans
        if sp.entry is not None
        or sp.type != "ORG"
        or not all(t.text.lower() in _EN_OUTLET_KIND_WORDS for t in tokens[sp.start : sp.end])
    ]


def _en_possessive_place_before_body(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """A known place in the possessive that opens an English body's run is the place, and the body is named
    without it (Kazakhstan’s Ministry of Agriculture, Kazakhstan’s National Anti-Corruption Bureau)."""
    out: list[Span] = []
    for sp in spans:
        first = tokens[sp.start].text
        bare = _en_bare(first)
        if sp.type == "ORG" and sp.entry is None and sp.end - sp.start >= 3 and bare != first:
            place = load_gazetteer().lookup(bare, "en")
            if place is not None and place.type in ("GPE", "LOC"):
                out.append(Span(sp.start, sp.start + 1, place.type, place))
                out.append(Span(sp.start + 1, sp.end, "ORG", None))
                continue
        out.append(sp)
    return out


def _en_short_forms_of_bodies(found: dict[str, _Found]) -> None:
    """A "person" whose words open a body's name on the same page is that body, written short (Samruk Kazyna
    for Samruk Kazyna Sovereign Wealth Fund): no one's name is a body's first words."""
    bodies = [rec for rec in found.values() if rec.type == "ORG" and len(rec.name.split()) >= 3]
    if not bodies:
        return
    for eid, rec in list(found.items()):
        if rec.type != "PERSON" or rec.entry is not None or len(rec.name.split()) < 2:
            continue
        body = next((b for b in bodies if b.name.startswith(rec.name + " ")), None)
        if body is not None:
            body.absorb(rec)
            del found[eid]


def _en_only_posts(words: list[str]) -> bool:
    """An English run of nothing but a post's words (Managing Director, Deputy Chairman): no one's name."""
    return all(w.lower() in _EN_POST_WORDS or w.lower() in _SKIP_EN for w in words)


def _en_post_of(tokens: list[Token], i: int) -> bool:
    """The run at ``i`` follows a post and "of" (Director of Asset Optimisation, Minister of Health), maybe after
    another field and "and" (Minister of Health and Social Development): what the post is of, no one's name."""
    k = i - 1
    if k > 0 and tokens[k].text == "and":
        k -= 1
        while k > 0 and tokens[k].text[:1].isupper() and tokens[k].text.isalpha():
            k -= 1
    return k > 0 and tokens[k].text == "of" and tokens[k - 1].text.lower() in _EN_POST_WORDS


def _en_first_name_spelt_otherwise(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """A known person's surname after their first name in another English spelling (Almassadam Satkaliyev for
    Almasadam Satkaliyev, Yerlan Karin for Erlan Karin) is the whole name: the first name joins the mention."""
    out: list[Span] = []
    for sp in spans:
        entry = sp.entry
        if entry is not None and entry.type == "PERSON" and sp.end - sp.start == 1 and sp.start > 0:
            prev = tokens[sp.start - 1].text
            known = entry.name_in("en").split()
            if (
                len(known) >= 2
                and prev[:1].isupper()
                and prev.replace("-", "").isalpha()
                and prev != known[0]
                and skeleton(prev) == skeleton(known[0])
            ):
                if out and out[-1].end > sp.start - 1:
                    if out[-1].start != sp.start - 1 or out[-1].entry is not None:
                        out.append(sp)
                        continue
                    out.pop()  # the first name read as a name of its own
                out.append(Span(sp.start - 1, sp.end, sp.type, entry))
                continue
        out.append(sp)
    return out
