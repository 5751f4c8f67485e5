"""The Soviet republic Kazakhstan was, as Russian pages name it in any case, is one place, not an adjective read as
a person beside an acronym.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities


def test_the_kazakh_ssr_in_the_genitive_is_one_place() -> None:
    found = {e.name: e for e in extract_entities({"body": "Он был министром Казахской ССР в 1960-х годах."}, "ru")}
    assert found["Казахская ССР"].type in ("GPE", "LOC"), found
    assert "ССР" not in found and "Казахская" not in found
