"""Property tests: any text, any language, no exception, offsets in range."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from worker.entities import extract_entities

_ALPHABET = st.sampled_from(
    list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАБВҚҰӘІӨҮ")
    + list("abcdefghijklmnopqrstuvwxyzABCDEFQ")
    + list(" \n\t.,!?«»\"'-–—()0123456789:;")
    + ["Қазақстан", "Астана", " Тоқаев", "Президент", "облысы", "қаласында", "Mr.", "\u0301", "\ufeff"]
)
_TEXT = st.lists(_ALPHABET, max_size=120).map("".join) | st.text(max_size=200)


@settings(max_examples=150, deadline=None)
@given(title=_TEXT, body=_TEXT, language=st.sampled_from(["kk", "ru", "en", "de", "", "und"]))
def test_never_fails_and_offsets_hold(title: str, body: str, language: str) -> None:
    fields = {"title": title, "body": body}
    entities = extract_entities(fields, language)
    ids = set()
    for e in entities:
        assert e.entity_id and e.name and e.type
        assert e.entity_id not in ids
        ids.add(e.entity_id)
        assert e.mentions
        for m in e.mentions:
            text = fields[m.field]
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text


def test_missing_and_empty_fields() -> None:
    assert extract_entities({}, "kk") == []
    assert extract_entities({"title": ""}, "ru") == []
    assert extract_entities({"body": "   \n "}, "en") == []
