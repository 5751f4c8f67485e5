"""Benchmark: quote extraction time per ~3 KB article on one core.

Two workloads: the seed article (a real Kazakh news item, 5 quotes) and ~3 KB
articles built by concatenating the bodies of the case suite
(tests/data/quotes/cases.jsonl) per language with their entities (quote-dense:
about 16 quotes per 3 KB). Pinned to one core; best of 7 rounds; the figure is
ms per 3000 bytes of UTF-8 text; ``extract_quotes`` is timed with
``time.perf_counter`` over many runs.

    .venv/bin/python scripts/bench_quotes.py [--runs 2000]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from worker.model import Entity, Mention  # noqa: E402
from worker.quotes import extract_quotes  # noqa: E402
from worker.quotes.suite import build_entities, case_fields, load_cases  # noqa: E402

TARGET = 3000


def _seed() -> tuple[dict[str, str], str, list[Entity]]:
    """The seed article (a real news item, 5 quotes) with its people as entities."""
    body = (ROOT / "tests" / "data" / "seed_kk.txt").read_text(encoding="utf-8")
    specs = (
        ("Q3318225", "Қасым-Жомарт Тоқаев", ("Қасым-Жомарт Тоқаев",), ("президент", "мемлекет басшысы")),
        ("Q4284039", "Михаил Мишустин", ("Михаил Мишустинді", "Михаил Мишустин"), ("премьер-министр",)),
        ("Q7747", "Владимир Путин", ("Владимир Путиннің",), ("президент", "ресей президенті")),
    )
    ents: list[Entity] = []
    for eid, name, surfaces, roles in specs:
        ent = Entity(eid, name, "PERSON", roles=roles)
        for surface in surfaces:
            pos = body.find(surface)
            while pos >= 0:
                if not any(m.start <= pos < m.end for m in ent.mentions):
                    ent.mentions.append(Mention(surface, "body", pos, pos + len(surface)))
                pos = body.find(surface, pos + 1)
        ent.mentions.sort(key=lambda m: m.start)
        ents.append(ent)
    return {"body": body}, "kk", ents


def build_articles() -> list[tuple[dict[str, str], str, list[Entity]]]:
    """~3 KB articles per language from the case suite, entity mentions shifted to the joined body."""
    cases = load_cases(ROOT / "tests" / "data" / "quotes" / "cases.jsonl")
    articles: list[tuple[dict[str, str], str, list[Entity]]] = []
    for lang in ("kk", "ru", "en"):
        pool = [c for c in cases if c["language"] == lang]
        k = 0
        for _ in range(4):
            body = ""
            ents: list[Entity] = []
            while len(body.encode("utf-8")) < TARGET:
                case = pool[k % len(pool)]
                k += 1
                offset = len(body)
                body += case_fields(case)["body"] + "\n"
                for ent in build_entities(case):
                    ent.mentions = [
                        Mention(m.text, "body", m.start + offset, m.end + offset)
                        for m in ent.mentions
                        if m.field == "body"
                    ]
                    ents.append(ent)
            articles.append(({"title": pool[k % len(pool)].get("title", ""), "body": body}, lang, ents))
    return articles


def _size(fields: dict[str, str]) -> int:
    return sum(len(v.encode("utf-8")) for v in fields.values())


def measure(articles: list[tuple[dict[str, str], str, list[Entity]]], runs: int) -> tuple[float, float]:
    """(best-round ms per article, ms per 3000 bytes of UTF-8 text)."""
    for f, lang, ents in articles:  # warm-up
        extract_quotes(f, lang, ents)
    rounds = 7
    per_round = max(1, runs // rounds)
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(per_round):
            for f, lang, ents in articles:
                extract_quotes(f, lang, ents)
        best = min(best, time.perf_counter() - t0)
    ms_article = best / (per_round * len(articles)) * 1000
    avg_bytes = sum(_size(f) for f, _, _ in articles) / len(articles)
    return ms_article, ms_article * 3000 / avg_bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=2000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    for label, articles in (("seed article (real news)", [_seed()]), ("case-suite mix (dense)", build_articles())):
        n_quotes = sum(len(extract_quotes(f, lang, ents)) for f, lang, ents in articles) / len(articles)
        avg_bytes = sum(_size(f) for f, _, _ in articles) / len(articles)
        avg_chars = sum(sum(len(v) for v in f.values()) for f, _, _ in articles) / len(articles)
        ms_article, ms_3kb = measure(articles, args.runs)
        print(  # noqa: T201
            f"{label}: {len(articles)} article(s), {avg_bytes / 1000:.1f} kB UTF-8 ({avg_chars:.0f} chars), "
            f"{n_quotes:.1f} quotes each: {ms_article:.3f} ms/article = {ms_3kb:.3f} ms per 3 kB"
        )


if __name__ == "__main__":
    main()
