"""Reading and writing one cell of the admin's file: yes/no words, an exams cell, names, formula guards.

A cell that a spreadsheet would run as a formula (starting with ``= + - @``, tab or carriage return) is written
with a leading apostrophe (`neutralise`), which spreadsheets show as text, and the reader removes it (`restore`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..errors import ChecklistError
from ..i18n import LANGUAGES, N_, Texts
from .date_cells import DayRead, WeekdayMismatchError, expected_date, looks_like_date, read_cell, weekday_error
from .fields import cell_error
from .headers import normal_header

__all__ = ["FORMULA_STARTS", "NO", "YES", "answers", "exams_cell", "incomplete_address", "join_name", "neutralise"]
__all__ += ["restore", "yes_no"]

# Cell values read as yes / no (after normalising); the catalogs' "yes" and "no" in every language are added.
# fmt: off
YES: tuple[str, ...] = (
    "yes", "y", "true", "1", "x", "ok", "done", "oui", "o", "vrai", "fait", "是", "已", "有", "已完成",
)
NO: tuple[str, ...] = ("no", "n", "false", "0", "non", "faux", "否", "未", "無", "沒有", "未完成")
# fmt: on
_SYMBOLS = {"✓": True, "✔": True, "☑": True, "☒": False, "✗": False, "-": False, "–": False, "—": False}
_FLAG_MESSAGE = N_("Write yes or no, or leave the cell empty.")

# Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection"), full-width too.
FORMULA_STARTS = "=+-@\t\r＝＋－＠"


@cache
def answers() -> dict[str, bool]:
    """Normalised cell → yes/no, including the catalogs' words in every language (built once)."""
    found = {normal_header(word): True for word in YES}
    found.update({normal_header(word): False for word in NO})
    for language in LANGUAGES:
        _ = Texts(language)
        found.setdefault(normal_header(_(N_("yes"))), True)
        found.setdefault(normal_header(_(N_("no"))), False)
    return found


def _flag_word(value: str) -> bool | None:
    found = _SYMBOLS.get(value)
    return answers().get(normal_header(value)) if found is None else found


def yes_no(value: str, texts: Texts, row: int, column: str) -> bool:
    """A yes/no cell; a date there (a "Last sign-in" column) means yes."""
    found = _flag_word(value)
    if found is None and looks_like_date(value):
        found = True
    if found is None:
        raise cell_error(texts, row, column, _FLAG_MESSAGE)
    return found


def exams_cell(
    row: dict[str, Any], value: str, texts: Texts, number: int, role: str, order: str | None
) -> DayRead | None:
    """An exams cell: yes / no, or the date and time they were associated (which also means yes); the date read
    (its form for the import summary), None for yes / no."""
    try:
        moment = read_cell(value, order)
    except WeekdayMismatchError as mismatch:
        message = weekday_error(texts, mismatch)
        raise ChecklistError(f"rows[{number}].{role}", "weekday_mismatch", message, row=number, column=role) from None
    if moment is not None and "T" in moment.iso:
        row["exams_associated_at"] = moment.iso
        row["exams_associated"] = True
        return moment
    found = _flag_word(value)
    if found is None:  # a date without a time too: the 24-hour rule needs the time, so ask for it
        raise cell_error(texts, number, role, expected_date(texts, order, True))
    row["exams_associated"] = row.get("exams_associated", False) or found
    return None


def incomplete_address(email: str) -> bool:
    """An address that looks incomplete: no dot in its domain ("eve@contoso"). Kept (an intranet may use such
    addresses), and pointed out: most often the ".com" was lost."""
    _, at, domain = email.rpartition("@")
    return bool(at) and "." not in domain.strip(".")


def join_name(parts: list[str]) -> str:
    """First and last names in the file's order; no space between two Chinese (non-Latin) parts: 王小明."""
    parts = [part for part in parts if part]
    if len(parts) == 2 and not any(ch.isascii() and ch.isalpha() for ch in "".join(parts)):
        return "".join(parts) if all(_cjk(part) for part in parts) else " ".join(parts)
    return " ".join(parts)


def _cjk(text: str) -> bool:
    return all("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000" for ch in text)


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as the same text and never runs as a formula (reversed by `restore`)."""
    if cell and (cell[0] in FORMULA_STARTS or cell[0] == "'"):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """Undo `neutralise`: drop the apostrophe put before a formula character (or before an apostrophe)."""
    if len(cell) > 1 and cell[0] == "'" and (cell[1] in FORMULA_STARTS or cell[1] == "'"):
        return cell[1:]
    return cell
