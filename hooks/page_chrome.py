"""Build hook: the words and marks Material puts inside a page's content, in the page's language.

- The heading permalinks carry `toc.permalink_title` (mkdocs.yml), one English string for every language:
  markdown_extensions cannot be set per language, so the title is swapped for the page language's
  `extra.chrome.permalink_title`.
- A link whose text already is its URL (`<https://partner.microsoft.com>`) gets `data-url-shown`, so the print
  stylesheet (overrides/assets/css/site.css) does not print the URL a second time after it.
"""

from __future__ import annotations

import html
import re
from typing import Any

from _buildlog import report

EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]+)"([^>]*)>([^<]+)</a>')

HEADERLINK_TITLE = '(<a class="headerlink" href="#[^"]*" title=")({title})(")'

_report = report("page_chrome")


def shows_its_url(href: str, text: str) -> bool:
    """True when a reader already sees the URL as the link text (with or without the scheme or the final /)."""

    def bare(url: str) -> str:
        return re.sub(r"^https?://", "", url.strip()).rstrip("/")

    return bare(html.unescape(text)) == bare(html.unescape(href))


def mark_url_links(content: str) -> tuple[str, int]:
    """The page HTML with `data-url-shown` on links that show their own URL, and how many there were."""
    marked = 0

    def mark(match: re.Match[str]) -> str:
        nonlocal marked
        href, attributes, text = match.groups()
        if not shows_its_url(href, text) or "data-url-shown" in attributes:
            return match.group(0)
        marked += 1
        return f'<a href="{href}"{attributes} data-url-shown>{text}</a>'

    return EXTERNAL_LINK.sub(mark, content), marked


def translate_permalinks(content: str, config: Any) -> str:
    """Heading permalinks titled in the page's language (the i18n plugin sets `extra` per language)."""
    english = config.mdx_configs.get("toc", {}).get("permalink_title")
    local = (config.extra.get("chrome") or {}).get("permalink_title")
    if not english or not local or english == local:
        return content
    pattern = re.compile(HEADERLINK_TITLE.format(title=re.escape(html.escape(english))))
    return pattern.sub(lambda m: m.group(1) + html.escape(local) + m.group(3), content)


def on_page_content(content: str, page: Any, config: Any, files: Any) -> str:
    with _report.timing():
        content = translate_permalinks(content, config)
        content, marked = mark_url_links(content)
        counts = _report.counts
        counts["pages"] += 1
        counts["url_links"] += marked
        _report.produced = (
            f"{counts['pages']} pages with permalink titles in their language, "
            f"{counts['url_links']} links that show their URL marked for print"
        )
    return content
