"""Reading the built site's HTML files: where a page's file is, what its markup holds."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


def page_file(site: Path, page: str, language: str) -> Path:
    prefix = site if language == "en" else site / language
    return prefix / "index.html" if page == "index" else prefix / page / "index.html"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.html_lang: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.html_lang = values.get("lang")
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def notice(html: str, kind: str) -> str:
    start = html.find(f'data-notice="{kind}"')
    assert start != -1, f"no {kind} notice"
    return html[start : html.find("</div>", start)]
