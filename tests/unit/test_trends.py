"""Trend spike scoring against an entity's own EWMA baseline."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worker.state.trends import (
    ALPHA,
    MIN_COUNT,
    is_spike,
    skip_windows,
    spike_score,
    update_baseline,
)


def _baseline(counts: list[int]) -> tuple[float, float]:
    mean, var = 0.0, 0.0
    for c in counts:
        mean, var = update_baseline(mean, var, c)
    return mean, var


def test_update_baseline_converges_to_steady_count() -> None:
    mean, var = _baseline([4] * 200)
    assert mean == pytest.approx(4.0, abs=1e-6)
    assert var == pytest.approx(0.0, abs=1e-6)


def test_update_baseline_single_step() -> None:
    mean, var = update_baseline(2.0, 1.0, 12, alpha=0.1)
    assert mean == pytest.approx(3.0)
    assert var == pytest.approx(0.9 * (1.0 + 0.1 * 100.0))


def test_update_baseline_rejects_bad_alpha() -> None:
    with pytest.raises(ValueError):
        update_baseline(0.0, 0.0, 1, alpha=0.0)
    with pytest.raises(ValueError):
        skip_windows(1.0, 1.0, 3, alpha=1.5)


def test_skip_windows_matches_repeated_zero_updates() -> None:
    mean, var = _baseline([3, 5, 2, 8, 4])
    m, v = mean, var
    for _ in range(7):
        m, v = update_baseline(m, v, 0)
    assert skip_windows(mean, var, 7) == pytest.approx((m, v))
    assert skip_windows(mean, var, 0) == (mean, var)


def test_spike_on_a_burst_not_on_noise() -> None:
    mean, var = _baseline([3, 4, 2, 5, 3, 4, 3] * 3)
    assert spike_score(3, mean, var) == 0.0
    assert not is_spike(6, mean, var)
    assert is_spike(15, mean, var)
    assert spike_score(15, mean, var) > spike_score(10, mean, var) > 0.0


def test_new_entity_needs_min_count() -> None:
    assert not is_spike(MIN_COUNT - 1, 0.0, 0.0)
    assert is_spike(MIN_COUNT, 0.0, 0.0)
    assert spike_score(1, 0.0, 0.0) == 0.0  # one mention is the floor, no spike


def test_busy_entity_needs_a_multiple() -> None:
    mean, var = _baseline([100] * 100)
    # 130 is a big z-score against a Poisson variance of 100 but not twice the mean.
    assert spike_score(130, mean, var) >= 3.0
    assert not is_spike(130, mean, var)
    assert is_spike(250, mean, var)


def test_defaults_are_documented_values() -> None:
    assert ALPHA == 0.1 and MIN_COUNT == 5


@given(
    st.integers(min_value=-5, max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(allow_nan=True, allow_infinity=True),
)
def test_scores_are_finite_and_non_negative(current: int, mean: float, var: float) -> None:
    score = spike_score(current, mean, var)
    assert math.isfinite(score) and score >= 0.0
    is_spike(current, mean, var)
    m, v = update_baseline(mean, var, max(current, 0))
    assert math.isfinite(m) and math.isfinite(v) and m >= 0.0 and v >= 0.0
