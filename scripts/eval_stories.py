"""Evaluate near-duplicate story detection on tests/data/stories/pairs.jsonl.

A pair is predicted "same story" when the two items share an LSH band key
(``band_keys``) and their MinHash ``similarity`` reaches the threshold, which
is what the streaming side does.  Reports precision / recall / F1 on the tune
and holdout splits (per language too) at ``stories.THRESHOLD``, the threshold
sweep on the tune split (to choose THRESHOLD: it is never chosen on holdout),
and, for comparison, 64-bit SimHash at the best tune distance, with and
without the 4x16-bit pigeonhole band look-up.

Usage: .venv/bin/python scripts/eval_stories.py [--errors holdout]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from worker.state import stories  # noqa: E402

DATA = ROOT / "tests" / "data" / "stories" / "pairs.jsonl"


def load(path: Path = DATA) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def prf(pairs: Sequence[dict[str, Any]], predict: Callable[[dict[str, Any]], bool]) -> dict[str, float]:
    tp = fp = fn = 0
    for pair in pairs:
        pred = predict(pair)
        if pred and pair["label"]:
            tp += 1
        elif pred:
            fp += 1
        elif pair["label"]:
            fn += 1
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"n": len(pairs), "precision": p, "recall": r, "f1": f}


def minhash_predictor(threshold: float) -> Callable[[dict[str, Any]], bool]:
    def predict(pair: dict[str, Any]) -> bool:
        a, b = stories.signature(pair["a"]), stories.signature(pair["b"])
        shared = set(stories.band_keys(a)) & set(stories.band_keys(b)) if a and b else set()
        return bool(shared) and stories.similarity(a, b) >= threshold

    return predict


def simhash_predictor(max_distance: int, banded: bool) -> Callable[[dict[str, Any]], bool]:
    def predict(pair: dict[str, Any]) -> bool:
        a, b = stories.fingerprint(pair["a"]), stories.fingerprint(pair["b"])
        if banded and not any((a >> s) & 0xFFFF == (b >> s) & 0xFFFF for s in (0, 16, 32, 48)):
            return False
        return stories.hamming(a, b) <= max_distance

    return predict


def line(name: str, m: dict[str, float]) -> str:
    return f"{name:34} n={m['n']:>4} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=("tune", "holdout"), help="list the wrong pairs of a split")
    args = parser.parse_args(argv)
    pairs = load()
    tune = [p for p in pairs if p["split"] == "tune"]
    holdout = [p for p in pairs if p["split"] == "holdout"]
    out = sys.stdout
    out.write("MinHash threshold sweep on tune (choose THRESHOLD here):\n")
    for t in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        out.write(line(f"  tune  threshold {t}", prf(tune, minhash_predictor(t))))
    predict = minhash_predictor(stories.THRESHOLD)
    out.write(f"\nMinHash + LSH at THRESHOLD={stories.THRESHOLD} (ROWS={stories.ROWS}):\n")
    for name, part in (("tune", tune), ("holdout", holdout)):
        out.write(line(f"  {name} all", prf(part, predict)))
        for lang in ("kk", "ru", "en"):
            out.write(line(f"  {name} {lang}", prf([p for p in part if p["language"] == lang], predict)))
    out.write("  holdout by kind (rate predicted 'same story'):\n")
    kinds = sorted({p["kind"].split(":")[0] for p in holdout})
    for kind in kinds:
        part = [p for p in holdout if p["kind"].split(":")[0] == kind]
        rate = sum(predict(p) for p in part) / len(part)
        out.write(f"    {kind:28} n={len(part):>3} label={part[0]['label']} predicted-dup={rate:.3f}\n")
    best = max(range(0, 33), key=lambda d: (prf(tune, simhash_predictor(d, False))["f1"], -d))
    out.write(f"\nSimHash for comparison (distance {best} chosen on tune):\n")
    out.write(line("  holdout, exact scan", prf(holdout, simhash_predictor(best, False))))
    out.write(line("  holdout, 4x16-bit bands", prf(holdout, simhash_predictor(best, True))))
    out.write(line("  holdout, 4x16 bands, distance<=3", prf(holdout, simhash_predictor(3, True))))
    if args.errors:
        part = tune if args.errors == "tune" else holdout
        for pair in part:
            if predict(pair) != bool(pair["label"]):
                sim = stories.similarity(stories.signature(pair["a"]), stories.signature(pair["b"]))
                out.write(f"{pair['id']} label={pair['label']} kind={pair['kind']} sim={sim:.2f}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
