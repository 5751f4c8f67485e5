"""Topic counts in hourly windows, fed by the internal topic-hits topic (keyed by IPTC code)."""

from __future__ import annotations

from typing import Any

import orjson
from faust.types import StreamT, TableT

from worker.app import app, settings
from worker.channels import topic_hits_topic
from worker.eos import first_delivery, processing_lock
from worker.state.windows import apply_count, event_time_of

__all__ = ["topic_counts", "count_topics"]

#: IPTC code -> {"total": items so far, "label", "hours": {hour start: items}, "offset"}.
topic_counts: TableT[str, dict[str, Any]] = app.Table(
    "topic-counts",
    default=dict,
    partitions=settings.partitions,
    key_type=str,
    help="Items per IPTC topic in hourly windows.",
)


@app.agent(topic_hits_topic, concurrency=1)
async def count_topics(stream: StreamT[bytes]) -> None:
    """Count items per topic by event time."""
    # Commits wait for this lock, so a commit never separates an event from its table writes.
    lock = processing_lock(app)
    async for event in stream.events():
        async with lock:
            if not first_delivery(app, event):
                continue
            message = event.message
            hit = orjson.loads(message.value)
            state = topic_counts[hit["code"]]
            new, _ = apply_count(
                state, timestamp=event_time_of(hit, message.timestamp), count=1, offset=message.offset,
                fields={"label": hit["label"]},
            )
            if new.get("offset") != state.get("offset"):
                topic_counts[hit["code"]] = new
