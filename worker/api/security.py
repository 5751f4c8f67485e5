"""The gate in front of every route: the bearer token, the security headers, and JSON for every refusal.

It is one aiohttp middleware, installed through Faust's ``web_application_options`` when the app is
built (worker/app.py), so no handler can forget it: a route added later is behind the token and gets
the headers without doing anything. It also turns aiohttp's own refusals (no such route, wrong
method) and any exception a handler lets through into the API's JSON error shape, so a client never
sees a plain-text page or a traceback.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import orjson
from aiohttp import web

from worker.settings import Secret

log = logging.getLogger(__name__)

__all__ = [
    "CSP", "MAX_REQUEST_LINE", "OPEN_PATHS", "bearer_matches", "cache_control", "error_response", "middleware",
    "needs_token", "security_headers", "web_options",
]

#: Served without a token when one is set: Prometheus and the probes cannot send one, and the page
#: and its script hold no data (the page asks for the token, then fetches the data with it).
#: Exact paths, compared with the decoded path, so no prefix or encoding trick widens the set.
OPEN_PATHS = frozenset({"/metrics", "/health/live", "/health/ready", "/", "/live.js", "/live.css"})

#: Only the page's own files load; nothing inline, no plugins, no framing, no <base> rewriting.
#: ``img-src data:`` is for the page's empty favicon (it stops the browser asking for /favicon.ico).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")

#: aiohttp's default is 8190 bytes; a little more lets an absurd id (10 000 characters) reach the
#: handlers and get the API's JSON 400. Longer request lines get aiohttp's own plain-text 400.
MAX_REQUEST_LINE = 16 * 1024

_PAGE_PATHS = frozenset({"/", "/live.js", "/live.css"})
_REALM = 'Bearer realm="newsworker"'

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def needs_token(path: str) -> bool:
    """Whether a request for ``path`` (decoded, as routed) must carry the token when one is set.

    Everything not named open needs it, unknown paths included: a 401 before a 404 tells a
    stranger nothing about which routes exist.
    """
    return path not in OPEN_PATHS


def bearer_matches(header: str | None, token: Secret) -> bool:
    """Whether an Authorization header carries ``token`` as a bearer credential.

    The scheme is case-insensitive (RFC 9110). The comparison takes the same time wherever the
    first difference is, so response times do not spell the token out a byte at a time.
    """
    if not header:
        return False
    scheme, _, credentials = header.strip().partition(" ")
    if scheme.lower() != "bearer":
        return False
    # aiohttp decodes header bytes with surrogateescape; encode them back the same way.
    given = credentials.strip().encode("utf-8", "surrogateescape")
    return hmac.compare_digest(given, token.reveal().encode("utf-8"))


def cache_control(path: str) -> str:
    """Cache-Control for a path: counts, metrics and health are stale at once, the page revalidates."""
    if path in _PAGE_PATHS:
        # A short-lived copy would be harmless, but a new release must show at the next load.
        return "no-cache"
    return "no-store"


def security_headers(path: str) -> dict[str, str]:
    """The headers every response carries, whatever answered it."""
    return {
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": cache_control(path),
        # aiohttp would name itself and its version: nothing a client needs, something a scanner wants
        "Server": "newsworker",
    }


def error_response(status: int, message: str, headers: Mapping[str, str] | None = None) -> web.Response:
    """The API's error shape, as routes.py's ``_error`` gives it, for answers made outside any view."""
    # orjson, as Faust's own web.json writes the views' errors: one byte-for-byte shape for both.
    return web.json_response({"error": message, "status": status}, status=status, headers=headers,
                             dumps=lambda value: orjson.dumps(value).decode())


def _refusal(exc: web.HTTPException) -> web.Response:
    """aiohttp's own refusal (no route, wrong method, ...) as JSON, keeping its status and Allow header."""
    if exc.status == 404:
        message = "no such path"
    elif exc.status == 405 and isinstance(exc, web.HTTPMethodNotAllowed):
        message = f"method {exc.method} not allowed here; allowed: {', '.join(sorted(exc.allowed_methods))}"
    else:
        message = exc.reason
    headers = {"Allow": exc.headers["Allow"]} if "Allow" in exc.headers else None
    return error_response(exc.status, message, headers)


def middleware(token: Secret | None) -> Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]:
    """The aiohttp middleware for a worker whose API token is ``token`` (None: the API is open)."""

    @web.middleware
    async def gate(request: web.Request, handler: Handler) -> web.StreamResponse:
        path = request.path
        response: web.StreamResponse
        if token is not None and needs_token(path) and not bearer_matches(request.headers.get("Authorization"),
                                                                            token):
            if request.headers.get("Authorization"):
                response = error_response(401, "the bearer token is not valid",
                                          {"WWW-Authenticate": f'{_REALM}, error="invalid_token"'})
            else:
                response = error_response(401, "this needs a bearer token: send Authorization: Bearer <token>",
                                          {"WWW-Authenticate": _REALM})
        else:
            try:
                response = await handler(request)
            except web.HTTPException as exc:
                response = _refusal(exc)
            except Exception:
                # The trace goes to the worker's log for whoever runs it, never to the client.
                log.exception("unhandled error answering %s %s", request.method, path[:200],
                              extra={"event": "http_error"})
                response = error_response(500, "internal error; the worker's log has the details")
        response.headers.update(security_headers(path))
        return response

    return gate


def web_options(token: Secret | None) -> dict[str, Any]:
    """Faust's ``web_application_options``: the gate, and room for a long request line."""
    return {"middlewares": [middleware(token)], "handler_args": {"max_line_size": MAX_REQUEST_LINE}}
