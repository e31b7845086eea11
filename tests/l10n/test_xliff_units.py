"""Every unit of an XLIFF file is checked before anything is written back (issue 23, points 1 and 2): the
source's codes each exactly once, pairs nested, no unknown ids, no empty target; a refusal names the file and
the unit. Bold labels and link text are editable text between paired codes; what CAT tools really write
(lxml edits, `<g>` instead of `<bpt>`/`<ept>`, translate-toolkit's po2xliff 1.1 and xliff2 2.0) is read or
refused with the real reason."""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from l10n import xliff
from l10n.cli import main
from l10n.project import Project
from tests.helpers.docs import ROOT
from tests.helpers.l10n_breaks import MKDOCS

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


@pytest.fixture
def fixture(project: Project) -> Project:
    """The fixture pair of tests/l10n/conftest.py: three pages, both translations marked up to date."""
    return project


def exported(fixture: Project, tmp_path: Path) -> tuple[Path, etree._ElementTree]:
    file = tmp_path / "move.fr.xlf"
    file.write_bytes(xliff.export(fixture, "move", "fr", fixture.docs.parent))
    return file, etree.parse(str(file))


def target(tree: etree._ElementTree, unit_id: str) -> etree._Element:
    return tree.find(f".//x:trans-unit[@id='{unit_id}']/x:target", NS)


def refused(fixture: Project, file: Path, tree: etree._ElementTree, capsys: pytest.CaptureFixture[str]) -> str:
    """Import the edited file: it must fail, say why, and leave the page as it was."""
    tree.write(str(file), encoding="utf-8", xml_declaration=True)
    page = fixture.source("move", "fr")
    before = page.read_bytes()
    assert main(["--root", str(fixture.docs.parent), "import", str(file)]) == 1
    assert page.read_bytes() == before
    err = capsys.readouterr().err
    assert f"{file}: refused, nothing written" in err
    return err


def test_reordered_link_codes_are_refused(fixture: Project, tmp_path: Path, capsys) -> None:
    file, tree = exported(fixture, tmp_path)
    element = target(tree, "admin-tasks/2")  # Ouvrez le [tableau de bord](…).
    bpt, ept = element.find("x:bpt", NS), element.find("x:ept", NS)
    element.remove(bpt)
    ept.addnext(bpt)  # `](url)` before `[`: the link the issue saw written back as l'](https://…)obtention…[
    err = refused(fixture, file, tree, capsys)
    assert "unit admin-tasks/2 (move.fr.md:20): code 1 closes before it opens" in err


def test_a_duplicated_code_is_refused(fixture: Project, tmp_path: Path, capsys) -> None:
    file, tree = exported(fixture, tmp_path)
    element = target(tree, "admin-tasks/4")  # two links to benefits.md
    bpt, ept = element.findall("x:bpt", NS)[0], element.findall("x:ept", NS)[0]
    copy_bpt, copy_ept = copy.deepcopy(bpt), copy.deepcopy(ept)
    copy_bpt.tail = "avantages"
    copy_ept.tail = "."
    element.append(copy_bpt)
    element.append(copy_ept)
    err = refused(fixture, file, tree, capsys)
    assert "unit admin-tasks/4 (move.fr.md:22): code 1 appears 2 times (once expected)" in err


def test_an_unknown_code_id_is_refused(fixture: Project, tmp_path: Path, capsys) -> None:
    file, tree = exported(fixture, tmp_path)
    element = target(tree, "admin-tasks/3")
    element.find("x:bpt", NS).set("id", "7")
    element.find("x:ept", NS).set("id", "7")
    err = refused(fixture, file, tree, capsys)
    assert "unit admin-tasks/3 (move.fr.md:21): code 7 is not in the source" in err
    assert "code 1 of the source (pair of tags) is missing" in err


def test_an_empty_target_is_refused(fixture: Project, tmp_path: Path, capsys) -> None:
    file, tree = exported(fixture, tmp_path)
    element = target(tree, "move/2")
    for child in list(element):
        element.remove(child)
    element.text = ""
    err = refused(fixture, file, tree, capsys)
    assert "unit move/2 (move.fr.md:13): the target is empty" in err


def test_a_cat_edit_of_a_bold_label_round_trips(fixture: Project, tmp_path: Path) -> None:
    """What Trados or memoQ do: new words between the label's tags; the `**` come back from the page."""
    file, tree = exported(fixture, tmp_path)
    element = target(tree, "admin-tasks/3")
    element.find("x:bpt", NS).tail = "Ajouter un utilisateur"
    element.find("x:ept", NS).text = ""  # a tool that does not write the native code back
    tree.write(str(file), encoding="utf-8", xml_declaration=True)
    page = fixture.source("move", "fr")
    before = page.read_text(encoding="utf-8")
    result = xliff.import_file(fixture, file, fixture.docs.parent)
    assert result.changed == 1
    new = "Sélectionnez **Ajouter un utilisateur**. Voir [avantages](benefits.md)."
    assert page.read_text(encoding="utf-8") == before.replace(
        "Sélectionnez **Ajouter un nouvel utilisateur**. Voir [avantages](benefits.md).", new
    )
    # and the edited page exports the new label as text between the same pair of codes
    again = xliff.export(fixture, "move", "fr", fixture.docs.parent).decode("utf-8")
    assert '<bpt id="1" ctype="bold">**</bpt>Ajouter un utilisateur<ept id="1">**</ept>' in again


def test_g_codes_and_a_moved_link_are_accepted_and_urls_come_from_the_page(fixture: Project, tmp_path: Path) -> None:
    file, tree = exported(fixture, tmp_path)
    element = target(tree, "admin-tasks/3")
    for child in list(element):
        element.remove(child)
    g = "urn:oasis:names:tc:xliff:document:1.2"
    element.text = "Voir "
    link = etree.SubElement(element, f"{{{g}}}g", id="2")
    link.text = "avantages"
    link.tail = ", puis sélectionnez "
    bold = etree.SubElement(element, f"{{{g}}}g", id="1")
    bold.text = "Ajouter"
    bold.tail = "."
    tree.write(str(file), encoding="utf-8", xml_declaration=True)
    xliff.import_file(fixture, file, fixture.docs.parent)
    text = fixture.source("move", "fr").read_text(encoding="utf-8")
    assert "2. Voir [avantages](benefits.md), puis sélectionnez **Ajouter**.\n" in text


def test_a_retyped_url_inside_a_code_is_ignored(fixture: Project, tmp_path: Path) -> None:
    file, tree = exported(fixture, tmp_path)
    target(tree, "admin-tasks/2").find("x:ept", NS).text = "](https://example.org/)"
    tree.write(str(file), encoding="utf-8", xml_declaration=True)
    assert xliff.import_file(fixture, file, fixture.docs.parent).changed == 0
    assert "https://example.org" not in fixture.source("move", "fr").read_text(encoding="utf-8")


def test_a_file_renumbered_by_a_tool_is_refused_with_the_real_reason(fixture: Project, tmp_path: Path, capsys) -> None:
    file, tree = exported(fixture, tmp_path)
    for number, unit in enumerate(tree.iterfind(".//x:trans-unit", NS), start=1):
        unit.set("id", str(number))
    tree.write(str(file), encoding="utf-8", xml_declaration=True)
    assert main(["--root", str(fixture.docs.parent), "import", str(file)]) == 1
    err = capsys.readouterr().err
    assert f"{file}: none of its 11 unit ids (first: '1') is a unit of move.fr.md" in err
    assert "po2xliff" in err


def test_translate_toolkit_xliff2_without_original_is_refused_with_the_reason(
    fixture: Project, tmp_path: Path, capsys
) -> None:
    from translate.storage import xliff2

    store = xliff2.Xliff2File()
    unit = store.addsourceunit("Admin tasks")
    unit.setid("admin-tasks/1")
    unit.target = "Tâches d’administration"
    file = tmp_path / "move.fr.xlf"
    file.write_bytes(bytes(store))
    assert main(["--root", str(fixture.docs.parent), "import", str(file)]) == 1
    err = capsys.readouterr().err
    assert f"{file}: XLIFF 2.0 <file> has no original= attribute" in err and "names files by id only" in err


def test_xliff2_with_original_and_pc_codes_is_read(fixture: Project, tmp_path: Path) -> None:
    file = tmp_path / "move.fr.xlf"
    file.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">'
        '<file id="f1" original="docs/move.fr.md"><unit id="admin-tasks/3"><segment>'
        '<source>Select <pc id="1">Add new user</pc>. See <pc id="2">benefits</pc>.</source>'
        '<target>Sélectionnez <pc id="1">Ajouter</pc>. Voir <pc id="2">avantages</pc>.</target>'
        "</segment></unit></file></xliff>",
        encoding="utf-8",
    )
    assert xliff.import_file(fixture, file, fixture.docs.parent).changed == 1
    assert "2. Sélectionnez **Ajouter**. Voir [avantages](benefits.md).\n" in fixture.source("move", "fr").read_text(
        encoding="utf-8"
    )


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    locale = tmp_path / "checklist" / "locale" / "fr" / "LC_MESSAGES"
    locale.mkdir(parents=True)
    po = locale / "checklist.po"
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    shutil.copy(ROOT / "checklist" / "locale" / "fr" / "LC_MESSAGES" / "checklist.po", po)
    return po


def po2xliff(po: Path, out: Path) -> etree._ElementTree:
    tool = Path(ROOT / ".venv" / "bin" / "po2xliff")
    subprocess.run([str(tool), "-i", str(po), "-o", str(out)], check=True, capture_output=True)
    return etree.parse(str(out))


def test_po2xliff_catalog_output_is_read(catalog: Path, tmp_path: Path, capsys) -> None:
    """translate-toolkit's po2xliff writes XLIFF 1.1, numbered ids, an absolute original: matched by source."""
    out = tmp_path / "c.xlf"
    tree = po2xliff(catalog, out)
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.1"}
    assert tree.getroot().get("version") == "1.1"
    before = catalog.read_bytes()
    assert main(["--root", str(tmp_path), "import", str(out)]) == 0  # unedited: nothing changes
    assert catalog.read_bytes() == before
    source = next(s for s in tree.iterfind(".//x:source", ns) if s.text == "Add your team")
    source.getparent().find("x:target", ns).text = "Ajoutez votre équipe"
    tree.write(str(out), encoding="utf-8")
    assert main(["--root", str(tmp_path), "import", str(out)]) == 0
    assert 'msgid "Add your team"\nmsgstr "Ajoutez votre équipe"' in catalog.read_text(encoding="utf-8")


def test_po2xliff_entries_of_one_msgid_are_told_apart_by_order(catalog: Path, tmp_path: Path, capsys) -> None:
    """po2xliff drops msgctxt: the two "Done" entries are matched in catalog order; a file that lost one of
    them cannot be matched and is refused, naming the unit and why."""
    out = tmp_path / "c.xlf"
    tree = po2xliff(catalog, out)
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.1"}
    units = [s.getparent() for s in tree.iterfind(".//x:source", ns) if s.text == "Done"]
    assert len(units) == 2
    units[1].find("x:target", ns).text = "Terminée"
    tree.write(str(out), encoding="utf-8")
    assert main(["--root", str(tmp_path), "import", str(out)]) == 0
    assert 'msgctxt "team status"\nmsgid "Done"\nmsgstr "Terminée"' in catalog.read_text(encoding="utf-8")
    units[0].getparent().remove(units[0])
    tree.write(str(out), encoding="utf-8")
    before = catalog.read_bytes()
    assert main(["--root", str(tmp_path), "import", str(out)]) == 1
    assert catalog.read_bytes() == before
    err = capsys.readouterr().err
    assert f"unit {units[1].get('id')}: 'Done' is 2 entries of checklist.po" in err and "drops msgctxt" in err


def test_translate_toolkit_saves_the_file_and_its_plain_text_edit_is_refused(
    fixture: Project, tmp_path: Path, capsys
) -> None:
    """A tool nobody here wrote: translate-toolkit loads and saves the export and the page stays byte for byte;
    its plain-text setter (`unit.target = …`) writes Markdown as text and keeps the old codes beside it, which
    the import refuses, naming the unit and why, rather than doubling the sentence in the page."""
    from translate.storage import factory

    file, _ = exported(fixture, tmp_path)
    store = factory.getobject(str(file))
    page = fixture.source("move", "fr")
    before = page.read_bytes()
    file.write_bytes(bytes(store))
    assert xliff.import_file(fixture, file, fixture.docs.parent).changed == 0
    assert page.read_bytes() == before
    unit = next(u for u in store.units if u.getid().endswith("admin-tasks/3"))
    unit.target = unit.target.replace("Ajouter un nouvel utilisateur", "Ajouter un utilisateur")
    file.write_bytes(bytes(store))
    assert main(["--root", str(fixture.docs.parent), "import", str(file)]) == 1
    assert page.read_bytes() == before
    err = capsys.readouterr().err
    assert "unit admin-tasks/3 (move.fr.md:21): Markdown typed as text ('**', '[', '](benefits.md)')" in err
