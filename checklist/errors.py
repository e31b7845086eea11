"""The one error type the engine raises for bad input.

The page shows the message next to the field it names, the CLI prints it on one line, so both need the
field, a stable machine code and a message already in the reader's language.
"""

from __future__ import annotations


class ChecklistError(ValueError):
    """Bad input: `field` names the input field (``"$"`` for the whole document), `code` is stable."""

    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.code = code
        self.message = message

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code, "message": self.message}
