"""`python -m checklist team` as an admin or a script uses it: a real subprocess, files, stdin, exit status."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from checklist.team_cli import guess_format

ROOT = Path(__file__).resolve().parents[2]
CSV_TEXT = (
    "Nom;Adresse e-mail;Mot de passe;Créé le;Connecté\n"
    "Ana;ana@contoso.example;Sup3r-Secret;2027-01-01;non\n"
    "Bo;bo@contoso.example;Other-Secret;2027-03-01;oui\n"
)


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "checklist", "team", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=60
    )


def output(done: subprocess.CompletedProcess[bytes]) -> dict:
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout.decode("utf-8"))


def one_error_line(done: subprocess.CompletedProcess[bytes]) -> str:
    assert done.returncode == 2 and done.stdout == b""
    lines = done.stderr.decode("utf-8").strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_csv_file_gives_the_team_json(tmp_path: Path) -> None:
    source = tmp_path / "team.csv"
    source.write_bytes(CSV_TEXT.encode("utf-16"))
    result = output(run(str(source), "--today", "2027-04-01", "--language", "fr"))
    assert [(e["name"], e["status"]) for e in result["employees"]] == [("Ana", "expired"), ("Bo", "in_progress")]
    assert result["dropped_columns"] == ["Mot de passe"]
    assert result["source"] == {"format": "csv", "encoding": "utf-16", "delimiter": ";"}
    assert "Secret" not in json.dumps(result)
    assert result["employees"][0]["warnings"][0]["message"].startswith("Pas encore connecté")


def test_json_on_stdin_and_today_from_the_document() -> None:
    document = {
        "today": "2027-04-01",
        "employees": [{"email": "a@contoso.example", "temp_password_issued_on": "2027-01-15"}],
    }
    result = output(run(stdin=json.dumps(document).encode()))
    assert result["employees"][0]["status"] == "due_soon" and result["source"] == {"format": "json"}


def test_csv_on_stdin_is_recognised_by_its_content() -> None:
    result = output(run("--today", "2027-04-01", stdin=CSV_TEXT.encode()))
    assert result["totals"]["employees"] == 2


def test_csv_output_neutralises_formulas(tmp_path: Path) -> None:
    source = tmp_path / "team.csv"
    source.write_text('Name,Email,Issued on\n"=HYPERLINK(""https://evil.example"")",a@contoso.example,2027-03-01\n')
    done = run(str(source), "--today", "2027-04-01", "--format", "csv")
    assert done.returncode == 0, done.stderr.decode()
    text = done.stdout.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert rows[1][1] == '\'=HYPERLINK("https://evil.example")'


def test_named_encoding(tmp_path: Path) -> None:
    source = tmp_path / "team.csv"
    source.write_bytes(CSV_TEXT.encode("cp1252"))
    assert "UTF-8" in one_error_line(run(str(source), "--today", "2027-04-01"))
    result = output(run(str(source), "--today", "2027-04-01", "--encoding", "cp1252"))
    assert result["columns"]["temp_password_issued_on"] == "Créé le"


TODAY = ["--today", "2027-04-01"]
BAD_DATE = CSV_TEXT.replace("2027-03-01", "2027-02-30")
BAD_FLAG = CSV_TEXT.replace(";oui", ";peut-être")


@pytest.mark.parametrize(
    ("content", "args", "prefix"),
    [
        ("Email,Issued on\na@x.example,8/10/2026\n", TODAY, "error: date_order: Dates like “8/10/2026”"),
        ("Email,Signed in\na@contoso.example,yes\n", TODAY, "error: columns: The file has no “Temporary"),
        ('"E-\nmail",Email\n', TODAY, "error: columns: Two columns hold"),
        ('{"today": "2027-04-01", "employees": [{"name": "A", "signed_in": "yes"}]}', [], "error: rows[1].signed_in: "),
        ('{"today": "2027-04-01", "employees": [', [], "error: $: The input is not valid JSON"),
        ("Email,Issued on\na@x.example,2027-03-01\n", ["--today", "2027-13-01"], "error: today: "),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_row_and_field(content: str, args: list[str], prefix: str) -> None:
    assert one_error_line(run(*args, stdin=content.encode())).startswith(prefix)


@pytest.mark.parametrize(
    ("content", "args", "line"),
    [
        (BAD_DATE, TODAY, "rejected: Row 3, column “Créé le”: “2027-02-30” — This date does not exist."),
        (
            BAD_FLAG,
            [*TODAY, "--language", "fr"],
            "rejected: Ligne 3, colonne «\u00a0Connecté\u00a0»\u00a0: «\u00a0peut-être\u00a0» — Écrivez oui ou non, ou "
            "laissez la cellule vide.",
        ),
    ],
)
def test_some_rows_rejected_exits_3_with_the_rest_computed(content: str, args: list[str], line: str) -> None:
    done = run(*args, stdin=content.encode())
    assert done.returncode == 3, done.stderr.decode()
    result = json.loads(done.stdout.decode())
    assert [e["name"] for e in result["employees"]] == ["Ana"]
    assert [r["row"] for r in result["rejected"]] == [3]
    assert done.stderr.decode().splitlines() == [line]


@pytest.mark.parametrize(("order", "issued"), [("dmy", "2026-10-08"), ("mdy", "2026-08-10")])
def test_date_order_option_reads_an_ambiguous_file(order: str, issued: str) -> None:
    content = "Email,Issued on\na@x.example,8/10/2026\n"
    result = output(run("--today", "2026-11-21", "--date-order", order, stdin=content.encode()))
    assert result["employees"][0]["temp_password_issued_on"] == issued
    assert (result["date_order"], result["date_order_source"]) == (order, "chosen")


def test_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    source = tmp_path / "huge.csv"
    with open(source, "wb") as handle:
        handle.write(b"Email,Issued on\n")
        handle.write(b"a@contoso.example,2027-03-01\n" * 400_000)  # about 11 MB
    assert "too large" in one_error_line(run(str(source), "--today", "2027-04-01"))


def test_missing_file_exits_2() -> None:
    done = run("/nonexistent/team.csv")
    assert done.returncode == 2 and done.stdout == b"" and b"/nonexistent/team.csv" in done.stderr


def test_single_plan_cli_is_unchanged() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "checklist"],
        input=b'{"role": "employee", "today": "2027-03-01"}',
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0 and "remaining" in json.loads(done.stdout)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("team.json", b"Email\n", "json"),
        ("team.CSV", b"{", "csv"),
        (None, b'\xef\xbb\xbf  {"employees": []}', "json"),
        (None, b"Email,Issued on\n", "csv"),
        (None, "[]", "json"),
        ("export.txt", b"{}", "csv"),
    ],
)
def test_format_guess(name: str | None, data: bytes | str, expected: str) -> None:
    assert guess_format(name, data) == expected
