"""The field readers every input document goes through (private: shared by `answers.py` and `team.py`).

One place for "what a valid date, flag, choice or list looks like and what the error says", so one person's
plan and a team of thousands refuse the same value with the same code and the same words. A reader is bound to
one document (`data`) and one output language (`texts`); `RowReader` adds the row number to the errors of one
employee of a team. The readers never guess: anything that is not exactly the documented form is an error
naming the field.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from . import dates
from .errors import ChecklistError
from .i18n import N_, Texts

__all__ = ["FieldReader", "RowReader"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


class FieldReader:
    """Reads the fields of one document; every error is a `ChecklistError` in the document's language."""

    def __init__(self, data: dict[str, Any], texts: Texts) -> None:
        self.data = data
        self.texts = texts

    def fail(self, field: str, code: str, message: str, **values: object) -> ChecklistError:
        """The error for `field`, returned (callers write ``raise read.fail(...)``, which type checkers follow)."""
        return ChecklistError(field, code, self.texts(message, **values))

    def choice(self, field: str, choices: tuple[str, ...], default: str | None) -> str:
        value = self.data.get(field, default)
        if value is None:
            raise self.fail(field, "required", N_("This field is required."))
        if not isinstance(value, str) or value not in choices:
            raise self.fail(field, "invalid_value", N_("Must be one of: {choices}."), choices=", ".join(choices))
        return value

    def flag(self, field: str) -> bool:
        value = self.data.get(field)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(field, "invalid_type", N_("Must be true or false."))
        return value

    def text(self, field: str) -> str | None:
        """Free text (a name, an e-mail address), trimmed; empty counts as absent."""
        value = self.data.get(field)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(field, "invalid_type", N_("Must be text."))
        return value.strip() or None

    def date(self, field: str) -> dt.date | None:
        value = self.data.get(field)
        if value is None:
            return None
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            raise self.fail(field, "invalid_date", N_("Must be a date written YYYY-MM-DD."))
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(field, "impossible_date", N_("This date does not exist.")) from None
        return dates.check_range(day, field, self.fail)

    def datetime(self, field: str) -> dt.datetime | None:
        value = self.data.get(field)
        if value is None:
            return None
        if not isinstance(value, str) or not _DATETIME.fullmatch(value):
            raise self.fail(field, "invalid_datetime", N_("Must be a date and time written YYYY-MM-DDTHH:MM."))
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(field, "impossible_date", N_("This date does not exist.")) from None
        return dates.check_range(moment, field, self.fail)

    def members(self, field: str, allowed: tuple[str, ...], unknown: str) -> frozenset[str]:
        value = self.data.get(field, [])
        if value is None:
            return frozenset()
        if not isinstance(value, list):
            raise self.fail(field, "invalid_type", N_("Must be a list."))
        for index, item in enumerate(value):
            if not isinstance(item, str) or item not in allowed:
                raise self.fail(f"{field}[{index}]", "unknown_value", unknown, value=_shown(item))
        return frozenset(value)

    def moment(self) -> tuple[dt.date, dt.datetime | None]:
        """`today` and the optional `now` (`today` may be left out when `now` is given)."""
        now = self.datetime("now")
        today = self.date("today")
        if today is None:
            if now is None:
                raise self.fail("today", "required", N_("This field is required."))
            today = now.date()
        elif now is not None and now.date() != today:
            raise self.fail(
                "now", "conflict", N_("Must fall on the same day as today ({today})."), today=self.texts.date(today)
            )
        return today, now

    def not_after(self, field: str, value: dt.date | dt.datetime | None, limit: dt.date | dt.datetime) -> None:
        if value is not None and value > limit:
            shown = self.texts.datetime(limit) if isinstance(limit, dt.datetime) else self.texts.date(limit)
            raise self.fail(field, "in_future", N_("Cannot be later than today ({today})."), today=shown)


def _shown(item: object) -> str:
    """A refused list item as the message quotes it: never `str()` of anything but a short scalar, which would
    raise for an integer over 4,300 digits (issue 25) or recurse through a deeply nested list."""
    if isinstance(item, str):
        return item if len(item) <= 100 else item[:100] + "…"
    if isinstance(item, bool) or item is None:
        return {True: "true", False: "false", None: "null"}[item]
    if isinstance(item, int):
        return str(item) if item.bit_length() <= 64 else ("-" if item < 0 else "") + "…"
    if isinstance(item, float):
        return repr(item)
    return "[…]" if isinstance(item, list) else "{…}"


class RowReader(FieldReader):
    """The same readers for one employee of a team: errors name the row, ``rows[3].temp_password_issued_on``.

    One reader serves every row of a call (set `row` and `data` per row) so a large team allocates nothing per
    field read.
    """

    row = 0

    def fail(self, field: str, code: str, message: str, **values: object) -> ChecklistError:
        return ChecklistError(
            f"rows[{self.row}].{field}", code, self.texts(message, **values), row=self.row, column=field
        )
