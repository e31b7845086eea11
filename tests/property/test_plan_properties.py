"""Hypothesis: any input gives a plan or the typed error, never another exception; plans keep their promises."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from checklist import STEP_IDS, ChecklistError, plan
from checklist.answers import FIELDS
from checklist.plan import LANGUAGE_PREFIX
from checklist.steps import BENEFIT_KINDS
from tests.helpers.docs import heading_ids, source
from tests.property.strategies import DATE_LIKE, JSON_VALUES, entry_point_settings

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


@settings(max_examples=300, deadline=None)
@given(valid_documents())
def test_valid_input_gives_a_consistent_plan(document: dict[str, Any]) -> None:
    result = plan(document)
    ticked = set(document.get("done") or [])
    remaining = [s["id"] for s in result["remaining"]]
    assert not ticked & set(remaining), "a plan never lists a done step"
    assert not set(result["done"]) & set(remaining)
    assert remaining == [i for i in STEP_IDS if i in remaining], "steps keep the guides' order"
    assert 0 <= result["progress"]["done"] <= result["progress"]["total"]
    for step in result["remaining"]:
        assert step["title"] and step["detail"]
        assert step["link"].startswith(LANGUAGE_PREFIX[result["language"]])


@entry_point_settings()
@given(mangled_documents())
def test_any_input_gives_a_plan_or_the_typed_error(document: Any) -> None:
    try:
        result = plan(document)
    except ChecklistError as error:
        assert error.field and error.code and error.message
    else:
        assert isinstance(result["remaining"], list)


def _anchors(page: str, language: str) -> set[str]:
    return {anchor for _, anchor, _ in heading_ids(source(page, language))}


@settings(max_examples=200, deadline=None)
@given(valid_documents())
def test_every_link_points_to_an_existing_page_and_anchor(document: dict[str, Any]) -> None:
    result = plan(document)
    language = result["language"]
    prefix = LANGUAGE_PREFIX[language]
    for step in result["remaining"]:
        path, anchor = step["link"][len(prefix) :].split("/#")
        assert source(path, language).exists(), step["link"]
        assert anchor in _anchors(path, language), step["link"]
