"""The CLI's contract on bad input (README): exit status 2, one stderr line naming the field, nothing on stdout.

Each case is input a person or a script really hands over (issue 16: these exited 1 with a traceback). Run as
a real subprocess, so that the bytes reach the program the way a shell passes them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEAM_CSV = b"Name,E-mail,Temporary password issued on\nAna Silva,ana@contoso.example,2027-01-15\n"
# The start of a real binary file: a PNG header and chunk, NUL bytes and bytes that are not UTF-8.
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\xff\xd8\xc3\x28" * 8


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "checklist", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=60
    )


def one_line(done: subprocess.CompletedProcess[bytes]) -> tuple[str, str]:
    """(field, message) of the single `error: field: message` line; fails on anything else."""
    assert done.returncode == 2, (done.returncode, done.stderr.decode(errors="replace")[-500:])
    assert done.stdout == b""
    text = done.stderr.decode("utf-8")
    assert "Traceback" not in text
    lines = text.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ")
    field, _, message = lines[0].removeprefix("error: ").partition(": ")
    assert field and message
    return field, message


def deep(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


PLAN = {"role": "admin", "today": "2027-01-01"}


@pytest.mark.parametrize("where", ["stdin", "file"])
def test_plan_non_utf8_bytes(tmp_path: Path, where: str) -> None:
    data = json.dumps({**PLAN, "situation": "transition"}).encode().replace(b"transition", b"transi\xe9tion")
    if where == "file":
        (tmp_path / "in.json").write_bytes(data)
        field, message = one_line(run(str(tmp_path / "in.json")))
        assert field == "$" and "UTF-8" in message
    else:
        done = run(stdin=data)  # the shell's stdin may replace bad bytes: then the value is refused instead
        assert one_line(done)[0] in ("$", "situation")


def test_plan_json_nested_100000_deep() -> None:
    field, message = one_line(run(stdin=deep(100_000)))
    assert field == "$" and "nested too deeply" in message


def test_plan_json_nested_100000_deep_in_french() -> None:
    field, message = one_line(run("--language", "fr", stdin=deep(100_000)))
    assert field == "$" and "imbriquée" in message


@pytest.mark.parametrize("field", ["pmc_membership_end", "reenrolled_on", "temp_password_issued_on", "today"])
def test_plan_year_9999(field: str) -> None:
    document = {**PLAN, field: "9999-12-31"}
    if field != "today":
        document["today"] = "2017-01-01"  # before PMC's retirement, when the PMC dates are still read
    found, message = one_line(run(stdin=json.dumps(document).encode()))
    assert found == field and "2000-01-01" in message and "2100-12-31" in message


def test_plan_year_9999_datetime() -> None:
    found, _ = one_line(run(stdin=json.dumps({**PLAN, "now": "9999-12-31T23:59", "today": None}).encode()))
    assert found == "now"


def test_plan_binary_file(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(BINARY)
    assert one_line(run(str(tmp_path / "photo.png")))[0] == "$"


def test_plan_field_name_with_line_breaks_stays_one_line() -> None:
    field, _ = one_line(run(stdin=json.dumps({**PLAN, "a\r\nb\u2028c": 1}).encode()))
    assert field == "a  b c"


def test_team_encoding_rot13(tmp_path: Path) -> None:
    (tmp_path / "team.csv").write_bytes(TEAM_CSV)
    field, message = one_line(run("team", str(tmp_path / "team.csv"), "--encoding", "rot13", "--today", "2027-04-01"))
    assert field == "encoding" and "rot13" in message


def test_team_unknown_encoding(tmp_path: Path) -> None:
    (tmp_path / "team.csv").write_bytes(TEAM_CSV)
    field, message = one_line(run("team", str(tmp_path / "team.csv"), "--encoding", "klingon", "--language", "fr"))
    assert field == "encoding" and message.startswith("Encodage inconnu")


def test_team_binary_file(tmp_path: Path) -> None:
    (tmp_path / "team.csv").write_bytes(BINARY)
    assert one_line(run("team", str(tmp_path / "team.csv"), "--today", "2027-04-01"))[0] == "$"


def test_team_non_utf8_csv() -> None:
    field, message = one_line(run("team", "--today", "2027-04-01", stdin=TEAM_CSV.replace(b"Ana", b"\xc9l\xe9a")))
    assert field == "$" and "UTF-8" in message


def test_team_json_nested_100000_deep() -> None:
    field, message = one_line(run("team", "--input-format", "json", "--language", "zh-TW", stdin=deep(100_000)))
    assert field == "$" and "層" in message


def test_team_non_utf8_json() -> None:
    assert one_line(run("team", "--input-format", "json", stdin=b'{"today": "2027-04-01\xff"}'))[0] == "$"


def test_team_year_9999_in_a_cell() -> None:
    data = TEAM_CSV.replace(b"2027-01-15", b"9999-12-31")
    done = run("team", "--today", "2027-04-01", stdin=data)  # a partial import: the row is listed, exit 3
    assert done.returncode == 3 and "2100-12-31" in done.stderr.decode()


@pytest.mark.parametrize("option", [["--today", "9999-12-31"], ["--now", "9999-12-31T10:00"]])
def test_team_year_9999_as_today(option: list[str]) -> None:
    assert one_line(run("team", *option, stdin=TEAM_CSV))[0] == option[0].removeprefix("--")


# --- issue 25: what the third attack found ----------------------------------------------------------------------

HUGE = "1" * 5000  # over Python's 4,300-digit limit for converting an integer to or from text


def test_plan_integer_over_4300_digits_is_one_line_naming_the_field() -> None:
    field, message = one_line(run("--language", "fr", stdin=f'{{"role": "admin", "done": [{HUGE}]}}'.encode()))
    assert field == "done[0]" and "4300" in message and "trop long" in message


def test_team_integer_over_4300_digits() -> None:
    data = f'{{"today": "2027-01-01", "employees": [{{"name": {HUGE}}}]}}'.encode()
    assert one_line(run("team", "--input-format", "json", stdin=data))[0] == "employees[0].name"


@pytest.mark.parametrize("output", ["json", "csv"])
def test_team_lone_surrogate_in_a_name_writes_nothing(output: str) -> None:
    data = b'{"today": "2027-01-01", "employees": [{"name": "Ana \\ud800", "email": "ana@contoso.example"}]}'
    field, message = one_line(run("team", "--input-format", "json", "--format", output, stdin=data))
    assert field == "employees[0].name" and "U+D800" in message


def test_plan_lone_surrogate_in_a_key_is_named_readably() -> None:
    field, _ = one_line(run(stdin=b'{"role": "admin", "\\udc80x": 1}'))
    assert field == "\ufffdx"


def test_an_emoji_written_as_a_surrogate_pair_is_text() -> None:
    data = b'{"today": "2027-01-01", "employees": [{"name": "Ana \\ud83d\\ude00", "email": "ana@contoso.example"}]}'
    done = run("team", "--input-format", "json", stdin=data)
    assert done.returncode == 0 and "Ana \U0001f600" in done.stdout.decode("utf-8")


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--format", "xml"], "--format"),
        (["--language", "de"], "--language"),
        (["--bogus"], "$"),
        (["a.json", "b.json"], "$"),
        (["team", "--format", "ics"], "--format"),
        (["team", "--date-order", "dym"], "--date-order"),
        (["team", "--input-format"], "--input-format"),
    ],
)
def test_a_bad_option_is_one_line_not_the_usage(args: list[str], field: str) -> None:
    found, message = one_line(run(*args))
    assert found == field and message.endswith("See --help.")


def test_a_bad_option_in_french() -> None:
    assert one_line(run("--format", "xml", "--language", "fr"))[1].endswith("Voir --help.")


@pytest.mark.parametrize(
    "url", ["http://x/\r\nATTACH:http://evil/", "javascript:alert(1)", "http://x/\nBEGIN:VEVENT", "x", "http://a b/"]
)
def test_ics_refuses_a_site_url_that_could_write_a_line(url: str) -> None:
    field, message = one_line(run("--format", "ics", "--site-url", url, stdin=json.dumps(PLAN).encode()))
    assert field == "--site-url" and "http://" in message


def test_output_that_the_terminal_cannot_encode_is_refused_whole() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "checklist", "--language", "zh-TW"],
        input=json.dumps(PLAN).encode(),
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    field, _ = one_line(done)
    assert field == "$"


def test_a_partial_csv_still_exits_3_with_its_output_whole() -> None:
    data = TEAM_CSV + b"Bo,bo@contoso.example,31/02/2027\n"
    done = run("team", "--today", "2027-04-01", stdin=data)
    assert done.returncode == 3
    result = json.loads(done.stdout)  # whole: it parses
    assert [entry["row"] for entry in result["rejected"]] == [3]
