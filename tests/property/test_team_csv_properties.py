"""Hypothesis: any file gives a team or the typed error, never another exception; export then import keeps the data."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from checklist import ChecklistError
from checklist.team import EMPLOYEE_FIELDS, team, team_from_csv, team_to_csv
from checklist.team.cells import FORMULA_STARTS, neutralise, restore
from tests.property.strategies import JSON_VALUES, TEAM_NOW, TEAM_TODAY, csv_files, employees, entry_point_settings

TODAY, NOW = TEAM_TODAY, TEAM_NOW
KEYS = (*EMPLOYEE_FIELDS, "status", "needs_action")


def outcome(data: str | bytes) -> dict[str, Any] | None:
    try:
        result = team_from_csv(data, today=TODAY, now=NOW)
    except ChecklistError as error:
        assert error.field and error.code and error.message
        if error.row is not None:
            assert error.field.startswith(f"rows[{error.row}]")
        return None
    json.dumps(result)  # JSON-ready
    return result


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_a_team_or_the_typed_error(text: str) -> None:
    outcome(text)


@settings(max_examples=300, deadline=None)
@given(st.binary())
def test_any_bytes_give_a_team_or_the_typed_error(data: bytes) -> None:
    outcome(data)


@entry_point_settings()
@given(csv_files(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_any_csv_gives_a_team_or_the_typed_error(text: str, encoding: str) -> None:
    result = outcome(text.encode(encoding))
    if result is not None:
        totals = result["totals"]
        assert (
            totals["employees"]
            == len(result["employees"])
            == sum(totals[s] for s in ("expired", "due_soon", "in_progress", "done"))
        )


@settings(max_examples=300, deadline=None)
@given(st.lists(employees(), max_size=8), st.sampled_from(["en", "fr", "zh-TW"]), st.booleans())
def test_export_then_import_keeps_names_and_facts(people: list[dict[str, Any]], language: str, bom: bool) -> None:
    result = team({"language": language, "today": TODAY.isoformat(), "now": "2027-04-01T12:00", "employees": people})
    again = team_from_csv(team_to_csv(result, bom=bom), language=language, today=TODAY, now=NOW)
    assert [[e[k] for k in KEYS] for e in again["employees"]] == [[e[k] for k in KEYS] for e in result["employees"]]
    assert sorted(e["name"] for e in again["employees"]) == sorted(p["name"] for p in people)


@given(st.text())
def test_neutralised_cells_never_start_a_formula_and_restore_exactly(cell: str) -> None:
    safe = neutralise(cell)
    assert not safe or safe[0] not in FORMULA_STARTS
    assert restore(safe) == cell


@entry_point_settings()
@given(st.lists(employees(), max_size=4), st.sampled_from([*EMPLOYEE_FIELDS, "extra"]), JSON_VALUES, st.integers(0, 3))
def test_any_team_document_gives_a_team_or_the_typed_error(
    people: list[dict[str, Any]], field: str, value: Any, index: int
) -> None:
    if people:
        people[index % len(people)][field] = value
    try:
        result = team({"today": TODAY.isoformat(), "employees": people})
    except ChecklistError as error:
        assert error.field.startswith("rows[") and error.row is not None and error.column
    else:
        assert len(result["employees"]) == len(people)
