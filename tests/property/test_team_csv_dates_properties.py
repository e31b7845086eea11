"""Hypothesis: any date in the safe range, written with its month in words in any supported style and language,
reads back to itself (issue 13, item 9); with a time, in the exams column, the moment too.

The month words and styles are written out here, independently of `checklist.date_words`, so that a word the
reader forgot (or a style it mangles) fails the test instead of agreeing with itself.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from checklist.dates import FIRST_DAY, LAST_DAY
from checklist.i18n import Texts
from checklist.team import read_team_csv
from tests.property.strategies import entry_point_settings

# fmt: off
ENGLISH = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
ENGLISH_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FRENCH = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
FRENCH_SHORT = ("janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc")
# fmt: on
WITHOUT_ACCENTS = str.maketrans("éû", "eu")
CASES = st.sampled_from([str, str.lower, str.upper, str.title])
DAYS = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def english_ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


@st.composite
def month_word(draw: st.DrawFn, month: int) -> str:
    """The month in English or French, full or short (with or without its dot), accents or not, any case."""
    words = draw(st.sampled_from([ENGLISH, ENGLISH_SHORT, FRENCH, FRENCH_SHORT]))
    word = words[month - 1]
    if words in (ENGLISH_SHORT, FRENCH_SHORT) and word not in ENGLISH and word not in FRENCH and draw(st.booleans()):
        word += "."
    if draw(st.booleans()):
        word = word.translate(WITHOUT_ACCENTS)
    return draw(CASES)(word)


@st.composite
def written(draw: st.DrawFn, day: dt.date) -> str:
    """`day` as someone's spreadsheet might write it, with the month in words (or 年月日)."""
    style = draw(st.sampled_from(["mdy", "dmy", "zh", "engine"]))
    if style == "engine":  # what the engine itself writes, in each language ("1er mai 2027", "2027 年 5 月 1 日")
        return Texts(draw(st.sampled_from(["en", "fr", "zh-TW"]))).date(day)
    if style == "zh":
        gap = draw(st.sampled_from(["", " "]))
        text = f"{day.year}{gap}年{gap}{day.month}{gap}月{gap}{day.day}{gap}日"
        return text.translate(FULL_WIDTH) if draw(st.booleans()) else text
    month = draw(month_word(day.month))
    number = str(day.day)
    if draw(st.booleans()):
        number = english_ordinal(day.day)
    elif day.day == 1 and draw(st.booleans()):
        number = "1er"
    if style == "mdy":
        return f"{month} {number}{draw(st.sampled_from([',', '']))} {day.year}"
    gap = draw(st.sampled_from([" ", "-"]))
    return f"{number}{gap}{month}{gap}{day.year}"


@st.composite
def cells(draw: st.DrawFn) -> tuple[dt.date, str]:
    day = draw(DAYS)
    return day, draw(written(day))


def _quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


@entry_point_settings()
@given(st.lists(cells(), min_size=1, max_size=6), st.sampled_from(["en", "fr", "zh-TW"]))
def test_any_date_written_with_its_month_in_words_reads_back_to_itself(
    dates: list[tuple[dt.date, str]], language: str
) -> None:
    text = "Email,Created on\n" + "".join(f"p{i}@x.example,{_quote(cell)}\n" for i, (_, cell) in enumerate(dates))
    table = read_team_csv(text, language=language)
    assert table.rejected == [] and table.date_order is None  # never asked, never proved
    assert [row["temp_password_issued_on"] for _, row in table.rows] == [day.isoformat() for day, _ in dates]


@entry_point_settings()
@given(cells(), st.integers(0, 23), st.integers(0, 59), st.sampled_from(["24h", "12h", "zh", "en", "fr", "zh-TW"]))
def test_a_date_and_time_with_the_month_in_words_reads_back_in_the_exams_column(
    cell: tuple[dt.date, str], hour: int, minute: int, clock: str
) -> None:
    day, date = cell
    moment = dt.datetime.combine(day, dt.time(hour, minute))
    if clock in ("en", "fr", "zh-TW"):  # the engine's own date-time text ("8 novembre 2026 à 09:30")
        shown = Texts(clock).datetime(moment)
    elif clock == "12h":
        shown = f"{date} {(hour % 12) or 12}:{minute:02} {'PM' if hour >= 12 else 'AM'}"
    elif clock == "zh":
        shown = f"{date} {'下午' if hour >= 12 else '上午'}{(hour % 12) or 12}:{minute:02}"
    else:
        shown = f"{date} {hour:02}:{minute:02}"
    table = read_team_csv(f"Email,Created on,Exams associated\na@x.example,2026-01-01,{_quote(shown)}\n")
    assert table.rejected == []
    assert table.rows[0][1]["exams_associated_at"] == moment.isoformat(timespec="minutes")
