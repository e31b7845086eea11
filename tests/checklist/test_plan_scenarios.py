"""Scenario tables for the plan: each case names the guide fact (seed file) it encodes."""

from __future__ import annotations

from typing import Any

import pytest

from checklist import STEP_IDS, plan


def make(**fields: Any) -> dict[str, Any]:
    """An admin's answers on a day before PMC's retirement, when the 2017 rules hold (after it:
    tests/checklist/test_retirement.py)."""
    return {"role": "admin", "today": "2017-03-01", **fields}


def ids(result: dict[str, Any]) -> list[str]:
    return [step["id"] for step in result["remaining"]]


def codes(result: dict[str, Any]) -> list[str]:
    return [w["code"] for w in result["warnings"]]


# --- key dates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected", "fact"),
    [
        (
            {"pmc_membership_end": "2017-06-30"},
            {"renew_by": "2017-06-30", "membership_end": "2018-06-30", "pmc_access_until": "2017-06-30"},
            "000: not yet re-enrolled: renew by the end date; projected end one year later; PMC until the end",
        ),
        (
            {"pmc_membership_end": "2017-06-30", "reenrolled_on": "2017-02-01"},
            {"membership_end": "2018-06-30", "pmc_access_until": "2017-06-30"},
            "000: re-enrolled before the end: new membership starts now, end pushed one year past the current end",
        ),
        (
            {"pmc_membership_end": "2017-03-01", "reenrolled_on": "2017-03-01"},
            {"membership_end": "2018-03-01", "pmc_access_until": "2017-03-01"},
            "re-enrolled on the end date itself still counts as before the end",
        ),
        (
            {"pmc_membership_end": "2017-01-31", "reenrolled_on": "2017-02-15"},
            {"pmc_access_until": "2017-01-31"},
            "re-enrolled after the end: the guides promise nothing, so no membership_end",
        ),
        (
            {"pmc_membership_end": "2020-02-29", "today": "2020-01-01"},
            {"renew_by": "2020-02-29", "membership_end": "2021-02-28", "pmc_access_until": "2020-02-29"},
            "leap day end date: one year later is 28 February",
        ),
        (
            {"pmc_membership_end": "2017-06-30", "situation": "enroll"},
            {},
            "001: enroll path: PMC is gone, no PMC dates apply",
        ),
    ],
)
def test_membership_dates(fields: dict[str, Any], expected: dict[str, str], fact: str) -> None:
    assert plan(make(**fields))["dates"] == expected, fact


def test_membership_end_is_flagged_as_projection_until_reenrolled() -> None:
    assert plan(make(pmc_membership_end="2017-06-30"))["projected_dates"] == ["membership_end"]
    assert plan(make(pmc_membership_end="2017-06-30", reenrolled_on="2017-02-01"))["projected_dates"] == []


@pytest.mark.parametrize(
    ("today", "expired"),
    [("2027-03-31", False), ("2027-04-01", True), ("2027-04-02", True)],
)
def test_temp_password_expires_on_day_90(today: str, expired: bool) -> None:
    # 000: temporary password valid for 90 days; if the user has not signed in, remove and re-add the account.
    result = plan({"role": "employee", "today": today, "temp_password_issued_on": "2027-01-01"})
    assert result["dates"]["temp_password_expires"] == "2027-04-01"
    sign_in = next(s for s in result["remaining"] if s["id"] == "employee.sign_in")
    assert sign_in["due"] == "2027-03-31"
    assert ("temp_password_expired" in codes(result)) is expired


def test_expired_password_warning_disappears_once_signed_in() -> None:
    result = plan(
        {
            "role": "employee",
            "today": "2027-06-01",
            "temp_password_issued_on": "2027-01-01",
            "done": ["employee.sign_in"],
        }
    )
    assert "temp_password_expired" not in codes(result)


def test_password_expiring_within_14_days_warns_with_the_last_day() -> None:
    result = plan({"role": "employee", "today": "2027-03-18", "temp_password_issued_on": "2027-01-01"})
    assert codes(result) == ["temp_password_expires_soon"]
    assert "31 March 2027" in result["warnings"][0]["message"]
    assert codes(plan({"role": "employee", "today": "2027-03-17", "temp_password_issued_on": "2027-01-01"})) == []


@pytest.mark.parametrize(
    ("now", "pending"),
    [("2027-03-02T09:59", True), ("2027-03-02T10:00", False), ("2027-03-02T10:01", False)],
)
def test_progress_pending_for_exactly_24_hours(now: str, pending: bool) -> None:
    # 000: wait 24 hours after associating; then progress shows under Partnership > Competencies.
    result = plan({"role": "employee", "now": now, "exams_associated_at": "2027-03-01T10:00"})
    assert result["dates"]["competency_progress_visible"] == "2027-03-02T10:00"
    assert ("progress_pending" in codes(result)) is pending


def test_progress_pending_without_a_time_uses_the_start_of_today() -> None:
    fields = {"role": "employee", "exams_associated_at": "2027-03-01T10:00"}
    assert "progress_pending" in codes(plan({**fields, "today": "2027-03-02"}))
    assert "progress_pending" not in codes(plan({**fields, "today": "2027-03-03"}))


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"pmc_membership_end": "2017-02-28"}, True),  # 001: not migrated before PMC closed: enroll anew
        ({"pmc_membership_end": "2017-03-01"}, False),  # ends today: still in time
        ({"pmc_membership_end": "2017-02-28", "reenrolled_on": "2017-02-01"}, False),
        ({"pmc_membership_end": "2017-02-28", "situation": "enroll"}, False),
    ],
)
def test_membership_ended_warning(fields: dict[str, Any], expected: bool) -> None:
    assert ("membership_ended" in codes(plan(make(**fields)))) is expected


def test_membership_ended_drops_the_projection() -> None:
    result = plan(make(pmc_membership_end="2017-02-28"))
    assert "membership_end" not in result["dates"]
    assert result["dates"]["renew_by"] == "2017-02-28"


def test_reenrolled_after_end_warns() -> None:
    result = plan(make(pmc_membership_end="2017-01-31", reenrolled_on="2017-02-15"))
    assert codes(result) == ["reenrolled_after_membership_end"]


# --- which steps apply -------------------------------------------------------------------------------------


def test_admin_transition_has_the_guides_steps_in_order() -> None:
    assert ids(plan(make())) == [
        "prepare.global_admin",
        "prepare.legal_profile",
        "prepare.signing_authority",
        "prepare.primary_contact",
        "account.create",
        "account.verify_primary_contact",
        "account.accept_mpn_agreement",
        "account.admin_agent",
        "membership.renew",
        "admin.add_users",
        "admin.send_credentials",
        "admin.enable_sspr",
        "admin.check_team_status",
    ]


def test_enroll_replaces_renewal_with_new_partner_enrollment() -> None:
    result = ids(plan(make(situation="enroll")))
    assert "enroll.new_partner" in result and "membership.renew" not in result


def test_employee_sees_only_employee_steps() -> None:
    result = plan({"role": "employee", "today": "2027-03-01"})
    assert ids(result) == [
        "employee.get_signin_info",
        "employee.sign_in",
        "employee.connect_partner_university",
        "employee.associate_exams",
        "employee.setup_sspr",
    ]
    assert result["progress"] == {"done": 0, "total": 4, "text": "0 of 4 required steps done"}  # sspr is optional


@pytest.mark.parametrize(
    ("fields", "added"),
    [
        ({"csp": True}, ["csp.associate_mpn_id", "csp.sign_mpa"]),
        ({"marketplace": True}, ["marketplace.create_account"]),
        ({"marketplace": True, "situation": "enroll"}, ["marketplace.create_account", "marketplace.update_mpn_id"]),
        ({"benefits": ["software", "cloud"]}, ["benefits.software", "benefits.cloud"]),
        ({"benefits": ["technical"]}, ["benefits.technical", "benefits.advisory_hours"]),
        ({"benefits": ["visual_studio"]}, ["benefits.visual_studio"]),
    ],
)
def test_company_answers_add_their_steps(fields: dict[str, Any], added: list[str]) -> None:
    base = set(ids(plan(make(situation=fields.get("situation", "transition")))))
    assert [i for i in ids(plan(make(**fields))) if i not in base] == added


def test_company_answers_do_not_reach_employees() -> None:
    result = plan({"role": "employee", "today": "2027-03-01", "csp": True, "benefits": ["software"]})
    assert all(i.startswith("employee.") for i in ids(result))


def test_done_steps_leave_remaining_and_count_towards_progress() -> None:
    result = plan(make(done=["prepare.global_admin", "admin.enable_sspr", "employee.sign_in"]))
    assert "prepare.global_admin" not in ids(result)
    assert result["done"] == ["prepare.global_admin", "admin.enable_sspr"]  # the employee step does not apply
    assert result["progress"] == {"done": 1, "total": 12, "text": "1 of 12 required steps done"}  # optional: uncounted


def test_facts_mark_steps_done() -> None:
    assert "membership.renew" in plan(make(pmc_membership_end="2017-06-30", reenrolled_on="2017-02-01"))["done"]
    employee = plan({"role": "employee", "now": "2027-03-01T12:00", "exams_associated_at": "2027-02-01T10:00"})
    assert "employee.associate_exams" in employee["done"]


def test_every_step_id_is_reachable() -> None:
    seen: set[str] = set()
    for role in ("admin", "employee"):
        for situation in ("transition", "enroll"):
            fields = {"csp": True, "marketplace": True, "benefits": ["software", "cloud", "visual_studio", "technical"]}
            for today in ("2017-01-01", "2027-01-01"):  # the 2017 rules, then the retirement FAQ's
                seen |= set(ids(plan({"role": role, "situation": situation, "today": today, **fields})))
    assert seen == set(STEP_IDS)


# --- texts -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "label", "prefix"),
    [
        ("en", "Update your profile > Get Partner University access", "/transition/#nonadmin_tasks"),
        ("fr", "Mettre à jour votre profil > Accès à l’Université des partenaires", "/fr/transition/#nonadmin_tasks"),
        ("zh-TW", "更新設定檔 > 取得合作夥伴大學存取權", "/zh-TW/transition/#nonadmin_tasks"),
    ],
)
def test_texts_and_links_follow_the_language(language: str, label: str, prefix: str) -> None:
    result = plan({"role": "employee", "today": "2027-03-01", "language": language})
    step = next(s for s in result["remaining"] if s["id"] == "employee.connect_partner_university")
    assert label in step["detail"]
    assert step["link"] == prefix


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "1 April 2027"), ("fr", "1er avril 2027"), ("zh-TW", "2027 年 4 月 1 日")],
)
def test_warning_dates_are_written_for_the_reader(language: str, shown: str) -> None:
    result = plan(
        {"role": "employee", "today": "2027-05-01", "temp_password_issued_on": "2027-01-01", "language": language}
    )
    assert shown in result["warnings"][0]["message"]
