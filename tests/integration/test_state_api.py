"""The stateful layer on the real broker: windows by event time, trends, stories and the query API."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import orjson
import pytest

from tests.integration.conftest import consume, decode, produce

pytestmark = pytest.mark.integration

BASE = datetime(2026, 3, 2, 0, 0, tzinfo=UTC).timestamp()
CITY_LINES = [
    "Астана қаласында {n}-ші жиын өтті, оған кәсіпкерлер мен ғалымдар қатысты.",
    "Елордада жаңа саябақ ашылды. Астана тұрғындары {n} мың ағаш отырғызды.",
]


def _at(hours: float) -> str:
    return datetime.fromtimestamp(BASE + hours * 3600, UTC).isoformat().replace("+00:00", "Z")


def _items() -> list[dict[str, Any]]:
    items = []
    for hour in range(6):  # a quiet baseline: Astana once an hour
        items.append({"id": f"base-{hour}", "published_at": _at(hour + 0.5),
                      "body": CITY_LINES[hour % 2].format(n=hour + 1)})
    for number in range(10):  # then ten items in hour 6
        items.append({"id": f"spike-{number}", "published_at": _at(6.1 + number / 100),
                      "body": f"Астана әкімдігі {number + 10} жаңа бағдарлама туралы хабарлады. Астана дамып келеді."})
    story = ("Қазақстан Президенті Қасым-Жомарт Тоқаев Үкімет отырысында экономиканы әртараптандыру "
             "жөніндегі жаңа бағдарламаны таныстырды. Бағдарлама өңдеу өнеркәсібін дамытуға, шағын және орта "
             "бизнесті қолдауға бағытталған.\n– Біз экономиканы шикізатқа тәуелділіктен арылтуымыз керек, – деді "
             "Мемлекет басшысы.")
    items.append({"id": "story-a", "title": "Президент жаңа бағдарламаны таныстырды", "body": story,
                  "published_at": _at(6.5), "source": "outlet-a"})
    items.append({"id": "story-b", "title": "Тоқаев жаңа бағдарламаны ұсынды",
                  "body": story.replace("таныстырды", "жариялады") + " Толығырақ сайтымызда.",
                  "published_at": _at(6.7), "source": "outlet-b"})
    items.append({"id": "other", "title": "Ауа райы", "published_at": _at(6.8),
                  "body": "Ертең Алматы облысында қар жауып, аяз күшейеді деп болжайды синоптиктер."})
    return items


@pytest.fixture(scope="module")
def loaded(worker_factory_module: Any, kafka_bootstrap: str) -> dict[str, Any]:
    worker = worker_factory_module()
    worker.start()
    items = _items()

    async def run() -> dict[str, Any]:
        await produce(kafka_bootstrap, worker.topics["raw"], [(i["id"].encode(), orjson.dumps(i)) for i in items])
        enriched = {}
        async for record in consume(kafka_bootstrap, [worker.topics["enriched"]], until=len(items), timeout_s=120):
            event = decode(record.value)
            enriched[event["id"]] = event
        trends = [decode(r.value) async for r in consume(
            kafka_bootstrap, [worker.topics["trends"]], until=1, timeout_s=30, settle_s=2)]
        return {"enriched": enriched, "trends": trends}

    result = asyncio.run(run())
    result["worker"] = worker
    result["items"] = items
    # The tables are fed by news.entities, news.quotes and topic hits: give those agents a moment.
    astana = _astana_id(result["enriched"])
    for _ in range(60):
        status, _body = worker.get(f"/api/entities/{astana}")
        if status == 200 and orjson.loads(_body)["items_total"] >= 16:
            break
        asyncio.run(asyncio.sleep(0.5))
    return result


def _astana_id(enriched: dict[str, Any]) -> str:
    for entity in enriched["spike-0"]["entities"]:
        if entity["name"] == "Астана":
            return str(entity["entity_id"])
    raise AssertionError(f"no Астана in {enriched['spike-0']['entities']}")


def _json(worker: Any, path: str, status: int = 200) -> dict[str, Any]:
    got, body = worker.get(path)
    assert got == status, (path, got, body[:300])
    answer: dict[str, Any] = orjson.loads(body)
    return answer


def test_all_items_enriched(loaded: dict[str, Any]) -> None:
    assert set(loaded["enriched"]) == {item["id"] for item in loaded["items"]}


def test_near_duplicates_share_a_story(loaded: dict[str, Any]) -> None:
    enriched = loaded["enriched"]
    assert enriched["story-a"]["story_id"] == enriched["story-b"]["story_id"]
    assert enriched["other"]["story_id"] != enriched["story-a"]["story_id"]
    story = _json(loaded["worker"], f"/api/stories/{enriched['story-a']['story_id']}")
    assert [item["item_id"] for item in story["items"]] == ["story-a", "story-b"]


def test_a_spike_produces_a_trend_event(loaded: dict[str, Any]) -> None:
    astana = _astana_id(loaded["enriched"])
    trends = [t for t in loaded["trends"] if t["entity_id"] == astana]
    assert len(trends) == 1, loaded["trends"]
    assert trends[0]["window_start"] == BASE + 6 * 3600


def test_windows_roll_over_by_event_time(loaded: dict[str, Any]) -> None:
    worker = loaded["worker"]
    astana = _astana_id(loaded["enriched"])

    def count(window: str, hours: float) -> int:
        top = _json(worker, f"/api/entities/top?window={window}&type=GPE&limit=50&at={BASE + hours * 3600}")
        return sum(row["count"] for row in top["items"] if row["entity_id"] == astana)

    assert count("1h", 2.5) == 1
    assert count("1h", 6.5) >= 10
    assert count("24h", 6.5) == count("1h", 6.5) + 6 * count("1h", 2.5)
    assert count("1h", 30) == 0
    detail = _json(worker, f"/api/entities/{astana}")
    assert detail["name"] == "Астана" and detail["type"] == "GPE"
    assert detail["items_total"] >= 16


def test_speaker_and_topic_queries(loaded: dict[str, Any]) -> None:
    worker = loaded["worker"]
    quotes = loaded["enriched"]["story-a"]["quotes"]
    assert quotes and quotes[0]["speaker"]["entity_id"]
    speaker = quotes[0]["speaker"]["entity_id"]
    answer = _json(worker, f"/api/speakers/{speaker}/quotes?limit=5")
    assert answer["count"] >= 2 and {q["item_id"] for q in answer["quotes"]} >= {"story-a", "story-b"}
    topics = _json(worker, f"/api/topics/top?window=24h&at={BASE + 6.5 * 3600}")
    assert topics["items"] and all(row["code"].startswith("medtop:") for row in topics["items"])
    latest = _json(worker, "/api/quotes/latest?limit=3")
    assert latest["items"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/entities/top?window=7d", 400),
        ("/api/entities/top?limit=0", 400),
        ("/api/entities/top?limit=lots", 400),
        ("/api/entities/top?type=ALIEN", 400),
        ("/api/entities/top?at=yesterday", 400),
        ("/api/topics/top?window=2h", 400),
        ("/api/speakers/Q1/quotes?limit=-3", 400),
        ("/api/entities/nw:nobody-at-all", 404),
        ("/api/speakers/nw:nobody-at-all/quotes", 404),
        ("/api/stories/story:0000000000000000", 404),
    ],
)
def test_bad_parameters_and_unknown_ids(loaded: dict[str, Any], path: str, status: int) -> None:
    answer = _json(loaded["worker"], path, status=status)
    assert answer["status"] == status and answer["error"]


def test_live_page_is_served(loaded: dict[str, Any]) -> None:
    status, body = loaded["worker"].get("/")
    assert status == 200 and b"newsworker live" in body
