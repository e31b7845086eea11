"""Checks that catch what translators really break, beyond the skeleton `structure.py` compares.

Each one compares a translated section with the English section of the same heading id (or looks at the
translation alone) and names the file, the line and the text it expected, so a localizer can fix it without
reading this code: numbers and dates, link targets in order (internal and external, language segment aside),
the numbered steps' order, bold UI labels against the termbase's approved list, Simplified characters and
mainland terms in zh-TW, paragraphs left in English, and admonition syntax.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from l10n.markdown import EXTERNAL, STEP, Document, Section, link_targets, prose
from l10n.problems import Problem

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "janvier"),
            ("february", "février", "fevrier"),
            ("march", "mars"),
            ("april", "avril"),
            ("may", "mai"),
            ("june", "juin"),
            ("july", "juillet"),
            ("august", "août", "aout"),
            ("september", "septembre"),
            ("october", "octobre"),
            ("november", "novembre"),
            ("december", "décembre", "decembre"),
        ],
        start=1,
    )
    for name in names
}
# A month name counts only next to a number (`30 June`, `June 30`): "you may" is no date.
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH = re.compile(rf"(?:(?<=\d )|(?<=\d\u00a0)|(?<=\der ))({_MONTH_NAMES})\b|\b({_MONTH_NAMES})(?=[ \u00a0]\d)", re.I)
# A number as readers see it: 1,000 / 1 000 / 1 000 are one number; `1er` is the French first of a month.
NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:[.,]\d+)?")
LANGUAGE_SEGMENT = re.compile(r"/(?:[a-z]{2}-[a-z]{2}|[a-z]{2}-hant(?:-[a-z]{2})?)(?=/|$)", re.IGNORECASE)
BOLD = re.compile(r"\*\*(.+?)\*\*")
ADMONITION = re.compile(r"^([ \t]*)(!!!|\?\?\?\+?)[ \t]+([\w-]+)")
CJK = re.compile(r"[\u3400-\u9fff]")
WORD = re.compile(r"[A-Za-z][A-Za-z’']+")
# Words that only English prose is made of; four of them in a translated line mean the line is still English.
ENGLISH_GLUE = frozenset(
    [
        "the",
        "and",
        "to",
        "your",
        "you",
        "of",
        "is",
        "are",
        "for",
        "with",
        "this",
        "that",
        "it",
        "be",
        "can",
        "in",
        "on",
        "from",
        "will",
        "when",
        "after",
        "before",
        "which",
        "what",
        "how",
        "if",
        "or",
        "by",
        "as",
        "not",
        "has",
        "have",
        "their",
        "they",
        "we",
        "our",
    ]
)
# Characters OpenCC's s2tw changes but that are correct Taiwanese usage too (台灣, 這裡, 批准, 之后 is not).
TAIWAN_AMBIGUOUS = frozenset("台里准干只")


def _numbers(text: str) -> list[str]:
    """The numbers a reader sees in a line, month names as their number, so `30 June 2027` and
    `2027 年 6 月 30 日` both read 30, 6, 2027 (compared as a multiset: the order of a date differs)."""
    text = MONTH.sub(lambda m: f" {MONTHS[(m.group(1) or m.group(2)).lower()]} ", text)
    text = re.sub(r"\b(\d+)er\b", r"\1", text)
    found = []
    for match in NUMBER.finditer(text):
        digits = re.sub(r"[,\u00a0\u202f ]", "", match.group(0)) if len(match.group(0)) > 3 else match.group(0)
        found.append(digits.replace(",", "."))
    return found


def _visible(line: str) -> str:
    """The prose of a line without the step number, attribute lists or admonition keyword."""
    line = re.sub(r"^[ \t]*\d{1,3}[.)][ \t]+", "", line)
    line = ADMONITION.sub("", line)
    return prose(line)


def section_numbers(section: Section) -> Counter[str]:
    return Counter(n for _, line in section.text_lines() for n in _numbers(_visible(line)))


def compare_numbers(english: Section, translation: Section, source: Path, path: Path) -> list[Problem]:
    """Every number and date of the English section is in the translated one, and no other."""
    ours, theirs = section_numbers(english), section_numbers(translation)
    if ours == theirs:
        return []
    missing, extra = ours - theirs, theirs - ours
    where_ours = _first_line(english, missing) or english.line
    where_theirs = _first_line(translation, extra) or translation.line
    said = ", ".join(sorted(missing.elements()))
    wrote = ", ".join(sorted(extra.elements()))
    if missing and extra:
        message = f"section {english.key}: {wrote} where {source.name}:{where_ours} has {said}"
    elif missing:
        message = f"section {english.key}: lacks {said} ({source.name}:{where_ours})"
    else:
        message = f"section {english.key}: {wrote} is not in {source.name}:{english.line}"
    return [Problem(path, where_theirs, message)]


def _first_line(section: Section, numbers: Counter[str]) -> int | None:
    for line, text in section.text_lines():
        if set(_numbers(_visible(text))) & set(numbers):
            return line
    return None


def normalize_target(target: str) -> str:
    """A link target with its language segment (`/en-us/`, `/fr-fr/`, `/zh-tw/`) and `./` dropped."""
    target = target.removeprefix("./")
    if EXTERNAL.match(target):
        target = LANGUAGE_SEGMENT.sub("", target)
        target = re.sub(r"[?&](?:lang|locale|language)=[\w-]+", "", target)
    return target


def section_links(section: Section) -> list[tuple[int, str]]:
    return [(line, normalize_target(t)) for line, text in section.lines for t in link_targets(text)]


def compare_links(english: Section, translation: Section, source: Path, path: Path) -> list[Problem]:
    """Links in the same order and number, to the same targets (external ones too, language segment aside)."""
    ours, theirs = section_links(english), section_links(translation)
    for i in range(max(len(ours), len(theirs))):
        want = ours[i] if i < len(ours) else None
        have = theirs[i] if i < len(theirs) else None
        if want and have and want[1] == have[1]:
            continue
        if want and have:
            what = f"link {i + 1} goes to {have[1]} where {source.name}:{want[0]} links to {want[1]}"
            return [Problem(path, have[0], f"section {english.key}: {what}")]
        if want:
            what = f"{len(theirs)} links where {source.name}:{english.line} has {len(ours)}; missing {want[1]}"
            return [Problem(path, translation.line, f"section {english.key}: {what} ({source.name}:{want[0]})")]
        assert have is not None
        what = f"extra link to {have[1]} ({len(theirs)} links, {source.name}:{english.line} has {len(ours)})"
        return [Problem(path, have[0], f"section {english.key}: {what}")]
    return []


def _steps(section: Section) -> list[tuple[int, str]]:
    """Each numbered step as (line, its lines joined up to the next step or the end of the list)."""
    found: list[tuple[int, list[str]]] = []
    for line, text in section.lines:
        if STEP.match(text):
            found.append((line, [text]))
        elif found and (text.startswith((" ", "\t")) or not text):
            found[-1][1].append(text)
        elif found and text:
            found.append((0, []))  # the list ended
    return [(line, "\n".join(texts)) for line, texts in found if line]


def _fingerprint(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    targets = tuple(normalize_target(t) for line in text.splitlines() for t in link_targets(line))
    return targets, tuple(sorted(_numbers(_visible(text))))


def compare_step_order(english: Section, translation: Section, source: Path, path: Path) -> list[Problem]:
    """Steps with links or numbers keep their place: step 2 of the translation is step 2 of the English."""
    ours, theirs = _steps(english), _steps(translation)
    if len(ours) != len(theirs):
        return []  # structure.compare_steps reports the count
    prints = [_fingerprint(text) for _, text in ours]
    if Counter(prints) != Counter(_fingerprint(text) for _, text in theirs):
        return []  # not a reordering: compare_links and compare_numbers say what differs
    for i, ((line, text), want) in enumerate(zip(theirs, prints, strict=True)):
        have = _fingerprint(text)
        if have != want and have in prints and any(want):
            j = prints.index(have)
            return [
                Problem(
                    path,
                    line,
                    f"section {english.key}: step {i + 1} is step {j + 1} of {source.name}:{ours[j][0]}; "
                    f"expected step {i + 1}, {source.name}:{ours[i][0]} ({ours[i][1].strip()[:60]!r})",
                )
            ]
    return []


def bold_spans(section: Section) -> list[tuple[int, str]]:
    return [(line, m.group(1).strip()) for line, text in section.lines for m in BOLD.finditer(text)]


def compare_ui_labels(
    english: Section, translation: Section, source: Path, path: Path, labels: dict[str, str]
) -> list[Problem]:
    """Each approved English UI label in bold appears, in bold, as the approved label of the translation."""
    problems = []
    theirs = bold_spans(translation)
    have = Counter(text for _, text in theirs)
    for line, text in bold_spans(english):
        want = labels.get(text)
        if want is None:
            continue
        if have[want] > 0:
            have[want] -= 1
            continue
        near = next((n for n, _ in theirs), translation.line)
        problems.append(
            Problem(
                path,
                near,
                f"section {english.key}: bold label **{want}** expected (approved for **{text}**, "
                f"{source.name}:{line})",
            )
        )
    return problems


@lru_cache(maxsize=1)
def _s2tw():  # type: ignore[no-untyped-def]
    import opencc  # PyPI `opencc` (test extra): OpenCC's own tables, not a list we keep

    return opencc.OpenCC("s2tw.json")


def simplified_characters(path: Path, lines: list[tuple[int, str]]) -> list[Problem]:
    """Characters OpenCC (s2tw) turns into another one: Simplified, not Traditional as used in Taiwan."""
    converter = _s2tw()
    problems = []
    for line, text in lines:
        bad = [ch for ch in dict.fromkeys(CJK.findall(text)) if ch not in TAIWAN_AMBIGUOUS]
        wrong = [(ch, converter.convert(ch)) for ch in bad if converter.convert(ch) != ch]
        if wrong:
            shown = ", ".join(f"{a} (use {b})" for a, b in wrong)
            problems.append(Problem(path, line, f"Simplified character(s) in zh-TW: {shown}"))
    return problems


@dataclass(frozen=True)
class Variant:
    """A term that must not appear in one language (mainland usage, a wrong name), with the approved one."""

    wrong: str
    use: str
    unless: tuple[str, ...] = ()  # longer words that contain `wrong` and are right (租用戶 contains 用戶)


def forbidden_variants(path: Path, lines: list[tuple[int, str]], variants: list[Variant]) -> list[Problem]:
    problems = []
    for line, text in lines:
        folded = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'").casefold()
        for variant in variants:
            wrong = variant.wrong.replace("\u2019", "'").casefold()
            masked = folded
            for longer in variant.unless:
                masked = masked.replace(longer.casefold(), "\0" * len(longer))
            if wrong in masked:
                problems.append(Problem(path, line, f"{variant.wrong!r} is not the approved term: use {variant.use!r}"))
    return problems


def untranslated(english: Section, translation: Section, source: Path, path: Path, language: str) -> list[Problem]:
    """Paragraphs still in English: the same words as an English line, or English glue words in a French line,
    or a line with no Chinese character in zh-TW."""
    english_lines = {" ".join(_visible(text).split()).casefold(): line for line, text in english.lines}
    problems = []
    for line, text in translation.lines:
        if not text.strip() or ADMONITION.match(text) or text.lstrip().startswith(("|", "[")):
            continue
        words = WORD.findall(re.sub(r"\*\*[^*]+\*\*|\[[^\]]*\]\([^)]*\)", " ", _visible(text)))
        if len(words) < 5:
            continue
        key = " ".join(_visible(text).split()).casefold()
        glue = sum(1 for w in words if w.lower() in ENGLISH_GLUE)
        same = english_lines.get(key)
        still_english = same is not None or (
            glue >= 4 and glue * 4 >= len(words) if language != "zh-TW" else not CJK.search(text)
        )
        if still_english:
            where = f"{source.name}:{same}" if same else f"section {english.key} of {source.name}"
            problems.append(
                Problem(path, line, f"untranslated paragraph (English, as in {where}): {text.strip()[:60]!r}")
            )
    return problems


def admonitions(document_lines: list[str], path: Path, offset: int = 0) -> list[Problem]:
    """`!!! type "title"` is followed by a body indented by four spaces (else Markdown shows it as text)."""
    problems = []
    for i, text in enumerate(document_lines):
        match = ADMONITION.match(text)
        if not match:
            continue
        indent = match.group(1)
        body = next((later for later in document_lines[i + 1 :] if later.strip()), "")
        if not body.startswith(indent + "    "):
            problems.append(
                Problem(
                    path,
                    offset + i + 1,
                    f"admonition {match.group(3)!r} has no body indented by 4 spaces: "
                    f"expected {indent + '    '!r} before {body.strip()[:40]!r}",
                )
            )
    return problems


def compare_sections(
    english: Document, translation: Document, source: Path, path: Path, language: str, labels: dict[str, str]
) -> list[Problem]:
    """Every comparison above for every section the two documents share (by heading id)."""
    problems = []
    for section in english.sections:
        other = translation.section(section.key)
        if other is None:
            continue  # structure.compare_headings reports it
        problems += compare_numbers(section, other, source, path)
        problems += compare_links(section, other, source, path)
        problems += compare_step_order(section, other, source, path)
        problems += compare_ui_labels(section, other, source, path, labels)
        problems += untranslated(section, other, source, path, language)
    return problems
