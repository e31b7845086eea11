"""Hypothesis, the third attack's classes (issue 25): huge integers, lone surrogates, wrong shapes and control
characters, at every entry point a person, a file or the worker reaches. Each ends in a result or the typed
error (field, code, message), never another exception; the CLIs print one line or their whole output.

``--hypothesis-profile long`` runs 10,000 examples per test (tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from typing import Any

import icalendar
import vobject
from hypothesis import given
from hypothesis import strategies as st

from checklist import ChecklistError
from checklist.calendar import ics, team_ics
from checklist.cli import main as plan_main
from checklist.plan import plan
from checklist.team import team
from checklist.team_cli import main as team_main
from checklist.web import CALLS, REQUIRED, call
from tests.property.strategies import (
    ATTACKS,
    CONTROL_TEXT,
    HOSTILE_URLS,
    HOSTILE_VALUES,
    LONE_SURROGATES,
    hostile_settings,
    to_json,
    valid_documents,
)

FIELDS = ("role", "situation", "language", "today", "now", "done", "benefits", "name", "pmc_membership_end")
EMPLOYEE_KEYS = ("name", "email", "temp_password_issued_on", "signed_in", "x")
# Strategies built once (one built inside a draw is validated again at every example: half the run's time).
FIELD_VALUES = st.one_of(ATTACKS, HOSTILE_VALUES)
CELL_VALUES = st.one_of(ATTACKS, st.sampled_from(["Ana", "a@b.example", "2027-03-01", True]))
DOCUMENT_FIELDS = st.sampled_from(["language", "today", "now", "extra_columns", "y"])
DATA_VALUES = st.one_of(st.just("TmFtZSxFLW1haWwKQW5hLGFAYgo="), HOSTILE_VALUES)
NOT_OBJECTS = st.one_of(st.text(max_size=20), HOSTILE_VALUES.map(to_json))
FUNCTIONS = st.one_of(st.sampled_from(sorted(CALLS)), HOSTILE_VALUES)


@st.composite
def hostile_answers(draw: st.DrawFn) -> Any:
    """A valid plan's answers with one to three fields (or list items) set to an attack."""
    document = draw(valid_documents())
    for _ in range(draw(st.integers(1, 3))):
        field = draw(st.sampled_from(FIELDS))
        value = draw(FIELD_VALUES)
        document[field] = [value] if field in ("done", "benefits") and draw(st.booleans()) else value
    return document if draw(st.integers(0, 9)) else draw(HOSTILE_VALUES)


@st.composite
def hostile_teams(draw: st.DrawFn) -> Any:
    people = [
        {
            key: draw(st.one_of(ATTACKS, st.just("Ana"), st.just("2027-03-01")))
            for key in draw(st.sets(st.sampled_from(EMPLOYEE_KEYS)))
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    document: dict[str, Any] = {"today": "2027-04-01", "employees": people}
    if draw(st.booleans()):
        document[draw(DOCUMENT_FIELDS)] = draw(HOSTILE_VALUES)
    return document if draw(st.integers(0, 9)) else draw(HOSTILE_VALUES)


ARGUMENT_NAMES = ("answers", "document", "page_url", "site_url", "data", "language", "today", "date_texts", "z")


@st.composite
def hostile_calls(draw: st.DrawFn) -> tuple[Any, str]:
    """A function name (mostly a real one) and the text of its arguments: required ones dropped or of another
    type, contents attacked, or no JSON object at all."""
    fn = draw(FUNCTIONS)
    if draw(st.integers(0, 9)) == 0:  # not an object: broken JSON, another JSON value
        return fn, draw(NOT_OBJECTS)
    args: dict[str, Any] = {}
    for name in REQUIRED.get(fn, ()) if isinstance(fn, str) else ():
        if draw(st.integers(0, 5)) == 0:
            continue  # a required argument missing
        if name == "answers":
            args[name] = draw(hostile_answers())
        elif name == "document":
            args[name] = draw(hostile_teams())
        elif name == "data":
            args[name] = draw(DATA_VALUES)
        else:
            args[name] = draw(HOSTILE_URLS)
    for name in draw(st.sets(st.sampled_from(ARGUMENT_NAMES), max_size=2)):
        args[name] = draw(HOSTILE_VALUES)
    return fn, to_json(args)


def typed(error: dict[str, Any]) -> None:
    assert error["code"] != "internal", error
    assert isinstance(error["field"], str) and error["field"] and error["code"] and error["message"], error


@hostile_settings()
@given(hostile_calls())
def test_worker_call_answers_every_shape_typed(request: tuple[Any, str]) -> None:
    fn, text = request
    reply = json.loads(call(fn, text))
    assert set(reply) == {"ok", "result" if reply["ok"] else "error"}
    if not reply["ok"]:
        typed(reply["error"])


@hostile_settings()
@given(hostile_answers())
def test_plan_from_python_gives_a_plan_or_a_typed_error(answers: Any) -> None:
    try:
        plan(answers)
    except ChecklistError as error:
        typed(error.to_dict())


@hostile_settings()
@given(hostile_teams())
def test_team_from_python_gives_a_status_or_a_typed_error(document: Any) -> None:
    try:
        team(document)
    except ChecklistError as error:
        typed(error.to_dict())


OPTIONS = st.sampled_from(["--format", "--language", "--site-url", "--today", "--now", "--date-order", "--encoding"])
OPTION_VALUES = st.one_of(
    st.sampled_from(["json", "text", "ics", "csv", "fr", "zh-TW", "dmy", "2027-04-01", "http://x/", "utf-8"]),
    CONTROL_TEXT,
    LONE_SURROGATES,
)


def run_cli(main: Any, argv: list[str], stdin: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(stderr):
        status = main(argv, io.StringIO(stdin), stdout)
    return status, stdout.getvalue(), stderr.getvalue()


def check_cli(status: int, stdout: str, stderr: str) -> None:
    """0 (or 3, a partial CSV) with whole output, or 2 with one `error: field: message` line and no output."""
    if status == 2:
        assert stdout == "" and stderr.count("\n") == 1 and stderr.startswith("error: "), (stdout, stderr)
        field, _, message = stderr.removeprefix("error: ").partition(": ")
        assert field and message.strip()
    else:
        assert status in (0, 3) and stdout.endswith("\n"), (status, stderr)
        if stdout.lstrip("\ufeff").startswith(("{", "[")):
            json.loads(stdout)
        stdout.encode("utf-8")  # written whole: every character can be written


@hostile_settings()
@given(st.lists(st.tuples(OPTIONS, OPTION_VALUES), max_size=3), hostile_answers())
def test_plan_cli_exits_0_or_2_with_one_line(options: list[tuple[str, str]], answers: Any) -> None:
    argv = [part for pair in options for part in pair]
    check_cli(*run_cli(plan_main, argv, to_json(answers)))


@hostile_settings()
@given(
    st.lists(st.tuples(OPTIONS, OPTION_VALUES), max_size=3),
    st.sampled_from(["--format=json", "--format=csv", "--input-format=json"]),
    hostile_teams(),
)
def test_team_cli_exits_0_2_or_3_with_one_line(options: list[tuple[str, str]], output: str, document: Any) -> None:
    argv = ["--input-format", "json", output, *(part for pair in options for part in pair)]
    check_cli(*run_cli(team_main, argv, to_json(document)))


# --- the calendar: a URL is checked, text escaped; two parsers and a line check referee the file -------------

PROPERTIES = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL", "TRANSP"}
ALARM = {"ACTION", "TRIGGER", "DESCRIPTION"}
LINE = re.compile(r"(BEGIN|END):V(CALENDAR|EVENT|ALARM)|[A-Z-]+(;[A-Z]+=[A-Z]+)?:[^\x00-\x08\x0a-\x1f\x7f]*")


def referee(text: str, page_url: str) -> int:
    """The number of events, after icalendar and vobject read the same events, with only our properties, and
    every unfolded line is one property of ours (no control character, no second property smuggled in)."""
    lines = text.replace("\r\n ", "").split("\r\n")
    assert lines[-1] == "" and all(LINE.fullmatch(line) for line in lines[:-1]), [
        line for line in lines[:-1] if not LINE.fullmatch(line)
    ]
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    for event in events:
        assert set(event) == PROPERTIES and str(event["URL"]) == page_url
        for alarm in event.walk("VALARM"):
            assert set(alarm) == ALARM
    parsed = vobject.readOne(text)
    second = list(getattr(parsed, "vevent_list", []))
    assert len(second) == len(events)
    for event in second:
        assert {line.name for line in event.getChildren()} - {"VALARM"} == PROPERTIES and event.url.value == page_url
    return len(events)


PLAN = plan({"role": "employee", "today": "2027-01-01", "temp_password_issued_on": "2026-12-01"})  # dated steps
TEAM = team({"today": "2027-04-01", "employees": [{"name": "Ana", "temp_password_issued_on": "2027-03-01"}]})


@hostile_settings()
@given(HOSTILE_URLS, HOSTILE_URLS, st.booleans())
def test_a_calendar_url_is_refused_or_written_as_one_line(page_url: Any, site_url: Any, for_team: bool) -> None:
    try:
        text = team_ics(TEAM, page_url, site_url) if for_team else ics(PLAN, page_url, site_url)
    except ChecklistError as error:
        assert error.field in ("page_url", "site_url") and error.code in ("invalid_type", "invalid_url")
        return
    assert referee(text, page_url) >= 1


PAGE, SITE = "https://example.com/checklist/", "https://example.com/"


@hostile_settings()
@given(CONTROL_TEXT, CONTROL_TEXT)
def test_any_text_in_a_team_calendar_stays_in_its_property(name: str, note: str) -> None:
    """A name and an own column (both shown in the events) of any characters: each stays in its property."""
    person = {"name": "A" + name, "email": "a@b.example", "temp_password_issued_on": "2027-03-01", "extra": {"n": note}}
    result = team({"today": "2027-04-01", "employees": [person]})
    assert referee(team_ics(result, PAGE, SITE), PAGE) == 1
