"""What a newcomer sees first: a quiet build, the theme's words in the page's language, a title said once, a logo
that does not shift the layout, and print that does not say a URL twice.
"""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import material
import pytest
from playwright.sync_api import Page

from tests.helpers.built import page_file
from tests.helpers.docs import LANGUAGES, PAGES, ROOT
from tools.site_server import SiteServer

LANGUAGE_FILES = Path(material.__file__).parent / "templates" / "partials" / "languages"

# English words of the theme that are not in Material's language files: its footer, our palette toggles
# (mkdocs.yml) and the heading permalinks (toc.permalink_title).
EXTRA_ENGLISH = ("Made with", "Switch to dark mode", "Switch to light mode", "Link to this section")
WORDED_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")  # attributes a reader sees or hears
NOT_WORDS = ("language", "direction", "search.config.")  # codes and search settings, not words a reader sees


def theme_strings(language: str) -> dict[str, str]:
    """Material's translation table for `language` (partials/languages/<language>.html): key → text."""
    text = (LANGUAGE_FILES / f"{language}.html").read_text(encoding="utf-8")
    pairs = re.findall(r'^\s*"([\w.]+)": "((?:[^"\\]|\\.)*)"', text, re.M)
    return {key: value for key, value in pairs if not key.startswith(NOT_WORDS)}


def english_theme_strings(language: str) -> set[str]:
    """The theme's English strings that should not appear on a `language` page: those whose translation differs
    (French says "Navigation" too) and those the theme does not translate at all."""
    english, local = theme_strings("en"), theme_strings(language)
    differing = {text for key, text in english.items() if local.get(key, text) != text or key not in local}
    return {text.replace("#", "").strip() for text in differing} | set(EXTRA_ENGLISH)


class _Chrome(HTMLParser):
    """The page's theme text: attribute values everywhere, text outside the article (whose content may quote
    English product labels such as **Next** on purpose)."""

    def __init__(self) -> None:
        super().__init__()
        self.attributes: list[str] = []
        self.text: list[str] = []
        self._article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article" or self._article_depth:
            self._article_depth += tag not in ("br", "img", "input", "hr", "meta", "link", "source", "wbr")
        self.attributes += [value for name, value in attrs if value and name in WORDED_ATTRIBUTES]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """`<br />`, `<img ... />`: attributes only, no depth (the default would also call handle_endtag)."""
        self.attributes += [value for name, value in attrs if value and name in WORDED_ATTRIBUTES]

    def handle_endtag(self, tag: str) -> None:
        if self._article_depth:
            self._article_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self._article_depth and data.strip():
            self.text.append(" ".join(data.split()))


def english_in(path: Path, language: str) -> list[str]:
    chrome = _Chrome()
    chrome.feed(path.read_text(encoding="utf-8"))
    found = []
    for english in sorted(english_theme_strings(language)):
        in_attribute = any(english == value or (" " in english and english in value) for value in chrome.attributes)
        in_text = any(english == text or (" " in english and english in text) for text in chrome.text)
        if in_attribute or in_text:
            found.append(english)
    return found


def test_scan_finds_the_english_strings_on_english_pages(built_site: Path) -> None:
    """The scan can fail: on the English page it finds the theme's English words, footer and permalinks included."""
    found = english_in(page_file(built_site, "transition", "en"), "fr")
    assert {"Made with", "Link to this section", "Switch to dark mode", "Skip to content", "Search"} <= set(found)


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != "en"])
@pytest.mark.parametrize("page", [*PAGES, "404"])
def test_no_english_theme_strings_on_translated_pages(built_site: Path, page: str, language: str) -> None:
    path = built_site / language / "404.html" if page == "404" else page_file(built_site, page, language)
    assert english_in(path, language) == []


def title_of(path: Path) -> str:
    found = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"), re.S)
    assert found, path
    return found.group(1).strip()


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_title_is_not_doubled(built_site: Path, language: str) -> None:
    home = title_of(page_file(built_site, "index", language))
    other = title_of(page_file(built_site, "transition", language))
    assert " - " not in home and home in other, (home, other)
    assert other.endswith(f" - {home}") and other != f"{home} - {home}"


def test_logo_has_its_intrinsic_size(built_site: Path) -> None:
    found = re.search(r"^  logo: (\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert found, "mkdocs.yml sets no theme.logo"
    logo_path = found[1]
    logo = (ROOT / "docs" / logo_path).read_text(encoding="utf-8")
    view_box = re.search(r'viewBox="0 0 (\d+) (\d+)"', logo)
    assert view_box, "the logo needs a viewBox"
    for language in LANGUAGES:
        html = page_file(built_site, "index", language).read_text(encoding="utf-8")
        images = re.findall(r'<img src="[^"]*' + re.escape(logo_path) + r'"[^>]*>', html)
        assert images, f"no logo on the {language} home page"
        for image in images:
            assert f'width="{view_box[1]}"' in image and f'height="{view_box[2]}"' in image, image
            assert 'alt=""' in image, "decorative: its link carries the site name"


@pytest.mark.browser
def test_print_does_not_repeat_a_url_the_link_already_shows(site_server: SiteServer, page: Page) -> None:
    page.goto(f"{site_server.url}/membership/")  # "<https://partner.microsoft.com>" and links with words
    page.emulate_media(media="print")
    after = "(a) => getComputedStyle(a, '::after').content"
    shown = page.locator(".md-typeset a[href='https://partner.microsoft.com']").first
    assert (shown.text_content() or "").strip() == "https://partner.microsoft.com"
    assert shown.evaluate(after) in ("none", "normal"), "the URL is already the link's text"
    worded = page.locator(".md-typeset a[href^='https://learn.microsoft.com']").first
    assert (worded.text_content() or "").strip() != worded.get_attribute("href")
    assert (worded.get_attribute("href") or "") in worded.evaluate(after), "a worded link still prints its URL"


# --- a quiet build ------------------------------------------------------------------------------------------

MKDOCS_LINES = ("Cleaning site directory", "Building documentation to directory", "Documentation built in")


def our_hooks() -> list[str]:
    """The hooks of mkdocs.yml that report one line each (build_log writes the lines, it has none of its own)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    names = re.findall(r"^  - hooks/(\w+)\.py", config, re.M)
    return [name for name in names if name != "build_log"]


Build = tuple[Path, subprocess.CompletedProcess[str]]


def test_build_says_one_line_per_hook_and_nothing_else(site_build: Build) -> None:
    _, result = site_build
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    hooks = our_hooks()
    assert len(hooks) >= 4
    unexpected = [
        line
        for line in lines
        if not (line.startswith("INFO") and any(part in line for part in MKDOCS_LINES))
        and not re.match(r"INFO +- +(" + "|".join(hooks) + r"): .+ \(\d+\.\d\d s\)$", line)
    ]
    assert unexpected == [], "\n".join(unexpected)
    for hook in hooks:
        said = [line for line in lines if re.match(rf"INFO +- +{hook}: ", line)]
        assert len(said) == 1, f"{hook} should log one line per build, logged {said}"
