"""`python -m checklist team`: the status of a whole team, from the admin's JSON or CSV file, as JSON (or CSV).

The only place of the team view that reads files and the clock: the engine (`team.py`, `team_csv.py`) gets
the file's bytes and the date. Exit status:

- 0: every row was imported;
- 2: bad input (a file that cannot be read, a missing column, bad JSON, a day/month order to choose): one line
  on stderr naming the field, nothing on stdout, as the single plan's CLI;
- 3 (`EXIT_ROWS_REJECTED`): a CSV file was imported in part. The output is complete for the rows read and
  lists the others in `rejected`; stderr has one line per refused row (row, the file's column, the cell, what
  to write), so a script can tell "done" from "done, but fix these rows".
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from .errors import ChecklistError, OptionParser, exits_two_on_bad_input, load_json, write_whole
from .i18n import DEFAULT_LANGUAGE, LANGUAGES, Texts
from .team import DATE_ORDERS, MAX_BYTES, decode, team, team_from_csv, team_to_csv

__all__ = ["EXIT_ROWS_REJECTED", "guess_format", "main"]

EXIT_ROWS_REJECTED = 3

CSV_SUFFIXES = (".csv", ".tsv", ".txt")


def guess_format(name: str | None, data: bytes | str) -> str:
    """``json`` or ``csv``: from the file name's extension, else from the first character of the content."""
    if name:
        suffix = Path(name).suffix.lower()
        if suffix == ".json":
            return "json"
        if suffix in CSV_SUFFIXES:
            return "csv"
    head = data[:256]
    if isinstance(head, bytes):
        head = head.removeprefix(b"\xef\xbb\xbf").decode("ascii", errors="replace")
    return "json" if head.lstrip("\ufeff \t\r\n")[:1] in ("{", "[") else "csv"


def _read_input(path: str | None, stdin: TextIO) -> bytes | str:
    """At most one byte more than the size limit, so that a huge file is refused without reading it all."""
    if path:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    buffer = getattr(stdin, "buffer", None)
    return buffer.read(MAX_BYTES + 1) if buffer is not None else stdin.read(MAX_BYTES + 1)


def _team_from_json(data: bytes | str, args: argparse.Namespace) -> dict[str, Any]:
    text, _ = decode(data, Texts(args.language or DEFAULT_LANGUAGE))
    document = load_json(text, args.language or DEFAULT_LANGUAGE)
    if isinstance(document, dict):
        document = dict(document)
        if args.language:
            document["language"] = args.language
        if args.today:
            document["today"] = args.today
        if args.now:
            document["now"] = args.now
        if "today" not in document and "now" not in document:
            document["today"] = dt.date.today().isoformat()
    return team(document)


@exits_two_on_bad_input
def main(argv: list[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    parser = OptionParser(
        argv,
        prog="python -m checklist team",
        description="Print each employee's remaining Partner Center steps, due dates and warnings, most urgent first.",
        epilog="Exit status: 0 every row read; 3 a CSV read in part (the rows refused are in `rejected` and on stderr, "
        "one line each); 2 bad input (one line on stderr, nothing on stdout).",
    )
    parser.add_argument("input", nargs="?", help="team file, JSON or CSV (default: standard input)")
    parser.add_argument("--input-format", choices=("json", "csv"), help="default: from the extension, else the content")
    parser.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default: json)")
    parser.add_argument("--language", choices=LANGUAGES, help="messages and CSV headers (default: en)")
    parser.add_argument("--today", help="YYYY-MM-DD (default: the JSON document's, else the system date)")
    parser.add_argument("--now", help="YYYY-MM-DDTHH:MM, for the 24-hour competency progress delay")
    parser.add_argument("--encoding", help="the CSV file's encoding when it is not UTF-8 or UTF-16 (e.g. cp1252)")
    parser.add_argument(
        "--date-order",
        choices=DATE_ORDERS,
        help="how the CSV writes dates like 8/10/2026: day first (dmy), month first (mdy) or year first (ymd); "
        "default: from the file (a 25/12/2026 proves it), asked when it cannot tell",
    )
    args = parser.parse_args(argv)
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    try:  # bad input raises ChecklistError: the decorator prints it on one line, exit status 2
        data = _read_input(args.input, stdin)
    except OSError as error:
        print(f"error: {args.input}: {error.strerror}", file=sys.stderr)
        return 2
    if (args.input_format or guess_format(args.input, data)) == "json":
        result = _team_from_json(data, args)
    else:
        today = args.today or (None if args.now else dt.date.today().isoformat())
        language = args.language or DEFAULT_LANGUAGE
        try:
            result = team_from_csv(
                data, language=language, today=today, now=args.now, encoding=args.encoding, date_order=args.date_order
            )
        except ChecklistError as error:
            if error.code == "date_order_needed":  # the page asks with a choice; the CLI names its option
                error.message += " (--date-order dmy | mdy)"
            raise
    output = team_to_csv(result) if args.format == "csv" else json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    write_whole(stdout, output, result["language"])
    for entry in result["rejected"]:
        print(f"rejected: {entry['message']}", file=sys.stderr)
    return EXIT_ROWS_REJECTED if result["rejected"] else 0
