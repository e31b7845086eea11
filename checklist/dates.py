"""The date rules the guides state, as pure functions (each cites the guide fact it encodes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from .errors import ChecklistError
from .i18n import N_

TEMP_PASSWORD_DAYS = 90  # seed 000: the temporary password is valid for 90 days
PROGRESS_DELAY = dt.timedelta(hours=24)  # seed 000: progress shows 24 hours after associating
SOON_DAYS = 14  # our own threshold (not the guides'): warn when a deadline is this many days away or fewer

# Our own bounds (not the guides'): every date field must fall in this range. Far enough for any real
# membership or password date, and far from `datetime`'s own limits, so that the rules below (a year later,
# 90 days later, 24 hours later) can never overflow whatever the reader typed (9999-12-31 used to crash).
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)
OUT_OF_RANGE = N_("Must be a date between {first} and {last}.")

Day = TypeVar("Day", dt.date, dt.datetime)


def check_range(value: Day, field: str, fail: Callable[..., ChecklistError]) -> Day:
    """`value` if it falls between `FIRST_DAY` and `LAST_DAY`, else the `out_of_range` error for `field`.

    `fail` is the reader's own error maker (`fail(field, code, message, **values)`), so the message is in the
    reader's language and a team row's error names its row, like every other field error.
    """
    day = value.date() if isinstance(value, dt.datetime) else value
    if not FIRST_DAY <= day <= LAST_DAY:
        raise fail(field, "out_of_range", OUT_OF_RANGE, first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat())
    return value


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
