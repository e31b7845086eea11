"""Structure parity: a translation has the same skeleton as its English source.

Same heading ids (links and old deep links land on them), the same number of numbered steps in each section
(a dropped or merged step is the translation error readers pay for most), and the same internal link targets
(a translated page must not lose a cross-reference or point somewhere else). Wording is free; skeleton is not.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from l10n.markdown import Document, Heading, internal_link_targets, parse, steps
from l10n.problems import Problem


def _heading_label(heading: Heading) -> str:
    return f"#{heading.id}" if heading.id else "a heading without {#id}"


def compare_headings(english: Document, translation: Document, source: Path, path: Path) -> list[Problem]:
    """Heading ids and levels, in order; messages say which id is missing, extra or replaced, and where."""
    want = english.headings
    have = translation.headings
    problems = []
    matcher = difflib.SequenceMatcher(a=[h.id for h in want], b=[h.id for h in have], autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            for ours, theirs in zip(want[a1:a2], have[b1:b2], strict=True):
                if ours.level != theirs.level:
                    problems.append(
                        Problem(
                            path,
                            theirs.line,
                            f"heading #{theirs.id} is level {theirs.level}, "
                            f"{source.name}:{ours.line} has it at level {ours.level}",
                        )
                    )
            continue
        pairs = max(a2 - a1, b2 - b1)
        for i in range(pairs):
            ours = want[a1 + i] if a1 + i < a2 else None
            theirs = have[b1 + i] if b1 + i < b2 else None
            if ours and theirs:
                problems.append(
                    Problem(
                        path,
                        theirs.line,
                        f"{_heading_label(theirs)} where {source.name}:{ours.line} has heading id #{ours.id}",
                    )
                )
            elif ours:
                near = have[b1].line if b1 < len(have) else (have[-1].line if have else 1)
                problems.append(Problem(path, near, f"missing heading id #{ours.id} (from {source.name}:{ours.line})"))
            elif theirs:
                problems.append(Problem(path, theirs.line, f"{_heading_label(theirs)} is not in {source.name}"))
    return problems


def compare_steps(english: Document, translation: Document, source: Path, path: Path) -> list[Problem]:
    """Numbered steps per section (sections matched by heading id)."""
    problems = []
    for section in english.sections:
        other = translation.section(section.key)
        if other is None:
            continue  # reported by compare_headings
        ours, theirs = steps(section), steps(other)
        if len(ours) != len(theirs):
            problems.append(
                Problem(
                    path,
                    other.line,
                    f"section {section.key} has {len(theirs)} numbered steps, "
                    f"{source.name}:{section.line} has {len(ours)}",
                )
            )
    return problems


def compare_links(english: Document, translation: Document, source: Path, path: Path) -> list[Problem]:
    """Internal link targets of the whole page, as sets: each missing or extra target, with a line to look at."""
    where_ours: dict[str, tuple[int, str]] = {}
    for section in english.sections:
        for line, target in internal_link_targets(section):
            where_ours.setdefault(target, (line, section.key))
    where_theirs: dict[str, int] = {}
    for section in translation.sections:
        for line, target in internal_link_targets(section):
            where_theirs.setdefault(target, line)
    problems = []
    for target, (line, key) in where_ours.items():
        if target not in where_theirs:
            other = translation.section(key)
            problems.append(
                Problem(
                    path,
                    other.line if other else 1,
                    f"missing link to {target} (in section {key}, {source.name}:{line})",
                )
            )
    for target, line in where_theirs.items():
        if target not in where_ours:
            problems.append(Problem(path, line, f"links to {target}, which {source.name} does not link to"))
    return sorted(problems, key=lambda p: p.line)


def compare(source: Path, path: Path) -> list[Problem]:
    """Every structure difference between an English page and one translation of it."""
    english = parse(source.read_text(encoding="utf-8"))
    translation = parse(path.read_text(encoding="utf-8"))
    return [
        *compare_headings(english, translation, source, path),
        *compare_steps(english, translation, source, path),
        *compare_links(english, translation, source, path),
    ]
