"""Near-duplicate story detection: pure functions, no index, usable from a Faust table.

Primary method: MinHash over word-bigram shingles with LSH bands.

* ``normalize`` lower-cases (NFKC, ``ё`` -> ``е``), keeps word tokens and cuts
  each to its first ``STEM_CHARS`` characters: a suffix-light stemmer that makes
  Kazakh and Russian inflections (``сайлауға``/``сайлауда``, ``выборы``/``выборах``)
  and typos near word ends mostly harmless.
* ``signature`` is a ``NUM_HASHES``-slot one-permutation MinHash of the set of
  token bigrams (tokens for one-word texts): each token is hashed with
  blake2b (64 bits, cached), a bigram's hash is the first token's hash
  rotated xor the second's, the top 6 bits of that choose a slot, the slot keeps the minimum
  of the other 58 bits; empty slots are filled from the next non-empty slot to
  the right (rotation densification).  Cost: one hash per shingle.
  Only the first ``SIGNATURE_CHARS`` characters are read, so hostile 1 MB
  bodies cost what a long article does.
* ``similarity`` is the fraction of equal slots: an estimate of the Jaccard
  similarity of the two shingle sets.
* ``band_keys`` gives ``NUM_HASHES // ROWS`` keys of ``ROWS`` slots each.  Two
  items become candidates when any key is equal: probability
  ``1 - (1 - J**ROWS) ** bands``, 0.99 at J = 0.4 and 0.08 at J = 0.05 with the
  defaults.  A Faust table keyed by band key holds the recent items per key.
* ``story_id_for`` gives a new item the story of the earliest candidate whose
  ``similarity`` is at least ``THRESHOLD``, else a new story id derived from
  the item id.

Why not SimHash: ``fingerprint``/``hamming`` (64-bit SimHash) are kept for
comparison, but on short news items (title + a few sentences) republished
copies differ by up to ~20 bits while different stories start at ~16, so no
distance separates them and 4x16-bit pigeonhole bands (exact to 3 bits) miss
most copies.  Bigram Jaccard separates them (copies >= 0.4, different stories
<= 0.05 on the tune pairs); scripts/eval_stories.py measures both.

``THRESHOLD`` was tuned on the tune split of tests/data/stories/pairs.jsonl
and is measured on its holdout split with scripts/eval_stories.py.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "NUM_HASHES",
    "ROWS",
    "THRESHOLD",
    "Candidate",
    "band_keys",
    "fingerprint",
    "hamming",
    "new_story_id",
    "normalize",
    "signature",
    "similarity",
    "story_id_for",
]

STEM_CHARS = 6
"""Tokens are cut to this many characters before hashing."""
BIGRAM_WEIGHT = 1
"""Weight of a token bigram relative to a token."""
NUM_HASHES = 64
"""MinHash slots (one-permutation hashing: the top 6 bits of a shingle hash pick the slot; fixed)."""
ROWS = 2
"""Slots per LSH band: ``NUM_HASHES // ROWS`` band keys per item."""
THRESHOLD = 0.25
"""Least estimated Jaccard similarity of bigram sets for two items to be the same story."""
SIGNATURE_CHARS = 32_768
"""``signature`` reads at most this many characters: an article's first 32 768 characters
(some 4 500 words) say which story it is, and a 1 MB body costs no more than a long article."""

_WORD = re.compile(r"\w+")
_MASK64 = (1 << 64) - 1
# Spread each byte's 8 bits into 8 lanes of 16 bits, so 64 per-bit counters can
# be summed with one big-int addition per feature instead of a 64-step loop.
_LANE = 16
_SPREAD: tuple[int, ...] = tuple(sum(1 << (_LANE * bit) for bit in range(8) if byte >> bit & 1) for byte in range(256))


def normalize(text: str) -> list[str]:
    """Lower-cased word tokens cut to ``STEM_CHARS`` characters."""
    text = unicodedata.normalize("NFKC", text).lower().replace("ё", "е")
    return [w[:STEM_CHARS] for w in _WORD.findall(text)]


def _hash64(feature: str) -> int:
    return int.from_bytes(hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest(), "little")


def _features(tokens: Sequence[str]) -> dict[str, int]:
    feats: dict[str, int] = {}
    for token in tokens:
        feats[token] = feats.get(token, 0) + 1
    if BIGRAM_WEIGHT:
        for a, b in zip(tokens, tokens[1:], strict=False):
            key = a + " " + b
            feats[key] = feats.get(key, 0) + BIGRAM_WEIGHT
    return feats


def fingerprint(text: str) -> int:
    """64-bit SimHash of the text (0 for text without words); kept for comparison, see module doc."""
    feats = _features(normalize(text))
    if not feats:
        return 0
    # acc[byte_index] holds 8 lanes of 16-bit counters; lanes cannot overflow
    # below 65536 total weight, so larger texts are processed in chunks.
    counts = [0] * 64
    total = 0
    acc = [0] * 8
    pending = 0
    for feature, weight in feats.items():
        h = _hash64(feature)
        for i in range(8):
            acc[i] += _SPREAD[(h >> (8 * i)) & 0xFF] * weight
        pending += weight
        total += weight
        if pending > 60000:
            _drain(acc, counts)
            pending = 0
    _drain(acc, counts)
    fp = 0
    for bit, count in enumerate(counts):
        if 2 * count > total:
            fp |= 1 << bit
    return fp


def _drain(acc: list[int], counts: list[int]) -> None:
    mask = (1 << _LANE) - 1
    for i in range(8):
        value = acc[i]
        for bit in range(8):
            counts[8 * i + bit] += (value >> (_LANE * bit)) & mask
        acc[i] = 0


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two 64-bit fingerprints."""
    return ((a ^ b) & _MASK64).bit_count()


_SLOT_BITS = 6
_VALUE_BITS = 64 - _SLOT_BITS
_VALUE_MASK = (1 << _VALUE_BITS) - 1


@functools.lru_cache(maxsize=1 << 16)
def _token_hash(token: str) -> tuple[int, int]:
    """A token's 64-bit blake2b hash and that hash rotated left by 17 bits."""
    h = _hash64(token)
    return h, ((h << 17) & _MASK64) | (h >> 47)


def _shingle_hashes(tokens: Sequence[str]) -> set[int]:
    """64-bit hashes of the token bigrams (of the tokens for a one-word text).

    A bigram's hash is its first token's hash rotated by 17 bits xor the second's:
    both are uniform 64-bit blake2b values, so the result is uniform and order-aware.
    """
    hashes = [_token_hash(t) for t in tokens]
    if len(hashes) < 2:
        return {h for h, _ in hashes}
    return {a[1] ^ b[0] for a, b in zip(hashes, hashes[1:], strict=False)}


def signature(text: str) -> tuple[int, ...]:
    """MinHash signature of the text (its first ``SIGNATURE_CHARS`` characters): ``NUM_HASHES`` ints,
    empty tuple for text without words."""
    shingles = _shingle_hashes(normalize(text[:SIGNATURE_CHARS]))
    if not shingles:
        return ()
    # Minimum per slot: in descending order the last write to a slot is its minimum.
    mins = {h >> _VALUE_BITS: h & _VALUE_MASK for h in sorted(shingles, reverse=True)}
    if len(mins) == NUM_HASHES:
        return tuple(mins[i] for i in range(NUM_HASHES))
    # Rotation densification: an empty slot borrows the next non-empty slot to
    # its right (circularly), offset by the distance so borrowed values differ
    # from native ones.
    out = [0] * NUM_HASHES
    for i in range(NUM_HASHES):
        value = mins.get(i)
        if value is not None:
            out[i] = value
            continue
        for step in range(1, NUM_HASHES):
            borrowed = mins.get((i + step) % NUM_HASHES)
            if borrowed is not None:
                out[i] = borrowed + (step << _VALUE_BITS)
                break
    return tuple(out)


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures (0 when either is empty)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def band_keys(sig: Sequence[int], rows: int = ROWS, bands: int | None = None) -> list[str]:
    """LSH table keys of a signature: ``"<band>:<hash of its rows>"``, one per band.

    ``bands`` caps the number of keys (the first bands) to write fewer table
    entries per item: on the tune pairs 16 of the 32 default bands lose about
    2 points of recall, 8 bands about 8.
    """
    if rows <= 0 or len(sig) % rows:
        raise ValueError("rows must divide the signature length")
    count = len(sig) // rows if bands is None else min(bands, len(sig) // rows)
    keys = []
    for band in range(count):
        chunk = ",".join(str(v) for v in sig[band * rows : (band + 1) * rows])
        digest = hashlib.blake2b(chunk.encode("ascii"), digest_size=8).hexdigest()
        keys.append(f"{band}:{digest}")
    return keys


@dataclass(frozen=True, slots=True)
class Candidate:
    """An earlier item found through a shared band key."""

    item_id: str
    signature: tuple[int, ...]
    story_id: str
    timestamp: float
    """Publication (or arrival) time, seconds since the epoch: the earliest wins."""


def new_story_id(item_id: str) -> str:
    """The id of a story started by this item: stable, derived from the item id."""
    return "story:" + hashlib.sha1(item_id.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def story_id_for(
    item_id: str,
    sig: Sequence[int],
    candidates: Iterable[Candidate],
    threshold: float = THRESHOLD,
) -> str:
    """The story of an item: that of the earliest candidate at least ``threshold`` similar.

    Ties on time go to the more similar candidate, then the smaller item id, so
    the answer does not depend on the order the table returns candidates in.
    An item without words always starts its own story.
    """
    best: tuple[float, float, str, str] | None = None
    if sig:
        for cand in candidates:
            if cand.item_id == item_id:
                continue
            sim = similarity(sig, cand.signature)
            if sim < threshold:
                continue
            key = (cand.timestamp, -sim, cand.item_id, cand.story_id)
            if best is None or key < best:
                best = key
    return best[3] if best is not None else new_story_id(item_id)
