"""The retirement of Partner Membership Center (PMC): a dated fact on the rules, with its source.

The guides' 2017 rules (seeds 000, 002, 003: renew in Partner Center before the PMC membership ends, use both
systems until then, a new end date a year later) hold only while PMC runs. Microsoft's retirement FAQ (seed 001,
dated 15 June 2021) says PMC is shut down, its MPN IDs cannot be recovered, and a company that never moved
enrolls as a new partner. So every rule that reads a PMC date asks `retired(today)` first, and the answers that
only the 2017 rules use (`RETIRED_FIELDS`) are neither asked nor read from that day on: a plan for a day after the
retirement never computes a date from them. Kept in one place so that the steps, the answers and the page's
questions agree on the day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["RETIRED_FIELDS", "RETIREMENT", "Retirement", "retired"]


@dataclass(frozen=True)
class Retirement:
    """A change to the rules that took effect on a day, and where that is written.

    `effective` is the first day the change holds. The FAQ gives no day of the shutdown itself, only that PMC
    "is shut down" in a page dated `source_date`, so the change is known to hold from that date: we take it as
    the effective day (before it, the 2017 rules are what the sources we have say).
    """

    effective: dt.date
    source_title: str
    source_url: str
    source_date: dt.date


RETIREMENT = Retirement(
    effective=dt.date(2021, 6, 15),
    source_title="Partner Membership Center retirement FAQ",
    # Seed 001 is the fr-FR copy of this page (ms.date 06/15/2021, ms.contentlocale fr-FR); our own version of it
    # is docs/pmc-retirement-faq.md, where the plan's steps link.
    source_url="https://docs.microsoft.com/fr-fr/partner-center/pmc-retirement-faq",
    source_date=dt.date(2021, 6, 15),
)

# The answers only the 2017 rules read: the PMC membership's end date and the day of a renewal in Partner Center.
# From the retirement on they are not asked, and a value still stored for them is ignored (never an error).
RETIRED_FIELDS: tuple[str, ...] = ("pmc_membership_end", "reenrolled_on")


def retired(today: dt.date) -> bool:
    """Whether PMC is shut down on `today` (the retirement FAQ's rules hold, not the 2017 ones)."""
    return today >= RETIREMENT.effective
