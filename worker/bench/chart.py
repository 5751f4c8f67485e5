"""The benchmark's chart: throughput of every stage, and end-to-end latency against offered load.

matplotlib is the optional ``bench`` extra (``pip install 'newsworker[bench]'``); without it the
benchmark writes its JSON and says how to get the chart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["write_chart", "ChartUnavailable"]

_LABELS = {
    "aiokafka_passthrough": "aiokafka\ncopy",
    "aiokafka_eos_batch": "aiokafka\nexactly-once",
    "faust_passthrough": "Faust\npassthrough",
    "enrich_1_worker": "worker\n1 process",
    "enrich_2_workers": "worker\n2 processes",
    "offline_enrich_1_core": "offline\nenrich",
}


class ChartUnavailable(RuntimeError):
    """matplotlib is not installed."""


def write_chart(result: dict[str, Any], path: Path) -> Path:
    """A PNG with two panels: items/s per stage (log scale), and p50/p95/p99 latency per load fraction."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise ChartUnavailable("the chart needs matplotlib: pip install 'newsworker[bench]'") from None

    rates = result["items_per_s"]
    names = [name for name in _LABELS if name in rates]
    values = [max(float(rates[name]), 0.0) for name in names]
    figure, (bars, lines) = plt.subplots(1, 2, figsize=(12, 4.8), dpi=100)
    colours = ["#8c8c8c", "#8c8c8c", "#8c8c8c", "#1f77b4", "#1f77b4", "#2ca02c"][: len(names)]
    drawn = bars.bar([_LABELS[n] for n in names], [v if v > 0 else float("nan") for v in values], color=colours)
    bars.set_yscale("log")
    bars.set_ylabel("items/s (log scale)")
    bars.set_title("throughput, same run")
    for rect, value in zip(drawn, values, strict=True):
        if value > 0:
            bars.annotate(f"{value:,.0f}", (rect.get_x() + rect.get_width() / 2, value), ha="center",
                          va="bottom", fontsize=8)
    bars.tick_params(axis="x", labelsize=8)

    curve = result.get("latency_curve") or []
    fractions = [100 * float(row["load_fraction"]) for row in curve]
    for key, style in (("p50", "o-"), ("p95", "s--"), ("p99", "^:")):
        lines.plot(fractions, [float(row[key]) for row in curve], style, label=key)
    lines.set_xlabel("offered load, % of the 1-process rate")
    lines.set_ylabel("end to end, ms (read_committed subscriber)")
    lines.set_title("latency, 1 process")
    lines.set_ylim(bottom=0)
    if curve:
        lines.legend()
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
    return path
