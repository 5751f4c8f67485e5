"""The offsets the exactly-once consumer commits, driven the way Faust drives them while it reads."""

from __future__ import annotations

from faust.types import TP

from tests.agents.conftest import Sent
from worker.agents import app, story_queue_topic


async def test_offsets_after_transaction_markers_are_committed_with_their_outputs(sent: Sent) -> None:
    consumer = app.consumer
    tp = TP(story_queue_topic.get_topic_name(), 0)
    consumer._committed_offset[tp] = 481  # the next offset to read
    consumer._acked[tp] = [481]
    # Read 481, then 486: 482-485 are the commit markers of four transactions.
    await consumer._add_gap(tp, 482, 486)
    for offset in range(486, 501):
        consumer._acked[tp].append(offset)
    try:
        # Everything read and acked up to 500 is committable: the next offset to read is 501.
        assert consumer._new_offset(tp) == 501
    finally:
        consumer._acked.pop(tp, None)
        consumer._gap.pop(tp, None)
        consumer._committed_offset.pop(tp, None)


async def test_a_gap_after_the_committed_offset_is_filled(sent: Sent) -> None:
    consumer = app.consumer
    tp = TP(story_queue_topic.get_topic_name(), 0)
    consumer._committed_offset[tp] = 10
    await consumer._add_gap(tp, 11, 13)  # read 10, then 13
    consumer._acked[tp] = [10, 13, 14]
    try:
        assert consumer._new_offset(tp) == 15
    finally:
        consumer._acked.pop(tp, None)
        consumer._gap.pop(tp, None)
        consumer._committed_offset.pop(tp, None)
