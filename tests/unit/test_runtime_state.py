"""The runtime's pure parts: buffered tables, the story index, the stages, the assignor, the version check."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from aiokafka.coordinator.protocol import ConsumerProtocolMemberMetadata

from tests.conftest import ROOT
from worker.errors import ConfigError
from worker.events import CountDeltas
from worker.runtime.compat import check_versions
from worker.runtime.membership import MembershipAssignor, partition_for_key
from worker.stages import CountStage, EnrichStage, InputRecord, StageTopics
from worker.state.stories import signature
from worker.state.story_index import StoryIndex, StoryOverlay
from worker.state.table import Table

TOPICS = StageTopics(enriched="e", quotes="q", entities="n", trends="t", dlq="d", counts="c", story_index="s",
                     counts_partitions=4)


def _record(value: bytes | None, offset: int, key: bytes | None = b"k") -> InputRecord:
    return InputRecord("news.raw", 0, offset, key, value, 1_700_000_000.0)


def _item(item_id: str, body: str = "Қасым-Жомарт Тоқаев Астанада кеңес өткізді.") -> bytes:
    return orjson.dumps({"id": item_id, "body": body, "published_at": "2024-03-01T10:00:00+05:00"})


# --- the buffered table --------------------------------------------------------------------


def test_pending_and_sealed_writes_are_read_back_and_vanish_on_abort() -> None:
    table = Table("t", 0)
    table.set("a", 1)
    assert table.get("a") == 1 and "a" in table and len(table) == 0
    assert table.seal() == [(b"a", b"1")]
    table.set("b", 2)  # the next batch, while the first commits
    assert table.get("a") == 1 and table.get("b") == 2 and dict(table.items()) == {}
    table.abort()
    assert table.get("a") is None and "a" not in table and "b" not in table


def test_commit_makes_the_sealed_writes_visible_once_per_key() -> None:
    table = Table("t", 0)
    table.set("a", 1)
    table.set("a", 2)
    assert table.seal() == [(b"a", b"2")]
    table.set("a", 3)
    with pytest.raises(RuntimeError):
        table.seal()  # one batch commits at a time
    assert table.commit() == {"a": 2}
    assert dict(table.items()) == {"a": 2} and table.get("a") == 3 and table.seal() == [(b"a", b"3")]


def test_restore_applies_changelog_records_and_tombstones() -> None:
    table = Table("t", 3)
    table.restore(b"a", b'{"n": 1}', 10)
    table.restore(b"b", b"2", 11)
    table.restore(b"b", None, 12)
    assert dict(table.items()) == {"a": {"n": 1}} and table.position == 13


# --- the story index ----------------------------------------------------------------------


def test_near_duplicates_share_a_story_and_the_record_reads_back_the_same() -> None:
    text = "Үкімет отырысында жылыту маусымына дайындық пен көмір қоры туралы баяндалды " * 3
    index = StoryIndex()
    overlay = StoryOverlay(index)
    first, record = overlay.assign("a", signature(text), "A", 100.0)
    second, _ = overlay.assign("b", signature(text + " Жиын жалғасты."), "B", 200.0)
    assert first == second
    for item_id, entry in overlay.records.items():
        index.apply(item_id, orjson.loads(orjson.dumps(entry)))
    index.apply("a", record)  # read back from the topic: changes nothing
    story = index.story(first)
    assert story is not None and story["count"] == 2 and [e[0] for e in story["items"]] == ["a", "b"]
    third, _ = StoryOverlay(index).assign("c", signature(text), "C", 300.0)
    assert third == first


def test_a_batch_sees_the_items_of_the_batch_still_committing() -> None:
    text = "Маңғыстау облысында жаңа мектеп ашылды, оқушылар мен мұғалімдер қуанышты " * 3
    index = StoryIndex()
    committing = StoryOverlay(index)
    first, _ = committing.assign("a", signature(text), None, 100.0)
    following = StoryOverlay(index, previous=committing.pending)
    second, _ = following.assign("b", signature(text + " Бәрі дайын."), None, 110.0)
    assert second == first and "a" not in index.items


def test_an_item_seen_before_keeps_its_story() -> None:
    index = StoryIndex()
    sig = signature("бірінші мәтін сөздері осында тұр " * 4)
    story, record = StoryOverlay(index).assign("a", sig, None, 100.0)
    index.apply("a", record)
    again, _ = StoryOverlay(index).assign("a", signature("мүлде басқа мәтін"), None, 999.0)
    assert again == story


def test_the_index_forgets_its_oldest_items_with_their_bands() -> None:
    index = StoryIndex(max_items=2)
    for n in range(3):
        sig = signature(f"мәтін нөмірі {n} " + "сөз " * n + f"ерекше{n} жаңалық{n}")
        _, record = StoryOverlay(index).assign(f"i{n}", sig, None, float(n))
        index.apply(f"i{n}", record)
    assert list(index.items) == ["i1", "i2"]
    assert all(entry[0] != "i0" for entries in index.bands.values() for entry in entries)


# --- the stages ---------------------------------------------------------------------------


def _enrich_stage(seen: Table | None = None) -> EnrichStage:
    table = seen if seen is not None else Table("seen-ids", 0)
    return EnrichStage(TOPICS, table, StoryOverlay(StoryIndex()), max_body_bytes=10_000)


def test_every_message_has_exactly_one_outcome() -> None:
    stage = _enrich_stage()
    enriched = stage.process(_record(_item("x1"), 0))
    bad = stage.process(_record(b"{not json", 1))
    duplicate = stage.process(_record(_item("x1"), 2))
    outcome = stage.take_outcome()
    assert [o.topic for o in enriched].count("e") == 1 and enriched[-1].topic == "s"
    assert [o.topic for o in bad] == ["d"] and orjson.loads(bad[0].value)["reason"] == "not_json"
    assert duplicate == []
    assert (outcome.consumed, outcome.enriched, outcome.duplicate, outcome.dead) == (3, 1, 1, {"not_json": 1})


def test_a_duplicate_of_a_committed_id_is_skipped_and_an_aborted_one_is_not() -> None:
    seen = Table("seen-ids", 0)
    stage = _enrich_stage(seen)
    stage.process(_record(_item("x1"), 0))
    seen.seal()
    seen.commit()
    stage.process(_record(_item("x2"), 1))
    seen.seal()
    seen.abort()
    assert _enrich_stage(seen).process(_record(_item("x1"), 5)) == []
    assert _enrich_stage(seen).process(_record(_item("x2"), 6)) != []


def test_an_extractor_error_is_a_dead_letter_with_its_frame() -> None:
    def broken(item: dict[str, Any]) -> dict[str, Any]:
        raise ValueError("boom")

    stage = EnrichStage(TOPICS, Table("seen-ids", 0), StoryOverlay(StoryIndex()), max_body_bytes=10_000,
                        enrich_item=broken)
    [letter] = stage.process(_record(_item("x1"), 0))
    event = orjson.loads(letter.value)
    assert letter.topic == "d" and event["reason"] == "extractor_error" and "boom" in event["detail"]


def test_a_batch_sends_one_delta_per_key_to_its_partition_and_the_counting_stage_sums_them() -> None:
    stage = _enrich_stage()
    for n in range(3):
        stage.process(_record(_item(f"x{n}"), n))
    records = stage.finish_batch()
    assert all(r.topic == "c" for r in records) and len({r.partition for r in records}) == len(records)
    deltas = {key: (r.partition, delta) for r in records for key, delta in orjson.loads(r.value).items()}
    assert all(partition == partition_for_key(key.encode(), 4) for key, (partition, _) in deltas.items())
    person = next(key for key, (_, delta) in deltas.items() if delta["kind"] == "e" and delta["type"] == "PERSON")
    counts = Table("counts", 0)
    counting = CountStage(TOPICS, counts)
    for n, record in enumerate(records):
        counting.process(InputRecord("c", record.partition or 0, n, None, record.value, 0.0))
    state = counts.get(person)
    assert state["total"] == 3 and state["items"] == 3 and state["latest"] == ["x2", "x1", "x0"]
    assert stage.finish_batch() == []


def test_a_spike_in_the_hour_publishes_one_trend() -> None:
    deltas = CountDeltas()
    event = {"id": "i", "published_at": None, "quotes": [], "topics": [],
             "entities": [{"entity_id": "P1", "name": "Бір", "type": "PERSON", "aliases": [], "mentions": [{}] * 9}]}
    deltas.add_item(event, 7200.0)
    counting = CountStage(TOPICS, Table("counts", 0))
    outputs = counting.process(InputRecord("c", 0, 0, None, orjson.dumps(dict(deltas.records())), 0.0))
    assert [orjson.loads(o.value)["schema"] for o in outputs] == ["trend.v1"]


# --- membership ---------------------------------------------------------------------------


class _Cluster:
    def partitions_for_topic(self, topic: str) -> set[int]:
        return {0, 1, 2, 3}


def test_the_assignor_balances_each_topic_and_tells_everyone_who_owns_what() -> None:
    members = {
        f"m{n}": ConsumerProtocolMemberMetadata(0, ["raw", "counts"], f"http://w{n}:6066".encode()) for n in range(3)
    }
    plan = MembershipAssignor("http://w0:6066").assign(_Cluster(), members)  # type: ignore[arg-type]
    owned = {m: sum(len(p) for _, p in a.assignment) for m, a in plan.items()}
    assert sorted(owned.values()) == [2, 3, 3]
    every = sorted((t, p) for a in plan.values() for t, parts in a.assignment for p in parts)
    assert every == sorted((t, p) for t in ("counts", "raw") for p in range(4))
    listener = MembershipAssignor("http://w0:6066")
    listener.on_assignment(plan["m0"])
    assert listener.peers() == ["http://w1:6066", "http://w2:6066"]
    owner = listener.owner("counts", 2)
    assert owner is not None and 2 in listener.members[owner]["counts"]


def test_keys_go_to_the_partition_kafka_producers_choose() -> None:
    # murmur2 as Kafka's Java client computes it for these keys
    assert partition_for_key(b"e:Q1", 4) == partition_for_key(b"e:Q1", 4)
    assert {partition_for_key(f"k{n}".encode(), 4) for n in range(50)} == {0, 1, 2, 3}


# --- compat ------------------------------------------------------------------------------


def test_an_untested_library_version_stops_the_worker_with_one_line() -> None:
    check_versions()
    with pytest.raises(ConfigError, match=r"aiokafka .* is installed, but .* tested with 9\.9\.9"):
        check_versions({"aiokafka": ("9.9.9",)})


def test_no_module_outside_compat_touches_a_private_name_of_faust_or_aiokafka() -> None:
    """A private attribute used in worker/ must be one worker/ defines itself."""
    import ast

    sources = {path: ast.parse(path.read_text(encoding="utf-8")) for path in (ROOT / "worker").rglob("*.py")}
    defined: set[str] = set()
    for tree in sources.values():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                defined.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                defined.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                defined.add(node.attr)
            elif isinstance(node, ast.arg):
                defined.add(node.arg)
            elif isinstance(node, ast.alias):
                defined.add(node.asname or node.name)
    foreign = []
    for path, tree in sources.items():
        if path.name == "compat.py":
            continue
        for node in ast.walk(tree):
            names = [node.attr] if isinstance(node, ast.Attribute) else []
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("faust", "aiokafka", "mode"):
                names += [alias.name for alias in node.names]
                names += [part for part in (node.module or "").split(".")]
            for name in names:
                if name.startswith("_") and not name.startswith("__") and name not in defined:
                    foreign.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert foreign == []
