"""Windowed counts and trend state for one key, as plain dicts that fit in a Faust table.

Counts are kept in hourly buckets by event time. The 1 h tumbling window is one
bucket; the 24 h window hopping by 1 h is the sum of the 24 buckets that end
with it, which is exactly what a hopping window of that size and step counts.
Every update carries the source offset it applied, so an event delivered again
after an aborted transaction is recognised and not counted twice.

Pure functions: no faust import, tested as plain code.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from worker.state.trends import is_spike, skip_windows, spike_score, update_baseline

__all__ = [
    "HOUR_S",
    "KEEP_HOURS",
    "WINDOWS",
    "hour_of",
    "event_time",
    "event_time_of",
    "apply_count",
    "window_count",
    "window_bounds",
]

HOUR_S = 3600
#: Buckets older than this many hours before the newest one are dropped.
KEEP_HOURS = 48
#: Query windows, in hours.
WINDOWS: Mapping[str, int] = {"1h": 1, "24h": 24}


def hour_of(timestamp: float) -> int:
    """Start of the hour (epoch seconds) that contains timestamp."""
    return int(timestamp // HOUR_S) * HOUR_S


def event_time(published_at: str | None, fallback: float) -> float:
    """The item's event time: published_at when it parses as RFC 3339, else the fallback (Kafka) timestamp."""
    if published_at:
        try:
            parsed = datetime.fromisoformat(published_at)
        except ValueError:
            return fallback
        if parsed.tzinfo is not None:
            return parsed.timestamp()
    return fallback


def event_time_of(event: Mapping[str, Any], fallback: float) -> float:
    """The event time a published event carries (``event_time``), else fallback (its Kafka timestamp).

    The fallback covers events written before ``event_time`` was added, which carried the item's
    event time as their Kafka timestamp.
    """
    value = event.get("event_time")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return fallback


def window_bounds(window_hours: int, at: float) -> tuple[int, int]:
    """[start, end) of the window of window_hours hours whose last bucket contains at."""
    end = hour_of(at) + HOUR_S
    return end - window_hours * HOUR_S, end


def window_count(state: Mapping[str, Any], window_hours: int, at: float) -> int:
    """How many were counted in the window of window_hours hours ending with the hour of at."""
    start, end = window_bounds(window_hours, at)
    hours: Mapping[str, int] = state.get("hours", {})
    return sum(count for hour, count in hours.items() if start <= int(hour) < end)


def apply_count(
    state: Mapping[str, Any], *, timestamp: float, count: int, offset: int | None = None,
    fields: Mapping[str, Any] | None = None,
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The key's new state after counting ``count`` at event time ``timestamp``, and a trend event if it spiked.

    Returns the state unchanged (a copy) and no trend when ``offset`` was applied already; without an
    offset (the exactly-once runtime applies each delta once) the count always applies.
    The trend baseline moves hour by hour: when the first event of a newer hour
    arrives, the hours in between close into the baseline (an exponentially
    weighted mean and variance). Late events count in their own hour but do not
    move the baseline or raise trends.
    """
    new = dict(state)
    if offset is not None:
        if offset <= int(state.get("offset", -1)):
            return new, None
        new["offset"] = offset
    if fields:
        new.update(fields)
    hour = hour_of(timestamp)
    hours = dict(state.get("hours", {}))
    hours[str(hour)] = hours.get(str(hour), 0) + count
    new["total"] = int(state.get("total", 0)) + count

    current = state.get("current_hour")
    mean = float(state.get("mean", 0.0))
    var = float(state.get("var", 0.0))
    trend: dict[str, Any] | None = None
    if current is None or hour > current:
        if current is not None:
            mean, var = update_baseline(mean, var, hours.get(str(current), 0))
            gap = (hour - current) // HOUR_S - 1
            if gap > 0:
                mean, var = skip_windows(mean, var, gap)
        new["current_hour"] = hour
        new["alerted"] = False
        current = hour
    new["mean"], new["var"] = mean, var
    if hour == current and not new.get("alerted"):
        now_count = hours[str(hour)]
        if is_spike(now_count, mean, var):
            new["alerted"] = True
            trend = {
                "window_start": hour,
                "window_hours": 1,
                "count": now_count,
                "baseline_mean": round(mean, 4),
                "score": round(spike_score(now_count, mean, var), 4),
            }
    newest = max(int(h) for h in hours)
    new["hours"] = {h: c for h, c in hours.items() if int(h) > newest - KEEP_HOURS * HOUR_S}
    return new, trend
