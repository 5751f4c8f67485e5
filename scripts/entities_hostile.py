"""Entity extraction time on hostile input, in ms per 100 KB of UTF-8.

    .venv/bin/python scripts/entities_hostile.py [--kb 100] [--scale]

Each case is about ``--kb`` KB of text.  With ``--scale`` every case also runs
at a quarter of that size, to show the cost grows linearly (the ratio of ms
per 100 KB between the two sizes stays near 1).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from worker.entities import extract_entities  # noqa: E402


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` bytes of UTF-8."""
    return unit * max(1, size // len(unit.encode("utf-8")))


CASES: dict[str, Callable[[int], str]] = {
    "one capitalised word repeated": lambda n: _fill("Алматы ", n),
    "Тоқаев Тоқаев ...": lambda n: _fill("Тоқаев ", n),
    "title and name repeated": lambda n: _fill("Президент Тоқаев ", n),
    "capitalised words, no full stop": lambda n: _fill("Қазақстан Республикасының Президенті Тоқаев Астана ", n),
    "one line, no spaces": lambda n: _fill("Тоқаевтың", n),
    "one line of letters and hyphens": lambda n: _fill("Аа-", n),
    "dashes": lambda n: _fill("-", n),
    "em dashes and spaces": lambda n: _fill("— ", n),
    "quote marks": lambda n: _fill('«»"', n),
    "open quotes and names": lambda n: _fill("« Тоқаев ", n),
    "mixed scripts": lambda n: _fill("Tоқaев Aлмaты Нұр-Sұлтaн zakon.kz ", n),
    "zero-width characters": lambda n: _fill("Тоқ\u200bаев\u200d Ал\ufeffматы\u200c ", n),
    "ordinary sentence repeated": lambda n: _fill(
        "Президент Қасым-Жомарт Тоқаев Астанада Ресей министрімен кездесті. ", n
    ),
}


def measure(text: str, language: str = "kk") -> tuple[float, int]:
    t0 = time.process_time()
    entities = extract_entities({"body": text}, language)
    return time.process_time() - t0, sum(len(e.mentions) for e in entities)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kb", type=int, default=100)
    ap.add_argument("--scale", action="store_true")
    args = ap.parse_args()
    extract_entities({"body": "Қазақстан"}, "kk")  # load model and gazetteer
    size = args.kb * 1000
    worst = 0.0
    for name, make in CASES.items():
        text = make(size)
        nbytes = len(text.encode("utf-8"))
        took, mentions = measure(text)
        per100 = took * 1000 * 100_000 / nbytes
        worst = max(worst, per100)
        line = f"{name:34s} {nbytes / 1000:7.0f} KB {took * 1000:8.1f} ms = {per100:6.1f} ms/100KB  {mentions} mentions"
        if args.scale:
            small = make(size // 4)
            t_small, _ = measure(small)
            small_per100 = t_small * 1000 * 100_000 / len(small.encode("utf-8"))
            line += f"  (quarter size {small_per100:6.1f} ms/100KB, ratio {per100 / max(small_per100, 1e-9):.2f})"
        print(line)  # noqa: T201
    print(f"worst {worst:.1f} ms per 100 KB")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
