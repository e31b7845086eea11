"""Variants of the project built by the tests: the states of a translation that readers are told about."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tools.site_server import build_site, copy_project

CHANGED_SENTENCE = ("Allow 24 hours", "Wait 24 hours")
NEW_SECTION = "\n## Keep your records {#keep-your-records}\n\nKeep the email.\n"
REVIEW = "translation: human\nreviewed_by: Claire Dubois\nreviewed_on: 2026-11-02"


@dataclass(frozen=True)
class ChangedSite:
    """`site`: built from a project where transition.md changed one sentence and gained a section after its
    translations were made, membership.fr.md was reviewed by a person and benefits.zh-TW.md does not exist;
    `project`: that project; `changed_on`: the day the English file changed (its file time: not a git tree)."""

    site: Path
    project: Path
    changed_on: dt.date


def edit_english(project: Path) -> dt.date:
    """The English edit of `changed_site`, also used by tests that refresh the translations afterwards."""
    english = project / "docs" / "transition.md"
    text = english.read_text(encoding="utf-8")
    assert CHANGED_SENTENCE[0] in text
    english.write_text(text.replace(*CHANGED_SENTENCE), encoding="utf-8")
    return dt.date.fromtimestamp(english.stat().st_mtime)


def build_changed(folder: Path) -> dict:
    project = copy_project(folder / "project")
    changed_on = edit_english(project)
    with (project / "docs" / "transition.md").open("a", encoding="utf-8") as english:
        english.write(NEW_SECTION)
    french = project / "docs" / "membership.fr.md"
    french.write_text(french.read_text(encoding="utf-8").replace("translation: machine", REVIEW), encoding="utf-8")
    (project / "docs" / "benefits.zh-TW.md").unlink()
    result = build_site(project / "site", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr  # strict: the English author is never blocked
    return {"changed_on": changed_on.isoformat()}
