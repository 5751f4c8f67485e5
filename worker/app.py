"""Builds the Faust application from the settings, and nothing else.

Agents, tables and web views live in their domain packages and register
themselves on this app when ``worker.agents`` is imported.
"""

from __future__ import annotations

import asyncio

import faust
from faust.types import ProducerT

from worker import eos
from worker.settings import Settings, load_settings

__all__ = ["app", "settings", "create_app", "NewsworkerApp"]


class NewsworkerApp(faust.App):
    """faust.App whose every send does not pass through the event loop three times."""

    _producer_start_lock: asyncio.Lock | None = None

    async def maybe_start_producer(self) -> ProducerT:
        """The producer (the transaction manager under exactly-once), started once.

        Faust guards this with ``mode``'s ``stampede``, which awaits ``asyncio.sleep(0)`` three
        times on every call, and every ``Topic.send`` and table write calls it. Each item
        publishes some thirty records, so it went through the event loop about a hundred times,
        and every pass woke the producer's sender into a small produce request of its own.
        """
        if self.in_transaction:
            transactions: ProducerT = self.consumer.transactions
            return transactions
        producer = self.producer
        if not producer.started:
            if self._producer_start_lock is None:
                self._producer_start_lock = asyncio.Lock()
            async with self._producer_start_lock:
                await producer.maybe_start()
        return producer


def create_app(config: Settings) -> faust.App:
    """A Faust app configured from ``config``, with newsworker's exactly-once fixes installed."""
    app = NewsworkerApp(
        config.app_id,
        broker=config.broker_url,
        store="rocksdb://" if config.store == "rocksdb" else "memory://",
        datadir=str(config.data_dir / "tables"),
        processing_guarantee=config.processing_guarantee,
        topic_partitions=config.partitions,
        topic_replication_factor=1,
        consumer_auto_offset_reset="earliest",
        web_host=config.web_host,
        web_port=config.web_port,
        web_bind=config.web_host,
        canonical_url=config.web_url,
        # Items are only worth batching for a few milliseconds: latency matters to subscribers.
        producer_linger_ms=5,
        producer_max_batch_size=256 * 1024,
        producer_max_request_size=8 * 1024 * 1024,
        # Faust's default is 20 minutes. Under a broker quota a produce response was seen never to
        # arrive, and the commit waited on it with the processing lock held: the stream stalled.
        # A timed-out request is retried, which the idempotent transactional producer makes safe.
        producer_request_timeout=30.0,
        consumer_max_fetch_size=4 * 1024 * 1024,
        broker_commit_interval=1.0,
        # A killed worker's partitions move to the others after this long, not Faust's default minute.
        broker_session_timeout=15.0,
        broker_heartbeat_interval=3.0,
        table_cleanup_interval=30.0,
        autodiscover=False,
        origin="worker",
    )
    eos.install(app)
    return app


settings = load_settings()
app = create_app(settings)
