"""An English post written with a capital before a surname (Premier, Ambassador, Governor) says the run
is a person's name and is no part of it (sentences written for the tests)."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities


def _people(text: str) -> set[str]:
    return {e.name for e in extract_entities({"body": text}, "en") if e.type == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("At the summit Kazakh Premier Akhmetov spoke about the harvest.", "Akhmetov"),
        ("Ambassador Kairat Sarybay met the delegation in Seoul.", "Kairat Sarybay"),
        ("The bridge was opened by Governor Marzhikpayev on Friday.", "Marzhikpayev"),
        ("State Counselor Karin spoke at the forum on reforms.", "Karin"),
        ("Journalist Koishybek Mubarak was detained on Monday.", "Koishybek Mubarak"),
    ],
)
def test_a_post_before_a_name_is_dropped_and_the_name_kept(text: str, name: str) -> None:
    people = _people(text)
    assert name in people, people
    posts = ("Premier", "Ambassador", "Governor", "Counselor", "Journalist")
    assert not any(p.split()[0] in posts for p in people), people
