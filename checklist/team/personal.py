"""An employee's own checklist, as a link: their facts as the answers of one person's plan, after `#checklist?`.

The format is the page's share link (overrides/assets/javascripts/checklist/share.js reads it): one
`field=value` pair per answer, form-encoded, lists comma-separated, flags as 1, nothing for an empty answer.
It travels after `#`, so a browser never sends it to a server. The reminders and the mail-merge file take the
links from here: the engine writes the link once, the page never builds one of its own for a reminder.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping
from typing import Any

from .. import steps
from ..plan import LANGUAGE_PREFIX

__all__ = ["SHARE_PREFIX", "personal_answers", "personal_link", "share_fragment"]

SHARE_PREFIX = "#checklist?"  # share.js SHARE_PREFIX


def share_fragment(answers: Mapping[str, Any]) -> str:
    """The `#checklist?…` fragment for `answers` (field -> value), in share.js's encoding; "" when empty."""
    pairs = []
    for field, value in answers.items():
        if value is None or value is False or (isinstance(value, list | tuple | frozenset | set) and not value):
            continue
        if isinstance(value, list | tuple | frozenset | set):
            text = ",".join(value)
        else:
            text = "1" if value is True else str(value)
        pairs.append((field, text))
    # URLSearchParams writes spaces as "+" and escapes every other character but *-._ (quote_plus keeps ~ too,
    # which URLSearchParams reads back the same).
    query = urllib.parse.urlencode(pairs, quote_via=urllib.parse.quote_plus, safe="*")
    return SHARE_PREFIX + query if query else ""


def personal_answers(person: Mapping[str, Any]) -> dict[str, Any]:
    """One employee of a team (`views.full`) as the answers of their own plan: an employee in the transition,
    with the date their temporary password was issued, when their exams were associated, and the steps their
    facts prove done (every step not in `remaining`)."""
    remaining = {step["id"] for step in person["remaining"]}
    done = [s.id for s in steps.STEPS if s.role == "employee" and not s.optional and s.id not in remaining]
    return {
        "role": "employee",
        "situation": "transition",
        "temp_password_issued_on": person["temp_password_issued_on"],
        "exams_associated_at": person["exams_associated_at"],
        "done": done,
    }


def personal_link(person: Mapping[str, Any], language: str, site_url: str) -> str:
    """The address of `person`'s own checklist, in `language`, on the site at `site_url`."""
    page = f"{site_url.rstrip('/')}{LANGUAGE_PREFIX[language]}checklist/"
    return page + share_fragment(personal_answers(person))
