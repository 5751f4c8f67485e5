"""Interviews a scraper glued into one paragraph (branch int11): cases t650-t689 of the quote suite, and
the work the glued dashes cost on hostile input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.unit.test_hostile_input import _steps
from worker.quotes import extract_quotes
from worker.quotes.suite import build_entities, case_fields, load_cases, score_case

CASES = [
    c
    for c in load_cases(Path(__file__).resolve().parents[1] / "data" / "quotes" / "cases.jsonl")
    if c["id"].startswith("t") and 650 <= int(c["id"][1:]) <= 689
]


def test_the_branch_cases_are_there() -> None:
    assert len(CASES) >= 10
    assert sum(1 for c in CASES if not c["expected"]) >= 2  # the shapes that must stay without a quote


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_interview_case(case: dict[str, Any]) -> None:
    quotes = extract_quotes(case_fields(case), case["language"], build_entities(case))
    score = score_case(case, quotes)
    assert not score.failures, score.failures


def test_glued_answer_is_cut_from_its_question() -> None:
    body = (
        "Біз агроном Нұржан Серікбаевпен кездестік.\n"
        "– Нұржан Серікбайұлы, егін қашан басталады? – Егін мамырда басталады. Тұқым дайын."
    )
    quotes = extract_quotes({"body": body}, "kk", [])
    assert [q.text for q in quotes] == ["Егін мамырда басталады. Тұқым дайын."]


def test_a_glued_dash_after_narration_without_a_question_is_no_quote() -> None:
    body = "Ауылда жаңа клуб ашылды. – Бұл ауыл үшін үлкен жаңалық. Клубқа жастар келеді.\nКеш әнмен жалғасты."
    assert extract_quotes({"body": body}, "kk", []) == []


@pytest.mark.parametrize(
    "unit",
    [
        "Сіз қалай ойлайсыз? – Біз жақсы жұмыс істейміз. ",
        "Әңгіме өрбіді. – Асқар Серікұлы, не дейсіз? – Иә. ",
        "Әңгіме өрбіді.– Жоқ. ",
    ],
)
def test_glued_dashes_cost_linear_work(unit: str) -> None:
    small = _steps(extract_quotes, {"body": (unit * (5_000 // len(unit) + 1))[:5_000]}, "kk", [])
    large = _steps(extract_quotes, {"body": (unit * (50_000 // len(unit) + 1))[:50_000]}, "kk", [])
    assert large <= 12 * small + 2_000
    assert large <= 4_000 * 50
