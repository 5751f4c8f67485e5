"""Every Prometheus metric newsworker exports, defined once, labels initialised up front.

Names follow Prometheus conventions: seconds for time, _total for counters.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

from worker.errors import DecodeReason

__all__ = [
    "ITEMS_CONSUMED",
    "ITEMS_ENRICHED",
    "ITEMS_DEAD_LETTERED",
    "ITEMS_DUPLICATE",
    "STAGE_SECONDS",
    "END_TO_END_SECONDS",
    "QUOTES_EXTRACTED",
    "ENTITIES_EXTRACTED",
    "TOPICS_ASSIGNED",
    "EVENTS_PUBLISHED",
    "WORKER_INFO",
    "CONSUMER_LAG",
    "REBALANCES",
    "TABLE_KEYS",
    "ASSIGNED_PARTITIONS",
    "PROCESSING_ERRORS",
    "STAGES",
    "BATCH_ITEMS",
]

STAGES = ("decode", "language", "entities", "quotes", "topics", "enrich", "signature", "story", "publish")

ITEMS_CONSUMED = Counter("newsworker_items_consumed_total", "Messages read from the input topic.")
ITEMS_ENRICHED = Counter("newsworker_items_enriched_total", "Items enriched and published.")
ITEMS_DEAD_LETTERED = Counter(
    "newsworker_items_dead_lettered_total", "Messages sent to the dead-letter topic, by reason.", ["reason"]
)
ITEMS_DUPLICATE = Counter(
    "newsworker_items_duplicate_total", "Items skipped because their id was seen before."
)
STAGE_SECONDS = Histogram(
    "newsworker_stage_seconds",
    "Time spent in each processing stage per item.",
    ["stage"],
    buckets=(0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0),
)
END_TO_END_SECONDS = Histogram(
    "newsworker_end_to_end_latency_seconds",
    "From the input message's Kafka timestamp to the enriched event being handed to the producer.",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
)
QUOTES_EXTRACTED = Counter("newsworker_quotes_extracted_total", "Direct quotes found.", ["language"])
ENTITIES_EXTRACTED = Counter("newsworker_entities_extracted_total", "Entities found, by type.", ["type"])
TOPICS_ASSIGNED = Counter("newsworker_topics_assigned_total", "Topics assigned to items.")
EVENTS_PUBLISHED = Counter(
    "newsworker_events_published_total", "Events handed to the producer, by output.", ["output"]
)
BATCH_ITEMS = Histogram(
    "newsworker_batch_items",
    "Input messages per committed batch of one partition (the runtime's transaction).",
    buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256, 512),
)
CONSUMER_LAG = Gauge(
    "newsworker_consumer_lag_messages",
    "Messages on the input topic not yet processed, per partition this worker owns.",
    ["topic", "partition"],
)
REBALANCES = Counter("newsworker_rebalances_total", "Consumer group rebalances this worker took part in.")
TABLE_KEYS = Gauge("newsworker_table_keys", "Keys held in each table's local partitions.", ["table"])
ASSIGNED_PARTITIONS = Gauge("newsworker_assigned_partitions", "Input topic partitions assigned to this worker.")
PROCESSING_ERRORS = Counter(
    "newsworker_processing_errors_total",
    "Unexpected errors while processing an item (the item is dead-lettered and the stream goes on).",
    ["stage"],
)
WORKER_INFO = Gauge(
    "newsworker_info",
    "Always 1; labels describe the running worker (entities: compiled or python modules).",
    ["version", "guarantee", "entities"],
)

for _reason in DecodeReason:
    ITEMS_DEAD_LETTERED.labels(_reason.value)
for _stage in STAGES:
    STAGE_SECONDS.labels(_stage)
for _language in ("kk", "ru", "en"):
    QUOTES_EXTRACTED.labels(_language)
for _type in ("PERSON", "ORG", "GPE", "LOC"):
    ENTITIES_EXTRACTED.labels(_type)
for _stage in ("enrich", "publish", "table"):
    PROCESSING_ERRORS.labels(_stage)
for _output in ("enriched", "quotes", "entities", "dlq", "trends"):
    EVENTS_PUBLISHED.labels(_output)
