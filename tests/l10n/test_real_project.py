"""`python -m l10n check` on the real site: every translation marked up to date passes every check, and the
checklist catalogs pass gettext's own `msgfmt --check`, keep their numbers and avoid forbidden variants.

Differences in a stale translation are pending work (`check --pending` lists them), not failures: the English
author is never blocked by translations (see test_breaks.py for that behaviour on a fixture).
"""

from __future__ import annotations

import pytest

from checklist.i18n import catalog_dir
from l10n import catalogs
from l10n.cli import check_project
from l10n.glossary import load_variants
from l10n.problems import Problem, report
from l10n.project import load
from tests.helpers.docs import LANGUAGES, PAGES, ROOT

LOCALE = ROOT / "checklist" / "locale"
CATALOG_LANGUAGES = tuple(catalog_dir(language) for language in LANGUAGES)


@pytest.fixture(scope="module")
def problems() -> list[Problem]:
    return check_project(load(ROOT), ROOT, {"structure", "glossary"})[0]


@pytest.mark.parametrize("language", LANGUAGES[1:])
@pytest.mark.parametrize("page", PAGES)
def test_translation_passes_every_check(problems: list[Problem], page: str, language: str) -> None:
    path = load(ROOT).source(page, language)
    assert report([p for p in problems if p.path == path]) == ""


def test_no_problem_outside_the_translations(problems: list[Problem]) -> None:
    """The termbase itself, English pages' front matter: anything not tied to one translation."""
    translations = {load(ROOT).source(page, language) for page in PAGES for language in LANGUAGES[1:]}
    assert report([p for p in problems if p.path not in translations]) == ""


@pytest.mark.parametrize("language", CATALOG_LANGUAGES)
def test_catalog_passes_msgfmt_check(language: str) -> None:
    assert report(catalogs.msgfmt_check(LOCALE / language / "LC_MESSAGES" / "checklist.po")) == ""


@pytest.mark.parametrize("language", CATALOG_LANGUAGES)
def test_catalog_keeps_the_numbers_and_the_approved_terms(language: str) -> None:
    po = LOCALE / language / "LC_MESSAGES" / "checklist.po"
    variants = load_variants().get(language.replace("_", "-"), [])
    assert report(catalogs.number_mismatches(po) + catalogs.language_checks(po, variants)) == ""


@pytest.mark.parametrize("language", CATALOG_LANGUAGES)
def test_catalog_counts_have_plural_forms(language: str) -> None:
    assert report(catalogs.missing_plurals(LOCALE / language / "LC_MESSAGES" / "checklist.po")) == ""
