"""Mentions per entity: counts, hourly windows and trends, fed by news.entities (keyed by entity id)."""

from __future__ import annotations

from typing import Any

import orjson
from faust.types import StreamT, TableT

from worker.app import app, settings
from worker.channels import entities_topic, trends_topic
from worker.codec import encode
from worker.eos import first_delivery, processing_lock
from worker.metrics import EVENTS_PUBLISHED
from worker.state.windows import apply_count, event_time_of

__all__ = ["entity_mentions", "count_entity_mentions", "LATEST_ITEMS_KEPT"]

LATEST_ITEMS_KEPT = 10
_PUBLISHED_TRENDS = EVENTS_PUBLISHED.labels("trends")

#: Entity id -> {"total": mentions so far, "items": items so far, "name", "type", "aliases",
#: "latest": newest item ids, "hours": {hour start: mentions}, trend baseline, "offset": the last
#: news.entities offset applied, so that an event delivered again is not counted twice}.
entity_mentions: TableT[str, dict[str, Any]] = app.Table(
    "entity-mentions",
    default=dict,
    partitions=settings.partitions,
    key_type=str,
    help="Mention counts, hourly windows and trend baselines per entity.",
)


@app.agent(entities_topic, concurrency=1)
async def count_entity_mentions(stream: StreamT[bytes]) -> None:
    """Count each item's mentions of an entity by event time; publish a trend when the hour spikes."""
    # Commits wait for this lock, so a commit never separates an event from its table writes.
    lock = processing_lock(app)
    async for event in stream.events():
        async with lock:
            if not first_delivery(app, event):
                continue
            message = event.message
            entity = orjson.loads(message.value)
            key = entity["entity_id"]
            state = entity_mentions[key]
            aliases = list(dict.fromkeys([*state.get("aliases", []), *entity["aliases"]]))[-20:]
            latest = [entity["item_id"], *[i for i in state.get("latest", []) if i != entity["item_id"]]]
            new, trend = apply_count(
                state,
                timestamp=event_time_of(entity, message.timestamp),
                count=len(entity["mentions"]),
                offset=message.offset,
                fields={
                    "name": entity["name"], "type": entity["type"], "aliases": aliases,
                    "latest": latest[:LATEST_ITEMS_KEPT], "items": int(state.get("items", 0)) + 1,
                },
            )
            if new.get("offset") == state.get("offset"):
                continue  # already applied before an aborted transaction
            entity_mentions[key] = new
            if trend is not None:
                record = {
                    "schema": "trend.v1", "entity_id": key, "name": entity["name"], "type": entity["type"], **trend,
                }
                await trends_topic.send(key=key.encode("utf-8"), value=encode(record))
                _PUBLISHED_TRENDS.inc()
