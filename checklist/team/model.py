"""The team model: for each employee, the steps left, by when, and who is stuck, as one `Person` record.

The same rules as one person's plan: the employee steps, what proves each done, when each is due and its key
dates come from `steps.py` (the `Step` fields), the date rules from `dates.py`, the field checks and error rules
from `_fields.py`. Pure like `plan()`: no clock, no I/O. How a `Person` is shown (the CLI's full status, the
page's compact record) is the views' business (`views.py`); this module decides, it never words a row.

Built for thousands of rows (the browser recomputes the whole team on every change): whatever does not
depend on the row (step titles and links, status labels, the text of a warning for a given date) is
computed once per call (`Context`), and each row only reads its fields and assembles a few small containers.
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

from .. import dates, steps
from .._fields import RowReader
from ..answers import Answers
from ..errors import ChecklistError
from ..i18n import N_, NC_, NP_, Texts
from ..plan import guide_link, iso
from .cells import incomplete_address
from .fields import EMPLOYEE_FIELDS, MAX_EMPLOYEES, ROW_FIELDS, too_many
from .words import ADMIN_ACTIONS, REPLACE_ACCOUNT, REPLACED_WHEN_EXPIRED

__all__ = ["STATUSES", "STATUS_CONTEXT", "STATUS_LABELS", "WARNING_MESSAGES", "WARNING_PARAMETERS"]
__all__ += ["Context", "Evaluation", "Person", "collector_paused", "evaluate", "totals_text"]

# The facts of an employee that are also answers of one person's plan: a step's date rules read them there.
_ANSWER_FACTS: tuple[str, ...] = tuple(
    field.name for field in dataclasses.fields(Answers) if field.name in frozenset(EMPLOYEE_FIELDS)
)

# Most urgent first: the page and the CLI list employees in this order (the page gets it from the reply).
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
_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}")

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
_INCOMPLETE_EMAIL = N_("{email} looks incomplete: its domain has no dot (such as .com). Check the address.")
_SAME_ROW = N_("Row {row} is given twice: each person needs a row number of their own.")

# The parameters of each warning code, in the order a `Person` warning holds them (`[code, *parameters]`; the
# page fills the message with them).
WARNING_PARAMETERS: dict[str, tuple[str, ...]] = {
    "temp_password_expired": ("date",),
    "temp_password_expires_soon": ("date", "last_day"),
    "temp_password_date_unknown": (),
    "progress_pending": ("associated", "visible"),
    "duplicate_email": ("row",),
    "email_incomplete": ("email",),
}
WARNING_MESSAGES: dict[str, str] = {
    "temp_password_expired": _EXPIRED,
    "temp_password_expires_soon": _EXPIRES_SOON,
    "temp_password_date_unknown": _DATE_UNKNOWN,
    "progress_pending": _PROGRESS_PENDING,
    "duplicate_email": _DUPLICATE,
    "email_incomplete": _INCOMPLETE_EMAIL,
}
_DATE_UNKNOWN_CODE = ["temp_password_date_unknown"]
# The totals line: each count with its own plural forms, then one pattern that puts them in the language's order.
_TOTALS = N_("{employees}: {needs_action}, {expired}, {due_soon}, {done}.")
_TOTAL_PARTS: dict[str, tuple[str, str]] = {
    "employees": NP_("{count} person", "{count} people"),
    "needs_action": NP_("{count} needs action", "{count} need action"),
    "expired": NP_("{count} with an expired password", "{count} with an expired password"),
    "due_soon": NP_("{count} due within 14 days", "{count} due within 14 days"),
    "done": NP_("{count} done", "{count} done"),
}

# An open step of a person: (step id, title, guide link, due ISO or None, due text or None).
OpenStep = tuple[str, str, str, str | None, str | None]
# The admin's action for it: (code, step id, due ISO or None, due text or None); code is the step id, or
# "replace_account" in place of the sign-in steps when the temporary password expired.
Action = tuple[str, str, str | None, str | None]


def totals_text(texts: Texts, totals: dict[str, int]) -> str:
    """The team's totals as one sentence with real plural forms ("1 person: 1 needs action, …")."""
    parts = {key: texts.plural(message, totals[key], count=totals[key]) for key, message in _TOTAL_PARTS.items()}
    return texts(_TOTALS, **parts)


@dataclasses.dataclass(slots=True)
class Person:
    """One employee's status, by field name: what the rules decided, for the renderers to show (`views.py`).

    `warnings` are `[code, *parameters]` (`WARNING_PARAMETERS`: ISO dates, or the first row of a duplicate
    address); the full renderer words them, the compact one sends them as they are."""

    row: int
    name: str | None
    email: str | None
    status: str
    needs_action: bool
    issued: dt.date | None
    signed_in: bool
    connected: bool
    associated: bool
    associated_at: dt.datetime | None
    pending: bool  # exams associated less than 24 hours ago: competency progress does not show yet
    dates: dict[str, str | None]  # every key date of the person's steps (ISO, None when unknown)
    dates_text: dict[str, str]
    remaining: list[OpenStep]
    actions: list[Action]
    warnings: list[list[Any]]
    extra: dict[str, str]

    @property
    def expires(self) -> str | None:
        """The day the temporary password stops working (ISO), whether or not they signed in."""
        return self.dates.get("temp_password_expires")

    def rank(self) -> tuple[int, int, int, int]:
        """Most urgent first: status, needing action, the password's deadline (until signed in), then the row."""
        expires = self.expires
        deadline = dt.date.fromisoformat(expires).toordinal() if expires is not None and not self.signed_in else _LATE
        return (_RANK[self.status], 0 if self.needs_action else 1, deadline, self.row)


@dataclasses.dataclass
class Evaluation:
    """A whole team decided: the people most urgent first, the totals, the next deadline, the rows refused."""

    context: Context
    people: list[Person]
    totals: dict[str, int]
    next_due: str | None
    next_due_text: str | None
    rejected: list[dict[str, Any]]


class Context:
    """What one call computes once and every row reuses: the steps, their words, and caches by date."""

    def __init__(self, texts: Texts, language: str, today: dt.date, now: dt.datetime | None) -> None:
        self._ = texts
        self.language = language
        self.today = today
        self.now = now
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
        found = [
            (s, texts(s.title), guide_link(language, s.page, s.anchor))
            for s in steps.STEPS
            if s.role == "employee" and not s.optional and s.applies(self.template)
        ]
        # The key dates an employee row shows (those of its steps, every key present, null when unknown), the due
        # rules, and the facts that prove each step done, gathered once per call.
        self.rules = [(key_date.key, key_date.compute) for step, _, _ in found for key_date in step.dates]
        self.dues = [(step.id, step.due_from) for step, _, _ in found if step.due_from is not None]
        self.proofs = [(step.id, frozenset(step.proved_by), title, link) for step, title, link in found]
        self.labels = {status: texts.ctx(STATUS_CONTEXT, label) for status, label in STATUS_LABELS.items()}
        self._issued: dict[dt.date, tuple[str | None, dict[str, str] | None]] = {}
        self.issued_codes: dict[dt.date, list[str]] = {}  # a person's warning for an issue date (`[code, ...]`)
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
            for step, title, _ in found
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

    def worded(self, person: Person, warning: list[Any]) -> dict[str, str]:
        """A person's warning (`[code, *parameters]`) as `{code, message}` in the call's language."""
        code = warning[0]
        if code == "temp_password_date_unknown":
            return dict(self.date_unknown)
        if code == "duplicate_email":
            return {"code": code, "message": self._(_DUPLICATE, row=warning[1])}
        if code == "progress_pending":
            assert person.associated_at is not None
            found = self.exams(person.associated_at)
        elif code in ("temp_password_expired", "temp_password_expires_soon"):
            assert person.issued is not None
            found = self.issued(person.issued)[1]
        else:
            # Any other warning (e.g. one the reading adds for a row): its message filled with its parameters by
            # name (`WARNING_PARAMETERS`), an ISO date in the call's words, so a new code needs no branch here.
            values = {
                name: self.text(value) if isinstance(value, str) and _ISO_START.match(value) else value
                for name, value in zip(WARNING_PARAMETERS.get(code, ()), warning[1:], strict=False)
            }
            found = {"code": code, "message": self._(WARNING_MESSAGES[code], **values)}
        assert found is not None
        return dict(found)

    def person(
        self, row: int, name: str | None, email: str | None, facts: dict[str, Any], extra: dict[str, str]
    ) -> Person:
        """One employee's status from the facts read (`_read_row`): warnings, status, open steps, actions."""
        issued, signed_in = facts["temp_password_issued_on"], facts["signed_in"]
        associated_at = facts["exams_associated_at"]
        row_dates, row_dates_text, due = self.dated(tuple(map(facts.__getitem__, _ANSWER_FACTS)))
        warnings: list[list[Any]] = []
        status: str | None = None
        needs_action = False
        if issued is not None:
            issue_status, warning = self.issued(issued)
            if not signed_in:
                status = issue_status
                if warning is not None:
                    warnings.append(self.issued_codes[issued])
                    needs_action = True
        elif not signed_in:
            warnings.append(_DATE_UNKNOWN_CODE)
            needs_action = True
        pending = associated_at is not None and self.exams(associated_at) is not None
        if pending:
            visible = row_dates["competency_progress_visible"]
            warnings.append(["progress_pending", associated_at.isoformat(timespec="minutes"), visible])
        if email is not None and incomplete_address(email):
            warnings.append(["email_incomplete", email])  # kept (an intranet may use it), and pointed out
        remaining, actions = self.open_steps(facts, due, status == "expired")
        return Person(
            row=row,
            name=name,
            email=email,
            status=status or ("in_progress" if remaining else "done"),
            needs_action=needs_action,
            issued=issued,
            signed_in=signed_in,
            connected=facts["partner_university_connected"],
            associated=facts["exams_associated"],
            associated_at=associated_at,
            pending=pending,
            dates=row_dates,
            dates_text=row_dates_text,
            remaining=remaining,
            actions=actions,
            warnings=warnings,
            extra=extra,
        )

    def open_steps(
        self, facts: dict[str, Any], due: dict[str, tuple[str, str]], expired: bool
    ) -> tuple[list[OpenStep], list[Action]]:
        """The steps no fact proves done (`Step.proved_by`, as `plan.proved` reads it) and the admin's actions:
        an expired temporary password replaces the sign-in steps' actions with one, first."""
        present = {fact for fact, value in facts.items() if value is not None and value is not False}
        remaining: list[OpenStep] = []
        actions: list[Action] = []
        for step_id, proofs, title, link in self.proofs:
            if not present.isdisjoint(proofs):
                continue
            step_due, step_due_text = due.get(step_id, (None, None))
            remaining.append((step_id, title, link, step_due, step_due_text))
            if expired and step_id in REPLACED_WHEN_EXPIRED:
                if not actions or actions[0][0] != "replace_account":
                    actions.insert(0, ("replace_account", step_id, None, None))
                continue
            actions.append((step_id, step_id, step_due, step_due_text))
        return remaining, actions


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
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


Reject = Callable[[int, dict[str, Any], ChecklistError], dict[str, Any]]


def evaluate(
    context: Context,
    rows: Iterable[tuple[int, object]],
    reject: Reject | None = None,
    rejected: Iterable[dict[str, Any]] = (),
) -> Evaluation:
    """The status of each `(row number, employee dict)` pair, most urgent first, with the team's totals.

    Without `reject`, the first invalid row raises (a JSON document is the page's or a program's: all or
    nothing). With it (a CSV file, the admin's), each invalid row is passed to `reject`, whose entry joins
    `rejected`, and the other rows are computed: one bad cell never blocks 200 people (issue 13).
    """
    texts = context._
    refused = list(rejected)
    taken: set[int] = set()
    read = RowReader({}, texts)
    people: list[Person] = []
    for position, data in rows:
        read.row = position
        if not isinstance(data, dict):
            message = texts(N_("Each employee must be a JSON object."))
            raise ChecklistError(f"rows[{position}]", "not_an_object", message, row=position)
        try:
            person = _read_row(context, read, data, position, taken)
        except ChecklistError as error:
            if reject is None:
                raise
            refused.append(reject(position, data, error))
            continue
        taken.add(person.row)
        people.append(person)
        if len(people) > MAX_EMPLOYEES:
            raise too_many(texts, "$")
    _mark_duplicates(people)
    people.sort(key=Person.rank)
    next_due, next_due_text = _next_due(people, context.today.isoformat())
    refused.sort(key=lambda entry: entry["row"])
    return Evaluation(context, people, _totals(people), next_due, next_due_text, refused)


def _read_row(context: Context, read: RowReader, data: dict[str, Any], position: int, taken: set[int]) -> Person:
    """One employee's fields checked (each error names the row and field), then their status."""
    if not data.keys() <= ROW_FIELDS:
        unknown = next(field for field in data if field not in ROW_FIELDS)
        raise read.fail(str(unknown) or '""', "unknown_field", N_("Unknown field."))
    read.data = data
    row = read.row = _identity(read, data, position, taken)
    extra = _extra(read, data)
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
    read.not_after("temp_password_issued_on", issued, context.today)
    read.not_after("exams_associated_at", associated_at, context.latest)
    # The facts the steps' `proved_by` and date rules read, by their field names.
    facts = {
        "temp_password_issued_on": issued,
        "signed_in": signed_in,
        "partner_university_connected": connected,
        "exams_associated": associated,
        "exams_associated_at": associated_at,
    }
    return context.person(row, name, email, facts, extra)


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


def _mark_duplicates(people: list[Person]) -> None:
    """Each person after the first (smallest row) of an address, in any order the rows came, is warned."""
    first: dict[str, int] = {}
    duplicated: set[str] = set()
    for person in people:
        if person.email is not None:
            key = person.email.casefold()
            if key in first:
                first[key] = min(first[key], person.row)
                duplicated.add(key)
            else:
                first[key] = person.row
    if not duplicated:
        return
    for person in people:
        key = person.email.casefold() if person.email is not None else None
        if key in duplicated and first[key] != person.row:
            person.warnings.append(["duplicate_email", first[key]])


def _next_due(people: list[Person], today: str) -> tuple[str | None, str | None]:
    """The team's next deadline from today on (ISO and text), over every open step of every person."""
    next_due: str | None = None
    next_due_text: str | None = None
    for person in people:
        for _, _, _, due, due_text in person.remaining:
            if due is not None and due >= today and (next_due is None or due < next_due):
                next_due, next_due_text = due, due_text
    return next_due, next_due_text


def _totals(people: list[Person]) -> dict[str, int]:
    """The counts the page's filters show, for the whole team (not for what is shown)."""
    counts = dict.fromkeys(STATUSES, 0)
    needing = not_signed_in = pu_missing = exams_missing = pending = 0
    for person in people:
        counts[person.status] += 1
        needing += person.needs_action
        not_signed_in += not person.signed_in
        pu_missing += not person.connected
        exams_missing += not person.associated
        pending += person.pending
    return {
        "employees": len(people),
        "needs_action": needing,
        **counts,
        "not_signed_in": not_signed_in,
        "partner_university_not_connected": pu_missing,
        "exams_not_associated": exams_missing,
        "progress_pending": pending,
    }
