"""Settings and strategies shared by the "any input" tests of the engine's entry points.

`make test` runs each entry point on `FAST_EXAMPLES` inputs; ``--hypothesis-profile long`` (registered in
tests/conftest.py) raises that to 10,000 each, the figure issue 16 asks for. Explicit ``max_examples`` would
override the profile, so the entry-point tests take theirs from here.
"""

from __future__ import annotations

import datetime as dt

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
