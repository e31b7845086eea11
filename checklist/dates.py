"""The date rules the guides state, as pure functions (each cites the guide fact it encodes)."""

from __future__ import annotations

import datetime as dt

TEMP_PASSWORD_DAYS = 90  # seed 000: the temporary password is valid for 90 days
PROGRESS_DELAY = dt.timedelta(hours=24)  # seed 000: progress shows 24 hours after associating


def one_year_after(day: dt.date) -> dt.date:
    """The same calendar day a year later; 29 February becomes 28 February (no such day next year)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def temp_password_expires(issued_on: dt.date) -> dt.date:
    """The first day the temporary password no longer works."""
    return issued_on + dt.timedelta(days=TEMP_PASSWORD_DAYS)


def competency_progress_visible(associated_at: dt.datetime) -> dt.datetime:
    return associated_at + PROGRESS_DELAY


def reenrolled_in_time(reenrolled_on: dt.date, membership_end: dt.date) -> bool:
    """Seeds 000/002 promise the pushed end date for re-enrolment while the current membership runs."""
    return reenrolled_on <= membership_end
