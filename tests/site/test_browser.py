"""The built site in a real browser (Debian's headless chromium via Playwright): language switching, no stray
requests, axe-core in light and dark, print styles, the palette toggle, and screenshots for humans to look at.

Fixtures: `site_server` (tests/conftest.py) and `browser` / `context` / `page` (tests/site/conftest.py).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Page, Request, Response, expect

from tests.helpers.browser import (
    AXE,
    QUIET_NETWORK_TIMEOUT,
    VIEWPORT,
    axe_violations,
    describe,
    picture,
    pictures_wanted,
)
from tests.helpers.docs import LANGUAGES, PAGES
from tools.site_server import SiteServer

pytestmark = pytest.mark.browser

MISSING = "nope"  # a page that does not exist: the server answers with that language's 404 page
PAGE_TYPES = (*PAGES, "404")
FRAGMENT = "nonadmin_tasks"
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's data-md-color-scheme


def path_of(page: str, language: str) -> str:
    prefix = "/" if language == "en" else f"/{language}/"
    if page == "index":
        return prefix
    return f"{prefix}{MISSING if page == '404' else page}/"


@pytest.fixture(scope="module", autouse=True)
def _axe_is_installed() -> None:
    assert AXE.is_file(), f"{AXE} missing: run `npm ci` (axe-core is a devDependency in package.json)"


# --- 1. language switcher ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "target"), [("en", "fr"), ("fr", "zh-TW"), ("zh-TW", "en")])
def test_language_switcher_keeps_page_and_fragment(
    site_server: SiteServer, page: Page, source: str, target: str
) -> None:
    page.goto(f"{site_server.url}{path_of('transition', source)}#{FRAGMENT}")
    page.locator(".md-select > button").hover()  # Material opens the list on hover / focus-within
    link = page.locator(f"a.md-select__link[hreflang='{target}']")
    expect(link).to_be_visible()
    link.click()
    expected = f"{site_server.url}{path_of('transition', target)}#{FRAGMENT}"
    page.wait_for_url(expected)
    assert page.url == expected
    assert page.locator("html").get_attribute("lang") == target
    expect(page.locator(f"#{FRAGMENT}")).to_have_count(1)
    expect(page.locator(f"#{FRAGMENT}")).to_be_in_viewport()


# --- 2. no third-party request, no failed request ----------------------------------------------------------


def test_every_page_loads_only_local_resources_without_errors(
    site_server: SiteServer, fresh_context: BrowserContext
) -> None:
    host = urlparse(site_server.url).hostname
    foreign: list[str] = []
    failed: list[str] = []
    missing_pages = {f"{site_server.url}{path_of('404', language)}" for language in LANGUAGES}

    def on_request(request: Request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.hostname != host:
            foreign.append(request.url)

    def on_response(response: Response) -> None:
        if response.status >= 400 and response.url not in missing_pages:
            failed.append(f"{response.status} {response.url}")

    fresh_context.on("request", on_request)
    fresh_context.on("response", on_response)
    start = len(site_server.log.entries)
    page = fresh_context.new_page()
    for language in LANGUAGES:
        for page_type in PAGE_TYPES:
            path = path_of(page_type, language)
            response = page.goto(f"{site_server.url}{path}")
            # Also what Material fetches after load (search index, worker): Playwright's "no request for 500 ms"
            # event, with room for a machine busy with other work (the context's 10 s was not).
            page.wait_for_load_state("networkidle", timeout=QUIET_NETWORK_TIMEOUT)
            assert response is not None
            assert response.status == (404 if page_type == "404" else 200), path
            assert page.locator("html").get_attribute("lang") == language, path
            expect(page.locator(".md-content h1")).to_have_count(1)
    server_failures = [entry for entry in site_server.log.entries[start:] if entry[1] >= 400]
    server_failures = [entry for entry in server_failures if f"{site_server.url}{entry[0]}" not in missing_pages]
    assert foreign == [], f"requests to hosts other than {host}: {foreign}"
    assert failed == [], f"failed requests seen by the browser: {failed}"
    assert server_failures == [], f"failed requests seen by the server: {server_failures}"


# --- 3. axe-core, light and dark --------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violations(site_server: SiteServer, page: Page, language: str, scheme: str) -> None:
    """Every page type (home, four guides, 404) in one language and scheme; one page for all, to stay fast."""
    # The palette entries carry media queries, so the emulated preference picks Material's scheme on first visit.
    page.emulate_media(color_scheme=scheme)
    report = []
    for page_type in PAGE_TYPES:
        path = path_of(page_type, language)
        page.goto(f"{site_server.url}{path}")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
        if violations := axe_violations(page):
            report.append(f"{path} ({scheme}):\n{describe(violations)}")
    assert report == [], "axe-core violations:\n" + "\n".join(report)


# --- 4. print stylesheet ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_print_shows_only_the_content(site_server: SiteServer, page: Page, language: str) -> None:
    page.goto(f"{site_server.url}{path_of('membership', language)}")  # has external and internal links
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
        expect(page.locator(chrome)).to_be_hidden()
    expect(page.locator(".md-typeset .headerlink")).not_to_have_count(0)
    expect(page.locator(".md-typeset .headerlink:visible")).to_have_count(0)  # the permalink ¶ signs
    expect(page.locator(".md-content")).to_be_visible()
    expect(page.locator(".md-content h1")).to_be_visible()
    # Full width: Material alone keeps its 61rem grid and margins (95 % of a 1280 px page); site.css removes them.
    width = page.viewport_size["width"] if page.viewport_size else 0
    box = page.locator(".md-content__inner").bounding_box()
    assert box is not None and box["width"] >= 0.98 * width, f"content is {box} in print, page {width} px wide"

    after = "(a) => getComputedStyle(a, '::after').content"
    external = page.locator(".md-content .md-typeset a[href^='https://']").first
    internal = page.locator(".md-content .md-typeset a[href]:not([href^='http'], [href^='#'])").first
    assert external.count() == 1 and internal.count() == 1, "the page needs an external and an internal link"
    href = external.get_attribute("href") or ""
    assert href in external.evaluate(after), "external links print their address"
    assert internal.evaluate(after) in ("none", "normal"), "internal links print no address"


# --- 5. palette toggle --------------------------------------------------------------------------------------


def test_palette_toggle_switches_scheme(site_server: SiteServer, page: Page) -> None:
    page.goto(f"{site_server.url}/")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    toggle = page.locator("[data-md-component=palette] label:visible")
    expect(toggle).to_have_count(1)
    expect(toggle).to_have_attribute("title", "Switch to dark mode")
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(toggle).to_have_attribute("title", "Switch to light mode")
    page.reload()  # Material remembers the reader's choice
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.locator("[data-md-component=palette] label:visible").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


# --- 6. screenshots for humans ------------------------------------------------------------------------------


def test_a_screenshot_shows_the_page(site_server: SiteServer, page: Page, tmp_path: Path) -> None:
    """The one picture every run takes: a real PNG of the size of the window, with text on it (many colours
    from anti-aliased glyphs, not a blank or one-colour page). `make screenshots` takes the rest."""
    page.goto(f"{site_server.url}{path_of('transition', 'zh-TW')}")
    page.evaluate("document.fonts.ready")
    target = tmp_path / "transition-zh-TW.png"
    page.screenshot(path=str(target))
    with Image.open(target) as image:
        assert image.format == "PNG" and image.size == (VIEWPORT["width"], VIEWPORT["height"])
        assert len(image.convert("RGB").getcolors(maxcolors=1 << 16) or range(1 << 16)) > 50


@pytest.mark.skipif(not pictures_wanted(), reason="pictures for people: `make screenshots`")
@pytest.mark.parametrize("language", LANGUAGES)
def test_screenshots(site_server: SiteServer, browser: Browser, page: Page, language: str) -> None:
    """artifacts/screenshots/*.png (git-ignored) for a person to look at: home and transition, desktop and phone."""
    for page_type in ("index", "transition"):
        page.goto(f"{site_server.url}{path_of(page_type, language)}")
        page.evaluate("document.fonts.ready")
        picture(page, f"{page_type}-{language}.png")
    mobile = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        phone = mobile.new_page()
        phone.goto(f"{site_server.url}{path_of('transition', language)}")
        phone.evaluate("document.fonts.ready")
        picture(phone, f"transition-{language}-mobile.png")
    finally:
        mobile.close()
