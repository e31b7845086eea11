"""Builds one person's plan: which steps apply, which are left, the key dates and the warnings.

Pure function of the answers: no clock, no I/O. "Today" is an input so that the page, the pre-render
and the tests all get the same plan for the same answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from . import dates, steps
from .answers import Answers, read_answers
from .i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, NP_, Texts
from .retirement import RETIREMENT, retired
from .steps import GROUPS, Step

__all__ = [
    "LANGUAGE_PREFIX",
    "applicable_steps",
    "build_plan",
    "date_labels",
    "done_by_fact",
    "due_date",
    "guide_link",
    "iso",
    "key_dates",
    "overdue",
    "plan",
    "proved",
]

# mkdocs-static-i18n's folders: the default language at the site's root, every other one in a folder of its tag.
LANGUAGE_PREFIX = {language: "/" if language == DEFAULT_LANGUAGE else f"/{language}/" for language in LANGUAGES}

# The progress line, with plural forms by the number of required steps ("1 of 1 required step done").
PROGRESS = NP_("{done} of {total} required step done", "{done} of {total} required steps done")

PROJECTED = N_("{date} (if you renew before your membership ends)")

# What an overdue step without its own advice (`Step.overdue`) tells the reader.
OVERDUE = N_("Overdue since {date}: do it as soon as you can.")


def guide_link(language: str, page: str, anchor: str) -> str:
    """Site-absolute link to a guide section in the reader's language (suffix layout of the docs)."""
    return f"{LANGUAGE_PREFIX[language]}{page}/#{anchor}"


def applicable_steps(answers: Answers) -> list[Step]:
    return [s for s in steps.STEPS if s.role == answers.role and s.applies(answers)]


def proved(step: Step, facts: Mapping[str, object]) -> bool:
    """Whether one of the step's `proved_by` facts is present and not false in `facts` (field name -> value: one
    person's answers, or what an admin knows of an employee); a fact `facts` does not hold proves nothing."""
    return any(facts.get(fact) not in (None, False) for fact in step.proved_by)


def done_by_fact(answers: Answers) -> set[str]:
    """Steps the answers prove done even if unticked (a re-enrolment date means the renewal happened)."""
    facts = vars(answers)
    return {s.id for s in steps.STEPS if proved(s, facts)}


def date_labels() -> dict[str, str]:
    """Every key date and its label (msgid), in the order a reader acts on them: what to do first, then what
    follows. The page, the CLI and the calendar list dates in this order."""
    return {key_date.key: key_date.label for _, key_date in steps.key_dates()}


def iso(value: dt.date) -> str:
    """The output's ISO form of a date (``2027-06-30``) or a date and time, to the minute (``2027-06-30T09:05``)."""
    return value.isoformat(timespec="minutes") if isinstance(value, dt.datetime) else value.isoformat()


def key_dates(answers: Answers) -> tuple[dict[str, str | None], list[str]]:
    """The computable key dates (ISO strings) and which of them are projections.

    Every step's dates count, whatever the role: a date the reader gave is shown even if its step is another
    role's (an admin who gives the day their own exams were associated sees when progress shows).
    """
    found: dict[str, str | None] = {}
    projected: list[str] = []
    for _, key_date in steps.key_dates():
        value = key_date.compute(answers)
        if value is None:
            continue
        found[key_date.key] = iso(value)
        if key_date.projected(answers):
            projected.append(key_date.key)
    return found, projected


def due_date(step: Step, answers: Answers) -> dt.date | None:
    return step.due_from(answers) if step.due_from is not None else None


def overdue(due: dt.date | None, today: dt.date) -> bool:
    """A step is overdue from the day after its due day: the due day itself is still the last day to act."""
    return due is not None and today > due


SOON_DAYS = dates.SOON_DAYS


def warnings(answers: Answers, done: set[str], applicable: set[str], _: Texts) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []

    def warn(code: str, message: str, **values: object) -> None:
        found.append({"code": code, "message": _(message, **values)})

    issued = answers.temp_password_issued_on
    # The password warnings stand while the step whose deadline the expiry is (signing in) is still to do.
    sign_in = next((step.id for step, key_date in steps.key_dates() if key_date.key == "temp_password_expires"), None)
    if issued is not None and sign_in in applicable and sign_in not in done:
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
    if answers.role == "admin" and answers.situation == "transition" and retired(answers.today):
        # Said where the reader looks, with its source: the 2017 rules of the other pages no longer hold.
        warn(
            "pmc_retired",
            N_(
                "Partner Membership Center (PMC) has been shut down, as Microsoft's PMC retirement FAQ of {date} states. Your company's PMC MPN ID cannot be recovered and there is no PMC membership left to renew: the steps below enroll the company as a new partner, with a new MPN ID."
            ),
            date=_.date(RETIREMENT.source_date),
        )
    end = answers.pmc_membership_end
    if answers.situation == "transition" and end is not None and not retired(answers.today):
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
    chosen = applicable_steps(answers)
    applicable = {s.id for s in chosen}
    done = (set(answers.done) | done_by_fact(answers)) & applicable

    def described(s: Step) -> dict[str, Any]:
        due = due_date(s, answers)
        # Only a step still to do can be late: a done step is never marked overdue.
        late = s.id not in done and overdue(due, answers.today)
        return {
            "id": s.id,
            "group": s.group,
            "title": _(s.title),
            "detail": _(s.detail),
            "optional": s.optional,
            "due": due.isoformat() if due is not None else None,
            "due_text": _.date(due) if due is not None else None,
            "overdue": late,
            # What to do now that the day has passed, in the reader's language (None when not overdue).
            "overdue_text": _(s.overdue or OVERDUE, date=_.date(due)) if late and due is not None else None,
            "link": guide_link(answers.language, s.page, s.anchor),
        }

    remaining = [described(s) for s in chosen if s.id not in done]
    required = [s for s in chosen if not s.optional]
    found_dates, projected = key_dates(answers)
    dates_text = _.dates(found_dates)
    used_groups = {s.group for s in chosen}
    progress_done = sum(1 for s in required if s.id in done)
    return {
        "language": answers.language,
        "today": answers.today.isoformat(),
        "remaining": remaining,
        "done": [s.id for s in chosen if s.id in done],
        # The same details for the done steps, so a page can show them ticked (and let the reader untick).
        "completed": [described(s) for s in chosen if s.id in done],
        "dates": found_dates,
        # The display text of each date, in the one date style of the reader's language (see i18n.Texts.date).
        "dates_text": dates_text,
        "projected_dates": projected,
        # The text of each projected date with its note, as a reader should see it.
        "projected_dates_text": {key: _(PROJECTED, date=dates_text[key]) for key in projected},
        "warnings": warnings(answers, done, applicable, _),
        "progress": {
            "done": progress_done,
            "total": len(required),
            "text": _.plural(PROGRESS, len(required), done=progress_done, total=len(required)),
        },
        "groups": [{"id": g.id, "title": _(g.title)} for g in GROUPS if g.id in used_groups],
        # Which rules the plan follows: PMC's retirement, from its source, and whether it holds on `today`.
        "retirement": {
            "retired": retired(answers.today),
            "effective": RETIREMENT.effective.isoformat(),
            "source": RETIREMENT.source_url,
            "source_date": RETIREMENT.source_date.isoformat(),
        },
    }


def plan(data: object) -> dict[str, Any]:
    """The public entry point: input document (a dict) in, plan (a JSON-ready dict) out."""
    return build_plan(read_answers(data))
