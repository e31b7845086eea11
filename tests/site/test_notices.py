"""Translation notices: machine-translated pages and pages served through fallback say so, in the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.built import notice, page_file, parse
from tests.helpers.variants import ChangedSite


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", "traduite automatiquement"), ("zh-TW", "機器翻譯")],
)
def test_machine_translation_notice_links_to_the_english_source(built_site: Path, language: str, words: str) -> None:
    html = page_file(built_site, "transition", language).read_text(encoding="utf-8")
    text = notice(html, "machine")
    assert words in text
    assert 'href="../../transition/"' in text and 'hreflang="en"' in text


def test_english_pages_have_no_translation_notice(built_site: Path) -> None:
    html = page_file(built_site, "transition", "en").read_text(encoding="utf-8")
    assert "data-notice=" not in html


def test_fallback_page_says_so_and_marks_its_language(changed_site: ChangedSite) -> None:
    html = page_file(changed_site.site, "benefits", "zh-TW").read_text(encoding="utf-8")
    assert parse(page_file(changed_site.site, "benefits", "zh-TW")).html_lang == "zh-TW"
    assert "此頁面尚未提供繁體中文版本" in notice(html, "fallback")
    assert '<div class="pct-content" lang="en">' in html
    assert "Manage software benefits" in html  # the English original is what is served
    assert 'href="../../benefits/" hreflang="en"' in notice(html, "fallback")
