"""Evaluate the IPTC topic classifier on tests/data/topics/labelled.jsonl.

Reports, on each split (tune, holdout) overall and per language:
* top-1 accuracy: the primary gold code (first in ``codes``) equals the best
  predicted top-level code;
* macro F1 over the 17 top-level codes, multi-label: the predicted set is the
  top-level codes ``classify_topics`` returns with score >= ``THRESHOLD``.

The split is stored in each record and is a pure function of its id
(sha256(id) mod 5 < 2 -> tune), see ``split_of``.

Usage: .venv/bin/python scripts/eval_topics.py [--errors tune] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from worker.topics.extract import THRESHOLD, classify_topics  # noqa: E402

DATA = ROOT / "tests" / "data" / "topics" / "labelled.jsonl"
TOP_CODES = tuple(f"medtop:{n:02d}000000" for n in range(1, 18))


def split_of(item_id: str) -> str:
    """The deterministic split of an item id: ~40% tune, ~60% holdout."""
    h = int(hashlib.sha256(item_id.encode("utf-8")).hexdigest()[:8], 16)
    return "tune" if h % 5 < 2 else "holdout"


def load(path: Path = DATA) -> list[dict[str, Any]]:
    items = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    for item in items:
        if item.get("split") != split_of(item["id"]):
            raise ValueError(f"{item['id']}: stored split does not match split_of")
    return items


def predict(item: dict[str, Any]) -> tuple[str | None, set[str]]:
    topics = classify_topics({"title": item["title"], "body": item["body"]}, item["language"], [])
    top = [t for t in topics if t.code in TOP_CODES]
    best = top[0].code if top else None
    return best, {t.code for t in top if t.score >= THRESHOLD}


def metrics(items: Sequence[dict[str, Any]]) -> dict[str, float]:
    if not items:
        return {"n": 0, "top1": 0.0, "macro_f1": 0.0}
    tp = dict.fromkeys(TOP_CODES, 0)
    fp = dict.fromkeys(TOP_CODES, 0)
    fn = dict.fromkeys(TOP_CODES, 0)
    hits = 0
    for item in items:
        best, pred = predict(item)
        gold = set(item["codes"])
        hits += best == item["codes"][0]
        for code in TOP_CODES:
            if code in pred and code in gold:
                tp[code] += 1
            elif code in pred:
                fp[code] += 1
            elif code in gold:
                fn[code] += 1
    f1s = []
    for code in TOP_CODES:
        if tp[code] + fp[code] + fn[code] == 0:
            continue  # code absent from gold and predictions of this subset
        f1s.append(2 * tp[code] / (2 * tp[code] + fp[code] + fn[code]))
    return {"n": len(items), "top1": hits / len(items), "macro_f1": sum(f1s) / len(f1s)}


def report(items: Iterable[dict[str, Any]]) -> dict[str, dict[str, dict[str, float]]]:
    items = list(items)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for split in ("tune", "holdout"):
        part = [i for i in items if i["split"] == split]
        out[split] = {"all": metrics(part)}
        for lang in ("kk", "ru", "en"):
            out[split][lang] = metrics([i for i in part if i["language"] == lang])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=("tune", "holdout"), help="list the misclassified items of a split")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    items = load()
    result = report(items)
    if args.json:
        sys.stdout.write(json.dumps(result, indent=1) + "\n")
    else:
        sys.stdout.write(f"threshold {THRESHOLD}\n{'split':8} {'lang':4} {'n':>4} {'top1':>6} {'macroF1':>8}\n")
        for split, rows in result.items():
            for lang, m in rows.items():
                sys.stdout.write(f"{split:8} {lang:4} {m['n']:>4} {m['top1']:>6.3f} {m['macro_f1']:>8.3f}\n")
    if args.errors:
        for item in items:
            if item["split"] != args.errors:
                continue
            topics = classify_topics({"title": item["title"], "body": item["body"]}, item["language"], [])
            pred = [(t.code[7:15], t.score) for t in topics]
            best = next((t.code for t in topics if t.code in TOP_CODES), None)
            pset = {t.code for t in topics if t.code in TOP_CODES and t.score >= THRESHOLD}
            if best != item["codes"][0] or pset != set(item["codes"]):
                sys.stdout.write(f"{item['id']} gold={[c[7:9] for c in item['codes']]} pred={pred} | {item['title']}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
