"""What the docs sources say, read the way the tests need it: pages, languages, heading ids, links."""

from __future__ import annotations

import re
from pathlib import Path

from l10n.project import load

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# The source material (shared/seeds) sits beside the project: next to /work/main, or two levels up from a git
# worktree such as /work/wt/<name>. The nearest one up the tree.
SEEDS = next(
    (p / "shared" / "seeds" for p in ROOT.parents if (p / "shared" / "seeds").is_dir()),
    ROOT.parent / "shared" / "seeds",
)
LANGUAGES = load(ROOT).languages  # mkdocs.yml's i18n languages, the default first: the one list
PAGES = (
    "index",
    "checklist",
    "transition",
    "pmc-retirement-faq",
    "membership",
    "benefits",
    "glossary",
    "translation-status",
)
HEADING_ID = re.compile(r"^(#{1,6})\s.*\{[^}]*#([\w-]+)[^}]*\}\s*$")


def source(page: str, language: str) -> Path:
    suffix = "" if language == "en" else f".{language}"
    return DOCS / f"{page}{suffix}.md"


def heading_ids(path: Path) -> list[tuple[int, str, int]]:
    """(level, id, line number) of every heading with an explicit id, in order; code fences skipped."""
    found = []
    fenced = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced and (match := HEADING_ID.match(line)):
            found.append((len(match.group(1)), match.group(2), number))
    return found
