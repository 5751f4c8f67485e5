"""Trend (spike) scoring of an entity's mention count against its own baseline.

Pure functions: the caller (a Faust table per entity) stores, per entity, the
baseline ``(mean, var)`` of its past window counts and the count of the window
in progress.  When a window closes the caller calls ``update_baseline`` with the
closed window's count (and ``skip_windows`` for windows the entity was not seen
in); at any time ``spike_score`` / ``is_spike`` compare the current count with
the baseline.

Model: counts per window are roughly Poisson around a slowly moving mean.  The
baseline is an exponentially weighted moving average (EWMA) of past counts with
an EW variance.  The spike score is a z-score whose variance is floored at the
Poisson variance (the mean) and at ``MIN_VARIANCE``, and whose mean is floored
at ``MIN_MEAN`` so that a new entity (baseline 0) needs several mentions to
score high rather than one.

Defaults (per window, e.g. one hour):

* ``ALPHA = 0.1``: each new window weighs 10%, a memory of about 10 windows;
* ``MIN_MEAN = 1.0``: expected count floor (cold start and rare entities);
* ``MIN_VARIANCE = 1.0``: variance floor;
* ``Z_THRESHOLD = 3.0``: score at or above which a count may be a spike;
* ``MIN_COUNT = 5``: fewer mentions in the window are never a spike;
* ``MIN_RATIO = 2.0``: the count must also be at least twice the expected count.
"""

from __future__ import annotations

import math

__all__ = [
    "ALPHA",
    "MIN_COUNT",
    "MIN_MEAN",
    "MIN_RATIO",
    "MIN_VARIANCE",
    "Z_THRESHOLD",
    "is_spike",
    "skip_windows",
    "spike_score",
    "update_baseline",
]

ALPHA = 0.1
MIN_MEAN = 1.0
MIN_VARIANCE = 1.0
Z_THRESHOLD = 3.0
MIN_COUNT = 5
MIN_RATIO = 2.0


_MAX_VALUE = 1e12
"""Inputs are clamped to this: far beyond any real count, and keeps d * d finite."""


def _finite(x: float, default: float = 0.0) -> float:
    return min(x, _MAX_VALUE) if math.isfinite(x) else default


def update_baseline(mean: float, var: float, count: float, alpha: float = ALPHA) -> tuple[float, float]:
    """The baseline ``(mean, var)`` after one more closed window with ``count`` mentions.

    EWMA of the mean and the exponentially weighted variance (West's update):
    ``d = count - mean; mean += alpha * d; var = (1 - alpha) * (var + alpha * d * d)``.
    Negative or non-finite inputs are clamped to 0, huge ones to 1e12.
    """
    if not 0.0 < alpha <= 1.0:
        raise ValueError("alpha must be in (0, 1]")
    mean = max(0.0, _finite(mean))
    var = max(0.0, _finite(var))
    count = max(0.0, _finite(float(count)))
    diff = count - mean
    new_mean = mean + alpha * diff
    new_var = (1.0 - alpha) * (var + alpha * diff * diff)
    return new_mean, new_var


def skip_windows(mean: float, var: float, windows: int, alpha: float = ALPHA) -> tuple[float, float]:
    """The baseline after ``windows`` closed windows with no mentions (closed form, any ``windows``).

    With ``k = 1 - alpha`` each empty window maps ``(m, v)`` to ``(k m, k v + alpha k m^2)``;
    after ``n`` windows ``m_n = k^n m`` and ``v_n = k^n v + alpha m^2 k^n (1 - k^n) / (1 - k)``.
    """
    if windows <= 0:
        return mean, var
    if not 0.0 < alpha <= 1.0:
        raise ValueError("alpha must be in (0, 1]")
    mean = max(0.0, _finite(mean))
    var = max(0.0, _finite(var))
    k = 1.0 - alpha
    if k == 0.0:
        return 0.0, 0.0
    kn = k**windows
    new_var = kn * var + alpha * mean * mean * kn * (1.0 - kn) / (1.0 - k)
    return kn * mean, new_var


def spike_score(current: int, baseline_mean: float, baseline_var: float) -> float:
    """How unusual ``current`` is against the baseline: a floored z-score (0 when not above).

    ``expected = max(mean, MIN_MEAN)``, ``variance = max(var, expected, MIN_VARIANCE)``,
    score ``= max(0, (current - expected) / sqrt(variance))``.
    """
    expected = max(_finite(baseline_mean), MIN_MEAN)
    variance = max(_finite(baseline_var), expected, MIN_VARIANCE)
    excess = float(max(current, 0)) - expected
    if excess <= 0.0:
        return 0.0
    return excess / math.sqrt(variance)


def is_spike(
    current: int,
    baseline_mean: float,
    baseline_var: float,
    *,
    threshold: float = Z_THRESHOLD,
    min_count: int = MIN_COUNT,
    min_ratio: float = MIN_RATIO,
) -> bool:
    """Whether ``current`` is a spike: enough mentions, far enough above the baseline, and a multiple of it."""
    if current < min_count:
        return False
    expected = max(_finite(baseline_mean), MIN_MEAN)
    if current < min_ratio * expected:
        return False
    return spike_score(current, baseline_mean, baseline_var) >= threshold
