"""Writing the team out: the template and the status table, as CSV a spreadsheet opens and this package reads
back (the "Row" column keeps each person's identity; the computed columns are ignored on reading). A cell a
spreadsheet would run as a formula is written with a leading apostrophe (`cells.neutralise`).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..i18n import LANGUAGES, N_, Texts
from .cells import neutralise
from .headers import COLUMN_LABELS, COMPUTED_LABELS

__all__ = ["MAIL_MERGE_LABELS", "mail_merge_csv", "team_template_csv", "team_to_csv"]

# The mail-merge file's columns (Outlook and Word name their merge fields after these headers).
MAIL_MERGE_LABELS: tuple[str, ...] = (N_("E-mail"), N_("Name"), N_("Subject"), N_("Message"), N_("Personal link"))


def _csv_text(rows: list[list[str]], bom: bool, quoting: int = csv.QUOTE_MINIMAL) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=quoting)
    writer.writerows([[neutralise(cell) for cell in row] for row in rows])
    return ("\ufeff" if bom else "") + out.getvalue()


def team_template_csv(language: str = "en", *, bom: bool = True) -> str:
    """The header line of the team template, in `language` (a UTF-8 BOM first, so that Excel reads it right)."""
    _ = Texts(language if language in LANGUAGES else "en")
    return _csv_text([[_(label) for _role, label in COLUMN_LABELS]], bom)


def team_to_csv(result: dict[str, Any], *, bom: bool = True) -> str:
    """The team status as the admin's table (CSV text, headers in the result's language), formulas neutralised.

    People are in the order of the admin's file (`row`), and the admin's own columns follow ours, so the file
    imports back to the same table: the "Row" column keeps each person's identity, the computed columns
    (status, dates, steps, warnings) are ignored on reading.
    """
    _ = Texts(result["language"])
    yes, no = _(N_("yes")), _(N_("no"))
    extra_columns = list(result.get("extra_columns") or [])
    rows = [[_(label) for label in COMPUTED_LABELS[:1]] + [_(label) for _role, label in COLUMN_LABELS]]
    rows[0] += [_(label) for label in COMPUTED_LABELS[1:]] + extra_columns
    for employee in sorted(result["employees"], key=lambda e: e["row"]):
        associated_at = employee["exams_associated_at"]
        visible = employee["dates"]["competency_progress_visible"]
        actions = employee.get("actions")
        steps = [a["message"] for a in actions] if actions is not None else [s["title"] for s in employee["remaining"]]
        own = employee.get("extra") or {}
        rows.append(
            [
                str(employee["row"]),
                employee["name"] or "",
                employee["email"] or "",
                employee["temp_password_issued_on"] or "",
                yes if employee["signed_in"] else no,
                yes if employee["partner_university_connected"] else no,
                associated_at.replace("T", " ") if associated_at else (yes if employee["exams_associated"] else no),
                employee["status_label"],
                employee["dates"]["temp_password_expires"] or "",
                visible.replace("T", " ") if visible else "",
                "; ".join(steps),
                " ".join(warning["message"] for warning in employee["warnings"]),
                *(own.get(column, "") for column in extra_columns),
            ]
        )
    return _csv_text(rows, bom)


def mail_merge_csv(written: dict[str, Any], language: str, *, bom: bool = True) -> str:
    """One message per person (`reminders.reminder`'s `messages`) as a mail-merge data file: e-mail, name,
    subject, body and personal link, headers in `language`.

    What Outlook and Word read: UTF-8 with a BOM (else Word guesses the code page and breaks accents and
    Chinese), CRLF between records and inside a body (a merged message keeps its lines), every field quoted
    (RFC 4180: a body holds commas, quotes and line breaks), and no cell a spreadsheet would run as a formula.
    """
    _ = Texts(language if language in LANGUAGES else "en")
    rows = [[_(label) for label in MAIL_MERGE_LABELS]]
    for message in written["messages"]:
        body = message["body"].replace("\r\n", "\n").replace("\n", "\r\n")
        rows.append([message["email"], message["name"], message["subject"], body, message["link"]])
    return _csv_text(rows, bom, csv.QUOTE_ALL)
