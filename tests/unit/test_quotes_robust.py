"""No exception and linear behaviour on any input."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from worker.model import Entity, Mention
from worker.quotes import extract_quotes

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


def test_long_realistic_text_returns() -> None:
    block = "Қасым-Жомарт Тоқаев сөз сөйледі.\n– Біз дамимыз, – деді Президент.\n«Жоба аяқталды», – деп атап өтті ол.\n"
    body = block * 1500
    ent = Entity("Q1", "Қасым-Жомарт Тоқаев", "PERSON", [], roles=("президент",))
    quotes = extract_quotes({"body": body}, "kk", [ent])
    assert len(quotes) == 3000
