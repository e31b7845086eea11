"""The reminder an admin sends to the people of a team (issues 13 and 22): written to the employees, in the
language the admin chooses. Nothing is sent by us: the page opens it in the admin's mail program or copies it.

Each person is told what fits their status: an expired temporary password is not used again (the admin sends
new sign-in info), someone not signed in gets the day their password stops working, and everyone gets a link to
their own checklist (`personal.personal_link`), with their facts answered, to see the deadline and add it to a
calendar. A group gets one message that speaks to each status, and one message per person (`messages`: the
mail-merge file and the per-person mail links). Addresses are kept once, whatever their case. Every line is a
catalog message, so each language's punctuation (French no-break spaces, full-width Chinese marks) is its own.
"""

from __future__ import annotations

from typing import Any

from ..i18n import N_, Texts
from .personal import personal_link
from .words import REPLACED_WHEN_EXPIRED

__all__ = ["reminder", "unique_emails"]

_SUBJECT = N_("Partner Center: your steps to finish")
_SUBJECT_BY = N_("Partner Center: your steps to finish by {date}")
_SUBJECT_EXPIRED = N_("Partner Center: new sign-in info is coming")
_HELLO = N_("Hello {name},")
_HELLO_ALL = N_("Hello,")
_ACCOUNT = N_("You have an account in Microsoft Partner Center for our company.")
_STEPS = N_("Please finish these steps in Partner Center:")
_STEP_BY = N_("{title} (by {date})")
_EXPIRED = N_("Your temporary password no longer works, so do not use it: your admin will send you new sign-in info.")
_SIGN_IN_BY = N_("Please sign in by {date}: after that day your temporary password stops working.")
_SIGN_IN_SOON = N_("Please sign in soon: a temporary password works for a limited time only.")
_ALL_DONE = N_("All your steps are done. Thank you!")
_GROUP_SIGN_IN_BY = N_(
    "If you have not signed in yet, please sign in by {date}: the first temporary passwords stop working after "
    "that day."
)
_GROUP_EXPIRED = N_(
    "If your temporary password no longer works, do not use it: your admin will send you new sign-in info."
)
_PERSONAL = N_("Your own checklist, with your deadline (you can add it to your calendar): {url}")
_GUIDE = N_("How to do each step: {url}")
_THANKS = N_("Thank you.")


def unique_emails(people: list[dict[str, Any]]) -> list[str]:
    """The addresses of `people`, each once whatever its case (the first spelling is kept), in their order."""
    seen: set[str] = set()
    found = []
    for person in people:
        email = person.get("email")
        if email and email.casefold() not in seen:
            seen.add(email.casefold())
            found.append(email)
    return found


def _steps_left(person: dict[str, Any], dated: bool) -> list[tuple[str, str | None]]:
    """The person's open steps (title, due text when `dated`): not the sign-in steps once the password expired."""
    expired = person["status"] == "expired"
    return [
        (step["title"], step["due_text"] if dated else None)
        for step in person["remaining"]
        if not (expired and step["id"] in REPLACED_WHEN_EXPIRED)
    ]


def _deadline(person: dict[str, Any]) -> str | None:
    """The last day to sign in (its text), until signed in and while the password works."""
    if person["status"] == "expired":
        return None
    return next((step["due_text"] for step in person["remaining"] if step["due_text"]), None)


def _due(person: dict[str, Any]) -> str | None:
    """The last day to sign in (ISO), as `_deadline` (its text)."""
    if person["status"] == "expired":
        return None
    return next((step["due"] for step in person["remaining"] if step["due_text"]), None)


def _guide(people: list[dict[str, Any]], site_url: str) -> str | None:
    link = next((step["link"] for person in people for step in person["remaining"]), None)
    return site_url.rstrip("/") + link if link else None


def _personal(_: Texts, person: dict[str, Any], language: str, site_url: str) -> dict[str, Any]:
    """One person's message: the steps that fit their status, their deadline, and their own checklist's link."""
    deadline = _deadline(person)
    expired = person["status"] == "expired"
    subject = _(_SUBJECT_EXPIRED) if expired else _(_SUBJECT_BY, date=deadline) if deadline else _(_SUBJECT)
    name = person["name"]
    hello = _(_HELLO, name=name) if name else _(_HELLO_ALL)
    lines = [hello, "", _(_ACCOUNT)]
    said = []  # the sentence of their status
    if expired:
        said = [_(_EXPIRED)]
    elif deadline:
        said = [_(_SIGN_IN_BY, date=deadline)]
    elif not person["signed_in"]:
        said = [_(_SIGN_IN_SOON)]
    lines += ["", *said] if said else []
    left = _steps_left(person, dated=True)
    if left:
        lines += ["", _(_STEPS)]
        lines += ["- " + (_(_STEP_BY, title=title, date=due) if due else title) for title, due in left]
    elif not expired:
        lines += ["", _(_ALL_DONE)]
    link = personal_link(person, language, site_url)
    lines += ["", _(_PERSONAL, url=link)]
    guide = _guide([person], site_url)
    if guide:
        lines += ["", _(_GUIDE, url=guide)]
    lines += ["", _(_THANKS)]
    # The same without the steps (they are on the personal checklist): for a mail link that must stay short.
    short = [hello, "", *([*said, ""] if said else []), _(_PERSONAL, url=link), "", _(_THANKS)]
    return {"subject": subject, "body": "\n".join(lines), "short_body": "\n".join(short), "link": link}


def _group(_: Texts, people: list[dict[str, Any]], site_url: str) -> dict[str, Any]:
    """One message for several people, sent in Bcc: the steps any of them has left, the earliest sign-in deadline
    (safe for each of them), and a word for those whose password expired, not to use it. No name nor anyone's
    own date: the recipients do not see each other, and the message stays short enough for a mail link (each
    person's own message, with their date and link, is in `messages`)."""
    steps_left: dict[str, str] = {}
    for person in people:
        for title, _undated in _steps_left(person, dated=False):
            steps_left.setdefault(title, title)
    lines = [_(_HELLO_ALL), "", _(_ACCOUNT)]
    if steps_left:
        lines += ["", _(_STEPS)] + [f"- {title}" for title in steps_left]
    deadlines = sorted((due, text) for person in people if (text := _deadline(person)) and (due := _due(person)))
    if deadlines:
        lines += ["", _(_GROUP_SIGN_IN_BY, date=deadlines[0][1])]
    if any(person["status"] == "expired" for person in people):
        lines += ["", _(_GROUP_EXPIRED)]
    guide = _guide(people, site_url)
    if guide:
        lines += ["", _(_GUIDE, url=guide)]
    lines += ["", _(_THANKS)]
    return {"subject": _(_SUBJECT), "body": "\n".join(lines)}


def reminder(result: dict[str, Any], site_url: str) -> dict[str, Any]:
    """A reminder for the people of `result` (the output of `team`, in the language chosen for the message).

    Returns `subject` and `body` (one person's own message, or the group's), `emails` (each address once,
    whatever its case) and `messages`: one per address, `{row, email, name, subject, body, short_body, link}`, the
    person's own message with their checklist's link (the mail-merge file; the per-person mail links, which take
    the short body, without the list of steps, when the whole one is too long for a link). An address given
    on two rows gets the first row's message."""
    language = result["language"]
    _ = Texts(language)
    people = sorted(result["employees"], key=lambda e: e["row"])
    emails = unique_emails(people)
    seen: set[str] = set()
    messages = []
    for person in people:
        email = person["email"]
        if not email or email.casefold() in seen:
            continue
        seen.add(email.casefold())
        own = _personal(_, person, language, site_url)
        messages.append({"row": person["row"], "email": email, "name": person["name"] or "", **own})
    if len(people) == 1:
        written = _personal(_, people[0], language, site_url)
        written.pop("link")
        written.pop("short_body")
    else:
        written = _group(_, people, site_url)
    return {**written, "emails": emails, "messages": messages}
