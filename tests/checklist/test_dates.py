"""Date rules, each row citing the guide fact it encodes."""

import datetime as dt

import pytest

from checklist import ChecklistError, dates, plan

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("end", "expected", "fact"),
    [
        ("2027-06-30", "2028-06-30", "000: end date pushed to one year after the current end date"),
        ("2028-02-29", "2029-02-28", "leap day: no 29 February next year, so 28 February"),
        ("2027-02-28", "2028-02-28", "the day before a leap day stays put"),
        ("2027-12-31", "2028-12-31", "year boundary"),
    ],
)
def test_one_year_after(end: str, expected: str, fact: str) -> None:
    assert dates.one_year_after(D(end)) == D(expected), fact


@pytest.mark.parametrize(
    ("issued", "expires"),
    [
        ("2026-01-01", "2026-04-01"),  # 000: valid for 90 days; 2026 is not a leap year
        ("2028-01-01", "2028-03-31"),  # leap February has 29 days
        ("2026-11-21", "2027-02-19"),  # across a year boundary
    ],
)
def test_temp_password_expires_90_days_after_issue(issued: str, expires: str) -> None:
    assert dates.temp_password_expires(D(issued)) == D(expires)
    assert (D(expires) - D(issued)).days == 90


def test_progress_visible_exactly_24_hours_later_across_midnight_and_month() -> None:
    # 000: "Wait 24 hours" after associating, then progress shows under Partnership > Competencies.
    at = dt.datetime(2026, 11, 30, 23, 30)
    assert dates.competency_progress_visible(at) == dt.datetime(2026, 12, 1, 23, 30)


@pytest.mark.parametrize(
    ("reenrolled", "end", "in_time"),
    [("2027-06-29", "2027-06-30", True), ("2027-06-30", "2027-06-30", True), ("2027-07-01", "2027-06-30", False)],
)
def test_reenrolled_in_time_includes_the_end_date(reenrolled: str, end: str, in_time: bool) -> None:
    assert dates.reenrolled_in_time(D(reenrolled), D(end)) is in_time


# --- the safe range (issue 16: 9999-12-31 overflowed `one_year_after` and crashed the page for good) ----------


def _fail(field: str, code: str, message: str, **values: object) -> ChecklistError:
    return ChecklistError(field, code, message.format(**values))


@pytest.mark.parametrize("day", ["2000-01-01", "2027-06-30", "2100-12-31"])
def test_check_range_accepts_the_bounds_and_what_lies_between(day: str) -> None:
    assert dates.check_range(D(day), "today", _fail) == D(day)
    moment = dt.datetime.fromisoformat(day + "T23:59")
    assert dates.check_range(moment, "now", _fail) == moment


@pytest.mark.parametrize("day", ["0001-01-01", "1999-12-31", "2101-01-01", "9999-12-31"])
def test_check_range_refuses_anything_else_naming_the_field(day: str) -> None:
    with pytest.raises(ChecklistError) as raised:
        dates.check_range(D(day), "pmc_membership_end", _fail)
    assert (raised.value.field, raised.value.code) == ("pmc_membership_end", "out_of_range")
    assert raised.value.message == "Must be a date between 2000-01-01 and 2100-12-31."


def test_every_rule_stays_computable_at_the_last_day() -> None:
    """The range leaves room for the rules: a year, 90 days and 24 hours after the last day still exist."""
    assert dates.one_year_after(dates.LAST_DAY) == D("2101-12-31")
    assert dates.temp_password_expires(dates.LAST_DAY) > dates.LAST_DAY
    assert dates.competency_progress_visible(dt.datetime.combine(dates.LAST_DAY, dt.time.max)).year == 2101


DATE_FIELDS = ("today", "pmc_membership_end", "reenrolled_on", "temp_password_issued_on")


@pytest.mark.parametrize("field", [*DATE_FIELDS, "now", "exams_associated_at"])
@pytest.mark.parametrize(("language", "start"), [("en", "Must be"), ("fr", "Doit être"), ("zh-TW", "必須是")])
def test_plan_refuses_out_of_range_dates_in_the_readers_language(field: str, language: str, start: str) -> None:
    # Before PMC's retirement: the PMC dates are read (and refused) only while the 2017 rules hold.
    document: dict[str, object] = {"role": "employee", "language": language, "today": "2017-01-01"}
    document[field] = "9999-12-31T00:00" if field in ("now", "exams_associated_at") else "9999-12-31"
    if field == "now":
        del document["today"]
    with pytest.raises(ChecklistError) as raised:
        plan(document)
    assert (raised.value.field, raised.value.code) == (field, "out_of_range")
    assert raised.value.message.startswith(start) and "2100-12-31" in raised.value.message


def test_the_last_day_gives_a_plan() -> None:
    # The 2017 rules read a PMC end date only before PMC's retirement: the latest such day, then the last one.
    result = plan({"role": "admin", "today": "2021-06-14", "pmc_membership_end": "2100-12-31"})
    assert result["dates"]["renew_by"] == "2100-12-31" and result["dates"]["membership_end"] == "2101-12-31"
    assert plan({"role": "admin", "today": "2100-12-31", "temp_password_issued_on": "2100-12-31"})["dates"] == {
        "temp_password_expires": "2101-03-31"
    }
