"""The quote case suite (tests/data/quotes/cases.jsonl).

Tuned cases must all pass. Held-out cases were written before the extractor
and never tuned on: their scores are printed and held to floors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from worker.quotes import extract_quotes
from worker.quotes.suite import Score, build_entities, case_fields, load_cases, score_case

CASES = load_cases(Path(__file__).resolve().parents[1] / "data" / "quotes" / "cases.jsonl")
TUNED = [c for c in CASES if c["split"] == "tune"]
HOLDOUT = [c for c in CASES if c["split"] == "holdout"]


def _run(case: dict[str, Any]) -> Score:
    quotes = extract_quotes(case_fields(case), case["language"], build_entities(case))
    for q in quotes:
        text = case_fields(case)[q.field]
        assert 0 <= q.start < q.end <= len(text)
        assert " ".join(text[q.start : q.end].split()) == q.text
        assert 0.0 <= q.confidence <= 1.0
    return score_case(case, quotes)


def test_suite_shape() -> None:
    assert len(CASES) >= 70
    assert len({c["id"] for c in CASES}) == len(CASES)
    # the held-out cases were written before the extractor and none can be added once it is known, so they are
    # kept, every one, while tuned cases for real-news failure classes (issue 21) join and their share falls
    assert len(HOLDOUT) >= 72
    assert len(HOLDOUT) / len(CASES) <= 0.35
    assert {c["language"] for c in CASES} >= {"kk", "ru", "en"}
    assert sum(1 for c in CASES if not c["expected"]) >= 8


@pytest.mark.parametrize("case", TUNED, ids=[c["id"] for c in TUNED])
def test_tuned_case(case: dict[str, Any]) -> None:
    sc = _run(case)
    assert not sc.failures, sc.failures


def test_holdout_floors(capsys: pytest.CaptureFixture[str]) -> None:
    total = Score()
    for case in HOLDOUT:
        total.add(_run(case))
    with capsys.disabled():
        print(  # noqa: T201
            f"\nheld-out: P={total.precision:.3f} R={total.recall:.3f} "
            f"speaker={total.speaker_accuracy:.3f} ({total.matched}/{total.gold} gold, {total.predicted} predicted)"
        )
        for failure in total.failures:
            print("  ", failure)  # noqa: T201
    assert total.precision >= 0.8
    assert total.recall >= 0.75
    assert total.speaker_accuracy >= 0.8
