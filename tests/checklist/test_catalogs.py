"""Catalogs: every message translated, placeholders intact, compiled .mo files current with the .po sources.

The checks themselves are `l10n.catalogs` functions of file paths (tests/l10n/test_catalog_checks.py shows each
one failing on a fixture catalog); here they are pointed at the checklist engine's real catalogs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist.i18n import catalog_dir
from l10n import catalogs
from l10n.problems import report
from tests.helpers.docs import LANGUAGES

LOCALE = Path(__file__).resolve().parents[2] / "checklist" / "locale"
LANGS = tuple(catalog_dir(language) for language in LANGUAGES)  # mkdocs.yml's: each needs its catalog


def po(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "checklist.po"


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_translated_and_not_fuzzy(lang: str) -> None:
    assert report(catalogs.untranslated_or_fuzzy(po(lang))) == ""


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_survive_translation(lang: str) -> None:
    assert report(catalogs.placeholder_mismatches(po(lang))) == ""


@pytest.mark.parametrize("lang", LANGS)
def test_catalogs_cover_the_template(lang: str) -> None:
    assert report(catalogs.template_coverage(po(lang), LOCALE / "checklist.pot")) == ""


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalog_matches_its_source(lang: str) -> None:
    assert report(catalogs.stale_mo(po(lang))) == ""


def test_template_is_current_with_the_code() -> None:
    assert report(catalogs.template_outdated(LOCALE / "checklist.pot", LOCALE.parent)) == ""
