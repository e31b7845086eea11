"""Just enough Markdown reading for the translation checks: front matter, sections, steps, links, prose.

Why not a Markdown parser: the checks must name the line of the source file a localizer has open, and they
compare a translation with its English source line by line of structure (heading ids, numbered steps, link
targets). A line scanner that knows about front matter, code fences and HTML comments gives exact line
numbers and is enough for the Markdown this site is written in (see README.md, "Writing and translating pages").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
HEADING_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
# An ordered list item: 1-3 digits (a year wrapped to the start of a line is not a step), then `.` or `)`.
STEP = re.compile(r"^[ \t]*\d{1,3}[.)][ \t]+\S")
FENCE = re.compile(r"^[ \t]*(```|~~~)")
# Link targets: inline `](target)`, reference definitions `[id]: target`, and raw HTML `href="target"`.
INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
REFERENCE_LINK = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:[ \t]|$)")
HTML_LINK = re.compile(r"""\bhref=["']([^"']+)["']""")
EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str | None  # the explicit `{#id}`, None when the heading has none
    line: int
    text: str = ""  # the heading as written, `{#id}` included


@dataclass
class Section:
    """The lines from one heading (or the start of the body) to the next heading, whatever its level."""

    heading: Heading | None  # None for the text before the first heading
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line number, text) outside fences/comments

    @property
    def key(self) -> str:
        """How a section is matched across languages: its heading id (ids are identical in every language)."""
        if self.heading is None:
            return "(top)"
        return f"#{self.heading.id}" if self.heading.id else f"(heading without id, line {self.heading.line})"

    @property
    def line(self) -> int:
        return self.heading.line if self.heading else (self.lines[0][0] if self.lines else 1)

    def text_lines(self) -> list[tuple[int, str]]:
        """(line, text) of the heading and every line of the section: what a reader reads in it."""
        heading = [(self.heading.line, self.heading.text)] if self.heading else []
        return heading + [(number, line) for number, line in self.lines if line]


@dataclass
class Document:
    meta: dict
    sections: list[Section]

    @property
    def headings(self) -> list[Heading]:
        return [s.heading for s in self.sections if s.heading is not None]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


class FrontMatterError(ValueError):
    """Front matter that is not valid YAML; `line` is the file line YAML stopped at (the block starts on line 2)."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(f"line {line}: front matter is not valid YAML: {problem}")
        self.line = line
        self.problem = problem


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """(front matter as a dict, body, number of lines before the body) so body line numbers stay file lines.

    Raises FrontMatterError (with the file line) rather than a bare YAML traceback: callers add the file name.
    """
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 2
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise FrontMatterError(line, str(problem)) from error
    return (meta if isinstance(meta, dict) else {}), text[match.end() :], match.group(0).count("\n")


def parse(text: str) -> Document:
    """Sections of a Markdown page with file line numbers; code fences and HTML comments are left out."""
    meta, body, offset = split_front_matter(text)
    sections = [Section(heading=None)]
    fenced = False
    in_comment = False
    for number, line in enumerate(body.splitlines(), start=offset + 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        line, in_comment = _strip_comments(line, in_comment)
        if not line.strip():
            sections[-1].lines.append((number, ""))
            continue
        if match := HEADING.match(line):
            anchor = HEADING_ID.search(match.group(2))
            heading = Heading(len(match.group(1)), anchor.group(1) if anchor else None, number, match.group(2))
            sections.append(Section(heading=heading))
            continue
        sections[-1].lines.append((number, line))
    if not sections[0].lines or not any(text.strip() for _, text in sections[0].lines):
        sections = sections[1:] if len(sections) > 1 else sections
    return Document(meta=meta, sections=sections)


def _strip_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """The line without `<!-- ... -->` parts (they may span lines); whether a comment is still open after it."""
    kept = []
    rest = line
    while rest:
        if in_comment:
            end = rest.find("-->")
            if end == -1:
                return "".join(kept), True
            rest = rest[end + 3 :]
            in_comment = False
        else:
            start = rest.find("<!--")
            if start == -1:
                kept.append(rest)
                break
            kept.append(rest[:start])
            rest = rest[start + 4 :]
            in_comment = True
    return "".join(kept), in_comment


def steps(section: Section) -> list[int]:
    """Line numbers of the numbered steps (ordered list items, nested ones included) of a section."""
    return [number for number, line in section.lines if STEP.match(line)]


def link_targets(line: str) -> list[str]:
    """Every link target written on a line (inline, reference definition or HTML href)."""
    found = INLINE_LINK.findall(line) + HTML_LINK.findall(line)
    if match := REFERENCE_LINK.match(line):
        found.append(match.group(1))
    return found


def internal_link_targets(section: Section) -> list[tuple[int, str]]:
    """(line, target) of links to this site (other pages, anchors); `./` prefixes are dropped."""
    found = []
    for number, line in section.lines:
        for target in link_targets(line):
            if not EXTERNAL.match(target):
                found.append((number, target.removeprefix("./")))
    return found


def prose(line: str) -> str:
    """The words of a line as a reader sees them: no link targets, attribute lists, inline code or HTML tags."""
    line = INLINE_LINK.sub("]", line)
    line = re.sub(r"\{[:#.][^}]*\}", " ", line)  # attr_list: {#id}, {: .class}
    line = re.sub(r"`[^`]*`", " ", line)
    line = re.sub(r"<[^>]+>", " ", line)
    line = re.sub(r"https?://\S+", " ", line)
    return line.replace("\u00a0", " ").replace("\u202f", " ")
