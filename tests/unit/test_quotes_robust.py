"""No exception and linear behaviour on any input."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from worker.model import Entity, Mention
from worker.quotes import extract_quotes
from worker.quotes.scan import examinations

_ALPHABET = "«»„“”\"'‘’-–—‒―:,.!?… \n\tабвгқәіңөұүһоОлдепдедіsaidзаявил"
_WORDS = (
    "деді",
    "деп",
    "атап",
    "өтті",
    "мәлімдеді",
    "ол",
    "Президент",
    "Тоқаев",
    "заявил",
    "он",
    "said",
    "he",
    "told",
    "Miller",
    "«",
    "»",
    "„",
    "“",
    "”",
    '"',
    "–",
    "—",
    "-",
    ",",
    ".",
    ":",
    "\n",
    "Q",
)

_text = st.one_of(
    st.text(alphabet=_ALPHABET, max_size=400),
    st.lists(st.sampled_from(_WORDS), max_size=120).map(" ".join),
    st.text(max_size=300),
)


def _check(fields: dict[str, str], entities: list[Entity]) -> None:
    for lang in ("kk", "ru", "en", "xx"):
        for q in extract_quotes(fields, lang, entities):
            text = fields[q.field]
            assert 0 <= q.start < q.end <= len(text)
            assert q.text
            assert 0.0 <= q.confidence <= 1.0


@settings(max_examples=300, deadline=None)
@given(title=_text, body=_text)
def test_arbitrary_text_never_raises(title: str, body: str) -> None:
    _check({"title": title, "body": body}, [])


@settings(max_examples=150, deadline=None)
@given(body=_text, data=st.data())
def test_arbitrary_entities_never_raise(body: str, data: st.DataObject) -> None:
    n = len(body)
    mentions = []
    for _ in range(data.draw(st.integers(0, 4))):
        s = data.draw(st.integers(-2, n + 2))
        e = data.draw(st.integers(-2, n + 3))
        mentions.append(Mention(body[max(0, s) : max(0, e)], data.draw(st.sampled_from(["body", "title", "x"])), s, e))
    roles = tuple(data.draw(st.lists(st.sampled_from(["президент", "", "мемлекет басшысы", "министр"]), max_size=3)))
    name = data.draw(st.sampled_from(["Қасым-Жомарт Тоқаев", "", "X", "John Miller"]))
    _check({"body": body}, [Entity("Q1", name, "PERSON", mentions, roles=roles)])


def test_missing_and_odd_fields() -> None:
    assert extract_quotes({}, "kk", []) == []
    assert extract_quotes({"title": "", "body": ""}, "ru", []) == []
    assert extract_quotes({"summary": "«Q», – деді ол."}, "kk", []) == []


def test_100kb_of_marks_and_dashes_returns() -> None:
    """Marks and dashes only: a quadratic scan would take minutes here, a linear one milliseconds."""
    rng = random.Random(3)
    pieces = '«»„“”"-–—,.:! \n'
    for body in (
        "".join(rng.choice(pieces) for _ in range(100_000)),
        "«" * 50_000 + "»" * 50_000,
        '"' * 100_000,
        "– " * 50_000,
        ", – " * 25_000,
        "– а, – деді " * 8_000,
        "«а», – деп атап өтті " * 5_000,
        "– Q\n" * 25_000,
    ):
        quotes = extract_quotes({"title": body[:3000], "body": body}, "kk", [])
        assert isinstance(quotes, list)


_NARRATION = (
    "Жиында елдің экономикалық дамуы, өңірлердегі инфрақұрылым жобалары мен әлеуметтік бағдарламалар талқыланды. "
    "Үкімет мүшелері алдағы жылға арналған жоспарларды баяндап, жұмыстың нәтижелері туралы есеп берді. "
    "Отырысқа облыс әкімдері, министрлер және сарапшылар қатысты.\n"
    "Сонымен қатар шағын және орта бизнесті қолдау шаралары, жаңа жұмыс орындарын ашу мәселелері қаралды. "
    "Мамандардың айтуынша, биыл өңірлерде ондаған ірі жоба іске қосылады.\n"
)


def test_long_realistic_text_returns() -> None:
    """300 KB of news with two quotes a paragraph block: every quote is found."""
    block = (
        "Қасым-Жомарт Тоқаев сөз сөйледі.\n– Біз дамимыз, – деді Президент.\n"
        + _NARRATION
        + "«Жоба аяқталды», – деп атап өтті ол.\n"
        + _NARRATION
    )
    body = block * 300
    assert len(body.encode()) > 300_000
    ent = Entity("Q1", "Қасым-Жомарт Тоқаев", "PERSON", [], roles=("президент",))
    quotes = extract_quotes({"body": body}, "kk", [ent])
    assert len(quotes) == 600
    assert [q.text for q in quotes] == ["Біз дамимыз", "Жоба аяқталды"] * 300


def test_quote_dense_text_is_examined_up_to_its_bound() -> None:
    """A quote every 95 bytes for 280 KB: quotes are returned in text order up to the bound, then none.

    The scanners examine at most ``examinations(text)`` candidate sites per pass, so that hostile
    text as dense as this costs a bounded time per byte; what they return is what they would have
    found in the part of the text they examined.
    """
    block = "Қасым-Жомарт Тоқаев сөз сөйледі.\n– Біз дамимыз, – деді Президент.\n«Жоба аяқталды», – деп атап өтті ол.\n"
    body = block * 1500
    ent = Entity("Q1", "Қасым-Жомарт Тоқаев", "PERSON", [], roles=("президент",))
    quotes = extract_quotes({"body": body}, "kk", [ent])
    bound = examinations(body)
    assert bound < 3000
    assert bound // 2 <= len(quotes) <= bound
    first, second = block.index("Біз"), block.index("Жоба")
    expected = [(i * len(block) + off, text) for i in range(1500) for off, text in ((first, "Біз дамимыз"),
                                                                                     (second, "Жоба аяқталды"))]
    assert [(q.start, q.text) for q in quotes] == expected[: len(quotes)]
    assert all(q.speaker is not None and q.speaker.entity_id == "Q1" for q in quotes)
