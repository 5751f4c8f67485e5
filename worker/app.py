"""Builds the Faust application from the settings the command line gives it, and nothing else.

Faust is the application: its worker runs the lifecycle (start, signals, stop), its web server
serves /metrics, the health checks and the query API, and it hosts the stream runtime
(worker/runtime) as a service. Faust's own Kafka consumer, producer and tables are not started:
the runtime consumes and produces through aiokafka's public API, in batches, one transaction per
input partition.
"""

from __future__ import annotations

import faust
from faust.app.base import BootStrategy
from faust.types.auth import CredentialsT

from worker.api.security import web_options
from worker.settings import Settings

__all__ = ["create_app", "NewsworkerApp"]


class WebAndServicesOnly(BootStrategy):
    """Start the web server and the app's services; no Faust consumer, producer, agents or tables."""

    enable_kafka = False


class NewsworkerApp(faust.App):
    BootStrategy = WebAndServicesOnly


def create_app(config: Settings, credentials: CredentialsT | None = None) -> faust.App:
    """A Faust app configured from ``config``; ``credentials`` from :func:`worker.kafka_clients.client_config`."""
    return NewsworkerApp(
        config.app_id,
        broker=config.broker_url,
        broker_credentials=credentials,
        store="memory://",
        datadir=str(config.data_dir / "faust"),
        web_host=config.web_host,
        web_port=config.web_port,
        web_bind=config.web_host,
        canonical_url=config.web_url,
        autodiscover=False,
        origin="worker",
        # The security middleware (token, headers, JSON refusals) sits in front of every route.
        web_application_options=web_options(config.api_token),
        # Faust's /router and /table views are not used (routes.py routes keys itself), and the
        # first tells anyone the URL of every worker: serve neither.
        web_router_enabled=False,
        web_tables_enabled=False,
    )
