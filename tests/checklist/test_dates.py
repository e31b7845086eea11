"""Date rules, each row citing the guide fact it encodes."""

import datetime as dt

import pytest

from checklist import dates

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
