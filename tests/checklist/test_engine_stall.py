"""The page's engine client (engine.js) gives up a start only when the worker has said nothing for the stall
time: progress reports keep a slow start alive however long it takes, silence ends it with code "timeout", and a
real failure ends it at once. The stages in which the worker cannot report (Python's start, the engine's import)
are not held to the stall time but to a longer busy limit, and the page is told when one outlasts the stall
time. Run under Node with a stub worker (tests/checklist/engine_stall_runner.mjs); the stall times are short and
the tests assert outcomes, never speed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checklist.web import page_strings
from tests.helpers.node import ROOT, node_json

RUNNER = ROOT / "tests" / "checklist" / "engine_stall_runner.mjs"
STALL = 300  # ms: the page's data-load-timeout, made short for the test
BUSY = 2400  # ms: the page's data-busy-timeout, made short for the test


def progress(stage: str = "download", received: int = 0) -> dict[str, Any]:
    return {"event": "progress", "stage": stage, "received": received, "total": None}


def start(tmp_path: Path, script: list[dict[str, Any]], stall: int = STALL, busy: int = BUSY) -> dict[str, Any]:
    """How Engine.start ended when the stub worker plays `script`."""
    path = tmp_path / "script.json"
    path.write_text(json.dumps(script), encoding="utf-8")
    return node_json(str(RUNNER), str(stall), str(path), str(busy))


@pytest.mark.node
def test_progress_keeps_a_start_alive_far_past_the_stall_time(tmp_path: Path) -> None:
    # 12 reports, each well inside the stall time, add up to several stall times before the reply.
    steps: list[dict[str, Any]] = []
    for n in range(12):
        steps += [{"wait": STALL // 3}, progress("download", n * 100_000)]
    steps += [progress("python"), {"wait": STALL // 3}, progress("engine"), {"reply": True}]
    ended = start(tmp_path, steps)
    assert ended["outcome"] == "ready", ended
    assert ended["progress"] == ["download"] * 12 + ["python", "engine"]


@pytest.mark.node
def test_silence_from_the_start_ends_it_with_a_timeout(tmp_path: Path) -> None:
    ended = start(tmp_path, [{"wait": STALL * 4}, {"reply": True}])
    assert (ended["outcome"], ended["code"], ended["field"]) == ("failed", "timeout", "$"), ended


@pytest.mark.node
def test_progress_that_stops_ends_it_with_a_timeout(tmp_path: Path) -> None:
    steps = [
        progress("download", 1),
        {"wait": STALL // 3},
        progress("download", 2),
        {"wait": STALL * 4},
        {"reply": True},
    ]
    ended = start(tmp_path, steps)
    assert (ended["outcome"], ended["code"]) == ("failed", "timeout"), ended
    assert ended["progress"] == ["download", "download"]


@pytest.mark.node
def test_a_real_failure_ends_the_start_at_once_without_waiting_for_a_stall(tmp_path: Path) -> None:
    failure = {"ok": False, "error": {"field": "$", "code": "http", "message": "pyodide.asm.wasm: HTTP 404"}}
    # The stall time is long; the failure comes first and is the one reported.
    ended = start(tmp_path, [progress(), {"id": 1, "json": json.dumps(failure)}], stall=60_000)
    assert (ended["outcome"], ended["code"]) == ("failed", "http"), ended


@pytest.mark.node
def test_a_message_without_an_id_is_never_taken_for_the_reply(tmp_path: Path) -> None:
    ended = start(tmp_path, [{"event": "snapshot-kept", "bytes": 5}, progress("download"), {"wait": STALL * 4}])
    assert (ended["outcome"], ended["code"]) == ("failed", "timeout"), ended


@pytest.mark.node
@pytest.mark.parametrize("stage", ["python", "engine"])
def test_a_silent_stage_may_outlast_the_stall_time_and_the_page_hears_it_is_still_working(
    tmp_path: Path, stage: str
) -> None:
    """Python's start on a slow phone: the worker's only thread is busy, so nothing is reported for several stall
    times, then the reply comes. The old rule (the stall time for every stage) ended this start as "timeout"."""
    steps = [progress("download", 1), progress(stage), {"wait": STALL * 4}, {"reply": True}]
    ended = start(tmp_path, steps)
    assert ended["outcome"] == "ready", ended
    assert ended["busy"] == [stage], ended


@pytest.mark.node
def test_a_silent_stage_past_the_busy_limit_ends_with_busy_not_a_stall(tmp_path: Path) -> None:
    steps = [progress("download", 1), progress("python"), {"wait": BUSY * 2}, {"reply": True}]
    ended = start(tmp_path, steps)
    assert (ended["outcome"], ended["code"], ended["field"]) == ("failed", "busy", "$"), ended
    assert ended["busy"] == ["python"], ended


@pytest.mark.node
def test_a_report_after_a_silent_stage_puts_the_stall_time_back(tmp_path: Path) -> None:
    """Back in a reporting stage (a download that was still running), silence is a stall again."""
    steps = [progress("python"), {"wait": STALL // 3}, progress("download", 5), {"wait": STALL * 4}, {"reply": True}]
    ended = start(tmp_path, steps)
    assert (ended["outcome"], ended["code"]) == ("failed", "timeout"), ended
    assert ended["busy"] == [], ended


WORDS = """
import { progressWords } from "./overrides/assets/javascripts/checklist/start-progress.js";
import { wordsFrom } from "./overrides/assets/javascripts/checklist/dom.js";
const [strings, language, reports] = JSON.parse(process.argv[1]);
const text = wordsFrom(strings);
process.stdout.write(JSON.stringify(reports.map((report) => progressWords(report, text, language))));
"""


def progress_words(language: str, reports: list[dict[str, Any]]) -> list[str]:
    """What start-progress.js says for each report, with the page's words in `language` (the catalogs')."""
    return node_json("--input-type=module", "-e", WORDS, json.dumps([page_strings(language), language, reports]))


REPORTS: list[dict[str, Any]] = [
    {"stage": "download", "received": 0, "total": None},
    {"stage": "download", "received": 20_000, "total": 5_400_000},  # too little to say "0.0 of 5.4 MB"
    {"stage": "download", "received": 2_140_000, "total": 5_400_000},
    {"stage": "download", "received": 2_140_000, "total": None},
    {"stage": "python", "received": 5_400_000, "total": 5_400_000},
    {"stage": "engine", "received": 5_400_000, "total": 5_400_000},
]


@pytest.mark.node
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "Downloading Python for the checklist…",
                "Downloading Python for the checklist…",
                "Downloading Python for the checklist: 2.1 of 5.4 MB",
                "Downloading Python for the checklist: 2.1 MB received",
                "Getting the checklist ready in your browser…",
                "Loading the checklist…",
            ],
        ),
        (
            "fr",
            [
                "Téléchargement de Python pour la liste de contrôle…",
                "Téléchargement de Python pour la liste de contrôle…",
                "Téléchargement de Python pour la liste de contrôle\u00a0: 2,1 sur 5,4\u00a0Mo",
                "Téléchargement de Python pour la liste de contrôle\u00a0: 2,1\u00a0Mo reçus",
                "Préparation de la liste de contrôle dans votre navigateur…",
                "Chargement de la liste de contrôle…",
            ],
        ),
        (
            "zh-TW",
            [
                "正在下載檢查清單所需的 Python……",
                "正在下載檢查清單所需的 Python……",
                "正在下載檢查清單所需的 Python：已下載 2.1 MB，共 5.4 MB",
                "正在下載檢查清單所需的 Python：已下載 2.1 MB",
                "正在您的瀏覽器中準備檢查清單……",
                "正在載入檢查清單……",
            ],
        ),
    ],
)
def test_progress_is_said_in_the_pages_language_with_its_numbers(language: str, expected: list[str]) -> None:
    assert progress_words(language, REPORTS) == expected
