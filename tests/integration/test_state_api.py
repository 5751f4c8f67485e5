"""The stateful layer on the real broker: windows by event time, trends, stories and the query API.

The worker here runs with an API token (from a file, as a Kubernetes Secret mounts it), so every
query below also goes through the token check; the tests at the end try it without the token, with
a wrong one, and with hostile requests of every kind.
"""

from __future__ import annotations

import asyncio
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.integration.conftest import consume, decode, produce

pytestmark = pytest.mark.integration

TOKEN = "integration-token-4f0c1a2b"  # noqa: S105 - a test token, not a credential
AUTH = {"Authorization": f"Bearer {TOKEN}"}

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


def _call(worker: Any, path: str, method: str = "GET", headers: dict[str, str] | None = None,
          ) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one request, with the token unless ``headers`` says otherwise."""
    answer: tuple[int, dict[str, str], bytes] = worker.request(path, method, AUTH if headers is None else headers)
    return answer


@pytest.fixture(scope="module")
def loaded(worker_factory_module: Any, kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory
           ) -> dict[str, Any]:
    token_file = Path(tmp_path_factory.mktemp("secret")) / "api-token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")  # as `echo` and most secret stores write it
    worker = worker_factory_module(NEWSWORKER_API_TOKEN_FILE=str(token_file))
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
        status, _headers, _body = _call(worker, f"/api/entities/{astana}")
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
    got, _headers, body = _call(worker, path)
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


# --- who gets in, and what every answer carries ------------------------------------------------------------


def _error_json(status: int, body: bytes, where: Any) -> dict[str, Any]:
    """The API's error shape, with nothing of a trace in it."""
    text = body.decode("utf-8", "replace")
    assert "Traceback" not in text and 'File "' not in text, (where, text[:500])
    answer: dict[str, Any] = orjson.loads(body)
    assert answer["status"] == status and isinstance(answer["error"], str) and answer["error"], (where, answer)
    assert len(text) < 1000, (where, len(text))  # a hostile value is not echoed back whole
    return answer


@pytest.mark.parametrize(
    ("headers", "challenge"),
    [
        ({}, 'Bearer realm="newsworker"'),
        ({"Authorization": "Bearer not-the-token"}, 'Bearer realm="newsworker", error="invalid_token"'),
        ({"Authorization": f"Bearer {TOKEN}x"}, 'Bearer realm="newsworker", error="invalid_token"'),
        ({"Authorization": f"Basic {TOKEN}"}, 'Bearer realm="newsworker", error="invalid_token"'),
        ({"Authorization": TOKEN}, 'Bearer realm="newsworker", error="invalid_token"'),
    ],
)
@pytest.mark.parametrize("path", ["/api/stats", "/api/entities/top", "/api/quotes/latest", "/api/nope",
                                  "/health/../api/stats", "/metrics/../api/stats", "/%2e%2e/api/stats",
                                  "/router/", "/table/"])
def test_without_the_right_token_401(loaded: dict[str, Any], path: str, headers: dict[str, str],
                                     challenge: str) -> None:
    status, got, body = _call(loaded["worker"], path, headers=headers)
    assert status == 401, (path, status, body[:300])
    assert got["WWW-Authenticate"] == challenge
    assert got["Content-Type"].startswith("application/json")
    _error_json(401, body, path)
    assert TOKEN.encode() not in body


def test_with_the_token_200_and_the_open_paths_need_none(loaded: dict[str, Any]) -> None:
    worker = loaded["worker"]
    status, _, body = _call(worker, "/api/stats")
    assert status == 200 and orjson.loads(body)["enriched"] >= len(loaded["items"])
    for path in ("/metrics", "/health/live", "/health/ready", "/", "/live.js", "/live.css"):
        status, _, body = _call(worker, path, headers={})
        assert status == 200, (path, status, body[:300])
    # One warning at start-up is for workers without a token; this one has one, and never logs it.
    log = worker.log_path.read_text(errors="replace")
    assert '"event":"api_open"' not in log and TOKEN not in log


def test_every_route_carries_the_security_headers(loaded: dict[str, Any]) -> None:
    enriched = loaded["enriched"]
    speaker = enriched["story-a"]["quotes"][0]["speaker"]["entity_id"]
    routes = [
        ("/", "no-cache", 200), ("/live.js", "no-cache", 200), ("/live.css", "no-cache", 200),
        ("/metrics", "no-store", 200), ("/health/live", "no-store", 200), ("/health/ready", "no-store", 200),
        ("/api/stats", "no-store", 200), ("/api/entities/top", "no-store", 200),
        ("/api/topics/top", "no-store", 200), ("/api/quotes/latest", "no-store", 200),
        (f"/api/entities/{_astana_id(enriched)}", "no-store", 200),
        (f"/api/speakers/{speaker}/quotes", "no-store", 200),
        (f"/api/stories/{enriched['story-a']['story_id']}", "no-store", 200),
        ("/api/nope", "no-store", 404), ("/api/entities/top?limit=0", "no-store", 400),
    ]
    for path, cache, expected in routes:
        status, headers, body = _call(loaded["worker"], path)
        assert status == expected, (path, status, body[:300])
        assert headers["X-Content-Type-Options"] == "nosniff", path
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, path
        assert "unsafe-inline" not in csp, path
        assert headers["Cache-Control"] == cache, path
    status, headers, _ = _call(loaded["worker"], "/api/stats", headers={})
    assert status == 401 and headers["X-Content-Type-Options"] == "nosniff" and headers["Cache-Control"] == "no-store"


#: Hostile requests a client can send as URLs: (method, path, status). With the token, so each
#: reaches the check it is meant for rather than stopping at the 401.
HOSTILE = [
    # limits: huge, negative, not numbers, numbers Python's int() would take
    ("GET", "/api/entities/top?limit=99999999999999999999999999", 400),
    ("GET", "/api/entities/top?limit=" + "9" * 5000, 400),
    ("GET", "/api/entities/top?limit=-1", 400),
    ("GET", "/api/entities/top?limit=0", 400),
    ("GET", "/api/entities/top?limit=201", 400),
    ("GET", "/api/entities/top?limit=1e3", 400),
    ("GET", "/api/entities/top?limit=%201", 400),
    ("GET", "/api/entities/top?limit=1_0", 400),
    ("GET", "/api/entities/top?limit=%D9%A3", 400),  # an Arabic-Indic three
    ("GET", "/api/topics/top?limit=NaN", 400),
    ("GET", "/api/quotes/latest?limit=%00", 400),
    ("GET", "/api/speakers/Q1520/quotes?limit=-5", 400),
    # windows, types, times
    ("GET", "/api/entities/top?window=" + "x" * 5000, 400),
    ("GET", "/api/entities/top?window=1h%00", 400),
    ("GET", "/api/entities/top?type=%3Cscript%3E", 400),
    ("GET", "/api/entities/top?at=nan", 400),
    ("GET", "/api/entities/top?at=inf", 400),
    ("GET", "/api/entities/top?at=-1e20", 400),
    ("GET", "/api/entities/top?at=1e308", 400),
    ("GET", "/api/topics/top?at=0001-01-01T00:00:00%2B01:00", 400),
    ("GET", "/api/topics/top?at=2026-01-01T00:00:00", 400),
    # ids: long, odd, path tricks, control characters, encodings
    ("GET", "/api/entities/" + "Q" * 10_000, 400),
    ("GET", "/api/entities/" + "a" * 129, 400),
    ("GET", "/api/entities/%2e%2e%2f%2e%2e%2fmetrics", 400),
    ("GET", "/api/entities/..%2Fstats", 400),
    ("GET", "/api/entities/%2e%2e", 400),
    ("GET", "/api/entities/a%00b", 400),
    ("GET", "/api/entities/%0d%0aSet-Cookie:%20x=1", 400),
    ("GET", "/api/entities/%ff%fe", 400),
    ("GET", "/api/entities/%252e%252e%252f", 400),
    ("GET", "/api/entities/%3Cimg%20src=x%20onerror=alert(1)%3E", 400),
    ("GET", "/api/speakers/" + "%00" * 3000 + "/quotes", 400),
    ("GET", "/api/speakers/..%2F..%2Fetc%2Fpasswd/quotes", 400),
    ("GET", "/api/stories/" + "s" * 10_000, 400),
    ("GET", "/api/stories/story:..%2f..%2f", 400),
    ("GET", "/api/stories/%E2%80%AEstory", 400),  # a right-to-left override
    # well-formed ids nobody has
    ("GET", "/api/entities/Q999999999999", 404),
    ("GET", "/api/speakers/nw:000000000000/quotes", 404),
    ("GET", "/api/stories/story:ffffffffffffffff", 404),
    # paths under /api that are not routes
    ("GET", "/api/nope", 404),
    ("GET", "/api/", 404),
    ("GET", "/api", 404),
    ("GET", "/api/entities/Q1520/extra", 404),
    ("GET", "/api/entities//", 404),
    ("GET", "/api/stats/" + "x" * 10_000, 404),
    ("GET", "/api/%00", 404),
    ("GET", "/router/", 404),
    ("GET", "/table/", 404),
    # methods the routes do not take
    ("POST", "/api/stats", 405),
    ("PUT", "/api/entities/top", 405),
    ("DELETE", "/api/entities/Q1520", 405),
    ("PATCH", "/api/speakers/Q1520/quotes", 405),
    ("POST", "/api/stories/story:ffffffffffffffff", 405),
    ("OPTIONS", "/api/quotes/latest", 405),
    ("TRACE", "/api/stats", 405),
    ("PROPFIND", "/api/topics/top", 405),
    ("POST", "/metrics", 405),
    ("DELETE", "/health/ready", 405),
    ("PUT", "/", 405),
]


@pytest.mark.parametrize(("method", "path", "status"), HOSTILE, ids=[f"{m} {p[:60]}" for m, p, _ in HOSTILE])
def test_hostile_requests_get_json_refusals(loaded: dict[str, Any], method: str, path: str, status: int) -> None:
    got, headers, body = _call(loaded["worker"], path, method=method)
    assert got == status, (method, path[:80], got, body[:300])
    assert headers["Content-Type"].startswith("application/json"), (path[:80], headers)
    assert headers["X-Content-Type-Options"] == "nosniff"
    _error_json(status, body, path[:80])
    if status == 405:
        assert "GET" in headers["Allow"], headers


#: What no HTTP client sends as a URL (raw control bytes, a request line past the limit): aiohttp's
#: parser refuses it before the app sees it, with a plain-text 400 and no trace.
RAW = [
    b"GET /api/entities/a\x00b HTTP/1.1",
    b"GET /api/entities/a\x01b HTTP/1.1",
    b"GET /api/entities/a\x7fb HTTP/1.1",
    b"GET /api/entities/" + b"x" * 20_000 + b" HTTP/1.1",
    b"GET /api/stats?limit=\x00 HTTP/1.1",
]


@pytest.mark.parametrize("line", RAW, ids=[repr(line[:30]) for line in RAW])
def test_malformed_requests_are_refused_by_the_parser(loaded: dict[str, Any], line: bytes) -> None:
    with socket.create_connection(("127.0.0.1", loaded["worker"].web_port), timeout=10) as conn:
        conn.sendall(line + b"\r\nHost: 127.0.0.1\r\n" + b"Authorization: Bearer " + TOKEN.encode() +
                     b"\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b" ", 2)[1] == b"400", answer[:300]
    assert b"Traceback" not in body and b'File "' not in body, body[:500]
    assert len(body) < 1000, len(body)


def test_the_worker_survived_the_walk(loaded: dict[str, Any]) -> None:
    """None of the above left an error in the worker's log, and it still answers."""
    log = loaded["worker"].log_tail(400)
    assert "unhandled error answering" not in log, log[-3000:]
    status, _, _ = _call(loaded["worker"], "/health/ready", headers={})
    assert status == 200
