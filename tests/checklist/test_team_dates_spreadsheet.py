"""Dates as spreadsheets write them (issue 22): long dates with a weekday in English, French and Chinese, the
weekday checked, two-digit years once the order is known, Excel date numbers; the pasted-date entry point reads
the same forms. Every form is read whatever the file's language and the reader's."""

from __future__ import annotations

import json
from typing import Any

import pytest

from checklist.i18n import LANGUAGES
from checklist.team import team_from_csv
from checklist.team.date_cells import read_cell, read_pasted_day, serial_day
from checklist.web import call

TODAY = "2028-01-10"


def read(text: str, **options: Any) -> dict[str, Any]:
    return team_from_csv(text, today=options.pop("today", TODAY), **options)


def issued(cell: str, language: str = "en", **options: Any) -> str:
    result = read(f'Email,Issued on\na@x.example,"{cell}"\n', language=language, **options)
    assert result["rejected"] == [], result["rejected"]
    return result["employees"][0]["temp_password_issued_on"]


# fmt: off
WEEKDAY_FORMS = [
    # French: Excel's "date longue", abbreviated, with and without dots, capitals, 1er, no-break spaces.
    ("dimanche 8 novembre 2026", "2026-11-08"), ("Dimanche 8 Novembre 2026", "2026-11-08"),
    ("dim. 8 nov. 2026", "2026-11-08"), ("dim 8 nov 2026", "2026-11-08"), ("DIM. 8 NOV. 2026", "2026-11-08"),
    ("lundi 1er février 2027", "2027-02-01"), ("lun. 1er févr. 2027", "2027-02-01"),
    ("lun 1 fevr 2027", "2027-02-01"), ("mercredi 15 décembre 2027", "2027-12-15"),
    ("mer. 15 déc. 2027", "2027-12-15"), ("le samedi 1er mai 2027", "2027-05-01"),
    ("mardi\u00a08\u00a0décembre\u00a02026", "2026-12-08"), ("mardi\u202f8\u202fdéc.\u202f2026", "2026-12-08"),
    ("8 novembre 2026, dimanche", "2026-11-08"), ("mar. 8 déc. 2026", "2026-12-08"),
    # English: US and UK long dates, abbreviations, ordinals, the weekday after the date.
    ("Sunday, November 8, 2026", "2026-11-08"), ("Sun, Nov 8, 2026", "2026-11-08"),
    ("Sun 8 Nov 2026", "2026-11-08"), ("SUNDAY 8TH NOVEMBER 2026", "2026-11-08"),
    ("Tue. Dec. 8, 2026", "2026-12-08"), ("Thurs, Feb 4, 2027", "2027-02-04"),
    ("Wednesday, 15 December 2027", "2027-12-15"), ("8 Nov 2026 (Sun)", "2026-11-08"),
    # Chinese (Taiwan and mainland): 星期, 週, 周, 禮拜, in brackets full-width or not, before a time too.
    ("2026年11月8日 星期日", "2026-11-08"), ("2026年11月8日星期日", "2026-11-08"),
    ("2026年11月8日（週日）", "2026-11-08"), ("2026年11月8日 (周日)", "2026-11-08"),
    ("2026/11/8 (日)", "2026-11-08"), ("2026/11/8（日）", "2026-11-08"), ("2026年12月8日 星期二", "2026-12-08"),
    ("２０２６年１１月８日 週日", "2026-11-08"), ("2026年11月8日 禮拜天", "2026-11-08"),
    ("2026-11-08 (Sun)", "2026-11-08"), ("dimanche 08/11/2026", "2026-11-08"),
]
# fmt: on


@pytest.mark.parametrize(("cell", "day"), WEEKDAY_FORMS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_long_dates_with_their_weekday_read_in_any_language(cell: str, day: str, language: str) -> None:
    assert issued(cell, language, date_order="dmy") == day


@pytest.mark.parametrize(("cell", "day"), WEEKDAY_FORMS)
def test_the_pasted_date_entry_point_reads_the_same_forms(cell: str, day: str) -> None:
    assert read_pasted_day(cell, "dmy") == day
    reply = json.loads(call("read_date", json.dumps({"text": cell, "language": "fr"})))
    assert reply == {"ok": True, "result": day}


def test_march_is_not_taken_for_mardi() -> None:
    assert issued("Mar 8, 2026") == "2026-03-08"  # a month first: "mar" is March, not mardi
    assert issued("mar. 8 déc. 2026") == "2026-12-08"  # a weekday: 8 December 2026 is a Tuesday


@pytest.mark.parametrize(
    ("cell", "written", "actual"),
    [
        ("lundi 8 novembre 2026", {"en": "Monday", "fr": "lundi", "zh-TW": "星期一"}, "Sunday"),
        ("Monday, November 8, 2026", {"en": "Monday", "fr": "lundi", "zh-TW": "星期一"}, "Sunday"),
        ("2026年11月8日 星期六", {"en": "Saturday", "fr": "samedi", "zh-TW": "星期六"}, "Sunday"),
        ("2026/11/8 (一)", {"en": "Monday", "fr": "lundi", "zh-TW": "星期一"}, "Sunday"),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wrong_weekday_is_refused_naming_both(cell: str, written: dict[str, str], actual: str, language: str) -> None:
    (entry,) = read(f'Email,Issued on\na@x.example,"{cell}"\n', language=language)["rejected"]
    assert entry["code"] == "weekday_mismatch" and entry["value"] == cell
    real = {"en": actual, "fr": "dimanche", "zh-TW": "星期日"}[language]
    assert written[language] in entry["expected"] and real in entry["expected"], entry["expected"]
    assert read_pasted_day(cell, "dmy") is None  # the form leaves a date it cannot trust as it was


def test_a_wrong_weekday_in_the_exams_column_is_refused_too() -> None:
    text = 'Email,Issued on,Exams associated\na@x.example,2027-03-01,"Monday, March 1, 2027 9:30 AM"\n'
    assert read(text)["employees"][0]["exams_associated_at"] == "2027-03-01T09:30"
    (entry,) = read(text.replace("Monday", "Friday"))["rejected"]
    assert (entry["code"], entry["column"]) == ("weekday_mismatch", "Exams associated")


def test_a_day_the_month_does_not_have_is_named_as_such_weekday_or_not() -> None:
    (entry,) = read("Email,Issued on\na@x.example,mercredi 31 juin 2026\n")["rejected"]
    assert entry["code"] == "impossible_date"


@pytest.mark.parametrize(
    ("cell", "order", "day"),
    [
        ("08/11/26", "dmy", "2026-11-08"),
        ("08/11/26", "mdy", "2026-08-11"),
        ("8.11.26", "dmy", "2026-11-08"),
        ("8-11-26", "dmy", "2026-11-08"),
        ("31/12/00", "dmy", "2000-12-31"),
        ("8-Nov-26", None, "2026-11-08"),
        ("8-nov.-26", None, "2026-11-08"),
        ("Nov 8, 26", None, "2026-11-08"),
        ("dim. 8 nov. 26", None, "2026-11-08"),
    ],
)
def test_two_digit_years_read_in_2000_to_2099_once_the_order_is_known(cell: str, order: str | None, day: str) -> None:
    assert issued(cell, date_order=order) == day


def test_a_two_digit_year_waits_for_the_order_and_proves_it() -> None:
    with pytest.raises(Exception) as raised:
        read("Email,Issued on\na@x.example,08/11/26\n")
    assert getattr(raised.value, "code", None) == "date_order_needed"
    result = read("Email,Issued on\na@x.example,08/11/26\nb@x.example,25/11/26\n")
    assert result["date_order"] == "dmy" and result["date_order_source"] == "file"


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", ("2000", "2099", "“08/11/26”", "8 November 2026")), ("fr", ("2000", "2099", "8 novembre 2026"))],
)
def test_the_summary_says_how_two_digit_years_were_read(language: str, words: tuple[str, ...]) -> None:
    result = read("Email,Issued on\na@x.example,08/11/26\nb@x.example,25/11/26\n", language=language)
    (notice,) = [n for n in result["notices"] if n["code"] == "short_years_read"]
    assert all(word in notice["message"] for word in words), notice["message"]
    assert result["summary"]["date_forms"] == {"short_year": 2}
    zh = read("Email,Issued on\na@x.example,08/11/26\n", language="zh-TW", date_order="dmy")
    assert "2000" in next(n["message"] for n in zh["notices"] if n["code"] == "short_years_read")


@pytest.mark.parametrize(
    ("serial", "day"),
    [
        ("45962", "2025-11-01"),
        ("46334", "2026-11-08"),
        ("36526", "2000-01-01"),
        ("46334.5", "2026-11-08"),  # a date column: the time is not the issue date
        ("46334,75", "2026-11-08"),  # a French decimal comma
    ],
)
def test_excel_date_numbers_read_as_dates(serial: str, day: str) -> None:
    assert issued(serial) == day


def test_excel_date_numbers_follow_the_1900_system_and_its_leap_year_bug() -> None:
    # Excel counts 29 February 1900 (serial 60), which never was: from serial 61 on, day 0 is 1899-12-30.
    assert serial_day(61 + 36465) == "2000-01-01" and serial_day(36526) == "2000-01-01"
    assert serial_day(2958465) == "9999-12-31" and serial_day(2958466) is None
    assert serial_day(36525) is None  # before 2000: a typo in a date column, not a day of 1999
    assert serial_day(46334, "5") == "2026-11-08T12:00" and serial_day(46334, "999999") == "2026-11-08T23:59"


def test_an_excel_number_with_a_time_fills_the_exams_time_and_the_summary_says_so() -> None:
    text = "Email,Issued on,Exams associated\na@x.example,46334,46335.375\n"
    for language in LANGUAGES:
        result = read(text, language=language)
        assert result["employees"][0]["exams_associated_at"] == "2026-11-09T09:00"
        (notice,) = [n for n in result["notices"] if n["code"] == "excel_dates_read"]
        assert "46334" in notice["message"] and "1900" in notice["message"]
    assert read(text)["summary"]["date_forms"] == {"serial": 2}


def test_small_numbers_are_not_dates() -> None:
    for cell in ("2026", "12345", "1"):
        (entry,) = read(f"Email,Issued on\na@x.example,{cell}\n")["rejected"]
        assert entry["code"] == "invalid_value"


def test_a_last_sign_in_column_with_a_weekday_or_a_number_means_signed_in() -> None:
    result = read(
        'Email,Issued on,Last sign-in\na@x.example,2027-03-01,"Monday, March 1, 2027"\nb@x.example,2027-03-01,46447\n'
    )
    assert [e["signed_in"] for e in sorted(result["employees"], key=lambda e: e["row"])] == [True, True]


def test_read_cell_names_the_form() -> None:
    assert read_cell("dimanche 8 novembre 2026", None) == ("2026-11-08", "worded", True)
    assert read_cell("08/11/26", "dmy") == ("2026-11-08", "short_year", False)
    assert read_cell("45962", None) == ("2025-11-01", "serial", False)
    assert read_cell("2026-11-08", None) == ("2026-11-08", "iso", False)
