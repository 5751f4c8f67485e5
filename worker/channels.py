"""The Kafka topics newsworker reads and writes, declared once on the app.

Every topic carries raw bytes: events are encoded with orjson by the code
that builds them, so what goes on the wire is exactly what the JSON Schemas
describe, with no serializer metadata added.
"""

from __future__ import annotations

import faust

from worker.app import app, settings

__all__ = [
    "raw_topic", "enriched_topic", "quotes_topic", "entities_topic", "trends_topic", "dlq_topic", "topic_hits_topic",
    "story_queue_topic", "internal_topics", "STORY_PARTITIONS",
]

#: The story index is one partition: every item must be compared with every recent item.
STORY_PARTITIONS = 1


def _bytes_topic(name: str, partitions: int = settings.partitions) -> faust.TopicT:
    return app.topic(
        name,
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=partitions,
    )


raw_topic = _bytes_topic(settings.topics.raw)
enriched_topic = _bytes_topic(settings.topics.enriched)
quotes_topic = _bytes_topic(settings.topics.quotes)
entities_topic = _bytes_topic(settings.topics.entities)
trends_topic = _bytes_topic(settings.topics.trends)
dlq_topic = _bytes_topic(settings.topics.dlq)
#: Internal: one record per IPTC topic per item, keyed by topic code, so topic counts are co-partitioned.
topic_hits_topic = _bytes_topic(f"{settings.app_id}-topic-hits")
#: Internal: enriched items with their MinHash signatures, waiting for a story id and publication.
story_queue_topic = _bytes_topic(f"{settings.app_id}-story-queue", partitions=STORY_PARTITIONS)


def internal_topics() -> dict[str, int]:
    """Internal topics (not tables' changelogs) by name, with their partition counts."""
    return {
        topic_hits_topic.get_topic_name(): settings.partitions,
        story_queue_topic.get_topic_name(): STORY_PARTITIONS,
    }
