"""Dates written with the month in words, as spreadsheets exported by other people write them (issue 13, item 9).

"Nov 8, 2026", "8 November 2026", "8 nov. 2026", "1er mai 2027", "8-Nov-2026", "2026年11月8日" and
"２０２６ 年 １１ 月 ８ 日", each with an optional time ("November 8, 2026 9:30 AM", "8 novembre 2026 à 09:30",
"2026年11月8日 下午2:05"). Read in English, French and Traditional Chinese whatever the file's language: an
admin's file often mixes exports from colleagues in several countries.

A month name says which number is the day, so these cells never depend on (or count as evidence for) the
file's day/month order. Only the shape is read here: the day is not checked against the month ("31 June" gives
``2027-06-31``), so that the engine's field reader refuses it with its own "This date does not exist" and the
range check (`dates.check_range`), like any other date cell.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["CENTURY", "MONTH_WORDS", "fold", "read_worded", "read_worded_form"]

# Month words after `fold` (no case, no accents), English and French, full and abbreviated. "mar", "sep",
# "sept", "dec" and "jan" are the same month in both languages, so no word is ambiguous.
# fmt: off
MONTH_WORDS: dict[str, int] = {
    "january": 1, "jan": 1, "janvier": 1, "janv": 1,
    "february": 2, "feb": 2, "fevrier": 2, "fevr": 2, "fev": 2,
    "march": 3, "mar": 3, "mars": 3,
    "april": 4, "apr": 4, "avril": 4, "avr": 4,
    "may": 5, "mai": 5,
    "june": 6, "jun": 6, "juin": 6,
    "july": 7, "jul": 7, "juillet": 7, "juil": 7,
    "august": 8, "aug": 8, "aout": 8,
    "september": 9, "sep": 9, "sept": 9, "septembre": 9,
    "october": 10, "oct": 10, "octobre": 10,
    "november": 11, "nov": 11, "novembre": 11,
    "december": 12, "dec": 12, "decembre": 12,
}
# fmt: on

_DAY = r"(?P<day>\d{1,2})(?P<ordinal>st|nd|rd|th|er)?"
_MONTH = r"(?P<month>[a-z]+)\.?"
_YEAR = r"(?P<year>\d{4})"
# A two-digit year after a month in words ("8-Nov-26", Excel's default d-mmm-yy): read in `CENTURY`.
_SHORT_YEAR = r"(?P<year>\d{4}|\d{2})"
# Two-digit years are read as 2000-2099: a fixed window, so a file means the same whatever the day it is read
# (a sliding window moves with the clock), and the dates of a Partner Center account are all after 2000.
CENTURY = 2000
# Between two parts: spaces, a comma, a hyphen or a slash ("8 Nov 2026", "Nov 8, 2026", "8-Nov-2026"), or
# nothing right after an abbreviation's dot ("nov.8"); never nothing between two numbers ("Nov 82026").
_GAP = r"(?:\s*[,\-/]\s*|\s+|(?<=\.))"
# The time after the date: "9:30 AM", "09:30", "9h30", "9 h 30", "14:05:59", with "at", "à", "T" or a comma
# before it; Chinese writes 上午 / 下午 (morning / afternoon) before the time.
_MERIDIEM = r"(?:am|pm|a\.m\.|p\.m\.|上午|下午)"
_TIME = (
    r"(?:\s*,?\s*(?:at\s+|a\s+)?(?P<before>上午|下午)?\s*"
    r"(?P<hour>\d{1,2})\s*(?::|h)\s*(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?"
    rf"\s*(?P<after>{_MERIDIEM})?)?"
)
_FORMS = (
    re.compile(rf"{_MONTH}{_GAP}{_DAY}{_GAP}{_SHORT_YEAR}{_TIME}"),  # Nov 8, 2026
    re.compile(rf"{_DAY}\.?{_GAP}{_MONTH}{_GAP}{_SHORT_YEAR}{_TIME}"),  # 8 November 2026, 1er mai 2027
    re.compile(rf"{_YEAR}\s*年\s*(?P<month_number>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*[日號号]?{_TIME}"),
    # Year first in numbers with a 12-hour time, as Excel in Taiwan writes it: "2026/11/8 下午 02:05:00".
    re.compile(rf"{_YEAR}[\-/.](?P<month_number>\d{{1,2}})[\-/.](?P<day>\d{{1,2}}){_TIME}"),
)


def fold(text: str) -> str:
    """The form a cell is matched in: full-width digits and colons made ASCII (NFKC), no case, no accents, one
    space between words ("Févr." → "fevr.", "２０２６" → "2026", "1ᵉʳ" → "1er")."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(text.split())


def read_worded(value: str) -> str | None:
    """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` for a date written with its month in words (or 年月日), else None.

    None means "not this kind of date": the caller tries its other forms and, failing those, refuses the cell
    saying what to write. An unknown month word ("Smarch"), a wrong ordinal ("2st"), a missing year ("Nov 8") or
    an hour that does not exist ("25:00", "13:00 PM") are None; a day the month does not have is left to the
    engine (see the module's docstring).
    """
    found = read_worded_form(value)
    return None if found is None else found[0]


def read_worded_form(value: str) -> tuple[str, bool] | None:
    """`read_worded`'s date, and whether its year was written with two digits (the import summary says so)."""
    text = fold(value)
    for form in _FORMS:
        found = form.fullmatch(text)
        if found is not None:
            iso = _iso(found)
            return None if iso is None else (iso, len(found["year"]) == 2)
    return None


def _iso(found: re.Match[str]) -> str | None:
    parts = found.groupdict()
    number = parts.get("month_number")
    month = int(number) if number is not None else MONTH_WORDS.get(parts["month"], 0)
    day = int(parts["day"])
    if not 1 <= month <= 12 or not 1 <= day <= 31 or not _ordinal_fits(day, parts.get("ordinal")):
        return None
    year = int(parts["year"]) + (CENTURY if len(parts["year"]) == 2 else 0)
    date = f"{year:04}-{month:02}-{day:02}"
    if parts["hour"] is None:
        return date
    time = _time(int(parts["hour"]), int(parts["minute"]), parts["before"] or parts["after"])
    return None if time is None else f"{date}T{time}"


def _ordinal_fits(day: int, ordinal: str | None) -> bool:
    """No suffix, "er" on the first only, or the English suffix this number takes (11th-13th, not 11st)."""
    if ordinal is None:
        return True
    if ordinal == "er":
        return day == 1
    expected = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return ordinal == expected


def _time(hour: int, minute: int, meridiem: str | None) -> str | None:
    """``HH:MM`` on the 24-hour clock; 12 AM is midnight, 12 PM noon; None for a time that does not exist."""
    if minute > 59:
        return None
    if meridiem is not None:
        if not 1 <= hour <= 12:
            return None
        afternoon = meridiem in ("pm", "p.m.", "下午")
        hour = hour % 12 + (12 if afternoon else 0)
    elif hour > 23:
        return None
    return f"{hour:02}:{minute:02}"
