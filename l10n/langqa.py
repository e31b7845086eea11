"""Language QA from data (l10n/langrules.yml): punctuation spacing (fr), full-width punctuation (zh-TW), the
site's date style, distinct plural forms in catalogs, wrong renderings of terms at every occurrence, and
the termbase's approved term in each block (paragraph, item, definition) whose English uses the term.

The rules read the words a reader sees: code, link targets, URLs, HTML tags, attribute lists and `{name}`
placeholders are blanked first (same length, so columns stay true), and fenced code is skipped.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from pathlib import Path

import yaml

from l10n.markdown import FENCE, FRONT_MATTER
from l10n.problems import Problem

RULES = Path(__file__).with_name("langrules.yml")
CJK = "\u3400-\u9fff"
MASKS = [
    re.compile(r"`[^`]*`"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"https?://\S+"),
    re.compile(r"<[^>]+>"),
    re.compile(r"\{[^}]*\}"),
]


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES) -> dict:
    """language -> its rules (see the comments at the top of langrules.yml)."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def visible(text: str) -> str:
    """`text` with what readers do not read as words blanked (by spaces, so offsets stay)."""
    for mask in MASKS:
        text = mask.sub(lambda m: " " * len(m.group(0)), text)
    return text


def text_problems(path: Path, lines: list[tuple[int, str]], language: str, english: str = "") -> list[Problem]:
    """Every rule of `language` on (line, text) pairs; `english` is the source text (a date it writes the
    same way, `8/10/2026` in "How does your file write dates like 8/10/2026?", is an example, not a style)."""
    rules = load_rules().get(language) or {}
    problems = []
    for line, raw in lines:
        text = visible(raw)
        for message in _line_messages(text, rules, english):
            problems.append(Problem(path, line, message))
    return problems


def _line_messages(text: str, rules: dict, english: str = "") -> list[str]:
    found = []
    space = rules.get("space_before")
    if space:
        marks = re.escape(space["marks"])
        spaces = "".join(space["spaces"])
        for match in re.finditer(rf"(?<=[\w»*)’\"]) ([{marks}])(?=\s|$|\*)", text):
            found.append(
                f"plain space before {match.group(1)!r} (column {match.start() + 1}): French uses a no-break "
                f"space (U+00A0): {_around(text, match)!r}"
            )
        for match in re.finditer(rf"(?<=[^\W\d_])([{marks}])(?=\s|$)", text):
            if match.start() > 0 and text[match.start() - 1] not in spaces:
                found.append(
                    f"no space before {match.group(1)!r} (column {match.start() + 1}): French puts a no-break "
                    f"space (U+00A0) there: {_around(text, match)!r}"
                )
    wide = rules.get("full_width") or {}
    if wide:
        marks = re.escape("".join(wide))
        unbold = text.replace("**", "")
        for match in re.finditer(rf"(?<=[{CJK}])([{marks}])|([,;:])(?=[{CJK}])", unbold):
            mark = match.group(1) or match.group(2)
            found.append(f"half-width {mark!r} beside Chinese text: use {wide[mark]!r}: {_around(unbold, match)!r}")
    dates = rules.get("dates") or {}
    for pattern in dates.get("wrong") or []:
        for match in re.finditer(pattern, text):
            if match.group(0) in english:
                continue
            found.append(f"date written {match.group(0)!r}: the site writes dates as {dates.get('style')}")
    for rule in rules.get("patterns") or []:
        for match in re.finditer(rule["pattern"], text):
            found.append(f"{match.group(0).strip()!r} (column {match.start() + 1}): {rule['use']}")
    for term, wrong in (rules.get("terms") or {}).items():
        for form in wrong:
            for match in re.finditer(re.escape(form), text, re.IGNORECASE):
                found.append(f"{match.group(0)!r} is a wrong rendering of the term {term} (termbase)")
    return found


def _around(text: str, match: re.Match[str]) -> str:
    return text[max(0, match.start() - 15) : match.end() + 5].strip()


def front_matter_lines(text: str) -> list[tuple[int, str]]:
    """(line, value) of the `title:` and `description:` of a page's front matter: what readers see of it."""
    match = FRONT_MATTER.match(text)
    if not match:
        return []
    return [
        (number, line.split(":", 1)[1])
        for number, line in enumerate(match.group(0).splitlines(), start=1)
        if re.match(r"(title|description):", line)
    ]


def page_lines(text: str) -> list[tuple[int, str]]:
    """(line, text) of what a page shows: the title and description of its front matter, then its body
    outside fenced code."""
    lines = front_matter_lines(text)
    match = FRONT_MATTER.match(text)
    start = match.group(0).count("\n") if match else 0
    fenced = False
    for number, line in enumerate(text.splitlines()[start:], start=start + 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            lines.append((number, re.sub(r"^\s*(?:!!!|\?\?\?\+?)\s+[\w-]+", "", re.sub(r"^:\s{3}", "    ", line))))
    return lines


def page_problems(path: Path, language: str, source: Path | None = None) -> list[Problem]:
    english = source.read_text(encoding="utf-8") if source and source.exists() else ""
    return text_problems(path, page_lines(path.read_text(encoding="utf-8")), language, english)


def config_problems(config: Path, language: str) -> list[Problem]:
    """The rules on the strings of one language's entry in mkdocs.yml's i18n plugin (site_description,
    the extra ui strings, the theme's labels), with their file lines (from the YAML node marks)."""
    root = yaml.compose(config.read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    entry = _language_node(root, language)
    if entry is None:
        return []
    text = config.read_text(encoding="utf-8")
    lines = []
    for node in _scalars(entry):
        value = str(node.value)
        if value.startswith(("http", "#")) or " " not in value:
            continue
        if node.style in (">", "|"):  # a block scalar: its own lines, so a message names the right one
            raw = text[node.start_mark.index : node.end_mark.index].split("\n")
            lines += [(node.start_mark.line + 1 + i, part) for i, part in enumerate(raw) if i]
        else:
            lines.append((node.start_mark.line + 1, value))
    return text_problems(config, lines, language)


class _AnyTagLoader(yaml.SafeLoader):
    """compose() only: mkdocs.yml's !ENV and !!python tags need no constructor to be read as nodes."""


def _language_node(root: yaml.Node | None, language: str) -> yaml.Node | None:
    for node in _mappings(root):
        pairs = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
        locale = pairs.get("locale")
        if isinstance(locale, yaml.ScalarNode) and locale.value == language:
            return node
    return None


def _mappings(node: yaml.Node | None):  # type: ignore[no-untyped-def]
    if isinstance(node, yaml.MappingNode):
        yield node
        for _, value in node.value:
            yield from _mappings(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _mappings(item)


def _scalars(node: yaml.Node):  # type: ignore[no-untyped-def]
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if not (isinstance(key, yaml.ScalarNode) and key.value in ("locale", "name", "link")):
                yield from _scalars(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item)


def catalog_problems(po: Path, language: str) -> list[Problem]:
    """The text rules on every msgstr, and plural forms that are all the same where the English ones differ
    ("{n} jour" for one and for many: the translator copied the singular)."""
    from babel.messages.pofile import read_po

    rules = load_rules().get(language) or {}
    with open(po, "rb") as handle:
        catalog = read_po(handle)
    nplurals = catalog.num_plurals
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = (message.string,) if isinstance(message.string, str) else tuple(message.string or ())
        ids = " ".join((message.id,) if isinstance(message.id, str) else message.id)
        lines = [(message.lineno or 1, text) for text in strings if text]
        problems += text_problems(po, lines, language, ids)
        differ = not isinstance(message.id, str) and len(set(message.id)) > 1
        same = len(strings) > 1 and all(strings) and len(set(strings)) == 1
        if differ and same and rules.get("plurals") == "distinct" and nplurals > 1:
            message_text = (
                f"msgid {message.id[0]!r}: its {len(strings)} plural forms are identical ({strings[0]!r}), "
                "the English ones differ: write the plural form in msgstr[1]"
            )
            problems.append(Problem(po, message.lineno or 1, message_text))
    return problems


def block_terms(terms: list, source: Path, path: Path, language: str) -> list[Problem]:
    """Per block, not per section: each paragraph, item or definition whose English uses a termbase term has
    the approved equivalent, so a wrong rendering cannot hide behind the right one two paragraphs later."""
    from l10n import blocks
    from l10n.glossary import _fold, english_uses
    from l10n.markdown import Heading, Section

    english = blocks._by_section(blocks.blocks(source.read_text(encoding="utf-8")))
    translation = blocks._by_section(blocks.blocks(path.read_text(encoding="utf-8")))
    problems = []
    for key, ours in english.items():
        theirs = translation.get(key) or []
        keys_a, keys_b = [blocks._key(b) for b in ours], [blocks._key(b) for b in theirs]
        matcher = difflib.SequenceMatcher(a=keys_a, b=keys_b, autojunk=False)
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op != "equal":
                continue  # blocks.compare reports blocks that do not pair up
            for mine, other in zip(ours[a1:a2], theirs[b1:b2], strict=True):
                section = Section(Heading(2, key, mine.line, ""), [(mine.line, mine.prose)])
                for term, _, said in english_uses(terms, section):
                    if language not in term.names or not said:
                        continue
                    if not any(_fold(form) in _fold(other.text) for form in term.forms(language)):
                        problems.append(
                            Problem(
                                path,
                                other.line,
                                f"section {blocks._label(key)}: this {other.kind} lacks the approved "
                                f"{term.names[language]!r} where {source.name}:{mine.line} says {said!r} "
                                f"(termbase: {term.id})",
                            )
                        )
    return problems
