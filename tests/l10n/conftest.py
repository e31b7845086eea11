"""Fixture projects for the l10n checks: a few pages in a temporary docs/ folder, never the real ones."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from l10n.project import Project
from l10n.status import refresh
from tests.helpers.l10n_breaks import CHINESE, ENGLISH, FRENCH, MKDOCS
from tests.helpers.l10n_fixture import LANGUAGES


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Project]:
    """`make_project(page=english, **{"page.fr": french})`: a docs/ folder holding exactly those pages."""

    def make(fallback: bool = True, **pages: str) -> Project:
        docs = tmp_path / "docs"
        docs.mkdir(exist_ok=True)
        for name, text in pages.items():
            (docs / f"{name.replace('__', '.')}.md").write_text(textwrap.dedent(text), encoding="utf-8")
        return Project(docs=docs, languages=LANGUAGES, fallback=fallback)

    return make


@pytest.fixture
def project(make_project: Callable[..., Project]) -> Project:
    """The three pages, both translations marked up to date (so every difference is an error)."""
    made = make_project(move=ENGLISH, move__fr=FRENCH, **{"move.zh-TW": CHINESE})
    (made.docs.parent / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    for language in ("fr", "zh-TW"):
        refresh(made, made.source("move", language))
    return made
