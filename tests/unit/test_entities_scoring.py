"""Exact-span scoring of the tagger, and the interval of the held-out figure."""

from __future__ import annotations

from worker.entities.kaznerd import spans_from_tags
from worker.entities.tokens import Token
from worker.entities.train import block_interval, score, span_counts

SENTS = [
    [("Тоқаев", "B-PERSON"), ("Астанада", "B-GPE"), ("сөйледі", "O")],
    [("Ұлттық", "B-ORGANISATION"), ("банк", "I-ORGANISATION"), ("хабарлады", "O")],
    [("Алматы", "B-GPE"), ("қаласында", "O"), ("жаңбыр", "O")],
    [("Серік", "B-PERSON"), ("Ахметов", "I-PERSON"), ("келді", "O")],
]


def _gold_tagger(tokens: list[Token]) -> set[tuple[int, int, str]]:
    for sent in SENTS:
        if [w for w, _ in sent] == [t.text for t in tokens]:
            return spans_from_tags([t for _, t in sent])
    raise AssertionError(tokens)


def _first_word_person(tokens: list[Token]) -> set[tuple[int, int, str]]:
    return {(0, 1, "PERSON")}


def test_exact_spans_are_counted_per_type() -> None:
    tp, fp, fn = span_counts(SENTS, _first_word_person)
    assert tp["PERSON"] == 1  # Тоқаев; Серік alone is not Серік Ахметов
    assert fp["PERSON"] == 3 and fn["PERSON"] == 1 and fn["LOC"] == 2 and fn["ORG"] == 1
    res = score(SENTS, _gold_tagger)
    assert all(f1 == 1.0 for _p, _r, f1, _n in res.values())
    assert res["ALL"][3] == 5


def test_the_interval_brackets_the_figure_and_narrows_with_no_errors() -> None:
    assert block_interval(SENTS, [0, 0, 1, 1], _gold_tagger) == (1.0, 1.0)
    low, high = block_interval(SENTS, [0, 1, 2, 3], _first_word_person, rounds=400)
    overall = score(SENTS, _first_word_person)["ALL"][2]
    assert low < overall < high
    assert block_interval(SENTS, [0, 1, 2, 3], _first_word_person, rounds=400) == (low, high)  # reproducible
