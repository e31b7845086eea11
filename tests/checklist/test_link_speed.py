"""The worker fetches the memory snapshot for the next visit only where the link makes it pay (link-speed.js).

Resource Timing entries are written as a browser gives them: `transferSize` 0 for a file from a cache, the
response's first and last byte times in ms. Under Node (tests/checklist/test_engine_stall.py's runner).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers.node import node_json

DECIDE = """
import { snapshotPays } from "./overrides/assets/javascripts/checklist/link-speed.js";
const [connection, entries] = JSON.parse(process.argv[1]);
process.stdout.write(JSON.stringify(snapshotPays(connection, entries)));
"""
MB = 1_000_000


def download(mbit: float, size: int = 4 * MB, start: float = 100.0) -> dict[str, float]:
    """One file of `size` bytes that took as long as `mbit` Mbit/s makes it take."""
    return {"transferSize": size, "responseStart": start, "responseEnd": start + size * 8 / (mbit * 1e6) * 1000}


def decide(connection: dict[str, Any] | None, entries: list[dict[str, float]]) -> dict[str, Any]:
    return node_json("--input-type=module", "-e", DECIDE, json.dumps([connection, entries]))


@pytest.mark.node
@pytest.mark.parametrize(("mbit", "keep"), [(400, True), (50, True), (21, True), (18, False), (10, False), (2, False)])
def test_the_measured_link_decides(mbit: float, keep: bool) -> None:
    assert decide(None, [download(mbit)])["keep"] is keep
    # Two files sharing the link count once: both files' bytes over the span they took together.
    whole = download(mbit)
    halves = [{**whole, "transferSize": 2 * MB}, {**whole, "transferSize": 2 * MB}]
    assert decide(None, halves)["keep"] is keep


@pytest.mark.node
def test_files_from_the_cache_say_nothing_and_the_api_speaks_only_for_slow_links() -> None:
    cached = [{"transferSize": 0, "responseStart": 10, "responseEnd": 11}]
    assert decide(None, cached)["keep"] is True  # nothing known: as before
    assert decide({"downlink": 10, "effectiveType": "4g"}, cached)["keep"] is True  # Chromium's cap: not slow
    assert decide({"downlink": 1.5, "effectiveType": "4g"}, cached)["keep"] is False
    assert decide({"effectiveType": "3g"}, cached)["keep"] is False
    assert decide({"saveData": True}, [download(400)])["keep"] is False
    assert decide({"downlink": 1.5}, [download(400)])["keep"] is True  # measured beats the API's guess
