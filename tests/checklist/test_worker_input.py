"""The worker's entry point in real Pyodide under Node: hostile input gets a typed error, Python survives.

Issue 16: JSON nested 100,000 deep did not raise RecursionError in Pyodide, it overflowed the JavaScript
stack and killed the interpreter ("Pyodide has suffered a fatal error"), so the page could compute nothing
more until reloaded; and 9999-12-31 crashed the engine. Each call here is followed by a normal one, which
must still answer.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from checklist.bundle import build_zip

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"

SCRIPT = """
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [pyodideDir, zipPath, callsPath] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pyodideDir + "/pyodide.mjs").href);
const py = await loadPyodide({ indexURL: pyodideDir + "/", stdout: () => {}, stderr: () => {} });
const zip = readFileSync(zipPath);
py.unpackArchive(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength), "zip", { extractDir: "/bundle" });
py.runPython("import sys; sys.path.insert(0, '/bundle'); from checklist.web import call");
const call = py.globals.get("call");
const replies = JSON.parse(readFileSync(callsPath, "utf8")).map(([fn, text]) => JSON.parse(call(fn, text)));
process.stdout.write(JSON.stringify(replies));
"""

FINE = ("plan", json.dumps({"answers": {"role": "employee", "today": "2027-04-01"}}))
HOSTILE = [
    ("plan", '{"answers": ' + "[" * 100_000 + "]" * 100_000 + "}", "too_deep"),
    ("team", '{"document": ' + '{"a": ' * 20_000 + "1" + "}" * 20_000 + "}", "too_deep"),
    (
        "plan",
        json.dumps({"answers": {"role": "admin", "today": "2017-01-01", "pmc_membership_end": "9999-12-31"}}),
        "out_of_range",
    ),
    ("team", json.dumps({"document": {"today": "9999-12-31", "employees": []}}), "out_of_range"),
]


@pytest.mark.node
def test_hostile_worker_calls_get_typed_errors_and_python_survives(tmp_path: Path) -> None:
    if shutil.which("node") is None or not (PYODIDE_DIR / "pyodide.mjs").is_file():
        if os.environ.get("CI_NO_NODE") == "1":
            pytest.skip("CI_NO_NODE=1")
        pytest.fail("needs node and node_modules/pyodide: run `make deps` (or set CI_NO_NODE=1)")
    calls = [pair for fn, text, _ in HOSTILE for pair in ((fn, text), FINE)]
    (tmp_path / "calls.json").write_text(json.dumps(calls), encoding="utf-8")
    (tmp_path / "run.mjs").write_text(SCRIPT, encoding="utf-8")
    zip_path = build_zip(tmp_path / "checklist.zip")
    done = subprocess.run(
        ["node", str(tmp_path / "run.mjs"), str(PYODIDE_DIR), str(zip_path), str(tmp_path / "calls.json")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    replies = json.loads(done.stdout)
    for (_, _, code), reply, after in zip(HOSTILE, replies[::2], replies[1::2], strict=True):
        assert reply["ok"] is False and reply["error"]["code"] == code, reply
        assert after["ok"] is True, "the interpreter still answers the next call"
