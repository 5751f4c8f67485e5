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

import worker.agents as agents_module  # noqa: E402
from worker import channels  # noqa: E402
from worker.agents import app  # noqa: E402
from worker.state.stories import new_story_id  # noqa: E402

Sent = dict[str, list[tuple[bytes | None, dict[str, Any]]]]


@pytest.fixture()
def sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sent]:
    """What the agents hand to each output topic, decoded; the producer itself is not started."""
    captured: Sent = {"enriched": [], "quotes": [], "entities": [], "dlq": [], "topic_hits": [], "trends": []}
    for name in captured:
        topic = getattr(channels, f"{name}_topic")

        async def send(*, key: bytes | None = None, value: bytes, _name: str = name, **_: Any) -> None:
            captured[_name].append((key, orjson.loads(value)))

        monkeypatch.setattr(topic, "send", send)
    # The story index is a set of global tables written through Kafka's partitioner, which needs a
    # started producer; the agents tier keeps the same story logic in a dict instead.
    index: dict[str, str] = {}

    def assign_story(item_id: str, text: str, title: str | None, timestamp: float) -> str:
        return index.setdefault(item_id, new_story_id(item_id))

    monkeypatch.setattr(agents_module, "assign_story", assign_story)
    app.finalize()
    app.flow_control.resume()
    yield captured
