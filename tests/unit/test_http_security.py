"""The HTTP gate without Kafka: the token check, the headers, the parameter checks, and the real app's
routes behind the middleware (the Faust app as the worker builds it, over a stand-in runtime)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from worker.api import routes
from worker.api.security import CSP, OPEN_PATHS, bearer_matches, cache_control, needs_token, security_headers
from worker.app import create_app
from worker.settings import Secret, load_settings

TOKEN = "s3cret-token-for-tests"  # noqa: S105 - a test token, not a credential


# --- the token check ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "ok"),
    [
        (f"Bearer {TOKEN}", True),
        (f"bearer {TOKEN}", True),  # the scheme is case-insensitive
        (f"  Bearer   {TOKEN}  ", True),
        (None, False),
        ("", False),
        ("Bearer", False),
        ("Bearer ", False),
        (TOKEN, False),  # no scheme
        (f"Basic {TOKEN}", False),
        (f"Bearer {TOKEN}x", False),
        (f"Bearer {TOKEN[:-1]}", False),
        (f"Bearer {TOKEN.upper()}", False),  # the token itself is compared exactly
        ("Bearer \udcff\udcfe", False),  # undecodable bytes as aiohttp hands them over
        ("Bearer " + "x" * 100_000, False),
    ],
)
def test_bearer_matches(header: str | None, ok: bool) -> None:
    assert bearer_matches(header, Secret(TOKEN)) is ok


def test_which_paths_need_the_token() -> None:
    for path in ("/metrics", "/health/live", "/health/ready", "/", "/live.js", "/live.css"):
        assert not needs_token(path), path
    # Everything else does, unknown paths and near-misses included.
    for path in ("/api/stats", "/api/nope", "/health/../api/stats", "/health/live/", "/metrics/", "//metrics",
                 "/router/", "/table/", "/live.html", "/favicon.ico", ""):
        assert needs_token(path), path


def test_headers_and_cache_control() -> None:
    assert cache_control("/") == "no-cache" and cache_control("/live.js") == "no-cache"
    for path in ("/api/stats", "/metrics", "/health/ready", "/nope"):
        assert cache_control(path) == "no-store", path
    headers = security_headers("/api/stats")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == CSP
    directives = dict(d.strip().split(" ", 1) for d in CSP.split(";"))
    assert directives["script-src"] == "'self'" and directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP


# --- the parameter checks ----------------------------------------------------------------------------------


def _request(**query: str) -> Any:
    return SimpleNamespace(query=query)


@pytest.mark.parametrize("raw", ["1", "20", "200", "007"])
def test_limit_accepts(raw: str) -> None:
    assert routes._limit(_request(limit=raw)) == int(raw)


@pytest.mark.parametrize(
    "raw", ["0", "201", "-3", "+5", " 5", "5 ", "1_0", "1e2", "5.0", "lots", "", "٣", "9" * 5000, "1\x00", "0x10"],
)
def test_limit_refuses(raw: str) -> None:
    with pytest.raises(routes.BadRequest) as refused:
        routes._limit(_request(limit=raw))
    assert len(str(refused.value)) < 200  # a huge value is not sent back whole


def test_limit_default() -> None:
    assert routes._limit(_request()) == 20 and routes._limit(_request(), default=10) == 10


@pytest.mark.parametrize("raw", ["nan", "inf", "-inf", "1e308", "-1", "1e400", "0001-01-01T00:00:00+01:00",
                                 "2026-01-01T00:00:00", "yesterday", "\x00", "9" * 400])
def test_at_refuses(raw: str) -> None:
    with pytest.raises(routes.BadRequest):
        routes._at(_request(at=raw))


@pytest.mark.parametrize(("raw", "expected"), [("1767225600", 1767225600.0),
                                               ("2026-01-01T00:00:00Z", 1767225600.0),
                                               ("2026-01-01T05:00:00+05:00", 1767225600.0)])
def test_at_accepts(raw: str, expected: float) -> None:
    assert routes._at(_request(at=raw)) == expected


@pytest.mark.parametrize("raw", ["Q1520", "nw:4f0c1a2b3c4d", "story:0123456789abcdef", "medtop:20000000", "a" * 128])
def test_ids_accepted(raw: str) -> None:
    assert routes._checked_id(raw, "entity id") == raw


@pytest.mark.parametrize("raw", ["", "a" * 129, "x" * 10_000, "../metrics", "..", ".", "a/b", "a\x00b", "Q1\n",
                                 "a b", "%2e%2e", "Q1;drop", "<script>", "Қазақ", "\r\nSet-Cookie: x=1"])
def test_ids_refused(raw: str) -> None:
    with pytest.raises(routes.BadRequest) as refused:
        routes._checked_id(raw, "entity id")
    assert len(str(refused.value)) < 200


def test_peers_get_the_token() -> None:
    assert routes._peer_headers(None) == {}
    assert routes._peer_headers(Secret(TOKEN)) == {"Authorization": f"Bearer {TOKEN}"}


# --- the real app behind the middleware, over a stand-in runtime --------------------------------------------


class _Runtime:
    """What the routes ask of the runtime, with no data and no peers."""

    ready = True
    assigned: list[Any] = []
    assignor = SimpleNamespace(peers=lambda: [])
    stories = SimpleNamespace(story=lambda story_id: None)

    def count_tables(self) -> list[Any]:
        return []

    def owns_count_key(self, key: str) -> tuple[bool, str | None]:
        return True, None


async def _client(env: dict[str, str], tmp_path: Any) -> AsyncIterator[TestClient[Any, Any]]:
    settings = load_settings({"NEWSWORKER_DATA_DIR": str(tmp_path), **env})
    app = create_app(settings)
    routes.register(app, _Runtime(), settings)  # type: ignore[arg-type]
    app.web.init_server()
    async with TestClient(TestServer(app.web.web_app)) as client:
        yield client


@pytest.fixture()
async def guarded(tmp_path: Any) -> AsyncIterator[TestClient[Any, Any]]:
    async for client in _client({"NEWSWORKER_API_TOKEN": TOKEN}, tmp_path):
        yield client


@pytest.fixture()
async def open_app(tmp_path: Any) -> AsyncIterator[TestClient[Any, Any]]:
    async for client in _client({}, tmp_path):
        yield client


AUTH = {"Authorization": f"Bearer {TOKEN}"}


async def test_api_needs_the_token(guarded: TestClient[Any, Any]) -> None:
    for headers, error in [({}, None), ({"Authorization": "Bearer wrong"}, "invalid_token"),
                           ({"Authorization": f"Basic {TOKEN}"}, "invalid_token")]:
        response = await guarded.get("/api/stats", headers=headers)
        assert response.status == 401, headers
        assert (await response.json())["status"] == 401
        challenge = response.headers["WWW-Authenticate"]
        assert challenge.startswith("Bearer")
        assert (f'error="{error}"' in challenge) if error else ("error=" not in challenge)
        assert TOKEN not in await response.text()
    response = await guarded.get("/api/stats", headers=AUTH)
    assert response.status == 200 and "consumed" in await response.json()


async def test_open_paths_stay_open(guarded: TestClient[Any, Any]) -> None:
    for path in sorted(OPEN_PATHS):
        response = await guarded.get(path)
        assert response.status == 200, path
    page = await (await guarded.get("/")).text()
    assert '<script src="/live.js">' in page and "<script>" not in page and "<style>" not in page


async def test_every_answer_has_the_headers(guarded: TestClient[Any, Any]) -> None:
    for path, headers, status in [("/", {}, 200), ("/live.js", {}, 200), ("/metrics", {}, 200),
                                  ("/health/live", {}, 200), ("/api/stats", AUTH, 200), ("/api/stats", {}, 401),
                                  ("/api/nope", AUTH, 404), ("/nope", AUTH, 404)]:
        response = await guarded.get(path, headers=headers)
        assert response.status == status, path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert response.headers["Content-Security-Policy"] == CSP, path
        assert response.headers["Cache-Control"] == cache_control(path), path
        assert response.headers["Server"] == "newsworker", path  # no library name or version


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/entities/top?limit=99999999999999999999", 400),
        ("GET", "/api/entities/top?limit=-1", 400),
        ("GET", "/api/entities/top?at=nan", 400),
        ("GET", "/api/entities/top?at=1e308", 400),
        ("GET", "/api/quotes/latest?limit=%00", 400),
        ("GET", "/api/entities/" + "x" * 10_000, 400),
        ("GET", "/api/entities/%2e%2e%2fmetrics", 400),
        ("GET", "/api/entities/a%00b", 400),
        ("GET", "/api/speakers/%0d%0aSet-Cookie:%20x/quotes", 400),
        ("GET", "/api/stories/..%2F..%2Fetc%2Fpasswd", 400),
        ("GET", "/api/entities/Q1", 404),
        ("GET", "/api/nope", 404),
        ("GET", "/api/entities/Q1/extra", 404),
        ("POST", "/api/stats", 405),
        ("PUT", "/api/entities/top", 405),
        ("DELETE", "/api/entities/Q1", 405),
        ("PATCH", "/metrics", 405),
        ("OPTIONS", "/api/stats", 405),
    ],
)
async def test_hostile_requests_get_json(guarded: TestClient[Any, Any], method: str, path: str, status: int) -> None:
    response = await guarded.request(method, path, headers=AUTH)
    body = await response.text()
    assert response.status == status, (path, body[:300])
    assert response.content_type == "application/json", body[:300]
    answer = await response.json()
    assert answer["status"] == status and answer["error"]
    assert "Traceback" not in body and "File \"" not in body
    if status == 405:
        assert "GET" in response.headers["Allow"]


async def test_an_unexpected_error_is_json_without_a_trace(
    guarded: TestClient[Any, Any], monkeypatch: pytest.MonkeyPatch,
) -> None:
    def boom() -> list[Any]:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(_Runtime, "count_tables", lambda self: boom())
    response = await guarded.get("/api/entities/top", headers=AUTH)
    body = await response.text()
    assert response.status == 500 and response.content_type == "application/json"
    assert "secret internals" not in body and "Traceback" not in body
    assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_without_a_token_the_api_is_open(open_app: TestClient[Any, Any]) -> None:
    response = await open_app.get("/api/stats")
    assert response.status == 200 and response.headers["Cache-Control"] == "no-store"


async def test_faust_router_and_tables_are_not_served(open_app: TestClient[Any, Any]) -> None:
    for path in ("/router/", "/table/"):
        response = await open_app.get(path)
        assert response.status == 404, path
        assert response.content_type == "application/json"


class _RuntimeWithQuotes(_Runtime):
    """One speaker whose kept quotes were counted in another order than their items were published."""

    def count_tables(self) -> list[Any]:
        published = [f"2026-11-2{day}T09:00:00Z" for day in (1, 4, 2, 3, 0, 5, 1)]
        latest = [{"item_id": f"i{n}", "text": f"quote {n}", "published_at": at} for n, at in enumerate(published)]
        return [{"s:nw:1": {"name": "Speaker", "count": len(latest), "latest": latest}}]


async def test_latest_quotes_are_the_newest_published_not_the_last_counted(tmp_path: Any) -> None:
    settings = load_settings({"NEWSWORKER_DATA_DIR": str(tmp_path)})
    app = create_app(settings)
    routes.register(app, _RuntimeWithQuotes(), settings)  # type: ignore[arg-type]
    app.web.init_server()
    async with TestClient(TestServer(app.web.web_app)) as client:
        answer = await (await client.get("/api/quotes/latest?limit=2&local=1")).json()
    # quote 5 (the 25th) was counted sixth: cutting each speaker's list before sorting loses it
    assert [row["text"] for row in answer["items"]] == ["quote 5", "quote 1"]
