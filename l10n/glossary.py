"""The termbase: one approved equivalent per term and language, checked in every translation, shown to readers.

`l10n/termbase.yml` is the single source of truth: the check below enforces it in the pages, and the
glossary page (`docs/glossary*.md`) renders it at build time, so the two can never disagree. The approved
equivalents come from Microsoft's own translations in the seed documents (see each term's `seeds`).

Matching is deliberately simple and predictable. In English, a term matches as a whole word, in any case,
in any of its `match.en` forms (plurals, verb forms). In a translation, the section with the same heading id
must contain one of the approved forms (case-insensitive substring, so `compétence` also covers
`compétences`). Any `avoid` form found in a translation is an error wherever it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from l10n.checks import Variant
from l10n.markdown import Document, Section, parse, prose
from l10n.problems import Problem

TERMBASE = Path(__file__).with_name("termbase.yml")


@dataclass(frozen=True)
class Term:
    id: str
    names: dict[str, str]  # language -> the approved equivalent, as shown in the glossary
    definitions: dict[str, str] = field(default_factory=dict)  # language -> one-sentence meaning for readers
    match: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> forms that count as the term
    avoid: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> forms that must not be used
    seeds: str = ""  # where the equivalents were attested

    def forms(self, language: str) -> tuple[str, ...]:
        return self.match.get(language) or (self.names[language],)

    def english_pattern(self) -> re.Pattern[str]:
        """Any English form of the term as a whole word (hyphens count as part of a word), in any case."""
        alternatives = sorted(self.forms("en"), key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(_loose(f) for f in alternatives) + r")(?![\w-])", re.I)


def _loose(form: str) -> str:
    """A form as a regex in which any run of spaces also matches a line break or a no-break space."""
    return r"\s+".join(re.escape(word) for word in form.split())


def running(text: str) -> str:
    """Running English text: prose without **bold** spans, which are product UI labels (CONTRIBUTING.md,
    "Writing pages": "UI labels in bold are the product's own labels"), governed by the ui-label rule rather
    than by the termbase."""
    return prose(re.sub(r"\*\*[^*]+\*\*", " ", text))


def _fold(text: str) -> str:
    """Case-, space- and apostrophe-insensitive text for the substring checks in translations."""
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).casefold()


def _as_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    return (str(value),) if isinstance(value, str) else tuple(str(v) for v in value)  # type: ignore[union-attr]


def load_termbase(path: Path = TERMBASE) -> list[Term]:
    """The terms of a termbase file, in file order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    terms = []
    for entry in data.get("terms", []):
        names = {lang: str(value) for lang, value in (entry.get("term") or {}).items()}
        terms.append(
            Term(
                id=str(entry["id"]),
                names=names,
                definitions={lang: str(v).strip() for lang, v in (entry.get("definition") or {}).items()},
                match={lang: _as_tuple(v) for lang, v in (entry.get("match") or {}).items()},
                avoid={lang: _as_tuple(v) for lang, v in (entry.get("avoid") or {}).items()},
                seeds=str(entry.get("seeds", "")),
            )
        )
    return terms


def validate_termbase(terms: list[Term], languages: tuple[str, ...], path: Path = TERMBASE) -> list[Problem]:
    """Every term has an id of its own, an equivalent and a definition in every language."""
    problems = []
    seen: set[str] = set()
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []

    def line_of(term_id: str) -> int:
        entry = re.compile(rf"\s*-\s*id:\s*{re.escape(term_id)}\s*$")
        return next((i for i, line in enumerate(lines, 1) if entry.match(line)), 1)

    for term in terms:
        if term.id in seen:
            problems.append(Problem(path, line_of(term.id), f"term id {term.id} is used twice"))
        seen.add(term.id)
        for language in languages:
            if not term.names.get(language):
                problems.append(Problem(path, line_of(term.id), f"term {term.id} has no {language} equivalent"))
            if not term.definitions.get(language):
                problems.append(Problem(path, line_of(term.id), f"term {term.id} has no {language} definition"))
    return problems


def check_translation(
    terms: list[Term], source: Path, path: Path, language: str, english: Document | None = None
) -> list[Problem]:
    """Where the English section uses a term, the translated section uses its approved equivalent."""
    english = english or parse(source.read_text(encoding="utf-8"))
    translation = parse(path.read_text(encoding="utf-8"))
    problems = []
    for section in english.sections:
        other = translation.section(section.key)
        if other is None:
            continue  # a missing section is the structure check's to report
        text = _fold(" ".join(prose(line) for _, line in other.text_lines()))
        for term, line, said in english_uses(terms, section):
            if language in term.names and not any(_fold(form) in text for form in term.forms(language)):
                problems.append(
                    Problem(
                        path,
                        other.line,
                        f"section {section.key}: {source.name}:{line} says {said!r}, the translation lacks "
                        f"the approved {term.names[language]!r} (termbase: {term.id})",
                    )
                )
    for term in terms:  # avoid forms: also in load_variants, for the catalogs; here for callers of this function
        for section in translation.sections:
            for line, text in section.text_lines():
                folded = _fold(prose(text))
                for bad in term.avoid.get(language, ()):
                    if _fold(bad) in folded:
                        problems.append(
                            Problem(path, line, f"{bad!r} is not the approved term: use {term.names[language]!r}")
                        )
    return problems


def english_uses(terms: list[Term], section: Section) -> list[tuple[Term, int, str]]:
    """The terms an English section uses, each with its first line and words; a term inside a longer one does
    not count (the `Membership` of `Partner Membership Center` is not the term *membership*)."""
    found: dict[str, tuple[Term, int, str]] = {}
    for line, raw in section.text_lines():
        text = running(raw)
        spans = [(m.start(), m.end(), term) for term in terms for m in term.english_pattern().finditer(text)]
        for start, end, term in spans:
            inside = any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in spans)
            if not inside and term.id not in found:
                found[term.id] = (term, line, text[start:end])
    return list(found.values())


def render(terms: list[Term], language: str, languages: tuple[str, ...], names: dict[str, str], meaning: str) -> str:
    """The glossary table for readers of `language`: their term first, then the other languages, then the meaning.

    Each row's term carries an id (`#term-<id>`) so pages and messages can link to it; the other languages'
    terms carry their `lang` so screen readers pronounce them correctly.
    """
    order = (language, *(lang for lang in languages if lang != language))
    header = "| " + " | ".join([*(names.get(lang, lang) for lang in order), meaning]) + " |"
    rows = [header, "|" + "---|" * (len(order) + 1)]
    for term in terms:
        cells = [f'<strong id="term-{term.id}">{_cell(term.names.get(language, ""))}</strong>']
        cells += [f'<span lang="{lang}">{_cell(term.names.get(lang, ""))}</span>' for lang in order[1:]]
        cells.append(_cell(term.definitions.get(language, "")))
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _cell(text: str) -> str:
    """One table cell: line breaks and runs of spaces folded, no-break spaces kept (str.split() would turn
    the French U+00A0 before `;` into a plain space on the glossary page)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip().replace("|", "\\|")


def _termbase_data(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def load_ui_labels(path: Path = TERMBASE) -> dict[str, dict[str, str]]:
    """language -> {English UI label: approved label in that language}, from the termbase's `ui_labels`."""
    found: dict[str, dict[str, str]] = {}
    for entry in _termbase_data(path).get("ui_labels") or []:
        english = str(entry.get("en", ""))
        for language, label in entry.items():
            if language != "en" and english:
                found.setdefault(str(language), {})[english] = str(label)
    return found


def load_variants(path: Path = TERMBASE) -> dict[str, list[Variant]]:
    """language -> forbidden variants (mainland terms, replaced names), from the termbase's `variants`,
    plus every term's `avoid` forms, so both lists are enforced in pages and catalogs alike."""
    found: dict[str, list[Variant]] = {}
    for language, entries in (_termbase_data(path).get("variants") or {}).items():
        for entry in entries or []:
            found.setdefault(str(language), []).append(
                Variant(str(entry["wrong"]), str(entry["use"]), _as_tuple(entry.get("unless")))
            )
    for term in load_termbase(path):
        for language, forms in term.avoid.items():
            found.setdefault(language, []).extend(Variant(form, term.names.get(language, "")) for form in forms)
    return found


def load_page_variants(path: Path = TERMBASE) -> dict[str, list[Variant]]:
    """language -> variants forbidden in the pages only (the termbase's `page_variants`), on top of `variants`."""
    found: dict[str, list[Variant]] = {}
    for language, entries in (_termbase_data(path).get("page_variants") or {}).items():
        for entry in entries or []:
            found.setdefault(str(language), []).append(
                Variant(str(entry["wrong"]), str(entry["use"]), _as_tuple(entry.get("unless")))
            )
    return found


def definition_problems(terms: list[Term], variants: dict[str, list[Variant]], path: Path = TERMBASE) -> list[Problem]:
    """The termbase's own translations (equivalents and definitions, which the glossary page shows) under the
    same rules as the pages: forbidden variants and the language rules of l10n/langrules.yml."""
    from l10n.checks import forbidden_variants
    from l10n.langqa import text_problems

    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    by_language: dict[str, list[tuple[int, str]]] = {}
    for term in terms:
        start = next(
            (i for i, line in enumerate(lines) if re.match(rf"\s*-\s*id:\s*{re.escape(term.id)}\s*$", line)), 0
        )
        block = next((i for i in range(start, len(lines)) if lines[i].strip() == "definition:"), start)
        for language, text in term.definitions.items():
            pattern = re.compile(rf"^\s+{re.escape(language)}:\s")
            line = next((i + 1 for i in range(block, len(lines)) if pattern.match(lines[i])), start + 1)
            by_language.setdefault(language, []).append((line, text))
        for language, name in term.names.items():
            by_language.setdefault(language, []).append((start + 2, name))
    problems = []
    for language, found in by_language.items():
        if language == "en":
            continue
        problems += forbidden_variants(path, found, variants.get(language, []))
        problems += text_problems(path, found, language)
    return problems
