"""The page's compact team view (issue 11, "slim team replies"): the same results as the full status, in ids,
dates and codes, and the page's words rebuild the engine's messages exactly."""

from __future__ import annotations

import base64
import json
import random
import re
from typing import Any

import pytest

from checklist.team import VIEW_FIELDS, team
from checklist.web import call, team_strings

TODAY = "2026-11-21"


def people(count: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    found = []
    for index in range(count):
        person: dict[str, Any] = {"row": index + 2, "name": f"P{index}", "email": f"p{index % 90}@x.example"}
        if rng.random() < 0.9:
            person["temp_password_issued_on"] = f"2026-{rng.randrange(7, 11):02}-{rng.randrange(1, 29):02}"
        person["signed_in"] = rng.random() < 0.4
        person["partner_university_connected"] = rng.random() < 0.3
        if rng.random() < 0.3:
            person["exams_associated_at"] = f"2026-11-{rng.randrange(15, 21):02}T{rng.randrange(0, 24):02}:30"
        found.append(person)
    return found


def fill(words: dict[str, str], key: str, values: dict[str, Any]) -> str:
    """What the page's `text()` does (dom.js wordsFrom): {name} replaced, unknown names left."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m[1], m[0])), words[key])


@pytest.mark.parametrize("language", ["en", "fr", "zh-TW"])
def test_the_view_says_what_the_full_status_says(language: str) -> None:
    document = {"language": language, "today": TODAY, "now": f"{TODAY}T10:00", "employees": people(150)}
    full, view = team(document), team(document, view=True)
    words = team_strings(language)
    assert view["view_fields"] == list(VIEW_FIELDS) and view["totals"] == full["totals"]
    assert len(view["employees"]) == len(full["employees"]) == 150
    for record, person in zip(view["employees"], full["employees"], strict=True):
        row, status, needs, flags, expires, actions, warnings = record
        assert (row, status, bool(needs)) == (person["row"], person["status"], person["needs_action"])
        assert bool(flags & 1) == person["signed_in"] and bool(flags & 2) == person["partner_university_connected"]
        assert bool(flags & 4) == person["exams_associated"]
        assert expires == person["dates"]["temp_password_expires"]
        assert words[f"team_status.{status}"] == person["status_label"]
        # The page rebuilds each message from the words it holds and the reply's date texts: the same text.
        texts = view["dates_text"]
        shown_actions = [
            fill(words, f"team_action_by.{code}", {"date": texts[due]}) if due else words[f"team_action.{code}"]
            for code, due in actions
        ]
        assert shown_actions == [a["message"] for a in person["actions"]]
        shown_warnings = []
        for code, *values in warnings:
            names = [n for n in words[f"team_warning_params.{code}"].split(",") if n]
            filled = {n: v if n == "row" else texts[v] for n, v in zip(names, values, strict=True)}
            shown_warnings.append(fill(words, f"team_warning.{code}", filled))
        assert shown_warnings == [w["message"] for w in person["warnings"]]


def test_the_view_reply_is_much_smaller_and_holds_no_titles_or_names() -> None:
    document = {"language": "fr", "today": TODAY, "employees": people(1000)}
    full = call("team", json.dumps({"document": document}))
    slim = call("team_view", json.dumps({"document": document, "date_texts": ["2026-11-20"]}))
    assert len(slim) * 8 < len(full)
    result = json.loads(slim)["result"]
    assert result["dates_text"]["2026-11-20"] == "20 novembre 2026"
    text = json.dumps(result, ensure_ascii=False)
    assert "Connectez" not in text and "P17" not in text and "@x.example" not in text


def test_the_import_for_the_page_keeps_the_report_and_the_facts() -> None:
    csv = "Name,Email,Department,Created on,Signed in\n"
    csv += "Ana,a@x.example,Sales,8/10/2026,no\nBo,b@x.example,,8/11/2026,maybe\n"
    args = {"data": base64.b64encode(csv.encode()).decode(), "language": "en", "today": TODAY, "date_order": "dmy"}
    reply = json.loads(call("team_csv_view", json.dumps(args)))["result"]
    assert [r["row"] for r in reply["team"]["rejected"]] == [3]
    assert (reply["team"]["date_order"], reply["team"]["date_order_source"]) == ("dmy", "chosen")
    assert reply["document"] == {
        "employees": [
            {
                "row": 2,
                "name": "Ana",
                "email": "a@x.example",
                "temp_password_issued_on": "2026-10-08",
                "signed_in": False,
                "partner_university_connected": False,
                "exams_associated": False,
                "extra": {"Department": "Sales"},
            }
        ],
        "extra_columns": ["Department"],
    }
    assert [record[0] for record in reply["team"]["employees"]] == [2]


def test_a_reminder_is_written_in_the_language_chosen_with_the_deadline() -> None:
    document = {
        "language": "fr",
        "today": TODAY,
        "employees": [{"name": "Ana", "email": "ana@x.example", "temp_password_issued_on": "2026-11-01"}],
    }
    reply = json.loads(call("team_reminder", json.dumps({"document": document, "site_url": "https://e.example/"})))
    written = reply["result"]
    assert written["subject"] == "Espace partenaires\u00a0: vos étapes à terminer avant le 29 janvier 2027"
    assert written["body"].startswith("Bonjour Ana,") and "https://e.example/fr/" in written["body"]
    assert written["emails"] == ["ana@x.example"]
