"""`.ics` text (RFC 5545 3.3.11): control characters from a CSV cell never reach the file raw.

Issue 16: CR, VT, U+2028 and U+0085 in a quoted CSV cell went raw into SUMMARY, where a CR LF starts a new
property (another event's fields, an alarm) in the reader's calendar. The file is parsed back with icalendar.
"""

from __future__ import annotations

import re
from typing import Any

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checklist.calendar import ics, team_ics
from checklist.plan import plan
from checklist.team import team, team_from_csv
from tests.property.strategies import entry_point_settings

PAGE, SITE = "https://example.com/checklist/", "https://example.com/"
# Everything but HTAB in C0, DEL and C1, plus the Unicode line and paragraph separators.
CONTROLS = [chr(c) for c in [*range(0x00, 0x09), *range(0x0A, 0x20), *range(0x7F, 0xA0)]] + ["\u2028", "\u2029"]
RAW_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def team_calendar(name: str) -> str:
    document = {"today": "2027-04-01", "employees": [{"name": name, "temp_password_issued_on": "2027-03-01"}]}
    return team_ics(team(document), PAGE, SITE)


def content_lines(text: str) -> list[str]:
    """The file's lines (CRLF-terminated, folded lines joined): none may hold a control character."""
    assert text.endswith("\r\n")
    unfolded = text.replace("\r\n ", "")
    lines = unfolded.split("\r\n")[:-1]
    for line in lines:
        assert not RAW_CONTROL.search(line), repr(line)
    return lines


def summaries(text: str) -> list[str]:
    calendar = icalendar.Calendar.from_ical(text)
    return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Ana\r\nX-INJECTED:1", "Ana\nX-INJECTED:1"),
        ("Ana\rBEGIN:VALARM", "Ana\nBEGIN:VALARM"),
        ("Ana\nSilva", "Ana\nSilva"),
        ("Ana\vSilva", "AnaSilva"),
        ("Ana\u2028Silva\u2029", "Ana\nSilva"),
        ("Ana\x85Silva", "Ana\nSilva"),
        ("Ana\x00\x1b[31m\x7f\x9bSilva", "Ana[31mSilva"),
        ("Ana\tSilva; Bo, \\ Cy", "Ana\tSilva; Bo, \\ Cy"),
        ("王小明\ud800", "王小明\ufffd"),
    ],
)
def test_control_characters_in_a_name_are_escaped_or_removed(name: str, shown: str) -> None:
    text = team_calendar(name)
    lines = content_lines(text)
    assert not any(line.startswith("X-INJECTED") for line in lines)
    # The team's events carry two reminders each (VALARM): no other one may come from a name.
    assert sum(line.startswith("BEGIN:VALARM") for line in lines) == 2 * len(summaries(text))
    assert [s.split(": ", 1)[1] for s in summaries(text)] == [shown.strip()]


def test_a_quoted_csv_cell_with_control_characters_stays_one_summary() -> None:
    data = 'Name,E-mail,Created on\n"Ana\rSilva\vX\u2028Y\x85Z",ana@x.example,2027-03-01\n'
    result = team_from_csv(data, today="2027-04-01")
    text = team_ics(result, PAGE, SITE)
    content_lines(text)
    assert len(summaries(text)) == 1 and "Ana\nSilva" in summaries(text)[0]


def test_the_single_plan_calendar_parses() -> None:
    result = plan(
        {"role": "employee", "language": "zh-TW", "today": "2027-04-01", "temp_password_issued_on": "2027-03-01"}
    )
    text = ics(result, PAGE, SITE)
    content_lines(text)
    assert len(summaries(text)) == 1


@entry_point_settings()
@given(st.text(alphabet=st.one_of(st.sampled_from(CONTROLS), st.characters()), min_size=1, max_size=40))
def test_any_name_gives_one_parseable_summary_without_controls(name: Any) -> None:
    if not name.strip():
        return
    text = team_calendar(name)
    content_lines(text)
    found = summaries(text)
    assert len(found) == 1
    assert not RAW_CONTROL.search(found[0].replace("\n", ""))
