"""Each break a localization audit made on a copy of the site (issue 15's table) is caught, on a fixture, by
`python -m l10n check`, with a message naming the file, the line and the text expected there.

The fixture pair is clean and marked up to date; each test breaks one thing the way translators do.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from l10n.catalogs import check_catalogs, missing_plurals, msgfmt_check, number_mismatches
from l10n.cli import check_project, main
from l10n.glossary import load_variants
from l10n.project import Project
from tests.helpers.l10n_breaks import edit, line_of


def found(project: Project) -> list[str]:
    problems, _ = check_project(project, project.docs.parent, {"structure", "glossary"})
    return [str(p) for p in problems]


def test_the_fixture_is_clean(project: Project) -> None:
    assert found(project) == []


def test_a_changed_number(project: Project) -> None:
    path, line = edit(project, "fr", "fonctionne 90 jours", "fonctionne 60 jours")
    assert any(p.endswith(f"{path.name}:{line}: section #move: 60 where move.md:10 has 90") for p in found(project))


def test_a_changed_date_in_chinese(project: Project) -> None:
    path, line = edit(project, "zh-TW", "2027 年 6 月 30 日", "2027 年 6 月 3 日")
    assert any(f"{path.name}:{line}: section #move: 3 where move.md:10 has 30" in p for p in found(project))


def test_an_external_link_to_another_article(project: Project) -> None:
    path, line = edit(project, "fr", "fr-fr/dashboard", "fr-fr/benefits")
    expected = (
        f"{path.name}:{line}: section #admin-tasks: link 1 goes to https://partner.microsoft.com/benefits "
        "where move.md:14 links to https://partner.microsoft.com/dashboard"
    )
    assert any(p.endswith(expected) for p in found(project)), found(project)


def test_one_of_three_identical_links_dropped(project: Project) -> None:
    path, _ = edit(project, "fr", " et [avantages](benefits.md).", ".")
    heading = line_of(path, "## Tâches")
    expected = f"{path.name}:{heading}: section #admin-tasks: 3 links where move.md:12 has 4; missing benefits.md"
    assert any(expected in p for p in found(project)), found(project)


def test_two_steps_swapped(project: Project) -> None:
    path = project.source("move", "fr")
    text = path.read_text(encoding="utf-8")
    one = "1. Ouvrez le [tableau de bord](https://partner.microsoft.com/fr-fr/dashboard).\n"
    two = "2. Sélectionnez **Ajouter un nouvel utilisateur**. Voir [avantages](benefits.md).\n"
    path.write_text(text.replace(one + two, two.replace("2.", "1.") + one.replace("1.", "2.")), encoding="utf-8")
    problems = found(project)
    first = line_of(path, "1. Sélectionnez")
    assert any(f"{path.name}:{first}: section #admin-tasks: step 1 is step 2 of move.md:15" in p for p in problems), (
        problems
    )
    assert any("expected step 1, move.md:14" in p for p in problems)


def test_a_wrong_bold_ui_label(project: Project) -> None:
    path, line = edit(project, "fr", "**Ajouter un nouvel utilisateur**", "**Ajouter utilisateur**")
    expected = (
        f"{path.name}:{line}: section #admin-tasks: bold label **Ajouter un nouvel utilisateur** expected "
        "(approved for **Add new user**, move.md:15)"
    )
    assert expected in "\n".join(found(project)), found(project)


def test_an_admonition_body_unindented(project: Project) -> None:
    path, line = edit(project, "fr", "    Le mot de passe", "Le mot de passe")
    expected = f"{path.name}:{line - 1}: admonition 'note' has no body indented by 4 spaces: expected '    '"
    assert any(expected in p for p in found(project)), found(project)


@pytest.mark.parametrize(("wrong", "right"), [("暫時", "暂时"), ("使用者", "用戶"), ("儀表板", "儀表板登錄")])
def test_simplified_characters_and_mainland_terms_in_zh_tw(project: Project, wrong: str, right: str) -> None:
    path = project.source("move", "zh-TW")
    text = path.read_text(encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if wrong in t and not t.startswith("title"))
    path.write_text(text.replace(wrong, right), encoding="utf-8")
    problems = [p for p in found(project) if f"{path.name}:{line}:" in p]
    if right == "暂时":
        assert any("Simplified character(s) in zh-TW: 暂 (use 暫)" in p for p in problems), problems
    elif right == "用戶":
        assert any("'用戶' is not the approved term: use '使用者'" in p for p in problems), problems
    else:
        assert any("'登錄' is not the approved term: use '登入'" in p for p in problems), problems


def test_tenant_is_not_a_mainland_user(project: Project) -> None:
    edit(project, "zh-TW", "您的合作夥伴中心帳戶", "您租用戶的合作夥伴中心帳戶")
    assert found(project) == []


def test_a_wrong_term_beside_the_approved_one(project: Project) -> None:
    """The presence check passes (Espace partenaires is there); the forbidden variant is still named."""
    path, line = edit(project, "fr", "remplace le Partner", "de Microsoft Partner Center remplace le Partner")
    expected = f"{path.name}:{line}: 'Microsoft Partner Center' is not the approved term: use 'Espace partenaires'"
    assert any(p.endswith(expected) for p in found(project)), found(project)
    path, line = edit(project, "zh-TW", "系統管理員工作", "系統管理員工作與小組")
    assert any(p.endswith(f"{path.name}:{line}: '小組' is not the approved term: use '團隊'") for p in found(project))


def test_an_english_paragraph_left_untranslated(project: Project) -> None:
    english = "Competency progress shows after 24 hours."
    path, line = edit(project, "fr", "La progression des compétences s’affiche après 24 heures.", english)
    expected = f"{path.name}:{line}: untranslated paragraph (English, as in move.md:20): {english!r}"
    assert any(p.endswith(expected) for p in found(project)), found(project)
    path, line = edit(project, "zh-TW", "專長認證進度會在 24 小時後顯示。", "Progress shows after 24 hours here.")
    assert any(f"{path.name}:{line}: untranslated paragraph" in p for p in found(project))


def test_broken_front_matter_names_the_file_and_line(project: Project) -> None:
    path, line = edit(project, "fr", "description: Ce que", "description: [Ce que")
    problems = found(project)
    # YAML notices the unclosed `[` where the next key starts: the line after the edit
    expected = f"{path.name}:{line + 1}: front matter is not valid YAML: expected ',' or ']'"
    assert any(expected in p for p in problems), problems


PO_HEADER = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

"""


def catalog(tmp_path: Path, body: str, language: str = "fr") -> Path:
    folder = tmp_path / "locale" / language / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    po = folder / "checklist.po"
    po.write_text(PO_HEADER + textwrap.dedent(body), encoding="utf-8")
    return po


def test_a_changed_number_in_a_po(tmp_path: Path) -> None:
    po = catalog(tmp_path, 'msgid "It works for 90 days."\nmsgstr "Il fonctionne 60 jours."\n')
    problems = [str(p) for p in number_mismatches(po)]
    assert problems == [f"{po}:6: msgid 'It works for 90 days.': numbers ['60'], the English has ['90']"]


def test_an_unescaped_quote_in_a_po_is_msgfmts_error(tmp_path: Path) -> None:
    po = catalog(tmp_path, 'msgid "Say \\"yes\\""\nmsgstr "Dites "oui""\n')
    problems = [str(p) for p in msgfmt_check(po)]
    assert problems and all(p.startswith(f"{po}:7: msgfmt:") for p in problems), problems
    everything = [str(p) for p in check_catalogs(po.parents[2], "checklist")]
    assert everything == problems  # Babel's reading is not trusted until gettext accepts the file


def test_a_count_without_plural_forms(tmp_path: Path) -> None:
    po = catalog(tmp_path, '#, python-brace-format\nmsgid "{count} people"\nmsgstr "{count} personnes"\n')
    problems = [str(p) for p in missing_plurals(po)]
    assert problems == [
        f"{po}:7: msgid '{{count}} people' shows a count ({{count}}) without msgid_plural: use ngettext"
    ]
    plural = catalog(
        tmp_path,
        '#, python-brace-format\nmsgid "{count} person"\nmsgid_plural "{count} people"\n'
        'msgstr[0] "{count} personne"\nmsgstr[1] "{count} personnes"\n',
    )
    assert missing_plurals(plural) == []
    assert msgfmt_check(plural) == []


def test_a_number_that_counts_no_noun_needs_no_plural_forms(tmp_path: Path) -> None:
    """A count in parentheses after a label, or a sentence of texts already made plural, reads the same for 1 and 2."""
    po = catalog(
        tmp_path,
        '#, python-brace-format\nmsgid "Everyone ({count})"\nmsgstr "Tout le monde ({count})"\n\n'
        '#, python-brace-format\nmsgid "{employees}: {expired}."\nmsgstr "{employees}\u00a0: {expired}."\n',
    )
    assert missing_plurals(po) == []


def test_a_forbidden_variant_in_a_catalog(tmp_path: Path) -> None:
    po = catalog(tmp_path, 'msgid "Your team"\nmsgstr "您的小組"\n', language="zh_TW")
    problems = [str(p) for p in check_catalogs(po.parents[2], "checklist", variants=load_variants())]
    assert f"{po}:6: '小組' is not the approved term: use '團隊'" in problems, problems


def test_the_products_own_label_keeps_its_word(tmp_path: Path) -> None:
    """小組 is wrong in our prose but is the product's own word in the labels of seed 002 (termbase `unless`)."""
    po = catalog(tmp_path, 'msgid "Set up your team"\nmsgstr "選取「設定您的小組」"\n', language="zh_TW")
    problems = [str(p) for p in check_catalogs(po.parents[2], "checklist", variants=load_variants())]
    assert [p for p in problems if "小組" in p] == [], problems


def test_an_english_author_adding_a_section_and_a_step_is_not_blocked(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    english = project.source("move", "en")
    text = english.read_text(encoding="utf-8").replace(
        "3. Send the temporary password.", "3. Check the email address.\n4. Send the temporary password."
    )
    english.write_text(text + "\n## Renew {#renew}\n\nRenew before 30 June 2027.\n", encoding="utf-8")
    root = str(project.docs.parent)
    assert main(["--root", root, "check", "--only", "structure", "--only", "glossary"]) == 0
    err = capsys.readouterr().err
    assert "difference(s) in stale translations: work for the localizer, not errors" in err
    assert main(["--root", root, "status"]) == 0
    out = capsys.readouterr().out
    assert "move.md:23" in out and "#renew" in out and "missing in fr" in out and "missing in zh-TW" in out
    stale = f"move.fr.md:{line_of(project.source('move', 'fr'), '## Tâches')}"
    assert any(stale in row and "#admin-tasks" in row and " stale " in row for row in out.splitlines()), out


def test_a_human_translation_says_who_reviewed_it_and_when(project: Project) -> None:
    path, _ = edit(project, "fr", "translation: machine", "translation: human")
    problems = found(project)
    assert f"{path}:1: translation: human needs reviewed_by: <the reviewer's name>" in problems, problems
    assert f"{path}:1: translation: human needs reviewed_on: YYYY-MM-DD (the date of the review)" in problems
    edit(project, "fr", "translation: human", "translation: human\nreviewed_by: Claire Dubois\nreviewed_on: 2026-11-02")
    assert found(project) == []
