"""Entity extraction scales linearly on hostile input.

No wall time is asserted: the work is counted as the lines of Python the
entity package executes (a loop iteration counts as a line), for the same
input at two sizes.  Linear code does about four times the work for four
times the text; a quadratic path would do sixteen.  Times are printed only.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from worker.entities import extract_entities
from worker.model import Entity

PACKAGE = str(Path(__file__).resolve().parents[2] / "worker" / "entities")

_SYLLABLES = "ба бе да ке ма ну са то жа қа ле ра ғы ші бо ту ри ха зы мо".split()


def _distinct_people(n: int) -> str:
    """n / 3 different full names, each also named by surname alone in the next sentence."""
    parts = []
    for i in range(n // 3):
        sur = (_SYLLABLES[i % 20] + _SYLLABLES[(i // 20) % 20] + _SYLLABLES[(i // 400) % 20]).capitalize() + "ов"
        parts.append(f"Ерболат {sur} Астанада сөйледі. {sur}тың айтуынша, жол салынады.")
    return " ".join(parts)


#: name -> text of n units
CASES: dict[str, Callable[[int], str]] = {
    "one capitalised word": lambda n: "Алматы " * n,
    "Тоқаев Тоқаев": lambda n: "Тоқаев " * n,
    "title and name": lambda n: "Президент Тоқаев Мемлекет басшысы " * n,
    "one line without spaces": lambda n: "Тоқаевтың" * n,
    "dashes and quotes": lambda n: '-«»"—' * n,
    "open quotes": lambda n: "« Тоқаев " * n,
    "mixed scripts and zero-width": lambda n: "Tоқaев\u200b Ал\ufeffматы Нұр-Sұлтaн\u200d zakon.kz " * n,
    "distinct people": _distinct_people,
    "capitalised run-on": lambda n: "Қазақстан Республикасының Президенті Тоқаев Астана " * n,
}


def _count_lines(fn: Callable[[], list[Entity]]) -> tuple[int, list[Entity]]:
    """Lines executed inside the entity package while ``fn`` runs."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def glob(frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename.startswith(PACKAGE):
            return local
        return None

    old = sys.gettrace()
    sys.settrace(glob)
    try:
        result = fn()
    finally:
        sys.settrace(old)
    return count, result


def work(text: str) -> tuple[int, int]:
    """(lines executed, mentions found) for one body of text in Kazakh."""
    extract_entities({"body": "Қазақстан Тоқаев"}, "kk")  # warm caches: count steady-state work
    lines, entities = _count_lines(lambda: extract_entities({"body": text}, "kk"))
    return lines, sum(len(e.mentions) for e in entities)


@pytest.mark.parametrize("case", list(CASES))
def test_work_grows_linearly(case: str) -> None:
    make = CASES[case]
    small, large = make(150), make(600)
    t0 = time.perf_counter()
    lines_small, mentions_small = work(small)
    lines_large, mentions_large = work(large)
    ratio = lines_large / max(lines_small, 1)
    print(  # noqa: T201
        f"{case}: {len(small)} -> {len(large)} chars, lines {lines_small} -> {lines_large} "
        f"(x{ratio:.2f}), mentions {mentions_small} -> {mentions_large}, "
        f"{time.perf_counter() - t0:.2f} s traced"
    )
    # four times the text: about four times the work (quadratic would be about sixteen)
    assert ratio < 5.0, (case, lines_small, lines_large)
    # and the result grows with it: no mention is lost in the long text
    assert mentions_large >= 3 * mentions_small, (case, mentions_small, mentions_large)


def test_long_run_on_sentence_keeps_every_mention() -> None:
    """A 5000-word line without a full stop is tagged piece by piece; each name is still found."""
    text = "Тоқаев Алматыда болды " * 1700
    entities = extract_entities({"body": text}, "kk")
    tokayev = next(e for e in entities if e.type == "PERSON" and e.name.endswith("Тоқаев"))
    almaty = next(e for e in entities if e.type in ("GPE", "LOC") and e.name.startswith("Алматы"))
    assert len(tokayev.mentions) == 1700
    assert len(almaty.mentions) == 1700
    for m in tokayev.mentions:
        assert text[m.start : m.end] == m.text == "Тоқаев"
