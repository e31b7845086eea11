"""Hypothesis: the Web Worker's entry point answers every input with a result or a typed error, never `internal`;
a password cell never reaches any output, however the rows around it are broken.

With ``--hypothesis-profile long`` each test runs 10,000 examples (tests/property/fuzz.py).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checklist import ChecklistError, i18n
from checklist.calendar import team_ics
from checklist.errors import MAX_NESTING, check_nesting
from checklist.web import call
from tests.property.strategies import (
    DATE_LIKE,
    JSON_VALUES,
    csv_files,
    employees,
    entry_point_settings,
    mangled_documents,
)

LANGUAGES = st.one_of(st.sampled_from(i18n.LANGUAGES), JSON_VALUES)
TODAYS = st.one_of(st.none(), DATE_LIKE, st.dates(dt.date(2020, 1, 1), dt.date(2040, 1, 1)).map(dt.date.isoformat))
URLS = st.one_of(st.just("https://example.com/fr/checklist/"), st.text(max_size=20))


@st.composite
def team_documents(draw: st.DrawFn) -> Any:
    people: list[Any] = draw(st.lists(employees(), max_size=4))
    if people and draw(st.booleans()):
        people[draw(st.integers(0, len(people) - 1))][draw(st.sampled_from(["name", "email", "x"]))] = draw(JSON_VALUES)
    document: dict[str, Any] = {"language": draw(LANGUAGES), "today": draw(TODAYS), "employees": people}
    if draw(st.booleans()):
        document["now"] = draw(DATE_LIKE)
    return draw(st.one_of(st.just(document), JSON_VALUES))


FUNCTIONS = ("plan", "calendar", "team_csv", "team", "team_export", "team_calendar", "team_template")


@st.composite
def worker_calls(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """What the page's worker sends: a known function, its arguments' shape, contents from the reader."""
    fn = draw(
        st.sampled_from(["plan", "calendar", "team_csv", "team", "team_export", "team_calendar", "team_template"])
    )
    urls = {"page_url": draw(URLS), "site_url": draw(URLS)}
    if fn in ("plan", "calendar"):
        return fn, {"answers": draw(mangled_documents()), **urls}
    if fn == "team_csv":
        text = draw(csv_files())
        data = draw(st.one_of(st.just(text.encode("utf-8")), st.binary(max_size=200), st.just(text.encode("utf-16"))))
        options = {"language": draw(LANGUAGES), "today": draw(TODAYS), "now": draw(st.one_of(st.none(), DATE_LIKE))}
        return fn, {"data": base64.b64encode(data).decode("ascii"), **options}
    if fn == "team_template":
        return fn, {"language": draw(LANGUAGES)}
    return fn, {"document": draw(team_documents()), **urls}


@entry_point_settings()
@given(worker_calls())
def test_the_worker_entry_point_never_fails_untyped(request: tuple[str, dict[str, Any]]) -> None:
    fn, args = request
    reply = json.loads(call(fn, json.dumps(args)))
    if not reply["ok"]:
        error = reply["error"]
        assert error["code"] != "internal", error
        assert error["field"] and error["code"] and error["message"]


def test_json_nested_too_deep_is_a_typed_error() -> None:
    reply = json.loads(call("plan", '{"answers": ' + "[" * 100_000 + "]" * 100_000 + "}"))
    assert not reply["ok"] and reply["error"]["code"] == "too_deep" and reply["error"]["field"] == "$"


MARK = "PWMARK"
DELIMITERS = st.sampled_from([",", ";", "\t"])
PASSWORD_HEADERS = st.sampled_from(["Password", "Pwd", "Passcode", "PW", "MdP", "口令", "OTP", "Kennwort", "PIN"])
ORDINARY = st.sampled_from(["Ana Silva", "ana@contoso.example", "2027-01-15", "yes", "no", "", "王小明", "a@b", '"'])


@st.composite
def broken_rows(draw: st.DrawFn, position: int) -> list[str]:
    """A row of the header's width with the password at its place, then cells lost or added (never both: a
    row with one cell lost and one added fits the header again, with everything between shifted)."""
    cells = [draw(ORDINARY) for _ in range(5)]
    cells[position] = f"{MARK}{draw(st.integers(0, 99))}x"
    change = draw(st.sampled_from(["none", "lose", "add"]))
    for _ in range(draw(st.integers(1, 3)) if change != "none" else 0):
        if change == "lose" and len(cells) > 1:
            del cells[draw(st.integers(0, len(cells) - 1))]
        elif change == "add":  # an unquoted comma in a name, or a stray cell
            cells.insert(draw(st.integers(0, len(cells))), draw(ORDINARY))
    return cells


@entry_point_settings()
@given(
    st.permutations(["Name", "E-mail", "Created on", "Signed in", "@password"]),
    PASSWORD_HEADERS,
    DELIMITERS,
    st.data(),
)
def test_a_password_cell_never_reaches_any_output(
    header: list[str], password: str, delimiter: str, data: st.DataObject
) -> None:
    """Rows too short or too long (a cell lost, an unquoted delimiter): the password's cells never come out."""
    position = header.index("@password")
    header[position] = password
    rows = data.draw(st.lists(broken_rows(position), min_size=1, max_size=5))
    text = "\n".join(delimiter.join(cells) for cells in [header, *rows])
    reply = json.loads(call("team_csv", json.dumps({"data": base64.b64encode(text.encode()).decode()})))
    shown = json.dumps(reply, ensure_ascii=False)
    if reply["ok"]:
        team = reply["result"]["team"]
        shown += call("team_export", json.dumps({"document": reply["result"]["document"]}))
        shown += team_ics(team, "https://example.com/checklist/", "https://example.com/")
    assert MARK not in shown


def test_nesting_is_measured_without_recursing_and_strings_do_not_count() -> None:
    check_nesting("[" * MAX_NESTING + "]" * MAX_NESTING)
    check_nesting(json.dumps({"answers": {"role": "[" * 10_000 + "{" * 10_000}}))  # brackets inside a string
    check_nesting(json.dumps([{"a": '\\"[[[' * 100}] * 100))  # escaped quotes do not end the string
    for text in ("[" * (MAX_NESTING + 1), '{"a": ' * (MAX_NESTING + 1), '[{"x": "]]]", "y": ' * 40):
        with pytest.raises(ChecklistError) as raised:
            check_nesting(text, "fr")
        assert (raised.value.field, raised.value.code) == ("$", "too_deep") and "imbriquée" in raised.value.message


@pytest.mark.parametrize("fn", ["team", "team_csv", "calendar"])
def test_every_worker_function_refuses_too_deep_json_before_parsing(fn: str) -> None:
    text = '{"document": ' + '{"a": ' * 200 + "1" + "}" * 200 + "}"
    reply = json.loads(call(fn, text))
    assert reply == {"ok": False, "error": reply["error"]} and reply["error"]["code"] == "too_deep"
