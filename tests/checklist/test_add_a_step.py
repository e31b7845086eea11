"""Adding a step is one `Step` in `checklist.steps.STEPS`: the plan, the team view, both calendars and the page's
pre-render pick it up, with its due rule, its proof and its key date, and no other edit (README, "Add a step").

The fixture step is added by monkeypatching `STEPS` only; a module that kept its own copy of the steps, or a
rule written outside `Step`, makes one of these tests fail.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from icalendar import Calendar

from checklist import plan, steps, team
from checklist.calendar import ics, team_ics
from checklist.steps import KeyDate, Step, from_answer
from checklist.web import call, page_context

NEW_ID = "employee.book_onboarding_call"
TITLE = "Book your onboarding call"
LABEL = "Onboarding call booked by"


def _thirty_days_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=30)


NEW_STEP = Step(
    NEW_ID,
    "employee",
    "employee",
    TITLE,
    "Pick a slot in the first month.",
    "transition",
    "nonadmin_tasks",
    lambda answers: True,
    due_from=from_answer("temp_password_issued_on", _thirty_days_after),
    proved_by=("exams_associated_at", "exams_associated"),
    dates=(
        KeyDate("onboarding_call", LABEL, from_answer("temp_password_issued_on", _thirty_days_after), deadline=True),
    ),
)

ISSUED = "2027-03-01"
DUE = "2027-03-31"


@pytest.fixture(autouse=True)
def with_new_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(steps, "STEPS", (*steps.STEPS, NEW_STEP))


def employee(**answers: object) -> dict:
    return plan({"role": "employee", "today": "2027-03-10", "temp_password_issued_on": ISSUED, **answers})


def test_plan_lists_the_new_step_with_its_due_date_and_key_date() -> None:
    result = employee()
    (step,) = [s for s in result["remaining"] if s["id"] == NEW_ID]
    assert (step["title"], step["due"], step["due_text"]) == (TITLE, DUE, "31 March 2027")
    assert step["link"] == "/transition/#nonadmin_tasks"
    assert result["dates"]["onboarding_call"] == DUE and result["dates_text"]["onboarding_call"] == "31 March 2027"
    assert result["progress"]["total"] == 5  # the four required employee steps and this one


def test_plan_takes_the_new_step_as_done_when_ticked_or_proved() -> None:
    ticked = employee(done=[NEW_ID])
    assert NEW_ID in ticked["done"] and ticked["progress"]["done"] == 1
    proved = employee(exams_associated_at="2027-03-09T10:00")
    assert NEW_ID in proved["done"] and NEW_ID not in {s["id"] for s in proved["remaining"]}


def test_team_shows_the_new_step_due_and_proved_by_the_admins_facts() -> None:
    result = team(
        {
            "today": "2027-03-10",
            "employees": [
                {"name": "Ana", "temp_password_issued_on": ISSUED},
                {"name": "Bo", "temp_password_issued_on": ISSUED, "exams_associated": True},
            ],
        }
    )
    by_name = {person["name"]: person for person in result["employees"]}
    (step,) = [s for s in by_name["Ana"]["remaining"] if s["id"] == NEW_ID]
    assert (step["title"], step["due"], step["due_text"]) == (TITLE, DUE, "31 March 2027")
    assert by_name["Ana"]["dates"]["onboarding_call"] == DUE
    assert NEW_ID not in {s["id"] for s in by_name["Bo"]["remaining"]}


def test_calendars_have_an_event_for_the_new_key_date() -> None:
    events = Calendar.from_ical(ics(employee(), "https://example.org/checklist/", "https://example.org/")).walk(
        "VEVENT"
    )
    # The reader's event is the action on its last day, its key date named in the description.
    (event,) = [e for e in events if str(e["SUMMARY"]) == TITLE]
    assert event.decoded("DTSTART") == dt.date(2027, 3, 31)
    assert "https://example.org/transition/#nonadmin_tasks" in str(event["DESCRIPTION"])
    assert LABEL in str(event["DESCRIPTION"])

    document = {
        "today": "2027-03-10",
        "employees": [
            {"name": "Ana", "temp_password_issued_on": ISSUED},
            {"name": "Bo", "temp_password_issued_on": ISSUED, "exams_associated": True},
        ],
    }
    text = team_ics(team(document), "https://example.org/checklist/", "https://example.org/")
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(text).walk("VEVENT")]
    assert f"{LABEL}: Ana" in summaries and f"{LABEL}: Bo" not in summaries  # a deadline Bo's facts met


def test_page_prerender_and_worker_entry_point_show_the_new_step() -> None:
    context = page_context("fr", dt.date(2027, 3, 10))
    (employee_plan,) = [item["plan"] for item in context["overview"] if item["role"] == "employee"]
    assert NEW_ID in [s["id"] for s in employee_plan["remaining"]]
    assert "onboarding_call" in context["date_order"] and context["strings"]["date.onboarding_call"] == LABEL
    reply = json.loads(call("plan", json.dumps({"answers": {"role": "employee", "today": "2027-03-10"}})))
    assert NEW_ID in [s["id"] for s in reply["result"]["remaining"]]


def test_without_the_fixture_the_step_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    """The other tests see the step only through the monkeypatch: without it, its id is refused."""
    monkeypatch.setattr(steps, "STEPS", tuple(s for s in steps.STEPS if s.id != NEW_ID))
    reply = json.loads(
        call("plan", json.dumps({"answers": {"role": "employee", "today": "2027-03-10", "done": [NEW_ID]}}))
    )
    assert reply["ok"] is False and reply["error"]["code"] == "unknown_value"
