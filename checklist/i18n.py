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

LANGUAGES: tuple[str, ...] = ("en", "fr", "zh-TW")
DEFAULT_LANGUAGE = "en"
DOMAIN = "checklist"


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark a string for extraction without translating it yet (translation happens per request)."""
    return message


def NC_(context: str, message: str) -> str:  # noqa: N802
    """Mark a string with a gettext context (`pgettext`) for extraction."""
    return message


def catalog_dir(language: str) -> str:
    """gettext directory name for a language tag (`zh-TW` -> `zh_TW`)."""
    return language.replace("-", "_")


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

    def __call__(self, message: str, **values: object) -> str:
        text = self._t.gettext(message)
        return text.format(**values) if values else text

    def ctx(self, context: str, message: str) -> str:
        return self._t.pgettext(context, message)

    def date(self, value: dt.date) -> str:
        """A date the way a reader of this language writes it (the format itself is in the catalog)."""
        month = self.ctx("month", _MONTHS[value.month - 1])
        # French writes the first of the month as an ordinal ("1er mai"): a pattern of its own for day 1.
        if value.day == 1:
            pattern = self.ctx("date format, first day of the month", "{day} {month} {year}")
        else:
            pattern = self.ctx("date format", "{day} {month} {year}")
        return pattern.format(day=value.day, month=month, year=value.year, month_number=value.month)

    def datetime(self, value: dt.datetime) -> str:
        pattern = self.ctx("date-time format", "{date}, {time}")
        return pattern.format(date=self.date(value.date()), time=value.strftime("%H:%M"))


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
