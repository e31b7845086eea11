"""The import summary: what the admin is told about the file as a whole, one sentence each (`notices`), after
the rows refused and the date order: dates read from a two-digit year or an Excel date number (with an example,
so that a wrong guess shows at once), the columns dropped and why, the admin's columns kept and those not used.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..date_words import CENTURY
from ..i18n import N_, NP_, Texts

if TYPE_CHECKING:
    from .reading import TeamCsv

__all__ = ["ADDRESSES_SHOWN", "address_notice", "file_notices", "listed"]

ADDRESSES_SHOWN = 10  # addresses named in the notice; `summary.incomplete_addresses` has them all
_FORMS = {
    "short_year": (
        "short_years_read",
        NP_(
            "{count} date had a two-digit year, read between {first} and {last}: “{example}” is {date}.",
            "{count} dates had a two-digit year, read between {first} and {last}: “{example}” is {date}.",
        ),
    ),
    "serial": (
        "excel_dates_read",
        NP_(
            "{count} date was an Excel date number, read in Excel’s 1900 date system: “{example}” is {date}.",
            "{count} dates were Excel date numbers, read in Excel’s 1900 date system: “{example}” is {date}.",
        ),
    ),
}
_DROPPED = {
    "header": N_("Column “{column}” was dropped: passwords are never read, kept or shown."),
    "cells": N_(
        "Column “{column}” was dropped: its cells look like passwords, and passwords are never kept or shown. "
        "If it holds something else, give it a header that says what."
    ),
}


def listed(texts: Texts, items: list[str]) -> str:
    """Items joined the way the reader's language lists them (", " in English and French, "、" in Chinese)."""
    return texts.ctx("list separator", ", ").join(items)


def file_notices(texts: Texts, table: TeamCsv) -> list[dict[str, str]]:
    """The notices after the rows refused and the date order, in the order the page shows them."""
    found = []
    for form, (code, message) in _FORMS.items():
        read = table.date_forms.get(form)
        if read:
            example, iso = read[0]
            date = texts.iso(iso) if "T" in iso else texts.date(dt.date.fromisoformat(iso))
            values = {"count": len(read), "example": example, "date": date, "first": CENTURY, "last": CENTURY + 99}
            found.append({"code": code, "message": texts.plural(message, len(read), **values)})
    for entry in table.dropped:
        message = texts(_DROPPED[entry["reason"]], column=entry["column"])
        found.append({"code": "password_column_dropped", "reason": entry["reason"], "message": message})
    if table.extra_columns:
        message = texts(
            N_("Your own columns, kept as they are: {columns}."), columns=listed(texts, table.extra_columns)
        )
        found.append({"code": "columns_kept", "message": message})
    if table.ignored_columns:
        message = texts(N_("Columns not used: {columns}."), columns=listed(texts, table.ignored_columns))
        found.append({"code": "columns_ignored", "message": message})
    return found


def address_notice(texts: Texts, addresses: list[dict[str, Any]]) -> dict[str, str]:
    """The addresses kept that look incomplete ("eve@contoso", no dot after the @), each with its row."""
    shown = [texts(N_("{email} (row {row})"), email=entry["email"], row=entry["line"]) for entry in addresses]
    text = listed(texts, shown[:ADDRESSES_SHOWN]) + ("…" if len(shown) > ADDRESSES_SHOWN else "")
    message = texts.plural(
        NP_(
            "{count} address looks incomplete (no dot after the @): {addresses}. It was kept: check it in your file.",
            "{count} addresses look incomplete (no dot after the @): {addresses}. They were kept: check them in "
            "your file.",
        ),
        len(addresses),
        count=len(addresses),
        addresses=text,
    )
    return {"code": "addresses_incomplete", "message": message}
