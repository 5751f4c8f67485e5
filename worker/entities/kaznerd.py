"""Reading KazNERD (IOB2, CoNLL style) and splitting it reproducibly.

KazNERD: Yeshpanov, Khassanov, Varol, "KazNERD: Kazakh Named Entity
Recognition Dataset", LREC 2022, CC BY 4.0.  Only its validation split is
used here, read from outside the repository; none of it is stored here.

Split: adjacent sentences that share most of their words (KazNERD pairs a
spoken and a written-number version of a sentence) are chained into one
group, groups are packed into blocks of about 40 sentences, and a block goes
to train (70%), dev (15%) or holdout (15%) by a stable hash of its number, so
near-duplicates never straddle two parts.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["Sentence", "blocks", "read_iob2", "split", "spans_from_tags", "SCORE_TYPE"]

Sentence = list[tuple[str, str]]

#: How KazNERD classes are scored: GPE and LOCATION merged as LOC.
SCORE_TYPE = {"PERSON": "PERSON", "ORGANISATION": "ORG", "ORG": "ORG", "GPE": "LOC", "LOCATION": "LOC", "LOC": "LOC"}


def read_iob2(path: Path) -> list[Sentence]:
    sents: list[Sentence] = []
    cur: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        token, _, tag = line.rpartition(" ")
        cur.append((token, tag))
    if cur:
        sents.append(cur)
    return sents


def _similar(a: Sentence, b: Sentence) -> bool:
    wa = {t for t, _ in a}
    wb = {t for t, _ in b}
    return len(wa & wb) > 0.5 * max(len(wa), len(wb))


def blocks(sents: list[Sentence]) -> list[int]:
    """Block number of every sentence (near-duplicates share a block)."""
    block = 0
    in_block = 0
    assignment: list[int] = []
    for i in range(len(sents)):
        if i > 0 and not _similar(sents[i - 1], sents[i]) and in_block >= 40:
            block += 1
            in_block = 0
        assignment.append(block)
        in_block += 1
    return assignment


def split(sents: list[Sentence]) -> dict[str, list[int]]:
    """Sentence indices of the train, dev and holdout parts."""
    parts: dict[str, list[int]] = {"train": [], "dev": [], "holdout": []}
    for i, b in enumerate(blocks(sents)):
        h = int(hashlib.sha256(f"kaznerd-block-{b}".encode()).hexdigest()[:8], 16) % 100
        name = "train" if h < 70 else ("dev" if h < 85 else "holdout")
        parts[name].append(i)
    return parts


def spans_from_tags(tags: list[str]) -> set[tuple[int, int, str]]:
    """Exact (start, end, scored type) spans of IOB2 tags, types outside SCORE_TYPE dropped."""
    out: set[tuple[int, int, str]] = set()
    i = 0
    n = len(tags)
    while i < n:
        tag = tags[i]
        if tag.startswith("B-") or (tag.startswith("I-") and (i == 0 or tags[i - 1][2:] != tag[2:])):
            typ = tag[2:]
            j = i + 1
            while j < n and tags[j] == "I-" + typ:
                j += 1
            if typ in SCORE_TYPE:
                out.add((i, j, SCORE_TYPE[typ]))
            i = j
        else:
            i += 1
    return out
