"""Builds one person's plan: which steps apply, which are left, the key dates and the warnings.

Pure function of the answers: no clock, no I/O. "Today" is an input so that the page, the pre-render
and the tests all get the same plan for the same answers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import dates
from .answers import Answers, read_answers
from .i18n import N_, Texts
from .steps import GROUPS, STEPS, Step

LANGUAGE_PREFIX = {"en": "/", "fr": "/fr/", "zh-TW": "/zh-TW/"}


def guide_link(language: str, page: str, anchor: str) -> str:
    """Site-absolute link to a guide section in the reader's language (suffix layout of the docs)."""
    return f"{LANGUAGE_PREFIX[language]}{page}/#{anchor}"


def applicable_steps(answers: Answers) -> list[Step]:
    return [s for s in STEPS if s.role == answers.role and s.applies(answers)]


def done_by_fact(answers: Answers) -> set[str]:
    """Steps the answers prove done even if unticked (a re-enrolment date means the renewal happened)."""
    facts = set()
    if answers.reenrolled_on is not None:
        facts.add("membership.renew")
    if answers.exams_associated_at is not None:
        facts.add("employee.associate_exams")
    return facts


# The key dates, in the order a reader acts on them (what to do first, then what follows), with their labels.
DATE_LABELS: dict[str, str] = {
    "renew_by": N_("Renew by"),
    "membership_end": N_("Membership ends"),
    "pmc_access_until": N_("PMC benefits viewable until"),
    "temp_password_expires": N_("Temporary password stops working on"),
    "competency_progress_visible": N_("Competency progress visible from"),
}


def key_dates(answers: Answers) -> tuple[dict[str, str | None], list[str]]:
    """The computable key dates (ISO strings) and which of them are projections."""
    found: dict[str, str | None] = {}
    projected: list[str] = []
    end = answers.pmc_membership_end
    if answers.situation == "transition" and end is not None:
        found["pmc_access_until"] = end.isoformat()
        if answers.reenrolled_on is None:
            found["renew_by"] = end.isoformat()
            if answers.today <= end:
                found["membership_end"] = dates.one_year_after(end).isoformat()
                projected.append("membership_end")
        elif dates.reenrolled_in_time(answers.reenrolled_on, end):
            found["membership_end"] = dates.one_year_after(end).isoformat()
    if answers.temp_password_issued_on is not None:
        found["temp_password_expires"] = dates.temp_password_expires(answers.temp_password_issued_on).isoformat()
    if answers.exams_associated_at is not None:
        visible = dates.competency_progress_visible(answers.exams_associated_at)
        found["competency_progress_visible"] = visible.isoformat(timespec="minutes")
    return found, projected


def due_date(step: Step, answers: Answers) -> dt.date | None:
    if step.id == "employee.sign_in" and answers.temp_password_issued_on is not None:
        return dates.last_day_to_sign_in(answers.temp_password_issued_on)
    if step.id == "membership.renew" and answers.pmc_membership_end is not None:
        return answers.pmc_membership_end
    return None


SOON_DAYS = dates.SOON_DAYS


def warnings(answers: Answers, done: set[str], applicable: set[str], _: Texts) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []

    def warn(code: str, message: str, **values: object) -> None:
        found.append({"code": code, "message": _(message, **values)})

    issued = answers.temp_password_issued_on
    if issued is not None and "employee.sign_in" in applicable and "employee.sign_in" not in done:
        expires = dates.temp_password_expires(issued)
        if dates.temp_password_expired(issued, answers.today):
            warn(
                "temp_password_expired",
                N_(
                    "Your temporary password stopped working on {date}, 90 days after it was issued. Ask your admin to remove your account and add it again: you will receive new sign-in info."
                ),
                date=_.date(expires),
            )
        elif dates.temp_password_expires_soon(issued, answers.today):
            warn(
                "temp_password_expires_soon",
                N_("Sign in by {last_day}: your temporary password stops working on {date}."),
                last_day=_.date(dates.last_day_to_sign_in(issued)),
                date=_.date(expires),
            )
    end = answers.pmc_membership_end
    if answers.situation == "transition" and end is not None:
        if answers.reenrolled_on is not None and not dates.reenrolled_in_time(answers.reenrolled_on, end):
            warn(
                "reenrolled_after_membership_end",
                N_(
                    "You re-enrolled on {reenrolled}, after your membership ended on {end}. The guides promise an end date one year after the current one only when you re-enroll before it ends, so no new end date is computed: check it in Partner Center."
                ),
                reenrolled=_.date(answers.reenrolled_on),
                end=_.date(end),
            )
        elif answers.reenrolled_on is None and answers.today > end:
            warn(
                "membership_ended",
                N_(
                    "Your MPN membership ended on {date} and was not renewed. PMC is retired and the old PMC MPN ID cannot be recovered: enroll in the Microsoft Partner Network as a new partner to receive a new MPN ID."
                ),
                date=_.date(end),
            )
    if answers.exams_associated_at is not None:
        visible = dates.competency_progress_visible(answers.exams_associated_at)
        now = answers.now or dt.datetime.combine(answers.today, dt.time.min)
        if now < visible:
            warn(
                "progress_pending",
                N_(
                    "Your exams and certifications were associated on {associated}. Progress shows under Partnership > Competencies after 24 hours, from {visible}."
                ),
                associated=_.datetime(answers.exams_associated_at),
                visible=_.datetime(visible),
            )
    return found


def build_plan(answers: Answers) -> dict[str, Any]:
    _ = Texts(answers.language)
    steps = applicable_steps(answers)
    applicable = {s.id for s in steps}
    done = (set(answers.done) | done_by_fact(answers)) & applicable

    def described(s: Step) -> dict[str, Any]:
        return {
            "id": s.id,
            "group": s.group,
            "title": _(s.title),
            "detail": _(s.detail),
            "optional": s.optional,
            "due": (d.isoformat() if (d := due_date(s, answers)) else None),
            "link": guide_link(answers.language, s.page, s.anchor),
        }

    remaining = [described(s) for s in steps if s.id not in done]
    required = [s for s in steps if not s.optional]
    found_dates, projected = key_dates(answers)
    used_groups = {s.group for s in steps}
    return {
        "language": answers.language,
        "today": answers.today.isoformat(),
        "remaining": remaining,
        "done": [s.id for s in steps if s.id in done],
        # The same details for the done steps, so a page can show them ticked (and let the reader untick).
        "completed": [described(s) for s in steps if s.id in done],
        "dates": found_dates,
        "projected_dates": projected,
        "warnings": warnings(answers, done, applicable, _),
        "progress": {"done": sum(1 for s in required if s.id in done), "total": len(required)},
        "groups": [{"id": g.id, "title": _(g.title)} for g in GROUPS if g.id in used_groups],
    }


def plan(data: object) -> dict[str, Any]:
    """The public entry point: input document (a dict) in, plan (a JSON-ready dict) out."""
    return build_plan(read_answers(data))
