"""The stream shell: decode, deduplicate, enrich, assign a story, publish, dead-letter.

Two stages, each exactly once on its own Kafka transaction:

1. ``enrich_items`` (news.raw, one instance per partition set, spread over the
   workers) decodes, skips duplicate ids, runs the extractors and computes the
   item's MinHash signature: all the CPU work. It queues the result on the
   one-partition internal story queue, or dead-letters the message.
2. ``publish_stories`` (the story queue, on whichever worker owns its one
   partition) gives the item its story id against the story index and
   publishes the enriched event, its quotes, entities and topic hits.

Every consumed message has exactly one outcome, counted in /metrics:
enriched, dead-lettered, or skipped as a duplicate id.
"""

from __future__ import annotations

import logging
import time
import traceback
from typing import Any

import orjson
from faust.exceptions import ConsumerNotStarted
from faust.types import EventT, StreamT, TableT

from worker.app import app, settings
from worker.channels import (
    dlq_topic,
    enriched_topic,
    entities_topic,
    quotes_topic,
    raw_topic,
    story_queue_topic,
    topic_hits_topic,
)
from worker.codec import dead_letter, decode_item, encode
from worker.eos import first_delivery, processing_lock
from worker.errors import DecodeError, DecodeReason
from worker.metrics import (
    CONSUMER_LAG,
    END_TO_END_SECONDS,
    EVENTS_PUBLISHED,
    ITEMS_CONSUMED,
    ITEMS_DEAD_LETTERED,
    ITEMS_DUPLICATE,
    ITEMS_ENRICHED,
    PROCESSING_ERRORS,
    STAGE_SECONDS,
)
from worker.pipeline import enrich, entity_events, quote_events
from worker.state.stories import signature
from worker.state.stories_state import assign_story
from worker.state.windows import event_time

__all__ = ["enrich_items", "publish_stories", "seen_ids"]

log = logging.getLogger(__name__)

_STAGE_DECODE = STAGE_SECONDS.labels("decode")
_STAGE_ENRICH = STAGE_SECONDS.labels("enrich")
_STAGE_PUBLISH = STAGE_SECONDS.labels("publish")
_STAGE_SIGNATURE = STAGE_SECONDS.labels("signature")
_STAGE_STORY = STAGE_SECONDS.labels("story")
_PUBLISHED_ENRICHED = EVENTS_PUBLISHED.labels("enriched")
_PUBLISHED_QUOTES = EVENTS_PUBLISHED.labels("quotes")
_PUBLISHED_ENTITIES = EVENTS_PUBLISHED.labels("entities")
_PUBLISHED_DLQ = EVENTS_PUBLISHED.labels("dlq")

#: Item id -> [partition, offset] of the input message that first enriched it.
#: Co-partitioned with the input topic, which producers key by item id.
#:
#: Keeping the message's position rather than a flag is what makes the check
#: safe under exactly-once: the local store keeps writes of a transaction
#: that was later aborted (a rebalance or a crash), and the input message is
#: then delivered again. The same position means "this very message again,
#: its earlier outputs were never committed": it is processed, not skipped.
seen_ids: TableT[str, list[int]] = app.Table(
    "seen-ids",
    partitions=settings.partitions,
    key_type=str,
    help="Input position of the first enrichment of each item id, for skipping duplicates.",
)


def _last_frame(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return type(exc).__name__
    last = frames[-1]
    return f"{last.filename}:{last.lineno} in {last.name}"


async def _dead_letter(event: EventT[Any], reason: DecodeReason, detail: str, item_id: str | None) -> None:
    message = event.message
    letter = dead_letter(
        reason=reason,
        detail=detail,
        key=message.key,
        value=message.value,
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        timestamp=message.timestamp,
        item_id=item_id,
    )
    await dlq_topic.send(key=message.key, value=encode(letter))
    ITEMS_DEAD_LETTERED.labels(reason.value).inc()
    _PUBLISHED_DLQ.inc()
    log.info(
        "dead-lettered: %s",
        reason.value,
        extra={"item_id": item_id, "topic": message.topic, "partition": message.partition,
               "offset": message.offset, "reason": reason.value, "event": "dead_letter"},
    )


async def _process(event: EventT[Any]) -> None:
    message = event.message
    ITEMS_CONSUMED.inc()
    with _STAGE_DECODE.time():
        try:
            item = decode_item(message.value, settings.max_body_bytes)
        except DecodeError as exc:
            await _dead_letter(event, exc.reason, exc.detail, None)
            return

    item_id: str = item["id"]
    position = [message.partition, message.offset]
    first = seen_ids.get(item_id)
    if first is not None and first != position:
        ITEMS_DUPLICATE.inc()
        return

    try:
        with _STAGE_ENRICH.time():
            enriched = enrich(item)
    except Exception as exc:  # noqa: BLE001 - one poison item must not stop the stream
        detail = f"{type(exc).__name__}: {exc} at {_last_frame(exc)}"
        PROCESSING_ERRORS.labels("enrich").inc()
        await _dead_letter(event, DecodeReason.EXTRACTOR_ERROR, detail, item_id)
        log.warning(
            "extractor failed: %s", detail,
            extra={"item_id": item_id, "topic": message.topic, "partition": message.partition,
                   "offset": message.offset, "event": "extractor_error"},
        )
        return

    when = event_time(item.get("published_at"), message.timestamp)
    with _STAGE_SIGNATURE.time():
        sig = signature(f"{item.get('title') or ''}\n{item['body']}")
    queued = {"event": enriched, "sig": sig, "when": when, "received": message.timestamp}
    await story_queue_topic.send(key=item_id.encode("utf-8"), value=encode(queued))
    seen_ids[item_id] = position
    ITEMS_ENRICHED.inc()


async def _publish(event: EventT[Any]) -> None:
    value = event.message.value
    if value is None:
        return  # only this app writes the queue, and never a tombstone
    queued = orjson.loads(value)
    enriched: dict[str, Any] = queued["event"]
    item_id: str = enriched["id"]
    when: float = queued["when"]
    with _STAGE_STORY.time():
        enriched["story_id"] = assign_story(item_id, queued["sig"], enriched.get("title"), when)

    with _STAGE_PUBLISH.time():
        key = item_id.encode("utf-8")
        await enriched_topic.send(key=key, value=encode(enriched))
        _PUBLISHED_ENRICHED.inc()
        # Windows downstream count by the event time in the payload. The records keep the time they
        # are written as their Kafka timestamp: with the item's event time there, time-based retention
        # would delete the events of old news (a backfill) as soon as they were written.
        for quote_key, quote in quote_events(enriched, when):
            await quotes_topic.send(key=quote_key.encode("utf-8"), value=encode(quote))
            _PUBLISHED_QUOTES.inc()
        for entity_key, entity in entity_events(enriched, when):
            await entities_topic.send(key=entity_key.encode("utf-8"), value=encode(entity))
            _PUBLISHED_ENTITIES.inc()
        for topic in enriched["topics"]:
            hit = {"code": topic["code"], "label": topic["label"], "item_id": item_id, "event_time": when}
            await topic_hits_topic.send(key=topic["code"].encode("utf-8"), value=encode(hit))
    END_TO_END_SECONDS.observe(max(0.0, time.time() - float(queued["received"])))


def _record_lag(event: EventT[Any]) -> None:
    message = event.message
    try:
        highwater = app.consumer.highwater(message.tp)
    except ConsumerNotStarted:  # agent tests drive the stream without a Kafka consumer
        return
    if highwater is not None:
        CONSUMER_LAG.labels(message.topic, str(message.partition)).set(max(0, highwater - message.offset - 1))


@app.agent(raw_topic, concurrency=1)
async def enrich_items(stream: StreamT[bytes]) -> None:
    """Enrich every item on the input topic. Writes a table, so one instance per partition set."""
    lock = processing_lock(app)
    async for event in stream.events():
        # Held until the event is acked (synchronously, when the loop asks for the next one),
        # so an offset commit never splits an item's outputs from its input offset.
        async with lock:
            if not first_delivery(app, event):
                continue
            await _process(event)
            _record_lag(event)


@app.agent(story_queue_topic, concurrency=1)
async def publish_stories(stream: StreamT[bytes]) -> None:
    """Give each enriched item its story id and publish it. Writes the story tables: one instance."""
    lock = processing_lock(app)
    async for event in stream.events():
        async with lock:
            if not first_delivery(app, event):
                continue
            await _publish(event)


# Domain agents, web views and operational gauges register themselves on import.
from worker import ops, web  # noqa: E402, F401
from worker.entities import agents as _entity_agents  # noqa: E402, F401
from worker.quotes import agents as _quote_agents  # noqa: E402, F401
from worker.state import web as _state_web  # noqa: E402, F401
from worker.topics import agents as _topic_agents  # noqa: E402, F401
