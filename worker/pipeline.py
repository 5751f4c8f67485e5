"""enrich(item) -> enriched event: the one pure entry point the CLI and the agents share.

Extraction order follows the data: entities first, because quotes resolve
their speakers against the item's people, then topics, which may use both.
"""

from __future__ import annotations

from typing import Any

from worker.codec import NewsItem, utc_now_iso
from worker.entities.extract import extract_entities
from worker.metrics import (
    ENTITIES_EXTRACTED,
    QUOTES_EXTRACTED,
    STAGE_SECONDS,
    TOPICS_ASSIGNED,
)
from worker.model import Entity, Quote, Topic
from worker.quotes.extract import extract_quotes
from worker.text.language import UNDETERMINED, detect_language, normalize_language_tag
from worker.topics.extract import classify_topics

__all__ = ["enrich", "warm_up", "KNOWN_FIELDS"]

#: Input fields the enriched event carries at its top level; others go under "extra".
KNOWN_FIELDS = ("id", "title", "body", "url", "source", "language", "published_at")

_STAGE_LANGUAGE = STAGE_SECONDS.labels("language")
_STAGE_ENTITIES = STAGE_SECONDS.labels("entities")
_STAGE_QUOTES = STAGE_SECONDS.labels("quotes")
_STAGE_TOPICS = STAGE_SECONDS.labels("topics")


def _entity_dict(entity: Entity) -> dict[str, Any]:
    return {
        "entity_id": entity.entity_id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "mentions": [
            {"text": m.text, "field": m.field, "start": m.start, "end": m.end} for m in entity.mentions
        ],
    }


def _quote_dict(quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "text": quote.text,
        "field": quote.field,
        "start": quote.start,
        "end": quote.end,
        "cue": quote.cue,
        "cue_lemma": quote.cue_lemma,
        "speaker": None
        if speaker is None
        else {"mention": speaker.mention, "name": speaker.name, "entity_id": speaker.entity_id},
        "confidence": round(quote.confidence, 4),
        "language": quote.language,
    }


def _topic_dict(topic: Topic) -> dict[str, Any]:
    return {"code": topic.code, "label": topic.label, "score": round(topic.score, 4)}


def _language_of(item: NewsItem, fields: dict[str, str]) -> tuple[str, str]:
    given = item.get("language")
    if given:
        return normalize_language_tag(given), "item"
    with _STAGE_LANGUAGE.time():
        sample = f"{fields.get('title', '')}\n{fields.get('body', '')}"
        return detect_language(sample), "detected"


def enrich(item: NewsItem) -> dict[str, Any]:
    """The enriched-news.v1 event for a valid item. Never drops an item for its language."""
    fields = {name: item[name] for name in ("title", "body") if isinstance(item.get(name), str)}
    language, language_source = _language_of(item, fields)

    with _STAGE_ENTITIES.time():
        entities = extract_entities(fields, language)
    with _STAGE_QUOTES.time():
        quotes = extract_quotes(fields, language, entities)
    with _STAGE_TOPICS.time():
        topics = classify_topics(fields, language, entities)

    for entity in entities:
        ENTITIES_EXTRACTED.labels(entity.type).inc()
    if quotes:
        QUOTES_EXTRACTED.labels(language if language != UNDETERMINED else "und").inc(len(quotes))
    TOPICS_ASSIGNED.inc(len(topics))

    event: dict[str, Any] = {
        "schema": "enriched-news.v1",
        "id": item["id"],
        "language": language,
        "language_source": language_source,
        "title": item.get("title"),
        "body": item["body"],
        "url": item.get("url"),
        "source": item.get("source"),
        "published_at": item.get("published_at"),
        "quotes": [_quote_dict(q) for q in quotes],
        "entities": [_entity_dict(e) for e in entities],
        "topics": [_topic_dict(t) for t in topics],
        "story_id": None,
        "enriched_at": utc_now_iso(),
    }
    extra = {key: value for key, value in item.items() if key not in KNOWN_FIELDS}
    if extra:
        event["extra"] = extra
    return event


_WARM_UP_TEXTS = {
    "kk": "Қасым-Жомарт Тоқаев Астанада кеңес өткізді.\n– Жұмыс жалғасады, – деді Президент.",
    "ru": "Министр Алихан Смаилов заявил в Астане: «Работа продолжится».",
    "en": "President Tokayev said in Astana: \"The work goes on.\"",
}


def warm_up() -> None:
    """Load every model and word list the extractors read lazily, without counting anything in /metrics.

    A worker calls this before it says it is ready, so the first items it takes do not wait for
    the CRF model, the gazetteer and the language identifier to load.
    """
    for language, text in _WARM_UP_TEXTS.items():
        fields = {"body": text}
        detect_language(text)
        entities = extract_entities(fields, language)
        extract_quotes(fields, language, entities)
        classify_topics(fields, language, entities)

