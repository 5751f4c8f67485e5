"""Near-duplicate story detection: MinHash signatures, LSH bands, story ids, eval floor."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import record_measurement
from worker.state import stories
from worker.state.stories import (
    Candidate,
    band_keys,
    fingerprint,
    hamming,
    new_story_id,
    normalize,
    signature,
    similarity,
    story_id_for,
)

ROOT = Path(__file__).resolve().parents[2]

A = (
    "Ұлттық банк базалық мөлшерлемені өзгеріссіз қалдырды\n"
    "Ұлттық банк базалық мөлшерлемені 14,25 пайыз деңгейінде сақтады. Реттеуші инфляцияның "
    "баяулағанын, бірақ тәуекелдер әлі де жоғары екенін атап өтті. Келесі шешім қаңтарда жарияланады."
)
A_COPY = (
    "ЖАҢАЛЫҚ: Ұлттық банк базалық мөлшерлемені өзгеріссіз қалдырды\n"
    "Ұлттық банк базалық мөлшерлемені 14,25 пайыз деңгейінде сақтады. Реттеуші инфляцияның "
    "баяулағанын, бірақ тәуекелдер әлі де жоғары екенін атап өтті. Бұл туралы Kazinform тілшісі хабарлайды."
)
OTHER = (
    "Ұлттық банк жаңа естелік монета шығарды\n"
    "Ұлттық банк Абай Құнанбайұлының мерейтойына арналған күміс монетаны айналымға шығарды. "
    "Монетаның таралымы үш мың дана."
)


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_stories", ROOT / "scripts" / "eval_stories.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_stories"] = module
    spec.loader.exec_module(module)
    return module


def test_normalize_is_suffix_light() -> None:
    assert normalize("Сайлауға СайлаУда, ВЫБОРЫ — ёлка!") == ["сайлау", "сайлау", "выборы", "елка"]


def test_copy_is_similar_and_other_story_is_not() -> None:
    a, b, c = signature(A), signature(A_COPY), signature(OTHER)
    assert len(a) == stories.NUM_HASHES
    assert similarity(a, a) == 1.0
    assert similarity(a, b) >= stories.THRESHOLD
    assert similarity(a, c) < stories.THRESHOLD
    assert set(band_keys(a)) & set(band_keys(b))


def test_signature_is_deterministic_and_empty_for_no_words() -> None:
    assert signature(A) == signature(A)
    assert signature("") == ()
    assert signature(" ,.; ") == ()
    assert similarity((), signature(A)) == 0.0
    assert len(signature("жалғыз")) == stories.NUM_HASHES


def test_band_keys_shape() -> None:
    keys = band_keys(signature(A))
    assert len(keys) == stories.NUM_HASHES // stories.ROWS
    assert len(set(keys)) == len(keys)
    assert band_keys(()) == []
    assert band_keys(signature(A), bands=16) == keys[:16]


def test_story_id_for_earliest_similar_candidate() -> None:
    a, b, c = signature(A), signature(A_COPY), signature(OTHER)
    first = Candidate("item-1", a, new_story_id("item-1"), timestamp=100.0)
    later = Candidate("item-2", a, "story:later", timestamp=200.0)
    unrelated = Candidate("item-3", c, new_story_id("item-3"), timestamp=50.0)
    assert story_id_for("item-9", b, [later, unrelated, first]) == new_story_id("item-1")
    assert story_id_for("item-9", b, [first, later, unrelated]) == new_story_id("item-1")
    assert story_id_for("item-9", c, [first, later]) == new_story_id("item-9")
    assert story_id_for("item-9", (), [first]) == new_story_id("item-9")
    assert story_id_for("item-1", a, [first]) == new_story_id("item-1")


def test_new_story_id_is_stable() -> None:
    assert new_story_id("x") == new_story_id("x") != new_story_id("y")
    assert new_story_id("x").startswith("story:")


def test_simhash_helpers() -> None:
    assert fingerprint("") == 0
    assert 0 <= fingerprint(A) < 1 << 64
    assert hamming(fingerprint(A), fingerprint(A)) == 0
    assert hamming(0, (1 << 64) - 1) == 64
    assert hamming(fingerprint(A), fingerprint(A_COPY)) < hamming(fingerprint(A), fingerprint(OTHER))


def test_holdout_precision_recall_floor() -> None:
    ev = _eval_module()
    pairs = ev.load()
    assert len(pairs) >= 120
    for lang in ("kk", "ru", "en"):
        assert sum(p["language"] == lang for p in pairs) >= 40
    holdout = [p for p in pairs if p["split"] == "holdout"]
    m = ev.prf(holdout, ev.minhash_predictor(stories.THRESHOLD))
    record_measurement(
        f"stories holdout: n={m['n']} precision={m['precision']:.3f} recall={m['recall']:.3f} "
        f"(MinHash+LSH, threshold {stories.THRESHOLD})"
    )
    assert m["precision"] >= 0.95
    assert m["recall"] >= 0.93


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=1500), st.text(max_size=1500))
def test_arbitrary_text_is_safe(x: str, y: str) -> None:
    a, b = signature(x), signature(y)
    assert 0.0 <= similarity(a, b) <= 1.0
    assert similarity(a, b) == similarity(b, a)
    assert 0 <= hamming(fingerprint(x), fingerprint(y)) <= 64
    if a:
        assert similarity(a, a) == 1.0
        assert len(band_keys(a)) == stories.NUM_HASHES // stories.ROWS


def test_signature_reads_a_bounded_prefix() -> None:
    """A hostile 1 MB body costs what its first SIGNATURE_CHARS characters do: the tail is not read."""
    head = (A + "\n") * (stories.SIGNATURE_CHARS // len(A) + 1)
    assert len(head) > stories.SIGNATURE_CHARS
    assert signature(head + OTHER * 5000) == signature(head[: stories.SIGNATURE_CHARS])
    assert signature(head) == signature(head[: stories.SIGNATURE_CHARS])
    assert similarity(signature(head), signature(A)) >= 0.9
