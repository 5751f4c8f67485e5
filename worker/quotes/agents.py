"""Quotes per speaker: a changelog-backed table fed by news.quotes (keyed by speaker id)."""

from __future__ import annotations

from typing import Any

import orjson
from faust.types import StreamT, TableT

from worker.app import app, settings
from worker.channels import quotes_topic
from worker.eos import first_delivery, processing_lock

__all__ = ["speaker_quotes", "count_speaker_quotes", "LATEST_QUOTES_KEPT"]

LATEST_QUOTES_KEPT = 20

#: Speaker entity id -> {"count": quotes so far, "name": canonical name, "latest": newest quotes first,
#: "offset": the last news.quotes offset counted, so that redelivered events are not counted twice}.
speaker_quotes: TableT[str, dict[str, Any]] = app.Table(
    "speaker-quotes",
    default=dict,
    partitions=settings.partitions,
    key_type=str,
    help="Quote count and latest quotes per speaker.",
)


@app.agent(quotes_topic, concurrency=1)
async def count_speaker_quotes(stream: StreamT[bytes]) -> None:
    """Keep each resolved speaker's count and latest quotes."""
    # Commits wait for this lock, so a commit never separates an event from its table writes.
    lock = processing_lock(app)
    async for event in stream.events():
        async with lock:
            if not first_delivery(app, event):
                continue
            quote = orjson.loads(event.message.value)
            speaker = quote.get("speaker") or {}
            speaker_id = speaker.get("entity_id")
            if not speaker_id:
                continue
            state = speaker_quotes[speaker_id]
            if event.message.offset <= state.get("offset", -1):
                continue
            latest = [
                {"item_id": quote["item_id"], "text": quote["text"], "published_at": quote.get("published_at")},
                *state.get("latest", []),
            ][:LATEST_QUOTES_KEPT]
            speaker_quotes[speaker_id] = {
                "count": state.get("count", 0) + 1,
                "name": speaker.get("name"),
                "latest": latest,
                "offset": event.message.offset,
            }
