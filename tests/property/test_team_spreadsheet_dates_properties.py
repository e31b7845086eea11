"""Hypothesis (issue 22): any real date, written the way a spreadsheet writes it — a long date with its weekday
in English, French or Chinese, a two-digit year, an Excel date number — reads back to itself; the same date
with any other weekday is refused, naming both.

The weekday and month words are written out here, independently of `checklist.team.weekdays` and
`checklist.date_words`, so that a word the reader forgot fails the test instead of agreeing with itself.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from checklist.dates import FIRST_DAY, LAST_DAY
from checklist.team import read_team_csv
from checklist.team.date_cells import read_pasted_day
from tests.property.strategies import entry_point_settings

# fmt: off
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_DAYS_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
FR_DAYS_SHORT = ("lun", "mar", "mer", "jeu", "ven", "sam", "dim")
ZH_DAYS = "一二三四五六日"
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
FR_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre")
FR_MONTHS_SHORT = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
                   "déc.")
# fmt: on
CASES = st.sampled_from([str, str.lower, str.upper, str.title])
SPACES = st.sampled_from([" ", "\u00a0", "\u202f"])
DAYS = st.dates(min_value=max(FIRST_DAY, dt.date(2000, 1, 1)), max_value=min(LAST_DAY, dt.date(2099, 12, 31)))
EXCEL_ZERO = dt.date(1899, 12, 30)


@st.composite
def long_date(draw: st.DrawFn, day: dt.date, weekday: int) -> str:
    """`day` as a long date with the weekday `weekday` written beside it (0 = Monday), in one of the styles of
    Excel in English, French or Chinese."""
    style = draw(st.sampled_from(["en_us", "en_uk", "fr", "fr_short", "zh", "zh_slash"]))
    space = draw(SPACES)
    if style == "en_us":
        name = draw(st.sampled_from([EN_DAYS, EN_DAYS_SHORT]))[weekday]
        text = f"{name}, {EN_MONTHS[day.month - 1]} {day.day}, {day.year}"
    elif style == "en_uk":
        name = draw(st.sampled_from([EN_DAYS, EN_DAYS_SHORT]))[weekday]
        text = f"{name} {day.day} {EN_MONTHS[day.month - 1][:3]} {day.year}"
    elif style == "fr":
        first = "1er" if day.day == 1 and draw(st.booleans()) else str(day.day)
        text = f"{FR_DAYS[weekday]} {first} {FR_MONTHS[day.month - 1]} {day.year}"
    elif style == "fr_short":
        dot = draw(st.sampled_from([".", ""]))
        month = FR_MONTHS_SHORT[day.month - 1]
        text = f"{FR_DAYS_SHORT[weekday]}{dot} {day.day} {month if dot else month.rstrip('.')} {day.year}"
    elif style == "zh":
        mark = draw(st.sampled_from(["星期", "週", "周"]))
        around = draw(st.sampled_from([(" ", ""), ("（", "）"), (" (", ")"), ("", "")]))
        text = f"{day.year}年{day.month}月{day.day}日{around[0]}{mark}{ZH_DAYS[weekday]}{around[1]}"
    else:
        text = f"{day.year}/{day.month}/{day.day} ({ZH_DAYS[weekday]})"
    return draw(CASES)(text).replace(" ", space) if style != "zh" else text


def _quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


def issued(cell: str, order: str | None = None) -> list[dict[str, object]] | str:
    table = read_team_csv(f"Email,Created on\na@x.example,{_quote(cell)}\n", date_order=order)
    return table.rejected or table.rows[0][1]["temp_password_issued_on"]


@entry_point_settings()
@given(st.data(), DAYS)
def test_a_long_date_with_its_weekday_reads_back_to_itself(data: st.DataObject, day: dt.date) -> None:
    cell = data.draw(long_date(day, day.weekday()))
    assert issued(cell) == day.isoformat(), cell
    assert read_pasted_day(cell) == day.isoformat()


@entry_point_settings()
@given(st.data(), DAYS, st.integers(1, 6))
def test_any_other_weekday_is_refused_naming_both(data: st.DataObject, day: dt.date, shift: int) -> None:
    cell = data.draw(long_date(day, (day.weekday() + shift) % 7))
    found = issued(cell)
    assert isinstance(found, list) and found[0]["code"] == "weekday_mismatch", (cell, found)
    expected = str(found[0]["expected"])
    assert EN_DAYS[day.weekday()] in expected and EN_DAYS[(day.weekday() + shift) % 7] in expected


@entry_point_settings()
@given(DAYS, st.sampled_from(["dmy", "mdy"]), st.sampled_from(["/", ".", "-"]), st.booleans())
def test_a_two_digit_year_reads_back_once_the_order_is_known(day: dt.date, order: str, sep: str, pad: bool) -> None:
    parts = (day.day, day.month) if order == "dmy" else (day.month, day.day)
    first, second = (f"{n:02}" if pad else str(n) for n in parts)
    assert issued(f"{first}{sep}{second}{sep}{day.year % 100:02}", order) == day.isoformat()


@entry_point_settings()
@given(DAYS, st.integers(0, 86_399))
def test_an_excel_date_number_reads_back_to_its_day(day: dt.date, second: int) -> None:
    serial = (day - EXCEL_ZERO).days
    fraction = f"{second / 86_400:.6f}"[2:]
    assert issued(str(serial)) == day.isoformat()
    assert issued(f"{serial}.{fraction}") == day.isoformat()  # a date column: the time of day is not kept
