"""The live page GET / in the system's headless Chromium, driven by Playwright.

Playwright's Python package drives Debian's Chromium (``executable_path``; scripts/install-browser.sh
installs it): no browser is downloaded, and ``playwright install`` is never run. The browser talks to
the worker over loopback only, with the flags that switch off its own background connections
(updates, sync, QUIC, first-run), which a closed network refuses. Console errors are Playwright's
events: ``console`` messages of type error or assert (the page's own, and what the browser itself
reports there: failed loads, HTTP errors of fetches, CSP violations), ``pageerror`` (uncaught
exceptions and unhandled rejections) and ``requestfailed``.

The worker runs with an API token, so the page must ask for it, keep it for the session and then
show the data; one quote carries ``<script>`` and ``<img onerror>``, which must show as text.

Set LIVE_PAGE_SCREENSHOT=docs/live-page.png to refresh the README's screenshot from a run.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import shutil
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import orjson
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.conftest import ROOT
from tests.integration.conftest import produce

pytestmark = pytest.mark.integration

# Playwright's own defaults add --headless, --no-sandbox (no chromium_sandbox) and the DevTools pipe.
CHROMIUM_FLAGS = [
    "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
    "--disable-default-apps", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
    "--password-store=basic",
]
WIDTH, HEIGHT = 1280, 900
BROWSER_START_S = 30.0
API_DATA_S = 120.0
PAGE_DATA_S = 30.0

#: The hour of this test's own items: later than every sample, so it is the newest hour the worker has seen and
#: the page's "last hour" windows are this hour.
HOUR = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
ASTANA = "Q1520"
QUOTE = "Біз экономиканы шикізатқа тәуелділіктен арылтуымыз керек"
#: A quote that is markup: shown as text it does nothing; parsed as HTML it would set window.__xss.
HOSTILE_QUOTE = ("Біз <script>window.__xss = 'script'</script> және <img src=x onerror=\"window.__xss = 'img'\"> "
                 "туралы айтамыз")
TOKEN = "live-page-token-7b1d"  # noqa: S105 - a test token, not a credential
OWN_BODIES = [
    ("Президент жаңа бағдарламаны таныстырды",
     "Қазақстан Президенті Қасым-Жомарт Тоқаев Астана қаласында Үкімет отырысын өткізді. Отырыста экономиканы "
     f"әртараптандыру жөніндегі жаңа бағдарлама талқыланды.\n– {QUOTE}, – деді Мемлекет басшысы."),
    ("Астанада жаңа саябақ ашылды",
     "Елордада жаңа саябақ ашылды. Астана тұрғындары бес мың ағаш отырғызды. Астана әкімдігі жобаны жалғастырады."),
    ("Алматыда қар жауды",
     "Алматы облысында қар жауып, аяз күшейді. Алматы қаласының әкімдігі жолдарды тазалап жатыр."),
    ("Нацбанк сохранил базовую ставку",
     "Национальный банк Казахстана сохранил базовую ставку. Решение Национального банка объявили в Астане."),
    ("Президент үкіметте сөйледі",
     "Қазақстан Президенті Қасым-Жомарт Тоқаев Астана қаласында Үкімет отырысын өткізді.\n"
     f"– {HOSTILE_QUOTE}, – деді Мемлекет басшысы."),
]


def _chromium() -> str:
    """The browser's path; fails in CI (CI set) and skips elsewhere when it is missing."""
    path = shutil.which("chromium") or ("/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)
    if path:
        return path
    message = "headless Chromium (/usr/bin/chromium) is missing: run scripts/install-browser.sh (as root)"
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(message)
    pytest.skip(message)


def _items() -> list[dict[str, Any]]:
    run = uuid.uuid4().hex[:8]
    items = []
    for line in (ROOT / "samples" / "news.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = orjson.loads(line)
            item["id"] = f"{item['id']}-{run}"
            items.append(item)
    for number, (title, body) in enumerate(OWN_BODIES):
        published = HOUR + timedelta(minutes=5 + 10 * number)
        items.append({"id": f"live-{number}-{run}", "source": "newsworker-tests", "title": title, "body": body,
                      "published_at": published.isoformat().replace("+00:00", "Z")})
    return items


def _api(worker: Any, path: str) -> dict[str, Any]:
    status, body = worker.get(path, headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 200, (path, status, body[:300])
    answer: dict[str, Any] = orjson.loads(body)
    return answer


def _wait_for_api(worker: Any, enriched: int) -> dict[str, dict[str, Any]]:
    """The page's own queries, once every item is enriched and entities, quotes and topics have this test's hour."""
    paths = {
        "entities": "/api/entities/top?window=1h&limit=10",
        "quotes": "/api/quotes/latest?limit=6",
        "topics": "/api/topics/top?window=1h&limit=8",
        "stats": "/api/stats",
    }
    hour = HOUR.isoformat().replace("+00:00", "Z")
    deadline = time.monotonic() + API_DATA_S
    answers: dict[str, dict[str, Any]] = {}
    previous: dict[str, Any] | None = None
    while time.monotonic() < deadline:
        answers = {name: _api(worker, path) for name, path in paths.items()}
        tables = {name: answers[name] for name in ("entities", "quotes", "topics")}
        quoted = " ".join(row["text"] for row in answers["quotes"]["items"])
        # this test's own quotes are counted downstream of their items, perhaps in a later batch than the rest
        ready = (answers["stats"]["enriched"] >= enriched and answers["entities"]["from"] == hour
                 and answers["topics"]["from"] == hour and all(answer["items"] for answer in tables.values())
                 and QUOTE in quoted and HOSTILE_QUOTE in quoted)
        # The tables are fed downstream of enrichment (news.entities, news.quotes): wait until they stop changing.
        if ready and tables == previous:
            return answers
        previous = tables if ready else None
        time.sleep(1.5)
    raise AssertionError(f"the API had no data for {hour} within {API_DATA_S} s: {answers}\n{worker.log_tail()}")


@contextlib.contextmanager
def chromium(binary: str) -> Iterator[Browser]:
    """The system Chromium, headless, under Playwright; yields the browser and closes it afterwards."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=binary, args=CHROMIUM_FLAGS,
                                             timeout=BROWSER_START_S * 1000)
        try:
            yield browser
        finally:
            browser.close()


def watch(page: Page) -> list[str]:
    """What the page's console would show as errors, one line each, collected as they happen."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type in ("error", "assert"):
            location = message.location.get("url", "")
            errors.append(f"console.{message.type}: {message.text} {location}".rstrip())

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.on("requestfailed", lambda request: errors.append(f"failed: {request.url} {request.failure}"))
    return errors


PAGE_STATE = """() => {
  if (!document.getElementById('rate') || document.readyState !== 'complete') return null;  // still loading
  const text = (id) => document.getElementById(id).innerText;
  const empty = (id) => document.querySelectorAll('#' + id + ' .empty').length > 0;
  return {
    title: document.title,
    rate: text('rate'), enriched: text('enriched'), dead: text('dead'),
    entities: [...document.querySelectorAll('#entities li')].map((li) => li.innerText),
    quotes: [...document.querySelectorAll('#quotes blockquote')].map((b) => b.innerText),
    topics: text('topics'),
    empty: ['entities', 'quotes', 'topics'].filter(empty),
    fonts: document.fonts.status,
    form_hidden: document.getElementById('token-form').hidden,
    // what a quote's markup would have made, had it been parsed as HTML
    injected: document.querySelectorAll('main script, main img, main [onerror]').length,
    xss: window.__xss === undefined ? null : String(window.__xss),
  };
}"""

#: Filled lists and an items/s figure mean at least two refreshes ran (the rate needs a previous sample).
FILLED = """() => {
  const rate = document.getElementById('rate');
  return rate && rate.innerText !== '–' && document.querySelectorAll('main .empty').length === 0
    && document.fonts.status === 'loaded';
}"""

ASKING = "() => !document.getElementById('token-form').hidden"


def _fill(page: Page) -> dict[str, Any]:
    try:
        page.wait_for_function(FILLED, timeout=PAGE_DATA_S * 1000, polling=500)
    except PlaywrightTimeout as exc:
        raise AssertionError(f"the page did not fill within {PAGE_DATA_S} s: {page.evaluate(PAGE_STATE)}") from exc
    state: dict[str, Any] = page.evaluate(PAGE_STATE)
    return state


def _send_token(page: Page, token: str) -> None:
    page.fill("#token", token)
    page.click("#token-form button[type=submit]")


def test_live_page_in_headless_chromium(worker_factory: Any, kafka_bootstrap: str, tmp_path: Path) -> None:
    binary = _chromium()
    token_file = tmp_path / "api-token"
    token_file.write_text(TOKEN, encoding="utf-8")
    worker = worker_factory(NEWSWORKER_API_TOKEN_FILE=str(token_file))
    worker.start()
    items = _items()
    asyncio.run(produce(kafka_bootstrap, worker.topics["raw"],
                        [(item["id"].encode(), orjson.dumps(item)) for item in items]))
    api = _wait_for_api(worker, enriched=len(items))

    with chromium(binary) as browser:
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        errors = watch(page)
        page.goto(worker.url("/"))
        # No token yet: the page asks for one, and shows none of the data.
        page.wait_for_function(ASKING, timeout=PAGE_DATA_S * 1000)
        assert page.title() == "newsworker live (token needed)"
        assert page.evaluate(PAGE_STATE)["enriched"] == "–"
        # A wrong one is refused and asked for again.
        _send_token(page, "not-the-token")
        page.wait_for_function("() => document.getElementById('token-note').textContent.includes('refused')"
                               " && !document.getElementById('token-form').hidden", timeout=PAGE_DATA_S * 1000)
        assert page.evaluate("sessionStorage.getItem('newsworker.token')") is None
        # Until the right token, the only errors are the API's 401s, which the browser reports itself.
        refusals = list(errors)
        assert refusals and all("401" in line for line in refusals), refusals
        errors.clear()
        _send_token(page, TOKEN)
        state = _fill(page)
        assert page.evaluate("sessionStorage.getItem('newsworker.token')") == TOKEN
        png = page.screenshot()
        shown_errors = list(errors)
        # Kept for the session: a reload shows the data without asking again. The reload cancels the
        # fetches of a refresh in flight (net::ERR_ABORTED); anything else would be an error.
        page.reload()
        again = _fill(page)
        reload_errors = [line for line in errors[len(shown_errors):] if not line.endswith("net::ERR_ABORTED")]
        assert again["form_hidden"] and again["quotes"], again

    assert shown_errors == [], f"console errors on the live page: {shown_errors}"
    assert reload_errors == [], f"console errors on the live page after a reload: {reload_errors}"
    assert state["form_hidden"] and "reconnecting" not in state["title"], state
    astana = [row for row in api["entities"]["items"] if row["entity_id"] == ASTANA]
    assert astana and astana[0]["count"] >= 3, api["entities"]  # this test's items mention it in this hour
    names = {row["name"] for row in api["entities"]["items"]}
    shown = "\n".join(state["entities"])
    assert all(name in shown for name in names), (names, state["entities"])
    assert any(QUOTE in quote for quote in state["quotes"]), state["quotes"]
    assert [f"«{q['text']}»\n— {q['speaker'] or q['entity_id']}" for q in api["quotes"]["items"]] == state["quotes"]
    # The quote that is markup is shown as the text it is: no element made, no script run.
    assert any(HOSTILE_QUOTE in quote for quote in state["quotes"]), state["quotes"]
    assert state["injected"] == 0 and state["xss"] is None, state
    assert all(row["name"] in state["topics"] for row in api["topics"]["items"]), (api["topics"], state["topics"])
    assert int(state["enriched"]) >= len(items), state
    assert state["dead"] == "0", state
    float(state["rate"])  # a number once two refreshes ran

    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    target = Path(os.environ.get("LIVE_PAGE_SCREENSHOT") or tmp_path / "live-page.png")
    target = target if target.is_absolute() else ROOT / target
    target.write_bytes(png)


def test_without_a_token_the_page_asks_for_none_and_the_worker_warns_once(worker_factory: Any) -> None:
    binary = _chromium()
    worker = worker_factory()
    worker.start()
    with chromium(binary) as browser:
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        errors = watch(page)
        page.goto(worker.url("/"))
        page.wait_for_function("() => document.title === 'newsworker live'", timeout=PAGE_DATA_S * 1000)
        state = page.evaluate(PAGE_STATE)
    assert errors == [], errors
    assert state["form_hidden"], state
    warnings = [line for line in worker.log_path.read_text(errors="replace").splitlines()
                if '"event":"api_open"' in line]
    assert len(warnings) == 1, warnings
    assert '"level":"warning"' in warnings[0] and "NEWSWORKER_API_TOKEN" in warnings[0], warnings


BROKEN_PAGE = """<!doctype html><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="img-src 'none'"><title>broken</title>
<img src="/blocked.png" alt=""><script>
console.error("boom-console");
Promise.reject(new Error("boom-rejection"));
setTimeout(() => { throw new Error("boom-uncaught"); }, 0);
fetch("/missing-" + Date.now());
</script>"""


#: What each of BROKEN_PAGE's five faults leaves in the watched errors.
_BROKEN_MARKS = ("boom-console", "boom-rejection", "boom-uncaught", "404", "Content Security Policy")


def test_the_console_error_check_sees_errors(tmp_path: Path) -> None:
    """The check above is not vacuous: a page that logs, rejects, throws, fetches a 404 and breaks its
    own Content-Security-Policy shows all five."""
    binary = _chromium()
    site = tmp_path / "site"
    site.mkdir()
    (site / "broken.html").write_text(BROKEN_PAGE, encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(site))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            with chromium(binary) as browser:
                page = browser.new_page()
                errors = watch(page)
                page.goto(f"http://127.0.0.1:{server.server_port}/broken.html")
                deadline = time.monotonic() + PAGE_DATA_S
                # wait for each kind, not for a count: the browser may report one kind twice and another late
                while not all(any(mark in line for line in errors) for mark in _BROKEN_MARKS) \
                        and time.monotonic() < deadline:
                    page.wait_for_timeout(200)
        finally:
            server.shutdown()
            thread.join(timeout=5)
    text = "\n".join(errors)
    assert "console.error: boom-console" in text, errors
    assert "boom-rejection" in text and "boom-uncaught" in text, errors
    assert any("404" in line for line in errors), errors
    assert any("Content Security Policy" in line for line in errors), errors


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass
