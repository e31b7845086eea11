"""The team calendar (issue 13): one event per day with deadlines, none in the past, reminders, stable UIDs."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from icalendar import Calendar

from checklist.calendar import team_ics
from checklist.team import team

PAGE, SITE = "https://example.com/checklist/", "https://example.com/"
TODAY = "2026-11-21"


def people(count: int, seed: int = 1) -> list[dict[str, Any]]:
    """A 200-person team: issue dates over 120 days, about half signed in."""
    rng = random.Random(seed)
    start = dt.date.fromisoformat(TODAY)
    return [
        {
            "row": index + 2,
            "name": f"Person {index}",
            "email": f"p{index}@x.example",
            "temp_password_issued_on": (start - dt.timedelta(days=rng.randrange(0, 120))).isoformat(),
            "signed_in": rng.random() < 0.5,
        }
        for index in range(count)
    ]


def events(employees: list[dict[str, Any]], language: str = "en") -> list[Any]:
    result = team({"language": language, "today": TODAY, "employees": employees})
    return Calendar.from_ical(team_ics(result, PAGE, SITE)).walk("VEVENT")


def test_one_event_per_day_with_deadlines_none_in_the_past() -> None:
    team_200 = people(200)
    found = events(team_200)
    today = dt.date.fromisoformat(TODAY)
    expected_days = {
        dt.date.fromisoformat(p["temp_password_issued_on"]) + dt.timedelta(days=90)
        for p in team_200
        if not p["signed_in"]
    }
    expected_days = {day for day in expected_days if day >= today}
    days = [e.decoded("DTSTART") for e in found]
    assert sorted(days) == sorted(expected_days) and len(days) == len(set(days))
    assert all(day >= today for day in days)
    # Every person due on a day is named in that day's event.
    for event in found:
        day = event.decoded("DTSTART")
        due = [p for p in team_200 if not p["signed_in"]]
        due = [p for p in due if dt.date.fromisoformat(p["temp_password_issued_on"]) + dt.timedelta(days=90) == day]
        for person in due:
            assert person["email"] in str(event["DESCRIPTION"])
        if len(due) > 1:
            assert f"({len(due)} people)" in str(event["SUMMARY"])


def test_each_event_has_reminders_before_it() -> None:
    (event, *_) = events(people(30))
    alarms = event.walk("VALARM")
    assert sorted(str(a["TRIGGER"].to_ical(), "ascii") for a in alarms) == ["-P1D", "-P7D"]
    assert all(str(a["ACTION"]) == "DISPLAY" for a in alarms)


def test_uids_do_not_change_when_the_file_is_re_sorted_or_renumbered() -> None:
    team_200 = people(200)
    shuffled = [dict(p) for p in team_200]
    random.Random(5).shuffle(shuffled)
    for index, person in enumerate(shuffled):
        person["row"] = index + 2  # the admin sorted the sheet: every row number changed
    first = {str(e["UID"]): e.decoded("DTSTART") for e in events(team_200)}
    again = {str(e["UID"]): e.decoded("DTSTART") for e in events(shuffled)}
    assert first == again


def test_a_new_person_on_a_day_changes_that_days_uid_only() -> None:
    team_200 = people(200)
    before = {e.decoded("DTSTART"): str(e["UID"]) for e in events(team_200)}
    day = min(before)
    newcomer = {
        "row": 500,
        "name": "Newcomer",
        "email": "new@x.example",
        "temp_password_issued_on": (day - dt.timedelta(days=90)).isoformat(),
    }
    after = {e.decoded("DTSTART"): str(e["UID"]) for e in events([*team_200, newcomer])}
    assert after[day] != before[day]
    assert {d: u for d, u in after.items() if d != day} == {d: u for d, u in before.items() if d != day}


def test_the_description_uses_the_admins_wording_in_each_language() -> None:
    person = {"name": "Ana", "email": "ana@x.example", "temp_password_issued_on": "2026-11-01"}
    (event,) = events([person], "fr")
    assert str(event["SUMMARY"]) == "Date d’expiration du mot de passe temporaire\u00a0: Ana"
    assert "Ana (ana@x.example)" in str(event["DESCRIPTION"])
    assert "Rappelez-lui" in str(event["DESCRIPTION"])
