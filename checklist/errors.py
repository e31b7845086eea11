"""The one error type the engine raises for bad input.

The page shows the message next to the field it names, the CLI prints it on one line, so both need the
field, a stable machine code and a message already in the reader's language. Errors about one employee of a
team also carry the row the admin sees (`row`) and the column it concerns (`column`, the field name).
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from collections.abc import Callable
from typing import NoReturn, TextIO

from .i18n import LANGUAGES, N_, Texts

__all__ = ["ChecklistError", "OptionParser", "load_json", "write_whole"]


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


# JSON is read with Python's own parser, which takes any number of digits and any \\uXXXX escape. Two things it
# accepts are not input we can carry: an integer too long for Python to convert to and from text (over 4,300
# digits: `int()` and `str()` raise ValueError), and a lone UTF-16 surrogate (`"\\ud800"`: no UTF-8 output can
# hold it, so the CLI would die mid-write). Both are refused at the door, naming the field that holds them.
MAX_DIGITS = 4300
_NOT_JSON = N_("The input is not valid JSON (line {line}, column {column}).")
_NOT_OBJECT = N_("The input must be a JSON object.")
_TOO_LONG = N_("This number is too long to be read (more than {limit} digits).")
_NOT_TEXT = N_("Contains a character that is not text (a lone surrogate, U+{code}): type it again.")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")


class _TooLong:
    """What the parser puts where an integer too long to convert stood; found by `_refuse_unreadable`."""


def _number(digits: str, found: list[bool]) -> int | _TooLong:
    if len(digits) - digits.startswith("-") > MAX_DIGITS:
        found.append(True)
        return _TooLong()
    return int(digits)


def load_json(text: str, language: str = "en", *, top: str | None = None) -> object:
    """The document in `text`, or a `ChecklistError`: invalid JSON, too deep, an integer too long, a lone
    surrogate (with the field holding it), not an object when `top` (the document's name in errors) is set.

    The one JSON reader of the CLIs and the worker's entry point, so both refuse the same bytes the same way.
    """
    texts = Texts(language if language in LANGUAGES else "en")
    check_nesting(text, language)
    too_long: list[bool] = []
    try:
        document = json.loads(text, parse_int=lambda digits: _number(digits, too_long))
    except json.JSONDecodeError as error:
        raise ChecklistError("$", "invalid_json", texts(_NOT_JSON, line=error.lineno, column=error.colno)) from None
    if too_long or _SURROGATE.search(text) or _SURROGATE_ESCAPE.search(text):
        _refuse_unreadable(document, texts)
    if top is not None and not isinstance(document, dict):
        raise ChecklistError("$", "not_an_object", texts(_NOT_OBJECT))
    return document


def _refuse_unreadable(document: object, texts: Texts) -> None:
    """Raise for the first integer too long or lone surrogate, walking without recursion (the depth is checked,
    but the walk must not be the next thing to overflow in Pyodide)."""
    stack: list[tuple[object, str]] = [(document, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, _TooLong):
            raise ChecklistError(path or "$", "number_too_long", texts(_TOO_LONG, limit=MAX_DIGITS))
        if isinstance(value, str):
            bad = _SURROGATE.search(value)
            if bad:
                raise ChecklistError(path or "$", "lone_surrogate", texts(_NOT_TEXT, code=f"{ord(bad[0]):04X}"))
        elif isinstance(value, list):
            stack += [(item, f"{path}[{index}]") for index, item in reversed(list(enumerate(value)))]
        elif isinstance(value, dict):
            for key in reversed(list(value)):
                name = _SURROGATE.sub("\ufffd", key)
                field = f"{path}.{name}" if path else name
                if name != key:
                    stack.append((key, field))
                stack.append((value[key], field))


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


_BAD_OPTION = N_("{detail}. See --help.")
_ARGUMENT = re.compile(r"argument ([^:]+): (.*)", re.DOTALL)


class OptionParser(argparse.ArgumentParser):
    """argparse, but a bad option is one typed error (field: the option) instead of usage lines and exit 2:
    the CLIs' contract is one line on stderr, whatever was wrong (issue 25)."""

    def __init__(self, argv: list[str], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.language = _language_option(argv)

    def error(self, message: str) -> NoReturn:
        texts = Texts(self.language if self.language in LANGUAGES else "en")
        found = _ARGUMENT.fullmatch(message)
        field, detail = (found[1].split("/")[0], found[2]) if found else ("$", message)
        raise ChecklistError(field, "invalid_option", texts(_BAD_OPTION, detail=detail.rstrip(".")))


_UNWRITABLE = N_("The output holds a character that {encoding} cannot write (position {position}).")


def write_whole(stdout: TextIO, text: str, language: str = "en") -> None:
    """Write `text` in one piece, or nothing: a character the output's encoding cannot hold is found before the
    first byte goes out (a half-written JSON or CSV file looks whole to the next program)."""
    encoding = getattr(stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError as error:
        raise ChecklistError(
            "$",
            "unwritable_output",
            Texts(language if language in LANGUAGES else "en")(_UNWRITABLE, encoding=encoding, position=error.start),
        ) from None
    except LookupError:
        pass  # a stream naming no real codec (a test double): its own write decides
    stdout.write(text)
    stdout.flush()


def _language_option(argv: list[str]) -> str:
    """The value of ``--language X`` or ``--language=X`` (argparse has not run when reading failed early)."""
    for position, argument in enumerate(argv):
        if argument == "--language" and position + 1 < len(argv):
            return argv[position + 1]
        if argument.startswith("--language="):
            return argument.partition("=")[2]
    return "en"
