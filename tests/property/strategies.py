"""Settings and strategies shared by the "any input" tests of the engine's entry points.

`make test` runs each entry point on `FAST_EXAMPLES` inputs; ``--hypothesis-profile long`` (registered in
tests/conftest.py) raises that to 10,000 each, the figure issue 16 asks for. Explicit ``max_examples`` would
override the profile, so the entry-point tests take theirs from here.
"""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

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
