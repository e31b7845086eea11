"""`python -m checklist`: the plan for one person, as JSON (for programs) or as text (for people).

Exit status 2 with one line on stderr for bad input, and nothing on stdout, so scripts can trust stdout.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any, TextIO

from .errors import OptionParser, exits_two_on_bad_input, load_json, write_whole
from .i18n import LANGUAGES, N_, Texts
from .plan import date_labels, plan

__all__ = ["DEFAULT_SITE_URL", "main", "render_text"]

# Where the guide is read when the caller does not say (`mkdocs.yml`'s site_url for a local `make serve`).
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def render_text(result: dict[str, Any]) -> str:
    """A plain-text plan a person can read in a terminal or paste into an e-mail.

    Dates and counts are the plan's own display texts (`dates_text`, `due_text`, `progress.text`), so the
    terminal says what the page says.
    """
    _ = Texts(result["language"])
    lines = [_(N_("Partner Center checklist for {date}"), date=_.date(dt.date.fromisoformat(result["today"])))]
    lines.append(_(N_("Progress: {progress}"), progress=result["progress"]["text"]))
    if result["warnings"]:
        lines += ["", _(N_("Warnings"))]
        lines += [f"  ! {w['message']}" for w in result["warnings"]]
    if result["dates"]:
        lines += ["", _(N_("Key dates"))]
        shown = result["dates_text"] | result["projected_dates_text"]
        for key, label in date_labels().items():  # a fixed, meaningful order: what to do first, then what follows
            if key in shown:
                lines.append("  " + _(N_("{label}: {value}"), label=_(label), value=shown[key]))
    lines += ["", _(N_("Remaining steps"))]
    if not result["remaining"]:
        lines.append("  " + _(N_("Nothing left to do.")))
    for group in result["groups"]:
        todo = [s for s in result["remaining"] if s["group"] == group["id"]]
        if not todo:
            continue
        lines.append(f"  {group['title']}")
        for step in todo:
            flags = []
            if step["optional"]:
                flags.append(_(N_("optional")))
            if step["due_text"]:
                flags.append(_(N_("due {date}"), date=step["due_text"]))
            suffix = f" ({', '.join(flags)})" if flags else ""
            lines.append(f"    [ ] {step['title']}{suffix}")
            lines.append(f"        {step['detail']}")
            lines.append(f"        {step['link']}")
    return "\n".join(lines) + "\n"


@exits_two_on_bad_input
def main(argv: list[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["team"]:  # `python -m checklist team ...`: the admin's team view (a file named team: ./team)
        from .team_cli import main as team_main

        return team_main(argv[1:], stdin, stdout)
    parser = OptionParser(
        argv,
        prog="python -m checklist",
        description="Print the remaining Partner Center transition steps and key dates for one person.",
    )
    parser.add_argument("input", nargs="?", help="input JSON file (default: standard input)")
    parser.add_argument(
        "--format",
        choices=("json", "text", "ics"),
        default="json",
        help="json (for programs), text (for people) or ics (the reminders, for a calendar)",
    )
    parser.add_argument(
        "--site-url",
        default=DEFAULT_SITE_URL,
        help="the published guide's root, for the links in the .ics (default: %(default)s)",
    )
    parser.add_argument("--language", choices=LANGUAGES, help="override the input's language")
    args = parser.parse_args(argv)
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    language = args.language or "en"
    if args.format == "ics":  # before reading anything: a bad --site-url is the caller's to fix first
        from .calendar import check_url

        check_url("--site-url", args.site_url, language)
    if args.input:  # bad input raises ChecklistError: the decorator prints it on one line, exit status 2
        try:
            with open(args.input, encoding="utf-8") as handle:
                text = handle.read()
        except OSError as error:
            print(f"error: {args.input}: {error.strerror}", file=sys.stderr)
            return 2
    else:
        text = stdin.read()
    document = load_json(text, language)
    if args.language and isinstance(document, dict):
        document = {**document, "language": args.language}
    result = plan(document)
    if args.format == "text":
        output = render_text(result)
    elif args.format == "ics":
        from .calendar import ics  # only this format needs it
        from .plan import LANGUAGE_PREFIX

        site = args.site_url.rstrip("/")
        output = ics(result, f"{site}{LANGUAGE_PREFIX[result['language']]}checklist/", site)
    else:
        output = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    write_whole(stdout, output, result["language"])
    return 0
