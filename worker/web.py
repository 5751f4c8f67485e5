"""HTTP endpoints on the worker's web port: Prometheus metrics and health checks."""

from __future__ import annotations

from faust.web import Request, Response, View
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

from worker.app import app

__all__ = ["metrics_page", "live_page", "ready_page"]


@app.page("/metrics")
async def metrics_page(web: View, request: Request) -> Response:
    """Prometheus text exposition of every newsworker metric."""
    return web.bytes(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST.split(";")[0])


@app.page("/health/live")
async def live_page(web: View, request: Request) -> Response:
    """200 while the process serves requests."""
    return web.json({"status": "live"})


@app.page("/health/ready")
async def ready_page(web: View, request: Request) -> Response:
    """200 once partitions are assigned and tables recovered; 503 before."""
    assigned = app.consumer.assignment() if app.consumer is not None else set()
    recovery = getattr(app.tables, "recovery", None)
    recovering = recovery is None or not recovery.completed.is_set()
    if app.rebalancing or recovering or not assigned:
        return web.json(
            {"status": "starting", "rebalancing": bool(app.rebalancing), "recovering": recovering},
            status=503,
        )
    return web.json({"status": "ready", "partitions": len(assigned)})
