"""Search as a reader uses it: type a query in the header box, read the result links, per language."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page

from tests.site_server import SiteServer


@pytest.fixture(scope="module")
def search_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def search(page: Page, url: str, query: str) -> list[str]:
    page.goto(url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.match(/\\d/) !== null")
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    return [urlparse(link).path for link in links]


@pytest.mark.parametrize(
    ("language_root", "query", "expected_page"),
    [
        ("/zh-TW/", "密碼", "/zh-TW/transition/"),
        ("/zh-TW/", "合作夥伴大學", "/zh-TW/transition/"),
        ("/zh-TW/", "專長認證", "/zh-TW/transition/"),
        ("/fr/", "administrateur", "/fr/transition/"),  # written "l’administrateur" on the page
        ("/fr/", "mot de passe", "/fr/transition/"),
        ("/", "temporary password", "/transition/"),
        ("/", "advisory hours", "/benefits/"),
    ],
)
def test_search_finds_the_page_in_the_readers_language(
    search_page: Page, site_server: SiteServer, language_root: str, query: str, expected_page: str
) -> None:
    paths = search(search_page, site_server.url + language_root, query)
    assert expected_page in paths, paths
    others = ("/fr/", "/zh-TW/")
    if language_root == "/":
        assert not [p for p in paths if p.startswith(others)], paths
    else:
        assert all(p.startswith(language_root) for p in paths), paths
