"""The live page GET / in a real headless Chromium, driven over the DevTools protocol.

The browser talks to the worker over loopback only; it is started with the flags that switch off its own
background connections (updates, sync, QUIC, first-run), which a closed network refuses. The DevTools protocol
is spoken over a websocket with aiohttp, which the worker already depends on, so the test needs no browser
driver package. Console errors are the protocol's own events, not scraped log text:

* ``Runtime.consoleAPICalled`` with type ``error`` or ``assert`` (the page's ``console.error``/``console.assert``),
* ``Runtime.exceptionThrown`` (uncaught exceptions and unhandled promise rejections),
* ``Log.entryAdded`` with level ``error`` (what the browser itself reports in the console: failed loads, HTTP
  errors of fetches, CSP and mixed-content violations, ...).

Set LIVE_PAGE_SCREENSHOT=docs/live-page.png to refresh the README's screenshot from a run.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import os
import shutil
import subprocess
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import pytest

from tests.conftest import ROOT
from tests.integration.conftest import produce

pytestmark = pytest.mark.integration

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
    "--disable-default-apps", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
    "--password-store=basic", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
]
WIDTH, HEIGHT = 1280, 900
BROWSER_START_S = 30.0
API_DATA_S = 120.0
PAGE_DATA_S = 30.0
CDP_CALL_S = 15.0

#: The hour of this test's own items: later than every sample, so it is the newest hour the worker has seen and
#: the page's "last hour" windows are this hour.
HOUR = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
ASTANA = "Q1520"
QUOTE = "Біз экономиканы шикізатқа тәуелділіктен арылтуымыз керек"
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
    status, body = worker.get(path)
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
        ready = (answers["stats"]["enriched"] >= enriched and answers["entities"]["from"] == hour
                 and answers["topics"]["from"] == hour and all(answer["items"] for answer in tables.values()))
        # The tables are fed downstream of enrichment (news.entities, news.quotes): wait until they stop changing.
        if ready and tables == previous:
            return answers
        previous = tables if ready else None
        time.sleep(1.5)
    raise AssertionError(f"the API had no data for {hour} within {API_DATA_S} s: {answers}\n{worker.log_tail()}")


class DevTools:
    """A minimal DevTools-protocol client for one page target: commands by id, events into a list."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self._ws = ws
        self._next_id = 0
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.events: list[dict[str, Any]] = []
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self._ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            data = orjson.loads(message.data)
            future = self._pending.pop(data["id"], None) if "id" in data else None
            if future is not None and not future.done():
                future.set_result(data)
            elif "method" in data:
                self.events.append(data)
        for future in self._pending.values():
            if not future.done():
                future.set_exception(ConnectionError("the browser closed the DevTools connection"))

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[self._next_id] = future
        await self._ws.send_str(orjson.dumps({"id": self._next_id, "method": method, "params": params}).decode())
        answer = await asyncio.wait_for(future, CDP_CALL_S)
        if "error" in answer:
            raise AssertionError(f"{method} failed: {answer['error']}")
        result: dict[str, Any] = answer.get("result", {})
        return result

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression!r} threw: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def close(self) -> None:
        await self._ws.close()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader


def console_errors(events: list[dict[str, Any]]) -> list[str]:
    """What the page's console would show as errors, one line each."""
    errors = []
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", []))
            errors.append(f"console.{params['type']}: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            description = details.get("exception", {}).get("description") or details.get("text")
            errors.append(f"uncaught: {description} at {details.get('url')}:{details.get('lineNumber')}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            errors.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".rstrip())
    return errors


@contextlib.contextmanager
def chromium(binary: str, profile: Path, log_path: Path) -> Iterator[int]:
    """A headless Chromium on about:blank; yields its DevTools port and stops it afterwards."""
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}", "about:blank"],
            stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        port_file = profile / "DevToolsActivePort"  # Chromium writes "<port>\n<browser path>" once it listens
        deadline = time.monotonic() + BROWSER_START_S
        while not (port_file.exists() and port_file.read_text().strip()):
            if process.poll() is not None or time.monotonic() > deadline:
                output = log_path.read_text(errors="replace")
                raise AssertionError(f"Chromium did not open its DevTools port within {BROWSER_START_S} s:\n{output}")
            time.sleep(0.2)
        yield int(port_file.read_text().split()[0])
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.asynccontextmanager
async def page_devtools(port: int) -> AsyncIterator[DevTools]:
    """A DevTools client attached to the browser's (only) page target."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=CDP_CALL_S)) as session:
        deadline = time.monotonic() + BROWSER_START_S
        while True:
            async with session.get(f"http://127.0.0.1:{port}/json/list") as response:
                targets = await response.json()
            page_ws = next((t["webSocketDebuggerUrl"] for t in targets if t.get("type") == "page"), None)
            if page_ws is not None:
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"Chromium has no page target: {targets}")
            await asyncio.sleep(0.2)
        ws = await session.ws_connect(page_ws, max_msg_size=64 * 1024 * 1024)
        devtools = DevTools(ws)
        try:
            yield devtools
        finally:
            await devtools.close()


PAGE_STATE = """(() => {
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
  };
})()"""


async def _drive(port: int, url: str) -> tuple[dict[str, Any], list[str], bytes]:
    async with page_devtools(port) as page:
        for domain in ("Runtime", "Log", "Page"):
            await page.call(f"{domain}.enable")
        await page.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT, deviceScaleFactor=1,
                        mobile=False)
        navigation = await page.call("Page.navigate", url=url)
        assert "errorText" not in navigation, navigation
        # Filled lists and an items/s figure mean at least two refreshes ran (the rate needs a previous sample).
        deadline = time.monotonic() + PAGE_DATA_S
        state: dict[str, Any] = {}
        while time.monotonic() < deadline:
            state = await page.evaluate(PAGE_STATE) or {}
            if state and not state["empty"] and state["rate"] != "–" and state["fonts"] == "loaded":
                break
            await asyncio.sleep(0.5)
        else:
            raise AssertionError(f"the page did not fill within {PAGE_DATA_S} s: {state}")
        shot = await page.call("Page.captureScreenshot", format="png")
        return state, console_errors(page.events), base64.b64decode(shot["data"])


def test_live_page_in_headless_chromium(worker_factory: Any, kafka_bootstrap: str, tmp_path: Path) -> None:
    binary = _chromium()
    worker = worker_factory()
    worker.start()
    items = _items()
    asyncio.run(produce(kafka_bootstrap, worker.topics["raw"],
                        [(item["id"].encode(), orjson.dumps(item)) for item in items]))
    api = _wait_for_api(worker, enriched=len(items))

    with chromium(binary, tmp_path / "chromium-profile", tmp_path / "chromium.log") as port:
        state, errors, png = asyncio.run(_drive(port, worker.url("/")))

    assert errors == [], f"console errors on the live page: {errors}"
    assert "reconnecting" not in state["title"], state
    astana = [row for row in api["entities"]["items"] if row["entity_id"] == ASTANA]
    assert astana and astana[0]["count"] >= 3, api["entities"]  # this test's items mention it in this hour
    names = {row["name"] for row in api["entities"]["items"]}
    shown = "\n".join(state["entities"])
    assert all(name in shown for name in names), (names, state["entities"])
    assert any(QUOTE in quote for quote in state["quotes"]), state["quotes"]
    assert [f"«{q['text']}»\n— {q['speaker'] or q['entity_id']}" for q in api["quotes"]["items"]] == state["quotes"]
    assert all(row["name"] in state["topics"] for row in api["topics"]["items"]), (api["topics"], state["topics"])
    assert int(state["enriched"]) >= len(items), state
    assert state["dead"] == "0", state
    float(state["rate"])  # a number once two refreshes ran

    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    target = Path(os.environ.get("LIVE_PAGE_SCREENSHOT") or tmp_path / "live-page.png")
    target = target if target.is_absolute() else ROOT / target
    target.write_bytes(png)


BROKEN_PAGE = """<!doctype html><meta charset="utf-8"><title>broken</title><script>
console.error("boom-console");
Promise.reject(new Error("boom-rejection"));
setTimeout(() => { throw new Error("boom-uncaught"); }, 0);
fetch("/missing-" + Date.now());
</script>"""


async def _errors_of(port: int, url: str) -> list[str]:
    async with page_devtools(port) as page:
        for domain in ("Runtime", "Log", "Page"):
            await page.call(f"{domain}.enable")
        await page.call("Page.navigate", url=url)
        for _ in range(int(PAGE_DATA_S / 0.2)):
            if len(console_errors(page.events)) >= 4:
                break
            await asyncio.sleep(0.2)
        return console_errors(page.events)


def test_the_console_error_check_sees_errors(tmp_path: Path) -> None:
    """The check above is not vacuous: a page that logs, rejects, throws and fetches a 404 shows all four."""
    binary = _chromium()
    site = tmp_path / "site"
    site.mkdir()
    (site / "broken.html").write_text(BROKEN_PAGE, encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(site))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            with chromium(binary, tmp_path / "chromium-profile", tmp_path / "chromium.log") as port:
                errors = asyncio.run(_errors_of(port, f"http://127.0.0.1:{server.server_port}/broken.html"))
        finally:
            server.shutdown()
            thread.join(timeout=5)
    text = "\n".join(errors)
    assert "console.error: boom-console" in text, errors
    assert "boom-rejection" in text and "boom-uncaught" in text, errors
    assert any(line.startswith("network:") and "404" in line for line in errors), errors


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass
