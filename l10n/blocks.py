"""Block parity from the real parser: each translation against its English, as the build reads them.

The line checks (structure.py, checks.py) see lines; a translator's worst breaks are blocks: a bullet item
dropped, an admonition removed with its body dedented into a paragraph, a paragraph invented, a definition
row broken into running text, a link whose `[` went missing. Here both pages go through Python-Markdown with
the extensions of mkdocs.yml, and the resulting blocks (headings, paragraphs, list items, admonitions and
their bodies, definition terms and definitions, tables, code blocks, and the links in each) are compared
section by section. Each difference names the file and line of the translation (found by the block's first
words) and the English block it stands for.

The same blocks feed a language identification per sentence (English stop-word share), which catches an
English sentence left inside a translated paragraph, where a line's average would hide it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import markdown
from lxml import html as lxml_html

from l10n.markdown import split_front_matter
from l10n.problems import Problem
from l10n.project import ROOT

TOP = "(top)"
# Keys a translation has as the English has them: translated (title, description) or copied (roles, template).
TRANSLATED_KEYS = ("title", "description")


@dataclass
class Block:
    kind: str  # e.g. `paragraph`, `bullet item`, `paragraph in admonition note`
    text: str  # the words, whitespace collapsed
    links: list[str] = field(default_factory=list)  # href of each link, in order
    empty_links: int = 0  # links without words
    prose: str = ""  # the words outside bold labels and code (for language identification)
    line: int = 0  # in the file, found by the block's first words


@lru_cache(maxsize=1)
def _extensions(config: Path = ROOT / "mkdocs.yml") -> tuple[list, dict]:
    """The `markdown_extensions` of mkdocs.yml as Python-Markdown takes them (names and their options)."""
    from mkdocs.utils.yaml import yaml_load

    with open(config, encoding="utf-8") as handle:
        data = yaml_load(handle) or {}
    names: list = []
    options: dict = {}
    for entry in data.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            for name, value in entry.items():
                names.append(name)
                options[name] = value or {}
        else:
            names.append(entry)
    return names, options


def render(text: str) -> str:
    """The body of a page (front matter aside) as the build's Markdown makes it into HTML."""
    names, options = _extensions()
    _, body, _ = split_front_matter(text)
    return markdown.markdown(body, extensions=names, extension_configs=options)


def _words(element: lxml_html.HtmlElement, skip: tuple[str, ...] = ()) -> str:
    parts: list[str] = []

    def walk(node: lxml_html.HtmlElement) -> None:
        if not isinstance(node.tag, str):
            return
        classes = (node.get("class") or "").split()
        nested = node.tag in ("ul", "ol", "dl", "table", "pre") or (node.tag == "div" and "admonition" in classes)
        if not (nested or node.tag in skip or "headerlink" in classes):
            parts.append(node.text or "")
            for child in node:
                walk(child)
                parts.append(child.tail or "")
            return
        # a nested block: its words belong to that block

    parts.append(element.text or "")
    for child in element:
        walk(child)
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _block(kind: str, element: lxml_html.HtmlElement) -> Block:
    links = [a for a in element.iter("a") if "headerlink" not in (a.get("class") or "")]
    own = [a for a in links if not any(p.tag in ("ul", "ol", "dl") for p in a.iterancestors() if p is not element)]
    return Block(
        kind,
        _words(element),
        [a.get("href") or "" for a in own],
        sum(1 for a in own if not " ".join(a.text_content().split())),
        _words(element, skip=("strong", "code", "a")),
    )


def blocks(text: str) -> list[tuple[str, Block]]:
    """(section id, block) for every block of a page, in reading order; headings with an id start sections."""
    return list(_blocks(text))


@lru_cache(maxsize=64)
def _blocks(text: str) -> tuple[tuple[str, Block], ...]:
    """blocks(), once per page text: block parity, language identification and block terms all read them."""
    root = lxml_html.fragment_fromstring(render(text) or "<p></p>", create_parent="div")
    found: list[tuple[str, Block]] = []
    section = [TOP]

    def add(kind: str, element: lxml_html.HtmlElement) -> None:
        found.append((section[0], _block(kind, element)))

    def walk(parent: lxml_html.HtmlElement, where: str) -> None:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            classes = (child.get("class") or "").split()
            if re.fullmatch(r"h[1-6]", tag):
                if child.get("id"):
                    section[0] = child.get("id")
                add(f"heading {tag}", child)
            elif tag == "p" and "admonition-title" not in classes:
                add(f"paragraph{where}", child)
            elif tag in ("ul", "ol"):
                item = "bullet item" if tag == "ul" else "numbered step"
                for li in child:
                    if isinstance(li.tag, str):
                        add(f"{item}{where}", li)
                        walk_nested(li, f" in a {item}")
            elif tag == "div" and "admonition" in classes:
                kind = next((c for c in classes if c != "admonition"), "")
                title = child.find("p")
                titled = title is not None and "admonition-title" in (title.get("class") or "")
                found.append((section[0], Block(f"admonition {kind}{where}", _words(title) if titled else "")))
                walk(child, f" in admonition {kind}")
            elif tag == "details":
                kind = next(iter(classes), "")
                summary = child.find("summary")
                words = _words(summary) if summary is not None else ""
                found.append((section[0], Block(f"collapsible {kind}{where}", words)))
                walk(child, f" in collapsible {kind}")
            elif tag == "dl":
                for part in child:
                    if part.tag == "dt":
                        add(f"definition term{where}", part)
                    elif part.tag == "dd":
                        add(f"definition{where}", part)
                        walk_nested(part, " in a definition")
            elif tag == "table":
                rows = len(child.findall(".//tr"))
                found.append((section[0], Block(f"table of {rows} rows{where}", "")))
            elif tag == "pre":
                found.append((section[0], Block(f"code block{where}", "")))
            elif tag in ("div", "blockquote", "section", "article"):
                walk(child, where)

    def walk_nested(parent: lxml_html.HtmlElement, where: str) -> None:
        for child in parent:
            if isinstance(child.tag, str) and child.tag in ("ul", "ol", "dl", "div", "details", "table", "pre"):
                walk(_wrap(child), where)

    walk(root, "")
    _locate(text, found)
    return tuple(found)


def _wrap(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    holder = lxml_html.Element("div")
    holder.append(_copy(element))
    return holder


def _copy(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    import copy

    return copy.deepcopy(element)


def _plain(line: str) -> str:
    """A source line as words: no Markdown markers, link targets, attribute lists or admonition syntax."""
    line = re.sub(r"\]\([^)]*\)", "", line)
    line = re.sub(r"\{[:#.][^}]*\}", "", line)
    line = re.sub(r'^\s*(?:!!!|\?\?\?\+?)\s+[\w-]+\s*"?', "", line)
    line = re.sub(r"^\s*(?:[-*+]|\d{1,3}[.)]|:|#{1,6})\s+", "", line)
    line = re.sub(r"<[^>]+>", "", line)
    line = re.sub(r"[*`\[\]\"|]", "", line)
    return " ".join(line.split()).casefold()


def _locate(text: str, found: list[tuple[str, Block]]) -> None:
    """Give each block the file line where its first words are (after the previous block's line)."""
    lines = [_plain(line) for line in text.split("\n")]
    cursor = split_front_matter(text)[2]  # body lines only: the title is in the front matter too
    body = cursor
    for _, block in found:
        start = None
        for count in (4, 2, 1):  # a block's first words may wrap onto the next line (a definition's term)
            words = " ".join(block.text.split()[:count]).casefold()
            if not words:
                break
            start = next((i for i in range(cursor, len(lines)) if words in lines[i]), None)
            if start is None:
                start = next((i for i in range(body, len(lines)) if words in lines[i]), None)
            if start is not None:
                break
        cursor = cursor if start is None else start
        block.line = cursor + 1


def _by_section(found: list[tuple[str, Block]]) -> dict[str, list[Block]]:
    out: dict[str, list[Block]] = {}
    for key, block in found:
        out.setdefault(key, []).append(block)
    return out


def _key(block: Block) -> tuple[str, tuple[str, ...], int]:
    """What aligns an English block with its translation: its kind, its numbers, its number of links (the
    words differ), so that dropping the second of three bullet items is seen as the second one missing."""
    return (block.kind, tuple(sorted(re.findall(r"\d+", block.text))), len(block.links))


def _label(key: str) -> str:
    return key if key == TOP else f"#{key}"


def _quote(block: Block) -> str:
    return repr(block.text[:50]) if block.text else ""


def compare(source: Path, path: Path) -> list[Problem]:
    """Block parity of one translation with its English, section by section (sections matched by heading id)."""
    english = _by_section(blocks(source.read_text(encoding="utf-8")))
    translation = _by_section(blocks(path.read_text(encoding="utf-8")))
    problems = []
    for key, ours in english.items():
        theirs = translation.get(key)
        if theirs is None:
            continue  # structure.compare_headings reports a missing section
        where = f"section {_label(key)}"
        matcher = difflib.SequenceMatcher(a=[_key(b) for b in ours], b=[_key(b) for b in theirs], autojunk=False)
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            same_kinds = [b.kind for b in ours[a1:a2]] == [b.kind for b in theirs[b1:b2]]
            if op == "equal" or (op == "replace" and same_kinds):  # a number or a link differs: checks.py says so
                for mine, other in zip(ours[a1:a2], theirs[b1:b2], strict=True):
                    problems += _compare_links(mine, other, where, source, path)
                continue
            near = theirs[b1].line if b1 < len(theirs) else theirs[-1].line
            for i in range(max(a2 - a1, b2 - b1)):
                mine = ours[a1 + i] if a1 + i < a2 else None
                other = theirs[b1 + i] if b1 + i < b2 else None
                if mine and other:
                    message = f"{other.kind} where {source.name}:{mine.line} has the {mine.kind} {_quote(mine)}"
                    problems.append(Problem(path, other.line, f"{where}: {message}"))
                elif mine or other:
                    problems.append(_count_or_block(mine, other, ours, theirs, near, where, source, path, key))
    return problems


def _count_or_block(
    mine: Block | None,
    other: Block | None,
    ours: list[Block],
    theirs: list[Block],
    near: int,
    where: str,
    source: Path,
    path: Path,
    key: str,
) -> Problem:
    """A block missing from (or added to) a section. When the section has other blocks just like it (three
    bullet items without numbers), which one went is a guess: the message then gives the counts instead."""
    block = mine or other
    assert block is not None
    ambiguous = sum(1 for b in ours if _key(b) == _key(block)) > (1 if mine else 0)
    alike_ours = [b for b in ours if b.kind == block.kind]
    alike_theirs = [b for b in theirs if b.kind == block.kind]
    first_ours = alike_ours[0].line if alike_ours else block.line
    if mine and ambiguous:
        line = alike_theirs[0].line if alike_theirs else near
        message = (
            f"{len(alike_theirs)} {block.kind}(s) where {source.name}:{first_ours} has {len(alike_ours)}: "
            "one was dropped or merged into another"
        )
        return Problem(path, line, f"{where}: {message}")
    if mine:
        return Problem(path, near, f"{where}: lacks the {mine.kind} of {source.name}:{mine.line} {_quote(mine)}")
    if ambiguous:
        message = (
            f"{len(alike_theirs)} {block.kind}(s) where {source.name}:{first_ours} has {len(alike_ours)}: "
            "one is not in the English"
        )
        return Problem(path, alike_theirs[0].line, f"{where}: {message}")
    message = f"{block.kind} {_quote(block)} is not in {source.name} (section {_label(key)})"
    return Problem(path, block.line, f"{where}: {message}")


def _compare_links(mine: Block, other: Block, where: str, source: Path, path: Path) -> list[Problem]:
    if len(mine.links) != len(other.links):
        message = (
            f"{other.kind} has {len(other.links)} link(s) where {source.name}:{mine.line} has {len(mine.links)}"
            " (a link's Markdown `[words](target)` is broken or missing)"
        )
        return [Problem(path, other.line, f"{where}: {message}")]
    if other.empty_links > mine.empty_links:
        return [Problem(path, other.line, f"{where}: a link of this {other.kind} has no words (`[](target)`)")]
    return []


def front_matter(source: Path, path: Path) -> list[Problem]:
    """The translation has every front-matter key of the English; the untranslated ones (roles, template)
    with the English value, since the build and the checklist read them."""
    ours, _, _ = split_front_matter(source.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    theirs, _, _ = split_front_matter(text)
    problems = []
    for key, value in ours.items():
        if key not in theirs:
            problems.append(Problem(path, 1, f"front matter lacks {key}: (the English {source.name} has {key}: …)"))
        elif key not in TRANSLATED_KEYS and theirs[key] != value:
            line = next((i for i, t in enumerate(text.splitlines(), 1) if t.startswith(f"{key}:")), 1)
            message = f"front matter {key}: {theirs[key]!r} where {source.name} has {value!r} (not translated)"
            problems.append(Problem(path, line, message))
        elif key in TRANSLATED_KEYS and not str(theirs[key] or "").strip():
            problems.append(Problem(path, 1, f"front matter {key}: is empty"))
    return problems


# Words only English prose is made of: none is also a French word (so not `on`, `or`, `as`, `a`, `je`).
_STOP_WORDS = (
    "the and to your you of is are for with this that it be can from will when after before which what how if "
    "by not has have their they we our was were been into then than there these those its also only do does "
    "any all each until about an at"
)
ENGLISH_STOP = frozenset(_STOP_WORDS.split(" "))
SENTENCE = re.compile(r"[^.!?。！？]+[.!?。！？]?")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z’']*")


def english_sentences(text: str, minimum: int = 6) -> list[str]:
    """Sentences of a translated block that are English: at least `minimum` Latin words, a quarter of them
    (and at least three) English stop words."""
    found = []
    for sentence in SENTENCE.findall(text):
        words = [w.lower() for w in LATIN_WORD.findall(sentence)]
        if len(words) < minimum:
            continue
        stop = sum(1 for w in words if w in ENGLISH_STOP)
        if stop >= 3 and stop * 4 >= len(words):
            found.append(" ".join(sentence.split()))
    return found


def untranslated_sentences(path: Path, language: str) -> list[Problem]:
    """English sentences left in the paragraphs, items and definitions of a translation."""
    problems = []
    for key, block in blocks(path.read_text(encoding="utf-8")):
        if block.kind.startswith(("heading", "table", "code block")):
            continue
        for sentence in english_sentences(block.prose):
            message = f"section {_label(key)}: English sentence left in a {language} {block.kind}: {sentence[:70]!r}"
            problems.append(Problem(path, block.line, message))
    return problems
