"""The localizer workflow in the built site: edit links open the translated file, the status and glossary pages,
and the stale notice readers see when an English page changed after its translation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from l10n.glossary import load_termbase
from l10n.project import load
from l10n.status import display_date, refresh
from tests.helpers.built import notice, page_file
from tests.helpers.docs import LANGUAGES, ROOT
from tests.helpers.variants import ChangedSite, edit_english
from tools.site_server import build_site, copy_project

EDIT_LINK = re.compile(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon" rel="edit">')
STALE_WORDS = {"fr": "La version anglaise de cette page a été modifiée le", "zh-TW": "此頁面的英文版已於"}


@pytest.mark.parametrize(
    ("language", "file"),
    [("en", "docs/transition.md"), ("fr", "docs/transition.fr.md"), ("zh-TW", "docs/transition.zh-TW.md")],
)
def test_edit_link_opens_the_pages_own_file(built_site: Path, language: str, file: str) -> None:
    links = EDIT_LINK.findall(page_file(built_site, "transition", language).read_text(encoding="utf-8"))
    assert len(links) == 1 and links[0].endswith(f"/edit/main/{file}"), links


@pytest.mark.parametrize("language", LANGUAGES)
def test_status_page_has_the_table_in_the_readers_language(built_site: Path, language: str) -> None:
    html = page_file(built_site, "translation-status", language).read_text(encoding="utf-8")
    words = {"en": "Up to date", "fr": "À jour", "zh-TW": "最新"}[language]
    assert "<table>" in html and f'<span class="pct-l10n pct-l10n--current">{words}</span>' in html
    assert html.count("<tr>") == 1 + len(load(ROOT).pages())  # header + one row per page
    assert "l10n:status" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_page_lists_every_term(built_site: Path, language: str) -> None:
    html = page_file(built_site, "glossary", language).read_text(encoding="utf-8")
    for term in load_termbase():
        assert f'<strong id="term-{term.id}">' in html, term.id
    assert '<span lang="fr">Espace partenaires</span>' in html or language == "fr"
    assert "l10n:glossary" not in html


def row_of(html: str, page: str) -> str:
    """The status table's row for a page (it links the page in the reader's language)."""
    table = html[html.index("<table>") : html.index("</table>")]
    return next(row for row in table.split("<tr>") if f'href="../{page}/"' in row)


@pytest.fixture(scope="module")
def refreshed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same English sentence changed as in `changed_site`, then both translations refreshed: a build."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    edit_english(project)
    l10n_project = load(project)
    for language in ("fr", "zh-TW"):
        refresh(l10n_project, l10n_project.source("transition", language))
    result = build_site(project / "site", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.mark.parametrize("language", ["fr", "zh-TW"])
def test_stale_translation_tells_readers_when_the_english_changed(changed_site: ChangedSite, language: str) -> None:
    stale, changed = changed_site.site, changed_site.changed_on
    html = page_file(stale, "transition", language).read_text(encoding="utf-8")
    text = notice(html, "stale")
    assert STALE_WORDS[language] in text
    assert f'<time datetime="{changed.isoformat()}">{display_date(changed, language)}</time>' in text
    assert 'href="../../transition/" hreflang="en"' in text
    assert 'data-notice="stale"' not in page_file(stale, "membership", language).read_text(encoding="utf-8")


def test_english_page_and_status_page_after_an_english_change(changed_site: ChangedSite) -> None:
    stale = changed_site.site
    assert 'data-notice="stale"' not in page_file(stale, "transition", "en").read_text(encoding="utf-8")
    status = page_file(stale, "translation-status", "fr").read_text(encoding="utf-8")
    assert row_of(status, "transition").count("pct-l10n--stale") == 2  # fr and zh-TW


def test_refreshing_clears_the_notice_and_the_status(refreshed_site: Path) -> None:
    fresh = refreshed_site
    for language in ("fr", "zh-TW"):
        assert 'data-notice="stale"' not in page_file(fresh, "transition", language).read_text(encoding="utf-8")
    status = page_file(fresh, "translation-status", "en").read_text(encoding="utf-8")
    assert row_of(status, "transition").count("pct-l10n--current") == 2
