"""Operational gauges: rebalances, assigned partitions and table sizes, refreshed on a timer."""

from __future__ import annotations

from typing import Any

import faust

from worker.app import app
from worker.channels import raw_topic
from worker.metrics import ASSIGNED_PARTITIONS, CONSUMER_LAG, REBALANCES, TABLE_KEYS

__all__ = ["RebalanceSensor", "refresh_gauges", "GAUGE_INTERVAL_S"]

GAUGE_INTERVAL_S = 15.0


class RebalanceSensor(faust.Sensor):
    """Counts rebalances and forgets the lag of partitions this worker no longer owns."""

    def on_rebalance_start(self, app: Any) -> dict[str, Any]:
        REBALANCES.inc()
        state: dict[str, Any] = super().on_rebalance_start(app)
        return state

    def on_rebalance_end(self, app: Any, state: dict[str, Any]) -> None:
        super().on_rebalance_end(app, state)
        owned = {str(tp.partition) for tp in app.consumer.assignment() if tp.topic == raw_topic.get_topic_name()}
        ASSIGNED_PARTITIONS.set(len(owned))
        for labels in list(CONSUMER_LAG._metrics):  # the gauge's own children: no other state is kept
            if labels[0] == raw_topic.get_topic_name() and labels[1] not in owned:
                CONSUMER_LAG.remove(*labels)


app.sensors.add(RebalanceSensor())


@app.timer(interval=GAUGE_INTERVAL_S)  # type: ignore[untyped-decorator]  # faust leaves it untyped
async def refresh_gauges() -> None:
    """Table sizes: counting keys walks the local store, so it runs on a timer, not per event."""
    for name, table in app.tables.items():
        TABLE_KEYS.labels(name).set(len(table))
