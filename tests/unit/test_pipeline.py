from __future__ import annotations

from pathlib import Path

import orjson

from tests.conftest import ROOT, assert_valid
from worker.events import entity_events, quote_events
from worker.pipeline import enrich

SAMPLES = ROOT / "samples" / "news.jsonl"


def _samples() -> list[dict[str, object]]:
    return [orjson.loads(line) for line in Path(SAMPLES).read_bytes().splitlines() if line.strip()]


def test_seed_gives_a_schema_valid_event(seed_text: str) -> None:
    event = enrich({"id": "seed", "body": seed_text})
    assert_valid("enriched-news.v1.json", event)
    assert event["id"] == "seed"
    assert event["language"] == "kk"
    assert event["language_source"] == "detected"
    assert event["body"] == seed_text


def test_every_sample_enriches_to_valid_events() -> None:
    samples = _samples()
    assert len(samples) >= 8
    languages = set()
    for item in samples:
        event = enrich(item)
        assert_valid("enriched-news.v1.json", event)
        languages.add(event["language"])
        for _, quote in quote_events(event):
            assert_valid("quote.v1.json", quote)
        for key, entity in entity_events(event):
            assert_valid("entity.v1.json", entity)
            assert key == entity["entity_id"]
    assert {"kk", "ru", "en"} <= languages


def test_offsets_point_into_their_field(seed_text: str) -> None:
    item = {"id": "o", "title": "Тоқаев Мишустинмен кездесті", "body": seed_text}
    event = enrich(item)
    for quote in event["quotes"]:
        assert 0 <= quote["start"] < quote["end"] <= len(item[quote["field"]])
    for entity in event["entities"]:
        for mention in entity["mentions"]:
            assert item[mention["field"]][mention["start"]:mention["end"]] == mention["text"]


def test_unknown_fields_pass_through_under_extra() -> None:
    event = enrich({"id": "e1", "body": "Hello from Astana.", "tags": ["a"], "rank": 3})
    assert event["extra"] == {"tags": ["a"], "rank": 3}
    assert_valid("enriched-news.v1.json", event)


def test_given_language_wins_and_is_normalized() -> None:
    event = enrich({"id": "l1", "body": "Short text.", "language": "kk-Cyrl-KZ"})
    assert event["language"] == "kk"
    assert event["language_source"] == "item"


def test_uncovered_language_is_still_enriched() -> None:
    event = enrich({"id": "ja1", "title": "東京で会議", "body": "日本の首相は本日、東京で記者会見を開いた。"})
    assert event["language"] == "ja"
    assert_valid("enriched-news.v1.json", event)


def test_seed_quotes_and_entities_match_the_gold_file(seed_text: str, seed_gold: dict[str, object]) -> None:
    """The whole pipeline, not the extractors alone: speakers carry the ids the entity layer gives."""
    event = enrich({"id": "seed", "body": seed_text})
    gold_quotes = seed_gold["quotes"]
    assert isinstance(gold_quotes, list)
    assert [q["text"] for q in event["quotes"]] == [g["text"] for g in gold_quotes]
    assert [q["speaker"]["name"] for q in event["quotes"]] == [g["speaker"] for g in gold_quotes]
    assert [q["speaker"]["mention"] for q in event["quotes"]] == [g["speaker_mention"] for g in gold_quotes]
    entity_ids = {e["name"]: e["entity_id"] for e in event["entities"]}
    for quote in event["quotes"]:
        assert quote["speaker"]["entity_id"] == entity_ids[quote["speaker"]["name"]]
    gold_entities = seed_gold["entities"]
    assert isinstance(gold_entities, list)
    found = {(e["name"], e["type"]) for e in event["entities"]}
    assert {(g["name"], g["type"]) for g in gold_entities} <= found
    assert event["topics"][0]["code"] == "medtop:11000000"
