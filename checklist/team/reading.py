"""Reading the admin's file: text (`decoding`), delimiter, header (`headers`), then each row's cells.

- The delimiter (comma, semicolon as a French Excel writes, tab) is taken from the header line.
- Unknown columns are kept as the admin's own; a password column is dropped on read (`headers`).
- Row numbers are those of the spreadsheet: the header is row 1, so the first employee is row 2.
- Rows with a cell that cannot be read are listed in `rejected` (every one of them) and the others are read.
- Size: at most `MAX_BYTES` (checked before anything is decoded), `MAX_COLUMNS` columns and `MAX_EMPLOYEES`
  rows. Each column is looked up in dicts and sets, never in a list, so reading is linear in the file's cells.
- A column of the admin's whose cells look like generated passwords is dropped as well (`secret_cells`).
- What the admin is told: `notices` (one sentence each), and `summary` for the page's import summary: the
  columns dropped and why, the rejected rows grouped by problem (`rejections.group`), the dates read from a
  two-digit year or an Excel date number, and the addresses that look incomplete ("eve@contoso").
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from ..errors import ChecklistError
from ..i18n import LANGUAGES, N_, Texts
from .cells import exams_cell, incomplete_address, join_name, restore, yes_no
from .date_cells import (
    DATE_ROLES,
    DayRead,
    WeekdayMismatchError,
    decide_order,
    evidence,
    expected_date,
    order_name,
    read_cell,
    weekday_error,
)
from .decoding import decode, not_text
from .fields import MAX_EMPLOYEES, cell_error, too_many
from .headers import COMPUTED_LABELS, REQUIRED_DATE, check_width, map_columns, normal_header, roles
from .rejections import misfit, rejection, rows_rejected_notice
from .secret_cells import password_like_columns
from .summary import file_notices

__all__ = ["TeamCsv", "read_team_csv"]

_FLAGS = frozenset({"signed_in", "partner_university_connected"})
_DATE_ROLE_SET = frozenset(DATE_ROLES)


@dataclass
class TeamCsv:
    """A read CSV file: employee rows (spreadsheet row number, fields) and what was done with each column."""

    rows: list[tuple[int, dict[str, Any]]]
    columns: dict[str, str] = field(default_factory=dict)  # column role -> header as written in the file
    ignored_columns: list[str] = field(default_factory=list)
    dropped_columns: list[str] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)
    notices: list[dict[str, str]] = field(default_factory=list)
    # Rows not imported, as {row, column, value, code, message}: `value` is never a cell of the file (a row that
    # does not fit cannot say which of its cells is the password), `column` is None when the whole row is meant.
    rejected: list[dict[str, Any]] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)  # the admin's own columns, kept ("Department")
    date_order: str | None = None  # "dmy", "mdy" or "ymd" when the file has dates written with slashes
    date_order_source: str | None = None  # "file" (a 25/12 proved it) or "chosen" (the caller said)
    # The date cells as written, by (spreadsheet row, column role): a date refused later is shown as written.
    written: dict[tuple[int, str], str] = field(default_factory=dict)
    encoding: str = "utf-8"
    delimiter: str = ","
    # Why each dropped column was dropped: {column, reason: "header" (it names a secret) or "cells" (they look
    # like generated passwords)}, in `dropped_columns` order.
    dropped: list[dict[str, str]] = field(default_factory=list)
    # Dates read from a form the admin may not expect, by form ("short_year", "serial"): [(cell, ISO), ...].
    date_forms: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def delimiter(first_line: str) -> str:
    """The delimiter under which the header line has the most known headers (comma on a tie)."""
    known = roles()
    best, score = ",", -1
    for candidate in (",", ";", "\t"):
        try:
            cells = next(csv.reader([first_line], delimiter=candidate), [])
        except csv.Error:  # a cell over the csv module's size limit: reported when the file is read
            continue
        found = sum(1 for cell in cells if normal_header(cell) in known)
        if found > score:
            best, score = candidate, found
    return best


class _Rows:
    """One pass over the rows under a header: the cells each column role reads, and what the dates prove."""

    def __init__(self, table: TeamCsv, header: list[str], texts: Texts) -> None:
        self.table, self.texts = table, texts
        index = map_columns(header, table, texts)
        self.names = sorted(index.pop(k) for k in ("first_name", "last_name") if k in index)
        self.row_position = index.pop("row", None)
        self.extras = [(table.extra_columns[int(k[6:])], index.pop(k)) for k in list(index) if k.startswith("extra:")]
        self.index = index
        self.fields = list(index.items())
        self.width = len(header)
        self.blank = {p for p, cell in enumerate(header) if not normal_header(cell)}
        self.unnamed: set[int] = set()  # blank-headed columns with a cell somewhere: ignored, and said
        self.flags: dict[str, bool] = {}  # cell text -> yes/no, for this file: the same few words on every row
        self.seen: set[str] = set()  # what the date cells prove about the day/month order (`evidence`)
        self.example: str | None = None  # the first date that reads both ways, for the question
        self.ids: list[tuple[int, str]] = []  # the "Row" column's cells, by spreadsheet row

    def read(self, reader: Any) -> None:
        rows = self.table.rows
        for number, cells in enumerate(reader, start=2):
            if not "".join(cells).strip():
                continue  # an empty line: nothing to lose
            size = len(cells)
            if size != self.width:  # a cell missing or a delimiter not quoted: every later cell would be shifted
                self.table.rejected.append(misfit(self.texts, number, size, self.width))
                continue
            if len(rows) >= MAX_EMPLOYEES:
                raise too_many(self.texts, "$")
            if self.blank:
                self.unnamed.update(p for p in self.blank if cells[p].strip())
            try:
                row = self.cells(number, cells)
            except ChecklistError as error:
                column = self.table.columns[error.column or ""]
                cell = cells[self.index[error.column or ""]].strip()
                entry = rejection(self.texts, number, column, cell, error.code, error.message, self.who(cells))
                self.table.rejected.append(entry)
                continue
            rows.append((number, row))

    def who(self, cells: list[str]) -> str | None:
        """The person a refused row is about, for the admin to find it: the name, else the e-mail address."""
        for role in ("name", "email"):
            if role in self.index:
                value = restore(cells[self.index[role]]).strip()
                if value:
                    return value
        name = join_name([restore(cells[p]).strip() for p in self.names])
        return name or None

    def cells(self, number: int, cells: list[str]) -> dict[str, Any]:
        """One row's fields; date cells are kept as written and read once the file's order is known."""
        row: dict[str, Any] = {}
        for role, position in self.fields:
            value = cells[position]
            if value[:1] == "'":
                value = restore(value)
            value = value.strip()
            if not value:
                continue
            if role in _FLAGS:
                found = self.flags.get(value)
                if found is None:
                    found = self.flags[value] = yes_no(value, self.texts, number, role)
                row[role] = found
            elif role in _DATE_ROLE_SET:
                kind = evidence(value)
                if kind is not None:
                    self.seen.add(kind)
                    if kind == "?" and self.example is None:
                        self.example = value
                self.table.written[number, role] = value
                row[role] = value
            else:
                row[role] = value
        if self.names:
            name = join_name([restore(cells[p]).strip() for p in self.names])
            if name:
                row["name"] = name
        if self.extras:
            kept = {label: restore(cells[p]).strip() for label, p in self.extras}
            row["extra"] = {label: value for label, value in kept.items() if value}
        if self.row_position is not None:
            self.ids.append((number, cells[self.row_position].strip()))
        return row


def read_team_csv(
    data: str | bytes | bytearray | memoryview,
    *,
    language: str = "en",
    encoding: str | None = None,
    date_order: str | None = None,
) -> TeamCsv:
    """Read a team CSV (text, or the file's bytes) into employee rows for the team model.

    Dates written with the year last are read in `date_order`, else in the order the file proves (a day above
    12 anywhere); when it proves nothing, a ``date_order_needed`` error asks for the order.
    """
    texts = Texts(language if language in LANGUAGES else "en")
    text, used = decode(data, texts, encoding)
    if not text.strip():
        raise ChecklistError("$", "empty_file", texts(N_("The file is empty.")))
    first_line = text.split("\n", 1)[0]
    if "\x00" in first_line:
        raise not_text(texts)
    table = TeamCsv(rows=[], encoding=used, delimiter=delimiter(first_line))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=table.delimiter)
    try:
        header = next(reader, [])
        check_width(header, texts)
        rows = _Rows(table, header, texts)
        rows.read(reader)
    except csv.Error:
        message = N_("The file could not be read as CSV near line {line}: a cell is too long or badly quoted.")
        raise ChecklistError("$", "invalid_csv", texts(message, line=reader.line_num)) from None
    _drop_password_cells(table)
    table.date_order, table.date_order_source = decide_order(texts, date_order, rows.seen, rows.example)
    _read_dates(table, texts)
    if rows.ids:
        _read_ids(table, rows.ids, texts)
    table.ignored_columns += [f"#{position + 1}" for position in sorted(rows.unnamed)]
    _notices(table, texts)
    return table


def _drop_password_cells(table: TeamCsv) -> None:
    """The admin's own columns whose cells look like generated passwords: dropped from every row, and said."""
    if not table.extra_columns:
        return
    cells: dict[str, list[str]] = {label: [] for label in table.extra_columns}
    for _, row in table.rows:
        for label, value in row.get("extra", {}).items():
            cells[label].append(value)
    found = password_like_columns(cells)
    if not found:
        return
    gone = set(found)
    for _, row in table.rows:
        extra = row.get("extra")
        if extra:
            for label in gone & extra.keys():
                del extra[label]
    table.extra_columns = [label for label in table.extra_columns if label not in gone]
    table.dropped_columns += found
    table.dropped += [{"column": label, "reason": "cells"} for label in found]


def incomplete_addresses(table: TeamCsv, refused: set[int]) -> list[dict[str, Any]]:
    """The rows kept whose e-mail address has no dot after the @ ("eve@contoso"): kept, and pointed out."""
    found = []
    for number, row in table.rows:
        email = row.get("email")
        if number not in refused and isinstance(email, str) and incomplete_address(email):
            found.append({"row": row.get("row", number), "line": number, "email": email})
    return found


def _read_dates(table: TeamCsv, texts: Texts) -> None:
    """The date cells of every row, now that the order is known; a row with a date that is not one is refused."""
    order = table.date_order
    kept = []
    for number, row in table.rows:
        raw = {role: row.pop(role) for role in DATE_ROLES if role in row}
        try:
            for role, value in raw.items():
                if role == REQUIRED_DATE:
                    day = _issued(texts, number, value, order)
                    row[role] = day.iso.split("T", 1)[0]
                else:
                    day = exams_cell(row, value, texts, number, role, order)
                if day is not None and day.form in ("short_year", "serial"):
                    table.date_forms.setdefault(day.form, []).append((value, day.iso))
        except ChecklistError as error:
            role = error.column or ""
            column = table.columns[role]
            who = row.get("name") or row.get("email")
            written = table.written.get((number, role))
            table.rejected.append(rejection(texts, number, column, written, error.code, error.message, who))
            continue
        kept.append((number, row))
    table.rows = kept


def _issued(texts: Texts, number: int, value: str, order: str | None) -> DayRead:
    """The issue date of one row, or the error naming what to write (or the two weekdays that differ)."""
    try:
        day = read_cell(value, order)
    except WeekdayMismatchError as mismatch:
        message = weekday_error(texts, mismatch)
        field_name = f"rows[{number}].{REQUIRED_DATE}"
        raise ChecklistError(field_name, "weekday_mismatch", message, row=number, column=REQUIRED_DATE) from None
    if day is None:
        raise cell_error(texts, number, REQUIRED_DATE, expected_date(texts, order, False))
    return day


def _read_ids(table: TeamCsv, ids: list[tuple[int, str]], texts: Texts) -> None:
    """The "Row" column of our own export: each person keeps the row of the admin's first file (identity),
    so a re-sorted or re-imported export gives the same rows. Used only when every cell is a distinct whole
    number (or empty: a person added to the export gets a new number after the largest)."""
    values = {number: cell for number, cell in ids}
    numbers = [int(cell) for cell in values.values() if cell.isdigit() and int(cell) > 0]
    filled = [cell for cell in values.values() if cell]
    if len(numbers) != len(filled) or len(set(numbers)) != len(numbers):
        message = N_(
            "The “{column}” column does not hold one distinct row number per person: rows are numbered as in this file."
        )
        label = texts(COMPUTED_LABELS[0])
        table.notices.append({"code": "row_column_ignored", "message": texts(message, column=label)})
        return
    following = max(numbers, default=1)
    for number, row in table.rows:
        cell = values.get(number, "")
        if cell:
            row["row"] = int(cell)
        else:
            following += 1
            row["row"] = following


def _notices(table: TeamCsv, texts: Texts) -> None:
    """What the admin is told about the file as a whole (the rows refused come first)."""
    if table.rejected:
        table.rejected.sort(key=lambda entry: entry["row"])
        table.notices.insert(0, rows_rejected_notice(texts, table.rejected))
    if table.date_order is not None:
        message = N_("Dates in the file were read {order}.")
        table.notices.append(
            {"code": "date_order", "message": texts(message, order=order_name(texts, table.date_order))}
        )
    table.notices += file_notices(texts, table)
