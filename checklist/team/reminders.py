"""The reminder an admin sends to the people of a team (issue 13): written to the employees, in the language
the admin chooses, with each one's deadline. Nothing is sent by us: the page opens it in the admin's mail program
or copies it. It reads the full status (`views.full`), so a reminder per status or a personal link (issue 22)
changes this module only.
"""

from __future__ import annotations

from typing import Any

from ..i18n import N_, Texts
from .words import REPLACED_WHEN_EXPIRED

__all__ = ["reminder"]

_REMINDER_SUBJECT = N_("Partner Center: your steps to finish")
_REMINDER_SUBJECT_BY = N_("Partner Center: your steps to finish by {date}")
_REMINDER_HELLO = N_("Hello {name},")
_REMINDER_HELLO_ALL = N_("Hello,")
_REMINDER_INTRO = N_(
    "You have an account in Microsoft Partner Center for our company. Please finish these steps in Partner Center:"
)
_REMINDER_STEP_BY = N_("{title} (by {date})")
_REMINDER_DEADLINES = N_("Last day to sign in with the temporary password:")
_REMINDER_EXPIRED = N_("Your temporary password no longer works: I will remove your account and add it again.")
_REMINDER_GUIDE = N_("How to do each step: {url}")
_REMINDER_THANKS = N_("Thank you.")


def reminder(result: dict[str, Any], site_url: str) -> dict[str, Any]:
    """A reminder for the people of `result` (the output of `team`, in the language chosen for the message):
    subject, body and their e-mail addresses. One person: their steps and deadline; several: the steps any of
    them has left, and each one's last day to sign in."""
    _ = Texts(result["language"])
    people = sorted(result["employees"], key=lambda e: e["row"])
    steps_left: dict[str, tuple[str, str | None]] = {}
    for person in people:
        expired = person["status"] == "expired"
        for step in person["remaining"]:
            if expired and step["id"] in REPLACED_WHEN_EXPIRED:
                continue
            steps_left.setdefault(step["id"], (step["title"], step["due_text"] if len(people) == 1 else None))
    deadlines = [
        (person, step["due_text"])
        for person in people
        for step in person["remaining"]
        if step["due_text"] and person["status"] != "expired"  # the one dated employee step: signing in
    ]
    one = people[0] if len(people) == 1 else None
    dated = one is not None and deadlines
    subject = _(_REMINDER_SUBJECT_BY, date=deadlines[0][1]) if dated else _(_REMINDER_SUBJECT)
    name = one["name"] if one is not None else None
    lines = [_(_REMINDER_HELLO, name=name) if name else _(_REMINDER_HELLO_ALL), "", _(_REMINDER_INTRO)]
    for title, due in steps_left.values():
        lines.append("- " + (_(_REMINDER_STEP_BY, title=title, date=due) if due else title))
    if one is None and deadlines:
        lines += ["", _(_REMINDER_DEADLINES)]
        lines += [f"- {person['name'] or person['email']}: {due}" for person, due in deadlines]
    if one is not None and one["status"] == "expired":
        lines += ["", _(_REMINDER_EXPIRED)]
    first_link = next((step["link"] for person in people for step in person["remaining"]), None)
    if first_link:
        lines += ["", _(_REMINDER_GUIDE, url=site_url.rstrip("/") + first_link)]
    lines += ["", _(_REMINDER_THANKS)]
    emails = [person["email"] for person in people if person["email"]]
    return {"subject": subject, "body": "\n".join(lines), "emails": emails}
