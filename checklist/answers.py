"""Reading and checking the input document (the public JSON contract) into typed answers.

Every problem becomes one `ChecklistError` naming the field, in the reader's language when the
`language` field itself is readable, so the page can show it next to the field it concerns.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from . import dates
from .errors import ChecklistError
from .i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, Texts

ROLES: tuple[str, ...] = ("admin", "employee")
SITUATIONS: tuple[str, ...] = ("transition", "enroll")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")

FIELDS: tuple[str, ...] = (
    "role",
    "situation",
    "language",
    "today",
    "now",
    "pmc_membership_end",
    "reenrolled_on",
    "temp_password_issued_on",
    "exams_associated_at",
    "csp",
    "marketplace",
    "benefits",
    "done",
)


@dataclass(frozen=True)
class Answers:
    role: str
    situation: str
    language: str
    today: dt.date
    now: dt.datetime | None
    pmc_membership_end: dt.date | None
    reenrolled_on: dt.date | None
    temp_password_issued_on: dt.date | None
    exams_associated_at: dt.datetime | None
    csp: bool
    marketplace: bool
    benefits: frozenset[str]
    done: frozenset[str]


class _Reader:
    """Field readers that share the output language for their error messages."""

    def __init__(self, data: dict[str, Any], texts: Texts) -> None:
        self.data = data
        self._ = texts

    def fail(self, field: str, code: str, message: str, **values: object) -> ChecklistError:
        return ChecklistError(field, code, self._(message, **values))

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
                raise self.fail(f"{field}[{index}]", "unknown_value", unknown, value=str(item))
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
                "now", "conflict", N_("Must fall on the same day as today ({today})."), today=self._.date(today)
            )
        return today, now

    def not_after(self, field: str, value: dt.date | dt.datetime | None, limit: dt.date | dt.datetime) -> None:
        if value is not None and value > limit:
            shown = self._.date(limit) if not isinstance(limit, dt.datetime) else self._.datetime(limit)
            raise self.fail(field, "in_future", N_("Cannot be later than today ({today})."), today=shown)


def open_document(data: object, fields: tuple[str, ...]) -> tuple[_Reader, str]:
    """The checks every input document starts with (an object, known fields, a language), shared by the single
    plan and the team: errors are in the document's language as soon as that is readable."""
    if not isinstance(data, dict):
        raise ChecklistError("$", "not_an_object", Texts(DEFAULT_LANGUAGE)(N_("The input must be a JSON object.")))
    language = data.get("language", DEFAULT_LANGUAGE)
    read = _Reader(data, Texts(language if language in LANGUAGES else DEFAULT_LANGUAGE))
    for field in data:
        if field not in fields:
            raise read.fail(str(field) or '""', "unknown_field", N_("Unknown field."))
    return read, read.choice("language", LANGUAGES, DEFAULT_LANGUAGE)


def read_answers(data: object) -> Answers:
    """Check one input document and return its answers; raise `ChecklistError` on the first problem."""
    from .steps import BENEFIT_KINDS, STEP_IDS  # steps import Answers: keep this import local

    read, language = open_document(data, FIELDS)
    role = read.choice("role", ROLES, None)
    situation = read.choice("situation", SITUATIONS, "transition")

    today, now = read.moment()

    answers = Answers(
        role=role,
        situation=situation,
        language=language,
        today=today,
        now=now,
        pmc_membership_end=read.date("pmc_membership_end"),
        reenrolled_on=read.date("reenrolled_on"),
        temp_password_issued_on=read.date("temp_password_issued_on"),
        exams_associated_at=read.datetime("exams_associated_at"),
        csp=read.flag("csp"),
        marketplace=read.flag("marketplace"),
        benefits=read.members("benefits", BENEFIT_KINDS, N_("Unknown benefit: {value}.")),
        done=read.members("done", STEP_IDS, N_("Unknown step: {value}.")),
    )
    read.not_after("reenrolled_on", answers.reenrolled_on, today)
    read.not_after("temp_password_issued_on", answers.temp_password_issued_on, today)
    read.not_after("exams_associated_at", answers.exams_associated_at, now or dt.datetime.combine(today, dt.time.max))
    return answers
