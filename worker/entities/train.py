"""Train the Kazakh CRF tagger on KazNERD and report exact-span scores.

    python -m worker.entities.train [--data PATH] [--holdout] [--eval-only]

Trains on the train part of the split (see ``kaznerd``), prints precision,
recall and F1 per type on dev, and with ``--holdout`` on the held-out part,
for the CRF alone and for the full span detector (CRF + gazetteer) that
``extract_entities`` uses.  Writes ``data/kk_ner.crfsuite``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pycrfsuite

from worker.entities.features import LABEL_TYPES, sentence_features
from worker.entities.gazetteer import load_gazetteer
from worker.entities.kaznerd import (
    SCORE_TYPE,
    Sentence,
    blocks,
    read_iob2,
    spans_from_tags,
    split,
    to_bilou,
    to_iob2,
)
from worker.entities.tokens import Token

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"
MODEL = Path(__file__).with_name("data") / "kk_ner.crfsuite"

Tagger = Callable[[list[Token]], set[tuple[int, int, str]]]


def as_tokens(sent: Sentence) -> list[Token]:
    """KazNERD tokens with offsets into the sentence joined by single spaces."""
    out: list[Token] = []
    pos = 0
    for word, _ in sent:
        out.append(Token(word, pos, pos + len(word)))
        pos += len(word) + 1
    return out


def training_label(tag: str) -> str:
    if tag == "O" or tag[2:] not in LABEL_TYPES:
        return "O"
    return tag


#: Classes trained with BILOU labels (last and single-token tags of their own); the rest stay IOB2.
#: (PERSON does better with IOB2, and BILOU for every class only adds labels.)
BILOU_TYPES = frozenset({"GPE", "LOCATION", "ORGANISATION"})


def training_labels(tags: list[str]) -> list[str]:
    """The CRF's labels for a sentence's IOB2 tags (``ner._crf_spans`` decodes them)."""
    return to_bilou([training_label(t) for t in tags], BILOU_TYPES)


MissFn = Callable[[Sentence, set[tuple[int, int, str]], set[tuple[int, int, str]]], None]


def span_counts(
    sents: list[Sentence], tagger: Tagger, on_miss: MissFn | None = None,
) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """True positive, false positive and false negative exact spans per type; on_miss(sent, pred, gold) on errors."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for sent in sents:
        gold = spans_from_tags([t for _, t in sent])
        pred = tagger(as_tokens(sent))
        for span in pred & gold:
            tp[span[2]] += 1
        for span in pred - gold:
            fp[span[2]] += 1
        for span in gold - pred:
            fn[span[2]] += 1
        if on_miss is not None and pred != gold:
            on_miss(sent, pred, gold)
    return tp, fp, fn


def score(sents: list[Sentence], tagger: Tagger) -> dict[str, tuple[float, float, float, int]]:
    tp, fp, fn = span_counts(sents, tagger)
    out: dict[str, tuple[float, float, float, int]] = {}
    for typ in ("PERSON", "ORG", "LOC", "ALL"):
        if typ == "ALL":
            t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            t, f_p, f_n = tp[typ], fp[typ], fn[typ]
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[typ] = (p, r, f, t + f_n)
    return out


def block_interval(
    sents: list[Sentence], block_of: list[int], tagger: Tagger, rounds: int = 1000, seed: int = 0
) -> tuple[float, float]:
    """95% interval of the overall exact-span F1 over ``sents`` (indices into ``block_of``'s order are
    their positions), resampling whole blocks with replacement: sentences of a block share a story,
    so they are drawn together."""
    per_block: dict[int, list[int]] = {}
    for sent, block in zip(sents, block_of, strict=True):
        found = span_counts([sent], tagger)
        got = per_block.setdefault(block, [0, 0, 0])
        for k in range(3):
            got[k] += sum(found[k].values())
    counts = list(per_block.values())
    rng = random.Random(seed)  # noqa: S311 - a reproducible resampling, not a secret
    scores: list[float] = []
    for _ in range(rounds):
        drawn = rng.choices(counts, k=len(counts))
        hits = sum(c[0] for c in drawn)
        misses = sum(c[1] + c[2] for c in drawn)
        scores.append(2 * hits / (2 * hits + misses) if hits else 0.0)
    scores.sort()
    return scores[int(0.025 * rounds)], scores[int(0.975 * rounds) - 1]


def report(title: str, res: dict[str, tuple[float, float, float, int]]) -> None:
    print(title)  # noqa: T201
    for typ, (p, r, f, n) in res.items():
        print(f"  {typ:7s} P={p:.4f} R={r:.4f} F1={f:.4f} (gold spans {n})")  # noqa: T201


def crf_tagger(tagger: pycrfsuite.Tagger) -> Tagger:
    gaz = load_gazetteer()

    def run(tokens: list[Token]) -> set[tuple[int, int, str]]:
        tags = tagger.tag(sentence_features(tokens, gaz))
        return spans_from_tags(to_iob2(tags))

    return run


def pipeline_tagger(inside_titles: bool = False) -> Tagger:
    from worker.entities.ner import detect_kk

    def run(tokens: list[Token]) -> set[tuple[int, int, str]]:
        out: set[tuple[int, int, str]] = set()
        for span in detect_kk(tokens, inside_titles=inside_titles):
            typ = {"ORG": "ORG", "PERSON": "PERSON", "GPE": "LOC", "LOC": "LOC"}.get(span.type)
            if typ is not None:
                out.add((span.start, span.end, typ))
        return out

    return run


def _train(sents: list[Sentence], ids: list[int], args: argparse.Namespace, path: Path) -> None:
    gaz = load_gazetteer()
    trainer = _trainer(args)
    for i in ids:
        sent = sents[i]
        trainer.append(sentence_features(as_tokens(sent), gaz), training_labels([t for _, t in sent]))
    trainer.set_params(_params(args))
    trainer.train(str(path))


def _trainer(args: argparse.Namespace) -> pycrfsuite.Trainer:
    trainer = pycrfsuite.Trainer(verbose=False)
    algorithm = getattr(args, "algorithm", "lbfgs")
    if algorithm != "lbfgs":
        trainer.select(algorithm, "crf1d")
    return trainer


def _params(args: argparse.Namespace) -> dict[str, object]:
    params: dict[str, object] = {
        "max_iterations": args.iterations,
        "feature.possible_transitions": args.transitions,
        "feature.minfreq": args.minfreq,
    }
    if getattr(args, "algorithm", "lbfgs") == "lbfgs":
        params.update({"c1": args.c1, "c2": args.c2})
    return params


def cross_validate(sents: list[Sentence], ids: list[int], args: argparse.Namespace) -> None:
    """K folds of contiguous 40-sentence chunks; scores summed over folds (CRF alone)."""
    k = args.cv
    folds: list[list[int]] = [[] for _ in range(k)]
    for n, i in enumerate(ids):
        folds[(n // 40) % k].append(i)
    totals: dict[str, list[float]] = {}
    for f in range(k):
        train_ids = [i for g in range(k) if g != f for i in folds[g]]
        path = Path(f"/tmp/nw_cv_{os.getpid()}_{f}.crfsuite")  # noqa: S108
        _train(sents, train_ids, args, path)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        res = score([sents[i] for i in folds[f]], crf_tagger(tagger))
        for typ, (_p, _r, f1, _n) in res.items():
            totals.setdefault(typ, []).append(f1)
        report(f"fold {f}", res)
    print("mean F1", {t: round(sum(v) / len(v), 4) for t, v in totals.items()})  # noqa: T201


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model", type=Path, default=MODEL)
    ap.add_argument("--holdout", action="store_true", help="also score the held-out part (final figure)")
    ap.add_argument("--eval-only", action="store_true", help="score the existing model, do not train")
    ap.add_argument("--c1", type=float, default=0.02)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--minfreq", type=float, default=0.0, help="CRFsuite feature.minfreq")
    ap.add_argument("--algorithm", default="lbfgs", choices=("lbfgs", "ap", "pa", "arow", "l2sgd"))
    ap.add_argument(
        "--no-transitions", dest="transitions", action="store_false", help="feature.possible_transitions off"
    )
    ap.add_argument("--final", action="store_true", help="train on train+dev (after tuning)")
    ap.add_argument("--cv", type=int, default=0, help="K-fold cross-validation on train+dev, no model written")
    args = ap.parse_args(argv)
    sents = read_iob2(args.data)
    parts = split(sents)
    print({k: len(v) for k, v in parts.items()})  # noqa: T201
    gaz = load_gazetteer()
    if args.cv:
        cross_validate(sents, sorted(parts["train"] + parts["dev"]), args)
        return 0
    if not args.eval_only:
        trainer = _trainer(args)
        train_ids = parts["train"] + (parts["dev"] if args.final else [])
        t0 = time.time()
        for i in train_ids:
            sent = sents[i]
            trainer.append(sentence_features(as_tokens(sent), gaz), training_labels([t for _, t in sent]))
        trainer.set_params(_params(args))
        args.model.parent.mkdir(parents=True, exist_ok=True)
        trainer.train(str(args.model))
        print(f"trained in {time.time() - t0:.0f}s -> {args.model}")  # noqa: T201
    tagger = pycrfsuite.Tagger()
    tagger.open(str(args.model))
    dev = [sents[i] for i in parts["dev"]]
    report("dev, CRF alone", score(dev, crf_tagger(tagger)))
    report("dev, detector (CRF + gazetteer)", score(dev, pipeline_tagger()))
    report("dev, as extract_entities links (also names inside titles)", score(dev, pipeline_tagger(True)))
    if args.holdout:
        hold = [sents[i] for i in parts["holdout"]]
        report("HOLDOUT, CRF alone", score(hold, crf_tagger(tagger)))
        report("HOLDOUT, detector (CRF + gazetteer)", score(hold, pipeline_tagger()))
        report(
            "HOLDOUT, as extract_entities links (also names inside titles)",
            score(hold, pipeline_tagger(inside_titles=True)),
        )
        block_of = blocks(sents)
        low, high = block_interval(hold, [block_of[i] for i in parts["holdout"]], pipeline_tagger())
        n_blocks = len({block_of[i] for i in parts["holdout"]})
        print(f"HOLDOUT, detector: 95% interval of F1 over {n_blocks} resampled blocks: {low:.4f} .. {high:.4f}")  # noqa: T201
    _ = SCORE_TYPE
    return 0


if __name__ == "__main__":
    sys.exit(main())
