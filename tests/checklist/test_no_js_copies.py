"""The checklist page holds no copy of the engine's language rules (issue 26): the languages and their link
prefixes (`LANGUAGE_PREFIX`), the date words and patterns (`Texts.date_words`), the comma of a list. The page
receives them from Python (#pct-app's `data-language-prefixes`, #pct-config's `date_words`, the page strings).

Read from the source, like test_team_page_constants.py (the team modules' own constants, there): a copy still
gives the right page until the day a language is added or a translator changes a pattern, which is the day it
silently goes wrong (a German plan's links refused, a French date with an English month).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from checklist.i18n import LANGUAGES, Texts
from checklist.plan import LANGUAGE_PREFIX
from checklist.web import page_context

PAGE_JS = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "javascripts" / "checklist"
_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\])//[^\n]*", re.S)
_LITERAL = re.compile(
    r"\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`|/((?:[^/\\\n]|\\.)+)/[dgimsuy]*"
)


def _engine_words() -> set[str]:
    """Words only the engine's catalogs should hold: month names and the non-English fragments of the patterns."""
    words: set[str] = set()
    for language in LANGUAGES:
        date_words = Texts(language).date_words()
        words |= set(date_words["months"])
        for key in ("date", "first_day", "date_time"):
            words |= {part.strip() for part in re.split(r"\{\w+\}", date_words[key]) if part.strip(" ,")}
    return {word for word in words if not word.isdigit()}  # zh-TW months are numbers


def copies(source: str) -> list[str]:
    """The literals (strings, template strings, regular expressions) of `source` that spell a language tag, a
    language's link prefix, or an engine date word."""
    tags = list(LANGUAGES)
    in_pattern = re.compile(r"\b(?:" + "|".join(re.escape(tag) for tag in tags if tag != "en") + r")\b")
    prefixes = [prefix for prefix in LANGUAGE_PREFIX.values() if prefix != "/"]
    words = _engine_words()
    found = []
    for match in _LITERAL.finditer(_COMMENT.sub(" ", source)):
        literal = next(group for group in match.groups() if group is not None)
        if literal in tags or any(prefix in literal for prefix in prefixes):
            found.append(literal)
        elif in_pattern.search(literal):
            found.append(literal)  # a tag inside a pattern: "(?:fr|zh-TW)"
        elif any(re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", literal) for word in words):
            found.append(literal)  # a month, "1er", " à ", "年": whole words (digits may touch them)
    return found


def test_the_detector_finds_the_copies_the_page_used_to_hold() -> None:
    """summary.js' old `dateWords`, links.js' old shape of a link, forget.js' and plan-view.js' language tests."""
    assert copies('if (language === "zh-TW") words = `${y} 年 ${m} 月 ${d} 日`;') == [
        "zh-TW",
        "${y} 年 ${m} 月 ${d} 日",
    ]
    assert copies('const day = language === "fr" && d === 1 ? "1er" : String(d);') == ["fr", "1er"]
    assert copies('const at = { en: ", ", fr: " à ", "zh-TW": " " }[language] ?? " ";') == [" à ", "zh-TW"]
    assert copies(r"const INTERNAL = /^\/(?:(?:fr|zh-TW)\/)?[a-z0-9-]*\/#$/;") == [
        r"^\/(?:(?:fr|zh-TW)\/)?[a-z0-9-]*\/#$"
    ]
    assert copies('const language = app.dataset.language ?? "en";') == ["en"]
    # Reading what Python gave is not a copy; nor is a comment that names the languages.
    assert copies("// the prefixes (`/fr/`, `/zh-TW/`)\nconst p = JSON.parse(app.dataset.languagePrefixes);") == []


@pytest.mark.parametrize("path", sorted(PAGE_JS.rglob("*.js")), ids=lambda path: path.relative_to(PAGE_JS).as_posix())
def test_no_page_module_copies_a_language_rule(path: Path) -> None:
    assert copies(path.read_text(encoding="utf-8")) == []


def test_the_page_receives_the_rules_from_the_engine() -> None:
    """What the template hands to the page: the prefixes of every language, this language's date words."""
    context = page_context("fr", dt.date(2026, 11, 21))
    assert context["language_prefixes"] == LANGUAGE_PREFIX
    assert (
        context["date_words"]["months"][0] == "janvier"
        and context["date_words"]["first_day"] == "{day}er {month} {year}"
    )
    assert "{before}" in context["strings"]["name_and"] and "{after}" in context["strings"]["name_and"]
    template = (PAGE_JS.parents[2] / "partials" / "checklist-app.html").read_text(encoding="utf-8")
    assert "c.language_prefixes" in template and "c.date_words" in template
