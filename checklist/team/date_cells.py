"""The date cells of the admin's file: which day/month order the file writes, and each cell read as ISO.

A date written with the year last (25/12/2026, 8.10.2026, 8-10-2026 09:30) is day or month first, by the file:
`evidence` reads what each cell proves, `decide_order` decides (or asks, with an error the page and the CLI turn
into a question), `read_day` reads a cell once the order is known. Worded dates ("Nov 8, 2026", "1er mai 2027",
"2026年11月8日") are read by `checklist.date_words`, the same in any order. New date forms (issue 22) go here,
with their tables, and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import re

from ..date_words import read_worded
from ..errors import ChecklistError
from ..i18n import N_, Texts

__all__ = ["DATE_ORDERS", "DATE_ROLES", "decide_order", "evidence", "expected_date", "looks_like_date"]
__all__ += ["order_name", "read_day", "read_pasted_day"]

DATE_ORDERS: tuple[str, ...] = ("dmy", "mdy", "ymd")
# The date columns, in the order a row's cells are read once the file's order is known.
DATE_ROLES: tuple[str, ...] = ("temp_password_issued_on", "exams_associated", "exams_associated_at")

_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DATETIME = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?")
_SLASHED = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?")
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


def read_day(value: str, order: str | None) -> str | None:
    """An ISO date (or date and time, with "T") for a date cell, or None when it is not a date in `order`."""
    found = _DATETIME.fullmatch(value)
    if found is not None:
        year, month, day, hour, minute = found.groups()
        return f"{year}-{int(month):02}-{int(day):02}T{int(hour):02}:{minute}"
    found = _DATE.fullmatch(value)
    if found is not None:
        year, month, day = found.groups()
        return f"{year}-{int(month):02}-{int(day):02}"
    found = _SLASHED.fullmatch(value)
    if found is None:
        return read_worded(value)  # "Nov 8, 2026", "1er mai 2027", "2026年11月8日": the same in any order
    if order not in ("dmy", "mdy"):
        return None
    first, second, year, hour, minute = found.groups()
    day, month = (first, second) if order == "dmy" else (second, first)
    if int(month) > 12:  # 25/09/2026 read month first: not a date in this order (the message shows the order)
        return None
    text = f"{year}-{int(month):02}-{int(day):02}"
    return text if hour is None else f"{text}T{int(hour):02}:{minute}"


def looks_like_date(value: str) -> bool:
    """A cell that starts like a date in any order, or is a worded one (a "Last sign-in" column means yes)."""
    return bool(_DATE.match(value) or _SLASHED.match(value) or read_worded(value))


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
    return read_day(text, proved if proved in ("dmy", "mdy") else order)
