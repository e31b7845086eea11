"""The page's team modules hold no copy of a Python rule (issue 26): the compact record's field order, its flag
bits and the status order reach the page in the engine's reply (`view_fields`, `flags`, `statuses`), and the
modules under `overrides/assets/javascripts/checklist/team/` read them from there.

Read from the source, like test_structure.py: a copied list still gives the right table until the day the engine
changes, which is the day the copy silently goes wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checklist.team import FLAGS, STATUSES, VIEW_FIELDS, team

TEAM_JS = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "javascripts" / "checklist" / "team"
# The Python sequences the page must not spell out again, in their order.
SEQUENCES = {"STATUSES": STATUSES, "VIEW_FIELDS": VIEW_FIELDS, "FLAGS": tuple(FLAGS)}
_WORD = re.compile(r"[A-Za-z_$][\w$]*")
# A flag tested against a number ("flags & 4"), or a bit named in JS ("const SIGNED_IN = 1").
_BITS = re.compile(r"&\s*(?:0x)?\d|<<\s*\d|\bconst\s+[A-Z_]*(?:SIGNED|CONNECTED|ASSOCIATED)[A-Z_]*\s*=\s*\d")


def copies(source: str) -> list[str]:
    """What `source` copies: three or more items of a Python sequence written one after the other, in its order
    (an array literal, an object's keys, a destructuring of the record), or flag bits written as numbers."""
    words = [word.strip("$") for word in _WORD.findall(re.sub(r"//[^\n]*|/\*.*?\*/", " ", source, flags=re.S))]
    found = []
    for name, values in SEQUENCES.items():
        position = {value: index for index, value in enumerate(values)}
        run = 0
        for before, word in zip(["", *words], words, strict=False):
            follows = word in position and before in position and position[word] == position[before] + 1
            run = run + 1 if follows else (1 if word in position else 0)
            if run == min(3, len(values)):
                found.append(f"{name} ({word})")
                break
    found += [f"flag bit {match[0]!r}" for match in _BITS.finditer(source)]
    return found


def test_the_detector_finds_the_copies_the_page_used_to_hold() -> None:
    """The old lines of team-table.js and team-filters.js, each a copy of a Python constant, are found."""
    assert copies("const STATUS_ORDER = { expired: 0, due_soon: 1, in_progress: 2, done: 3 };") == [
        "STATUSES (in_progress)"
    ]
    assert copies('const ORDER = ["expired", "due_soon", "in_progress", "done"];') == ["STATUSES (in_progress)"]
    record = "view.employees.map(([row, status, needs, flags, expires, actions, warnings], rank) => {});"
    assert copies(record) == ["VIEW_FIELDS (actions)"]
    assert copies("const SIGNED_IN = 1;\nconst x = Boolean(flags & SIGNED_IN);") == ["flag bit 'const SIGNED_IN = 1'"]
    assert copies("associated: Boolean(flags & 4),") == ["flag bit '& 4'"]
    # Reading by name is not a copy; nor is a single status named in a filter.
    assert copies('const row = record[at.row]; const keep = (p) => p.status === "expired";') == []


@pytest.mark.parametrize("path", sorted(TEAM_JS.glob("*.js")), ids=lambda path: path.name)
def test_no_team_module_copies_a_python_constant(path: Path) -> None:
    assert copies(path.read_text(encoding="utf-8")) == []


def test_the_team_modules_have_their_folder_and_read_the_reply() -> None:
    names = sorted(path.name for path in TEAM_JS.glob("*.js"))
    assert names == ["export.js", "filters.js", "import.js", "reminders.js", "table.js", "team.js"]
    assert not list(TEAM_JS.parent.glob("team*.js"))  # no module left beside the folder
    table = (TEAM_JS / "table.js").read_text(encoding="utf-8")
    assert all(f"view.{key}" in table for key in ("view_fields", "flags", "statuses"))


def test_the_compact_reply_carries_what_the_page_reads() -> None:
    document = {"language": "en", "today": "2026-11-21", "employees": [{"name": "Ana", "signed_in": True}]}
    view = team(document, view=True)
    assert (view["view_fields"], view["flags"], view["statuses"]) == (list(VIEW_FIELDS), FLAGS, list(STATUSES))
    record = dict(zip(view["view_fields"], view["employees"][0], strict=True))
    assert record["flags"] & view["flags"]["signed_in"] and not record["flags"] & view["flags"]["exams_associated"]
    assert "flags" not in team(document)  # the full status says its facts by name already
