"""The worker (overrides/assets/javascripts/checklist/worker.js) answers every message in one shape, `{id, json}`,
whose text is `{"ok": true, "result": ...}` or `{"ok": false, "error": {field, code, message, ...}}`: its own
failures, `init` and the engine's replies alike. Run under Node with real Pyodide (tests/checklist/worker_runner.mjs).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checklist import plan
from checklist.bundle import build_zip
from tests.helpers.node import ROOT, TIMEOUT, node_json

RUNNER = ROOT / "tests" / "checklist" / "worker_runner.mjs"
ANSWERS = {"role": "employee", "language": "fr", "today": "2027-03-10", "temp_password_issued_on": "2027-03-01"}
MESSAGES: list[dict[str, Any]] = [
    {"fn": "plan", "args": {"answers": ANSWERS}},  # before init: the worker's own error
    {"fn": "init", "args": {}},
    {"fn": "plan", "args": {"answers": ANSWERS}},
    {"fn": "plan", "args": {"answers": {**ANSWERS, "today": "2027-02-30"}}},
    {"fn": "format_disk", "args": {}},
    {"fn": "team_template", "args": {"language": "zh-TW"}},
]


@pytest.fixture(scope="module")
def posted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """Everything the worker posted: `replies` (with an id) and `events` (without one: progress, snapshot-kept)."""
    folder: Path = tmp_path_factory.mktemp("worker")
    bundle = build_zip(folder / "checklist.zip")
    messages = folder / "messages.json"
    messages.write_text(json.dumps(MESSAGES), encoding="utf-8")
    return node_json(str(RUNNER), str(bundle), str(messages), timeout=TIMEOUT)


@pytest.fixture(scope="module")
def replies(posted: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return posted["replies"]


@pytest.mark.node
def test_every_reply_is_id_and_json_text_of_ok_result_or_error(replies: list[dict[str, Any]]) -> None:
    assert [reply["id"] for reply in replies] == list(range(1, len(MESSAGES) + 1))
    for reply in replies:
        assert set(reply) == {"id", "json"} and isinstance(reply["json"], str), reply
        body = json.loads(reply["json"])
        if body["ok"]:
            assert set(body) == {"ok", "result"}, body
        else:
            assert set(body) == {"ok", "error"} and {"field", "code", "message"} <= set(body["error"]), body


@pytest.mark.node
def test_replies_carry_the_engines_result_or_the_named_error(replies: list[dict[str, Any]]) -> None:
    bodies = [json.loads(reply["json"]) for reply in replies]
    assert bodies[0]["error"]["code"] == "worker"
    assert bodies[1]["result"]["version"] and bodies[1]["result"]["from"] == "start"
    assert bodies[2] == {"ok": True, "result": json.loads(json.dumps(plan(ANSWERS)))}
    assert (bodies[3]["error"]["field"], bodies[3]["error"]["code"]) == ("today", "impossible_date")
    assert bodies[4]["error"]["code"] == "unknown_function"
    assert bodies[5]["result"].startswith("\ufeff姓名")


@pytest.mark.node
def test_init_reports_its_stages_as_messages_without_an_id(posted: dict[str, list[dict[str, Any]]]) -> None:
    """The page's stall timer lives on these: each is {event: "progress", stage, received, total}, never a reply."""
    progress = [event for event in posted["events"] if event.get("event") == "progress"]
    assert progress, posted["events"]
    for event in progress:
        assert set(event) == {"event", "stage", "received", "total"}, event
        assert event["stage"] in {"download", "python", "engine"}, event
        assert isinstance(event["received"], int) and event["received"] >= 0, event
    stages = [event["stage"] for event in progress]
    assert stages[0] == "download" and stages[-1] == "engine", stages
    # Stages only move forward: a report never goes back to an earlier stage.
    order = ["download", "python", "engine"]
    assert [order.index(stage) for stage in stages] == sorted(order.index(stage) for stage in stages), stages
    # The engine zip is counted as it is read (under Node, Pyodide reads its own files from the disk).
    assert progress[-1]["received"] > 0, progress
