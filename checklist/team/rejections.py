"""The rows not imported, in the admin's words: one entry per row (row number, the file's header, the cell as
written, what to write) and the notice above the list. Kept apart so that grouping them by problem (issue 22)
changes this module only; the page and the CLI print each entry's `message` as it is.
"""

from __future__ import annotations

from typing import Any

from ..i18n import N_, NP_, Texts

__all__ = ["misfit", "rejection", "rows_rejected_notice"]

_REJECTED_SHOWN = 20  # row numbers listed in the notice; `rejected` has them all


def rejection(texts: Texts, row: int, column: str, value: str | None, code: str, expected: str) -> dict[str, Any]:
    """One refused row, in the admin's words: their row number, their column header, their cell, what to write.

    `message` is the whole line, punctuated the way the reader's language does it (the catalogs' separators):
    the page lists it and the CLI prints it as is, so both say the same words."""
    if value is None:
        message = texts(N_("Row {row}, column “{column}”: {expected}"), row=row, column=column, expected=expected)
    else:
        message = texts(
            N_("Row {row}, column “{column}”: “{value}” — {expected}"),
            row=row,
            column=column,
            value=value,
            expected=expected,
        )
    return {"row": row, "column": column, "value": value, "code": code, "expected": expected, "message": message}


def misfit(texts: Texts, row: int, size: int, width: int) -> dict[str, Any]:
    """A row with more or fewer cells than the header: refused whole rather than read shifted, which would
    put a password in the e-mail column (issue 16). Named by its spreadsheet row; none of its cells is kept."""
    message = N_("Row {row} has {size} cells and the header has {width}: the row was not imported. {expected}")
    expected = texts(N_("As many cells as the header: put a cell holding a separator in quotes."))
    return {
        "row": row,
        "column": None,
        "value": None,
        "code": "row_width",
        "expected": expected,
        "message": texts(message, row=row, size=size, width=width, expected=expected),
    }


def rows_rejected_notice(texts: Texts, rejected: list[dict[str, Any]]) -> dict[str, str]:
    """The one-line notice above the list of refused rows (the list itself has every row and cell)."""
    rows = sorted({entry["row"] for entry in rejected})
    shown = [str(row) for row in rows[:_REJECTED_SHOWN]] + (["…"] if len(rows) > _REJECTED_SHOWN else [])
    message = texts.plural(
        NP_(
            "{count} row not imported ({rows}): correct it in your file and import it again. "
            "The other rows were imported.",
            "{count} rows not imported ({rows}): correct them in your file and import it again. "
            "The other rows were imported.",
        ),
        len(rows),
        count=len(rows),
        rows=", ".join(shown),
    )
    return {"code": "rows_rejected", "message": message}
