"""Hypothesis: any input gives a plan or the typed error, never another exception; plans keep their promises."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from checklist import STEP_IDS, ChecklistError, plan
from checklist.plan import LANGUAGE_PREFIX
from tests.helpers.docs import heading_ids, source
from tests.property.strategies import entry_point_settings, mangled_documents, valid_documents


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
