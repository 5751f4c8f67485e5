"""Benchmark: cost of hostile input per extractor, in ms per 100 KB of UTF-8.

Builds each hostile family of ``worker.bench.hostile`` (random bytes, invalid UTF-8, nested and huge JSON,
zero-width and control characters, mixed scripts, right-to-left text, runs of
quote marks and dashes, one 100 KB line without spaces, colon-quotes, repeated
speech verbs, unbalanced guillemets, capitalised words, ...) at 10 KB, 100 KB
and optionally 1 MB and times, on one core, best of a few runs:

* ``decode``    ``decode_item`` on the message bytes (families with raw bytes of their own use those)
* ``language``  ``detect_language`` on the body
* ``entities``  ``extract_entities`` (reported, owned elsewhere)
* ``quotes``    ``extract_quotes`` with the language and entities the pipeline would pass
* ``topics``    ``classify_topics``
* ``signature`` the story MinHash ``signature``
* ``enrich``    the whole ``worker.pipeline.enrich`` (includes entities)
* ``enrich-ents`` enrich with the entities precomputed: the part this budget is about

Times are process CPU time by default (``--clock wall`` for wall time): on a
shared machine other processes inflate wall time, not CPU time. The figure is
ms per 100 KB at each measured size; a cell is skipped
(``skip``) when a quadratic extrapolation from the smaller size exceeds
``--budget`` seconds for one call.

    .venv/bin/python scripts/bench_hostile.py                       # current tree
    .venv/bin/python scripts/bench_hostile.py --baseline /tmp/old   # old copy of worker/ side by side
    .venv/bin/python scripts/bench_hostile.py --sizes 10000,100000,1000000 --only quotes,topics
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The families come from this tree; the extractors measured come from --tree (see main).
from worker.bench.hostile import FAMILIES, RAW_FAMILIES, SEED_LIKE  # noqa: E402

EXTRACTORS = ("decode", "language", "entities", "quotes", "topics", "signature", "enrich", "enrich-ents")
BUDGET_MS = 50.0

#: The clock calls are timed with: process CPU time by default, which other load on a shared machine
#: does not inflate the way it does wall time (``--clock wall`` for wall time).
CLOCK: list[Callable[[], float]] = [time.process_time]


def _timed(function: Callable[[], Any], budget_s: float) -> float:
    """Best time of one call in ms: a few runs, fewer for slow calls."""
    clock = CLOCK[0]
    best = float("inf")
    spent = 0.0
    runs = 0
    while runs < 5 and (runs == 0 or spent < min(0.3, budget_s)):
        began = clock()
        function()
        took = clock() - began
        best = min(best, took)
        spent += took
        runs += 1
    return best * 1000


def run(sizes: list[int], only: set[str], families: set[str] | None, budget_s: float) -> dict[str, Any]:
    """{family: {extractor: {size: ms per 100 KB or None (skipped)}}} for the importable ``worker``."""
    from worker.codec import decode_item
    from worker.entities.extract import extract_entities
    from worker.pipeline import enrich
    from worker.quotes.extract import extract_quotes
    from worker.state.stories import signature
    from worker.text.language import detect_language
    from worker.topics.extract import classify_topics

    detect_language("warm up the language model")
    enrich({"id": "warm", "body": SEED_LIKE})
    results: dict[str, Any] = {}
    for family, build in FAMILIES.items():
        if families is not None and family not in families:
            continue
        row: dict[str, dict[int, float | None]] = {e: {} for e in EXTRACTORS if not only or e in only}
        last: dict[str, tuple[int, float]] = {}
        for size in sizes:
            body = build(size)
            nbytes = max(1, len(body.encode()))
            raw_builder = RAW_FAMILIES.get(family)
            raw = raw_builder(size) if raw_builder else json.dumps({"id": "x", "body": body}).encode()
            fields = {"body": body}
            language = detect_language(body)
            calls: dict[str, Callable[[], Any]] = {
                "decode": lambda raw=raw: _try_decode(decode_item, raw),
                "language": lambda body=body: detect_language(body),
                "entities": lambda fields=fields, language=language: extract_entities(fields, language),
                "signature": lambda body=body: signature(body),
                "enrich": lambda body=body: enrich({"id": "x", "body": body}),
            }
            entities: list[Any] | None = None
            for extractor in row:
                if extractor == "enrich-ents":
                    continue
                if extractor in last:
                    prev_size, prev_ms = last[extractor]
                    if prev_ms is None or prev_ms * (size / prev_size) ** 2 > budget_s * 1000:
                        row[extractor][size] = None
                        last[extractor] = (size, None)  # type: ignore[assignment]
                        continue
                if extractor in ("quotes", "topics") and entities is None:
                    entities = extract_entities(fields, language)
                call = calls.get(extractor)
                if extractor == "quotes":
                    call = lambda fields=fields, language=language, entities=entities: extract_quotes(  # noqa: E731
                        fields, language, entities or []
                    )
                elif extractor == "topics":
                    call = lambda fields=fields, language=language, entities=entities: classify_topics(  # noqa: E731
                        fields, language, entities or []
                    )
                if call is None:
                    raise KeyError(extractor)
                ms = _timed(call, budget_s)
                last[extractor] = (size, ms)
                row[extractor][size] = ms * 100_000 / (len(raw) if extractor == "decode" else nbytes)
            if "enrich-ents" in row:
                row["enrich-ents"][size] = _without_entities(enrich, fields, language, budget_s) * 100_000 / nbytes
        results[family] = row
        print(f"  {family}: done", file=sys.stderr, flush=True)  # noqa: T201
    return results


def _without_entities(enrich: Callable[..., Any], fields: dict[str, str], language: str, budget_s: float) -> float:
    """ms of one enrich call with extract_entities answered from a precomputed result."""
    import worker.pipeline as pipeline

    computed = pipeline.extract_entities(fields, language)
    original = pipeline.extract_entities
    pipeline.extract_entities = lambda *_: computed  # type: ignore[assignment]
    try:
        return _timed(lambda: enrich({"id": "x", "body": fields["body"]}), budget_s)
    finally:
        pipeline.extract_entities = original


def _try_decode(decode_item: Callable[[bytes, int], Any], raw: bytes) -> None:
    from worker.errors import DecodeError

    try:
        decode_item(raw, 1_000_000)
    except DecodeError:
        pass


def _cell(values: dict[Any, float | None]) -> str:
    """ms per 100 KB at the largest size measured ('skip' when skipped there)."""
    if not values:
        return "-"
    size = max(values, key=int)
    value = values[size]
    return "skip" if value is None else f"{value:.1f}"


def _table(results: dict[str, Any], baseline: dict[str, Any] | None, size: str | None) -> str:
    extractors = [e for e in EXTRACTORS if any(e in row for row in results.values())]
    lines = ["| family | " + " | ".join(extractors) + " |", "|---|" + "---|" * len(extractors)]
    for family, row in results.items():
        cells = []
        for e in extractors:
            after = row.get(e, {})
            if size is not None:
                after = {k: v for k, v in after.items() if k == size}
            text = _cell(after)
            if baseline is not None and family in baseline:
                before = baseline[family].get(e, {})
                if size is not None:
                    before = {k: v for k, v in before.items() if k == size}
                text = f"{_cell(before)} → {text}"
            if _over(after):
                text += " !"
            cells.append(text)
        lines.append(f"| {family} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _over(values: dict[Any, float | None]) -> bool:
    return any(v is None or v > BUDGET_MS for v in values.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated body sizes in bytes")
    parser.add_argument("--only", default="", help="comma-separated extractors (default: all)")
    parser.add_argument("--families", default="", help="comma-separated family names (default: all)")
    parser.add_argument("--budget", type=float, default=30.0, help="skip a call extrapolated to take longer (s)")
    parser.add_argument("--baseline", default="", help="a directory holding an older worker/ package to compare")
    parser.add_argument("--json", action="store_true", help="print raw results as JSON")
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu", help="process CPU time or wall time")
    parser.add_argument("--tree", default=str(ROOT), help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    CLOCK[0] = time.process_time if args.clock == "cpu" else time.perf_counter
    only = {s for s in args.only.split(",") if s}
    families = {s for s in args.families.split(",") if s} or None
    unknown = sorted((families or set()) - FAMILIES.keys())
    if unknown:
        parser.error(f"unknown families {', '.join(unknown)}; known: {', '.join(FAMILIES)}")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if args.baseline:
        before = _subprocess(args, args.baseline)
        after = _subprocess(args, str(ROOT))
        for size in sizes:
            print(f"\n### ms per 100 KB at {size} bytes: before → after (! = over {BUDGET_MS:.0f} ms)\n")  # noqa: T201
            print(_table(after, before, str(size)))  # noqa: T201
        return
    sys.path.insert(0, args.tree)
    if Path(args.tree).resolve() != ROOT:
        # Measure the worker/ under --tree, not the one imported above for the families.
        for name in [m for m in sys.modules if m == "worker" or m.startswith("worker.")]:
            del sys.modules[name]
    results = run(sizes, only, families, args.budget)
    if args.json:
        print(json.dumps(results))  # noqa: T201
    else:
        for size in sizes:
            print(f"\n### ms per 100 KB at {size} bytes (! = over {BUDGET_MS:.0f} ms)\n")  # noqa: T201
            print(_table(json.loads(json.dumps(results)), None, str(size)))  # noqa: T201


def _subprocess(args: argparse.Namespace, tree: str) -> dict[str, Any]:
    """Run this script with ``tree`` first on the import path and parse its JSON."""
    script = str(Path(__file__).resolve())
    command = [sys.executable, script, "--tree", tree, "--sizes", args.sizes, "--budget", str(args.budget), "--json",
               "--clock", args.clock]
    if args.only:
        command += ["--only", args.only]
    if args.families:
        command += ["--families", args.families]
    print(f"measuring {tree} ...", file=sys.stderr, flush=True)  # noqa: T201
    out = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True, cwd=tree)  # noqa: S603
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


if __name__ == "__main__":
    main()
