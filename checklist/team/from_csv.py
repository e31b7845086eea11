"""The team status of the admin's CSV file: the file read (`reading`), then the same rules as a JSON team
(`views.build_team`), with what the file said about itself (columns, notices, rows refused, date order)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import ChecklistError
from ..i18n import Texts
from .fields import read_options
from .headers import COMPUTED_LABELS
from .reading import TeamCsv, incomplete_addresses, read_team_csv
from .rejections import group, rejection, rows_rejected_notice
from .summary import address_notice
from .views import build_team

__all__ = ["team_from_csv"]


def team_from_csv(
    data: str | bytes | bytearray | memoryview,
    *,
    language: str = "en",
    today: str | dt.date | None = None,
    now: str | dt.datetime | None = None,
    encoding: str | None = None,
    date_order: str | None = None,
    view: bool = False,
) -> dict[str, Any]:
    """The team status for a CSV file (its text or bytes): same output as `team`, plus what the columns held.

    A partial import: rows that cannot be read, or whose facts the engine refuses (a date in the future, an
    e-mail address that is not one), are in `rejected` with the file's own column header and cell; the others
    are computed.
    """
    options: dict[str, Any] = {"language": language}
    if today is not None:
        options["today"] = today.isoformat() if isinstance(today, dt.date) else today
    if now is not None:
        options["now"] = now.isoformat(timespec="minutes") if isinstance(now, dt.datetime) else now
    texts, language, today_date, now_time = read_options(options)
    table = read_team_csv(data, language=language, encoding=encoding, date_order=date_order)
    before = len(table.rejected)

    def reject(number: int, row: dict[str, Any], error: ChecklistError) -> dict[str, Any]:
        return _refused(texts, table, number, row, error)

    result = build_team(
        texts,
        language,
        today_date,
        now_time,
        table.rows,
        reject,
        view=view,
        columns=table.columns,
        ignored_columns=table.ignored_columns,
        dropped_columns=table.dropped_columns,
        missing_columns=table.missing_columns,
        notices=table.notices,
        extra_columns=table.extra_columns,
        rejected=table.rejected,
        source={"format": "csv", "encoding": table.encoding, "delimiter": table.delimiter},
        date_order=table.date_order,
        date_order_source=table.date_order_source,
    )
    if len(result["rejected"]) != before:  # rows the engine refused: the notice counts them too
        notices = [notice for notice in result["notices"] if notice["code"] != "rows_rejected"]
        result["notices"] = [rows_rejected_notice(texts, result["rejected"]), *notices]
    addresses = incomplete_addresses(table, {entry["row"] for entry in result["rejected"]})
    if addresses:
        result["notices"] = [*result["notices"], address_notice(texts, addresses)]
    result["summary"] = {
        "dropped": table.dropped,
        "rejected_groups": group(texts, result["rejected"]),
        "incomplete_addresses": addresses,
        "date_forms": {form: len(read) for form, read in table.date_forms.items()},
    }
    return result


def _refused(texts: Texts, table: TeamCsv, number: int, row: dict[str, Any], error: ChecklistError) -> dict[str, Any]:
    """A row the rules refused, named in the file's words: its header for the field, its cell as written."""
    role = error.column or "email"
    if role == "email" and "email" not in table.columns:
        role = "name"
    if role == "exams_associated_at" and role not in table.columns:
        role = "exams_associated"
    if role == "row":
        column, value = texts(COMPUTED_LABELS[0]), str(row.get("row"))
    else:
        column = table.columns.get(role, role)
        value = table.written.get((number, role), row.get(role))
    who = row.get("name") or row.get("email")
    shown = value if isinstance(value, str) else None
    return rejection(texts, number, column, shown, error.code, error.message, who if isinstance(who, str) else None)
