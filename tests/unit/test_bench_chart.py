"""The benchmark's chart, percentile and targets: pure functions, no Kafka."""

from __future__ import annotations

from pathlib import Path

from worker.bench.chart import write_chart
from worker.bench.runner import percentile, targets_table


def test_write_chart_draws_a_png(tmp_path: Path) -> None:
    result = {
        "items_per_s": {"aiokafka_passthrough": 9000.0, "aiokafka_eos_batch": 4000.0, "faust_passthrough": 3000.0,
                        "enrich_1_worker": 70.0, "enrich_2_workers": 0.0, "offline_enrich_1_core": 75.0},
        "latency_curve": [{"load_fraction": f, "p50": 10.0 * f, "p95": 20.0 * f, "p99": 30.0 * f}
                          for f in (0.25, 0.5, 0.75)],
    }
    path = write_chart(result, tmp_path / "out" / "c.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_percentile_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 0.99) == 99.0
    assert percentile([5.0], 0.99) == 5.0
    assert percentile([], 0.5) == 0.0


def test_targets_table_marks_met_and_missed() -> None:
    result = {
        "items_per_s": {"enrich_1_worker": 120.0},
        "ratios": {"enrich_vs_offline": 0.6, "two_vs_one": 1.8},
        "latency_ms": {"p99": 300.0},
        "rss_mb_per_worker": 250.0,
    }
    met = {row["target"]: row["met"] for row in targets_table(result)}
    assert list(met.values()) == [False, True, False, True]
