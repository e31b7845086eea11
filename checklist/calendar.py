"""The key dates of a plan as an iCalendar file (RFC 5545), one event per date.

Written by hand rather than with a library: the engine must stay standard-library only to load fast in
Pyodide, and the subset needed (all-day and floating-time events, text escaping, line folding) is small.
The output is deterministic for the same plan, so a re-download replaces the events instead of doubling them
(stable UIDs) and tests can compare it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any
from urllib.parse import urlsplit

from . import steps
from .errors import ChecklistError
from .i18n import LANGUAGES, N_, NP_, Texts
from .plan import guide_link

PEOPLE_ON_A_DAY = NP_("{label} ({count} person): {names}", "{label} ({count} people): {names}")

__all__ = ["PRODUCT_ID", "check_url", "ics", "team_ics"]

PRODUCT_ID = "-//Partner Center transition guide//checklist//EN"


# RFC 5545 3.3.11: TEXT allows no control character but HTAB. Line breaks (CR, LF, CRLF, and the Unicode
# line and paragraph separators and NEL) become the escaped newline `\n`; every other C0 or C1 control and DEL
# is removed; a lone surrogate (possible in JSON text) cannot be written as UTF-8 and becomes U+FFFD.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


# A URI value (RFC 5545 3.3.13) is written as it is, unescaped: one CR LF in it and the next line is a property
# of the reader's choosing (`ATTACH:`, `BEGIN:VEVENT`, issue 25). So a URL is checked, never cleaned: http or
# https, a host, and no space, control character, line separator or lone surrogate anywhere.
_NOT_IN_URL = re.compile("[\x00-\x20\\\\\x7f-\x9f\u2028\u2029\ud800-\udfff]")  # a backslash is no URL character either
_BAD_URL = N_("Must be a web address starting with http:// or https://, without spaces or line breaks.")


def check_url(field: str, value: object, language: str = "en") -> str:
    """`value` if it is an http(s) URL safe to write in a calendar line, else a `ChecklistError` for `field`."""
    texts = Texts(language if isinstance(language, str) and language in LANGUAGES else "en")
    if not isinstance(value, str):
        raise ChecklistError(field, "invalid_type", texts(N_("Must be text.")))
    try:
        parts = urlsplit(value)
        host = parts.hostname
        _ = parts.port  # reading it checks it: ValueError for a port that is not a number up to 65535
    except ValueError:
        parts, host = None, None
    if parts is None or parts.scheme not in ("http", "https") or not host or _NOT_IN_URL.search(value):
        raise ChecklistError(field, "invalid_url", texts(_BAD_URL))
    return value


def _plain(text: str) -> str:
    """`text` with LF as its only line break and no other control character (a CSV cell may hold any)."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", _LINE_BREAK.sub("\n", text)))


def _escape(text: str) -> str:
    text = _plain(text)
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    """Split a content line into chunks of at most 75 octets, never inside a UTF-8 character."""
    chunks: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    chunks.append(current)
    return chunks


def _timing(value: str) -> list[str]:
    """All-day for a date, half an hour (floating local time) for a date and time."""
    if "T" in value:
        start = dt.datetime.fromisoformat(value)
        return [f"DTSTART:{start:%Y%m%dT%H%M%S}", f"DTEND:{start + dt.timedelta(minutes=30):%Y%m%dT%H%M%S}"]
    day = dt.date.fromisoformat(value)
    return [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}"]


# Reminders of an action event: two weeks ahead (time to plan) and the day before (last call).
ACTION_ALARMS = ("-P14D", "-P1D")
# An informative date (membership ends, progress shows) is announced on the day itself.
NOTICE_ALARMS = ("PT0S",)


def _alarm(trigger: str, summary: str) -> list[str]:
    """A display reminder (RFC 5545 3.6.6: ACTION:DISPLAY needs a DESCRIPTION), relative to the event's start."""
    return ["BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER:{trigger}", f"DESCRIPTION:{_escape(summary)}", "END:VALARM"]


def _event(
    uid: str, stamp: str, value: str, summary: str, description: str, page_url: str, alarms: tuple[str, ...] = ()
) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid.replace(':', '')}@partner-center-checklist",
        f"DTSTAMP:{stamp}",
        *_timing(value),
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{page_url}",
        "TRANSP:TRANSPARENT",
        *(line for trigger in alarms for line in _alarm(trigger, summary)),
        "END:VEVENT",
    ]


def _calendar(events: list[list[str]]) -> str:
    """The whole file: header, events, folded CRLF lines."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT_ID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    lines += [line for event in events for line in event] + ["END:VCALENDAR"]
    return "".join(chunk + "\r\n" for line in lines for chunk in _fold(line))


def _stamp(today: str) -> str:
    """DTSTAMP is the plan's day rather than the clock, so the same plan always gives the same file."""
    return dt.date.fromisoformat(today).strftime("%Y%m%dT000000Z")


def ics(plan: dict[str, Any], page_url: str, site_url: str) -> str:
    """An iCalendar document for `plan` (the output of `checklist.plan`): what the reader must do, and when.

    - Each step still to do that has a due day gets one event on that day, the last day to act (the last day to
      sign in, not the day the password stops working), titled with the action, with reminders 14 days and
      1 day before. Its step's key dates are named in the description, so one day holds one event.
    - A key date that is not a step's deadline and falls on another day (the membership's new end, when
      competency progress shows) gets its own event, titled with its label, reminded on the day.
    - Nothing before the plan's day: a reminder of the past helps nobody.
    - UIDs name the step or the date, never the day, so a re-download after a changed answer updates the
      event instead of adding a second one.

    `page_url` is the checklist page the reader came from (each event links back to it); `site_url` is the
    site root that the plan's site-absolute guide links are resolved against.
    """
    _ = Texts(plan["language"])
    check_url("page_url", page_url, plan["language"])
    check_url("site_url", site_url, plan["language"])
    today = dt.date.fromisoformat(plan["today"])
    stamp, events = _stamp(plan["today"]), []
    to_do = {step["id"]: step for step in plan["remaining"]}
    shown = plan.get("dates_text", {}) | plan.get("projected_dates_text", {})
    projected = set(plan["projected_dates"])

    def upcoming(value: str) -> bool:
        return dt.date.fromisoformat(value[:10]) >= today

    def described(step: steps.Step, lines: list[str]) -> str:
        guide = site_url.rstrip("/") + guide_link(plan["language"], step.page, step.anchor)
        return "\n".join([*lines, _(N_("Guide: {url}"), url=guide), _(N_("Your checklist: {url}"), url=page_url)])

    for step in steps.STEPS:
        due = to_do.get(step.id, {}).get("due")
        if due is None or not upcoming(due):
            continue
        notes = [
            _(
                N_("{label}: {value}"),
                label=_(key_date.label),
                value=shown.get(key_date.key, plan["dates"][key_date.key]),
            )
            for key_date in step.dates
            if plan["dates"].get(key_date.key) is not None
        ]
        events.append(
            _event(
                f"step-{step.id}",
                stamp,
                due,
                _(step.title),
                described(step, [_(step.detail), *notes]),
                page_url,
                ACTION_ALARMS,
            )
        )
    for step, key_date in steps.key_dates():
        value = plan["dates"].get(key_date.key)
        if value is None or key_date.deadline or not upcoming(value):
            continue
        if to_do.get(step.id, {}).get("due") == value:
            continue  # said in the step's own event on that day
        lines = [_(step.detail)]
        if key_date.key in projected:
            lines.append(_(N_("(if you renew before your membership ends)")))
        events.append(
            _event(
                f"date-{key_date.key}", stamp, value, _(key_date.label), described(step, lines), page_url, NOTICE_ALARMS
            )
        )
    return _calendar(events)


def team_ics(result: dict[str, Any], page_url: str, site_url: str) -> str:
    """The team's deadlines (the output of `checklist.team.team`): one event per day and key date that has
    deadlines still open ("Temporary password stops working on (3 people): Ana, Bo, Cy"), none in the past, each
    with reminders a week and a day before (VALARM).

    The UID is made of the day, the key date and the set of people (their e-mail addresses, else names), never
    their row or order in the file: re-sorting or re-importing the file replaces the events instead of
    doubling them, and a change of who is due that day gives a new event (issue 13).
    """
    _ = Texts(result["language"])
    check_url("page_url", page_url, result["language"])
    check_url("site_url", site_url, result["language"])
    stamp, today = _stamp(result["today"]), result["today"]
    days: dict[tuple[str, str], list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    dated = [(step, key_date) for step, key_date in steps.key_dates() if key_date.deadline]
    for employee in result["employees"]:
        remaining = {step["id"]: step for step in employee["remaining"]}
        actions = {action["step"]: action for action in employee.get("actions", [])}
        for step, key_date in dated:
            value = employee["dates"].get(key_date.key)
            if value is None or step.id not in remaining or value[:10] < today:
                continue
            days.setdefault((value, key_date.key), []).append((employee, actions.get(step.id) or remaining[step.id]))
    by_key = {key_date.key: (step, key_date) for step, key_date in dated}
    events = []
    for (value, key), people in sorted(days.items()):
        step, key_date = by_key[key]
        people.sort(key=lambda pair: pair[0]["row"])
        names = [_who(employee) for employee, _todo in people]
        if len(people) == 1:
            summary = _(N_("{label}: {step}"), label=_(key_date.label), step=names[0])
        else:  # two or more, but the plural forms are the language's to choose (ngettext)
            summary = _.plural(
                PEOPLE_ON_A_DAY, len(people), label=_(key_date.label), count=len(people), names=", ".join(names)
            )
        lines = [f"• {_who(employee, full=True)}: {todo.get('message') or todo['title']}" for employee, todo in people]
        guide = site_url.rstrip("/") + guide_link(result["language"], step.page, step.anchor)
        lines += [_(N_("Guide: {url}"), url=guide), _(N_("Your checklist: {url}"), url=page_url)]
        identities = sorted((e["email"] or e["name"] or "").casefold() for e, _todo in people)
        digest = hashlib.sha256("\n".join(identities).encode("utf-8", "surrogatepass")).hexdigest()[:16]
        event = _event(f"team-{key}-{value}-{digest}", stamp, value, summary, "\n".join(lines), page_url)
        event[-1:-1] = [*_alarm("-P7D", summary), *_alarm("-P1D", summary)]
        events.append(event)
    return _calendar(events)


def _who(employee: dict[str, Any], *, full: bool = False) -> str:
    """The person as the admin knows them: the name, else the e-mail address (both in the description)."""
    name, email = employee["name"], employee["email"]
    if full and name and email:
        return f"{name} ({email})"
    return name or email or ""


def _alarm(trigger: str, summary: str) -> list[str]:
    """A display reminder `trigger` before the event (RFC 5545 3.6.6)."""
    return ["BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER:{trigger}", f"DESCRIPTION:{_escape(summary)}", "END:VALARM"]
