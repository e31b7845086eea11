"""Is each translation up to date with its English source? Source tracking by content hash, like Microsoft's
`ms.openlocfilehash`: a translation records the hash of the English file it was translated from
(`source_hash` in its front matter); when the English file's hash differs, the translation is stale.

A hash rather than a date or a commit id because it is exact (reverting an English edit makes the translation
current again), it needs no git, and it survives rebases, squashes and copies of the tree.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from l10n.history import blob_hash, file_hash, last_changed
from l10n.markdown import FRONT_MATTER, HEADING_ID, Section, parse, split_front_matter
from l10n.project import Project

HASH_KEY = "source_hash"
KIND_KEY = "translation"  # machine | human

CURRENT = "current"
STALE = "stale"
MISSING = "missing"
FALLBACK = "fallback"
UNTRACKED = "untracked"
STATES = (CURRENT, STALE, UNTRACKED, FALLBACK, MISSING)
WORDS = {
    CURRENT: "up to date",
    STALE: "stale",
    UNTRACKED: "untracked",
    FALLBACK: "fallback",
    MISSING: "missing",
}
MEANINGS = {
    CURRENT: "translated from the current English text",
    STALE: "the English changed since it was translated (readers see a notice)",
    UNTRACKED: f"no {HASH_KEY} recorded yet: check it against the English, then refresh",
    FALLBACK: "no translation: readers get the English page with a notice",
    MISSING: "no translation and no fallback: the page does not exist in that language",
}


@dataclass(frozen=True)
class Status:
    page: str
    language: str
    state: str
    path: Path  # the translation file (absent for fallback / missing)
    source: Path  # the English file
    kind: str | None = None  # `translation:` front matter (machine / human) of an existing translation
    recorded: str | None = None  # the hash in the translation's front matter
    current: str | None = None  # the English file's hash now
    english_changed: dt.date | None = None  # when the English file last changed
    reviewed_by: str | None = None  # `reviewed_by:` of a `translation: human` page
    reviewed_on: dt.date | None = None  # `reviewed_on:` (YYYY-MM-DD)

    @property
    def needs_work(self) -> bool:
        return self.state != CURRENT


def page_status(project: Project, page: str, language: str) -> Status:
    """Where one translation stands against its English source."""
    source = project.source(page, project.default)
    path = project.source(page, language)
    current = file_hash(source)
    changed = last_changed(source)
    if not path.exists():
        state = FALLBACK if project.fallback else MISSING
        return Status(page, language, state, path, source, current=current, english_changed=changed)
    meta, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
    recorded = meta.get(HASH_KEY)
    recorded = str(recorded) if recorded else None
    state = UNTRACKED if recorded is None else (CURRENT if recorded == current else STALE)
    kind = str(meta[KIND_KEY]) if meta.get(KIND_KEY) else None
    reviewed_on = meta.get(REVIEWED_ON)
    if isinstance(reviewed_on, str):
        try:
            reviewed_on = dt.date.fromisoformat(reviewed_on)
        except ValueError:
            reviewed_on = None
    reviewer = str(meta[REVIEWED_BY]) if meta.get(REVIEWED_BY) else None
    on = reviewed_on if isinstance(reviewed_on, dt.date) else None
    return Status(page, language, state, path, source, kind, recorded, current, changed, reviewer, on)


def project_status(project: Project) -> list[Status]:
    """Every page x every translation language, pages in site order (home first)."""
    return [page_status(project, page, language) for page in project.pages() for language in project.translations]


def set_front_matter(text: str, key: str, value: str) -> str:
    """`text` with `key: value` in its front matter: replaced in place, else added after `translation:` (or last).

    Edits the text rather than re-dumping the YAML, so that the localizer's own formatting, order and comments
    stay exactly as they wrote them.
    """
    line = f"{key}: {value}"
    match = FRONT_MATTER.match(text)
    if not match:
        return f"---\n{line}\n---\n{text}"
    block = match.group(1) or ""
    pattern = re.compile(rf"^{re.escape(key)}[ \t]*:.*$", re.MULTILINE)
    if pattern.search(block):
        block = pattern.sub(line, block, count=1)
    else:
        lines = block.splitlines()
        after = next((i for i, existing in enumerate(lines) if existing.startswith(f"{KIND_KEY}:")), len(lines) - 1)
        lines.insert(after + 1, line)
        block = "\n".join(lines) + "\n"
    return f"---\n{block}---\n" + text[match.end() :]


def refresh(project: Project, path: Path) -> tuple[str | None, str]:
    """Mark the translation at `path` as made from the current English text; returns (old hash, new hash).

    Run it after updating the translation (or after checking that an English edit needs no change in it).
    """
    page, language = project.split(path)
    if language == project.default:
        raise ValueError(f"{path} is an English source; refresh its translations ({page}.<lang>.md)")
    source = project.source(page, project.default)
    if not source.exists():
        raise FileNotFoundError(f"{path}: its English source {source} does not exist")
    text = path.read_text(encoding="utf-8")
    meta, _, _ = split_front_matter(text)
    old = str(meta[HASH_KEY]) if meta.get(HASH_KEY) else None
    new = file_hash(source)
    if old != new:
        path.write_text(set_front_matter(text, HASH_KEY, new), encoding="utf-8")
    record_sections(project, path)
    return old, new


def describe(status: Status) -> str:
    """One table cell: `stale since 2026-11-21 (machine)`."""
    word = WORDS[status.state]
    if status.state == STALE and status.english_changed:
        word = f"{word} since {status.english_changed.isoformat()}"
    return f"{word} ({status.kind})" if status.kind else word


def format_table(statuses: list[Status], languages: tuple[str, ...]) -> str:
    """The page x language table `make l10n-status` prints, then what each word means."""
    pages = list(dict.fromkeys(s.page for s in statuses))
    cells = {(s.page, s.language): describe(s) for s in statuses}
    header = ["page", *languages]
    rows = [[page, *(cells.get((page, lang), "") for lang in languages)] for page in pages]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: list[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()

    out = [line(header), line(["-" * w for w in widths]), *(line(row) for row in rows), ""]
    counts = {state: sum(1 for s in statuses if s.state == state) for state in STATES}
    out.append(", ".join(f"{counts[state]} {WORDS[state]}" for state in STATES if counts[state]))
    out += [f"  {WORDS[state]:<10}  {MEANINGS[state]}" for state in STATES]
    return "\n".join(out)


FRENCH_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def display_date(date: dt.date, language: str) -> str:
    """A date in the site's style (the checklist engine writes the same): `30 June 2027`, `30 juin 2027`
    (`1er avril 2027` on the first of a month), `2027 年 6 月 30 日` (spaces between digits and 年月日, as
    on the pages). Not Babel's "long" format, which writes `June 30, 2027` and `2027年6月30日`."""
    if language.startswith("fr"):
        day = "1er" if date.day == 1 else str(date.day)
        return f"{day} {FRENCH_MONTHS[date.month - 1]} {date.year}"
    if language.startswith("zh"):
        return f"{date.year} 年 {date.month} 月 {date.day} 日"
    return f"{date.day} {ENGLISH_MONTHS[date.month - 1]} {date.year}"


def status_markdown(
    statuses: list[Status],
    language: str,
    languages: tuple[str, ...],
    labels: dict[str, str],
    titles: dict[str, str],
    names: dict[str, str],
    sections: dict[tuple[str, str], list[SectionStatus]] | None = None,
    headings: dict[str, dict[str, str]] | None = None,
) -> str:
    """The "Translation status" page's table and legend, in the reader's language.

    `labels` are the `extra.ui.l10n` strings of that language (state words and their meanings, column headers,
    `machine` / `human`); `titles` the page titles to show; `names` the language names of the i18n config.
    """
    pages = list(dict.fromkeys(s.page for s in statuses))
    by_cell = {(s.page, s.language): s for s in statuses}
    translations = list(languages[1:])
    header = [labels["page"], labels["english_changed"], *(names.get(lang, lang) for lang in translations)]
    rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for page in pages:
        first = next(s for s in statuses if s.page == page)
        changed = display_date(first.english_changed, language) if first.english_changed else ""
        cells = [f"[{titles.get(page, page)}]({page}.md)", changed]
        for lang in translations:
            status = by_cell.get((page, lang))
            if status is None:
                cells.append("")
                continue
            tag = "span" if status.state == CURRENT else "strong"  # what needs work stands out
            cell = f'<{tag} class="pct-l10n pct-l10n--{status.state}">{labels[status.state]}</{tag}>'
            if status.kind == "human" and status.reviewed_by and status.reviewed_on:
                reviewed = labels["reviewed"].replace("{date}", display_date(status.reviewed_on, language))
                cell += " · " + reviewed.replace("{who}", _escape(status.reviewed_by))
            elif status.kind in ("machine", "human"):
                cell += f" · {labels[status.kind]}"
            cells.append(cell)
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    legend = [f"{labels[state]}\n:   {labels[state + '_meaning']}\n" for state in STATES]
    out = "\n".join(rows) + "\n\n" + "\n".join(legend)
    if sections:
        out += f"\n## {labels['sections']} {{#sections-to-update}}\n\n"
        for (page, lang), found in sections.items():
            items = [
                _section_item(page, s, labels, language, (headings or {}).get(page, {}))
                for s in found
                if s.state in (SECTION_STALE, SECTION_MISSING, SECTION_EXTRA)
            ]
            if items:
                out += f"- {_escape(titles.get(page, page))} · {names.get(lang, lang)} · " + " · ".join(items) + "\n"
    return out


def _section_item(
    page: str, section: SectionStatus, labels: dict[str, str], language: str, headings: dict[str, str]
) -> str:
    """A stale section links to its anchor, named as the reader's page names it; a missing one has no anchor
    in the translation (strict builds reject such links), so it is named in English, marked for screen readers."""
    title = _escape(headings.get(section.id) or section.heading or section.id)
    if section.state == SECTION_STALE:
        shown = f"[{title}]({page}.md#{section.id})"
    elif section.state == SECTION_MISSING:
        shown = f'<span lang="en">{title}</span>'
    else:
        shown = title
    note = labels["section_" + section.state]
    return f"{shown}（{note}）" if language.startswith("zh") else f"{shown} ({note})"


def _escape(text: str) -> str:
    """Text safe inside the Markdown table and list the status page builds (no tags, no table pipes)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


SECTIONS_KEY = "source_sections"  # heading id -> "<English section hash>/<translated section hash>" at refresh
REVIEWED_BY = "reviewed_by"  # who reviewed a `translation: human` page
REVIEWED_ON = "reviewed_on"  # when (YYYY-MM-DD)
TOP = "_top"  # the text before the first heading

SECTION_CURRENT = "current"
SECTION_STALE = "stale"  # the English section changed since the translation was refreshed
SECTION_MISSING = "missing"  # the English has a section the translation lacks (a new section, usually)
SECTION_EXTRA = "extra"  # the translation has a section the English no longer has
SECTION_UNTRACKED = "untracked"  # no hash recorded for it yet


def section_id(section: Section) -> str | None:
    """The front-matter key of a section: its heading id, `_top` for the intro; None for a heading without id."""
    if section.heading is None:
        return TOP
    return section.heading.id


def section_hashes(text: str) -> dict[str, str]:
    """A short content hash per section (heading id -> 8 hex digits) of a page's text, front matter aside.

    Eight digits are plenty to tell one version of one section from the next; the file-level `source_hash`
    stays the exact record.
    """
    found = {}
    for section in parse(text).sections:
        key = section_id(section)
        if key is not None:
            body = "\n".join(line for _, line in section.text_lines())
            found[key] = blob_hash(body.encode("utf-8"))[:8]
    return found


def recorded_sections(meta: dict) -> dict[str, tuple[str, str]]:
    """`source_sections` of a translation's front matter: id -> (English hash, translated hash) at refresh."""
    raw = meta.get(SECTIONS_KEY) or {}
    found = {}
    if isinstance(raw, dict):
        for key, value in raw.items():
            english, _, translated = str(value).partition("/")
            found[str(key)] = (english, translated)
    return found


@dataclass(frozen=True)
class SectionStatus:
    id: str
    state: str
    line: int  # in the translation (or in the English file for a missing section)
    heading: str = ""  # the heading text as the translation (or English, when missing) writes it

    @property
    def needs_work(self) -> bool:
        return self.state != SECTION_CURRENT


def _heading_title(section: Section) -> str:
    if section.heading is None:
        return ""
    return HEADING_ID.sub("", section.heading.text).strip()


def section_status(project: Project, page: str, language: str) -> list[SectionStatus]:
    """Where each section of one translation stands against the English section of the same heading id."""
    source = project.source(page, project.default)
    path = project.source(page, language)
    if not path.exists():
        return []
    english_text = source.read_text(encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    meta, _, _ = split_front_matter(text)
    recorded = recorded_sections(meta)
    now = section_hashes(english_text)
    english = {section_id(s): s for s in parse(english_text).sections}
    translation = {section_id(s): s for s in parse(text).sections}
    found = []
    for key, english_hash in now.items():
        theirs = translation.get(key)
        if theirs is None:
            ours = english[key]
            found.append(SectionStatus(key, SECTION_MISSING, ours.line, _heading_title(ours)))
            continue
        if key not in recorded:
            state = SECTION_UNTRACKED
        else:
            state = SECTION_CURRENT if recorded[key][0] == english_hash else SECTION_STALE
        found.append(SectionStatus(key, state, theirs.line, _heading_title(theirs)))
    for key, theirs in translation.items():
        if key is not None and key not in now:
            found.append(SectionStatus(key, SECTION_EXTRA, theirs.line, _heading_title(theirs)))
    return found


def refresh_refusals(project: Project, path: Path) -> list[str]:
    """Why `refresh` should not mark this translation up to date: English sections that changed (or appeared)
    while the translated section stayed exactly as it was at the last refresh, or does not exist.

    Empty when the translation has no per-section record yet (nothing to compare with) or nothing changed.
    `--unchanged` skips this: "the English change needs no translation".
    """
    page, language = project.split(path)
    source = project.source(page, project.default)
    text = path.read_text(encoding="utf-8")
    meta, _, _ = split_front_matter(text)
    recorded = recorded_sections(meta)
    if not recorded:
        return []
    ours = section_hashes(source.read_text(encoding="utf-8"))
    theirs = section_hashes(text)
    reasons = []
    for key, english_hash in ours.items():
        before = recorded.get(key)
        if before is not None and before[0] == english_hash:
            continue
        label = "the top of the page" if key == TOP else f"#{key}"
        if key not in theirs:
            reasons.append(f"{label}: the English section is new and the translation has no such section")
        elif before is not None and before[1] == theirs[key]:
            reasons.append(f"{label}: the English changed, the translated section did not")
    return reasons


def set_front_matter_block(text: str, key: str, entries: dict[str, str]) -> str:
    """`text` with `key:` holding `entries` as an indented block mapping, replacing any previous block.

    Like set_front_matter, edits lines rather than re-dumping the YAML, so everything else stays as written.
    """
    block_lines = [f"{key}:"] + [f"  {name}: {value}" for name, value in entries.items()]
    match = FRONT_MATTER.match(text)
    if not match:
        return "---\n" + "\n".join(block_lines) + "\n---\n" + text
    lines = (match.group(1) or "").splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(rf"{re.escape(key)}[ \t]*:", line)), None)
    if start is None:
        after = next((i for i, line in enumerate(lines) if line.startswith(f"{HASH_KEY}:")), len(lines) - 1)
        lines[after + 1 : after + 1] = block_lines
    else:
        end = start + 1
        while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
            end += 1
        lines[start:end] = block_lines
    return "---\n" + "\n".join(lines) + "\n---\n" + text[match.end() :]


def record_sections(project: Project, path: Path) -> None:
    """Write `source_sections` into a translation: each English section's hash beside the translated one's."""
    page, _ = project.split(path)
    source = project.source(page, project.default)
    text = path.read_text(encoding="utf-8")
    ours = section_hashes(source.read_text(encoding="utf-8"))
    theirs = section_hashes(text)
    entries = {key: f"{value}/{theirs.get(key, '-')}" for key, value in ours.items()}
    updated = set_front_matter_block(text, SECTIONS_KEY, entries)
    if updated != text:
        path.write_text(updated, encoding="utf-8")


def stale_sections(project: Project) -> list[tuple[str, str, SectionStatus]]:
    """(page, language, section) for every section of every translation that needs work."""
    return [
        (page, language, section)
        for page in project.pages()
        for language in project.translations
        for section in section_status(project, page, language)
        if section.needs_work
    ]


def format_sections(project: Project) -> str:
    """The sections behind the table's `stale` words: `transition.fr.md:45  #admin-tasks  stale  Tâches …`."""
    rows = []
    for page, language, section in stale_sections(project):
        if section.state == SECTION_UNTRACKED:
            continue  # a translation without per-section record: the table already says what to do
        where = project.source(page, project.default if section.state == SECTION_MISSING else language)
        name = f"{where.name}:{section.line}"
        label = "(top of page)" if section.id == TOP else f"#{section.id}"
        what = f"{section.state} in {language}" if section.state == SECTION_MISSING else section.state
        rows.append(f"  {name:<32} {label:<48} {what:<16} {section.heading}".rstrip())
    return ("sections to translate:\n" + "\n".join(rows)) if rows else ""


def heading_texts(path: Path) -> dict[str, str]:
    """Heading id -> heading text (without `{#id}`) of one page file: how that page names its sections."""
    if not path.exists():
        return {}
    found = {}
    for section in parse(path.read_text(encoding="utf-8")).sections:
        key = section_id(section)
        if key is not None and section.heading is not None:
            found[key] = _heading_title(section)
    return found


def review_problems(path: Path) -> list[str]:
    """A `translation: human` page says who reviewed it and when (`reviewed_by`, `reviewed_on: YYYY-MM-DD`):
    the status page shows it, and "reviewed by a person" without a name and a date is a claim nobody can check."""
    meta, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
    if meta.get(KIND_KEY) != "human":
        return []
    wrong = []
    if not meta.get(REVIEWED_BY):
        wrong.append(f"translation: human needs {REVIEWED_BY}: <the reviewer's name>")
    on = meta.get(REVIEWED_ON)
    if isinstance(on, str):
        try:
            on = dt.date.fromisoformat(on)
        except ValueError:
            on = None
    if not isinstance(on, dt.date):
        wrong.append(f"translation: human needs {REVIEWED_ON}: YYYY-MM-DD (the date of the review)")
    return wrong


HASH_FORMAT = re.compile(r"[0-9a-f]{40}")


def hash_problem(status: Status) -> str | None:
    """Why a translation's `source_hash` cannot be trusted, or None: not a git blob id, or an id that matches
    no revision of the English file (a typo, a hash copied from another page). Such a page is reported as an
    error, never as merely stale, so that a wrong hash cannot turn its other problems into pending work."""
    from l10n.history import known_revision

    if status.recorded is None or status.state == CURRENT:
        return None
    english = status.source.name
    if not HASH_FORMAT.fullmatch(status.recorded):
        return f"{HASH_KEY} {status.recorded} is not a git blob id (40 hex digits) of {english}: run make l10n-refresh"
    if known_revision(status.source, status.recorded) is False:
        return (
            f"{HASH_KEY} {status.recorded} matches no revision of {english} (git log --find-object finds none): "
            f"a typo or a hash from another page; check the translation against {english}, then refresh it"
        )
    return None


def section_of_lines(text: str) -> list[tuple[int, str | None]]:
    """(first line, section id) of each section of a page, in order: which section a file line belongs to."""
    return [(section.line if section.heading else 1, section_id(section)) for section in parse(text).sections]


def pending_sections(project: Project, page: str, language: str) -> set[str | None]:
    """The section ids of a translation whose differences from the English are pending work, not errors.

    A page whose English changed is not pending as a whole: only its sections whose English changed (or that
    have no per-section record yet) are. A section whose English hash is the recorded one is checked in full,
    so one stale section cannot hide a 90 → 60 days change in another.
    """
    return {s.id for s in section_status(project, page, language) if s.state != SECTION_CURRENT}


def section_at(starts: list[tuple[int, str | None]], line: int) -> str | None:
    """The id of the section holding `line` (front matter lines belong to the first section)."""
    found = starts[0][1] if starts else None
    for first, key in starts:
        if first <= line:
            found = key
    return found
