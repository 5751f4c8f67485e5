"""A body's acronym after the place, the level or the people's word of the place it serves is one body, named as
the item writes it; its press service speaks for it (sentences written for the tests)."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities


def _orgs(text: str) -> set[str]:
    return {e.name for e in extract_entities({"body": text}, "kk") if e.type == "ORG"}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Түнде Павлодар қаласы ТЖД қызметкерлері үйден екі баланы құтқарды.", "Павлодар қаласы ТЖД"),
        ("Ақтөбелік ТЖД мамандары жол бойындағы көліктерге көмектесті.", "Ақтөбелік ТЖД"),
        ("Қар көшкіні туралы облыстық ТЖД ескерту таратты.", "облыстық ТЖД"),
        ("Күдіктіні Тараз қаласы ПД жедел тобы ұстады.", "Тараз қаласы ПД"),
        # the press service of an acronym speaks for its body
        ("Бұл ақпаратты ҚР ЭМ баспасөз қызметі растады.", "ҚР ЭМ"),
        ("Оқиға жайлы Түркістан облысы ПД баспасөз қызметі мәлімдеді.", "Түркістан облысы ПД"),
    ],
)
def test_a_place_or_a_level_and_a_bodys_acronym_are_one_body(text: str, body: str) -> None:
    orgs = _orgs(text)
    assert orgs == {body}, orgs
