from __future__ import annotations

import base64
from datetime import UTC, datetime

import orjson

from tests.agents.conftest import Sent, new_assignment, publish_queued
from tests.conftest import assert_valid
from worker import metrics
from worker.agents import enrich_items, seen_ids
from worker.entities.agents import count_entity_mentions, entity_mentions
from worker.quotes.agents import count_speaker_quotes, speaker_quotes
from worker.state.stories_state import stories


def _count(counter: object, **labels: str) -> float:
    metric = counter.labels(**labels) if labels else counter  # type: ignore[attr-defined]
    return float(metric._value.get())


async def test_valid_item_is_enriched_once_and_duplicate_skipped(sent: Sent, seed_text: str) -> None:
    before_dup = _count(metrics.ITEMS_DUPLICATE)
    item = orjson.dumps({"id": "agent-seed", "body": seed_text, "source": "zakon.kz"})
    async with enrich_items.test_context() as agent:
        await agent.put(item, key=b"agent-seed")
        await agent.put(item, key=b"agent-seed")
    await publish_queued(sent)
    assert [key for key, _ in sent["enriched"]] == [b"agent-seed"]
    event = sent["enriched"][0][1]
    assert_valid("enriched-news.v1.json", event)
    assert event["source"] == "zakon.kz"
    assert seen_ids["agent-seed"] == [0, 0]
    assert _count(metrics.ITEMS_DUPLICATE) == before_dup + 1
    assert sent["dlq"] == []
    for _, quote in sent["quotes"]:
        assert_valid("quote.v1.json", quote)
    for key, entity in sent["entities"]:
        assert_valid("entity.v1.json", entity)
        assert key == entity["entity_id"].encode()


async def test_bad_messages_go_to_the_dead_letter_topic_with_their_bytes(sent: Sent) -> None:
    bad = {
        b"k-json": b"{oops",
        b"k-utf8": b'{"id":"x","body":"\xff"}',
        b"k-schema": b'{"id":"x"}',
        b"k-array": b"[]",
    }
    before = _count(metrics.ITEMS_DEAD_LETTERED, reason="not_json")
    async with enrich_items.test_context() as agent:
        for key, value in bad.items():
            await agent.put(value, key=key)
    assert sent["enriched"] == []
    reasons = {key: letter["reason"] for key, letter in sent["dlq"]}
    assert reasons == {
        b"k-json": "not_json", b"k-utf8": "invalid_utf8", b"k-schema": "schema", b"k-array": "not_object",
    }
    for key, letter in sent["dlq"]:
        assert_valid("dead-letter.v1.json", letter)
        assert base64.b64decode(letter["value_b64"]) == bad[key]
        assert base64.b64decode(letter["key_b64"]) == key
    assert _count(metrics.ITEMS_DEAD_LETTERED, reason="not_json") == before + 1


async def test_extractor_crash_is_dead_lettered_and_the_stream_goes_on(sent: Sent, monkeypatch: object) -> None:
    import worker.agents as agents_module

    real_enrich = agents_module.enrich

    def poisoned(item: dict[str, object]) -> dict[str, object]:
        if item["id"] == "poison":
            raise ValueError("extractor blew up")
        return real_enrich(item)

    monkeypatch.setattr(agents_module, "enrich", poisoned)  # type: ignore[attr-defined]
    async with enrich_items.test_context() as agent:
        await agent.put(orjson.dumps({"id": "poison", "body": "x"}), key=b"poison")
        await agent.put(orjson.dumps({"id": "after-poison", "body": "Астанада жиын өтті."}), key=b"after-poison")
    await publish_queued(sent)
    assert [letter["reason"] for _, letter in sent["dlq"]] == ["extractor_error"]
    detail = sent["dlq"][0][1]["detail"]
    assert "ValueError: extractor blew up" in detail and "in poisoned" in detail
    assert sent["dlq"][0][1]["item_id"] == "poison"
    assert [key for key, _ in sent["enriched"]] == [b"after-poison"]


async def test_speaker_table_counts_quotes_per_speaker(sent: Sent) -> None:
    quote = {
        "schema": "quote.v1", "item_id": "i1", "published_at": None, "text": "Біз дайынбыз", "field": "body",
        "start": 2, "end": 14, "cue": "деді", "cue_lemma": "де", "confidence": 0.9, "language": "kk",
        "speaker": {"mention": "Президент", "name": "Қасым-Жомарт Тоқаев", "entity_id": "Q1366279"},
    }
    async with count_speaker_quotes.test_context() as agent:
        await agent.put(orjson.dumps(quote), key=b"Q1366279")
        await agent.put(orjson.dumps({**quote, "item_id": "i2"}), key=b"Q1366279")
        await agent.put(orjson.dumps({**quote, "speaker": None}), key=b"i3")
    state = speaker_quotes["Q1366279"]
    assert state["count"] == 2
    assert [q["item_id"] for q in state["latest"]] == ["i2", "i1"]
    assert state["name"] == "Қасым-Жомарт Тоқаев"


async def test_entity_table_counts_mentions(sent: Sent) -> None:
    entity = {
        "schema": "entity.v1", "item_id": "i1", "published_at": None, "entity_id": "Q232", "name": "Қазақстан",
        "type": "GPE", "aliases": ["Қазақстанға"],
        "mentions": [{"text": "Қазақстанға", "field": "body", "start": 0, "end": 11}] * 3,
    }
    async with count_entity_mentions.test_context() as agent:
        await agent.put(orjson.dumps(entity), key=b"Q232")
        await agent.put(orjson.dumps(entity), key=b"Q232")
    state = entity_mentions["Q232"]
    assert (state["total"], state["items"], state["name"], state["type"]) == (6, 2, "Қазақстан", "GPE")
    assert state["offset"] == 1


async def test_a_redelivered_event_is_not_counted_twice(sent: Sent) -> None:
    """After an aborted transaction Kafka delivers the same offsets again; the local store kept the first count."""
    entity = {
        "schema": "entity.v1", "item_id": "i9", "published_at": None, "entity_id": "Q159", "name": "Ресей",
        "type": "GPE", "aliases": ["Ресей"], "mentions": [{"text": "Ресей", "field": "body", "start": 0, "end": 5}],
    }
    async with count_entity_mentions.test_context() as agent:
        await agent.put(orjson.dumps(entity), key=b"Q159")
    new_assignment()
    async with count_entity_mentions.test_context() as agent:  # offsets start again at 0
        await agent.put(orjson.dumps(entity), key=b"Q159")
    assert entity_mentions["Q159"]["total"] == 1


async def test_an_hour_that_spikes_publishes_one_trend(sent: Sent) -> None:
    base = 1_780_000_000 // 3600 * 3600
    entity = {
        "schema": "entity.v1", "item_id": "t", "published_at": None, "entity_id": "nw:spiky", "name": "Спайк",
        "type": "ORG", "aliases": ["Спайк"], "mentions": [{"text": "Спайк", "field": "body", "start": 0, "end": 5}],
    }
    async with count_entity_mentions.test_context() as agent:
        for hour in range(6):  # a quiet baseline: one mention an hour
            await agent.put(orjson.dumps({**entity, "item_id": f"q{hour}"}), key=b"nw:spiky",
                            timestamp=base + hour * 3600 + 60)
        for number in range(12):  # then twelve in one hour
            await agent.put(orjson.dumps({**entity, "item_id": f"s{number}"}), key=b"nw:spiky",
                            timestamp=base + 6 * 3600 + 60 + number)
    trends = [event for key, event in sent["trends"] if key == b"nw:spiky"]
    assert len(trends) == 1
    assert trends[0]["window_start"] == base + 6 * 3600
    assert trends[0]["count"] >= 5 and trends[0]["score"] >= 3
    state = entity_mentions["nw:spiky"]
    assert state["hours"][str(base + 6 * 3600)] == 12


async def test_old_news_carries_its_event_time_in_the_payload_not_the_kafka_timestamp(sent: Sent) -> None:
    # With a 2020 Kafka timestamp, a topic's time-based retention deletes a record as soon as it is written.
    published = "2020-01-25T04:15:00Z"
    item = {"id": "old", "published_at": published, "title": "Тоқаев Мәскеуде",
            "body": "Қасым-Жомарт Тоқаев Мәскеуде Михаил Мишустинмен кездесті. Экономика туралы айтты."}
    async with enrich_items.test_context() as agent:
        await agent.put(orjson.dumps(item), key=b"old")
    await publish_queued(sent)
    expected = datetime(2020, 1, 25, 4, 15, tzinfo=UTC).timestamp()
    assert sent["entities"] and sent["topic_hits"]
    assert all(event["event_time"] == expected for _, event in sent["entities"] + sent["topic_hits"])
    for _, event in sent["entities"]:
        assert_valid("entity.v1.json", event)
    assert [ts for _, ts in sent["timestamps"]] == [None] * len(sent["timestamps"])


async def test_windows_count_by_the_payloads_event_time(sent: Sent) -> None:
    base = 1_780_000_000 // 3600 * 3600
    entity = {
        "schema": "entity.v1", "item_id": "e", "published_at": None, "event_time": base + 7200 + 5,
        "entity_id": "nw:evt", "name": "Оқиға", "type": "ORG", "aliases": ["Оқиға"],
        "mentions": [{"text": "Оқиға", "field": "body", "start": 0, "end": 5}],
    }
    async with count_entity_mentions.test_context() as agent:
        await agent.put(orjson.dumps(entity), key=b"nw:evt", timestamp=base + 10)
    assert entity_mentions["nw:evt"]["hours"] == {str(base + 7200): 1}


async def test_topic_counts_by_event_hour(sent: Sent) -> None:
    from worker.topics.agents import count_topics, topic_counts

    base = 1_780_000_000 // 3600 * 3600
    hit = {"code": "medtop:15000000", "label": "sport", "item_id": "x"}
    async with count_topics.test_context() as agent:
        await agent.put(orjson.dumps(hit), key=b"medtop:15000000", timestamp=base + 10)
        await agent.put(orjson.dumps(hit), key=b"medtop:15000000", timestamp=base + 20)
        await agent.put(orjson.dumps(hit), key=b"medtop:15000000", timestamp=base + 3600 + 5)
    state = topic_counts["medtop:15000000"]
    assert state["hours"] == {str(base): 2, str(base + 3600): 1}
    assert state["label"] == "sport" and state["total"] == 3


async def test_the_same_input_message_again_is_reprocessed_not_a_duplicate(sent: Sent) -> None:
    item = orjson.dumps({"id": "redelivered", "body": "Астанада жиын өтті."})
    async with enrich_items.test_context() as agent:
        await agent.put(item, key=b"redelivered", partition=1)
    new_assignment()
    async with enrich_items.test_context() as agent:  # the same partition and offset: a redelivery
        await agent.put(item, key=b"redelivered", partition=1)
    await publish_queued(sent)
    assert [key for key, _ in sent["enriched"]] == [b"redelivered", b"redelivered"]
    assert seen_ids["redelivered"] == [1, 0]


async def test_near_duplicates_get_one_story_and_a_replay_changes_nothing(sent: Sent, seed_text: str) -> None:
    edited = seed_text.replace("Мемлекет басшысы", "Президент", 1) + "\nТолығырақ сайтта."
    items = {b"story-1": seed_text, b"story-2": edited, b"story-3": "Алматыда жаңа саябақ ашылды. Тұрғындар қуанышты."}
    async with enrich_items.test_context() as agent:
        for key, body in items.items():
            await agent.put(orjson.dumps({"id": key.decode(), "body": body}), key=key)
    queued = list(sent["story_queue"])
    await publish_queued(sent)
    story = {key: event["story_id"] for key, event in sent["enriched"]}
    assert story[b"story-1"] == story[b"story-2"] != story[b"story-3"]
    for _, event in sent["enriched"]:
        assert_valid("enriched-news.v1.json", event)
    # Earlier tests in this module may have put the seed in the same story already.
    listed = [entry[0] for entry in stories[story[b"story-1"]]["items"]]
    assert {"story-1", "story-2"} <= set(listed) and "story-3" not in listed
    count = stories[story[b"story-1"]]["count"]
    assert count == len(listed)

    # An aborted transaction makes Kafka deliver the queue again; the local store kept the first writes.
    sent["story_queue"][:] = queued
    await publish_queued(sent)
    assert {key: event["story_id"] for key, event in sent["enriched"][3:]} == story
    assert stories[story[b"story-1"]]["count"] == count
    assert [entry[0] for entry in stories[story[b"story-1"]]["items"]] == listed
