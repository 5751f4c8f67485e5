"""Mentions per entity: a changelog-backed table fed by news.entities (keyed by entity id)."""

from __future__ import annotations

import orjson
from faust.types import StreamT, TableT

from worker.app import app, settings
from worker.channels import entities_topic

__all__ = ["entity_mentions", "count_entity_mentions"]

#: Entity id -> mentions counted across all items so far.
entity_mentions: TableT[str, int] = app.Table(
    "entity-mentions",
    default=int,
    partitions=settings.partitions,
    key_type=str,
    value_type=int,
    help="Mention counts per entity.",
)


@app.agent(entities_topic, concurrency=1)
async def count_entity_mentions(stream: StreamT[bytes]) -> None:
    """Add each item's mentions of an entity to its running count."""
    async for event in stream.events():
        entity = orjson.loads(event.message.value)
        entity_mentions[entity["entity_id"]] += len(entity["mentions"])
