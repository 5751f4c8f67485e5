"""The story index every worker holds whole: near-duplicate items share a story id.

The items of one story arrive on any input partition, so no partition can own
the index. Each worker keeps all of it in memory, filled from one compacted
topic (one record per item, keyed by item id) that every enrich task writes in
its own transaction and every worker reads back. An item is matched against
the index as this worker knows it, plus what the batch in progress has added;
the batch's entries join the shared index only once its transaction commits.

Two workers that receive near-duplicates within the same commit interval
(about 100 ms) cannot see each other's entry yet and start two stories; the
later item of such a pair is matched as usual from then on.

Pure: no faust or Kafka import.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from worker.state.stories import ROWS, Candidate, story_id_for

__all__ = ["StoryIndex", "StoryOverlay", "BANDS", "ITEMS_PER_BAND", "ITEMS_PER_STORY", "STORY_HORIZON_S"]

#: Band keys per item: 16 of MinHash's 32 bands halve the index for about 2 points of recall.
BANDS = 16
ITEMS_PER_BAND = 8
ITEMS_PER_STORY = 50
#: Candidates further apart than this (event time) are not matched: a story is news for two days.
STORY_HORIZON_S = 48 * 3600
BandKey = tuple[int, int, int]


def band_keys(sig: Sequence[int]) -> list[BandKey]:
    """The LSH band keys of a signature, as this process's index keys them: (band, its rows' values).

    The keys never leave the process (each worker builds its index from the signatures), so plain
    tuples serve: no string to build and hash per band.
    """
    return [(band, sig[band * ROWS], sig[band * ROWS + 1]) for band in range(min(BANDS, len(sig) // ROWS))]


#: Items the index keeps at most; the oldest written go first. About 1.5 KB each with their bands.
MAX_ITEMS = 50_000


@dataclass(slots=True)
class StoryIndex:
    """Item id -> (signature, story, event time, title), with LSH bands and each story's items."""

    max_items: int = MAX_ITEMS
    items: OrderedDict[str, dict[str, Any]] = field(default_factory=OrderedDict)
    bands: dict[BandKey, list[tuple[str, float]]] = field(default_factory=dict)
    stories: dict[str, dict[str, Any]] = field(default_factory=dict)

    def apply(self, item_id: str, record: Mapping[str, Any], keys: Sequence[BandKey] | None = None) -> None:
        """Add one item as its index record says (idempotent: a record read twice changes nothing).

        ``keys`` are the signature's band keys when the caller has them already.
        """
        if item_id in self.items:
            return
        sig = [int(v) for v in record["sig"]]
        story_id = str(record["story_id"])
        ts = float(record["ts"])
        title = record.get("title")
        # An array of machine words: a tuple of Python ints costs five times the memory.
        self.items[item_id] = {"sig": array("Q", sig), "story_id": story_id, "ts": ts}
        for key in keys if keys is not None else band_keys(sig):
            entries = [(item_id, ts), *(e for e in self.bands.get(key, ()) if e[0] != item_id)]
            self.bands[key] = entries[:ITEMS_PER_BAND]
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = {"items": [], "first_ts": ts, "count": 0}
        items = story["items"]
        items.append([item_id, ts, title])
        if len(items) > 1 and (items[-2][1], items[-2][0]) > (ts, item_id):  # came late: keep oldest first
            items.sort(key=lambda entry: (entry[1], entry[0]))
        if len(items) > ITEMS_PER_STORY:
            del items[0]
        story["first_ts"] = min(float(story["first_ts"]), ts)
        story["count"] += 1
        while len(self.items) > self.max_items:
            self._evict_oldest()

    def _evict_oldest(self) -> None:
        item_id, entry = self.items.popitem(last=False)
        for key in band_keys(entry["sig"]):
            kept = [e for e in self.bands.get(key, ()) if e[0] != item_id]
            if kept:
                self.bands[key] = kept
            else:
                self.bands.pop(key, None)
        story = self.stories.get(entry["story_id"])
        if story is not None:
            story["items"] = [e for e in story["items"] if e[0] != item_id]
            if not story["items"]:
                del self.stories[entry["story_id"]]

    def candidates(self, keys: Iterable[BandKey], ts: float) -> list[Candidate]:
        found: dict[str, Candidate] = {}
        for key in keys:
            for cand_id, cand_ts in self.bands.get(key, ()):
                if cand_id in found or abs(ts - cand_ts) > STORY_HORIZON_S:
                    continue
                cand = self.items.get(cand_id)
                if cand is not None:
                    found[cand_id] = Candidate(cand_id, tuple(cand["sig"]), cand["story_id"], cand["ts"])
        return list(found.values())

    def story(self, story_id: str) -> dict[str, Any] | None:
        return self.stories.get(story_id)


@dataclass(slots=True)
class StoryOverlay:
    """One batch's view of the index: the shared index plus the batch's own new items, uncommitted."""

    index: StoryIndex
    #: The batch before this one, while its transaction commits: its items are candidates too.
    previous: StoryIndex | None = None
    pending: StoryIndex = field(default_factory=StoryIndex)
    #: Item id -> the index record this batch writes for it, and its band keys.
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    keys: dict[str, list[BandKey]] = field(default_factory=dict)

    def assign(self, item_id: str, sig: Sequence[int], title: str | None, ts: float) -> tuple[str, dict[str, Any]]:
        """The item's story id and the index record to write for it.

        An item the index knows keeps its story (a redelivery after an aborted transaction).
        """
        layers = [self.pending, self.index] if self.previous is None else [self.pending, self.previous, self.index]
        known = next((layer.items[item_id] for layer in layers if item_id in layer.items), None)
        keys = band_keys(sig)
        if known is not None:
            story_id, ts = str(known["story_id"]), float(known["ts"])
        else:
            candidates = [cand for layer in layers for cand in layer.candidates(keys, ts)]
            story_id = story_id_for(item_id, sig, candidates)
        record = {"sig": list(sig), "story_id": story_id, "ts": ts, "title": title}
        self.pending.apply(item_id, record, keys)
        self.records[item_id] = record
        self.keys[item_id] = keys
        return story_id, record

    def commit(self) -> None:
        """The batch committed: its items join the shared index."""
        for item_id, record in self.records.items():
            self.index.apply(item_id, record, self.keys.get(item_id))
