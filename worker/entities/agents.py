"""Mentions per entity: a changelog-backed table fed by news.entities (keyed by entity id)."""

from __future__ import annotations

from typing import Any

import orjson
from faust.types import StreamT, TableT

from worker.app import app, settings
from worker.channels import entities_topic

__all__ = ["entity_mentions", "count_entity_mentions"]

#: Entity id -> {"count": mentions so far, "items": items so far, "name", "type",
#: "offset": the last news.entities offset counted}. The offset makes each update
#: idempotent: an event delivered again after an aborted transaction is not counted twice.
entity_mentions: TableT[str, dict[str, Any]] = app.Table(
    "entity-mentions",
    default=dict,
    partitions=settings.partitions,
    key_type=str,
    help="Mention counts per entity.",
)


@app.agent(entities_topic, concurrency=1)
async def count_entity_mentions(stream: StreamT[bytes]) -> None:
    """Add each item's mentions of an entity to its running count."""
    async for event in stream.events():
        entity = orjson.loads(event.message.value)
        key = entity["entity_id"]
        state = entity_mentions[key]
        if event.message.offset <= state.get("offset", -1):
            continue
        entity_mentions[key] = {
            "count": state.get("count", 0) + len(entity["mentions"]),
            "items": state.get("items", 0) + 1,
            "name": entity["name"],
            "type": entity["type"],
            "offset": event.message.offset,
        }
