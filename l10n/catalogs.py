"""Checks for gettext catalogs (the checklist engine's `.po` / `.pot` / `.mo`), as functions of file paths.

They used to live inside the tests, pointed at the real catalogs only; as functions of paths they can be run
on a fixture catalog (so a test can show each one failing and naming the message), from `python -m l10n check`,
and on any other domain the site grows. Reading uses Babel, which the site already needs (`pybabel` compiles
the catalogs); the compiled `.mo` is read with the standard library's `gettext`, as the engine reads it.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from l10n.problems import Problem

PLACEHOLDER = re.compile(r"\{(\w+)\}")
# The keywords of `make catalogs-extract` (pybabel -k N_ -k NC_:1c,2 -k NP_:1,2 -k ctx:1c,2).
KEYWORDS = {"N_": None, "NC_": ((1, "c"), 2), "NP_": (1, 2), "ctx": ((1, "c"), 2)}


def messages(po: Path) -> list[Message]:
    """The live entries of a catalog: no header, no obsolete (`#~`) entries."""
    with open(po, "rb") as handle:
        catalog = read_po(handle)
    return [message for message in catalog if message.id]


def _strings(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ("",)
    return (value,) if isinstance(value, str) else tuple(value)


def name(message: Message) -> str:
    """How a failure names a message: its msgid, with its msgctxt when it has one."""
    msgid = _strings(message.id)[0]
    return f"msgctxt {message.context!r} msgid {msgid!r}" if message.context else f"msgid {msgid!r}"


def untranslated_or_fuzzy(po: Path) -> list[Problem]:
    """Entries with an empty msgstr (any plural form) or the `fuzzy` flag: readers would see English or a guess."""
    problems = []
    for message in messages(po):
        if any(not text.strip() for text in _strings(message.string)):
            problems.append(Problem(po, message.lineno or 1, f"untranslated {name(message)}"))
        elif message.fuzzy:
            problems.append(Problem(po, message.lineno or 1, f"fuzzy {name(message)}: review it, then drop the flag"))
    return problems


def placeholder_mismatches(po: Path) -> list[Problem]:
    """Entries whose translation lost or invented a `{placeholder}` (the engine would raise KeyError)."""
    problems = []
    for message in messages(po):
        wanted = set(PLACEHOLDER.findall(" ".join(_strings(message.id))))
        for text in _strings(message.string):
            if text.strip() and set(PLACEHOLDER.findall(text)) != wanted:
                got = sorted(set(PLACEHOLDER.findall(text)))
                problems.append(
                    Problem(po, message.lineno or 1, f"{name(message)}: placeholders {got}, want {sorted(wanted)}")
                )
    return problems


def _keys(entries: Iterable[Message]) -> dict[tuple[str | None, str], Message]:
    return {(m.context, _strings(m.id)[0]): m for m in entries}


def template_coverage(po: Path, pot: Path) -> list[Problem]:
    """The catalog has exactly the template's messages (else run `make catalogs-update`)."""
    ours, template = _keys(messages(po)), _keys(messages(pot))
    problems = [
        Problem(po, 1, f"{name(message)} is in {pot.name} but not here: run make catalogs-update")
        for key, message in template.items()
        if key not in ours
    ]
    problems += [
        Problem(po, message.lineno or 1, f"{name(message)} is not in {pot.name}: run make catalogs-update")
        for key, message in ours.items()
        if key not in template
    ]
    return problems


def stale_mo(po: Path, mo: Path | None = None) -> list[Problem]:
    """The compiled `.mo` next to the `.po` says what the `.po` says (else run `make catalogs-compile`)."""
    mo = mo or po.with_suffix(".mo")
    if not mo.exists():
        return [Problem(mo, 1, f"missing: run make catalogs-compile (source {po.name})")]
    with open(mo, "rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    problems = []
    for message in messages(po):
        msgid = _strings(message.id)[0]
        key = f"{message.context}\x04{msgid}" if message.context else msgid
        strings = _strings(message.string)
        if isinstance(message.id, str):
            found: tuple[str | None, ...] = (compiled.get(key),)
        else:
            found = tuple(compiled.get((key, i)) for i in range(len(strings)))
        if found != strings:
            problems.append(
                Problem(mo, message.lineno or 1, f"stale .mo for {name(message)}: run make catalogs-compile")
            )
    return problems


def template_outdated(pot: Path, sources: Path, keywords: dict = KEYWORDS) -> list[Problem]:
    """The `.pot` lists exactly the messages marked in the code under `sources` (else `make catalogs-update`)."""
    from babel.messages.extract import extract_from_dir

    marked: dict[tuple[str | None, str], tuple[str, int]] = {}
    for filename, lineno, message, _, context in extract_from_dir(str(sources), keywords=keywords):
        key = (context, message if isinstance(message, str) else message[0])
        marked.setdefault(key, (filename, lineno))
    template = _keys(messages(pot))
    problems = [
        Problem(sources / filename, lineno, f"msgid {key[1]!r} is not in {pot.name}: run make catalogs-update")
        for key, (filename, lineno) in marked.items()
        if key not in template
    ]
    problems += [
        Problem(pot, entry.lineno or 1, f"{name(entry)} is no longer in the code: run make catalogs-update")
        for key, entry in template.items()
        if key not in marked
    ]
    return problems


MSGFMT_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):\s*(?P<message>.*)$")
COUNT_PLACEHOLDERS = ("count", "n", "employees", "needs_action", "expired", "people")


def msgfmt_check(po: Path) -> list[Problem]:
    """GNU `msgfmt --check`: what gettext itself refuses (an unescaped quote, a bad header, a format mismatch).

    Babel reads some catalogs msgfmt rejects; the `.mo` the engine loads is Babel's, but translators' tools
    (Poedit, Weblate, Lokalize) are gettext's, so a catalog must pass both. Needs Debian's `gettext`.
    """
    import shutil
    import subprocess

    if shutil.which("msgfmt") is None:
        return [Problem(po, 1, "msgfmt not found: install Debian's gettext (make system-deps)")]
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True, check=False
    )
    problems = []
    for line in result.stderr.splitlines():
        if "warning:" in line:
            continue  # e.g. the header's default Last-Translator: advice, not a broken catalog
        match = MSGFMT_LINE.match(line)
        if match and Path(match["file"]).name == po.name:
            problems.append(Problem(po, int(match["line"]), f"msgfmt: {match['message']}"))
        elif line.strip() and "fatal error" not in line:
            problems.append(Problem(po, 1, f"msgfmt: {line.strip()}"))
    if result.returncode != 0 and not problems:
        problems.append(Problem(po, 1, f"msgfmt --check failed: {result.stderr.strip()}"))
    return problems


def number_mismatches(po: Path) -> list[Problem]:
    """Entries whose translation says other numbers than the English (90 days must stay 90 in every language)."""
    from l10n.checks import MONTHS, _numbers

    problems = []
    for message in messages(po):

        def numbers(text: str) -> list[str]:
            if text.strip().lower() in MONTHS:  # a month name alone ("June", "juin", "6 月") is its number
                return [str(MONTHS[text.strip().lower()])]
            return sorted(_numbers(PLACEHOLDER.sub(" ", text)))

        want = numbers(_strings(message.id)[0])
        for text in _strings(message.string):
            have = numbers(text)
            if text.strip() and have != want:
                problems.append(
                    Problem(po, message.lineno or 1, f"{name(message)}: numbers {have}, the English has {want}")
                )
    return problems


def _counts_a_noun(text: str, name: str) -> bool:
    """`{count} people` needs the language's plural forms; `Everyone ({count})` or `{employees}: …` (a number
    alone, or texts that were made plural already) reads the same for every number."""
    return re.search(r"\{" + re.escape(name) + r"\}[ \u00a0]*[^\W\d_]", text) is not None


def missing_plurals(po: Path) -> list[Problem]:
    """Entries that show a count (`{count}`, `{employees}` …) without plural forms: "1 personnes" in French."""
    problems = []
    for message in messages(po):
        if not isinstance(message.id, str):
            continue
        shown = {name for name in COUNT_PLACEHOLDERS if _counts_a_noun(message.id, name)}
        if shown:
            problems.append(
                Problem(
                    po,
                    message.lineno or 1,
                    f"{name(message)} shows a count ({{{sorted(shown)[0]}}}) without msgid_plural: use ngettext",
                )
            )
    return problems


def language_checks(po: Path, variants: list) -> list[Problem]:
    """Forbidden variants (termbase) and, in zh_TW, Simplified characters, on every msgstr line of a catalog."""
    from l10n.checks import forbidden_variants, simplified_characters

    lines = []
    for message in messages(po):
        for text in _strings(message.string):
            lines.append((message.lineno or 1, text))
    problems = forbidden_variants(po, lines, variants)
    if po.parent.parent.name.replace("_", "-") == "zh-TW":
        problems += simplified_characters(po, lines)
    return problems


def check_catalogs(
    locale_dir: Path, domain: str, sources: Path | None = None, variants: dict | None = None
) -> list[Problem]:
    """Every check on every `<locale_dir>/<lang>/LC_MESSAGES/<domain>.po`, its `.mo` and the `<domain>.pot`."""
    pot = locale_dir / f"{domain}.pot"
    problems = []
    for po in sorted(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po")):
        syntax = msgfmt_check(po)
        problems += syntax
        if any("not found" not in p.message for p in syntax):
            continue  # Babel may misread what gettext rejects: fix the syntax first
        problems += untranslated_or_fuzzy(po) + placeholder_mismatches(po) + stale_mo(po)
        problems += number_mismatches(po) + missing_plurals(po)
        language = po.parent.parent.name.replace("_", "-")
        problems += language_checks(po, (variants or {}).get(language, []))
        if pot.exists():
            problems += template_coverage(po, pot)
    if sources is not None and pot.exists():
        problems += template_outdated(pot, sources)
    return problems
