"""Dates with the month in words in the admin's CSV (issue 13, item 9): other people's exports, mixed in one file.

Every cell is read whatever the file's language (and the reader's), never asks the day/month order nor proves
it, and a cell that is not a real date is refused like any other bad cell: row, the file's header, the cell as
written, what to write (now naming the month in words) in the reader's language.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from checklist import ChecklistError
from checklist.date_words import read_worded
from checklist.team import read_team_csv, team_from_csv
from checklist.web import call

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2027-06-01"


def read(text: str, **options: Any) -> dict[str, Any]:
    return team_from_csv(text, today=options.pop("today", TODAY), **options)


def issued(text: str, **options: Any) -> dict[int, str]:
    """Row → the issue date read, for a file whose rows are all good."""
    result = read(text, **options)
    assert result["rejected"] == [], result["rejected"]
    return {e["row"]: e["temp_password_issued_on"] for e in result["employees"]}


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("Nov 8, 2026", "2026-11-08"),
        ("8 November 2026", "2026-11-08"),
        ("8 nov. 2026", "2026-11-08"),
        ("1er mai 2027", "2027-05-01"),
        ("1ᵉʳ mai 2027", "2027-05-01"),
        ("8 novembre 2026", "2026-11-08"),
        ("2026年11月8日", "2026-11-08"),
        ("2026 年 11 月 8 日", "2026-11-08"),
        ("２０２６年１１月８日", "2026-11-08"),
        ("NOVEMBER 8TH, 2026", "2026-11-08"),
        ("fevr 3 2027", "2027-02-03"),
        ("3 févr. 2027", "2027-02-03"),
        ("15 aout 2026", "2026-08-15"),
        ("15 Août 2026", "2026-08-15"),
        ("12 déc 2026", "2026-12-12"),
        ("12 DEC. 2026", "2026-12-12"),
        ("Sept. 1st, 2026", "2026-09-01"),
        ("2nd Jan 2027", "2027-01-02"),
        ("3rd March 2027", "2027-03-03"),
        ("8-Nov-2026", "2026-11-08"),
        ("1 janv. 2027", "2027-01-01"),
        ("22 juil 2026", "2026-07-22"),
    ],
)
@pytest.mark.parametrize("language", ["en", "fr", "zh-TW"])
def test_month_names_read_in_any_language_of_file_or_reader(cell: str, day: str, language: str) -> None:
    header = {"en": "Email,Created on", "fr": "Courriel,Créé le", "zh-TW": "電子郵件,建立日期"}[language]
    assert issued(f'{header}\na@x.example,"{cell}"\n', language=language) == {2: day}


@pytest.mark.parametrize(
    ("cell", "moment"),
    [
        ("November 8, 2026 9:30 AM", "2026-11-08T09:30"),
        ("8 Nov 2026 09:30", "2026-11-08T09:30"),
        ("8 novembre 2026 à 14 h 05", "2026-11-08T14:05"),
        ("2026年11月8日 下午2:05", "2026-11-08T14:05"),
        ("2026/11/8 上午 12:05:00", "2026-11-08T00:05"),
        ("Nov 8, 2026, 12:00 PM", "2026-11-08T12:00"),
        ("30 June 2027, 09:05", None),  # after today: refused by the engine, as any date in the future
    ],
)
def test_the_exams_column_reads_a_date_and_time_with_the_month_in_words(cell: str, moment: str | None) -> None:
    result = read(f'Email,Created on,Exams associated\na@x.example,2026-10-01,"{cell}"\n')
    if moment is None:
        assert [r["code"] for r in result["rejected"]] == ["in_future"]
        return
    (person,) = result["employees"]
    assert (person["exams_associated_at"], person["exams_associated"]) == (moment, True)


def test_mixed_styles_in_one_row_and_one_column_all_read() -> None:
    text = (
        "Email,Created on,Exams associated\n"
        'a@x.example,"Nov 8, 2026","8 November 2026 09:30"\n'
        'b@x.example,8 November 2026,"Nov 9, 2026 9:30 PM"\n'
        "c@x.example,2026-11-08,2026年11月10日 08:00\n"
        "d@x.example,2026 年 11 月 8 日,yes\n"
    )
    result = read(text)
    assert result["rejected"] == [] and result["date_order"] is None  # nothing was asked
    people = {e["row"]: e for e in result["employees"]}
    assert {row: p["temp_password_issued_on"] for row, p in people.items()} == dict.fromkeys((2, 3, 4, 5), "2026-11-08")
    assert [people[row]["exams_associated_at"] for row in (2, 3, 4, 5)] == [
        "2026-11-08T09:30",
        "2026-11-09T21:30",
        "2026-11-10T08:00",
        None,
    ]


def test_a_month_name_never_asks_the_order_nor_proves_it() -> None:
    # Only month names (one with a day above 12): no question, no order.
    assert read("Email,Created on\na@x.example,25 Dec 2026\nb@x.example,8 Oct 2026\n")["date_order"] is None
    # A day above 12 in words is no evidence: 8/10/2026 beside it is still asked, with that cell as the example.
    with pytest.raises(ChecklistError) as raised:
        read("Email,Created on\na@x.example,25 Dec 2026\nb@x.example,8/10/2026\n")
    assert raised.value.code == "date_order_needed" and "8/10/2026" in raised.value.message
    # And with the order proved by a slashed date, the month names beside it still read as written.
    people = issued("Email,Created on\na@x.example,Dec 12 2026\nb@x.example,25/12/2026\nc@x.example,8/10/2026\n")
    assert people == {2: "2026-12-12", 3: "2026-12-25", 4: "2026-10-08"}


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("31 June 2027", "impossible_date"),
        ("Nov 31, 2026", "impossible_date"),
        ("29 février 2027", "impossible_date"),
        ("Smarch 3, 2026", "invalid_value"),
        ("Nov 8", "invalid_value"),  # no year
        ("2st Jan 2027", "invalid_value"),
        ("Nov 82026", "invalid_value"),
        ("1 Jan 1999", "out_of_range"),
    ],
)
@pytest.mark.parametrize("language", ["en", "fr", "zh-TW"])
def test_what_is_not_a_real_date_is_refused_naming_row_header_and_cell(cell: str, code: str, language: str) -> None:
    result = read(f'Email,Créé le\ngood@x.example,2026-11-08\nbad@x.example,"{cell}"\n', language=language)
    (entry,) = result["rejected"]
    assert (entry["row"], entry["column"], entry["value"], entry["code"]) == (3, "Créé le", cell, code)
    assert cell in entry["message"] and "Créé le" in entry["message"] and entry["expected"] in entry["message"]
    assert [e["email"] for e in result["employees"]] == ["good@x.example"]
    prefix = {"en": "Row 3, column", "fr": "Ligne 3, colonne", "zh-TW": "第 3 列，欄"}[language]
    assert entry["message"].startswith(prefix)


@pytest.mark.parametrize(
    ("language", "worded"),
    [("en", "31 December 2026"), ("fr", "31 décembre 2026"), ("zh-TW", "2026 年 12 月 31 日")],
)
def test_what_to_write_names_the_month_in_words_in_the_readers_language(language: str, worded: str) -> None:
    result = read(
        "Email,Created on,Exams associated\na@x.example,Smarch 3 2026,\nb@x.example,2026-11-08,Nov 8\n",
        language=language,
    )
    date, exams = (entry["expected"] for entry in result["rejected"])
    assert worded in date and "2026-12-31" in date
    assert f"{worded} 09:30" in exams


def test_a_last_sign_in_column_with_a_month_name_means_signed_in() -> None:
    result = read('Email,Created on,Last sign-in\na@x.example,2026-11-08,"Nov 9, 2026 10:00 AM"\n')
    assert result["employees"][0]["signed_in"] is True


def test_the_reader_keeps_the_cell_and_the_shape_is_all_it_reads() -> None:
    """The reader gives the ISO text and leaves "does this day exist" to the engine's field reader."""
    assert read_worded("31 June 2027") == "2027-06-31"
    assert read_worded("13:00 PM Nov 8 2026") is None
    assert read_worded("Nov 8, 2026 25:00") is None
    table = read_team_csv("Email,Created on\na@x.example,31 June 2027\n")
    assert table.rows == [(2, {"email": "a@x.example", "temp_password_issued_on": "2027-06-31"})]


# --- the refused rows: one line, the same on the page (web.call) and in the CLI -------------------------------

MISFIT = (
    'Email,Created on,Signed in\na@x.example,2026-11-08,yes\nb@x.example,"Smarch 3, 2026",no\nc@x.example,2026-11-08\n'
)


def test_the_cli_prints_the_lines_the_page_lists(tmp_path: Path) -> None:
    source = tmp_path / "team.csv"
    source.write_text(MISFIT, encoding="utf-8")
    for language in ("fr", "zh-TW"):
        done = subprocess.run(
            [sys.executable, "-m", "checklist", "team", str(source), "--today", TODAY, "--language", language],
            capture_output=True,
            cwd=ROOT,
            timeout=60,
        )
        assert done.returncode == 3, done.stderr.decode()
        page = json.loads(
            call("team_csv_view", json.dumps({"data": _b64(MISFIT), "language": language, "today": TODAY}))
        )
        lines = [entry["message"] for entry in page["result"]["team"]["rejected"]]
        assert done.stderr.decode("utf-8").splitlines() == [f"rejected: {line}" for line in lines]
        whole = next(entry for entry in page["result"]["team"]["rejected"] if entry["code"] == "row_width")
        assert whole["expected"] in whole["message"]  # what to do about it is on the line, as for a cell
    assert "——" in lines[0] and " — " not in lines[0]  # zh-TW's own dash, from its catalog


def test_the_cli_reads_month_names(tmp_path: Path) -> None:
    source = tmp_path / "team.csv"
    source.write_text('Email,Créé le,Exams associated\na@x.example,"Nov 8, 2026",8 Nov 2026 09:30\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "checklist", "team", str(source), "--today", TODAY],
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()
    (person,) = json.loads(done.stdout)["employees"]
    assert (person["temp_password_issued_on"], person["exams_associated_at"]) == ("2026-11-08", "2026-11-08T09:30")


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


# --- a team document without "language": the page's ----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "prefix", "message"),
    [("fr", "Ligne 2, colonne", "Cette date n’existe pas."), ("zh-TW", "第 2 列，", "此日期不存在。")],
)
@pytest.mark.parametrize("fn", ["team", "team_view", "team_export"])
def test_a_document_without_language_is_read_in_the_pages(language: str, prefix: str, message: str, fn: str) -> None:
    people = [
        {"name": "Ana", "temp_password_issued_on": "2027-01-01"},
        {"name": "Bo", "temp_password_issued_on": "2027-02-30"},
    ]
    document = {"today": TODAY, "employees": people}
    reply = json.loads(call(fn, json.dumps({"document": document, "language": language})))
    assert not reply["ok"] and reply["error"]["row"] == 2
    assert reply["error"]["message"].startswith(prefix) and reply["error"]["message"].endswith(message)
    # The document's own language wins, and the prefix follows it even when the page sends none beside it.
    reply = json.loads(call(fn, json.dumps({"document": {**document, "language": language}})))
    assert reply["error"]["message"].startswith(prefix)
    good = {"today": TODAY, "employees": people[:1]}
    shown = json.loads(call("team", json.dumps({"document": good, "language": language})))["result"]["team"]
    english = json.loads(call("team", json.dumps({"document": good})))["result"]["team"]
    assert (shown["language"], english["language"]) == (language, "en")
    assert shown["totals_text"] != english["totals_text"]


@pytest.mark.parametrize(
    ("language", "joined"), [("en", "31/12/2026, 2026-12-31"), ("zh-TW", "31/12/2026、2026-12-31")]
)
def test_the_examples_are_listed_with_the_languages_own_comma(language: str, joined: str) -> None:
    result = read("Email,Created on\na@x.example,soon\nb@x.example,25/12/2026\n", language=language, today="2027-01-01")
    assert joined in result["rejected"][0]["expected"]
