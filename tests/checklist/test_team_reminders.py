"""Issue 22: reminders that fit each person (status, deadline, own checklist link), addresses once whatever their
case, each language's punctuation, and one message per person as a mail-merge file Outlook and Word read."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from checklist import plan
from checklist.i18n import LANGUAGES, Texts
from checklist.plan import LANGUAGE_PREFIX
from checklist.team import reminder, team
from checklist.team.personal import personal_link, share_fragment
from checklist.web import call

TODAY = "2026-11-21"
SITE = "https://guide.example/"
ROOT = Path(__file__).resolve().parents[2]


def document(language: str, *people: dict[str, Any]) -> dict[str, Any]:
    return {"language": language, "today": TODAY, "employees": list(people)}


EXPIRED = {"name": "Eve Expired", "email": "eve@x.example", "temp_password_issued_on": "2026-07-01"}
SOON = {"name": "Sam Soon", "email": "sam@x.example", "temp_password_issued_on": "2026-08-30"}
FRESH = {"name": "Fay Fresh", "email": "fay@x.example", "temp_password_issued_on": "2026-11-10"}
UNKNOWN = {"name": "Uma Unknown", "email": "uma@x.example"}
SIGNED = {"name": "Ivo In", "email": "ivo@x.example", "temp_password_issued_on": "2026-09-01", "signed_in": True}


def written(language: str, *people: dict[str, Any]) -> dict[str, Any]:
    return reminder(team(document(language, *people)), SITE)


def sign_in_title(language: str) -> str:
    """The sign-in step's title, which names the temporary password."""
    result = team(document(language, FRESH))
    return next(s["title"] for s in result["employees"][0]["remaining"] if s["id"] == "employee.sign_in")


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_expired_password_is_never_to_be_used_again(language: str) -> None:
    _ = Texts(language)
    body = written(language, EXPIRED)["body"]
    assert (
        _("Your temporary password no longer works, so do not use it: your admin will send you new sign-in info.")
        in body
    )
    assert sign_in_title(language) not in body
    group = written(language, EXPIRED, SIGNED)["body"]
    assert sign_in_title(language) not in group  # nobody in this group can still sign in with it


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("person", [SOON, FRESH])
def test_someone_not_signed_in_is_told_their_own_deadline(language: str, person: dict[str, Any]) -> None:
    status = team(document(language, person))["employees"][0]
    deadline = next(s["due_text"] for s in status["remaining"] if s["due_text"])
    message = written(language, person)
    assert deadline in message["subject"] and deadline in message["body"]
    assert (
        Texts(language)(
            "Please sign in by {date}: after that day your temporary password stops working.", date=deadline
        )
        in message["body"]
    )


def test_each_status_has_its_own_words() -> None:
    bodies = {p["name"]: written("en", p)["body"] for p in (EXPIRED, SOON, UNKNOWN, SIGNED)}
    assert "new sign-in info" in bodies["Eve Expired"]
    assert "Please sign in by" in bodies["Sam Soon"]
    assert "Please sign in soon" in bodies["Uma Unknown"]
    assert "sign in" not in bodies["Ivo In"].lower().replace("sign-in", "")


def test_addresses_are_kept_once_whatever_their_case() -> None:
    people = [
        {**FRESH, "email": "Ana.Martin@Contoso.com", "name": "Ana"},
        {**FRESH, "email": "ana.martin@contoso.com", "name": "Ana again"},
        {**SOON, "email": "ANA.MARTIN@CONTOSO.COM", "name": "Ana thrice"},
        SOON,
    ]
    message = written("en", *people)
    assert message["emails"] == ["Ana.Martin@Contoso.com", "sam@x.example"]
    assert [m["email"] for m in message["messages"]] == ["Ana.Martin@Contoso.com", "sam@x.example"]


FULL_WIDTH_COLON = "\uff1a"


def lines_of(message: dict[str, Any]) -> list[str]:
    """Every line a person reads, without the addresses (a URL's "https:" is not punctuation)."""
    found = [message["subject"], *message["body"].split("\n")]
    return [re.sub(r"https?://\S+", "", line) for line in found]


@pytest.mark.parametrize("people", [(EXPIRED,), (SOON,), (UNKNOWN,), (SIGNED,), (EXPIRED, SOON, UNKNOWN, SIGNED)])
def test_every_line_has_the_languages_punctuation(people: tuple[dict[str, Any], ...]) -> None:
    fr = written("fr", *people)
    for message in [fr, *fr["messages"]]:
        for line in lines_of(message):
            assert not re.search(r"[^\u00a0][:;?!]", line), line  # a no-break space before : ; ? !
            assert not re.search(r" [:;?!]", line), line
    zh = written("zh-TW", *people)
    for message in [zh, *zh["messages"]]:
        for line in lines_of(message):
            assert ":" not in line and ", " not in line and "," not in line, line  # full-width ：，、
    for message in [zh, *zh["messages"]]:
        assert FULL_WIDTH_COLON in message["subject"] + message["body"]


def fragment_answers(link: str) -> dict[str, Any]:
    fragment = urllib.parse.urlsplit(link).fragment
    assert fragment.startswith("checklist?")
    pairs = dict(urllib.parse.parse_qsl(fragment.removeprefix("checklist?")))
    if "done" in pairs:
        pairs["done"] = pairs["done"].split(",")
    return pairs


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("person", [EXPIRED, SOON, FRESH, UNKNOWN, SIGNED])
def test_the_personal_link_is_that_persons_own_plan(language: str, person: dict[str, Any]) -> None:
    """The link's answers, read back as the page reads a share link, give a plan with the person's own deadline
    and the steps their facts prove done."""
    message = written(language, person)["messages"][0]
    link = message["link"]
    assert link in message["body"]
    assert link.startswith(f"{SITE}{LANGUAGE_PREFIX[language].lstrip('/')}checklist/#checklist?")
    answers = fragment_answers(link)
    own = plan({**answers, "language": language, "today": TODAY})
    status = team(document(language, person))["employees"][0]
    open_ids = [step["id"] for step in own["remaining"]] if "remaining" in own else None
    assert answers["role"] == "employee"
    assert answers.get("temp_password_issued_on") == person.get("temp_password_issued_on")
    if open_ids is not None:
        assert [s["id"] for s in status["remaining"]] == [
            i for i in open_ids if i in {s["id"] for s in status["remaining"]}
        ]
    expires = status["dates"]["temp_password_expires"]
    if expires:
        assert expires in json.dumps(own)


def test_the_fragment_is_the_one_share_js_reads() -> None:
    """Python writes the fragment the page's share.js reads: read back by answersFromFragment under Node."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    answers = {
        "role": "employee",
        "situation": "transition",
        "temp_password_issued_on": "2026-11-01",
        "exams_associated_at": "2026-11-20T09:30",
        "done": ["employee.get_signin_info", "employee.sign_in"],
    }
    fragment = share_fragment(answers)
    script = (
        f"import {{ answersFromFragment, fragmentFor }} from '{ROOT}/overrides/assets/javascripts/checklist/share.js';"
        f"const fields = {json.dumps(list(answers))};"
        f"const read = answersFromFragment({json.dumps(fragment)}, fields);"
        "console.log(JSON.stringify({read, again: fragmentFor(read, fields)}));"
    )
    out = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    reply = json.loads(out.stdout)
    assert reply["read"] == answers
    assert reply["again"] == fragment  # the same bytes as the page's own encoder writes


def test_an_empty_answer_is_not_written() -> None:
    assert share_fragment({"role": "employee", "done": [], "csp": False, "temp_password_issued_on": None}) == (
        "#checklist?role=employee"
    )
    assert personal_link(
        {"remaining": [], "temp_password_issued_on": None, "exams_associated_at": None}, "fr", "https://a.example"
    ).startswith("https://a.example/fr/checklist/#checklist?role=employee&situation=transition&done=")


def merged(language: str, *people: dict[str, Any]) -> str:
    reply = json.loads(call("team_mail_merge", json.dumps({"document": document(language, *people), "site_url": SITE})))
    assert reply["ok"], reply
    return reply["result"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_mail_merge_file_is_one_message_per_person(language: str) -> None:
    attack = {**FRESH, "name": '=HYPERLINK("https://evil.example","x")', "email": "+x@x.example"}
    dup = {**SOON, "email": "SAM@X.EXAMPLE"}
    text = merged(language, EXPIRED, SOON, dup, UNKNOWN, SIGNED, attack)
    assert text.startswith("\ufeff")
    raw = text.encode("utf-8")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF everywhere, in bodies too
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True))
    header, *records = rows
    assert len(header) == 5 and all(header)
    assert len(records) == 5  # the address given twice (case apart) once
    for email, name, subject, body, link in records:
        assert subject and link in body
        assert link.startswith(SITE) and "#checklist?" in link
        for cell in (email, name, subject, body, link):
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell
    by_email = {record[0]: record for record in records}
    assert by_email["'+x@x.example"][1].startswith("'=HYPERLINK")
    eve = by_email["eve@x.example"]
    assert eve[4] == written(language, EXPIRED)["messages"][0]["link"]
    # Every field is quoted (RFC 4180): a body with commas, quotes and line breaks stays one field.
    first_line = text.removeprefix("\ufeff").split("\r\n", 1)[0]
    assert first_line == ",".join(f'"{label}"' for label in header)


def test_the_mail_merge_call_names_what_is_missing() -> None:
    reply = json.loads(call("team_mail_merge", json.dumps({"document": document("en", FRESH)})))
    assert reply["error"]["field"] == "site_url"


def test_a_group_message_names_nobody_and_gives_the_earliest_deadline() -> None:
    message = written("en", SOON, FRESH, EXPIRED)
    for person in (SOON, FRESH, EXPIRED):
        assert person["name"] not in message["body"]
    soon = team(document("en", SOON))["employees"][0]
    earliest = next(s["due_text"] for s in soon["remaining"] if s["due_text"])
    assert f"please sign in by {earliest}" in message["body"]
    assert "new sign-in info" in message["body"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("person", [EXPIRED, SOON, UNKNOWN, SIGNED])
def test_the_short_message_fits_a_mail_link(language: str, person: dict[str, Any]) -> None:
    """A Chinese message is about nine characters a character in a mail link: the per-person link falls back
    to the short form, which still says the status and carries the personal link, within 2,000 characters."""
    message = written(language, person)["messages"][0]
    short = message["short_body"]
    assert message["link"] in short and len(short) < len(message["body"])
    status_words = written(language, person)["body"].split("\n")[4] if person is not SIGNED else ""
    assert status_words in short
    quoted = urllib.parse.quote
    href = f"mailto:{quoted(person['email'], safe='')}?subject={quoted(message['subject'], safe='')}"
    href += f"&body={quoted(short, safe='')}"
    assert len(href) <= 2000, len(href)
