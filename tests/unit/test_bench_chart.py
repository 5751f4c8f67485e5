"""The benchmark's PNG writer and percentile: pure functions, no Kafka."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from worker.bench.chart import Canvas, png_bytes, write_chart
from worker.bench.runner import percentile, targets_table


def test_png_is_valid_and_decodes_to_the_pixels() -> None:
    canvas = Canvas(4, 3)
    canvas.set(1, 2, (10, 20, 30))
    data = png_bytes(canvas)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (4, 3)
    idat_at = data.index(b"IDAT")
    length = struct.unpack(">I", data[idat_at - 4:idat_at])[0]
    raw = zlib.decompress(data[idat_at + 4:idat_at + 4 + length])
    row = raw[2 * (1 + 12):3 * (1 + 12)]
    assert row[0] == 0 and row[1 + 3:1 + 6] == bytes((10, 20, 30))


def test_write_chart(tmp_path: Path) -> None:
    result = {
        "items_per_s": {"aiokafka_passthrough": 9000.0, "faust_passthrough": 3000.0, "enrich_1_worker": 70.0,
                        "enrich_2_workers": 0.0, "offline_enrich_1_core": 75.0},
        "latency_curve": [{"load_fraction": f, "p50": 10.0 * f, "p95": 20.0 * f, "p99": 30.0 * f}
                          for f in (0.25, 0.5, 0.75)],
    }
    path = write_chart(result, tmp_path / "c.png")
    assert path.read_bytes()[:4] == b"\x89PNG"


def test_percentile_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 0.99) == 99.0
    assert percentile([5.0], 0.99) == 5.0
    assert percentile([], 0.5) == 0.0


def test_targets_table_marks_met_and_missed() -> None:
    result = {
        "items_per_s": {"enrich_1_worker": 1200.0},
        "ratios": {"enrich_vs_faust": 0.2, "faust_vs_aiokafka": 0.6, "two_vs_one": 1.8},
        "latency_ms": {"p99": 150.0},
        "rss_mb_per_worker": 250.0,
    }
    met = {row["target"]: row["met"] for row in targets_table(result)}
    assert list(met.values()) == [True, False, True, False, True, True]
