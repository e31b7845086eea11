"""Issue 13: day/month order, each person's row kept as in the admin's file, the admin's columns, admin wording,
and the status CSV importing back to the same table."""

from __future__ import annotations

import csv
import io
import random
from typing import Any

import pytest

from checklist import ChecklistError
from checklist.team import ADMIN_ACTIONS, team, team_from_csv, team_to_csv

TODAY = "2026-11-21"


def read(text: str, **options: Any) -> dict[str, Any]:
    return team_from_csv(text, today=options.pop("today", TODAY), **options)


def issued(result: dict[str, Any]) -> dict[str, str]:
    return {e["email"]: e["temp_password_issued_on"] for e in result["employees"]}


# --- day/month order -------------------------------------------------------------------------------------------


def test_a_day_above_12_proves_day_first() -> None:
    result = read("Email,Created on\na@x.example,8/10/2026\nb@x.example,25/09/2026\n")
    assert issued(result) == {"a@x.example": "2026-10-08", "b@x.example": "2026-09-25"}
    assert (result["date_order"], result["date_order_source"]) == ("dmy", "file")
    assert {"code": "date_order", "message": "Dates in the file were read day first (31/12/2026)."} in result["notices"]


def test_a_second_number_above_12_proves_month_first_excel_us() -> None:
    result = read("Email,Created on\na@x.example,8/10/2026\nb@x.example,9/25/2026 0:00\n")
    assert issued(result) == {"a@x.example": "2026-08-10", "b@x.example": "2026-09-25"}
    assert result["date_order"] == "mdy"


@pytest.mark.parametrize("language", ["en", "fr", "zh-TW"])
def test_an_ambiguous_file_asks_once_naming_an_example(language: str) -> None:
    with pytest.raises(ChecklistError) as raised:
        read("Email,Created on\na@x.example,8/10/2026\nb@x.example,3/4/2026\n", language=language)
    assert (raised.value.field, raised.value.code) == ("date_order", "date_order_needed")
    assert "8/10/2026" in raised.value.message and "date_order" not in raised.value.message


def test_a_file_proving_both_orders_asks_too() -> None:
    with pytest.raises(ChecklistError) as raised:
        read("Email,Created on\na@x.example,25/10/2026\nb@x.example,10/25/2026\n")
    assert raised.value.code == "date_order_needed"


def test_the_chosen_order_wins_and_the_rows_that_do_not_fit_it_are_refused() -> None:
    text = "Email,Created on\na@x.example,8/10/2026\nb@x.example,25/09/2026\nc@x.example,2026-09-01\n"
    result = read(text, date_order="mdy")
    assert issued(result) == {"a@x.example": "2026-08-10", "c@x.example": "2026-09-01"}
    (entry,) = result["rejected"]
    assert (entry["row"], entry["column"], entry["value"]) == (3, "Created on", "25/09/2026")
    assert "12/31/2026" in entry["expected"]
    year_first = read(text, date_order="ymd")
    assert [r["row"] for r in year_first["rejected"]] == [2, 3] and year_first["date_order_source"] == "chosen"


def test_iso_only_files_have_no_order_to_show() -> None:
    result = read("Email,Created on\na@x.example,2026-10-08\n")
    assert result["date_order"] is None and "date_order" not in [n["code"] for n in result["notices"]]


def test_exams_time_follows_the_order_too() -> None:
    result = read("Email,Created on,Exams associated\na@x.example,25/09/2026,1/10/2026 14:05\n")
    assert result["employees"][0]["exams_associated_at"] == "2026-10-01T14:05"


# --- identity ----------------------------------------------------------------------------------------------------

FILE = (
    "Name,Email,Department,Created on,Signed in\n"
    "Ana,ana@x.example,Sales,2026-09-01,no\n"
    "Bo,bo@x.example,Support,2026-11-01,yes\n"
    "Cy,ana@x.example,Sales,2026-11-10,no\n"
    "Di,di@x.example,,2026-08-01,no\n"
)


def test_messages_name_the_row_of_the_admins_file_and_the_stored_document_keeps_it() -> None:
    result = read(FILE)
    cy = next(e for e in result["employees"] if e["name"] == "Cy")
    assert (cy["row"], cy["warnings"][-1]["message"]) == (4, "Same e-mail address as row 2.")
    # What the page stores (rows as given, extra cells) recomputes to the same rows and the same message.
    document = {
        "today": TODAY,
        "extra_columns": result["extra_columns"],
        "employees": [
            {k: e[k] for k in ("row", "name", "email", "temp_password_issued_on", "signed_in", "extra")}
            for e in reversed(result["employees"])  # any stored order
        ],
    }
    again = team(document)
    assert {e["row"]: e["name"] for e in again["employees"]} == {2: "Ana", 3: "Bo", 4: "Cy", 5: "Di"}
    cy = next(e for e in again["employees"] if e["name"] == "Cy")
    assert cy["warnings"][-1]["message"] == "Same e-mail address as row 2."
    assert next(e for e in again["employees"] if e["name"] == "Bo")["extra"] == {"Department": "Support"}


def test_a_row_given_twice_is_refused_in_a_document() -> None:
    with pytest.raises(ChecklistError) as raised:
        team({"today": TODAY, "employees": [{"row": 7, "name": "A"}, {"row": 7, "name": "B"}]})
    assert (raised.value.code, raised.value.row) == ("duplicate_row", 2)  # the document's second person
    assert "Row 7 is given twice" in raised.value.message


def test_the_export_imports_back_to_the_same_table_even_re_sorted_by_the_admin() -> None:
    result = read(FILE)
    exported = team_to_csv(result, bom=False)
    table = list(csv.reader(io.StringIO(exported)))
    assert table[0][0] == "Row" and table[0][-1] == "Department"
    assert [line[0] for line in table[1:]] == ["2", "3", "4", "5"], "the export follows the admin's rows"
    body = table[1:]
    random.Random(3).shuffle(body)  # the admin sorts the sheet by another column
    out = io.StringIO()
    csv.writer(out).writerows([table[0], *body])
    again = read(out.getvalue())
    keys = ("row", "name", "email", "temp_password_issued_on", "signed_in", "status", "extra", "warnings")
    assert sorted(([e[k] for k in keys] for e in again["employees"]), key=str) == sorted(
        ([e[k] for k in keys] for e in result["employees"]), key=str
    )
    assert again["extra_columns"] == ["Department"] and again["rejected"] == []


@pytest.mark.parametrize("language", ["fr", "zh-TW"])
def test_the_round_trip_holds_in_each_language(language: str) -> None:
    result = read(FILE, language=language)
    again = read(team_to_csv(result), language=language)
    assert [(e["row"], e["status"], e["extra"]) for e in again["employees"]] == [
        (e["row"], e["status"], e["extra"]) for e in result["employees"]
    ]


def test_a_row_column_that_is_not_one_number_per_person_is_not_used() -> None:
    result = read("Row,Email,Created on\n9,a@x.example,2026-09-01\n9,b@x.example,2026-09-01\n")
    assert sorted(e["row"] for e in result["employees"]) == [2, 3]
    assert "row_column_ignored" in [n["code"] for n in result["notices"]]


# --- admin wording -----------------------------------------------------------------------------------------------


def test_actions_are_in_the_admins_words_with_their_deadline() -> None:
    result = read(FILE)
    by_name = {e["name"]: e for e in result["employees"]}
    assert [a["message"] for a in by_name["Di"]["actions"]][:1] == ["Remove the account and add it again"]
    assert by_name["Di"]["actions"][0]["code"] == "replace_account"
    cy = [a["message"] for a in by_name["Cy"]["actions"]]
    assert cy[:2] == ["Send the sign-in info again", "Remind them to sign in by 7 February 2027"]
    assert "Ask them to connect Partner University" in cy
    assert all("your" not in message.lower() for e in result["employees"] for message in map(str, e["actions"]))


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Rappelez-lui de se connecter avant le 7 février 2027"), ("zh-TW", "提醒對方在 2027 年 2 月 7 日前登入")],
)
def test_actions_are_translated(language: str, expected: str) -> None:
    cy = next(e for e in read(FILE, language=language)["employees"] if e["name"] == "Cy")
    assert expected in [a["message"] for a in cy["actions"]]


def test_every_required_employee_step_has_an_admin_action() -> None:
    from checklist import steps

    required = {s.id for s in steps.STEPS if s.role == "employee" and not s.optional}
    assert required <= ADMIN_ACTIONS.keys()
