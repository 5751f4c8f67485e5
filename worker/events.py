"""Every event newsworker publishes besides the enriched item, built in one place.

Quote and entity events (public), trend events (public), and the internal
records of the runtime: per-batch count deltas and story index entries.
Pure: no faust or Kafka import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from worker.state.windows import hour_of

__all__ = [
    "quote_events", "entity_events", "trend_event", "CountDeltas", "ENTITY", "SPEAKER", "TOPIC", "LATEST_KEPT",
]

#: Kinds of count delta, the prefix of their keys on the internal counts topic.
ENTITY, SPEAKER, TOPIC = "e", "s", "t"
#: Newest items (entities) or quotes (speakers) a delta carries at most.
LATEST_KEPT = 20


def _with_item(
    records: Iterable[dict[str, Any]], schema: str, event: dict[str, Any], event_time: float | None,
) -> list[dict[str, Any]]:
    item: dict[str, Any] = {"schema": schema, "item_id": event["id"], "published_at": event["published_at"]}
    if event_time is not None:
        item["event_time"] = event_time
    return [{**item, **record} for record in records]


def quote_events(event: dict[str, Any], event_time: float | None = None) -> list[tuple[str, dict[str, Any]]]:
    """(key, quote.v1 event) for each quote: keyed by the speaker's entity id, else the item id."""
    keyed = []
    for record in _with_item(event["quotes"], "quote.v1", event, event_time):
        speaker = record["speaker"]
        key = speaker["entity_id"] if speaker and speaker["entity_id"] else event["id"]
        keyed.append((key, record))
    return keyed


def entity_events(event: dict[str, Any], event_time: float | None = None) -> list[tuple[str, dict[str, Any]]]:
    """(key, entity.v1 event) for each entity of the item, keyed by entity id."""
    return [(record["entity_id"], record) for record in _with_item(event["entities"], "entity.v1", event, event_time)]


def trend_event(key: str, state: Mapping[str, Any], trend: Mapping[str, Any]) -> dict[str, Any]:
    """The trend.v1 event of an entity whose hour spiked."""
    return {"schema": "trend.v1", "entity_id": key, "name": state.get("name"), "type": state.get("type"), **trend}


@dataclass(slots=True)
class CountDeltas:
    """What one batch adds to the counting tables, one delta per key.

    Keys are ``"<kind>:<id>"``; the counting stage owns each key's partition. A
    batch of 64 items names the country and the president in most of its items:
    one delta each instead of one event per mention.
    """

    deltas: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add_item(self, event: Mapping[str, Any], event_time: float) -> None:
        hour = str(hour_of(event_time))
        item_id = event["id"]
        deltas = self.deltas
        for entity in event["entities"]:
            key = f"{ENTITY}:{entity['entity_id']}"
            delta = deltas.get(key)
            if delta is None:
                delta = deltas[key] = {"kind": ENTITY, "id": entity["entity_id"], "hours": {}, "items": [],
                                       "aliases": {}}
            delta["name"], delta["type"] = entity["name"], entity["type"]
            hours = delta["hours"]
            hours[hour] = hours.get(hour, 0) + len(entity["mentions"])
            delta["items"].append(item_id)
            delta["aliases"].update(dict.fromkeys(entity["aliases"]))
        for quote in event["quotes"]:
            speaker = quote.get("speaker") or {}
            speaker_id = speaker.get("entity_id")
            if not speaker_id:
                continue
            key = f"{SPEAKER}:{speaker_id}"
            delta = deltas.get(key)
            if delta is None:
                delta = deltas[key] = {"kind": SPEAKER, "id": speaker_id, "quotes": [], "count": 0}
            delta["name"] = speaker.get("name")
            delta["quotes"].append(
                {"item_id": item_id, "text": quote["text"], "published_at": event.get("published_at")})
            delta["count"] += 1
        for topic in event["topics"]:
            key = f"{TOPIC}:{topic['code']}"
            delta = deltas.get(key)
            if delta is None:
                delta = deltas[key] = {"kind": TOPIC, "id": topic["code"], "hours": {}}
            delta["label"] = topic["label"]
            delta["hours"][hour] = delta["hours"].get(hour, 0) + 1

    def records(self) -> list[tuple[str, dict[str, Any]]]:
        """Each key's delta, its lists cut to the newest ``LATEST_KEPT``."""
        out = []
        for key, delta in self.deltas.items():
            if "items" in delta:
                delta = {**delta, "items": delta["items"][-LATEST_KEPT:],
                         "aliases": list(delta["aliases"])[-LATEST_KEPT:]}
            elif "quotes" in delta:
                delta = {**delta, "quotes": delta["quotes"][-LATEST_KEPT:]}
            out.append((key, delta))
        return out

    def __len__(self) -> int:
        return len(self.deltas)
