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

__all__ = ["Sentence", "blocks", "read_iob2", "split", "spans_from_tags", "to_bilou", "to_iob2", "SCORE_TYPE"]

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


def to_bilou(tags: list[str], types: frozenset[str] | set[str] | None = None) -> list[str]:
    """IOB2 -> BILOU (B-, I-, L- last, U- single) for ``types`` (all when None); others stay IOB2."""
    out = list(tags)
    n = len(tags)
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        typ = tag[2:]
        if types is not None and typ not in types:
            continue
        ends = i + 1 >= n or tags[i + 1] != "I-" + typ
        if tag[0] == "B" and ends:
            out[i] = "U-" + typ
        elif tag[0] == "I" and ends:
            out[i] = "L-" + typ
    return out


def to_iob2(tags: list[str]) -> list[str]:
    """BILOU (or IOB2, or a mix) -> IOB2; a tag after an L- or U- of its type opens a new span."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        c = tag[0]
        if c == "U":
            out.append("B-" + tag[2:])
        elif c == "L" or c == "I":
            # I-/L- right after the end of a span of the same type starts another one
            out.append(("B-" if prev[0] in "LU" and prev[2:] == tag[2:] else "I-") + tag[2:])
        else:
            out.append(tag)
        prev = tag
    return out
