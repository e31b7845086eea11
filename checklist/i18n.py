"""Translations for every text the engine outputs.

Catalogs are ordinary gettext `.po` files (what localizers edit) compiled to `.mo` (what stdlib `gettext`
reads). They are read through `importlib.resources` rather than a locale directory so that the package
works the same from a source tree, a wheel, or the zip that Pyodide imports.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from functools import cache
from importlib import resources
from typing import Any

DEFAULT_LANGUAGE = "en"  # the language of the msgids: the catalogs translate from it
DOMAIN = "checklist"

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "NC_", "NP_", "N_", "Texts", "catalog_dir", "translations"]


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark a string for extraction without translating it yet (translation happens per request)."""
    return message


def NC_(context: str, message: str) -> str:  # noqa: N802
    """Mark a string with a gettext context (`pgettext`) for extraction."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802
    """Mark a message with plural forms for extraction (`ngettext`); `Texts.plural` picks the form per count.

    The catalogs hold the forms each language needs (French: one for 0 and 1, another above; Chinese: one),
    so a count never reads "1 people".
    """
    return singular, plural


def catalog_dir(language: str) -> str:
    """gettext directory name for a language tag (`zh-TW` -> `zh_TW`)."""
    return language.replace("-", "_")


def _catalog_languages() -> tuple[str, ...]:
    """The language tags of the compiled catalogs in the package, the default first.

    The one list of languages is mkdocs.yml's (the i18n plugin); a language gets its catalog there with
    `pybabel init` (README, "Add a language"), so the catalogs present are that list, and the engine reads it
    from its own files: under Pyodide, from the CLI or a wheel there is no mkdocs.yml to read. A test checks
    that both lists are the same.
    """
    locale = resources.files(__package__).joinpath("locale")
    entries = locale.iterdir() if locale.is_dir() else ()  # no catalog at all: English, from the msgids
    found = [
        entry.name.replace("_", "-") for entry in entries if entry.joinpath("LC_MESSAGES", f"{DOMAIN}.mo").is_file()
    ]
    return (DEFAULT_LANGUAGE, *sorted(set(found) - {DEFAULT_LANGUAGE}))


LANGUAGES: tuple[str, ...] = _catalog_languages()


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog for `language`; English falls back to the msgids if its catalog is absent."""
    path = resources.files(__package__).joinpath("locale", catalog_dir(language), "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if language == DEFAULT_LANGUAGE:
            return gettext.NullTranslations()
        raise
    return gettext.GNUTranslations(io.BytesIO(data))


class Texts:
    """The translation functions for one output language, passed to whatever builds text."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._t = translations(language)
        self._months: tuple[str, ...] | None = None  # the date words, looked up on the first date written

    def __call__(self, message: str, **values: object) -> str:
        text = self._t.gettext(message)
        return text.format(**values) if values else text

    def ctx(self, context: str, message: str) -> str:
        return self._t.pgettext(context, message)

    def plural(self, message: tuple[str, str], number: int, /, **values: object) -> str:
        """The form of `message` (from `NP_`) that this language uses for `number`, with `values` filled in."""
        return self._t.ngettext(message[0], message[1], number).format(**values)

    def _date_words(self) -> tuple[tuple[str, ...], str, str, str]:
        """Month names and the three patterns, from the catalog once per `Texts` (a team writes thousands of dates)."""
        if self._months is None:
            self._months = tuple(self.ctx("month", month) for month in _MONTHS)
            self._patterns = (
                self.ctx("date format", "{day} {month} {year}"),
                # French writes the first of the month as an ordinal ("1er mai"): a pattern of its own for day 1.
                self.ctx("date format, first day of the month", "{day} {month} {year}"),
                self.ctx("date-time format", "{date}, {time}"),
            )
        return (self._months, *self._patterns)

    def date_words(self) -> dict[str, Any]:
        """What `date` and `datetime` write with, for the page's own dates (the answers it lists, the day it is
        printed): the page fills these patterns instead of holding a second copy of each language's rules."""
        months, pattern, first, date_time = self._date_words()
        return {"months": list(months), "date": pattern, "first_day": first, "date_time": date_time}

    def date(self, value: dt.date) -> str:
        """A date the way a reader of this language writes it (the format itself is in the catalog):
        "30 June 2027", "30 juin 2027" and "1er mai 2027", "2027 年 6 月 30 日"."""
        months, pattern, first, _ = self._date_words()
        return (first if value.day == 1 else pattern).format(
            day=value.day, month=months[value.month - 1], year=value.year, month_number=value.month
        )

    def datetime(self, value: dt.datetime) -> str:
        """A date and time: the date as `date` writes it, the time on the 24-hour clock ("09:05")."""
        pattern = self._date_words()[3]
        return pattern.format(date=self.date(value.date()), time=f"{value.hour:02d}:{value.minute:02d}")

    def iso(self, value: str) -> str:
        """The display text of an ISO date (``2027-06-30``) or date and time (``2027-06-30T09:05``) of the output.

        Every `*_text` field of the output comes from here, so the page, the CLI and the messages write a date
        one way per language instead of the page formatting ISO strings on its own.
        """
        if "T" in value:
            return self.datetime(dt.datetime.fromisoformat(value))
        return self.date(dt.date.fromisoformat(value))

    def dates(self, values: dict[str, str | None]) -> dict[str, str]:
        """`{key: display text}` for every key of `values` that holds a date (null ones are left out)."""
        return {key: self.iso(value) for key, value in values.items() if value is not None}


_MONTHS = (
    NC_("month", "January"),
    NC_("month", "February"),
    NC_("month", "March"),
    NC_("month", "April"),
    NC_("month", "May"),
    NC_("month", "June"),
    NC_("month", "July"),
    NC_("month", "August"),
    NC_("month", "September"),
    NC_("month", "October"),
    NC_("month", "November"),
    NC_("month", "December"),
)
