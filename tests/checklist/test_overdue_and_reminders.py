"""Issue 12: overdue steps decided by the engine, and calendar reminders that arrive in time.

The .ics is read by two parsers that share no code (icalendar and vobject), from the engine and from the CLI
(`python -m checklist --format ics`), so a file one of them tolerates but the other rejects fails here.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys

import pytest
import vobject
from icalendar import Calendar

from checklist import plan
from checklist.calendar import ics
from checklist.cli import main
from checklist.web import QUESTIONS, page_strings
from tests.helpers.docs import ROOT

PAGE = "https://example.org/checklist/"
SITE = "https://example.org/"
ISSUED = "2026-08-15"  # password stops working on 2026-11-13; last day to sign in 2026-11-12


def employee(today: str, language: str = "en", **more: object) -> dict:
    return plan({"role": "employee", "language": language, "today": today, "temp_password_issued_on": ISSUED, **more})


def sign_in(result: dict) -> dict:
    (step,) = [s for s in result["remaining"] if s["id"] == "employee.sign_in"]
    return step


# --- overdue: a field of each step in the plan ----------------------------------------------------------------


def test_a_step_is_not_overdue_on_its_last_day() -> None:
    step = sign_in(employee("2026-11-12"))
    assert step["due"] == "2026-11-12" and step["overdue"] is False and step["overdue_text"] is None


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "12 November 2026"), ("fr", "12 novembre 2026"), ("zh-TW", "2026 年 11 月 12 日")],
)
def test_the_day_after_the_step_is_overdue_with_what_to_do_in_the_readers_language(language: str, words: str) -> None:
    step = sign_in(employee("2026-11-13", language))
    assert step["overdue"] is True
    assert words in step["overdue_text"]
    # What to do about it: ask the admin to add the account again (the guide's rule after 90 days).
    assert {"en": "add it again", "fr": "l’ajouter de nouveau", "zh-TW": "重新新增"}[language] in step["overdue_text"]


def test_a_done_step_is_never_overdue() -> None:
    result = employee("2026-12-01", done=["employee.sign_in"])
    (step,) = [s for s in result["completed"] if s["id"] == "employee.sign_in"]
    assert step["overdue"] is False and step["overdue_text"] is None


def test_renewal_after_the_end_date_is_overdue_and_says_to_enroll_again() -> None:
    # The 2017 rules: a renewal is due only while PMC runs (before its retirement, checklist/retirement.py).
    answers = {"role": "admin", "situation": "transition", "today": "2017-07-01", "pmc_membership_end": "2017-06-30"}
    (renew,) = [s for s in plan(answers)["remaining"] if s["id"] == "membership.renew"]
    assert renew["overdue"] is True and "new partner" in renew["overdue_text"]
    assert all(s["overdue"] is False for s in plan(answers)["remaining"] if s["due"] is None)


def test_every_remaining_step_has_the_overdue_fields() -> None:
    for step in employee("2026-09-01")["remaining"]:
        assert isinstance(step["overdue"], bool) and "overdue_text" in step


# --- role wording ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr", "zh-TW"])
def test_the_admin_role_does_not_say_the_set_up_is_done(language: str) -> None:
    """The admin's plan starts with "Before you create the account": the role must not read as done."""
    from checklist.i18n import Texts

    (role,) = [q for q in QUESTIONS if q.field == "role"]
    label = Texts(language)(dict(role.options)["admin"])
    assert {"en": "I set up my company", "fr": "J’ai inscrit", "zh-TW": "完成設定"}[language] not in label
    assert {"en": "sets up", "fr": "inscris", "zh-TW": "負責"}[language] in label


# --- reminders -----------------------------------------------------------------------------------------------


def both_parsers(text: str) -> tuple[list, list]:
    """The events as icalendar and as vobject read them; both must accept the file."""
    first = Calendar.from_ical(text).walk("VEVENT")
    second = list(vobject.readOne(io.StringIO(text)).vevent_list) if "BEGIN:VEVENT" in text else []
    assert len(first) == len(second)
    return first, second


def test_the_employee_is_reminded_on_the_last_day_to_sign_in_14_days_and_1_day_before() -> None:
    text = ics(employee("2026-09-01", "fr"), PAGE, SITE)
    first, second = both_parsers(text)
    (event,) = [e for e in first if str(e["UID"]).startswith("step-employee.sign_in")]
    assert event.decoded("DTSTART") == dt.date(2026, 11, 12)  # not 13 November, the day it stops working
    assert str(event["SUMMARY"]) == "Se connecter avec votre mot de passe temporaire"
    triggers = sorted(alarm.decoded("TRIGGER") for alarm in event.walk("VALARM"))
    assert triggers == [-dt.timedelta(days=14), -dt.timedelta(days=1)]
    assert all(str(alarm["ACTION"]) == "DISPLAY" and str(alarm["DESCRIPTION"]) for alarm in event.walk("VALARM"))
    (other,) = [e for e in second if e.uid.value.startswith("step-employee.sign_in")]
    assert other.dtstart.value == dt.date(2026, 11, 12)
    assert sorted(a.trigger.value for a in other.valarm_list) == [-dt.timedelta(days=14), -dt.timedelta(days=1)]


def test_no_event_in_the_past() -> None:
    # The day after the last day: the sign-in event is gone, and so is every other past date.
    text = ics(employee("2026-11-13", exams_associated_at="2026-11-01T10:00"), PAGE, SITE)
    first, _ = both_parsers(text)
    assert not [e for e in first if str(e["UID"]).startswith("step-employee.sign_in")]
    for event in first:
        start = event.decoded("DTSTART")
        assert (start.date() if isinstance(start, dt.datetime) else start) >= dt.date(2026, 11, 13)


def test_the_admin_file_has_one_event_a_day_each_titled_with_one_thing() -> None:
    answers = {"role": "admin", "situation": "transition", "today": "2016-11-21", "pmc_membership_end": "2017-06-30"}
    first, _ = both_parsers(ics(plan(answers), PAGE, SITE))
    days = [e.decoded("DTSTART") for e in first]
    assert len(days) == len(set(days)), "two events on one day"
    summaries = [str(e["SUMMARY"]) for e in first]
    assert "Renew your MPN membership in Partner Center" in summaries
    assert not [s for s in summaries if ": " in s], summaries  # no "PMC benefits viewable until: Renew …"


def test_uids_are_stable_when_a_date_changes() -> None:
    """A re-download after a corrected answer updates the event instead of adding a second one."""

    def uids(issued: str) -> set[str]:
        result = plan({"role": "employee", "today": "2026-09-01", "temp_password_issued_on": issued})
        return {str(e["UID"]) for e in Calendar.from_ical(ics(result, PAGE, SITE)).walk("VEVENT")}

    assert uids("2026-08-15") == uids("2026-08-20") != set()


def test_cli_writes_the_same_ics_and_both_parsers_read_it() -> None:
    document = {"role": "employee", "language": "zh-TW", "today": "2026-09-01", "temp_password_issued_on": ISSUED}
    out = io.StringIO()
    assert main(["--format", "ics", "--site-url", SITE], stdin=io.StringIO(json.dumps(document)), stdout=out) == 0
    assert out.getvalue() == ics(plan(document), f"{SITE}zh-TW/checklist/", SITE)
    first, second = both_parsers(out.getvalue())
    assert [str(e["SUMMARY"]) for e in first] == [e.summary.value for e in second] == ["使用暫時密碼登入"]


def test_cli_ics_as_a_program() -> None:
    document = {"role": "employee", "today": "2026-09-01", "temp_password_issued_on": ISSUED}
    result = subprocess.run(
        [sys.executable, "-m", "checklist", "--format", "ics"],
        input=json.dumps(document),
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    first, _ = both_parsers(result.stdout)
    assert [e.decoded("DTSTART") for e in first] == [dt.date(2026, 11, 12)]


def test_page_strings_for_the_new_controls_exist_in_every_language() -> None:
    keys = ("overdue", "next_step", "warning_cleared", "date_day", "date_month", "date_year", "printed_on", "change")
    english = page_strings("en")
    for language in ("fr", "zh-TW"):
        translated = page_strings(language)
        assert all(translated[key] and translated[key] != english[key] for key in keys), language
