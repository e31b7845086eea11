"""The date cells of the admin's file: which day/month order the file writes, and each cell read as ISO.

A date written with the year last (25/12/2026, 8.10.2026, 8-10-2026 09:30) is day or month first, by the file:
`evidence` reads what each cell proves, `decide_order` decides (or asks, with an error the page and the CLI turn
into a question), `read_day` reads a cell once the order is known. Worded dates ("Nov 8, 2026", "1er mai 2027",
"2026年11月8日") are read by `checklist.date_words`, the same in any order. New date forms (issue 22) go here,
with their tables, and nowhere else (the page asks the engine: no copy in JS):

- a weekday before or after the date ("dimanche 8 novembre 2026", "2026年11月8日（週日）"), checked against it
  (`weekdays`): a wrong weekday is refused, naming both;
- a two-digit year once the day/month order is known ("08/11/26"), read in 2000-2099 (`date_words.CENTURY`:
  fixed, so a file means the same whatever day it is read; every date of a Partner Center account is after 2000);
- an Excel date number (45962, a date column formatted as General; "45962,5" with a time), in Excel's 1900 date
  system: serial 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was (a bug kept from Lotus
  1-2-3), so from serial 61 on a date is 1899-12-30 plus the serial. Only numbers from 36526 (2000-01-01) to
  2958465 (9999-12-31) are dates: a smaller number in a date column is a typo, not a day in 1950. The 1904
  system of old Mac files is not read (it would be four years and a day off, silently).

`read_cell` says which of these forms a cell had, so that the import summary shows how it was read.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import NamedTuple

from ..date_words import CENTURY, read_worded_form
from ..errors import ChecklistError
from ..i18n import N_, Texts
from .weekdays import WeekdayMismatchError, split_weekday, weekday_name

__all__ = ["DATE_ORDERS", "DATE_ROLES", "DayRead", "WeekdayMismatchError", "decide_order", "evidence"]
__all__ += ["expected_date", "looks_like_date", "order_name", "read_cell", "read_day", "read_pasted_day"]
__all__ += ["serial_day", "weekday_error"]

DATE_ORDERS: tuple[str, ...] = ("dmy", "mdy", "ymd")
# The date columns, in the order a row's cells are read once the file's order is known.
DATE_ROLES: tuple[str, ...] = ("temp_password_issued_on", "exams_associated", "exams_associated_at")

_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DATETIME = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[Tt ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?")
# Year last, with four digits or two ("08/11/26": read in `CENTURY` once the order is known).
_SLASHED = re.compile(
    r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)(?:[Tt ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?"
)
# An Excel date number (a date column formatted as General), its fraction the time of day.
_SERIAL = re.compile(r"(\d{5,7})(?:[.,](\d+))?")
_SERIAL_FIRST, _SERIAL_LAST = 36526, 2958465  # 2000-01-01 and 9999-12-31
_SERIAL_ZERO = dt.date(1899, 12, 30)  # serial 61 and later: Excel's phantom 29 February 1900 counted
_WEEKDAY_MESSAGE = N_("The weekday does not match the date: {date} is a {actual}, not a {written}.")
_ORDER_EXAMPLES = {"dmy": "31/12/2026", "mdy": "12/31/2026", "ymd": "2026-12-31"}
_ORDER_NAMES = {
    "dmy": N_("day first (31/12/2026)"),
    "mdy": N_("month first (12/31/2026)"),
    "ymd": N_("year first (2026-12-31)"),
}
_WORDED_EXAMPLE = dt.date(2026, 12, 31)


def order_name(texts: Texts, order: str) -> str:
    """The reader's words for a date order ("day first (31/12/2026)")."""
    return texts(_ORDER_NAMES[order])


def evidence(value: str) -> str | None:
    """ "dmy" or "mdy" when this cell proves the file's order (25/12/2026, 12/25/2026), "?" when it could be
    either (8/10/2026), None when it has no slashed date (or the same number twice: 5/5/2026 reads one way)."""
    found = _SLASHED.match(value)
    if found is None and not value[:1].isdigit():  # "dimanche 08/11/2026" proves it as well
        split = split_weekday(value)
        found = None if split is None else _SLASHED.match(split[0])
    if found is None:
        return None
    first, second = int(found[1]), int(found[2])
    if first > 12 >= second:
        return "dmy"
    if second > 12 >= first:
        return "mdy"
    return None if first == second or first > 12 else "?"


def decide_order(
    texts: Texts, chosen: str | None, seen: set[str], example: str | None
) -> tuple[str | None, str | None]:
    """The day/month order and where it came from; asks (an error the page and the CLI turn into a question)
    when the file does not prove it, or proves both."""
    if chosen is not None:
        if chosen not in DATE_ORDERS:
            message = texts(N_("Must be one of: {choices}."), choices=", ".join(DATE_ORDERS))
            raise ChecklistError("date_order", "invalid_value", message)
        return chosen, "chosen"
    proved = seen & {"dmy", "mdy"}
    if len(proved) == 1:
        return proved.pop(), "file"
    if proved or "?" in seen:
        message = N_(
            "Dates like “{example}” can be read two ways. Say whether the day or the month comes first, and the "
            "file is read again."
        )
        raise ChecklistError("date_order", "date_order_needed", texts(message, example=example or ""))
    return None, None


class DayRead(NamedTuple):
    """A date cell read: ISO (with "T" and the time when it has one), and the form it had ("iso", "slashed",
    "short_year", "serial", "worded"), with `weekday` when a weekday was written beside it (and matched)."""

    iso: str
    form: str
    weekday: bool = False


def read_day(value: str, order: str | None) -> str | None:
    """An ISO date (or date and time, with "T") for a date cell, or None when it is not a date in `order`;
    `WeekdayMismatchError` when a weekday is written beside a date that falls on another."""
    found = read_cell(value, order)
    return None if found is None else found.iso


def read_cell(value: str, order: str | None) -> DayRead | None:
    """`read_day`, saying which form the cell had (the import summary shows two-digit years and Excel numbers)."""
    text = " ".join(unicodedata.normalize("NFKC", value).split())  # NBSP, narrow NBSP, full-width digits
    found = _plain(text, order)
    if found is not None:
        return found
    split = split_weekday(text)
    if split is None:
        return None
    rest, written = split
    found = _plain(rest, order)
    if found is None:
        return None
    try:
        actual = dt.date.fromisoformat(found.iso[:10]).weekday()
    except ValueError:  # 31 June: the engine names a day that does not exist, weekday or not
        return found._replace(weekday=True)
    if actual != written:
        raise WeekdayMismatchError(found.iso, written, actual)
    return found._replace(weekday=True)


def _plain(text: str, order: str | None) -> DayRead | None:
    """A date without a weekday, in one of the forms above."""
    found = _DATETIME.fullmatch(text)
    if found is not None:
        year, month, day, hour, minute = found.groups()
        return DayRead(f"{year}-{int(month):02}-{int(day):02}T{int(hour):02}:{minute}", "iso")
    found = _DATE.fullmatch(text)
    if found is not None:
        year, month, day = found.groups()
        return DayRead(f"{year}-{int(month):02}-{int(day):02}", "iso")
    found = _SLASHED.fullmatch(text)
    if found is not None:
        return _slashed(found, order)
    found = _SERIAL.fullmatch(text)
    if found is not None:
        iso = serial_day(int(found[1]), found[2])
        return None if iso is None else DayRead(iso, "serial")
    worded = read_worded_form(text)  # "Nov 8, 2026", "1er mai 2027", "2026年11月8日": the same in any order
    if worded is None:
        return None
    return DayRead(worded[0], "short_year" if worded[1] else "worded")


def _slashed(found: re.Match[str], order: str | None) -> DayRead | None:
    if order not in ("dmy", "mdy"):
        return None
    first, second, year, hour, minute = found.groups()
    day, month = (first, second) if order == "dmy" else (second, first)
    if int(month) > 12:  # 25/09/2026 read month first: not a date in this order (the message shows the order)
        return None
    short = len(year) == 2
    text = f"{int(year) + (CENTURY if short else 0):04}-{int(month):02}-{int(day):02}"
    return DayRead(text if hour is None else f"{text}T{int(hour):02}:{minute}", "short_year" if short else "slashed")


def serial_day(serial: int, fraction: str | None = None) -> str | None:
    """The ISO date (and time, from the fraction of the day) of an Excel 1900-system date number, or None out of
    2000-01-01 … 9999-12-31 (see the module's docstring for the 1900 leap-year bug)."""
    if not _SERIAL_FIRST <= serial <= _SERIAL_LAST:
        return None
    day = (_SERIAL_ZERO + dt.timedelta(days=serial)).isoformat()
    if not fraction or not fraction.strip("0"):
        return day
    minutes = round(float(f"0.{fraction}") * 24 * 60)
    if minutes >= 24 * 60:  # 0.99999 rounds to the next midnight: keep the day, at 23:59
        minutes = 24 * 60 - 1
    return f"{day}T{minutes // 60:02}:{minutes % 60:02}"


def weekday_error(texts: Texts, mismatch: WeekdayMismatchError) -> str:
    """What to write for a date whose weekday is not the one written: both weekdays, in the reader's words."""
    return texts(
        _WEEKDAY_MESSAGE,
        date=texts.date(dt.date.fromisoformat(mismatch.iso[:10])),
        actual=weekday_name(texts, mismatch.actual),
        written=weekday_name(texts, mismatch.written),
    )


def looks_like_date(value: str) -> bool:
    """A cell that starts like a date in any order, or is a worded one (a "Last sign-in" column means yes)."""
    if _DATE.match(value) or _SLASHED.match(value):
        return True
    try:
        return read_cell(value, None) is not None
    except WeekdayMismatchError:
        return True


def expected_date(texts: Texts, order: str | None, with_time: bool) -> str:
    """What a date cell should hold, in the file's order, and that the month may be in words, shown the way the
    reader writes a date ("31/12/2026, 2026-12-31 or 31 December 2026"; "2026 年 12 月 31 日" in Chinese)."""
    shown = _ORDER_EXAMPLES.get(order or "ymd", "2026-12-31")
    # Two examples side by side, with the language's own list comma (Chinese: "、").
    examples = shown if shown == "2026-12-31" else texts(N_("{example}, {iso}"), example=shown, iso="2026-12-31")
    worded = texts.date(_WORDED_EXAMPLE)
    if with_time:
        return texts(
            N_(
                "Write yes or no, or the date and time the exams were associated ({examples} 09:30, or with the "
                "month in words: {worded} 09:30), or leave it empty."
            ),
            examples=examples,
            worded=worded,
        )
    return texts(
        N_("Write a date like {examples}, or with the month in words: {worded}."), examples=examples, worded=worded
    )


def read_pasted_day(value: str, order: str | None = None) -> str | None:
    """A date on its own, read as a date cell is (ISO, year-first, slashed, month in words, 年月日): the page's
    form reads a whole date pasted into one of its boxes with the same rules as a team file. A slashed date
    reads in the order it proves itself (15/06/2027), else in `order` ("dmy" or "mdy"), else not at all; the day
    is not checked against the month here (the form's own check names a day that does not exist)."""
    text = value.strip()
    proved = evidence(text)
    try:
        return read_day(text, proved if proved in ("dmy", "mdy") else order)
    except WeekdayMismatchError:  # "lundi 8 novembre 2026": not a date the form can fill in (it leaves the text)
        return None
