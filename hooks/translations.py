"""Build hook for the localizer workflow; the logic lives in the `l10n` package, this file only wires it in.

- Every translated page gets `l10n_status` in its template context; `overrides/partials/content.html` shows
  the stale notice ("the English version changed on …") from it, naming the sections that changed in English
  (`stale_sections`, linked on the page) and the new English ones (`missing_sections`, linked on the English
  page), so a small English edit does not cast doubt on the whole translation.
- A page containing `<!-- l10n:status -->` gets the page x language status table there (docs/translation-status*.md),
  then the sections to update and the review record of `translation: human` pages,
  and one containing `<!-- l10n:glossary -->` the termbase as a table (docs/glossary*.md), in the page's language.

Named `translations.py`, not `l10n.py`: MkDocs puts this folder first on sys.path while loading a hook, and a
hook named like the package would import itself instead of it.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from _buildlog import report
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from l10n import glossary
from l10n.markdown import split_front_matter
from l10n.project import Project
from l10n.status import (
    SECTION_EXTRA,
    SECTION_MISSING,
    SECTION_STALE,
    STALE,
    SectionStatus,
    Status,
    display_date,
    heading_texts,
    project_status,
    section_status,
    status_markdown,
)

STATUS_MARKER = "<!-- l10n:status -->"
GLOSSARY_MARKER = "<!-- l10n:glossary -->"

_statuses: dict[tuple[str, str], Status] = {}
_report = report("translations")
_sections: dict[tuple[str, str], list[SectionStatus]] = {}


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins["i18n"].config


def _project(config: MkDocsConfig) -> Project:
    i18n = _i18n(config)
    entries = [lang for lang in i18n.languages if lang["build"]]
    languages = [lang["locale"] for lang in entries if lang["default"]]
    languages += [lang["locale"] for lang in entries if not lang["default"]]
    nav = tuple(f.removesuffix(".md") for f in _nav_files(config.nav))
    return Project(Path(config.docs_dir), tuple(languages), bool(i18n.fallback_to_default), nav)


def _nav_files(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, list):
        return [name for item in nav for name in _nav_files(item)]
    if isinstance(nav, dict):
        return [name for value in nav.values() for name in _nav_files(value)]
    return []


def _page_name(page: Page) -> tuple[str, str]:
    """(page, file language): `transition.fr.md` -> ("transition", "fr"); from mkdocs-static-i18n's file data."""
    src = getattr(page.file, "norm_src_uri", page.file.src_uri)
    return src.removesuffix(".md"), getattr(page.file, "locale", "")


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """`make serve` rebuilds when the termbase changes, as it does for docs/ (the glossary page shows it)."""
    server.watch(str(glossary.TERMBASE))
    return server


def on_pre_build(config: MkDocsConfig) -> None:
    """Once per language build (and per `mkdocs serve` rebuild): where every translation stands now."""
    with _report.timing():
        project = _project(config)
        _statuses.clear()
        _statuses.update({(s.page, s.language): s for s in project_status(project)})
        _sections.clear()
        for page, language in _statuses:
            found = [s for s in section_status(project, page, language) if s.state != "current"]
            if found:
                _sections[(page, language)] = found
    stale = sum(s.state == STALE for s in _statuses.values())
    _report.produced = f"status of {len(_statuses)} page translations ({stale} stale)"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if STATUS_MARKER not in markdown and GLOSSARY_MARKER not in markdown:
        return markdown
    project = _project(config)
    language = config.theme["language"]
    names = {lang["locale"]: lang["name"] for lang in _i18n(config).languages}
    labels = config.extra["ui"]["l10n"]
    if STATUS_MARKER in markdown:
        statuses = list(_statuses.values())  # in site order, as project_status lists them
        titles = {}
        for name in project.pages():
            translated = project.source(name, language)
            source = translated if translated.exists() else project.source(name, project.default)
            meta, _, _ = split_front_matter(source.read_text(encoding="utf-8"))
            titles[name] = str(meta.get("title") or name)
        # sections named as the page in the reader's language names them (the link lands on that page)
        headings = {page: heading_texts(project.source(page, language)) for page, _ in _sections}
        table = status_markdown(statuses, language, project.languages, labels, titles, names, _sections, headings)
        markdown = markdown.replace(STATUS_MARKER, table)
    if GLOSSARY_MARKER in markdown:
        table = glossary.render(glossary.load_termbase(), language, project.languages, names, labels["meaning"])
        markdown = markdown.replace(GLOSSARY_MARKER, table)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A note right under the heading of each section that changed in English, so a reader who lands on it
    from a deep link (`…/transition/#section`) is told there, not only in the notice at the top of the page.
    Static HTML: it needs no script and reads the same in every browser and in print."""
    name, file_language = _page_name(page)
    if file_language != config.theme["language"]:
        return html
    stale = [s.id for s in _sections.get((name, file_language), []) if s.state == SECTION_STALE and s.id != "_top"]
    if not stale:
        return html
    ui = config.extra["ui"]
    english = page.url.removeprefix(f"{file_language}/")
    link = get_relative_url(english, page.url) if english != page.url else ""
    for section in stale:
        heading = re.compile(rf'(<h([1-6])\b[^>]*\bid="{re.escape(section)}"[^>]*>.*?</h\2>)', re.S)
        read = f' <a href="{escape(link)}#{escape(section)}" hreflang="en">{escape(ui["read_current_english"])}</a>'
        note = (
            f'<div class="admonition warning pct-notice" data-notice="stale-section" data-section="{escape(section)}"'
            f' role="note"><p>{escape(ui["stale_section_notice"])}{read}</p></div>'
        )
        html = heading.sub(lambda match, note=note: match.group(1) + note, html, count=1)
    return html


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """`l10n_status` for a translation served in its own language (not for English, not for a fallback)."""
    name, file_language = _page_name(page)
    status = _statuses.get((name, file_language))
    if status is None or file_language != config.theme["language"]:
        context["l10n_status"] = None
        return context
    context["l10n_status"] = {
        "state": status.state,
        "stale": status.state == STALE,
        "kind": status.kind,
        "english_changed": status.english_changed.isoformat() if status.english_changed else None,
        "english_changed_text": (
            display_date(status.english_changed, file_language) if status.english_changed else None
        ),
        # The sections the reader should read with care (changed in English) or in English (not translated yet):
        # the notice names them, so a small English edit does not cast doubt on the whole page.
        "stale_sections": [
            {"id": s.id, "heading": s.heading}
            for s in _sections.get((name, file_language), [])
            if s.state == SECTION_STALE and s.id != "_top"
        ],
        "missing_sections": [
            {"id": s.id, "heading": s.heading}
            for s in _sections.get((name, file_language), [])
            if s.state == SECTION_MISSING
        ],
        "extra_sections": [s.id for s in _sections.get((name, file_language), []) if s.state == SECTION_EXTRA],
    }
    return context
