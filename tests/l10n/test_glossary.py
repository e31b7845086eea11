"""Termbase: where the English uses a term, the translation uses the approved equivalent; the glossary page
is generated from the same file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from l10n.glossary import check_translation, english_uses, load_termbase, render, validate_termbase
from l10n.markdown import parse
from l10n.project import Project
from tests.helpers.docs import LANGUAGES
from tests.helpers.l10n_fixture import ENGLISH, FRENCH

TERMS = load_termbase()
# The equivalents the issue names, as the seeds translate them (shared/seeds 000-004).
EXPECTED = {
    "partner-center": ("Partner Center", "Espace partenaires", "合作夥伴中心"),
    "partner-university": ("Partner University", "Université des partenaires", "合作夥伴大學"),
    "competency": ("competency", "compétence", "專長認證"),
}


def test_termbase_is_complete() -> None:
    assert validate_termbase(TERMS, LANGUAGES) == []
    by_id = {term.id: term for term in TERMS}
    for term_id, names in EXPECTED.items():
        assert tuple(by_id[term_id].names[lang] for lang in LANGUAGES) == names
    english = {term.names["en"] for term in TERMS}
    for name in ("Partner Membership Center (PMC)", "Microsoft Partner Network (MPN)", "Microsoft Action Pack"):
        assert name in english


# The real pages' terms are checked in tests/l10n/test_real_project.py (through `check_project`).


def check(make_project: Callable[..., Project], french: str) -> list[str]:
    project = make_project(move=ENGLISH, move__fr=french)
    return [str(p) for p in check_translation(TERMS, project.docs / "move.md", project.docs / "move.fr.md", "fr")]


def test_the_fixture_pair_is_clean(make_project: Callable[..., Project]) -> None:
    assert check(make_project, FRENCH) == []


def test_a_wrong_term_is_named_with_file_line_and_approved_term(make_project: Callable[..., Project]) -> None:
    french = FRENCH.replace("La progression des compétences", "La progression des certifications")
    found = check(make_project, french)
    line = next(i for i, text in enumerate(french.splitlines(), 1) if "{#check-status}" in text)
    english_line = next(i for i, text in enumerate(ENGLISH.splitlines(), 1) if text.startswith("Competency"))
    assert len(found) == 1, found
    assert found[0].endswith(
        f"move.fr.md:{line}: section #check-status: move.md:{english_line} says 'Competency', "
        "the translation lacks the approved 'compétence' (termbase: competency)"
    ), found


def test_a_form_to_avoid_is_named(make_project: Callable[..., Project]) -> None:
    french = FRENCH.replace(
        "le Partner Membership Center.", "le Partner Membership Center et le MicrosoftPartner Network."
    )
    found = check(make_project, french)
    assert any(
        "'MicrosoftPartner Network' is not the approved term: use 'Microsoft Partner Network (MPN)'" in p for p in found
    ), found


def test_a_term_inside_a_longer_one_does_not_count() -> None:
    english = parse("# T {#t}\n\nPartner Membership Center is retired.\n")
    uses = [term.id for term, _, _ in english_uses(TERMS, english.sections[0])]
    assert uses == ["partner-membership-center"]  # not "membership", though the words contain it


def test_bold_ui_labels_are_not_running_text(make_project: Callable[..., Project]) -> None:
    english = ENGLISH.replace("1. Open the dashboard.", "1. Open the **Dashboard** menu.")
    french = FRENCH.replace("1. Ouvrez le tableau de bord.", "1. Ouvrez le menu **Dashboard**.")
    project = make_project(move=english, move__fr=french)
    assert check_translation(TERMS, project.docs / "move.md", project.docs / "move.fr.md", "fr") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_table_lists_every_term_in_the_readers_language_first(language: str) -> None:
    names = {"en": "English", "fr": "Français", "zh-TW": "繁體中文"}
    table = render(TERMS, language, LANGUAGES, names, "Meaning").splitlines()
    assert table[0].startswith(f"| {names[language]} |")
    assert len(table) == 2 + len(TERMS)
    for row, term in zip(table[2:], TERMS, strict=True):
        assert f'<strong id="term-{term.id}">{term.names[language]}</strong>' in row
        assert term.definitions[language] in row


def test_the_termbase_definitions_follow_the_page_rules(tmp_path: Path) -> None:
    """The glossary page shows the termbase's definitions: variants and language rules apply to them too."""
    from l10n.checks import Variant
    from l10n.glossary import definition_problems, load_termbase

    termbase = tmp_path / "termbase.yml"
    termbase.write_text(
        "terms:\n"
        "  - id: partner-center\n"
        "    term: {en: Partner Center, fr: Espace partenaires, zh-TW: 合作夥伴中心}\n"
        "    match: {fr: [Espace partenaires]}\n"
        "    definition:\n"
        "      en: Microsoft's portal.\n"
        "      fr: Le portail de Microsoft ; il remplace le PMC.\n"
        "      zh-TW: 在此查看您的會員資格。\n",
        encoding="utf-8",
    )
    variants = {"zh-TW": [Variant("查看", "檢視")]}
    found = [
        f"{p.path.name}:{p.line}: {p.message}" for p in definition_problems(load_termbase(termbase), variants, termbase)
    ]
    assert "termbase.yml:8: '查看' is not the approved term: use '檢視'" in found
    assert any(p.startswith("termbase.yml:7: plain space before ';'") for p in found), found
