"""The one error type the engine raises for bad input.

The page shows the message next to the field it names, the CLI prints it on one line, so both need the
field, a stable machine code and a message already in the reader's language. Errors about one employee of a
team also carry the row the admin sees (`row`) and the column it concerns (`column`, the field name).
"""

from __future__ import annotations

__all__ = ["ChecklistError"]


class ChecklistError(ValueError):
    """Bad input: `field` names the input field (``"$"`` for the whole document), `code` is stable.

    `row` (the row number the admin sees: spreadsheet row for a CSV file, 1-based position for JSON) and
    `column` (the field within that row, or the missing column) are set only for team input.
    """

    def __init__(
        self, field: str, code: str, message: str, *, row: int | None = None, column: str | None = None
    ) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.code = code
        self.message = message
        self.row = row
        self.column = column

    def to_dict(self) -> dict[str, str | int]:
        """`field`, `code`, `message` always; `row` and `column` only when set (older readers ignore them)."""
        found: dict[str, str | int] = {"field": self.field, "code": self.code, "message": self.message}
        if self.row is not None:
            found["row"] = self.row
        if self.column is not None:
            found["column"] = self.column
        return found
