"""Staleness cannot hide problems (issue 23, point 3): a `source_hash` that names no English revision is an
error naming the file and the hash, and a section whose English did not change is checked in full even while
another section of the page is stale."""

from __future__ import annotations

import subprocess
from pathlib import Path

from l10n.cli import check_project, main
from l10n.project import Project
from l10n.status import set_front_matter
from tests.helpers.l10n_breaks import edit, line_of  # the fixture pair (conftest.py: `project`), and its edits

WRONG = "0123456789abcdef0123456789abcdef01234567"


def commit_all(folder: Path) -> None:
    """The fixture folder as a git repository with one commit (so the English file has a history)."""

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "fixture")


def set_hash(path: Path, value: str) -> None:
    path.write_text(set_front_matter(path.read_text(encoding="utf-8"), "source_hash", value), encoding="utf-8")


def errors(made: Project) -> tuple[list[str], list[str]]:
    problems, pending = check_project(made, made.docs.parent, {"structure", "glossary"})
    return [str(p) for p in problems], [str(p) for p in pending]


def test_a_hash_of_no_english_revision_is_an_error_and_hides_nothing(project: Project, capsys) -> None:  # noqa: F811
    commit_all(project.docs.parent)
    path = project.source("move", "fr")
    set_hash(path, WRONG)
    edit(project, "fr", "fonctionne 90 jours", "fonctionne 60 jours")
    problems, pending = errors(project)
    line = line_of(path, "source_hash:")
    assert any(f"move.fr.md:{line}: source_hash {WRONG} matches no revision of move.md" in p for p in problems)
    assert any("60 where move.md:10 has 90" in p for p in problems), problems  # not downgraded to pending
    assert pending == []
    assert main(["--root", str(project.docs.parent), "check", "--only", "structure"]) == 1
    assert WRONG in capsys.readouterr().out


def test_an_old_english_revision_is_no_error(project: Project) -> None:  # noqa: F811
    commit_all(project.docs.parent)
    source = project.source("move", "en")
    source.write_text(source.read_text(encoding="utf-8") + "\nMore text.\n", encoding="utf-8")
    problems, _ = errors(project)
    assert not any("source_hash" in p for p in problems), problems  # stale, honestly: its hash is in the history


def test_a_hash_that_is_no_blob_id_is_an_error(project: Project) -> None:  # noqa: F811
    set_hash(project.source("move", "zh-TW"), "latest")
    problems, _ = errors(project)
    assert any("move.zh-TW.md:" in p and "source_hash latest is not a git blob id" in p for p in problems)


def test_an_unchanged_section_is_checked_in_full_beside_a_stale_one(project: Project) -> None:  # noqa: F811
    source = project.source("move", "en")
    english = source.read_text(encoding="utf-8")
    source.write_text(english.replace("Send the temporary password.", "Send the new password."), encoding="utf-8")
    path, line = edit(project, "fr", "fonctionne 90 jours", "fonctionne 60 jours")
    edit(
        project,
        "fr",
        "## Tâches de l’administrateur {#admin-tasks}\n",
        "## Tâches de l’administrateur {#admin-tasks}\n\n1. Étape en plus.\n",
    )
    problems, pending = errors(project)
    assert any(p.endswith(f"{path.name}:{line}: section #move: 60 where move.md:10 has 90") for p in problems)
    # the changed section's difference (an extra step) is the localizer's pending work, not an error
    assert any("section #admin-tasks has 4 numbered steps" in p for p in pending), pending
    assert not any("#admin-tasks" in p for p in problems)
