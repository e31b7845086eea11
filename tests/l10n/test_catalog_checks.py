"""The catalog checks (l10n.catalogs), pointed at a fixture catalog: each one fails and names the message."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from l10n import catalogs

HEADER = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Language: fr\\n"

"""
GOOD = """\
msgid "Sign in before {date}"
msgstr "Connectez-vous avant le {date}"

msgctxt "month"
msgid "May"
msgstr "mai"
"""


def write_catalog(folder: Path, body: str, compile_it: bool = True) -> Path:
    po = folder / "fr" / "LC_MESSAGES" / "demo.po"
    po.parent.mkdir(parents=True, exist_ok=True)
    po.write_text(HEADER + body, encoding="utf-8")
    if compile_it:
        with open(po, "rb") as source, open(po.with_suffix(".mo"), "wb") as target:
            write_mo(target, read_po(source))
    return po


def messages(problems: list) -> list[str]:
    return [p.message for p in problems]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "locale"


def test_a_good_catalog_passes_every_check(folder: Path) -> None:
    write_catalog(folder, GOOD)
    (folder / "demo.pot").write_text(HEADER + GOOD.replace("Connectez-vous avant le {date}", "").replace('"mai"', '""'))
    assert catalogs.check_catalogs(folder, "demo") == []


def test_an_untranslated_msgid_is_named_with_its_line(folder: Path) -> None:
    po = write_catalog(folder, GOOD + '\nmsgid "Employees"\nmsgstr ""\n')
    found = catalogs.untranslated_or_fuzzy(po)
    line = HEADER.count("\n") + GOOD.count("\n") + 2
    assert [str(p).split("demo.po:")[1] for p in found] == [f"{line}: untranslated msgid 'Employees'"]


def test_a_fuzzy_entry_is_named(folder: Path) -> None:
    po = write_catalog(folder, GOOD + '\n#, fuzzy\nmsgid "Employees"\nmsgstr "Employés"\n')
    assert messages(catalogs.untranslated_or_fuzzy(po)) == ["fuzzy msgid 'Employees': review it, then drop the flag"]


def test_a_lost_placeholder_is_named(folder: Path) -> None:
    po = write_catalog(folder, GOOD.replace("avant le {date}", "avant la date"))
    assert messages(catalogs.placeholder_mismatches(po)) == [
        "msgid 'Sign in before {date}': placeholders [], want ['date']"
    ]


def test_a_stale_mo_is_named(folder: Path) -> None:
    po = write_catalog(folder, GOOD)
    po.write_text(HEADER + GOOD.replace('"mai"', '"Mai"'), encoding="utf-8")  # edited, not recompiled
    assert messages(catalogs.stale_mo(po)) == ["stale .mo for msgctxt 'month' msgid 'May': run make catalogs-compile"]
    po.with_suffix(".mo").unlink()
    assert "missing: run make catalogs-compile" in messages(catalogs.stale_mo(po))[0]


def test_a_message_missing_from_the_catalog_or_the_template_is_named(folder: Path) -> None:
    po = write_catalog(folder, GOOD)
    pot = folder / "demo.pot"
    pot.write_text(HEADER + 'msgid "Sign in before {date}"\nmsgstr ""\n\nmsgid "Employees"\nmsgstr ""\n')
    assert messages(catalogs.template_coverage(po, pot)) == [
        "msgid 'Employees' is in demo.pot but not here: run make catalogs-update",
        "msgctxt 'month' msgid 'May' is not in demo.pot: run make catalogs-update",
    ]


def test_a_template_older_than_the_code_is_named(tmp_path: Path) -> None:
    code = tmp_path / "pkg"
    code.mkdir()
    (code / "texts.py").write_text('def N_(m):\n    return m\n\n\nTITLE = N_("Your remaining steps")\n')
    pot = tmp_path / "demo.pot"
    pot.write_text(HEADER + 'msgid "Gone from the code"\nmsgstr ""\n', encoding="utf-8")
    found = [str(p) for p in catalogs.template_outdated(pot, code)]
    assert any(
        p.endswith("texts.py:5: msgid 'Your remaining steps' is not in demo.pot: run make catalogs-update")
        for p in found
    )
    assert any("msgid 'Gone from the code' is no longer in the code" in p for p in found), found
