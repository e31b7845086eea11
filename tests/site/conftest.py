"""Browser fixtures: one headless Debian chromium per session (driven by Playwright), a fresh context per test.

No `playwright install`: the browser is Debian's /usr/bin/chromium (or $CHROMIUM). If it is missing the browser
tests fail loudly instead of being skipped, so CI cannot go green without having run them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from tests.site_server import CHROMIUM, CHROMIUM_ARGS, SiteServer, serve

VIEWPORT = {"width": 1280, "height": 900}


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


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    # A new context per test: no shared localStorage (Material keeps the chosen palette there) or cache.
    context = browser.new_context(viewport=VIEWPORT, color_scheme="light", locale="en-US")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="module")
def csp_server(built_site: Path) -> Iterator[SiteServer]:
    """The built site, served with the headers of the shipped server configurations (the CSP among them)."""
    server = serve(built_site, csp=True)
    yield server
    server.stop()
