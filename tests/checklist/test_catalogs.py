"""Catalogs: every message translated, placeholders intact, compiled .mo files current with the .po sources."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "checklist" / "locale"
LANGS = ("en", "fr", "zh_TW")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def entries(lang: str) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "checklist.po")) if not e.obsolete]


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_translated_and_not_fuzzy(lang: str) -> None:
    bad = [e.msgid for e in entries(lang) if not e.msgstr.strip() or "fuzzy" in e.flags]
    assert bad == [], f"{lang}: untranslated or fuzzy: {bad}"


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_survive_translation(lang: str) -> None:
    bad = [e.msgid for e in entries(lang) if set(PLACEHOLDER.findall(e.msgid)) != set(PLACEHOLDER.findall(e.msgstr))]
    assert bad == [], f"{lang}: placeholders differ: {bad}"


def test_catalogs_cover_the_template() -> None:
    template = {(e.msgctxt, e.msgid) for e in polib.pofile(str(LOCALE / "checklist.pot"))}
    for lang in LANGS:
        assert {(e.msgctxt, e.msgid) for e in entries(lang)} == template, lang


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalog_matches_its_source(lang: str) -> None:
    folder = LOCALE / lang / "LC_MESSAGES"
    with open(folder / "checklist.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in entries(lang):
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        assert compiled._catalog.get(key) == entry.msgstr, (
            f"{lang}: stale .mo for {entry.msgid!r}: run make catalogs-compile"
        )


def test_template_is_current_with_the_code() -> None:
    from babel.messages.extract import extract_from_dir

    keywords = {"N_": None, "NC_": ((1, "c"), 2), "ctx": ((1, "c"), 2)}
    found = {
        (context, message) for _, _, message, _, context in extract_from_dir(str(LOCALE.parent), keywords=keywords)
    }
    template = {(e.msgctxt, e.msgid) for e in polib.pofile(str(LOCALE / "checklist.pot"))}
    assert found == template, "run make catalogs-update"
