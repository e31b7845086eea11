"""Hand-off to translation tools: one XLIFF 1.2 file per page and language, and back.

Why our own segmenter: translate-toolkit's `md2po` and `mdpo` mangle this site's Markdown (admonitions,
definition lists, front matter, French no-break spaces). Here a page is cut into pieces that join back to the
exact file: skeleton (markers, indentation, ids, fences, blank lines) and units (the words of a heading, a
paragraph, a list item, a definition, an admonition title or body line, a table cell, the front matter's
`title` and `description`). Inside a unit, the words of bold UI labels and of links stay text a translator
edits, between paired codes (`<bpt>`/`<ept>`: `**`…`**`, `[`…`](url)`); inline code, HTML and attribute lists
are `<ph>` placeholders (l10n/inline.py). Import checks every unit's codes before it writes anything.

Units are named `<section id>/<n>` (n counts the section's units), so the English unit of the same name is the
`<source>` and the translation's the `<target>`, with a `state`: `translated` when the section is up to date,
`needs-review-translation` when the English section changed since, `needs-translation` when the translation
has no such unit. Import replaces each unit's words in the translated page and nothing else, so exporting and
importing without edits leaves the page byte for byte as it was.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from l10n.inline import Mark, Token, Written, natives, problems, rebuild, renumber, shape, tokenize
from l10n.markdown import FENCE, FRONT_MATTER, HEADING
from l10n.project import Project
from l10n.status import SECTION_CURRENT, SECTION_STALE, TOP, section_status
from l10n.xliff_read import ReadDocument, read, text_of

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
ET.register_namespace("", NS)

BLOCK_START = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+][ \t]+|\d{1,3}[.)][ \t]+|:[ \t]+)?(?P<rest>.*)$")
ADMONITION_TITLE = re.compile(r'^(?P<head>[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+[ \t]+")(?P<title>[^"]*)(?P<tail>".*)$')
HEADING_ATTR = re.compile(r"(?P<text>.*?)(?P<attr>[ \t]*\{[^}]*\}[ \t]*)?$")
REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:")
TABLE_SEPARATOR = re.compile(r"^[ \t]*\|?[ \t:|-]+\|[ \t:|-]*$")
META_KEYS = ("title", "description")


@dataclass
class Unit:
    id: str
    text: str  # the words, lines joined by "\n", markers and indentation removed
    indents: list[str] = field(default_factory=list)  # the prefix of each continuation line, as in the file
    line: int = 0

    def render(self, text: str | None = None) -> str:
        """The unit as it goes back into the file, with `text` (default: its own) in place of its words."""
        lines = (self.text if text is None else text).split("\n")
        out = lines[0]
        for i, line in enumerate(lines[1:]):
            indent = self.indents[i] if i < len(self.indents) else (self.indents[-1] if self.indents else "")
            out += "\n" + indent + line
        return out


def segment(text: str) -> list[str | Unit]:
    """The page as skeleton strings and Units; `"".join(render)` of them is the page, byte for byte."""
    pieces: list[str | Unit] = []
    counts: dict[str, int] = {}
    section = TOP

    def unit(words: str, line: int, indents: list[str] | None = None) -> Unit:
        counts[section] = counts.get(section, 0) + 1
        return Unit(f"{section}/{counts[section]}", words, indents or [], line)

    body_start = 0
    match = FRONT_MATTER.match(text)
    if match:
        section = "meta"
        for number, line in enumerate(match.group(0).splitlines(keepends=True), start=1):
            key = re.match(r"^(?P<key>\w+):[ \t]+(?P<value>[^\n'\"\[{|>].*?)(?P<end>[ \t]*\n?)$", line)
            if key and key["key"] in META_KEYS:
                pieces.append(line[: key.start("value")])
                counts[section] = 0
                pieces.append(Unit(f"meta/{key['key']}", key["value"], [], number))
                pieces.append(key["end"])
            else:
                pieces.append(line)
        body_start = match.end()
        section = TOP
    lines = text[body_start:].split("\n")
    first_line = text[:body_start].count("\n") + 1
    i = 0
    fenced = False
    while i < len(lines):
        line = lines[i]
        newline = "\n" if i < len(lines) - 1 else ""
        number = first_line + i
        if FENCE.match(line):
            fenced = not fenced
        if fenced or FENCE.match(line) or _skeleton_only(line):
            pieces.append(line + newline)
            i += 1
            continue
        if heading := HEADING.match(line):
            parts = HEADING_ATTR.match(heading.group(2))
            assert parts is not None
            anchor = re.search(r"#([\w-]+)", parts["attr"] or "")
            section = anchor.group(1) if anchor else f"line-{number}"
            pieces.append(line[: heading.start(2)])
            pieces.append(unit(parts["text"], number))
            pieces.append((parts["attr"] or "") + line[heading.end(2) :] + newline)
            i += 1
            continue
        if title := ADMONITION_TITLE.match(line):
            pieces += [title["head"], unit(title["title"], number), title["tail"] + newline]
            i += 1
            continue
        if line.lstrip().startswith("|"):
            pieces += _table_row(line, number, unit)
            pieces.append(newline)
            i += 1
            continue
        start = BLOCK_START.match(line)
        assert start is not None
        prefix = start["indent"] + (start["marker"] or "")
        words = [start["rest"]]
        indents: list[str] = []
        j = i + 1
        while j < len(lines) and _continues(lines[j]):
            stripped = lines[j].lstrip(" \t")
            indents.append(lines[j][: len(lines[j]) - len(stripped)])
            words.append(stripped)
            j += 1
        pieces.append(prefix)
        pieces.append(unit("\n".join(words), number, indents))
        pieces.append("\n" if j < len(lines) else "")
        i = j
    return pieces


def _skeleton_only(line: str) -> bool:
    """Lines with no words to translate: blank, comments, reference definitions, table rules, raw HTML."""
    stripped = line.strip()
    return (
        not stripped
        or stripped.startswith(("<!--", "<", "---", "{:"))
        or bool(REFERENCE.match(line))
        or bool(TABLE_SEPARATOR.match(line) and "-" in line)
        or bool(re.match(r"^[ \t]*(?:!!!|\?\?\?)", line))
    )


def _continues(line: str) -> bool:
    """A line continues the block above it (a wrapped paragraph or list item), rather than starting one."""
    if not line.strip() or FENCE.match(line) or HEADING.match(line) or _skeleton_only(line):
        return False
    if line.lstrip().startswith("|"):
        return False
    start = BLOCK_START.match(line)
    return not (start and start["marker"])


def _table_row(line: str, number: int, unit) -> list[str | Unit]:  # type: ignore[no-untyped-def]
    """A table row: pipes and padding as skeleton, each non-empty cell a unit (`\\|` stays inside a cell)."""
    pieces: list[str | Unit] = []
    for part in re.split(r"((?<!\\)\|)", line):
        if part == "|" or not part.strip():
            pieces.append(part)
            continue
        lead = part[: len(part) - len(part.lstrip())]
        trail = part[len(part.rstrip()) :]
        pieces += [lead, unit(part.strip(), number), trail]
    return pieces


def render(pieces: list[str | Unit], targets: dict[str, str] | None = None) -> str:
    targets = targets or {}
    return "".join(p if isinstance(p, str) else p.render(targets.get(p.id)) for p in pieces)


def units(pieces: list[str | Unit]) -> dict[str, Unit]:
    return {p.id: p for p in pieces if isinstance(p, Unit)}


CTYPES = {"bold": "bold", "link": "link", "code": "x-md-code", "html": "x-md-html", "attr": "x-md-attr"}


def _inline(parent: ET.Element, tokens: list[Token]) -> None:
    """Tokens into `parent`: text as character data, pairs as `<bpt>`/`<ept>`, the rest as `<ph>` (XLIFF 1.2),
    each code holding its Markdown (tools show it; import takes it from the page, not from the file)."""
    last: ET.Element | None = None
    parent.text = ""
    for token in tokens:
        if isinstance(token, str):
            if last is None:
                parent.text += token
            else:
                last.tail = (last.tail or "") + token
            continue
        tag = {"open": "bpt", "close": "ept", "ph": "ph"}[token.role]
        attributes = {"id": token.id}
        if token.role != "close":
            attributes["ctype"] = CTYPES[token.kind] if token.role == "open" else f"x-md-{token.kind}"
        last = ET.SubElement(parent, f"{{{NS}}}{tag}", attributes)
        last.text = token.native
        last.tail = ""


STRUCTURE = {f"{{{NS}}}{name}" for name in ("xliff", "file", "header", "body", "trans-unit")}


def indent(element: ET.Element, level: int = 0, structure: set[str] = STRUCTURE) -> None:
    """Indent the document's structure (the tags of `structure`) for people reading the file, never inside
    `<source>`/`<target>` (ET.indent would write whitespace into a unit whose first child is a placeholder)."""
    if element.tag not in structure or not len(element):
        return
    element.text = "\n" + " " * (level + 1)
    for child in element:
        indent(child, level + 1, structure)
        child.tail = "\n" + " " * (level + 1)
    element[-1].tail = "\n" + " " * level


def export(project: Project, page: str, language: str, root: Path) -> bytes:
    """The XLIFF 1.2 document for one page in one language (UTF-8 bytes)."""
    source = project.source(page, project.default)
    path = project.source(page, language)
    english = units(segment(source.read_text(encoding="utf-8")))
    translated = units(segment(path.read_text(encoding="utf-8"))) if path.exists() else {}
    states = {s.id: s.state for s in section_status(project, page, language)} if path.exists() else {}
    xliff = ET.Element(f"{{{NS}}}xliff", version="1.2")
    file = ET.SubElement(
        xliff,
        f"{{{NS}}}file",
        {
            "original": path.relative_to(root).as_posix(),
            "source-language": project.default,
            "target-language": language,
            "datatype": "x-markdown",
        },
    )
    header = ET.SubElement(file, f"{{{NS}}}header")
    note = ET.SubElement(header, f"{{{NS}}}note")
    note.text = f"English source: {source.relative_to(root).as_posix()}. Import with: make l10n-import FILE=<this file>"
    body = ET.SubElement(file, f"{{{NS}}}body")
    for unit_id in list(dict.fromkeys([*translated, *english])):
        ours, theirs = english.get(unit_id), translated.get(unit_id)
        element = ET.SubElement(body, f"{{{NS}}}trans-unit", {"id": unit_id, XML_SPACE: "preserve"})
        source_tokens = tokenize(ours.text) if ours else []
        _inline(ET.SubElement(element, f"{{{NS}}}source"), source_tokens)
        section = unit_id.split("/")[0]
        if theirs is not None:
            state = {SECTION_CURRENT: "translated", SECTION_STALE: "needs-review-translation"}.get(
                states.get(section, SECTION_CURRENT), "needs-review-translation"
            )
            if ours is None:
                state = "needs-review-translation"
            if state == "translated":
                element.set("approved", "yes")  # what tools (translate-toolkit, Okapi) read as "not fuzzy"
            target = ET.SubElement(element, f"{{{NS}}}target", state=state)
            _inline(target, renumber(tokenize(theirs.text), source_tokens))
        else:
            ET.SubElement(element, f"{{{NS}}}target", state="needs-translation").text = ""
        where = f"{path.name}:{theirs.line}" if theirs and theirs.line else f"{source.name}:{ours.line if ours else 0}"
        ET.SubElement(element, f"{{{NS}}}note").text = f"section {section}, {where}"
    indent(xliff)
    return ET.tostring(xliff, encoding="utf-8", xml_declaration=True) + b"\n"


@dataclass
class Imported:
    path: Path
    changed: int
    skipped: list[str]  # unit ids with a target but no place in the page (a section the page lacks)


class ImportRefusedError(ValueError):
    """An XLIFF file not written back: the message names the file and, per unit, what is wrong."""


def _page_file(document: ReadDocument, xliff: Path, root: Path) -> Path:
    """The translated page an XLIFF file belongs to (`<file original>`), or the real reason there is none."""
    if not document.files:
        raise ImportRefusedError(f"{xliff}: XLIFF {document.version} without any <file> element")
    original = document.files[0].original
    if not original:
        hint = " (translate-toolkit's XLIFF 2.0 store names files by id only)" if document.version == "2.0" else ""
        raise ImportRefusedError(
            f"{xliff}: XLIFF {document.version} <file> has no original= attribute{hint}, so the page it belongs "
            "to is unknown: translate the file make l10n-export wrote, and keep its <file original>"
        )
    path = Path(original)
    if path.is_absolute():
        path = path.relative_to(root) if path.is_relative_to(root) else path
    if path.suffix != ".md":
        raise ImportRefusedError(
            f"{xliff}: <file original={original!r}> is not a page of docs/ (XLIFF {document.version}, "
            f"datatype {document.files[0].datatype!r}): make l10n-import takes the files make l10n-export wrote"
        )
    return root / path


def import_file(project: Project, xliff: Path, root: Path) -> Imported:
    """Write the `<target>`s of an XLIFF file back into the translated page it names (`file/@original`).

    Every unit is checked first (its codes against the source's, no empty target where the page has text);
    one bad unit refuses the whole file, naming each unit and what is wrong, and nothing is written.
    """
    try:
        document = read(xliff)
    except ET.ParseError as error:
        raise ImportRefusedError(f"{xliff}: not well-formed XML: {error}") from error
    path = _page_file(document, xliff, root)
    if not path.exists():
        raise FileNotFoundError(f"{xliff}: the page it was exported from, {path}, does not exist")
    page, language = project.split(path)
    text = path.read_text(encoding="utf-8")
    pieces = segment(text)
    known = units(pieces)
    english = units(segment(project.source(page, project.default).read_text(encoding="utf-8")))
    found = [unit for file in document.files for unit in file.units]
    if found and not any(unit.id in known or unit.id in english for unit in found):
        raise ImportRefusedError(
            f"{xliff}: none of its {len(found)} unit ids (first: {found[0].id!r}) is a unit of "
            f"{path.name}, which make l10n-export names <section id>/<n>: a tool renumbered them "
            "(translate-toolkit's po2xliff writes 1, 2, 3...); translate the exported file itself"
        )
    targets: dict[str, str] = {}
    skipped = []
    refusals = []
    for unit in found:
        if unit.target is None:
            continue
        if unit.id not in known:
            if text_of(unit.target).strip():
                skipped.append(unit.id)
            continue
        ours = tokenize(english[unit.id].text) if unit.id in english else []
        theirs = renumber(tokenize(known[unit.id].text), ours)
        reasons = []
        if unit.id in english and text_of(unit.source) != text_of(ours):
            reasons.append("its <source> is not the English text any more: export again")
        source_shape = _shape(unit.source)
        reasons += problems(unit.target, [source_shape, shape(theirs)])
        typed = _typed_markdown(unit.target)
        if typed:
            reasons.append(
                f"Markdown typed as text ({', '.join(typed)}) beside the codes: a tool wrote the target as plain "
                "text (translate-toolkit's `unit.target = …` keeps the old codes too); use the tags"
            )
        if not text_of(unit.target).strip() and (text_of(unit.source).strip() or known[unit.id].text.strip()):
            reasons.append("the target is empty: importing it would delete the text of the page")
        if reasons:
            refusals += [f"  unit {unit.id} ({path.name}:{known[unit.id].line}): {reason}" for reason in reasons]
            continue
        targets[unit.id] = rebuild(unit.target, {**natives(ours), **natives(theirs)})
    if refusals:
        raise ImportRefusedError(f"{xliff}: refused, nothing written:\n" + "\n".join(refusals))
    updated = render(pieces, targets)
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    changed = sum(1 for unit_id, words in targets.items() if words != known[unit_id].text)
    return Imported(path, changed, skipped)


def _typed_markdown(parts: list[Written]) -> list[str]:
    """Inline Markdown in the text of a target (`**`, `[`…`](url)`, backticks): what should be codes."""
    found = []
    for part in parts:
        if isinstance(part, str):
            found += [t.native for t in tokenize(part) if not isinstance(t, str) and t.kind != "attr"]
    return list(dict.fromkeys(repr(code) for code in found))[:3]


def _shape(parts: list[Written]) -> dict[str, str]:
    """id -> `paired` / `ph` of the codes a `<source>` holds, as read back."""
    return {m.id: ("paired" if m.role == "open" else "ph") for m in parts if isinstance(m, Mark) and m.role != "close"}
