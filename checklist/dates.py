"""The date rules the guides state, as pure functions (each cites the guide fact it encodes)."""

from __future__ import annotations

import datetime as dt

TEMP_PASSWORD_DAYS = 90  # seed 000: the temporary password is valid for 90 days
PROGRESS_DELAY = dt.timedelta(hours=24)  # seed 000: progress shows 24 hours after associating
SOON_DAYS = 14  # our own threshold (not the guides'): warn when a deadline is this many days away or fewer


def one_year_after(day: dt.date) -> dt.date:
    """The same calendar day a year later; 29 February becomes 28 February (no such day next year)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def temp_password_expires(issued_on: dt.date) -> dt.date:
    """The first day the temporary password no longer works."""
    return issued_on + dt.timedelta(days=TEMP_PASSWORD_DAYS)


def last_day_to_sign_in(issued_on: dt.date) -> dt.date:
    """The last day the temporary password still works: the sign-in step is due then."""
    return temp_password_expires(issued_on) - dt.timedelta(days=1)


def temp_password_expired(issued_on: dt.date, today: dt.date) -> bool:
    return today >= temp_password_expires(issued_on)


def temp_password_expires_soon(issued_on: dt.date, today: dt.date) -> bool:
    """Still working, but stops working within `SOON_DAYS` days."""
    return 0 < (temp_password_expires(issued_on) - today).days <= SOON_DAYS


def competency_progress_visible(associated_at: dt.datetime) -> dt.datetime:
    return associated_at + PROGRESS_DELAY


def reenrolled_in_time(reenrolled_on: dt.date, membership_end: dt.date) -> bool:
    """Seeds 000/002 promise the pushed end date for re-enrolment while the current membership runs."""
    return reenrolled_on <= membership_end
