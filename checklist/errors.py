"""The one error type the engine raises for bad input.

The page shows the message next to the field it names, the CLI prints it on one line, so both need the
field, a stable machine code and a message already in the reader's language. Errors about one employee of a
team also carry the row the admin sees (`row`) and the column it concerns (`column`, the field name).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from typing import TextIO

from .i18n import LANGUAGES, N_, Texts

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


# The few exceptions the standard library raises on input it cannot read at all, before any check of ours
# runs: JSON nested deeper than the parser's recursion allows, bytes that are not the text they claim to be.
_TOO_DEEP = N_("The input is nested too deeply to be read.")
_NOT_UTF8 = N_("The input is not UTF-8 text (byte {position} cannot be read). Save it again as UTF-8.")
_LINE_BREAKS = str.maketrans(dict.fromkeys("\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))


def input_error(error: RecursionError | UnicodeDecodeError, language: str = "en") -> ChecklistError:
    """The typed error (field ``$``) for input the standard library could not read, in the reader's language.

    Only these two exceptions mean "unreadable input"; anything else is a bug and stays an exception with its
    traceback: hiding it behind "bad input" would make it unfixable.
    """
    texts = Texts(language if language in LANGUAGES else "en")
    if isinstance(error, UnicodeDecodeError):
        return ChecklistError("$", "invalid_encoding", texts(_NOT_UTF8, position=error.start + 1))
    return ChecklistError("$", "too_deep", texts(_TOO_DEEP))


MAX_NESTING = 64  # our documents nest 4 deep; Pyodide dies (JS stack overflow) somewhere past 5,000 under Node
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def check_nesting(text: str, language: str = "en") -> None:
    """Refuse JSON nested deeper than `MAX_NESTING` before any parser sees it (ChecklistError ``too_deep``).

    CPython's parser raises RecursionError on deep input, but in Pyodide the browser's stack can run out
    first, which kills the interpreter for the rest of the visit ("Pyodide has suffered a fatal error"): the
    depth must be known without recursing. Strings are skipped (their brackets are text); the file's base64
    in a team import is one long string, skipped at regex speed.
    """
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return  # the usual case (a team import: brackets only around the file's base64), found at memchr speed
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest > MAX_NESTING:
                raise input_error(RecursionError(), language)


def one_line(error: ChecklistError) -> str:
    """`error: field: message` on one line, whatever line breaks a header or a field name held."""
    return f"error: {error.field}: {error.message}".translate(_LINE_BREAKS)


def exits_two_on_bad_input(main: Callable[..., int]) -> Callable[..., int]:
    """Decorate a CLI `main(argv, stdin, stdout)`: bad input ends as one stderr line and exit status 2.

    The README's contract for scripts: status 2, one line naming the field, nothing on stdout. The message is
    in the language asked for with ``--language`` (the input may be too broken to say which it wants).
    """

    @functools.wraps(main)
    def run(argv: list[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
        argv = sys.argv[1:] if argv is None else argv
        try:
            return main(argv, stdin, stdout)
        except ChecklistError as error:
            typed = error
        except (RecursionError, UnicodeDecodeError) as error:
            typed = input_error(error, _language_option(argv))
        print(one_line(typed), file=sys.stderr)
        return 2

    return run


def _language_option(argv: list[str]) -> str:
    """The value of ``--language X`` or ``--language=X`` (argparse has not run when reading failed early)."""
    for position, argument in enumerate(argv):
        if argument == "--language" and position + 1 < len(argv):
            return argv[position + 1]
        if argument.startswith("--language="):
            return argument.partition("=")[2]
    return "en"
