"""The XLIFF hand-off: export and import without edits leave every page byte-identical; an edited target
lands in the right place; placeholders protect the Markdown; translate-toolkit, a tool nobody here wrote,
reads the files (xliff2po) and finds the units and their states."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from l10n import xliff, xliff_catalog
from l10n.cli import main
from l10n.project import Project, load
from tests.helpers.docs import LANGUAGES, PAGES, ROOT


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The real docs/ and mkdocs.yml in a temporary folder (import writes pages)."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_round_trip_without_edits_is_byte_identical(copy: Path, language: str) -> None:
    project = load(copy)
    before = {page: project.source(page, language).read_bytes() for page in project.pages()}
    assert main(["--root", str(copy), "export", "--lang", language]) == 0
    files = sorted((copy / "build" / "xliff" / language).glob("*.xlf"))
    assert len(files) == len(project.pages())
    assert main(["--root", str(copy), "import", *map(str, files)]) == 0
    for page, data in before.items():
        assert project.source(page, language).read_bytes() == data, page


def test_segmenting_any_page_joins_back_to_it() -> None:
    project = load(ROOT)
    for page in PAGES:
        for language in LANGUAGES:
            text = project.source(page, language).read_text(encoding="utf-8")
            assert xliff.render(xliff.segment(text)) == text, (page, language)


@pytest.fixture
def fixture(project: Project) -> Project:
    """The fixture pair of tests/l10n/conftest.py: three pages, both translations marked up to date."""
    return project


def test_units_protect_links_bold_labels_and_ids(fixture: Project) -> None:
    data = xliff.export(fixture, "move", "fr", fixture.docs.parent).decode("utf-8")
    # the label's words are text between a pair of codes, the link target is code
    bold = '<bpt id="1" ctype="bold">**</bpt>Ajouter un nouvel utilisateur<ept id="1">**</ept>'
    assert bold in data
    assert '<bpt id="2" ctype="link">[</bpt>avantages<ept id="2">](benefits.md)</ept>' in data
    assert "{#admin-tasks}" not in data  # ids stay in the skeleton, never in a unit
    assert '<trans-unit id="admin-tasks/1" xml:space="preserve" approved="yes">' in data
    assert "<source>Admin tasks</source>" in data and '<target state="translated">Tâches de l’administrateur' in data
    assert '<trans-unit id="meta/title"' in data and "<source>Move to Partner Center</source>" in data
    assert "Le mot de passe temporaire fonctionne 90\u00a0jours" not in data  # fixture has a plain space
    assert "Le mot de passe temporaire fonctionne 90 jours, jusqu’au 30 juin 2027." in data  # admonition body


def test_an_edited_target_is_written_back_in_place(fixture: Project, tmp_path: Path) -> None:
    root = fixture.docs.parent
    data = xliff.export(fixture, "move", "fr", root).decode("utf-8")
    edited = data.replace(">Tâches de l’administrateur<", ">Tâches d’administration<")
    edited = edited.replace("Envoyez le mot de passe temporaire.", "Transmettez le mot de passe temporaire.")
    file = tmp_path / "move.fr.xlf"
    file.write_text(edited, encoding="utf-8")
    page = fixture.source("move", "fr")
    before = page.read_text(encoding="utf-8")
    result = xliff.import_file(fixture, file, root)
    after = page.read_text(encoding="utf-8")
    assert result.changed == 2 and result.skipped == []
    expected = before.replace(
        "## Tâches de l’administrateur {#admin-tasks}", "## Tâches d’administration {#admin-tasks}"
    )
    expected = expected.replace("3. Envoyez le mot de passe", "3. Transmettez le mot de passe")
    assert after == expected


def test_a_new_english_section_is_exported_for_translation(fixture: Project) -> None:
    english = fixture.source("move", "en")
    english.write_text(english.read_text(encoding="utf-8") + "\n## Renew {#renew}\n\nRenew in time.\n", "utf-8")
    data = xliff.export(fixture, "move", "zh-TW", fixture.docs.parent).decode("utf-8")
    unit = data[data.index('<trans-unit id="renew/2"') :]
    assert "<source>Renew in time.</source>" in unit.split("</trans-unit>")[0]
    assert '<target state="needs-translation" />' in unit.split("</trans-unit>")[0]


def test_translate_toolkit_reads_the_export(fixture: Project, tmp_path: Path) -> None:
    from translate.storage import factory

    file = tmp_path / "move.zh-TW.xlf"
    file.write_bytes(xliff.export(fixture, "move", "zh-TW", fixture.docs.parent))
    store = factory.getobject(str(file))
    # translate-toolkit names a unit `<file original>\x04<trans-unit id>`
    units = {unit.getid().split("\x04")[-1]: unit for unit in store.units if not unit.isheader()}
    assert "admin-tasks/1" in units and units["admin-tasks/1"].source == "Admin tasks"
    assert units["admin-tasks/1"].target == "系統管理員工作" and not units["admin-tasks/1"].isfuzzy()
    assert units["check-status/2"].target == "專長認證進度會在 24 小時後顯示。"


def test_catalog_round_trip_is_byte_identical_and_keeps_msgctxt(tmp_path: Path) -> None:
    """translate-toolkit's own po2xliff drops msgctxt ("May" the month would merge with any other "May");
    ours keeps it in a po-entry context group, and import puts each target back on its own entry."""
    locale = tmp_path / "checklist" / "locale" / "fr" / "LC_MESSAGES"
    locale.mkdir(parents=True)
    po = locale / "checklist.po"
    shutil.copy(ROOT / "checklist" / "locale" / "fr" / "LC_MESSAGES" / "checklist.po", po)
    before = po.read_bytes()
    data = xliff_catalog.export_catalog(po, "fr", tmp_path).decode("utf-8")
    may = data[data.index("<source>May</source>") - 120 : data.index("<source>May</source>") + 260]
    assert '<context context-type="x-po-msgctxt">month</context>' in may and '<target state="translated">mai' in may
    file = tmp_path / "catalog.xlf"
    file.write_text(data, encoding="utf-8")
    assert xliff_catalog.import_catalog(file, tmp_path).changed == 0
    assert po.read_bytes() == before
    file.write_text(data.replace('<target state="translated">mai</target>', '<target state="translated">Mai</target>'))
    assert xliff_catalog.import_catalog(file, tmp_path).changed == 1
    after = po.read_text(encoding="utf-8")
    assert 'msgctxt "month"\nmsgid "May"\nmsgstr "Mai"\n' in after
    assert after.replace('msgstr "Mai"', 'msgstr "mai"', 1) == before.decode("utf-8")
