"""K-fold cross-validation of the Kazakh span detector over KazNERD train+dev.

    .venv/bin/python scripts/entities_cv.py [--folds 4] [--jobs 2] [--c1 X --c2 Y --iterations N]
                                            [--errors FILE]

Never reads the held-out part.  Folds are whole blocks of the split in
``worker.entities.kaznerd`` (near-duplicate sentences never straddle two
folds).  Each fold trains a CRF on the other folds with the current
``features`` and ``train.training_label`` and scores exact spans (PERSON, ORG,
LOC) summed over all folds, for the CRF alone and for the full detector
(CRF + gazetteer, ``ner.detect_kk``) as ``train`` reports them.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pycrfsuite  # noqa: E402

from worker.entities import ner  # noqa: E402
from worker.entities import train as tr  # noqa: E402
from worker.entities.kaznerd import blocks, read_iob2, split  # noqa: E402

_Counts = dict[str, dict[str, Counter[str]]]


def _counts(sents: list[tr.Sentence], tagger: tr.Tagger, errors: list[str] | None) -> dict[str, Counter[str]]:
    found: list[str] = [] if errors is None else errors

    def note(sent: tr.Sentence, pred: set[tuple[int, int, str]], gold: set[tuple[int, int, str]]) -> None:
        words = [w for w, _ in sent]
        found.append(" ".join(f"{w}/{t}" for w, t in sent))
        for s, e, typ in sorted(pred - gold):
            found.append(f"  FP {typ:6s} {' '.join(words[s:e])}")
        for s, e, typ in sorted(gold - pred):
            found.append(f"  FN {typ:6s} {' '.join(words[s:e])}")

    tp, fp, fn = tr.span_counts(sents, tagger, note if errors is not None else None)
    return {"tp": tp, "fp": fp, "fn": fn}


def _fold(job: tuple[int, list[int], list[int], argparse.Namespace]) -> tuple[_Counts, list[str], float]:
    f, train_ids, test_ids, args = job
    sents = read_iob2(args.data)
    if args.models and (args.models / f"fold{f}.crfsuite").exists() and args.reuse:
        path = args.models / f"fold{f}.crfsuite"
    else:
        path = (args.models or Path("/tmp")) / f"nw_entities_cv_{os.getpid()}_{f}.crfsuite"  # noqa: S108
        if args.models:
            path = args.models / f"fold{f}.crfsuite"
        tr._train(sents, train_ids, args, path)
    t0 = time.time()
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    test = [sents[i] for i in test_ids]
    errors: list[str] | None = [] if args.errors else None
    out: _Counts = {"crf": _counts(test, tr.crf_tagger(tagger), None)}
    # the detector reads the model through ner.load_tagger(): point it at this fold's model
    ner.MODEL_PATH = path
    ner.load_tagger.cache_clear()
    ner.model_attributes.cache_clear()
    if args.window:
        ner._LEFT, ner._RIGHT, ner._HEAD_REACH, ner._GROW = (int(x) for x in args.window.split(","))
    out["detector"] = _counts(test, tr.pipeline_tagger(), errors)
    if not args.models:
        path.unlink()
    return out, errors or [], time.time() - t0


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=tr.DEFAULT_DATA)
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--c1", type=float, default=0.02)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--minfreq", type=float, default=0.0)
    ap.add_argument("--algorithm", default="lbfgs", choices=("lbfgs", "ap", "pa", "arow", "l2sgd"))
    ap.add_argument("--no-transitions", dest="transitions", action="store_false")
    ap.add_argument("--errors", type=Path, help="write the detector's wrong sentences here")
    ap.add_argument("--label", default="", help="a name for this run in the summary line")
    ap.add_argument("--window", help="LEFT,RIGHT,HEAD_REACH,GROW: how the detector tags around names (see ner)")
    ap.add_argument("--models", type=Path, help="keep the fold models in this directory")
    ap.add_argument("--reuse", action="store_true", help="score the fold models kept in --models, do not train")
    args = ap.parse_args(argv)
    sents = read_iob2(args.data)
    parts = split(sents)
    block_of = blocks(sents)
    ids = sorted(parts["train"] + parts["dev"])
    k = args.folds
    folds: list[list[int]] = [[] for _ in range(k)]
    for i in ids:
        folds[block_of[i] % k].append(i)
    jobs = [(f, [i for g in range(k) if g != f for i in folds[g]], folds[f], args) for f in range(k)]
    t0 = time.time()
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        results = pool.map(_fold, jobs)
    total: dict[str, dict[str, Counter[str]]] = {
        "crf": {"tp": Counter(), "fp": Counter(), "fn": Counter()},
        "detector": {"tp": Counter(), "fp": Counter(), "fn": Counter()},
    }
    errors: list[str] = []
    for res, errs, _took in results:
        errors.extend(errs)
        for which, counts in res.items():
            for kind, c in counts.items():
                total[which][kind].update(c)
    summary: list[str] = []
    for which in ("crf", "detector"):
        c = total[which]
        print(f"{which} ({k}-fold CV over train+dev, {len(ids)} sentences)")  # noqa: T201
        for typ in ("PERSON", "ORG", "LOC", "ALL"):
            if typ == "ALL":
                tp, fp, fn = sum(c["tp"].values()), sum(c["fp"].values()), sum(c["fn"].values())
            else:
                tp, fp, fn = c["tp"][typ], c["fp"][typ], c["fn"][typ]
            p, r, f1 = _prf(tp, fp, fn)
            print(f"  {typ:7s} P={p:.4f} R={r:.4f} F1={f1:.4f} (gold {tp + fn})")  # noqa: T201
            summary.append(f"{which[:3]}.{typ}={f1:.4f}")
    print(f"SUMMARY {args.label} {args.algorithm} c1={args.c1} c2={args.c2} it={args.iterations}: " + " ".join(summary))  # noqa: T201
    print(f"took {time.time() - t0:.0f}s")  # noqa: T201
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
