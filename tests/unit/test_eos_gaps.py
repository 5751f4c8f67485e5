"""The committed-offset hole that a read_committed consumer steps over after a seek."""

from __future__ import annotations

import pytest

from worker.eos import head_gap_fill


def test_a_hole_wholly_skipped_after_the_seek_is_filled() -> None:
    # Committed at 1, the next committed record at 435: 1..434 are markers and aborted records.
    assert head_gap_fill(1, 435, [(1, 434)]) == (2, 434)


def test_ranges_that_touch_or_overlap_cover_the_hole_together() -> None:
    assert head_gap_fill(1, 435, [(100, 434), (1, 99)]) == (2, 434)
    assert head_gap_fill(1, 435, [(1, 300), (250, 500)]) == (2, 434)


@pytest.mark.parametrize(
    "skipped",
    [
        [(1, 200)],  # 201..434 were not seen skipped: records may still be on their way
        [(1, 200), (202, 434)],  # one offset in the middle unaccounted for
        [(3, 434)],  # 2 was not seen skipped
        [],
    ],
)
def test_a_hole_not_wholly_skipped_is_left_alone(skipped: list[tuple[int, int]]) -> None:
    assert head_gap_fill(1, 435, skipped) is None


def test_no_hole_needs_no_fill() -> None:
    # Faust itself commits when the first acked offset is the committed one or the next.
    assert head_gap_fill(10, 11, [(10, 10)]) is None
    assert head_gap_fill(10, 10, []) is None


def test_a_one_offset_hole() -> None:
    assert head_gap_fill(10, 12, [(10, 11)]) == (11, 11)
    assert head_gap_fill(10, 12, [(12, 20)]) is None
