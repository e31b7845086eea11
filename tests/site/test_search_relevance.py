"""Search relevance as a reader meets it: each query of the relevance sets is typed into the real search box of
the built site in Chromium, and the first result must be the expected page.

Two sets in this folder, same format (language, query, expected page path; `#` starts a comment):
`search_queries.tsv` (tuning: the project's shared 30 queries plus ours) and `search_queries_heldout.tsv`
(never used to tune the ranking). The bar, per language and per set: top-1 >= 90 %, top-3 = 100 %. Each test
prints its figures (`pytest -s` shows them; a failure message repeats them with the misses).

One browser page per language is opened once and reused for all its queries, which keeps this fast.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page

from tests.helpers.browser import picture
from tools.site_server import SiteServer

HERE = Path(__file__).parent
SETS = {"tuning": HERE / "search_queries.tsv", "heldout": HERE / "search_queries_heldout.tsv"}
LANGUAGES = {"en": "/", "fr": "/fr/", "zh-TW": "/zh-TW/"}
TOP1 = 0.9


@dataclass(frozen=True)
class Query:
    language: str
    text: str
    expected: str


def read_set(path: Path) -> list[Query]:
    """The rows of a relevance set; a malformed row fails loudly rather than shrinking the set."""
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    queries = []
    for number, row in enumerate(csv.reader(rows, delimiter="\t"), 1):
        assert len(row) == 3 and row[0] in LANGUAGES and row[2].startswith(LANGUAGES[row[0]]), (path, number, row)
        queries.append(Query(*row))
    return queries


class SearchBox:
    """The header search box of one page, kept open across queries."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.box = page.locator("input.md-search__input")
        self.box.click()
        # Ready when Material replaced "Initializing search" by its placeholder (the worker answered SETUP).
        page.wait_for_function("(document.querySelector('.md-search-result__meta')?.textContent || '').trim() !== ''")
        self.initial = page.inner_text(".md-search-result__meta")

    def pages(self, query: str) -> list[str]:
        """Result pages in order (the first link of each result item), as site paths."""
        self.page.evaluate("document.querySelector('.md-search-result__meta').textContent = ''")
        self.box.fill(query)
        self.box.press("End")  # Material reads the box on keyup
        self.page.wait_for_function(
            "(document.querySelector('.md-search-result__meta')?.textContent || '').trim() !== ''"
        )
        links = self.page.eval_on_selector_all(
            ".md-search-result__item", "items => items.map(item => item.querySelector('a').href)"
        )
        return [urlparse(link).path for link in links]


@pytest.fixture(scope="module")
def search_boxes(browser: Browser, site_server: SiteServer) -> Iterator[dict[str, SearchBox]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    context.set_default_timeout(15_000)
    boxes = {}
    for language, root in LANGUAGES.items():
        page = context.new_page()
        page.goto(site_server.url + root)
        boxes[language] = SearchBox(page)
    yield boxes
    context.close()


def test_relevance_sets_are_well_formed() -> None:
    for name, path in SETS.items():
        queries = read_set(path)
        for language in LANGUAGES:
            assert len([q for q in queries if q.language == language]) >= 10, (name, language)
    tuning = {(q.language, q.text) for q in read_set(SETS["tuning"])}
    assert not tuning & {(q.language, q.text) for q in read_set(SETS["heldout"])}, "held-out queries are unseen"


@pytest.mark.browser
@pytest.mark.parametrize("language", list(LANGUAGES))
@pytest.mark.parametrize("set_name", list(SETS))
def test_first_result_is_the_expected_page(search_boxes: dict[str, SearchBox], set_name: str, language: str) -> None:
    queries = [q for q in read_set(SETS[set_name]) if q.language == language]
    box = search_boxes[language]
    top1 = top3 = 0
    misses = []
    for query in queries:
        pages = box.pages(query.text)
        assert all(p.startswith(LANGUAGES[language]) for p in pages) and (
            language != "en" or not [p for p in pages if p.startswith(("/fr/", "/zh-TW/"))]
        ), (query, pages)  # the reader's language only
        rank = pages.index(query.expected) if query.expected in pages else None
        top1 += rank == 0
        top3 += rank is not None and rank < 3
        if rank != 0:
            misses.append(f"{query.text!r}: expected {query.expected} at {rank}, got {pages[:3]}")
    figures = (
        f"{set_name} {language}: top-1 {top1}/{len(queries)} ({top1 / len(queries):.0%}), top-3 {top3}/{len(queries)}"
    )
    print(figures, *misses, sep="\n  ")
    assert top1 >= TOP1 * len(queries) and top3 == len(queries), "\n  ".join([figures, *misses])


@pytest.mark.browser
@pytest.mark.parametrize(
    ("language", "query"), [("en", "Partner University"), ("fr", "mot de passe temporaire"), ("zh-TW", "臨時密碼")]
)
def test_result_screenshots(search_boxes: dict[str, SearchBox], language: str, query: str) -> None:
    """The top result in the real search box; with `make screenshots`, artifacts/screenshots/search-<language>.png
    (git-ignored): the result list, for a person to look at."""
    box = search_boxes[language]
    assert box.pages(query)[0] == LANGUAGES[language] + "transition/"
    box.page.evaluate("document.fonts.ready")
    picture(box.page, f"search-{language}.png")
