"""The benchmark's rate between the first and the last output record."""

from __future__ import annotations

import pytest

from worker.bench.kafka import Output


def test_records_within_one_millisecond_give_a_lower_bound_not_zero() -> None:
    assert Output(count=40, first_ms=1_000, last_ms=1_000, complete=True).rate() == pytest.approx(39_000.0)


def test_rate_counts_intervals_between_records() -> None:
    assert Output(count=11, first_ms=1_000, last_ms=2_000, complete=True).rate() == pytest.approx(10.0)


@pytest.mark.parametrize("count", [0, 1])
def test_fewer_than_two_records_have_no_rate(count: int) -> None:
    assert Output(count=count, first_ms=5, last_ms=5, complete=False).rate() == 0.0
