"""The benchmark chart as a PNG, drawn with the standard library only (zlib): no plotting dependency.

Left: throughput bars per stage (items/s, labelled). Right: end-to-end latency
p50/p95/p99 against offered load. Text uses a built-in 3x5 pixel font.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path
from typing import Any

__all__ = ["Canvas", "write_chart", "png_bytes"]

Color = tuple[int, int, int]

WHITE: Color = (255, 255, 255)
BLACK: Color = (30, 30, 30)
GREY: Color = (200, 200, 200)
BAR_COLORS: tuple[Color, ...] = ((120, 120, 120), (90, 140, 200), (40, 110, 60), (70, 170, 90), (200, 140, 40))
LINE_COLORS: tuple[Color, ...] = ((40, 110, 200), (220, 140, 30), (200, 50, 50))

# 3x5 glyphs, rows top to bottom, "#" = ink.
_FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"), "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"), "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"), "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"), "7": ("###", "..#", ".#.", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"), "9": ("###", "#.#", "###", "..#", "###"),
    "A": (".#.", "#.#", "###", "#.#", "#.#"), "B": ("##.", "#.#", "##.", "#.#", "##."),
    "C": (".##", "#..", "#..", "#..", ".##"), "D": ("##.", "#.#", "#.#", "#.#", "##."),
    "E": ("###", "#..", "##.", "#..", "###"), "F": ("###", "#..", "##.", "#..", "#.."),
    "G": (".##", "#..", "#.#", "#.#", ".##"), "H": ("#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("###", ".#.", ".#.", ".#.", "###"), "J": ("..#", "..#", "..#", "#.#", ".#."),
    "K": ("#.#", "#.#", "##.", "#.#", "#.#"), "L": ("#..", "#..", "#..", "#..", "###"),
    "M": ("#.#", "###", "###", "#.#", "#.#"), "N": ("##.", "#.#", "#.#", "#.#", "#.#"),
    "O": (".#.", "#.#", "#.#", "#.#", ".#."), "P": ("##.", "#.#", "##.", "#..", "#.."),
    "Q": (".#.", "#.#", "#.#", "##.", ".##"), "R": ("##.", "#.#", "##.", "#.#", "#.#"),
    "S": (".##", "#..", ".#.", "..#", "##."), "T": ("###", ".#.", ".#.", ".#.", ".#."),
    "U": ("#.#", "#.#", "#.#", "#.#", "###"), "V": ("#.#", "#.#", "#.#", "#.#", ".#."),
    "W": ("#.#", "#.#", "###", "###", "#.#"), "X": ("#.#", "#.#", ".#.", "#.#", "#.#"),
    "Y": ("#.#", "#.#", ".#.", ".#.", ".#."), "Z": ("###", "..#", ".#.", "#..", "###"),
    " ": ("...", "...", "...", "...", "..."), ".": ("...", "...", "...", "...", ".#."),
    "%": ("#.#", "..#", ".#.", "#..", "#.#"), "/": ("..#", "..#", ".#.", "#..", "#.."),
    "-": ("...", "...", "###", "...", "..."), ":": ("...", ".#.", "...", ".#.", "..."),
    ",": ("...", "...", "...", ".#.", "#.."),
    "(": (".#.", "#..", "#..", "#..", ".#."), ")": (".#.", "..#", "..#", "..#", ".#."),
    "_": ("...", "...", "...", "...", "###"), "=": ("...", "###", "...", "###", "..."),
}


class Canvas:
    """An RGB raster with just enough drawing for a bar and line chart."""

    def __init__(self, width: int, height: int, background: Color = WHITE) -> None:
        self.width = width
        self.height = height
        self.pixels = bytearray(bytes(background) * (width * height))

    def set(self, x: int, y: int, color: Color) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            at = (y * self.width + x) * 3
            self.pixels[at:at + 3] = bytes(color)

    def rect(self, x0: int, y0: int, x1: int, y1: int, color: Color) -> None:
        for y in range(max(0, min(y0, y1)), min(self.height, max(y0, y1) + 1)):
            for x in range(max(0, min(x0, x1)), min(self.width, max(x0, x1) + 1)):
                self.set(x, y, color)

    def line(self, x0: int, y0: int, x1: int, y1: int, color: Color, thick: int = 1) -> None:
        steps = max(abs(x1 - x0), abs(y1 - y0), 1)
        for i in range(steps + 1):
            x = round(x0 + (x1 - x0) * i / steps)
            y = round(y0 + (y1 - y0) * i / steps)
            self.rect(x - thick // 2, y - thick // 2, x + thick // 2, y + thick // 2, color)

    def text(self, x: int, y: int, text: str, color: Color = BLACK, scale: int = 2) -> int:
        """Draw text with its top-left corner at (x, y); return the x after it."""
        for char in text.upper():
            glyph = _FONT.get(char, _FONT[" "])
            for row, bits in enumerate(glyph):
                for col, bit in enumerate(bits):
                    if bit == "#":
                        self.rect(x + col * scale, y + row * scale, x + col * scale + scale - 1,
                                  y + row * scale + scale - 1, color)
            x += 4 * scale
        return x

    @staticmethod
    def text_width(text: str, scale: int = 2) -> int:
        return len(text) * 4 * scale


def png_bytes(canvas: Canvas) -> bytes:
    """The canvas as an 8-bit RGB PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    stride = canvas.width * 3
    raw = b"".join(b"\x00" + bytes(canvas.pixels[y * stride:(y + 1) * stride]) for y in range(canvas.height))
    header = struct.pack(">IIBBBBB", canvas.width, canvas.height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = float(10.0 ** (len(str(int(value))) - 1))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _bars(canvas: Canvas, left: int, top: int, width: int, height: int, rates: dict[str, float]) -> None:
    """Bars on a log10 scale: the floors and the enrichment differ by orders of magnitude."""
    canvas.text(left, top - 30, "THROUGHPUT (ITEMS/S, LOG SCALE)", scale=3)
    base = top + height
    decades = max(1, math.ceil(math.log10(max(max(rates.values(), default=10.0), 10.0))))

    def y_of(value: float) -> int:
        return base - round(height * min(1.0, max(0.0, math.log10(max(value, 1.0)) / decades)))

    canvas.line(left, top, left, base, BLACK)
    canvas.line(left, base, left + width, base, BLACK)
    for power in range(decades + 1):
        y = y_of(10.0 ** power)
        canvas.line(left - 4, y, left, y, BLACK)
        label = f"{10 ** power}"
        canvas.text(left - 8 - Canvas.text_width(label), y - 5, label)
    slot = width // max(1, len(rates))
    labels = {"aiokafka_passthrough": "AIOKAFKA", "faust_passthrough": "FAUST", "enrich_1_worker": "ENRICH 1",
              "enrich_2_workers": "ENRICH 2", "offline_enrich_1_core": "OFFLINE"}
    for index, (key, value) in enumerate(rates.items()):
        x0 = left + index * slot + slot // 6
        x1 = left + (index + 1) * slot - slot // 6
        y = y_of(value)
        canvas.rect(x0, y, x1, base - 1, BAR_COLORS[index % len(BAR_COLORS)])
        text = "N/A" if value <= 0 else f"{value:.1f}" if value < 100 else f"{value:.0f}"
        canvas.text((x0 + x1) // 2 - Canvas.text_width(text) // 2, y - 14, text)
        name = labels.get(key, key)
        canvas.text((x0 + x1) // 2 - Canvas.text_width(name) // 2, base + 8, name)


def _latency(canvas: Canvas, left: int, top: int, width: int, height: int, curve: list[dict[str, Any]]) -> None:
    canvas.text(left, top - 30, "LATENCY (MS) VS LOAD", scale=3)
    base = top + height
    canvas.line(left, top, left, base, BLACK)
    canvas.line(left, base, left + width, base, BLACK)
    top_value = _nice_max(max((row["p99"] for row in curve), default=1.0))
    for tick in range(5):
        y = base - round(height * tick / 4)
        canvas.line(left - 4, y, left, y, BLACK)
        label = f"{top_value * tick / 4:.0f}"
        canvas.text(left - 8 - Canvas.text_width(label), y - 5, label)
    for fraction in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = left + round(width * fraction)
        canvas.line(x, base, x, base + 4, BLACK)
        label = f"{fraction:.0%}"
        canvas.text(x - Canvas.text_width(label) // 2, base + 8, label)
    for series, color in zip(("p50", "p95", "p99"), LINE_COLORS, strict=True):
        points = [(left + round(width * row["load_fraction"]),
                   base - round(height * min(1.0, row[series] / top_value))) for row in curve]
        for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
            canvas.line(x0, y0, x1, y1, color, thick=3)
        for x, y in points:
            canvas.rect(x - 3, y - 3, x + 3, y + 3, color)
    legend_x = left + 10
    for series, color in zip(("P50", "P95", "P99"), LINE_COLORS, strict=True):
        canvas.rect(legend_x, top + 4, legend_x + 14, top + 12, color)
        legend_x = canvas.text(legend_x + 20, top + 4, series) + 16
    canvas.text(left + width // 2 - Canvas.text_width("OFFERED LOAD") // 2, base + 26, "OFFERED LOAD")


def write_chart(result: dict[str, Any], path: Path) -> Path:
    """Draw the throughput bars and the latency curve of a bench result into a PNG at ``path``."""
    canvas = Canvas(1200, 480)
    _bars(canvas, 90, 70, 500, 320, {k: float(v) for k, v in result["items_per_s"].items()})
    _latency(canvas, 720, 70, 440, 320, list(result.get("latency_curve") or []))
    machine = result.get("machine", {})
    footer = (f"NEWSWORKER BENCH {result.get('generated_at', '')}  CORES {machine.get('cores', '?')}  "
              f"GUARANTEE {result.get('method', {}).get('processing_guarantee', '?')}")
    canvas.text(20, 450, footer)
    path.write_bytes(png_bytes(canvas))
    return path
