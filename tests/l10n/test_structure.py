"""Structure parity: same heading ids, numbered steps per section and internal link targets as the English."""

from __future__ import annotations

from collections.abc import Callable

from l10n.project import Project
from l10n.structure import compare
from tests.helpers.l10n_fixture import ENGLISH, FRENCH

# The real pages are checked in tests/l10n/test_real_project.py, through `check_project`: a translation marked up
# to date must have its English page's structure; a stale one's differences are the localizer's pending work.


def problems(make_project: Callable[..., Project], french: str) -> list[str]:
    project = make_project(move=ENGLISH, move__fr=french)
    return [str(p) for p in compare(project.docs / "move.md", project.docs / "move.fr.md")]


def test_the_fixture_pair_is_clean(make_project: Callable[..., Project]) -> None:
    assert problems(make_project, FRENCH) == []


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_missing_heading_id_is_named_with_its_line(make_project: Callable[..., Project]) -> None:
    french = FRENCH.replace("## Vérifier le statut {#check-status}", "## Vérifier le statut")
    found = problems(make_project, french)
    line = line_of(french, "## Vérifier le statut")
    assert any(
        p.endswith(
            f"move.fr.md:{line}: a heading without {{#id}} where move.md:{line_of(ENGLISH, '{#check-status}')} "
            "has heading id #check-status"
        )
        for p in found
    ), found


def test_a_renamed_or_dropped_id_is_named(make_project: Callable[..., Project]) -> None:
    renamed = problems(make_project, FRENCH.replace("{#admin-tasks}", "{#taches-admin}"))
    assert any("heading id #taches-admin" not in p and "#taches-admin where move.md" in p for p in renamed), renamed
    dropped = FRENCH.replace("## Vérifier le statut {#check-status}\n", "")
    found = problems(make_project, dropped)
    assert any("missing heading id #check-status (from move.md:" in p for p in found), found


def test_a_heading_at_another_level_is_named(make_project: Callable[..., Project]) -> None:
    found = problems(make_project, FRENCH.replace("## Tâches", "### Tâches"))
    assert any("heading #admin-tasks is level 3, move.md:" in p and "level 2" in p for p in found), found


def test_a_dropped_step_is_named_with_its_section(make_project: Callable[..., Project]) -> None:
    french = FRENCH.replace("3. Envoyez le mot de passe temporaire.\n", "")
    found = problems(make_project, french)
    assert found == [
        f"{found[0].split(':')[0]}:{line_of(french, '{#admin-tasks}')}: section #admin-tasks has 2 numbered steps, "
        f"move.md:{line_of(ENGLISH, '{#admin-tasks}')} has 3"
    ]


def test_a_lost_or_changed_link_target_is_named(make_project: Callable[..., Project]) -> None:
    french = FRENCH.replace("(faq.md)", "(faq.md#other)")
    found = problems(make_project, french)
    english_line = line_of(ENGLISH, "(faq.md)")
    heading_line = line_of(french, "{#check-status}")
    assert any(
        p.endswith(f":{heading_line}: missing link to faq.md (in section #check-status, move.md:{english_line})")
        for p in found
    ), found
    assert any(f":{line_of(french, 'faq.md#other')}: links to faq.md#other, which move.md" in p for p in found), found


def test_external_links_and_code_fences_are_not_structure(make_project: Callable[..., Project]) -> None:
    french = FRENCH.replace(
        "Voir [la FAQ](faq.md).", "Voir [la FAQ](faq.md) et [Microsoft](https://learn.microsoft.com/fr-fr/)."
    )
    french += "\n```text\n## pas un titre\n1. pas une étape\n```\n"
    assert problems(make_project, french) == []
