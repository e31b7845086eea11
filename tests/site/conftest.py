"""Browser fixtures: one headless Debian chromium per session (driven by Playwright), and one warm browser
context reused by the tests, its storage cleared between them.

No `playwright install`: the browser is Debian's /usr/bin/chromium (or $CHROMIUM). If it is missing the browser
tests fail loudly instead of being skipped, so CI cannot go green without having run them.

Why one context: a new context is a new profile, so every checklist test started Python from cold (about 100
cold starts a run). The reused context keeps what a returning reader's browser keeps, the HTTP cache, compiled
wasm and the Pyodide snapshot in the Cache API, and loses after each test what a test could leave behind for
the next: its pages, cookies, localStorage and IndexedDB, service workers and every other cache. A test that
needs a new reader (a first visit, an init script, routes or listeners on the context) asks for
`fresh_context`; the reused one refuses those calls so that nothing set by one test leaks into the next.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from tests.helpers.browser import VIEWPORT
from tools.site_server import CHROMIUM, CHROMIUM_ARGS, SiteServer, serve

KEPT_CACHES = ("pct-pyodide-snapshot",)
CLEARED_STORAGE = "local_storage,indexeddb,service_workers,file_systems,websql,cookies"
DELETE_CACHES = """async kept => {
    if (!self.caches) return;
    for (const name of await caches.keys()) if (!kept.includes(name)) await caches.delete(name);
}"""  # what makes a repeat start fast; nothing a test asserts on
CONTEXT_OPTIONS = {"viewport": VIEWPORT, "color_scheme": "light", "locale": "en-US"}
LEAKING_CALLS = frozenset(
    {
        "add_init_script",
        "expose_binding",
        "expose_function",
        "on",
        "once",
        "route",
        "route_from_har",
        "route_web_socket",
        "set_offline",
        "set_extra_http_headers",
        "set_geolocation",
        "grant_permissions",
        "add_cookies",
        "clock",
        "tracing",
        "set_default_timeout",
        "set_default_navigation_timeout",
    }
)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"chromium not found at {CHROMIUM}: install Debian's chromium and fonts-noto-cjk (`make system-deps`) "
            "or point $CHROMIUM at a Chromium binary. Do not use `playwright install`.",
            pytrace=False,
        )
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


class ReusedContext:
    """The shared context as a test sees it: everything a context does, except what would outlive the test."""

    def __init__(self, context: BrowserContext) -> None:
        self._context = context

    def __getattr__(self, name: str) -> object:
        if name in LEAKING_CALLS:
            raise AttributeError(
                f"context.{name} would carry over to the next test on the reused browser context: "
                "ask for the `fresh_context` fixture instead"
            )
        return getattr(self._context, name)


class _Visits:
    """The origins the shared context has loaded pages from since the last clean-up."""

    def __init__(self, context: BrowserContext) -> None:
        self.origins: set[str] = set()
        context.on("request", self._record)

    def _record(self, request: object) -> None:
        parts = urlsplit(getattr(request, "url", ""))
        if parts.scheme in ("http", "https"):
            self.origins.add(f"{parts.scheme}://{parts.netloc}")


def _clear(context: BrowserContext, origins: set[str]) -> None:
    """Forget what the last test's pages stored, origin by origin: storage and service workers through the
    DevTools protocol, then the caches (but the snapshot's) from a plain-text page of that origin, which runs
    no script of the site."""
    for page in context.pages:
        page.close()
    context.unroute_all(behavior="ignoreErrors")
    context.clear_cookies()
    context.clear_permissions()
    if not origins:
        return
    blank = context.new_page()
    try:
        session = context.new_cdp_session(blank)
        for origin in sorted(origins):
            session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": CLEARED_STORAGE})
        session.detach()
        for origin in sorted(origins):
            blank.goto(f"{origin}/robots.txt")
            blank.evaluate(DELETE_CACHES, list(KEPT_CACHES))
    finally:
        blank.close()
    origins.clear()


@pytest.fixture(scope="session")
def _shared_context(browser: Browser) -> Iterator[tuple[BrowserContext, _Visits]]:
    context = browser.new_context(**CONTEXT_OPTIONS)
    context.set_default_timeout(10_000)
    yield context, _Visits(context)
    context.close()


@pytest.fixture
def context(_shared_context: tuple[BrowserContext, _Visits]) -> Iterator[BrowserContext]:
    shared, visits = _shared_context
    _clear(shared, visits.origins)  # also after a test that failed half-way through its own clean-up
    yield ReusedContext(shared)  # type: ignore[misc]  # a BrowserContext to the test, minus the leaking calls
    _clear(shared, visits.origins)


@pytest.fixture
def fresh_context(browser: Browser) -> Iterator[BrowserContext]:
    """A new reader: an empty profile, all of whose settings die with the test."""
    context = browser.new_context(**CONTEXT_OPTIONS)
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="session")
def csp_server(built_site: Path) -> Iterator[SiteServer]:
    """The built site, served with the headers of the shipped server configurations (the CSP among them); one
    origin for the whole run, so the reused context's caches serve every checklist test."""
    server = serve(built_site, csp=True)
    yield server
    server.stop()
