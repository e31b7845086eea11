"""The team document's shape: its own fields, each employee's fields, and the size limit.

The lowest module of the package: the file reader, the header words, the rules and the views all name these
fields, so they live below all of them (no import circles).
"""

from __future__ import annotations

import datetime as dt

from ..answers import open_document
from ..errors import ChecklistError
from ..i18n import N_, Texts

__all__ = ["EMPLOYEE_FIELDS", "IDENTITY_FIELDS", "MAX_EMPLOYEES", "ROW_FIELDS", "TEAM_FIELDS"]
__all__ += ["cell_error", "read_options", "too_many"]

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
ROW_FIELDS = frozenset(EMPLOYEE_FIELDS) | frozenset(IDENTITY_FIELDS)


def read_options(data: object) -> tuple[Texts, str, dt.date, dt.datetime | None]:
    """Check the team document's own fields (`language`, `today`/`now`) and return them with one `Texts`."""
    read, language = open_document(data, TEAM_FIELDS)
    today, now = read.moment()
    return read.texts, language, today, now


def too_many(texts: Texts, field: str) -> ChecklistError:
    """The error for a team over `MAX_EMPLOYEES`, whichever reader (JSON, CSV) meets it first."""
    message = texts(
        N_("Too many employees: the limit is {limit}. Split the list into several files."), limit=MAX_EMPLOYEES
    )
    return ChecklistError(field, "too_many_rows", message)


def cell_error(texts: Texts, row: int, column: str, message: str) -> ChecklistError:
    """A cell that cannot be read, named by its spreadsheet row and column role (the row is then refused)."""
    return ChecklistError(f"rows[{row}].{column}", "invalid_value", texts(message), row=row, column=column)
