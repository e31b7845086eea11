"""Reading and checking the input document (the public JSON contract) into typed answers.

Every problem becomes one `ChecklistError` naming the field, in the reader's language when the
`language` field itself is readable, so the page can show it next to the field it concerns.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TextIO

from . import steps
from ._fields import FieldReader
from .errors import ChecklistError
from .i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, Texts
from .retirement import RETIRED_FIELDS, retired

__all__ = ["FIELDS", "ROLES", "SITUATIONS", "Answers", "open_document", "read_answers", "read_json"]

ROLES: tuple[str, ...] = ("admin", "employee")
SITUATIONS: tuple[str, ...] = ("transition", "enroll")

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


def read_json(source: TextIO) -> object:
    """A JSON document from a file or stdin (the CLIs' input), or the `invalid_json` error with its line and column.

    Beside `open_document` because both are the start of every document, whichever command reads it.
    """
    try:
        return json.load(source)
    except json.JSONDecodeError as error:
        message = Texts(DEFAULT_LANGUAGE)(N_("The input is not valid JSON (line {line}, column {column})."))
        raise ChecklistError("$", "invalid_json", message.format(line=error.lineno, column=error.colno)) from None


def open_document(data: object, fields: tuple[str, ...]) -> tuple[FieldReader, str]:
    """The checks every input document starts with (an object, known fields, a language), shared by the single
    plan and the team: errors are in the document's language as soon as that is readable."""
    if not isinstance(data, dict):
        raise ChecklistError("$", "not_an_object", Texts(DEFAULT_LANGUAGE)(N_("The input must be a JSON object.")))
    language = data.get("language", DEFAULT_LANGUAGE)
    read = FieldReader(data, Texts(language if language in LANGUAGES else DEFAULT_LANGUAGE))
    for field in data:
        if field not in fields:
            raise read.fail(str(field) or '""', "unknown_field", N_("Unknown field."))
    return read, read.choice("language", LANGUAGES, DEFAULT_LANGUAGE)


def read_answers(data: object) -> Answers:
    """Check one input document and return its answers; raise `ChecklistError` on the first problem."""
    read, language = open_document(data, FIELDS)
    role = read.choice("role", ROLES, None)
    situation = read.choice("situation", SITUATIONS, "transition")

    today, now = read.moment()
    # From PMC's retirement on, the answers only the 2017 rules used are not asked; a value still stored for one
    # (saved on a device, a shared link, an old script) is ignored rather than checked or refused.
    ignored = RETIRED_FIELDS if retired(today) else ()

    def pmc_date(field: str) -> dt.date | None:
        return None if field in ignored else read.date(field)

    answers = Answers(
        role=role,
        situation=situation,
        language=language,
        today=today,
        now=now,
        pmc_membership_end=pmc_date("pmc_membership_end"),
        reenrolled_on=pmc_date("reenrolled_on"),
        temp_password_issued_on=read.date("temp_password_issued_on"),
        exams_associated_at=read.datetime("exams_associated_at"),
        csp=read.flag("csp"),
        marketplace=read.flag("marketplace"),
        benefits=read.members("benefits", steps.BENEFIT_KINDS, N_("Unknown benefit: {value}.")),
        done=read.members("done", steps.step_ids(), N_("Unknown step: {value}.")),
    )
    read.not_after("reenrolled_on", answers.reenrolled_on, today)
    read.not_after("temp_password_issued_on", answers.temp_password_issued_on, today)
    read.not_after("exams_associated_at", answers.exams_associated_at, now or dt.datetime.combine(today, dt.time.max))
    return answers
