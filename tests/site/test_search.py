"""Search as a reader uses it: type a query in the header box, read the result links, per language.

Relevance over whole query sets is in test_search_relevance.py; this file checks the behaviours one by one:
the reader's language only, the cases of issue 14, no "missing word" on the first hit when it has every word,
search under the site's CSP and with site storage blocked, and no page-wide patch of browser APIs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page

from tests.site_server import SiteServer

pytestmark = pytest.mark.browser

BLOCKED_LOCAL_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""


@pytest.fixture(scope="module")
def search_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def search(page: Page, url: str, query: str) -> list[dict[str, str]]:
    """Open `url`, type `query`, return the result items: the page's link (path and `h`), title and
    missing-words line of each (sections of the page may miss some words: Material says so under each)."""
    page.goto(url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "(document.querySelector('.md-search-result__meta')?.textContent || '').match(/\\d/) !== null"
    )
    items = page.eval_on_selector_all(
        ".md-search-result__item",
        """items => items.map(item => ({
          href: item.querySelector('a').href,
          title: item.querySelector('h1').textContent,
          missing: [...item.querySelector('a').querySelectorAll('.md-search-result__terms')]
            .map(e => e.textContent).join(' '),
        }))""",
    )
    for item in items:
        link = urlparse(item["href"])
        item["path"] = link.path
        item["h"] = parse_qs(link.query).get("h", [""])[0]
    return items


@pytest.mark.parametrize(
    ("language_root", "query", "expected_page"),
    [
        ("/zh-TW/", "密碼", "/zh-TW/transition/"),
        ("/zh-TW/", "合作夥伴大學", "/zh-TW/transition/"),
        ("/zh-TW/", "專長認證", "/zh-TW/transition/"),
        ("/zh-TW/", "臨時密碼", "/zh-TW/transition/"),  # the word readers type for the guide's 暫時密碼
        ("/zh-TW/", "Partner University", "/zh-TW/transition/"),  # the English name in the Chinese box
        ("/fr/", "administrateur", "/fr/transition/"),  # written "l’administrateur" on the page
        ("/fr/", "mot de passe", "/fr/transition/"),
        ("/fr/", "mot de passe temporaire", "/fr/transition/"),
        ("/fr/", "Université des partenaires", "/fr/transition/"),
        ("/", "temporary password", "/transition/"),
        ("/", "Partner University", "/transition/"),
        ("/", "admin agent", "/membership/"),
        ("/", "advisory hours", "/benefits/"),
    ],
)
def test_search_finds_the_page_in_the_readers_language(
    search_page: Page, site_server: SiteServer, language_root: str, query: str, expected_page: str
) -> None:
    items = search(search_page, site_server.url + language_root, query)
    paths = [item["path"] for item in items]
    assert paths[0] == expected_page, paths
    assert not items[0]["missing"], items[0]  # the first page has every word of the query
    others = ("/fr/", "/zh-TW/")
    if language_root == "/":
        assert not [p for p in paths if p.startswith(others)], paths
    else:
        assert all(p.startswith(language_root) for p in paths), paths


def test_stop_words_alone_do_not_make_a_page_match(search_page: Page, site_server: SiteServer) -> None:
    """Issue 14: "mot de passe temporaire" put the benefits page first on the word "de" alone."""
    items = search(search_page, site_server.url + "/fr/", "mot de passe temporaire")
    for item in items:
        assert "mot passe temporaire" not in item["missing"], item


def test_chinese_terms_stay_whole_in_the_highlight_link(search_page: Page, site_server: SiteServer) -> None:
    """Material's old pipeline cut 夥伴 to 夥 (seen in `?h=`); the term now reaches the page whole."""
    items = search(search_page, site_server.url + "/zh-TW/", "合作夥伴大學")
    assert items[0]["h"] == "合作夥伴大學", items[0]


def test_reference_pages_rank_below_the_guides(search_page: Page, site_server: SiteServer) -> None:
    """Among the pages that have the term, the guides come before the home page, glossary and status. (Each query
    is one termbase term, one query word: a page has it whole when its link highlights something, `?h=`.)"""
    for root, query in (("/", "temporary password"), ("/fr/", "mot de passe temporaire"), ("/zh-TW/", "暫時密碼")):
        complete = [item["path"] for item in search(search_page, site_server.url + root, query) if item["h"]]
        reference = [root + "glossary/", root + "translation-status/", root]
        guides = [p for p in complete if p not in reference]
        assert guides and complete[: len(guides)] == guides, complete
        assert set(complete) & set(reference), complete  # the test means something: reference pages matched


def test_search_steers_material_through_its_config_and_patches_nothing_page_wide(
    search_page: Page, site_server: SiteServer
) -> None:
    """Material's `__config` names the language root and the site's worker; XMLHttpRequest and Worker are the
    browser's own (the checklist's worker is not touched by search)."""
    site_server.log.clear()
    search(search_page, site_server.url + "/zh-TW/transition/", "密碼")
    config = json.loads(search_page.inner_text("#__config"))
    base = search_page.evaluate(
        "new URL(JSON.parse(document.getElementById('__config').textContent).base, location).href"
    )
    assert urlparse(base).path == "/zh-TW/", base
    assert config["search"].endswith("assets/javascripts/search/worker.js"), config
    native = search_page.evaluate(
        "[XMLHttpRequest.prototype.open, Worker.prototype.postMessage].every(f => /\\[native code\\]/.test(String(f)))"
    )
    assert native
    requested = [path for path, _ in site_server.log.entries]
    assert "/zh-TW/search/search_index.json" in requested, requested
    assert "/search/search_index.json" not in requested, requested


def test_search_works_under_the_sites_csp(browser: Browser, csp_server: SiteServer) -> None:
    context = browser.new_context()
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security" in message.text else None)
    items = search(page, csp_server.url + "/fr/", "mot de passe temporaire")
    context.close()
    assert items[0]["path"] == "/fr/transition/", items
    assert not violations, violations


def test_search_works_when_site_storage_is_blocked(browser: Browser, site_server: SiteServer) -> None:
    """Issue 16 (6): with site data blocked, reading localStorage throws; Material's copied start-up script read
    it unguarded and search stayed at "Initializing search"."""
    context = browser.new_context()
    context.add_init_script(BLOCKED_LOCAL_STORAGE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    items = search(page, site_server.url + "/fr/", "mot de passe temporaire")
    blocked = page.evaluate("(() => { try { localStorage; return false } catch (e) { return true } })()")
    context.close()
    assert blocked  # the init script did block storage
    assert items[0]["path"] == "/fr/transition/", items
    assert not errors, errors


@pytest.mark.parametrize(("missing", "query", "expected_page"), [("/fr/nowhere/", "mot de passe", "/fr/transition/")])
def test_search_works_on_the_404_page_in_its_language(
    browser: Browser, site_server: SiteServer, missing: str, query: str, expected_page: str
) -> None:
    """The 404 page is built from a template alone: its `__config` must still name its language root."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    items = search(page, site_server.url + missing, query)
    context.close()
    assert items[0]["path"] == expected_page, items
    assert not errors, errors
