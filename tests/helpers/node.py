"""Node.js and the npm Pyodide for the tests that run the engine in real Pyodide (tests/checklist/test_pyodide.py,
the worker protocol and stall tests): where they are, and a clear failure when they are missing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
TIMEOUT = 300  # seconds for one Node run: a bound on a hung Pyodide, not a speed target


def node_or_fail() -> str:
    """The `node` executable; a missing Node or Pyodide fails (the README's `make test` installs both)."""
    node = shutil.which("node")
    missing = []
    if node is None:
        missing.append("`node` is not on PATH")
    if not (PYODIDE_DIR / "pyodide.mjs").is_file():
        missing.append(f"{PYODIDE_DIR.relative_to(ROOT)} is missing")
    if missing:
        reason = " and ".join(missing)
        if os.environ.get("CI_NO_NODE") == "1":
            pytest.skip(f"CI_NO_NODE=1: {reason}")
        pytest.fail(
            f"{reason}: install Node.js (>= 18) and run `npm ci` in {ROOT} (`make test` does this), "
            "or set CI_NO_NODE=1 to skip the Pyodide parity test",
            pytrace=False,
        )
    assert node is not None
    return node


def node_json(*args: str, timeout: float = 60) -> Any:
    """What a Node script printed as JSON (run from the repository, so its imports resolve); `timeout` bounds a
    hung run (TIMEOUT for a Pyodide start), it is not a speed target."""
    done = subprocess.run(
        [node_or_fail(), *args], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=timeout
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
