"""The two processing stages, as pure steps over one input record at a time.

- ``EnrichStage`` (news.raw): decode, skip duplicate ids, enrich, give the item
  its story id, and say what to publish: the enriched event, its quotes and
  entities, a dead letter instead when the item is bad, the story index entry,
  and, once per batch, the count deltas of the whole batch.
- ``CountStage`` (the internal counts topic, keyed by entity, speaker or IPTC
  code): apply each delta to the counting tables and publish a trend event when
  an entity's hour spikes.

A stage never talks to Kafka: it returns ``Output`` records and changes its
tables' pending state. The runtime commits both, with the input offsets, in
one transaction per input partition (worker/runtime). No faust import.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson

from worker.codec import dead_letter, decode_item, encode
from worker.errors import DecodeError, DecodeReason
from worker.events import ENTITY, LATEST_KEPT, SPEAKER, TOPIC, CountDeltas, entity_events, quote_events, trend_event
from worker.metrics import (
    EVENTS_PUBLISHED,
    ITEMS_CONSUMED,
    ITEMS_DEAD_LETTERED,
    ITEMS_DUPLICATE,
    ITEMS_ENRICHED,
    PROCESSING_ERRORS,
    STAGE_SECONDS,
)
from worker.pipeline import enrich
from worker.runtime.membership import partition_for_key
from worker.settings import Settings
from worker.state.stories import signature
from worker.state.story_index import StoryOverlay
from worker.state.table import Table
from worker.state.windows import apply_count, event_time

__all__ = ["Output", "Outcome", "InputRecord", "EnrichStage", "CountStage", "StageTopics", "SEEN_IDS", "COUNTS"]

log = logging.getLogger(__name__)

#: Table names (their changelog topics are ``{app_id}-{name}-changelog``).
SEEN_IDS = "seen-ids"
COUNTS = "counts"

_STAGE_DECODE = STAGE_SECONDS.labels("decode")
_STAGE_ENRICH = STAGE_SECONDS.labels("enrich")
_STAGE_SIGNATURE = STAGE_SECONDS.labels("signature")
_STAGE_STORY = STAGE_SECONDS.labels("story")
_PUBLISHED = {name: EVENTS_PUBLISHED.labels(name) for name in ("enriched", "quotes", "entities", "dlq", "trends")}


@dataclass(frozen=True, slots=True)
class InputRecord:
    """One consumed message, as the stages need it (timestamp in seconds)."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    timestamp: float


@dataclass(frozen=True, slots=True)
class Output:
    """One record to publish; ``partition`` None means by key."""

    topic: str
    key: bytes | None
    value: bytes
    partition: int | None = None
    #: The metric label to count it under once committed (None: internal).
    counted_as: str | None = None


@dataclass(frozen=True, slots=True)
class StageTopics:
    """Where the stages write: the public outputs and the runtime's internal topics."""

    enriched: str
    quotes: str
    entities: str
    trends: str
    dlq: str
    counts: str
    story_index: str
    #: Partitions of the counts topic: each key's delta goes to the partition its key hashes to.
    counts_partitions: int = 1

    @classmethod
    def of(cls, settings: Settings) -> StageTopics:
        t = settings.topics
        return cls(
            enriched=t.enriched, quotes=t.quotes, entities=t.entities, trends=t.trends, dlq=t.dlq,
            counts=f"{settings.app_id}-counts", story_index=f"{settings.app_id}-story-index",
            counts_partitions=settings.partitions,
        )


def _last_frame(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return type(exc).__name__
    last = frames[-1]
    return f"{last.filename}:{last.lineno} in {last.name}"


@dataclass(slots=True)
class Outcome:
    """What a batch did, counted in /metrics only once it committed."""

    consumed: int = 0
    enriched: int = 0
    duplicate: int = 0
    dead: dict[str, int] = field(default_factory=dict)
    published: dict[str, int] = field(default_factory=dict)
    #: Kafka timestamps (seconds) of the enriched items' input messages, for end-to-end latency.
    received: list[float] = field(default_factory=list)

    def count(self, outputs: list[Output]) -> None:
        for output in outputs:
            if output.counted_as is not None:
                self.published[output.counted_as] = self.published.get(output.counted_as, 0) + 1

    def record(self) -> None:
        ITEMS_CONSUMED.inc(self.consumed)
        ITEMS_ENRICHED.inc(self.enriched)
        ITEMS_DUPLICATE.inc(self.duplicate)
        for reason, n in self.dead.items():
            ITEMS_DEAD_LETTERED.labels(reason).inc(n)
        for name, n in self.published.items():
            _PUBLISHED[name].inc(n)


class EnrichStage:
    """news.raw -> enriched event, quotes, entities, or a dead letter; story ids; count deltas."""

    def __init__(
        self, topics: StageTopics, seen: Table, stories: StoryOverlay, *, max_body_bytes: int,
        enrich_item: Callable[[dict[str, Any]], dict[str, Any]] = enrich,
    ) -> None:
        self.topics = topics
        self.seen = seen
        self.stories = stories
        self.max_body_bytes = max_body_bytes
        self.enrich_item = enrich_item
        self.deltas = CountDeltas()
        self.outcome = Outcome()

    def process(self, record: InputRecord) -> list[Output]:
        """The outputs of one input message: exactly one outcome (enriched, dead letter or duplicate)."""
        self.outcome.consumed += 1
        with _STAGE_DECODE.time():
            try:
                item = decode_item(record.value, self.max_body_bytes)
            except DecodeError as exc:
                return [self._dead_letter(record, exc.reason, exc.detail, None)]
        item_id: str = item["id"]
        if item_id in self.seen:
            self.outcome.duplicate += 1
            return []
        try:
            with _STAGE_ENRICH.time():
                enriched = self.enrich_item(item)
        except Exception as exc:  # noqa: BLE001 - one poison item must not stop the stream
            detail = f"{type(exc).__name__}: {exc} at {_last_frame(exc)}"
            PROCESSING_ERRORS.labels("enrich").inc()
            log.warning("extractor failed: %s", detail, extra={
                "item_id": item_id, "topic": record.topic, "partition": record.partition, "offset": record.offset,
                "event": "extractor_error"})
            return [self._dead_letter(record, DecodeReason.EXTRACTOR_ERROR, detail, item_id)]

        when = event_time(item.get("published_at"), record.timestamp)
        with _STAGE_SIGNATURE.time():
            sig = signature(f"{item.get('title') or ''}\n{item['body']}")
        with _STAGE_STORY.time():
            story_id, index_entry = self.stories.assign(item_id, sig, enriched.get("title"), when)
        enriched["story_id"] = story_id
        self.seen.set(item_id, [record.partition, record.offset])
        self.deltas.add_item(enriched, when)
        self.outcome.enriched += 1
        self.outcome.received.append(record.timestamp)

        key = item_id.encode("utf-8")
        outputs = [Output(self.topics.enriched, key, encode(enriched), counted_as="enriched")]
        # Windows downstream count by the event time in the payload. The records keep the time they
        # are written as their Kafka timestamp: with the item's event time there, time-based retention
        # would delete the events of old news (a backfill) as soon as they were written.
        outputs += [Output(self.topics.quotes, k.encode("utf-8"), encode(q), counted_as="quotes")
                    for k, q in quote_events(enriched, when)]
        outputs += [Output(self.topics.entities, k.encode("utf-8"), encode(e), counted_as="entities")
                    for k, e in entity_events(enriched, when)]
        outputs.append(Output(self.topics.story_index, key, orjson.dumps(index_entry), partition=0))
        return outputs

    def finish_batch(self) -> list[Output]:
        """The batch's count deltas for the counting stage: one record per counts partition, holding the
        delta of every key that partition owns (a key's partition is where Kafka's partitioner puts it)."""
        by_partition: dict[int, dict[str, Any]] = {}
        for key, delta in self.deltas.records():
            partition = partition_for_key(key.encode("utf-8"), self.topics.counts_partitions)
            by_partition.setdefault(partition, {})[key] = delta
        self.deltas = CountDeltas()
        return [Output(self.topics.counts, None, orjson.dumps(deltas), partition=partition)
                for partition, deltas in sorted(by_partition.items())]

    def take_outcome(self) -> Outcome:
        outcome, self.outcome = self.outcome, Outcome()
        return outcome

    def _dead_letter(self, record: InputRecord, reason: DecodeReason, detail: str, item_id: str | None) -> Output:
        letter = dead_letter(
            reason=reason, detail=detail, key=record.key, value=record.value, topic=record.topic,
            partition=record.partition, offset=record.offset, timestamp=record.timestamp, item_id=item_id,
        )
        self.outcome.dead[reason.value] = self.outcome.dead.get(reason.value, 0) + 1
        log.info("dead-lettered: %s", reason.value, extra={
            "item_id": item_id, "topic": record.topic, "partition": record.partition, "offset": record.offset,
            "reason": reason.value, "event": "dead_letter"})
        return Output(self.topics.dlq, record.key, encode(letter), counted_as="dlq")


class CountStage:
    """Count deltas -> entity mentions and windows, quotes per speaker, topic counts; trend events."""

    def __init__(self, topics: StageTopics, counts: Table) -> None:
        self.topics = topics
        self.counts = counts
        self.outcome = Outcome()

    def process(self, record: InputRecord) -> list[Output]:
        """Apply one batch's deltas for this partition's keys."""
        if record.value is None:
            return []  # only this app writes the topic, and never a tombstone
        outputs: list[Output] = []
        for key, delta in orjson.loads(record.value).items():
            outputs += self.apply(key, delta)
        return outputs

    def apply(self, key: str, delta: dict[str, Any]) -> list[Output]:
        kind = delta.get("kind")
        state: dict[str, Any] = self.counts.get(key) or {}
        if kind == ENTITY:
            new, trends = self._count_hours(state, delta["hours"], {
                "name": delta["name"], "type": delta["type"],
                "aliases": list(dict.fromkeys([*state.get("aliases", []), *delta["aliases"]]))[-LATEST_KEPT:],
            })
            items = delta["items"]
            new["latest"] = list(dict.fromkeys([*reversed(items), *state.get("latest", [])]))[:10]
            new["items"] = int(state.get("items", 0)) + len(items)
            self.counts.set(key, new)
            outputs = [Output(self.topics.trends, delta["id"].encode("utf-8"), encode(trend_event(delta["id"], new, t)),
                              counted_as="trends") for t in trends]
            return outputs
        if kind == SPEAKER:
            self.counts.set(key, {
                "name": delta.get("name"),
                "count": int(state.get("count", 0)) + int(delta.get("count", len(delta["quotes"]))),
                "latest": [*reversed(delta["quotes"]), *state.get("latest", [])][:LATEST_KEPT],
            })
        elif kind == TOPIC:
            new, _ = self._count_hours(state, delta["hours"], {"label": delta["label"]})
            self.counts.set(key, new)
        return []

    @staticmethod
    def _count_hours(
        state: dict[str, Any], hours: dict[str, int], fields: dict[str, Any],
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        trends = []
        for hour in sorted(hours, key=int):
            state, trend = apply_count(state, timestamp=float(hour), count=int(hours[hour]), fields=fields)
            if trend is not None:
                trends.append(trend)
        return state, trends

    def finish_batch(self) -> list[Output]:
        return []

    def take_outcome(self) -> Outcome:
        outcome, self.outcome = self.outcome, Outcome()
        return outcome
