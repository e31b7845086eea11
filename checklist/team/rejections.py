"""The rows not imported, in the admin's words: one entry per row (row number, the person, the file's header,
the cell as written, what to write), the notice above the list, and the entries grouped by problem (issue 22):
"51 rows: the weekday written in “Créé le” does not match the date", each group with its rows (number and
name, or address) and one fix, so that the admin corrects a kind of mistake once instead of reading 51 lines.
The CLI prints each entry's `message` as it is; the page shows the groups.
"""

from __future__ import annotations

from typing import Any

from ..i18n import N_, NP_, Texts

__all__ = ["group", "misfit", "rejection", "rows_rejected_notice"]

_REJECTED_SHOWN = 20  # row numbers listed in the notice; `rejected` has them all
# What went wrong, by error code, for a group's title ("51 rows: …"); `{column}` is the file's header.
_PROBLEMS: dict[str, str] = {
    "weekday_mismatch": N_("the weekday written in “{column}” does not match the date"),
    "invalid_value": N_("“{column}” cannot be read"),
    "row_width": N_("more or fewer cells than the header"),
    "impossible_date": N_("a date in “{column}” that does not exist"),
    "in_future": N_("a date in “{column}” that is later than today"),
    "out_of_range": N_("a date in “{column}” too far in the past or the future"),
    "invalid_email": N_("“{column}” is not an e-mail address"),
    "required": N_("no name and no e-mail address"),
}
_OTHER_PROBLEM = N_("a problem in “{column}”")
_TITLE = NP_("{count} row: {problem}.", "{count} rows: {problem}.")
# One fix per group when the entries' own advice is not one sentence for all of them.
_FIXES: dict[str, str] = {
    "weekday_mismatch": N_(
        "Check these dates against a calendar: correct the day or the weekday, or write the date without its weekday."
    ),
    "impossible_date": N_("Correct the day: the month does not have it (31 June, 29 February in a common year)."),
}
_EACH = N_("Correct each cell as its row says.")


def rejection(
    texts: Texts, row: int, column: str, value: str | None, code: str, expected: str, who: str | None = None
) -> dict[str, Any]:
    """One refused row, in the admin's words: their row number, the person (name, else address: `who`), their
    column header, their cell, what to write.

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
    entry = {"row": row, "column": column, "value": value, "code": code, "expected": expected, "message": message}
    entry["who"] = who
    return entry


def misfit(texts: Texts, row: int, size: int, width: int) -> dict[str, Any]:
    """A row with more or fewer cells than the header: refused whole rather than read shifted, which would
    put a password in the e-mail column (issue 16). Named by its spreadsheet row; none of its cells is kept, not
    even as the person's name (`who`): they may be shifted."""
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


def group(texts: Texts, rejected: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The refused rows grouped by problem (error code and column), largest group first: each with its title
    ("51 rows: …"), one fix, and its rows as {row, who, text} in row order (`text`: the row's line on the page,
    "Row 12, Marie Dupont: “lundi 8 novembre 2026”")."""
    groups: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    for entry in sorted(rejected, key=lambda e: e["row"]):
        groups.setdefault((entry["code"], entry.get("column")), []).append(entry)
    found = []
    for (code, column), entries in groups.items():
        problem = texts(_PROBLEMS.get(code, _OTHER_PROBLEM), column=column or "")
        title = texts.plural(_TITLE, len(entries), count=len(entries), problem=problem)
        advice = {entry["expected"] for entry in entries}
        shared = code not in _FIXES and len(advice) == 1  # the group's fix is every row's own advice
        fix = advice.pop() if shared else texts(_FIXES.get(code, _EACH))
        # Else each row keeps its own words ("3 November 2026 is a Tuesday, not a Monday"), which the fix points to.
        rows = [
            {"row": entry["row"], "who": entry.get("who"), "text": _row_text(texts, entry, with_advice=not shared)}
            for entry in entries
        ]
        found.append({"code": code, "column": column, "count": len(entries), "title": title, "fix": fix, "rows": rows})
    found.sort(key=lambda g: -g["count"])  # stable: groups of the same size stay in the order of their first row
    return found


def _row_text(texts: Texts, entry: dict[str, Any], with_advice: bool = False) -> str:
    """A refused row's line in its group: its number, the person when known, the cell as written when known, and
    what that row needs (`with_advice`) when the group's fix is not the same words for every row."""
    line = _row_line(texts, entry)
    return texts(N_("{line} — {expected}"), line=line, expected=entry["expected"]) if with_advice else line


def _row_line(texts: Texts, entry: dict[str, Any]) -> str:
    row, who, value = entry["row"], entry.get("who"), entry.get("value")
    if who and value is not None:
        return texts(N_("Row {row}, {who}: “{value}”"), row=row, who=who, value=value)
    if who:
        return texts(N_("Row {row}, {who}"), row=row, who=who)
    if value is not None:
        return texts(N_("Row {row}: “{value}”"), row=row, value=value)
    return texts(N_("Row {row}"), row=row)
