"""The admin's team view: for each employee, the steps left, by when, and who is stuck.

The same rules as one person's plan: the employee steps come from `steps.py`, the date rules from
`dates.py`, the field checks and error rules from `answers.py`. Pure like `plan()`: no clock, no I/O.

Built for thousands of rows (the browser recomputes the whole team on every change): whatever does not
depend on the row (step titles and links, status labels, the text of a warning for a given date) is
computed once per call, and each row only reads its fields and assembles a few small dicts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from . import dates
from .answers import Answers, _Reader, open_document
from .errors import ChecklistError
from .i18n import N_, NC_, Texts
from .plan import guide_link
from .steps import STEPS, Step

# A team larger than this is refused with a clear error (see README, "Team status (admins)").
MAX_EMPLOYEES = 10_000

TEAM_FIELDS: tuple[str, ...] = ("language", "today", "now", "employees")
EMPLOYEE_FIELDS: tuple[str, ...] = (
    "name",
    "email",
    "temp_password_issued_on",
    "signed_in",
    "partner_university_connected",
    "exams_associated",
    "exams_associated_at",
)
_EMPLOYEE_FIELD_SET = frozenset(EMPLOYEE_FIELDS)

# The facts an admin can see in Partner Center (seed 000, "Checking team status") and the employee steps
# each proves done: whoever signed in got their sign-in info; an association time means exams are associated.
FACT_STEPS: dict[str, tuple[str, ...]] = {
    "signed_in": ("employee.get_signin_info", "employee.sign_in"),
    "partner_university_connected": ("employee.connect_partner_university",),
    "exams_associated": ("employee.associate_exams",),
}

# Due dates of employee steps, from the date the temporary password was issued (rules in dates.py).
DUE_FROM_ISSUE: dict[str, Callable[[dt.date], dt.date]] = {"employee.sign_in": dates.last_day_to_sign_in}

# Most urgent first: the page and the CLI list employees in this order.
STATUSES: tuple[str, ...] = ("expired", "due_soon", "in_progress", "done")
STATUS_CONTEXT = "team status"
STATUS_LABELS: dict[str, str] = {
    "expired": NC_("team status", "Password expired: remove and add again"),
    "due_soon": NC_("team status", "Password stops working soon"),
    "in_progress": NC_("team status", "In progress"),
    "done": NC_("team status", "Done"),
}
_RANK = {status: index for index, status in enumerate(STATUSES)}
_LATE = dt.date.max.toordinal() + 1  # sorts after any deadline

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")

_EXPIRED = N_(
    "Not signed in, and the temporary password stopped working on {date}: remove the account and add it again."
)
_EXPIRES_SOON = N_(
    "Not signed in yet: the temporary password stops working on {date}. Remind them to sign in by {last_day}."
)
_DATE_UNKNOWN = N_(
    "Not signed in yet, and the date the temporary password was issued is missing: add it to see when the "
    "password stops working."
)
_PROGRESS_PENDING = N_(
    "Exams and certifications associated on {associated}: competency progress shows under "
    "Partnership > Competencies from {visible}."
)
_DUPLICATE = N_("Same e-mail address as row {row}.")


class _RowReader(_Reader):
    """The plan's field readers, with errors naming the row: ``rows[3].temp_password_issued_on``."""

    row = 0

    def fail(self, field: str, code: str, message: str, **values: object) -> ChecklistError:
        return ChecklistError(f"rows[{self.row}].{field}", code, self._(message, **values), row=self.row, column=field)

    def text(self, field: str) -> str | None:
        value = self.data.get(field)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(field, "invalid_type", N_("Must be text."))
        return value.strip() or None


def read_options(data: object) -> tuple[Texts, str, dt.date, dt.datetime | None]:
    """Check the team document's own fields (`language`, `today`/`now`) and return them with one `Texts`."""
    read, language = open_document(data, TEAM_FIELDS)
    today, now = read.moment()
    return read._, language, today, now


def too_many(texts: Texts, field: str) -> ChecklistError:
    message = texts(
        N_("Too many employees: the limit is {limit}. Split the list into several files."), limit=MAX_EMPLOYEES
    )
    return ChecklistError(field, "too_many_rows", message)


def team(data: object) -> dict[str, Any]:
    """The public entry point: team document (a dict) in, team status (a JSON-ready dict) out.

    Input: ``{"language", "today" or "now", "employees": [{"name", "email", "temp_password_issued_on",
    "signed_in", "partner_university_connected", "exams_associated", "exams_associated_at"}, ...]}``.
    """
    texts, language, today, now = read_options(data)
    assert isinstance(data, dict)
    employees = data.get("employees")
    if employees is None:
        raise ChecklistError("employees", "required", texts(N_("This field is required.")))
    if not isinstance(employees, list):
        raise ChecklistError("employees", "invalid_type", texts(N_("Must be a list.")))
    if len(employees) > MAX_EMPLOYEES:
        raise too_many(texts, "employees")
    return build_team(texts, language, today, now, enumerate(employees, start=1))


class _Team:
    """What one call computes once and every row reuses."""

    def __init__(self, texts: Texts, language: str, today: dt.date, now: dt.datetime | None) -> None:
        self._ = texts
        self.today = today
        self.moment = now or dt.datetime.combine(today, dt.time.min)  # as in plan(): no time means 00:00
        self.latest = now or dt.datetime.combine(today, dt.time.max)
        template = Answers(
            role="employee",
            situation="transition",
            language=language,
            today=today,
            now=now,
            pmc_membership_end=None,
            reenrolled_on=None,
            temp_password_issued_on=None,
            exams_associated_at=None,
            csp=False,
            marketplace=False,
            benefits=frozenset(),
            done=frozenset(),
        )
        fact_of = {step_id: fact for fact, ids in FACT_STEPS.items() for step_id in ids}
        steps: list[Step] = [s for s in STEPS if s.role == "employee" and not s.optional and s.applies(template)]
        # (step id, fact that proves it done or None, title, link)
        self.steps = [(s.id, fact_of.get(s.id), texts(s.title), guide_link(language, s.page, s.anchor)) for s in steps]
        self.labels = {status: texts.ctx(STATUS_CONTEXT, label) for status, label in STATUS_LABELS.items()}
        self._issued: dict[dt.date, tuple[str, dict[str, str], str | None, dict[str, str] | None]] = {}
        self._exams: dict[dt.datetime, tuple[str, dict[str, str] | None]] = {}
        self.date_unknown = {"code": "temp_password_date_unknown", "message": texts(_DATE_UNKNOWN)}

    def issued(self, day: dt.date) -> tuple[str, dict[str, str], str | None, dict[str, str] | None]:
        """For one issue date: expiry (ISO), due dates by step, status if not signed in, and its warning."""
        found = self._issued.get(day)
        if found is None:
            _ = self._
            expires = dates.temp_password_expires(day)
            due = {step_id: rule(day).isoformat() for step_id, rule in DUE_FROM_ISSUE.items()}
            if dates.temp_password_expired(day, self.today):
                status: str | None = "expired"
                warning = {"code": "temp_password_expired", "message": _(_EXPIRED, date=_.date(expires))}
            elif dates.temp_password_expires_soon(day, self.today):
                status = "due_soon"
                last_day = _.date(dates.last_day_to_sign_in(day))
                message = _(_EXPIRES_SOON, date=_.date(expires), last_day=last_day)
                warning = {"code": "temp_password_expires_soon", "message": message}
            else:
                status, warning = None, None
            found = self._issued[day] = (expires.isoformat(), due, status, warning)
        return found

    def exams(self, associated: dt.datetime) -> tuple[str, dict[str, str] | None]:
        """For one association time: when progress shows (ISO), and the warning while it does not yet."""
        found = self._exams.get(associated)
        if found is None:
            _ = self._
            visible = dates.competency_progress_visible(associated)
            warning = None
            if self.moment < visible:
                message = _(_PROGRESS_PENDING, associated=_.datetime(associated), visible=_.datetime(visible))
                warning = {"code": "progress_pending", "message": message}
            found = self._exams[associated] = (visible.isoformat(timespec="minutes"), warning)
        return found


def build_team(
    texts: Texts,
    language: str,
    today: dt.date,
    now: dt.datetime | None,
    rows: Iterable[tuple[int, object]],
    **extra: Any,
) -> dict[str, Any]:
    """The team status for `(row number, employee dict)` pairs; `extra` adds keys (the CSV reader's columns)."""
    context = _Team(texts, language, today, now)
    read = _RowReader({}, texts)
    seen: dict[str, int] = {}
    ranked: list[tuple[tuple[int, int, int, int], dict[str, Any]]] = []
    counts = dict.fromkeys(STATUSES, 0)
    needing = not_signed_in = pu_missing = exams_missing = pending = 0
    next_due: str | None = None
    today_iso = today.isoformat()
    for row, data in rows:
        read.row = row
        if not isinstance(data, dict):
            message = texts(N_("Each employee must be a JSON object."))
            raise ChecklistError(f"rows[{row}]", "not_an_object", message, row=row)
        if not data.keys() <= _EMPLOYEE_FIELD_SET:
            unknown = next(field for field in data if field not in _EMPLOYEE_FIELD_SET)
            raise read.fail(str(unknown) or '""', "unknown_field", N_("Unknown field."))
        read.data = data
        name = read.text("name")
        email = read.text("email")
        if email is not None and not _EMAIL.fullmatch(email):
            raise read.fail("email", "invalid_email", N_("Must be an e-mail address, like name@example.com."))
        if name is None and email is None:
            raise read.fail("email", "required", N_("Give a name or an e-mail address."))
        issued = read.date("temp_password_issued_on")
        signed_in = read.flag("signed_in")
        connected = read.flag("partner_university_connected")
        associated_at = read.datetime("exams_associated_at")
        associated = read.flag("exams_associated") or associated_at is not None
        read.not_after("temp_password_issued_on", issued, today)
        read.not_after("exams_associated_at", associated_at, context.latest)

        warnings: list[dict[str, str]] = []
        status: str | None = None
        needs_action = False
        expires = due = None
        if issued is not None:
            expires, due, issue_status, warning = context.issued(issued)
            if not signed_in:
                status = issue_status
                if warning is not None:
                    warnings.append(dict(warning))
                    needs_action = True
        elif not signed_in:
            warnings.append(dict(context.date_unknown))
            needs_action = True
        visible = None
        if associated_at is not None:
            visible, warning = context.exams(associated_at)
            if warning is not None:
                warnings.append(dict(warning))
                pending += 1
        if email is not None:
            key = email.casefold()
            first = seen.setdefault(key, row)
            if first != row:
                warnings.append({"code": "duplicate_email", "message": texts(_DUPLICATE, row=first)})

        facts = {"signed_in": signed_in, "partner_university_connected": connected, "exams_associated": associated}
        remaining = []
        for step_id, fact, title, link in context.steps:
            if fact is not None and facts[fact]:
                continue
            step_due = due.get(step_id) if due is not None else None
            if step_due is not None and step_due >= today_iso and (next_due is None or step_due < next_due):
                next_due = step_due
            remaining.append({"id": step_id, "title": title, "due": step_due, "link": link})
        if status is None:
            status = "in_progress" if remaining else "done"

        counts[status] += 1
        needing += needs_action
        not_signed_in += not signed_in
        pu_missing += not connected
        exams_missing += not associated
        deadline = dt.date.fromisoformat(expires).toordinal() if expires is not None and not signed_in else _LATE
        ranked.append(
            (
                (_RANK[status], 0 if needs_action else 1, deadline, row),
                {
                    "row": row,
                    "name": name,
                    "email": email,
                    "status": status,
                    "status_label": context.labels[status],
                    "needs_action": needs_action,
                    "temp_password_issued_on": issued.isoformat() if issued is not None else None,
                    "signed_in": signed_in,
                    "partner_university_connected": connected,
                    "exams_associated": associated,
                    "exams_associated_at": (
                        associated_at.isoformat(timespec="minutes") if associated_at is not None else None
                    ),
                    "dates": {"temp_password_expires": expires, "competency_progress_visible": visible},
                    "remaining": remaining,
                    "warnings": warnings,
                },
            )
        )
        if len(ranked) > MAX_EMPLOYEES:
            raise too_many(texts, "$")
    ranked.sort(key=lambda pair: pair[0])
    result: dict[str, Any] = {
        "language": language,
        "today": today_iso,
        "now": now.isoformat(timespec="minutes") if now is not None else None,
        "employees": [employee for _, employee in ranked],
        "totals": {
            "employees": len(ranked),
            "needs_action": needing,
            **counts,
            "not_signed_in": not_signed_in,
            "partner_university_not_connected": pu_missing,
            "exams_not_associated": exams_missing,
            "progress_pending": pending,
        },
        "next_due": next_due,
        "columns": {},
        "ignored_columns": [],
        "dropped_columns": [],
        "missing_columns": [],
        "notices": [],
        "rejected": [],  # rows not imported (CSV rows that do not fit the header): {row, column, value, code, message}
        "source": {"format": "json"},
    }
    result.update(extra)
    return result
