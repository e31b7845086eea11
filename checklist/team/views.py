"""The two ways a decided team is shown: the full status (the CLI, the exports, the reminders) and the page's
compact records. Both render the same `Person` records (`model.py`); neither decides anything.

The compact record (issue 11, "slim team replies") is a list per person in `VIEW_FIELDS` order: ids, ISO dates
and codes, no names, titles, links or messages, which the page holds once. The reply names its fields
(`view_fields`), its flag bits (`flags`) and the status order (`statuses`), so the page reads every field by
name and holds no copy of a Python constant (a test checks the page's modules).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from ..errors import ChecklistError
from ..i18n import N_, Texts
from .fields import MAX_EMPLOYEES, read_options, too_many
from .model import STATUSES, Context, Evaluation, Person, Reject, collector_paused, evaluate, totals_text

__all__ = ["FLAGS", "VIEW_FIELDS", "build_team", "compact", "full", "team"]

# The page's compact employee record: a list in this order. `flags` holds the yes/no facts as bits (`FLAGS`);
# `actions` is [[code, due ISO or null]]; `warnings` is [[code, ...ISO dates or the first row]] with the
# parameters of the message of that code (`model.WARNING_PARAMETERS`).
VIEW_FIELDS: tuple[str, ...] = ("row", "status", "needs_action", "flags", "expires", "actions", "warnings")
FLAGS: dict[str, int] = {"signed_in": 1, "partner_university_connected": 2, "exams_associated": 4}
_SIGNED_IN, _CONNECTED, _ASSOCIATED = FLAGS.values()
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")  # a warning's date parameters (ISO dates or date-times)


def full(context: Context, person: Person) -> dict[str, Any]:
    """A person's whole status, in words: the CLI's JSON, and what the exports and the reminders read."""
    issued, associated_at = person.issued, person.associated_at
    return {
        "row": person.row,
        "name": person.name,
        "email": person.email,
        "status": person.status,
        "status_label": context.labels[person.status],
        "needs_action": person.needs_action,
        "temp_password_issued_on": issued.isoformat() if issued is not None else None,
        "signed_in": person.signed_in,
        "partner_university_connected": person.connected,
        "exams_associated": person.associated,
        "exams_associated_at": associated_at.isoformat(timespec="minutes") if associated_at is not None else None,
        "dates": dict(person.dates),
        "dates_text": dict(person.dates_text),
        "remaining": [
            {"id": step_id, "title": title, "due": due, "due_text": due_text, "link": link}
            for step_id, title, link, due, due_text in person.remaining
        ],
        "actions": [
            {
                "code": code,
                "step": step_id,
                "due": due,
                "due_text": due_text,
                "message": context.replace_account if code == "replace_account" else context.action(step_id, due_text),
            }
            for code, step_id, due, due_text in person.actions
        ],
        "warnings": [context.worded(person, warning) for warning in person.warnings],
        "extra": person.extra,
    }


def compact(person: Person) -> list[Any]:
    """A person's page record, in `VIEW_FIELDS` order."""
    flags = (_SIGNED_IN if person.signed_in else 0) | (_CONNECTED if person.connected else 0)
    flags |= _ASSOCIATED if person.associated else 0
    actions = [[code, due] for code, _, due, _ in person.actions]
    return [person.row, person.status, int(person.needs_action), flags, person.expires, actions, person.warnings]


def _view_dates(context: Context, people: list[Person]) -> dict[str, str]:
    """The display text of every ISO date in the compact records, once per date (a team shares few dates)."""
    found: set[str] = set()
    for person in people:
        if person.expires is not None:
            found.add(person.expires)
        found.update(due for _, _, due, _ in person.actions if due is not None)
        for warning in person.warnings:
            # Only the dates: a warning's other text (an address, a cell) is shown as it is.
            found.update(value for value in warning[1:] if isinstance(value, str) and _ISO.match(value))
    return {value: context.text(value) for value in sorted(found)}


def render(decided: Evaluation, *, view: bool) -> dict[str, Any]:
    """The reply for a decided team: the full status, or (`view`) the page's compact records and their keys."""
    context = decided.context
    now = context.now
    if view:
        employees: list[Any] = [compact(person) for person in decided.people]
    else:
        employees = [full(context, person) for person in decided.people]
    result: dict[str, Any] = {
        "language": context.language,
        "today": context.today.isoformat(),
        "now": now.isoformat(timespec="minutes") if now is not None else None,
        "employees": employees,
        "totals": decided.totals,
        "totals_text": totals_text(context._, decided.totals),
        "next_due": decided.next_due,
        "next_due_text": decided.next_due_text,
        "columns": {},
        "ignored_columns": [],
        "dropped_columns": [],
        "missing_columns": [],
        "notices": [],
        "extra_columns": [],
        # Rows not imported (a CSV file's rows): {row, column (the file's header), value, code, expected, message}.
        "rejected": decided.rejected,
        "source": {"format": "json"},
    }
    if view:
        result["view_fields"] = list(VIEW_FIELDS)
        result["dates_text"] = _view_dates(context, decided.people)
        result["flags"] = dict(FLAGS)
        result["statuses"] = list(STATUSES)
    return result


@collector_paused()
def build_team(
    texts: Texts,
    language: str,
    today: dt.date,
    now: dt.datetime | None,
    rows: Iterable[tuple[int, object]],
    reject: Reject | None = None,
    *,
    view: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    """The team status for `(row number, employee dict)` pairs; `extra` adds keys (the CSV reader's columns),
    its `rejected` joining the rows `reject` refuses (see `model.evaluate`).

    With `view`, each employee is the page's compact record (`VIEW_FIELDS`), and `dates_text` maps every ISO
    date of the records to its display text: a 1,000-person reply is about 15 times smaller (issue 11).
    """
    decided = evaluate(Context(texts, language, today, now), rows, reject, extra.pop("rejected", []))
    result = render(decided, view=view)
    result.update(extra)
    return result


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
