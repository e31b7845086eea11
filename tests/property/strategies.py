"""Settings and strategies shared by the "any input" tests of the engine's entry points.

`make test` runs each entry point on `FAST_EXAMPLES` inputs; ``--hypothesis-profile long`` (registered in
tests/conftest.py) raises that to 10,000 each, the figure issue 16 asks for. Explicit ``max_examples`` would
override the profile, so the entry-point tests take theirs from here.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from checklist import STEP_IDS
from checklist.answers import FIELDS
from checklist.plan import LANGUAGE_PREFIX
from checklist.steps import BENEFIT_KINDS
from checklist.team import HEADER_ALIASES

FAST_EXAMPLES = 300


def entry_point_settings() -> settings:
    """The loaded profile's example count when it asks for more than `FAST_EXAMPLES` (the long run)."""
    return settings(
        settings.default,
        max_examples=max(FAST_EXAMPLES, settings.default.max_examples),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def hostile_settings() -> settings:
    """The loaded profile's own example count (100 by default, 10,000 with ``--hypothesis-profile long``): the
    attack classes' tests (test_hostile_inputs.py) stay a few seconds each in `make test`."""
    return settings(
        settings.default, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
    )


# Dates anywhere `datetime` can write them, and strings that look like dates but are not: where issue 16's
# crashes came from (9999-12-31 overflowed "one year after").
ANY_DATE = st.dates().map(dt.date.isoformat)
ANY_DATETIME = st.datetimes().map(lambda moment: moment.strftime("%Y-%m-%dT%H:%M"))
DATE_LIKE = st.one_of(
    ANY_DATE,
    ANY_DATETIME,
    st.sampled_from(["9999-12-31", "0001-01-01", "2100-12-31", "2101-01-01", "1999-12-31", "2028-02-29"]),
    st.from_regex(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?", fullmatch=True),
)
JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
JSON_VALUES = st.recursive(
    JSON_SCALARS | DATE_LIKE,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


# --- the attack's classes (issue 25): what a person, a file or a crafted worker message can hold --------------

# Integers past Python's 4,300-digit text conversion limit, as Python objects (for direct calls) and as a
# stand-in string that `to_json` writes as the digits themselves (`json.dumps` cannot write such an integer).
HUGE_INTEGERS = st.sampled_from([4301, 5000, -4400, 20000]).map(
    lambda digits: (-1 if digits < 0 else 1) * 10 ** abs(digits)
)
_SURROGATES = [chr(code) for code in range(0xD800, 0xE000, 37)] + ["\ud800", "\udbff", "\udc00", "\udfff"]
LONE_SURROGATES = st.text(alphabet=st.sampled_from([*_SURROGATES, "a", "é", "王", " "]), min_size=1, max_size=6).filter(
    lambda text: any("\ud800" <= char <= "\udfff" for char in text)
)
# Every C0 and C1 control, DEL, the Unicode line separators, the characters RFC 5545 escapes, and whole lines a
# CR LF would start in a calendar file.
_CONTROLS = [chr(code) for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]] + ["\u2028", "\u2029"]
_TEXT = st.text(
    alphabet=st.sampled_from([*_CONTROLS, ";", ",", "\\", ":", "a", "é", "王", "\U0001f600", " "]), max_size=8
)
_INJECTED = st.sampled_from(["", "\r\nATTACH:http://evil/", "\r\nBEGIN:VEVENT", "\nX-INJECTED:1", "\rEND:VCALENDAR"])
CONTROL_TEXT = st.tuples(_TEXT, _INJECTED, _TEXT).map("".join)
ATTACKS = st.one_of(HUGE_INTEGERS, LONE_SURROGATES, CONTROL_TEXT)
# Wrong shapes, one level deep (the recursive JSON_VALUES costs several times more per example to draw).
_LEAVES = st.one_of(JSON_SCALARS, ATTACKS)
HOSTILE_VALUES = st.one_of(
    _LEAVES,
    st.lists(_LEAVES, max_size=3),
    st.dictionaries(st.one_of(st.text(max_size=6), LONE_SURROGATES), _LEAVES, max_size=3),
)
HOSTILE_URLS = st.one_of(
    st.sampled_from(["https://example.com/fr/checklist/", "http://127.0.0.1:8000/", "https://x.example"]),
    st.tuples(st.sampled_from(["http://x/", "https://example.com/", "javascript:", "file:///", ""]), CONTROL_TEXT).map(
        "".join
    ),
    HOSTILE_VALUES,
)


def to_json(value: object) -> str:
    """JSON text of `value`, huge integers written out (as a person's file would hold them), lone surrogates as
    ``\\udXXX`` escapes (as `JSON.stringify` and Python write them)."""

    def default(item: object) -> object:
        raise TypeError(item)

    marks: dict[str, str] = {}

    def swap(item: object) -> object:
        if isinstance(item, int) and not isinstance(item, bool) and abs(item).bit_length() > 14_000:
            mark = f"__huge_{len(marks)}__"
            marks[f'"{mark}"'] = ("-" if item < 0 else "") + "1" * 4400
            return mark
        if isinstance(item, list):
            return [swap(x) for x in item]
        if isinstance(item, dict):
            return {key: swap(x) for key, x in item.items()}
        return item

    text = json.dumps(swap(value), default=default)
    for mark, digits in marks.items():
        text = text.replace(mark, digits)
    return text


# --- one person's answers (the plan's input): valid, then mangled ------------------------------------------

DATES = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31))
DATETIMES = st.datetimes(min_value=dt.datetime(2015, 1, 1), max_value=dt.datetime(2035, 12, 31))


def iso_minutes(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M")


@st.composite
def valid_documents(draw: st.DrawFn) -> dict[str, Any]:
    now = draw(DATETIMES)
    today = now.date()
    document: dict[str, Any] = {
        "role": draw(st.sampled_from(["admin", "employee"])),
        "situation": draw(st.sampled_from(["transition", "enroll"])),
        "language": draw(st.sampled_from(sorted(LANGUAGE_PREFIX))),
    }
    if draw(st.booleans()):
        document["now"] = iso_minutes(now)
    else:
        document["today"] = today.isoformat()
    past = st.dates(min_value=dt.date(2015, 1, 1), max_value=today)
    optional = {
        "pmc_membership_end": DATES.map(dt.date.isoformat),
        "reenrolled_on": past.map(dt.date.isoformat),
        "temp_password_issued_on": past.map(dt.date.isoformat),
        "exams_associated_at": st.datetimes(min_value=dt.datetime(2015, 1, 1), max_value=now).map(iso_minutes),
        "csp": st.booleans(),
        "marketplace": st.booleans(),
        "benefits": st.lists(st.sampled_from(BENEFIT_KINDS), unique=True),
        "done": st.lists(st.sampled_from(STEP_IDS), unique=True),
    }
    for field, strategy in optional.items():
        if draw(st.booleans()):
            document[field] = draw(st.one_of(st.none(), strategy))
    return document


DATE_FIELDS = ("today", "now", "pmc_membership_end", "reenrolled_on", "temp_password_issued_on", "exams_associated_at")


@st.composite
def mangled_documents(draw: st.DrawFn) -> Any:
    """Valid documents with one field replaced by arbitrary JSON, one field dropped, or an extra one."""
    document = draw(valid_documents())
    action = draw(st.sampled_from(["replace", "drop", "add", "whole", "date"]))
    if action == "whole":
        return draw(JSON_VALUES)
    if action == "date":  # any date a person or a stored plan may hold, 0001-01-01 to 9999-12-31
        document[draw(st.sampled_from(DATE_FIELDS))] = draw(DATE_LIKE)
        return document
    field = draw(st.sampled_from(FIELDS))
    if action == "replace":
        document[field] = draw(JSON_VALUES)
    elif action == "drop":
        document.pop(field, None)
    else:
        document[draw(st.text(min_size=1, max_size=10))] = draw(JSON_VALUES)
    return document


# --- a team: the admin's CSV file, and the employees of a team document ------------------------------------

TEAM_TODAY = dt.date(2027, 4, 1)  # the day the team tests run on; employees' dates are before it
TEAM_NOW = dt.datetime(2027, 4, 1, 12, 0)

HEADERS = st.sampled_from([h for headers in HEADER_ALIASES.values() for h in headers] + ["Notes", "", "Row"])
CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["yes", "no", "oui", "是", "2027-03-01", "2027/3/1", "2027-03-01 10:00", "a@b.example", "=1+1"]),
    st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2027, 5, 1)).map(dt.date.isoformat),
    DATE_LIKE,
    DATE_LIKE.map(lambda day: day.replace("-", "/").replace("T", " ")),
)
DELIMITERS = st.sampled_from([",", ";", "\t"])


def _quote(cell: str, delimiter: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in f'"\r\n{delimiter}') else cell


@st.composite
def csv_files(draw: st.DrawFn) -> str:
    """CSV text with mostly known headers, so that rows get read and checked (not only the header)."""
    delimiter = draw(DELIMITERS)
    header = draw(st.lists(HEADERS, min_size=1, max_size=7))
    rows = draw(st.lists(st.lists(CELLS, max_size=len(header) + 1), max_size=6))
    lines = [delimiter.join(_quote(c, delimiter) for c in line) for line in [header, *rows]]
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


NAMES = st.text(min_size=1, max_size=30).map(str.strip).filter(bool)
EMAILS = st.from_regex(r"[a-z0-9._%+-]{1,10}@[a-z0-9-]{1,10}\.example", fullmatch=True)
PAST = st.dates(min_value=dt.date(2026, 6, 1), max_value=TEAM_TODAY).map(dt.date.isoformat)
ASSOCIATED = st.datetimes(min_value=dt.datetime(2027, 1, 1), max_value=TEAM_NOW).map(
    lambda d: d.strftime("%Y-%m-%dT%H:%M")
)


@st.composite
def employees(draw: st.DrawFn) -> dict[str, Any]:
    employee: dict[str, Any] = {"name": draw(NAMES)}
    optional = {
        "email": EMAILS,
        "temp_password_issued_on": PAST,
        "signed_in": st.booleans(),
        "partner_university_connected": st.booleans(),
        "exams_associated": st.booleans(),
        "exams_associated_at": ASSOCIATED,
    }
    for field, strategy in optional.items():
        if draw(st.booleans()):
            employee[field] = draw(strategy)
    return employee
