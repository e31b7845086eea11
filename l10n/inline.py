"""Inline Markdown of an XLIFF unit as codes a translation tool understands, and the checks an import makes.

What a translator must be able to change stays text: the words of a bold UI label (`**Add new user**` ->
`**Ajouter un nouvel utilisateur**`) and of a link (`[the FAQ](faq.md)`). Only their markers are codes, in
pairs (XLIFF 1.2 `<bpt>`/`<ept>`, which Trados, memoQ, OmegaT and translate-toolkit show as a pair of tags):
`**` and `**`, `[` and `](url)`. What must not change is one isolated `<ph>`: inline code, HTML, attribute
lists. The Markdown inside every code is taken back from the page (or the English) on import, never from the
file, so a tool can move a link but cannot retype its URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BOLD_SPAN = re.compile(r"\*\*(?=\S)(?:[^*]|\*(?!\*))+?(?<=\S)\*\*")
CODE = re.compile(r"`[^`]+`")
LINK_OPEN = re.compile(r"\[(?=[^\]]*\]\()")
LINK_CLOSE = re.compile(r"\]\([^)]*\)")
ISOLATED = re.compile(r"(?P<html><[^>]+>)|(?P<attr>\{[:#.][^}]*\})")

PAIRED_KINDS = ("bold", "link")


@dataclass(frozen=True)
class Code:
    """One inline code of a unit: `open`/`close` of a pair, or `ph` (isolated); `native` is its Markdown."""

    role: str  # open | close | ph
    id: str
    kind: str  # bold | link | code | html | attr
    native: str


Token = str | Code  # text between codes, or a code


def tokenize(text: str) -> list[Token]:
    """`text` as text and codes, pairs properly nested; a marker without its partner becomes a `ph`."""
    marks: list[tuple[int, int, str, str]] = []  # start, end, role, kind
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    for match in CODE.finditer(text):
        marks.append((match.start(), match.end(), "ph", "code"))
        taken.append(match.span())
    for match in ISOLATED.finditer(text):
        if free(*match.span()):
            marks.append((match.start(), match.end(), "ph", str(match.lastgroup)))
            taken.append(match.span())
    for match in BOLD_SPAN.finditer(text):
        if free(match.start(), match.start() + 2) and free(match.end() - 2, match.end()):
            marks.append((match.start(), match.start() + 2, "open", "bold"))
            marks.append((match.end() - 2, match.end(), "close", "bold"))
    for pattern, role in ((LINK_OPEN, "open"), (LINK_CLOSE, "close")):
        for match in pattern.finditer(text):
            if free(*match.span()):
                marks.append((match.start(), match.end(), role, "link"))
    marks.sort()
    # pair opens and closes with a stack; what does not pair is an isolated code
    roles = [role for _, _, role, _ in marks]
    stack: list[int] = []
    for i, (_, _, role, kind) in enumerate(marks):
        if role == "open":
            stack.append(i)
        elif role == "close":
            if stack and marks[stack[-1]][3] == kind:
                stack.pop()
            else:
                roles[i] = "ph"
    for i in stack:
        roles[i] = "ph"
    tokens: list[Token] = []
    position = 0
    number = 0
    opened: list[str] = []
    for (start, end, _, kind), role in zip(marks, roles, strict=True):
        if start > position:
            tokens.append(text[position:start])
        if role == "close":
            code_id = opened.pop()
        else:
            number += 1
            code_id = str(number)
            if role == "open":
                opened.append(code_id)
        tokens.append(Code(role, code_id, kind, text[start:end]))
        position = end
    if position < len(text):
        tokens.append(text[position:])
    return tokens


def markdown(tokens: list[Token]) -> str:
    return "".join(t if isinstance(t, str) else t.native for t in tokens)


def _key(code: Code) -> tuple[str, str]:
    return (code.kind, code.native)


def renumber(tokens: list[Token], source: list[Token]) -> list[Token]:
    """A translation's tokens with the ids of the English codes they stand for (same kind, same Markdown
    first, else the next of that kind in order), so a tool shows code 2 of the target as code 2 of the source.
    Codes the English lacks get ids `x1`, `x2`, …"""
    starts = [c for c in source if isinstance(c, Code) and c.role != "close"]
    closes = {c.id: c for c in source if isinstance(c, Code) and c.role == "close"}
    used: set[str] = set()
    mapping: dict[str, str] = {}
    extra = 0
    ours = [c for c in tokens if isinstance(c, Code) and c.role != "close"]
    ours_closes = {c.id: c for c in tokens if isinstance(c, Code) and c.role == "close"}

    def signature(code: Code, table: dict[str, Code]) -> tuple[str, str, str]:
        close = table.get(code.id)
        return (code.role, code.kind, code.native + (close.native if close else ""))

    for exact in (True, False):
        for code in ours:
            if code.id in mapping:
                continue
            for candidate in starts:
                if candidate.id in used or (candidate.role, candidate.kind) != (code.role, code.kind):
                    continue
                if exact and signature(candidate, closes) != signature(code, ours_closes):
                    continue
                mapping[code.id] = candidate.id
                used.add(candidate.id)
                break
    for code in ours:
        if code.id not in mapping:
            extra += 1
            mapping[code.id] = f"x{extra}"
    return [t if isinstance(t, str) else Code(t.role, mapping[t.id], t.kind, t.native) for t in tokens]


def shape(tokens: list[Token]) -> dict[str, str]:
    """id -> `paired` or `ph`, for the codes of a unit."""
    return {t.id: ("paired" if t.role == "open" else "ph") for t in tokens if isinstance(t, Code) and t.role != "close"}


@dataclass(frozen=True)
class Mark:
    """A code as a translation tool wrote it back: `open`, `close` or `ph`, with the id it carries."""

    role: str
    id: str


Written = str | Mark


def problems(written: list[Written], allowed: list[dict[str, str]]) -> list[str]:
    """What is wrong with the codes of a target: each code of the source exactly once, pairs opened before they
    close and nested, no id the source does not have. `allowed` lists the acceptable code sets (the English
    source's; the page's own when it already differs from the English)."""
    seen: dict[str, int] = {}
    found: list[str] = []
    stack: list[str] = []
    roles: dict[str, str] = {}
    for mark in written:
        if isinstance(mark, str):
            continue
        if mark.role == "close":
            if mark.id not in stack:
                found.append(f"code {mark.id} closes before it opens")
            elif stack[-1] != mark.id:
                found.append(f"code {mark.id} closes inside code {stack[-1]} (pairs must nest)")
                stack.remove(mark.id)
            else:
                stack.pop()
            continue
        seen[mark.id] = seen.get(mark.id, 0) + 1
        roles[mark.id] = "paired" if mark.role == "open" else "ph"
        if mark.role == "open":
            stack.append(mark.id)
    found += [f"code {code_id} opens and never closes" for code_id in stack]
    found += [f"code {code_id} appears {n} times (once expected)" for code_id, n in seen.items() if n > 1]
    for option in allowed:
        if set(roles) == set(option) and all(option[k] == roles[k] for k in option):
            return found
    source = allowed[0]
    found += [f"code {code_id} is not in the source" for code_id in roles if code_id not in source]
    missing = [code_id for code_id in source if code_id not in roles]
    found += [f"code {code_id} of the source ({_what(source[code_id])}) is missing" for code_id in missing]
    found += [
        f"code {code_id} is a {_what(roles[code_id])} in the source: {_what(source[code_id])}"
        for code_id in roles
        if code_id in source and source[code_id] != roles[code_id]
    ]
    return found


def _what(kind: str) -> str:
    return "pair of tags" if kind == "paired" else "placeholder"


def rebuild(written: list[Written], natives: dict[tuple[str, str], str]) -> str:
    """The Markdown of a validated target: its text, with each code's Markdown from `natives`
    ((role, id) -> Markdown: the page's own codes first, the English ones for codes the page lacks)."""
    return "".join(m if isinstance(m, str) else natives[(m.role, m.id)] for m in written)


def natives(tokens: list[Token]) -> dict[tuple[str, str], str]:
    return {(t.role, t.id): t.native for t in tokens if isinstance(t, Code)}
