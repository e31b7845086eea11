"""Scenario tables for the admin's team view: each case names the guide fact (seed file) it encodes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from checklist import ChecklistError, plan
from checklist.steps import STEPS
from checklist.team import EMPLOYEE_FIELDS, MAX_EMPLOYEES, STATUSES, team

TODAY = "2027-04-01"
PU_AND_EXAMS = ["employee.connect_partner_university", "employee.associate_exams"]


def make(*employees: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"today": TODAY, **fields, "employees": list(employees)}


def one(employee: dict[str, Any], **fields: Any) -> dict[str, Any]:
    result = team(make({"email": "ana@contoso.example", **employee}, **fields))
    return result["employees"][0]


def codes(employee: dict[str, Any]) -> list[str]:
    return [w["code"] for w in employee["warnings"]]


def ids(employee: dict[str, Any]) -> list[str]:
    return [step["id"] for step in employee["remaining"]]


def error(document: object) -> ChecklistError:
    with pytest.raises(ChecklistError) as raised:
        team(document)
    return raised.value


# --- the 90-day temporary password (seed 000: valid 90 days; not signed in by then: remove and add again) ----


@pytest.mark.parametrize(
    ("issued", "status", "needs_action", "warnings", "fact"),
    [
        ("2027-04-01", "in_progress", False, [], "issued today: 90 days ahead"),
        ("2027-01-17", "in_progress", False, [], "74 days ago: 16 days left, not yet due soon"),
        ("2027-01-16", "in_progress", False, [], "75 days ago: 15 days left, not yet due soon"),
        ("2027-01-15", "due_soon", True, ["temp_password_expires_soon"], "76 days ago: 14 days left, due soon"),
        ("2027-01-02", "due_soon", True, ["temp_password_expires_soon"], "89 days ago: last day to sign in"),
        ("2027-01-01", "expired", True, ["temp_password_expired"], "exactly 90 days: stopped working today"),
        ("2026-10-01", "expired", True, ["temp_password_expired"], "long expired: remove and add again"),
    ],
)
def test_temp_password_status(issued: str, status: str, needs_action: bool, warnings: list[str], fact: str) -> None:
    employee = one({"temp_password_issued_on": issued})
    assert (employee["status"], employee["needs_action"], codes(employee)) == (status, needs_action, warnings), fact


def test_expiry_date_and_sign_in_due_date_follow_the_plan() -> None:
    employee = one({"temp_password_issued_on": "2027-01-01"}, today="2027-02-01")
    assert employee["dates"]["temp_password_expires"] == "2027-04-01"  # issued + 90 days
    sign_in = next(s for s in employee["remaining"] if s["id"] == "employee.sign_in")
    assert sign_in["due"] == "2027-03-31"  # the last day it still works
    assert (
        plan({"role": "employee", "today": "2027-02-01", "temp_password_issued_on": "2027-01-01"})["remaining"][1][
            "due"
        ]
        == sign_in["due"]
    )


def test_expired_message_tells_the_admin_to_remove_and_add_again() -> None:
    employee = one({"temp_password_issued_on": "2027-01-01"})
    assert employee["warnings"][0]["message"] == (
        "Not signed in, and the temporary password stopped working on 1 April 2027: "
        "remove the account and add it again."
    )
    soon = one({"temp_password_issued_on": "2027-01-15"})
    assert "stops working on 15 April 2027" in soon["warnings"][0]["message"]
    assert "sign in by 14 April 2027" in soon["warnings"][0]["message"]


def test_signing_in_clears_the_password_deadline() -> None:
    employee = one({"temp_password_issued_on": "2026-10-01", "signed_in": True})
    assert employee["status"] == "in_progress" and not employee["needs_action"]
    assert codes(employee) == []
    assert ids(employee) == PU_AND_EXAMS


def test_unknown_issue_date_needs_the_admin() -> None:
    employee = one({})
    assert (employee["status"], employee["needs_action"]) == ("in_progress", True)
    assert codes(employee) == ["temp_password_date_unknown"]
    assert employee["dates"] == {"temp_password_expires": None, "competency_progress_visible": None}
    assert codes(one({"signed_in": True})) == []  # signed in: the date no longer matters


# --- Partner University and exams (seed 000: employees connect PU and associate exams; progress in 24 hours) --


@pytest.mark.parametrize(
    ("facts", "remaining"),
    [
        ({}, ["employee.get_signin_info", "employee.sign_in", *PU_AND_EXAMS]),
        ({"signed_in": True}, PU_AND_EXAMS),
        ({"signed_in": True, "partner_university_connected": True}, ["employee.associate_exams"]),
        ({"signed_in": True, "exams_associated": True}, ["employee.connect_partner_university"]),
        ({"signed_in": True, "exams_associated_at": "2027-03-01T10:00"}, ["employee.connect_partner_university"]),
        ({"signed_in": True, "partner_university_connected": True, "exams_associated": True}, []),
    ],
)  # fmt: skip
def test_remaining_steps_follow_the_facts(facts: dict[str, Any], remaining: list[str]) -> None:
    employee = one({"temp_password_issued_on": "2027-03-01", **facts})
    assert ids(employee) == remaining
    assert employee["status"] == ("done" if not remaining else "in_progress")


def test_steps_are_the_plans_employee_steps_without_the_optional_one() -> None:
    employee = one({"temp_password_issued_on": "2027-03-01"}, language="fr")
    person = plan({"role": "employee", "language": "fr", "today": TODAY, "temp_password_issued_on": "2027-03-01"})
    required = [s for s in person["remaining"] if not s["optional"]]
    assert ids(employee) == [s["id"] for s in required]
    assert [(s["title"], s["due"], s["link"]) for s in employee["remaining"]] == [
        (s["title"], s["due"], s["link"]) for s in required
    ]


def test_every_required_employee_step_is_proved_by_a_fact_the_admin_sees() -> None:
    required = [s for s in STEPS if s.role == "employee" and not s.optional]
    unproved = [s.id for s in required if not set(s.proved_by) & set(EMPLOYEE_FIELDS)]
    assert required and unproved == []


@pytest.mark.parametrize(
    ("associated_at", "pending"),
    [
        ("2027-03-31T10:01", True),  # 23 h 59 min ago
        ("2027-03-31T10:00", False),  # exactly 24 hours ago
        ("2027-03-30T09:00", False),
    ],
)
def test_competency_progress_shows_24_hours_after_association(associated_at: str, pending: bool) -> None:
    employee = one({"signed_in": True, "exams_associated_at": associated_at}, now="2027-04-01T10:00")
    assert ("progress_pending" in codes(employee)) is pending
    assert employee["exams_associated"] is True
    visible = dt.datetime.fromisoformat(associated_at) + dt.timedelta(hours=24)
    assert employee["dates"]["competency_progress_visible"] == visible.isoformat(timespec="minutes")
    assert not employee["needs_action"]  # waiting is not the admin's job


def test_progress_pending_message_and_date() -> None:
    employee = one({"signed_in": True, "exams_associated_at": "2027-03-31T10:01"}, now="2027-04-01T10:00")
    assert employee["dates"]["competency_progress_visible"] == "2027-04-01T10:01"
    assert "from 1 April 2027, 10:01" in employee["warnings"][0]["message"]


def test_without_a_time_today_starts_at_midnight_as_in_the_plan() -> None:
    fields = {"signed_in": True, "exams_associated_at": "2027-03-31T10:00"}
    assert "progress_pending" in codes(one(fields))
    assert "progress_pending" not in codes(one(fields, today="2027-04-02"))
    person = plan({"role": "employee", "today": TODAY, "exams_associated_at": "2027-03-31T10:00"})
    assert [w["code"] for w in person["warnings"]] == ["progress_pending"]


def test_warning_codes_match_the_single_plan() -> None:
    for issued in ("2027-01-01", "2027-01-15", "2027-03-01"):
        employee = one({"temp_password_issued_on": issued})
        person = plan({"role": "employee", "today": TODAY, "temp_password_issued_on": issued})
        assert codes(employee) == [w["code"] for w in person["warnings"]], issued


# --- the whole team: order and totals -----------------------------------------------------------------------


def test_sorted_by_urgency_then_deadline_then_row() -> None:
    result = team(
        make(
            {"name": "done", "signed_in": True, "partner_university_connected": True, "exams_associated": True},
            {"name": "fresh", "temp_password_issued_on": "2027-03-20"},
            {"name": "expired late", "temp_password_issued_on": "2027-01-01"},
            {"name": "soon, later", "temp_password_issued_on": "2027-01-10"},
            {"name": "no date"},
            {"name": "expired early", "temp_password_issued_on": "2026-12-01"},
            {"name": "soon, first", "temp_password_issued_on": "2027-01-05"},
            {"name": "older", "temp_password_issued_on": "2027-02-01"},
            {"name": "signed in", "signed_in": True},
            {"name": "done too", "signed_in": True, "partner_university_connected": True, "exams_associated": True},
        )
    )
    assert [(e["name"], e["status"]) for e in result["employees"]] == [
        ("expired early", "expired"),
        ("expired late", "expired"),
        ("soon, first", "due_soon"),
        ("soon, later", "due_soon"),
        ("no date", "in_progress"),  # needs the admin: first among those in progress
        ("older", "in_progress"),  # the nearer deadline first
        ("fresh", "in_progress"),
        ("signed in", "in_progress"),
        ("done", "done"),
        ("done too", "done"),
    ]
    assert [e["row"] for e in result["employees"]][-2:] == [1, 10]


def test_totals() -> None:
    result = team(
        make(
            {"name": "a", "temp_password_issued_on": "2027-01-01"},
            {"name": "b", "temp_password_issued_on": "2027-01-15"},
            {"name": "c", "temp_password_issued_on": "2027-03-15"},
            {"name": "d", "signed_in": True, "exams_associated_at": "2027-03-31T23:00"},
            {"name": "e", "signed_in": True, "partner_university_connected": True, "exams_associated": True},
        )
    )
    assert result["totals"] == {
        "employees": 5,
        "needs_action": 2,
        "expired": 1,
        "due_soon": 1,
        "in_progress": 2,
        "done": 1,
        "not_signed_in": 3,
        "partner_university_not_connected": 4,
        "exams_not_associated": 3,
        "progress_pending": 1,
    }
    assert set(STATUSES) <= result["totals"].keys()
    assert result["next_due"] == "2027-04-14"  # b's last day; a's (31 March) has passed


def test_empty_team() -> None:
    result = team(make())
    assert result["employees"] == [] and result["totals"]["employees"] == 0 and result["next_due"] is None


def test_output_shape_for_json_input() -> None:
    result = team(make({"name": "Ana", "temp_password_issued_on": "2027-03-01"}, now="2027-04-01T09:30"))
    assert list(result) == [
        "language",
        "today",
        "now",
        "employees",
        "totals",
        "totals_text",
        "next_due",
        "next_due_text",
        "columns",
        "ignored_columns",
        "dropped_columns",
        "missing_columns",
        "notices",
        "extra_columns",
        "rejected",
        "source",
    ]
    assert result["now"] == "2027-04-01T09:30"
    assert result["source"] == {"format": "json"}
    assert list(result["employees"][0]) == [
        "row",
        "name",
        "email",
        "status",
        "status_label",
        "needs_action",
        "temp_password_issued_on",
        "signed_in",
        "partner_university_connected",
        "exams_associated",
        "exams_associated_at",
        "dates",
        "dates_text",
        "remaining",
        "actions",
        "warnings",
        "extra",
    ]
    assert list(result["employees"][0]["remaining"][0]) == ["id", "title", "due", "due_text", "link"]


def test_duplicate_email_is_flagged_not_merged() -> None:
    result = team(make({"email": "ana@contoso.example"}, {"email": "ANA@contoso.example", "name": "Ana"}))
    assert len(result["employees"]) == 2
    second = next(e for e in result["employees"] if e["row"] == 2)
    assert second["warnings"][-1] == {"code": "duplicate_email", "message": "Same e-mail address as row 1."}


def test_names_are_plain_text() -> None:
    name = '<img src=x onerror="alert(1)"> & Ana'
    assert one({"name": name})["name"] == name


# --- languages -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "date", "label", "prefix"),
    [
        ("en", "1 April 2027", "Password expired: remove and add again", "/transition/"),
        ("fr", "1er avril 2027", "Mot de passe expiré\u00a0: supprimer et ajouter de nouveau", "/fr/transition/"),
        ("zh-TW", "2027 年 4 月 1 日", "密碼已失效：請移除後重新新增", "/zh-TW/transition/"),
    ],
)
def test_texts_follow_the_language(language: str, date: str, label: str, prefix: str) -> None:
    employee = one({"temp_password_issued_on": "2027-01-01"}, language=language)
    assert date in employee["warnings"][0]["message"]
    assert employee["status_label"] == label
    assert employee["remaining"][0]["link"].startswith(prefix)


# --- errors: same rules as the single plan, naming the row -----------------------------------------------------


@pytest.mark.parametrize(
    ("employee", "field", "code"),
    [
        ({"name": "A", "temp_password_issued_on": "2027-02-30"}, "rows[2].temp_password_issued_on", "impossible_date"),
        ({"name": "A", "temp_password_issued_on": "01/02/2027"}, "rows[2].temp_password_issued_on", "invalid_date"),
        ({"name": "A", "temp_password_issued_on": "2027-04-02"}, "rows[2].temp_password_issued_on", "in_future"),
        ({"name": "A", "exams_associated_at": "2027-04-01T10:00"}, "rows[2].exams_associated_at", "in_future"),
        ({"name": "A", "exams_associated_at": "2027-03-01"}, "rows[2].exams_associated_at", "invalid_datetime"),
        ({"name": "A", "signed_in": "yes"}, "rows[2].signed_in", "invalid_type"),
        ({"name": "A", "exams_associated": 1}, "rows[2].exams_associated", "invalid_type"),
        ({"name": 3}, "rows[2].name", "invalid_type"),
        ({"email": "not an address"}, "rows[2].email", "invalid_email"),
        ({"name": "  ", "email": ""}, "rows[2].email", "required"),
        ({"name": "A", "password": "hunter2"}, "rows[2].password", "unknown_field"),
    ],
)
def test_bad_employee_names_row_and_field(employee: dict[str, Any], field: str, code: str) -> None:
    raised = error(make({"name": "fine"}, employee, now="2027-04-01T09:00"))
    assert (raised.field, raised.code, raised.row, raised.column) == (field, code, 2, field.split(".", 1)[1])
    assert raised.to_dict() == {
        "field": field,
        "code": code,
        "message": raised.message,
        "row": 2,
        "column": raised.column,
    }
    assert "hunter2" not in str(raised.to_dict())


@pytest.mark.parametrize(
    ("document", "field", "code"),
    [
        ([], "$", "not_an_object"),
        ({"employees": []}, "today", "required"),
        ({"today": TODAY}, "employees", "required"),
        ({"today": TODAY, "employees": {}}, "employees", "invalid_type"),
        ({"today": TODAY, "employees": ["ana"]}, "rows[1]", "not_an_object"),
        ({"today": TODAY, "employees": [], "role": "admin"}, "role", "unknown_field"),
        ({"today": TODAY, "employees": [], "language": "de"}, "language", "invalid_value"),
        ({"today": TODAY, "now": "2027-04-02T10:00", "employees": []}, "now", "conflict"),
    ],
)
def test_bad_document(document: object, field: str, code: str) -> None:
    raised = error(document)
    assert (raised.field, raised.code) == (field, code)
    assert "row" not in raised.to_dict() or raised.field.startswith("rows[")


def test_errors_are_in_the_readers_language() -> None:
    raised = error(make({"name": "A", "temp_password_issued_on": "2027-02-30"}, language="fr"))
    assert raised.message == "Cette date n’existe pas."
    raised = error(make({"email": "nope"}, language="zh-TW"))
    assert raised.field == "rows[1].email" and "電子郵件" in raised.message


def test_too_many_employees_is_refused_before_any_work() -> None:
    raised = error(make(*([{}] * (MAX_EMPLOYEES + 1))))
    assert (raised.field, raised.code) == ("employees", "too_many_rows")
    assert "10000" in raised.message.replace(",", "").replace("\u202f", "").replace(" ", "")


def test_single_plan_errors_keep_their_keys() -> None:
    with pytest.raises(ChecklistError) as raised:
        plan({"role": "admin", "today": "2027-02-30"})
    assert raised.value.to_dict() == {
        "field": "today",
        "code": "impossible_date",
        "message": "This date does not exist.",
    }
