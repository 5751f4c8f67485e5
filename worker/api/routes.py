"""The HTTP side of a worker: /metrics, health checks, the query API over the tables, and the live page.

The counting tables are partitioned by key over the workers (the internal counts topic), so a
keyed lookup (an entity, a speaker) is answered by the worker that owns the key's partition,
and forwarded there by any other. Top lists scan this worker's partitions and, unless asked for
``local=1``, merge the same query from every other worker, so any worker answers for the whole
group. The story index is whole on every worker, so any worker answers a story.
"""

from __future__ import annotations

import asyncio
import logging
import math
import re
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import Any

import aiohttp
import faust
from faust.web import Request, Response, View
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

from worker.errors import DecodeReason
from worker.events import ENTITY, SPEAKER, TOPIC
from worker.runtime.loop import StreamRuntime
from worker.settings import Secret, Settings
from worker.state.windows import WINDOWS, event_time, hour_of, window_bounds, window_count

__all__ = ["register"]

log = logging.getLogger(__name__)

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"})
MAX_LIMIT = 200
_PEER_TIMEOUT_S = 5.0
_HERE = Path(__file__).resolve().parent
_PAGE = _HERE / "live.html"
#: The page's script and style, served as files because the Content-Security-Policy allows no inline ones.
_SCRIPT = _HERE / "live.js"
_STYLE = _HERE / "live.css"
#: Entity, speaker and story ids are Wikidata QIDs (Q1520), hashed ids (nw:4f0c...) and story:<hex>:
#: anything else (a path, a control character, ten thousand characters) is refused before it is
#: hashed to a partition, forwarded to a peer or echoed in an error.
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9:._\-]{0,127}")
#: ``at`` must fall in years 1970..9999: beyond, the window's bounds cannot be shown as dates.
_AT_MAX = 253402300799.0


class BadRequest(ValueError):
    """A query parameter is invalid; the message says which and why."""


def _error(web: View, status: int, message: str) -> Response:
    return web.json({"error": message, "status": status}, status=status)


def _shown(raw: str, most: int = 40) -> str:
    """A client's value as an error message quotes it: escaped, and cut so a huge one is not sent back whole."""
    return repr(raw[:most]) + ("..." if len(raw) > most else "")


def _checked_id(raw: str, what: str) -> str:
    """``raw`` when it is an id of the shape the worker makes; BadRequest otherwise."""
    # fullmatch, not match with $: $ also matches before a trailing newline.
    if not _ID_RE.fullmatch(raw):
        raise BadRequest(f"{what} {_shown(raw)} is not an id: 1 to 128 letters, digits, ':', '.', '_' or '-'")
    return raw


def _peer_headers(token: Secret | None) -> dict[str, str]:
    """What a request to another worker carries: the group shares one token, so a peer lets it in."""
    return {"Authorization": f"Bearer {token.reveal()}"} if token is not None else {}


Handler = Callable[..., Awaitable[Response]]


def _limit(request: Request, default: int = 20) -> int:
    raw = request.query.get("limit", str(default))
    # int() alone takes ' 7', '1_0', Arabic-Indic digits and 4000-digit numbers: a limit is a few ASCII digits.
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 6):
        raise BadRequest(f"limit={_shown(raw)} is not a whole number from 1 to {MAX_LIMIT}")
    limit = int(raw)
    if not 1 <= limit <= MAX_LIMIT:
        raise BadRequest(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    return limit


def _window(request: Request, default: str) -> int:
    name = request.query.get("window", default)
    if name not in WINDOWS:
        raise BadRequest(f"window={_shown(name)} must be one of: {', '.join(WINDOWS)}")
    return WINDOWS[name]


def _at(request: Request) -> float | None:
    raw = request.query.get("at")
    if raw is None:
        return None
    try:
        at = float(raw)
    except ValueError:
        at = _rfc3339(raw)
    # float() takes 'nan', 'inf' and 1e308, which no window can be computed or shown for.
    if not (math.isfinite(at) and 0 <= at <= _AT_MAX):
        raise BadRequest(f"at={_shown(raw)} is outside 1970-01-01..9999-12-31")
    return at


def _rfc3339(raw: str) -> float:
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        raise BadRequest(f"at={_shown(raw)} is neither epoch seconds nor RFC 3339") from None
    if parsed.tzinfo is None:
        raise BadRequest(f"at={_shown(raw)} needs a time zone")
    return parsed.timestamp()


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat().replace("+00:00", "Z")


def _newest_hour(states: list[dict[str, Any]]) -> float:
    """Stream time: the newest hour any local key has counted, or now when there is none."""
    newest = max((int(s["current_hour"]) for s in states if s.get("current_hour") is not None), default=None)
    return float(newest) if newest is not None else float(hour_of(time.time()))


async def _from_peers(
    runtime: StreamRuntime, path: str, params: dict[str, str], token: Secret | None,
) -> list[dict[str, Any]]:
    """The same query answered locally by every other worker of the group."""
    peers = runtime.assignor.peers()
    if not peers:
        return []
    timeout = aiohttp.ClientTimeout(total=_PEER_TIMEOUT_S)
    async with aiohttp.ClientSession(timeout=timeout, headers=_peer_headers(token)) as session:

        async def ask(peer: str) -> dict[str, Any]:
            async with session.get(f"{peer}{path}", params={**params, "local": "1"}) as response:
                response.raise_for_status()
                body: dict[str, Any] = await response.json()
                return body

        answers = await asyncio.gather(*(ask(peer) for peer in peers), return_exceptions=True)
    failed = [a for a in answers if isinstance(a, BaseException)]
    if failed:
        raise ConnectionError(f"{len(failed)} of {len(peers)} workers did not answer: {failed[0]!r}")
    return [a for a in answers if isinstance(a, dict)]


def _top(
    table_items: list[tuple[str, dict[str, Any]]], window_hours: int, at: float, limit: int, type_: str | None,
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for key, state in table_items:
        if type_ is not None and state.get("type") != type_:
            continue
        count = window_count(state, window_hours, at)
        if count > 0:
            rows.append({"id": key, "name": state.get("name") or state.get("label"), "type": state.get("type"),
                         "count": count})
    rows.sort(key=lambda row: (-row["count"], row["id"]))
    return rows[:limit]


def _local(runtime: StreamRuntime, kind: str) -> list[tuple[str, dict[str, Any]]]:
    """This worker's committed rows of one kind of count, by id."""
    prefix = f"{kind}:"
    return [(key[len(prefix):], state) for table in runtime.count_tables() for key, state in table.items()
            if key.startswith(prefix)]


def _lookup(runtime: StreamRuntime, kind: str, key: str) -> dict[str, Any] | None:
    full = f"{kind}:{key}"
    for table in runtime.count_tables():
        state = table.committed.get(full)
        if state is not None:
            return dict(state)
    return None


def _routed(runtime: StreamRuntime, kind: str, token: Secret | None) -> Callable[[Handler], Handler]:
    """Answer on the worker that owns the key's partition of the counts, forwarding the request there."""

    def decorator(handler: Handler) -> Handler:
        @wraps(handler)
        async def view(web: View, request: Request, *args: Any, **kwargs: Any) -> Response:
            key: str = request.match_info["entity_id"]
            try:
                _checked_id(key, "entity id")
            except BadRequest as exc:
                return _error(web, 400, str(exc))
            mine, owner = runtime.owns_count_key(f"{kind}:{key}")
            if mine:
                return await handler(web, request, *args, **kwargs)
            if owner is None:
                return _error(web, 503, "no worker owns this key right now (rebalancing); retry shortly")
            target = f"{owner}{request.rel_url}"
            try:
                async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=_PEER_TIMEOUT_S),
                                                 headers=_peer_headers(token)) as session:
                    async with session.get(target) as answer:
                        body = await answer.read()
                        return web.bytes(body, content_type=answer.content_type, status=answer.status)
            except (aiohttp.ClientError, TimeoutError) as exc:
                return _error(web, 503, f"the worker that owns this key did not answer: {exc!r}")

        return view

    return decorator


def _sample(name: str, labels: dict[str, str] | None = None) -> float:
    return REGISTRY.get_sample_value(name, labels or {}) or 0.0


def register(app: faust.App, runtime: StreamRuntime, settings: Settings) -> None:
    """Add every route to the app's web server.

    Who may call them, and the headers of every answer, are the security middleware's business
    (worker/api/security.py, installed by worker/app.py); here only the token for peers is needed.
    """
    token = settings.api_token

    if token is None:
        @app.task  # type: ignore[untyped-decorator]  # faust leaves it untyped
        async def warn_open_api() -> None:
            if app.conf.web_enabled:
                log.warning(
                    "NEWSWORKER_API_TOKEN is not set: the query API and the live page on port %d answer anyone "
                    "who reaches that port; set NEWSWORKER_API_TOKEN_FILE (or NEWSWORKER_API_TOKEN) to require "
                    "a bearer token", settings.web_port, extra={"event": "api_open"})

    async def top_response(
        web: View, request: Request, path: str, items: list[tuple[str, dict[str, Any]]], default_window: str,
        type_: str | None, id_name: str,
    ) -> Response:
        window_hours = _window(request, default_window)
        limit = _limit(request)
        at = _at(request)
        if at is None:
            at = _newest_hour([state for _, state in items])
        local = request.query.get("local") == "1"
        # Peers give all their rows: a key's count is whole on its owner, but a list cut at the
        # limit on each worker could drop what makes the merged top.
        rows = _top(items, window_hours, at, MAX_LIMIT if local else limit, type_)
        if not local:
            params = {k: v for k, v in request.query.items() if k != "local"}
            params["at"] = str(at)
            for answer in await _from_peers(runtime, path, params, token):
                rows.extend({"id": row[id_name], **{k: v for k, v in row.items() if k != id_name}}
                            for row in answer["items"])
            rows.sort(key=lambda row: (-row["count"], row["id"]))
            rows = rows[:limit]
        start, end = window_bounds(window_hours, at)
        renamed = [{id_name: row["id"], **{k: v for k, v in row.items() if k != "id"}} for row in rows]
        return web.json({"window": f"{window_hours}h", "from": _iso(start), "to": _iso(end), "items": renamed})

    @app.page("/api/entities/top")
    async def entities_top(web: View, request: Request) -> Response:
        """Entities with the most mentions in a window (1h or 24h), optionally of one type."""
        try:
            type_ = request.query.get("type")
            if type_ is not None and type_ not in ENTITY_TYPES:
                raise BadRequest(f"type={type_!r} must be one of: {', '.join(sorted(ENTITY_TYPES))}")
            return await top_response(web, request, "/api/entities/top", _local(runtime, ENTITY), "1h", type_,
                                      "entity_id")
        except BadRequest as exc:
            return _error(web, 400, str(exc))
        except ConnectionError as exc:
            return _error(web, 503, str(exc))

    @app.page("/api/topics/top")
    async def topics_top(web: View, request: Request) -> Response:
        """IPTC topics with the most items in a window (24h by default)."""
        try:
            return await top_response(web, request, "/api/topics/top", _local(runtime, TOPIC), "24h", None, "code")
        except BadRequest as exc:
            return _error(web, 400, str(exc))
        except ConnectionError as exc:
            return _error(web, 503, str(exc))

    @app.page("/api/entities/{entity_id}")
    @_routed(runtime, ENTITY, token)
    async def entity_detail(web: View, request: Request, entity_id: str) -> Response:
        """One entity: name, type, aliases, counts per window and the latest items."""
        state = _lookup(runtime, ENTITY, entity_id)
        if not state:
            return _error(web, 404, f"no entity {entity_id!r}")
        at = float(state.get("current_hour") or hour_of(time.time()))
        return web.json({
            "entity_id": entity_id,
            "name": state.get("name"),
            "type": state.get("type"),
            "aliases": state.get("aliases", []),
            "mentions_total": state.get("total", 0),
            "items_total": state.get("items", 0),
            "windows": {name: window_count(state, hours, at) for name, hours in WINDOWS.items()},
            "window_end": _iso(window_bounds(1, at)[1]),
            "latest_items": state.get("latest", []),
        })

    @app.page("/api/speakers/{entity_id}/quotes")
    @_routed(runtime, SPEAKER, token)
    async def speaker_quotes_page(web: View, request: Request, entity_id: str) -> Response:
        """A speaker's quote count and latest quotes, newest first."""
        try:
            limit = _limit(request)
        except BadRequest as exc:
            return _error(web, 400, str(exc))
        state = _lookup(runtime, SPEAKER, entity_id)
        if not state:
            return _error(web, 404, f"no quotes by {entity_id!r}")
        return web.json({
            "entity_id": entity_id, "name": state.get("name"), "count": state.get("count", 0),
            "quotes": state.get("latest", [])[:limit],
        })

    @app.page("/api/stories/{story_id}")
    async def story_detail(web: View, request: Request, story_id: str) -> Response:
        """The items of one story, oldest first."""
        try:
            _checked_id(story_id, "story id")
        except BadRequest as exc:
            return _error(web, 400, str(exc))
        story = runtime.stories.story(story_id)
        if not story:
            return _error(web, 404, f"no story {story_id!r}")
        return web.json({
            "story_id": story_id,
            "count": story["count"],
            "first_seen": _iso(story["first_ts"]),
            "items": [{"item_id": i, "published_at": _iso(ts), "title": title} for i, ts, title in story["items"]],
        })

    @app.page("/api/quotes/latest")
    async def latest_quotes(web: View, request: Request) -> Response:
        """The newest quotes of resolved speakers, across all workers."""
        try:
            limit = _limit(request, default=10)
        except BadRequest as exc:
            return _error(web, 400, str(exc))
        # A speaker's kept quotes are in the order they were counted, which is not their items' order:
        # all of them (at most LATEST_KEPT each) go into the sort, not the first `limit`.
        rows = [
            {"entity_id": key, "speaker": state.get("name"), **quote}
            for key, state in _local(runtime, SPEAKER)
            for quote in state.get("latest", [])
        ]
        if request.query.get("local") != "1":
            try:
                for answer in await _from_peers(runtime, "/api/quotes/latest", {"limit": str(limit)}, token):
                    rows.extend(answer["items"])
            except ConnectionError as exc:
                return _error(web, 503, str(exc))
        # published_at strings carry different time zones: compare them as instants.
        rows.sort(key=lambda row: (event_time(row.get("published_at"), 0.0), row["item_id"]), reverse=True)
        return web.json({"items": rows[:limit]})

    @app.page("/api/stats")
    async def stats_page(web: View, request: Request) -> Response:
        """Counters for the live page: items consumed, enriched and dead-lettered so far."""
        dead = sum(_sample("newsworker_items_dead_lettered_total", {"reason": r.value}) for r in DecodeReason)
        return web.json({
            "consumed": _sample("newsworker_items_consumed_total"),
            "enriched": _sample("newsworker_items_enriched_total"),
            "dead_lettered": dead,
            "time": time.time(),
        })

    @app.page("/")
    async def live_page(web: View, request: Request) -> Response:
        """The live page for newsroom and operations people."""
        return web.html(_PAGE.read_text(encoding="utf-8"))

    @app.page("/live.js")
    async def live_script(web: View, request: Request) -> Response:
        """The live page's script."""
        return web.text(_SCRIPT.read_text(encoding="utf-8"), content_type="text/javascript")

    @app.page("/live.css")
    async def live_style(web: View, request: Request) -> Response:
        """The live page's style sheet."""
        return web.text(_STYLE.read_text(encoding="utf-8"), content_type="text/css")

    @app.page("/metrics")
    async def metrics_page(web: View, request: Request) -> Response:
        """Prometheus text exposition of every newsworker metric."""
        return web.bytes(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST.split(";")[0])

    @app.page("/health/live")
    async def health_live(web: View, request: Request) -> Response:
        """200 while the process serves requests."""
        return web.json({"status": "live"})

    @app.page("/health/ready")
    async def health_ready(web: View, request: Request) -> Response:
        """200 once partitions are assigned, tables recovered and the story index loaded; 503 before."""
        if not runtime.ready:
            return web.json({
                "status": "starting", "rebalancing": runtime.rebalancing, "recovering": runtime.recovering,
                "stories_loaded": runtime.stories_ready.is_set(),
            }, status=503)
        return web.json({"status": "ready", "partitions": len(runtime.assigned)})
