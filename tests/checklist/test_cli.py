"""The CLI as a person or a script uses it: a real subprocess, stdin/stdout/stderr and exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checklist", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def test_json_on_stdin_gives_the_plan_json() -> None:
    done = run(stdin=json.dumps({"role": "admin", "today": "2017-03-01", "pmc_membership_end": "2017-06-30"}))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["dates"]["membership_end"] == "2018-06-30"  # the 2017 rules, before PMC's retirement


def test_file_argument_and_text_format(tmp_path: Path) -> None:
    source = tmp_path / "me.json"
    source.write_text(json.dumps({"role": "employee", "today": "2027-05-01", "temp_password_issued_on": "2027-01-01"}))
    done = run(str(source), "--format", "text")
    assert done.returncode == 0, done.stderr
    assert "Sign in with your temporary password (due 31 March 2027)" in done.stdout
    assert "stopped working on 1 April 2027" in done.stdout


def test_text_format_in_french() -> None:
    done = run("--format", "text", stdin='{"role": "employee", "today": "2027-03-01", "language": "fr"}')
    assert done.returncode == 0, done.stderr
    assert "Université des partenaires" in done.stdout


@pytest.mark.parametrize(
    ("stdin", "field"),
    [
        ("{not json", "$"),
        ('{"role": "admin", "today": "2027-02-30"}', "today"),
        ('{"role": "admin", "today": "2027-03-01", "extra": 1}', "extra"),
        ('{"role": "boss", "today": "2027-03-01"}', "role"),
        ('{"role": "admin", "today": "2027-03-01", "done": ["nope"]}', "done[0]"),
        ('{"role": "admin", "today": "2027-03-01", "csp": "no"}', "csp"),
    ],
)
def test_invalid_input_exits_2_with_one_line_naming_the_field(stdin: str, field: str) -> None:
    done = run(stdin=stdin)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {field}: ")


def test_missing_file_exits_2() -> None:
    done = run("/nonexistent/input.json")
    assert done.returncode == 2 and done.stdout == "" and "/nonexistent/input.json" in done.stderr
