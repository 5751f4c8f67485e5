"""Agent tests: Faust's test_context with a memory store, outputs captured at the topic boundary.

Settings are read when worker.app is imported, so the environment is set here first.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from typing import Any

import orjson
import pytest

os.environ["NEWSWORKER_STORE"] = "memory"
os.environ.setdefault("NEWSWORKER_DATA_DIR", tempfile.mkdtemp(prefix="newsworker-agents-"))

from worker import channels  # noqa: E402
from worker.agents import app, publish_stories  # noqa: E402

Sent = dict[str, list[tuple[bytes | None, dict[str, Any]]]]


@pytest.fixture()
def sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sent]:
    """What the agents hand to each output topic, decoded; the producer itself is not started.

    ``sent["timestamps"]`` lists (topic name, the Kafka timestamp asked for, or None) per send.
    """
    topics = ("enriched", "quotes", "entities", "dlq", "topic_hits", "trends", "story_queue")
    captured: Sent = {name: [] for name in topics}
    timestamps: list[tuple[str, float | None]] = []
    for name in topics:
        topic = getattr(channels, f"{name}_topic")

        async def send(
            *, key: bytes | None = None, value: bytes, timestamp: float | None = None, _name: str = name, **_: Any,
        ) -> None:
            captured[_name].append((key, orjson.loads(value)))
            timestamps.append((_name, timestamp))

        monkeypatch.setattr(topic, "send", send)
    app.finalize()
    app.flow_control.resume()
    new_assignment()
    captured["timestamps"] = timestamps  # type: ignore[assignment]
    yield captured


def new_assignment() -> None:
    """What a rebalance or restart does to the worker's memory of processed offsets.

    Each test_context numbers its messages from offset 0 again; in the worker the same offsets
    come again only after a new assignment (the replay of an aborted transaction).
    """
    app.consumer.last_processed.clear()  # type: ignore[attr-defined]


async def publish_queued(sent: Sent) -> None:
    """Run the story stage over what the enrich stage queued so far, as Kafka would deliver it."""
    queued, sent["story_queue"][:] = list(sent["story_queue"]), []
    new_assignment()
    async with publish_stories.test_context() as agent:
        for key, record in queued:
            await agent.put(orjson.dumps(record), key=key)
