"""The admin's team view: for each employee, the steps left, by when, and who is stuck.

The same rules as one person's plan: the employee steps, what proves each done, when each is due and its key
dates come from `steps.py` (the `Step` fields), the date rules from `dates.py`, the field checks and error rules
from `_fields.py`. Pure like `plan()`: no clock, no I/O.

Built for thousands of rows (the browser recomputes the whole team on every change): whatever does not
depend on the row (step titles and links, status labels, the text of a warning for a given date) is
computed once per call, and each row only reads its fields and assembles a few small dicts.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import datetime as dt
import gc
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from . import dates, steps
from ._fields import RowReader
from .answers import Answers, open_document
from .errors import ChecklistError
from .i18n import N_, NC_, NP_, Texts
from .plan import guide_link, iso
from .team_words import ADMIN_ACTIONS, REPLACE_ACCOUNT, REPLACED_WHEN_EXPIRED

__all__ = [
    "ADMIN_ACTIONS",
    "EMPLOYEE_FIELDS",
    "IDENTITY_FIELDS",
    "VIEW_FIELDS",
    "WARNING_MESSAGES",
    "WARNING_PARAMETERS",
    "MAX_EMPLOYEES",
    "STATUSES",
    "STATUS_LABELS",
    "TEAM_FIELDS",
    "build_team",
    "read_options",
    "reminder",
    "team",
    "too_many",
]

# A team larger than this is refused with a clear error (see README, "Team status (admins)").
MAX_EMPLOYEES = 10_000

TEAM_FIELDS: tuple[str, ...] = ("language", "today", "now", "employees", "extra_columns")
EMPLOYEE_FIELDS: tuple[str, ...] = (
    "name",
    "email",
    "temp_password_issued_on",
    "signed_in",
    "partner_university_connected",
    "exams_associated",
    "exams_associated_at",
)
# Identity and the admin's own columns: the row of the admin's file (kept through reloads, re-sorting and the
# export) and the cells of the columns the engine does not read ("Department"), given back as they were.
IDENTITY_FIELDS: tuple[str, ...] = ("row", "extra")
_EMPLOYEE_FIELD_SET = frozenset(EMPLOYEE_FIELDS)
_ROW_FIELD_SET = _EMPLOYEE_FIELD_SET | frozenset(IDENTITY_FIELDS)

# The facts of an employee that are also answers of one person's plan: a step's date rules read them there.
_ANSWER_FACTS: tuple[str, ...] = tuple(
    field.name for field in dataclasses.fields(Answers) if field.name in _EMPLOYEE_FIELD_SET
)

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
_SAME_ROW = N_("Row {row} is given twice: each person needs a row number of their own.")

# The page's compact employee record (`build_team(view=True)`): a list in this order. `flags` has bit 1 for
# signed in, 2 for Partner University connected, 4 for exams associated; `actions` is [[code, due ISO or null]];
# `warnings` is [[code, ...ISO dates or the first row]] with the parameters of the message of that code.
VIEW_FIELDS: tuple[str, ...] = ("row", "status", "needs_action", "flags", "expires", "actions", "warnings")
# The parameters of each warning code, in the compact record's order (the page fills the message with them).
WARNING_PARAMETERS: dict[str, tuple[str, ...]] = {
    "temp_password_expired": ("date",),
    "temp_password_expires_soon": ("date", "last_day"),
    "temp_password_date_unknown": (),
    "progress_pending": ("associated", "visible"),
    "duplicate_email": ("row",),
}
WARNING_MESSAGES: dict[str, str] = {
    "temp_password_expired": _EXPIRED,
    "temp_password_expires_soon": _EXPIRES_SOON,
    "temp_password_date_unknown": _DATE_UNKNOWN,
    "progress_pending": _PROGRESS_PENDING,
    "duplicate_email": _DUPLICATE,
}
# The totals line: each count with its own plural forms, then one pattern that puts them in the language's order.
_TOTALS = N_("{employees}: {needs_action}, {expired}, {due_soon}, {done}.")
_TOTAL_PARTS: dict[str, tuple[str, str]] = {
    "employees": NP_("{count} person", "{count} people"),
    "needs_action": NP_("{count} needs action", "{count} need action"),
    "expired": NP_("{count} with an expired password", "{count} with an expired password"),
    "due_soon": NP_("{count} due within 14 days", "{count} due within 14 days"),
    "done": NP_("{count} done", "{count} done"),
}


def totals_text(texts: Texts, totals: dict[str, int]) -> str:
    """The team's totals as one sentence with real plural forms ("1 person: 1 needs action, …")."""
    parts = {key: texts.plural(message, totals[key], count=totals[key]) for key, message in _TOTAL_PARTS.items()}
    return texts(_TOTALS, **parts)


def read_options(data: object) -> tuple[Texts, str, dt.date, dt.datetime | None]:
    """Check the team document's own fields (`language`, `today`/`now`) and return them with one `Texts`."""
    read, language = open_document(data, TEAM_FIELDS)
    today, now = read.moment()
    return read.texts, language, today, now


def too_many(texts: Texts, field: str) -> ChecklistError:
    message = texts(
        N_("Too many employees: the limit is {limit}. Split the list into several files."), limit=MAX_EMPLOYEES
    )
    return ChecklistError(field, "too_many_rows", message)


def team(data: object, *, view: bool = False) -> dict[str, Any]:
    """The public entry point: team document (a dict) in, team status (a JSON-ready dict) out.

    Input: ``{"language", "today" or "now", "employees": [{"name", "email", "temp_password_issued_on",
    "signed_in", "partner_university_connected", "exams_associated", "exams_associated_at", and optionally
    "row" (the row in the admin's file) and "extra" (the admin's own cells by header)}, ...], "extra_columns":
    [the admin's own headers, in the file's order]}``.
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
    extra_columns = data.get("extra_columns", [])
    if not isinstance(extra_columns, list) or not all(isinstance(c, str) for c in extra_columns):
        raise ChecklistError("extra_columns", "invalid_type", texts(N_("Must be a list of texts.")))
    result = build_team(texts, language, today, now, enumerate(employees, start=1), view=view)
    result["extra_columns"] = list(extra_columns)
    return result


class _Team:
    """What one call computes once and every row reuses."""

    def __init__(self, texts: Texts, language: str, today: dt.date, now: dt.datetime | None) -> None:
        self._ = texts
        self.today = today
        self.moment = now or dt.datetime.combine(today, dt.time.min)  # as in plan(): no time means 00:00
        self.latest = now or dt.datetime.combine(today, dt.time.max)
        # One person's answers as an employee of this team; each row puts in its own dated facts (_ANSWER_FACTS).
        self.template = Answers(
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
        # The required employee steps, with their titles and links translated once.
        self.steps = [
            (s, texts(s.title), guide_link(language, s.page, s.anchor))
            for s in steps.STEPS
            if s.role == "employee" and not s.optional and s.applies(self.template)
        ]
        # The key dates an employee row shows (those of its steps, every key present, null when unknown), the due
        # rules, and the facts that prove each step done, gathered once per call.
        self.rules = [(key_date.key, key_date.compute) for step, _, _ in self.steps for key_date in step.dates]
        self.dues = [(step.id, step.due_from) for step, _, _ in self.steps if step.due_from is not None]
        self.proofs = [(step, frozenset(step.proved_by), title, link) for step, title, link in self.steps]
        self.labels = {status: texts.ctx(STATUS_CONTEXT, label) for status, label in STATUS_LABELS.items()}
        self._issued: dict[dt.date, tuple[str | None, dict[str, str] | None]] = {}
        self.issued_codes: dict[dt.date, list[str]] = {}  # the compact warning for an issue date (view mode)
        self._exams: dict[dt.datetime, dict[str, str] | None] = {}
        self._dated: dict[tuple[object, ...], tuple[dict[str, str | None], dict[str, str], dict[str, tuple[str, str]]]]
        self._dated = {}
        self._texts: dict[str, str] = {}
        self.date_unknown = {"code": "temp_password_date_unknown", "message": texts(_DATE_UNKNOWN)}
        self.replace_account = texts(REPLACE_ACCOUNT)
        self.actions = {
            step.id: (texts(ADMIN_ACTIONS[step.id][0]), ADMIN_ACTIONS[step.id][1])
            if step.id in ADMIN_ACTIONS
            else (title, None)
            for step, title, _ in self.steps
        }

    def action(self, step_id: str, due_text: str | None) -> str:
        """The admin's wording for one open step ("Remind them to sign in by 3 May 2027")."""
        plain, dated = self.actions[step_id]
        return self._(dated, date=due_text) if dated is not None and due_text is not None else plain

    def text(self, iso: str) -> str:
        """The display text of an ISO date or date-time, computed once per value and call."""
        found = self._texts.get(iso)
        if found is None:
            found = self._texts[iso] = self._.iso(iso)
        return found

    def dated(
        self, facts: tuple[object, ...]
    ) -> tuple[dict[str, str | None], dict[str, str], dict[str, tuple[str, str]]]:
        """For one row's dated facts (values of `_ANSWER_FACTS`): its key dates (ISO, every key), their texts, and
        the due date (ISO, text) of each step that has one. The rules are the steps' own (`due_from`, `dates`)."""
        found = self._dated.get(facts)
        if found is None:
            answers = copy.copy(self.template)  # cheaper than dataclasses.replace on every new fact
            for field, value in zip(_ANSWER_FACTS, facts, strict=True):
                object.__setattr__(answers, field, value)  # a private copy of a frozen dataclass
            row_dates: dict[str, str | None] = {}
            for key, compute in self.rules:
                value = compute(answers)
                row_dates[key] = None if value is None else iso(value)
            due = {}
            for step_id, rule in self.dues:
                day = rule(answers)
                if day is not None:
                    due[step_id] = (day.isoformat(), self.text(day.isoformat()))
            texts = {key: self.text(value) for key, value in row_dates.items() if value is not None}
            found = self._dated[facts] = (row_dates, texts, due)
        return found

    def issued(self, day: dt.date) -> tuple[str | None, dict[str, str] | None]:
        """For one issue date, not signed in yet: the status (expired, due soon or None) and its warning."""
        if day not in self._issued:
            _ = self._
            expires = dates.temp_password_expires(day)
            if dates.temp_password_expired(day, self.today):
                status: str | None = "expired"
                warning = {"code": "temp_password_expired", "message": _(_EXPIRED, date=_.date(expires))}
                self.issued_codes[day] = ["temp_password_expired", expires.isoformat()]
            elif dates.temp_password_expires_soon(day, self.today):
                status = "due_soon"
                last = dates.last_day_to_sign_in(day)
                message = _(_EXPIRES_SOON, date=_.date(expires), last_day=_.date(last))
                warning = {"code": "temp_password_expires_soon", "message": message}
                self.issued_codes[day] = ["temp_password_expires_soon", expires.isoformat(), last.isoformat()]
            else:
                status, warning = None, None
            self._issued[day] = (status, warning)
        return self._issued[day]

    def exams(self, associated: dt.datetime) -> dict[str, str] | None:
        """For one association time: the warning while competency progress does not show yet."""
        if associated not in self._exams:
            _ = self._
            visible = dates.competency_progress_visible(associated)
            warning = None
            if self.moment < visible:
                message = _(_PROGRESS_PENDING, associated=_.datetime(associated), visible=_.datetime(visible))
                warning = {"code": "progress_pending", "message": message}
            self._exams[associated] = warning
        return self._exams[associated]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a team is built: the rows make many small containers and no cycles,
    and the collector's passes over them cost a third of the time (measured: 10,000 people, 185 → 150 ms in
    CPython). Reference counting still frees everything; the collector runs again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_collector_paused()
def build_team(
    texts: Texts,
    language: str,
    today: dt.date,
    now: dt.datetime | None,
    rows: Iterable[tuple[int, object]],
    reject: Callable[[int, dict[str, Any], ChecklistError], dict[str, Any]] | None = None,
    *,
    view: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    """The team status for `(row number, employee dict)` pairs; `extra` adds keys (the CSV reader's columns).

    Without `reject`, the first invalid row raises (a JSON document is the page's or a program's: all or
    nothing). With it (a CSV file, the admin's), each invalid row is passed to `reject`, whose entry joins
    `rejected`, and the other rows are computed: one bad cell never blocks 200 people (issue 13).

    With `view`, each employee is the page's compact record instead (`VIEW_FIELDS`: ids, ISO dates and codes,
    no names, titles, links or messages, which the page holds once), and `dates_text` maps every ISO date of
    the records to its display text: a 1,000-person reply is about 15 times smaller (issue 11).
    """
    context = _Team(texts, language, today, now)
    rejected: list[dict[str, Any]] = list(extra.pop("rejected", []))
    taken: set[int] = set()
    read = RowReader({}, texts)
    seen: dict[str, int] = {}
    duplicated: set[str] = set()
    ranked: list[tuple[tuple[int, int, int, int], dict[str, Any]]] = []
    counts = dict.fromkeys(STATUSES, 0)
    needing = not_signed_in = pu_missing = exams_missing = pending = 0
    next_due: str | None = None
    next_due_text: str | None = None
    today_iso = today.isoformat()
    for position, data in rows:
        row = position
        read.row = row
        if not isinstance(data, dict):
            message = texts(N_("Each employee must be a JSON object."))
            raise ChecklistError(f"rows[{row}]", "not_an_object", message, row=row)
        try:
            if not data.keys() <= _ROW_FIELD_SET:
                unknown = next(field for field in data if field not in _ROW_FIELD_SET)
                raise read.fail(str(unknown) or '""', "unknown_field", N_("Unknown field."))
            read.data = data
            row = read.row = _identity(read, data, position, taken)
            extra_cells = _extra(read, data)
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
        except ChecklistError as error:
            if reject is None:
                raise
            rejected.append(reject(position, data, error))
            continue
        taken.add(row)
        # The facts the steps' `proved_by` and date rules read, by their field names.
        facts = {
            "temp_password_issued_on": issued,
            "signed_in": signed_in,
            "partner_university_connected": connected,
            "exams_associated": associated,
            "exams_associated_at": associated_at,
        }
        row_dates, row_dates_text, due = context.dated(tuple(map(facts.__getitem__, _ANSWER_FACTS)))

        warnings: list[Any] = []
        status: str | None = None
        needs_action = False
        if issued is not None:
            issue_status, warning = context.issued(issued)
            if not signed_in:
                status = issue_status
                if warning is not None:
                    warnings.append(context.issued_codes[issued] if view else dict(warning))
                    needs_action = True
        elif not signed_in:
            warnings.append(["temp_password_date_unknown"] if view else dict(context.date_unknown))
            needs_action = True
        if associated_at is not None:
            warning = context.exams(associated_at)
            if warning is not None:
                if view:
                    visible = row_dates["competency_progress_visible"]
                    warnings.append(["progress_pending", associated_at.isoformat(timespec="minutes"), visible])
                else:
                    warnings.append(dict(warning))
                pending += 1
        if email is not None:  # duplicates are named after the loop: by the smallest row, whatever the order given
            key = email.casefold()
            first = seen.get(key)
            if first is None:
                seen[key] = row
            else:
                seen[key] = min(first, row)
                duplicated.add(key)

        remaining = []
        actions = []
        present = {fact for fact, value in facts.items() if value is not None and value is not False}
        for step, proofs, title, link in context.proofs:
            if not present.isdisjoint(proofs):  # proved done by a fact (`Step.proved_by`, as `plan.proved` reads it)
                continue
            step_due, step_due_text = due.get(step.id, (None, None))
            if step_due is not None and step_due >= today_iso and (next_due is None or step_due < next_due):
                next_due, next_due_text = step_due, step_due_text
            if view:  # [code, due]: the admin's action for this step (the page has the words)
                remaining.append(step.id)
                if status == "expired" and step.id in REPLACED_WHEN_EXPIRED:
                    if not actions or actions[0][0] != "replace_account":
                        actions.insert(0, ["replace_account", None])
                else:
                    actions.append([step.id, step_due])
                continue
            remaining.append({"id": step.id, "title": title, "due": step_due, "due_text": step_due_text, "link": link})
            if status == "expired" and step.id in REPLACED_WHEN_EXPIRED:
                if not actions or actions[0]["code"] != "replace_account":
                    actions.insert(
                        0,
                        {
                            "code": "replace_account",
                            "step": step.id,
                            "due": None,
                            "due_text": None,
                            "message": context.replace_account,
                        },
                    )
                continue
            actions.append(
                {
                    "code": step.id,
                    "step": step.id,
                    "due": step_due,
                    "due_text": step_due_text,
                    "message": context.action(step.id, step_due_text),
                }
            )
        if status is None:
            status = "in_progress" if remaining else "done"

        counts[status] += 1
        needing += needs_action
        not_signed_in += not signed_in
        pu_missing += not connected
        exams_missing += not associated
        expires = row_dates.get("temp_password_expires")
        deadline = dt.date.fromisoformat(expires).toordinal() if expires is not None and not signed_in else _LATE
        if view:
            flags = signed_in | connected << 1 | associated << 2
            record = [row, status, int(needs_action), flags, expires, actions, warnings, email]
            ranked.append(((_RANK[status], 0 if needs_action else 1, deadline, row), record))  # type: ignore[arg-type]
            if len(ranked) > MAX_EMPLOYEES:
                raise too_many(texts, "$")
            continue
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
                    "dates": dict(row_dates),
                    "dates_text": dict(row_dates_text),
                    "remaining": remaining,
                    "actions": actions,
                    "warnings": warnings,
                    "extra": extra_cells,
                },
            )
        )
        if len(ranked) > MAX_EMPLOYEES:
            raise too_many(texts, "$")
    if duplicated:  # each person after the first (smallest row) of an address, in any order the rows came
        for _, employee in ranked:
            email = employee[7] if view else employee["email"]
            first = seen.get(email.casefold()) if email is not None and email.casefold() in duplicated else None
            row = employee[0] if view else employee["row"]
            if first is not None and first != row:
                if view:
                    employee[6].append(["duplicate_email", first])
                else:
                    employee["warnings"].append({"code": "duplicate_email", "message": texts(_DUPLICATE, row=first)})
    ranked.sort(key=lambda pair: pair[0])
    if view:
        for _, record in ranked:
            record.pop()  # the e-mail address: the page has it (by row)
    totals = {
        "employees": len(ranked),
        "needs_action": needing,
        **counts,
        "not_signed_in": not_signed_in,
        "partner_university_not_connected": pu_missing,
        "exams_not_associated": exams_missing,
        "progress_pending": pending,
    }
    result: dict[str, Any] = {
        "language": language,
        "today": today_iso,
        "now": now.isoformat(timespec="minutes") if now is not None else None,
        "employees": [employee for _, employee in ranked],
        "totals": totals,
        "totals_text": totals_text(texts, totals),
        "next_due": next_due,
        "next_due_text": next_due_text,
        "columns": {},
        "ignored_columns": [],
        "dropped_columns": [],
        "missing_columns": [],
        "notices": [],
        "extra_columns": [],
        # Rows not imported (a CSV file's rows): {row, column (the file's header), value, code, expected, message}.
        "rejected": sorted(rejected, key=lambda entry: entry["row"]),
        "source": {"format": "json"},
    }
    if view:
        result["view_fields"] = list(VIEW_FIELDS)
        result["dates_text"] = _view_dates(context, result["employees"])
    result.update(extra)
    return result


def _view_dates(context: _Team, records: list[list[Any]]) -> dict[str, str]:
    """The display text of every ISO date in the compact records, once per date (a team shares few dates)."""
    found: set[str] = set()
    for record in records:
        if record[4] is not None:
            found.add(record[4])
        found.update(due for _, due in record[5] if due is not None)
        for warning in record[6]:
            found.update(value for value in warning[1:] if isinstance(value, str))
    return {value: context.text(value) for value in sorted(found)}


def _identity(read: RowReader, data: dict[str, Any], position: int, taken: set[int]) -> int:
    """The person's row: the one given (the admin's file's, kept through reloads and exports), else the position."""
    value = data.get("row")
    if value is None:
        row = position
    elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise read.fail("row", "invalid_type", N_("Must be a whole number, 1 or more."))
    else:
        row = value
    if row in taken:
        raise read.fail("row", "duplicate_row", _SAME_ROW, row=row)
    return row


def _extra(read: RowReader, data: dict[str, Any]) -> dict[str, str]:
    """The admin's own cells (text by column header), given back as they are."""
    value = data.get("extra")
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise read.fail("extra", "invalid_type", N_("Must be an object of texts."))
    return dict(value)


# The reminder the admin sends (issue 13): written to the employees, in the language the admin chooses, with
# each one's deadline. Nothing is sent by us: the page opens it in the admin's mail program or copies it.
_REMINDER_SUBJECT = N_("Partner Center: your steps to finish")
_REMINDER_SUBJECT_BY = N_("Partner Center: your steps to finish by {date}")
_REMINDER_HELLO = N_("Hello {name},")
_REMINDER_HELLO_ALL = N_("Hello,")
_REMINDER_INTRO = N_(
    "You have an account in Microsoft Partner Center for our company. Please finish these steps in Partner Center:"
)
_REMINDER_STEP_BY = N_("{title} (by {date})")
_REMINDER_DEADLINES = N_("Last day to sign in with the temporary password:")
_REMINDER_EXPIRED = N_("Your temporary password no longer works: I will remove your account and add it again.")
_REMINDER_GUIDE = N_("How to do each step: {url}")
_REMINDER_THANKS = N_("Thank you.")


def reminder(result: dict[str, Any], site_url: str) -> dict[str, Any]:
    """A reminder for the people of `result` (the output of `team`, in the language chosen for the message):
    subject, body and their e-mail addresses. One person: their steps and deadline; several: the steps any of
    them has left, and each one's last day to sign in."""
    _ = Texts(result["language"])
    people = sorted(result["employees"], key=lambda e: e["row"])
    steps_left: dict[str, tuple[str, str | None]] = {}
    for person in people:
        expired = person["status"] == "expired"
        for step in person["remaining"]:
            if expired and step["id"] in REPLACED_WHEN_EXPIRED:
                continue
            steps_left.setdefault(step["id"], (step["title"], step["due_text"] if len(people) == 1 else None))
    deadlines = [
        (person, step["due_text"])
        for person in people
        for step in person["remaining"]
        if step["due_text"] and person["status"] != "expired"  # the one dated employee step: signing in
    ]
    one = people[0] if len(people) == 1 else None
    dated = one is not None and deadlines
    subject = _(_REMINDER_SUBJECT_BY, date=deadlines[0][1]) if dated else _(_REMINDER_SUBJECT)
    name = one["name"] if one is not None else None
    lines = [_(_REMINDER_HELLO, name=name) if name else _(_REMINDER_HELLO_ALL), "", _(_REMINDER_INTRO)]
    for title, due in steps_left.values():
        lines.append("- " + (_(_REMINDER_STEP_BY, title=title, date=due) if due else title))
    if one is None and deadlines:
        lines += ["", _(_REMINDER_DEADLINES)]
        lines += [f"- {person['name'] or person['email']}: {due}" for person, due in deadlines]
    if one is not None and one["status"] == "expired":
        lines += ["", _(_REMINDER_EXPIRED)]
    first_link = next((step["link"] for person in people for step in person["remaining"]), None)
    if first_link:
        lines += ["", _(_REMINDER_GUIDE, url=site_url.rstrip("/") + first_link)]
    lines += ["", _(_REMINDER_THANKS)]
    emails = [person["email"] for person in people if person["email"]]
    return {"subject": subject, "body": "\n".join(lines), "emails": emails}
