"""The page's side of the engine: its questions, its words, the worker's entry point and the calendar file."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re

import pytest
from icalendar import Calendar

from checklist import ChecklistError
from checklist.answers import FIELDS
from checklist.calendar import ics
from checklist.i18n import LANGUAGES
from checklist.plan import date_labels, plan
from checklist.steps import key_dates
from checklist.web import ANSWER_FIELDS, PAGE_STRINGS, QUESTIONS, call, page_context, page_strings, team_strings

PAGE = "https://example.org/fr/checklist/"
SITE = "https://example.org/"


def test_every_question_asks_for_a_contract_field_under_conditions_that_can_hold() -> None:
    fields = {q.field: q for q in QUESTIONS}
    assert set(fields) <= set(FIELDS) and set(fields) == set(ANSWER_FIELDS) - {"done"}
    for question in QUESTIONS:
        for field, value in question.when:
            assert value in {v for v, _ in fields[field].options}, (question.field, field, value)


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_words_are_translated_and_keep_their_placeholders(language: str) -> None:
    words = page_strings(language)
    assert set(words) == set(PAGE_STRINGS) | {f"date.{key}" for key in date_labels()} | set(team_strings(language))
    if language != "en":
        # A pattern of punctuation only ("{before}, {after}") may well be the same in a language: French's is.
        worded = {
            key: message
            for key, message in PAGE_STRINGS.items()
            if re.search(r"[^\W\d_]", re.sub(r"\{\w+\}", "", message))
        }
        same = [key for key, message in worded.items() if words[key] == message]
        assert same == [], f"{language}: untranslated page words {same}"
    for key, message in PAGE_STRINGS.items():
        assert {p for p in ("{done}", "{total}", "{date}", "{key}", "{message}", "{title}") if p in message} == {
            p for p in ("{done}", "{total}", "{date}", "{key}", "{message}", "{title}") if p in words[key]
        }, (language, key)


def test_page_context_prerenders_one_plan_per_role_in_the_page_language() -> None:
    context = page_context("zh-TW", dt.date(2026, 11, 21))
    assert [item["role"] for item in context["overview"]] == ["admin", "employee"]
    for item in context["overview"]:
        assert item["plan"]["language"] == "zh-TW" and item["plan"]["remaining"]
        assert all(step["link"].startswith("/zh-TW/") for step in item["plan"]["remaining"])
    assert context["date_order"] == list(date_labels())


def test_call_answers_json_with_the_plan_or_the_field_error() -> None:
    answers = {"role": "employee", "today": "2026-11-21", "temp_password_issued_on": "2026-10-01"}
    ok = json.loads(call("plan", json.dumps({"answers": answers})))
    assert ok == {"ok": True, "result": plan(answers)}
    bad = json.loads(call("plan", json.dumps({"answers": {**answers, "temp_password_issued_on": "2027-01-01"}})))
    assert bad["ok"] is False and bad["error"]["field"] == "temp_password_issued_on"
    assert bad["error"]["code"] == "in_future"


@pytest.mark.parametrize(
    ("fn", "args", "code"),
    [("plan", "not json", "invalid_json"), ("plan", "{}", "required"), ("format_disk", "{}", "unknown_function")],
)
def test_call_never_raises(fn: str, args: str, code: str) -> None:
    reply = json.loads(call(fn, args))
    assert reply["ok"] is False and reply["error"]["code"] == code


def calendar_for(answers: dict) -> Calendar:
    text = ics(plan(answers), PAGE, SITE)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n")), "lines must be folded at 75 octets"
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return Calendar.from_ical(text)


def test_calendar_has_the_action_on_its_last_day_and_the_other_dates_with_links() -> None:
    answers = {
        "role": "admin",
        "language": "fr",
        "today": "2016-11-21",  # the 2017 rules: before PMC's retirement
        "pmc_membership_end": "2017-03-01",
    }
    expected = plan(answers)["dates"]
    events = {str(e["UID"]).split("@")[0]: e for e in calendar_for(answers).walk("VEVENT")}
    # Renewing is the action (its last day is the end date, which is also the PMC access date: one event that
    # names both); the new end date is information of its own.
    assert set(events) == {"step-membership.renew", "date-membership_end"}
    renew, end = events["step-membership.renew"], events["date-membership_end"]
    assert renew.decoded("DTSTART") == dt.date.fromisoformat(expected["renew_by"])
    assert str(renew["SUMMARY"]) == "Renouveler votre adhésion MPN dans l’Espace partenaires"
    assert "Avantages PMC consultables jusqu’au" in str(renew["DESCRIPTION"])
    assert end.decoded("DTSTART") == dt.date.fromisoformat(expected["membership_end"])
    step = {key_date.key: step for step, key_date in key_dates()}["renew_by"]
    for event in events.values():
        assert str(event["URL"]) == PAGE
        description = str(event["DESCRIPTION"])
        assert f"{SITE}fr/{step.page}/#{step.anchor}" in description and PAGE in description
    assert "1 mars 2018" not in str(end["SUMMARY"])  # the date is the event's, not its text


def test_calendar_timed_event_for_competency_progress_and_escaped_text() -> None:
    answers = {
        "role": "employee",
        "language": "zh-TW",
        "now": "2026-11-21T09:30",
        "exams_associated_at": "2026-11-21T08:15",
    }
    (event,) = calendar_for(answers).walk("VEVENT")
    assert event.decoded("DTSTART") == dt.datetime(2026, 11, 22, 8, 15)
    assert "專長認證" in str(event["SUMMARY"])


def test_calendar_without_dates_is_an_empty_calendar() -> None:
    assert calendar_for({"role": "employee", "today": "2026-11-21"}).walk("VEVENT") == []


TEAM_CSV = (
    "Display name,User name,Password,Created on,Signed in\n"
    "Ana,ana@contoso.com,S3cret!,2026-08-01,no\n"
    "Bo,bo@contoso.com,S3cret!,2026-09-01,yes\n"
)


def test_team_csv_call_keeps_facts_not_passwords_and_recomputes_the_same() -> None:
    args = {"data": base64.b64encode(TEAM_CSV.encode()).decode(), "language": "fr", "today": "2026-11-21"}
    reply = json.loads(call("team_csv", json.dumps(args)))
    assert reply["ok"], reply
    assert "S3cret!" not in json.dumps(reply)
    document = reply["result"]["document"]
    again = json.loads(call("team", json.dumps({"document": {**document, "language": "fr", "today": "2026-11-21"}})))
    statuses = [p["status"] for p in again["result"]["team"]["employees"]]
    assert (
        statuses == [p["status"] for p in reply["result"]["team"]["employees"]] == ["expired", "in_progress"]
    )  # Bo signed in; Partner University and exams remain


def test_team_csv_error_names_row_and_column_in_the_readers_language() -> None:
    bad = TEAM_CSV.replace("2026-09-01", "2026-13-01")
    args = {"data": base64.b64encode(bad.encode()).decode(), "language": "fr", "today": "2026-11-21"}
    reply = json.loads(call("team_csv", json.dumps(args)))
    assert reply["ok"], reply  # a partial import: the other rows are computed, the bad one is listed
    (entry,) = reply["result"]["team"]["rejected"]
    assert entry["row"] == 3 and entry["message"].startswith("Ligne 3, colonne")


def test_team_calendar_has_a_deadline_for_each_person_not_signed_in() -> None:
    document = {
        "language": "en",
        "today": "2026-11-21",
        "employees": [
            {"name": "Ana", "temp_password_issued_on": "2026-10-01", "signed_in": False},
            {"name": "Bo", "temp_password_issued_on": "2026-10-01", "signed_in": True},
        ],
    }
    reply = json.loads(call("team_calendar", json.dumps({"document": document, "page_url": PAGE, "site_url": SITE})))
    events = Calendar.from_ical(reply["result"]).walk("VEVENT")
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events] == [
        ("Temporary password stops working on: Ana", dt.date(2026, 12, 30))
    ]


# --- issue 25: every call shape the worker could send ends in a typed error naming the argument ----------------

ANSWERS = {"role": "admin", "today": "2027-01-01"}


def refused(fn: str, text: str) -> dict:
    reply = json.loads(call(fn, text))
    assert reply["ok"] is False and reply["error"]["code"] != "internal", reply
    return reply["error"]


@pytest.mark.parametrize(
    ("fn", "text", "field", "code"),
    [
        ("plan", "{", "$", "invalid_json"),
        ("plan", "", "$", "invalid_json"),
        ("plan", "[]", "$", "not_an_object"),
        ("plan", '"answers"', "$", "not_an_object"),
        ("plan", "{}", "answers", "required"),
        ("calendar", json.dumps({"answers": ANSWERS}), "page_url", "required"),
        ("calendar", json.dumps({"answers": ANSWERS, "page_url": PAGE}), "site_url", "required"),
        ("calendar", json.dumps({"answers": ANSWERS, "page_url": 1, "site_url": SITE}), "page_url", "invalid_type"),
        ("calendar", json.dumps({"answers": ANSWERS, "page_url": PAGE, "site_url": None}), "site_url", "invalid_type"),
        ("team_calendar", json.dumps({"document": {}, "page_url": [], "site_url": SITE}), "page_url", "invalid_type"),
        ("team_reminder", json.dumps({"document": {}}), "site_url", "required"),
        ("team", "{}", "document", "required"),
        ("team_view", json.dumps({"document": {"employees": []}, "date_texts": 3}), "date_texts", "invalid_type"),
        ("team_csv", "{}", "data", "required"),
        ("team_csv", '{"data": 12}', "data", "invalid_type"),
        ("team_csv", '{"data": "not base64!"}', "data", "invalid_base64"),
        ("team_csv_view", '{"data": "QQ="}', "data", "invalid_base64"),
        ("plan", '{"answers": {"done": [' + "9" * 5000 + "]}}", "done[0]", "number_too_long"),
        ("plan", '{"answers": {"role": "admin", "name": "\\ud800"}}', "name", "lone_surrogate"),
        ("team", '{"document": {"employees": [{"name": "\\udfff"}]}}', "employees[0].name", "lone_surrogate"),
    ],
)
def test_a_malformed_call_is_a_typed_error_naming_the_argument(fn: str, text: str, field: str, code: str) -> None:
    error = refused(fn, text)
    assert (error["field"], error["code"]) == (field, code) and error["message"]


def test_a_call_error_is_in_the_pages_language() -> None:
    error = refused("team_calendar", json.dumps({"document": {}, "language": "fr", "page_url": 1, "site_url": SITE}))
    assert error["message"] == "Doit être du texte."


@pytest.mark.parametrize("fn", [None, 3, "nope", "__class__"])
def test_an_unknown_function_is_typed(fn: object) -> None:
    assert refused(fn, "{}")["field"] == "fn"  # type: ignore[arg-type]


def test_plan_refuses_a_huge_integer_given_from_python() -> None:
    """`plan()` called directly (the hooks do): the message quotes the item without converting it to text."""
    with pytest.raises(ChecklistError) as raised:
        plan({**ANSWERS, "done": [10**5000]})
    assert raised.value.field == "done[0]" and raised.value.code == "unknown_value"


@pytest.mark.parametrize(
    "url",
    [
        "http://x/\r\nATTACH:http://evil/",
        "https://example.org/fr/checklist/\r\nBEGIN:VEVENT",
        "https://example.org/\u2028x",
        "https://example.org/\x00",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "https://",
        "http://a b/",
    ],
)
@pytest.mark.parametrize("argument", ["page_url", "site_url"])
def test_calendar_refuses_a_url_that_could_write_a_line(url: str, argument: str) -> None:
    args = {"answers": ANSWERS, "page_url": PAGE, "site_url": SITE, argument: url}
    assert (refused("calendar", json.dumps(args))["field"], argument) == (argument, argument)
    with pytest.raises(ChecklistError):
        ics(plan(ANSWERS), args["page_url"], args["site_url"])


@pytest.mark.parametrize("url", ["HTTP://\\:", "http://a\\b/", "http://:80/", "http://x:99999/"])
def test_a_url_without_a_real_host_or_with_a_backslash_is_refused(url: str) -> None:
    """Found by the long fuzz run: `\\:` after `http://` passed as a host, and calendar readers unescape `\\`."""
    with pytest.raises(ChecklistError) as raised:
        ics(plan(ANSWERS), url, SITE)
    assert raised.value.code == "invalid_url"
