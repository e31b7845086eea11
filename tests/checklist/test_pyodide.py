"""Parity: the engine loaded from the bundle zip into real Pyodide under Node gives the same JSON as CPython.

Python starts with the stdlib zip the site ships (the engine's trimmed one, hooks/pyodide_stdlib.mjs, made by the
build hook's own function and cache), so a module the engine needs and that zip lacks fails here, at build time.

Needs `node` and `node_modules/pyodide` (`make test` runs `npm ci`), so a missing one fails the test rather than
skipping it; set CI_NO_NODE=1 to skip on a machine that deliberately has no Node.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import checklist
from checklist import ChecklistError, plan
from checklist.bundle import build_zip, zip_bytes
from tests.helpers.hooks import build_hook
from tests.helpers.node import PYODIDE_DIR, ROOT, TIMEOUT, node_json, node_or_fail

RUNNER = ROOT / "tests" / "checklist" / "pyodide_runner.mjs"

# (name, input document): both roles and situations, all three languages, the date edges, then four bad inputs.
# The PMC company's cases are dated before PMC's retirement (the 2017 rules), except those named "retired".
SCENARIOS: list[tuple[str, dict[str, Any]]] = [
    (
        "retired: PMC company with CSP and marketplace, zh-TW",
        {"role": "admin", "language": "zh-TW", "today": "2026-12-02", "csp": True, "marketplace": True},
    ),
    (
        "retired: stored PMC answers are ignored, fr",
        {
            "role": "admin",
            "language": "fr",
            "today": "2026-12-02",
            "pmc_membership_end": "2027-06-30",
            "reenrolled_on": "2027-13-45",
        },
    ),
    ("admin transition, en", {"role": "admin", "today": "2017-03-01", "pmc_membership_end": "2017-06-30"}),
    ("admin enroll, fr", {"role": "admin", "situation": "enroll", "language": "fr", "today": "2027-03-01"}),
    (
        "employee transition, zh-TW",
        {"role": "employee", "language": "zh-TW", "today": "2027-02-01", "temp_password_issued_on": "2027-01-01"},
    ),
    ("employee enroll, en", {"role": "employee", "situation": "enroll", "today": "2027-03-01"}),
    (
        "leap day end date, fr",
        {"role": "admin", "language": "fr", "today": "2020-01-01", "pmc_membership_end": "2020-02-29"},
    ),
    (
        "temp password day 89, zh-TW",
        {"role": "employee", "language": "zh-TW", "today": "2027-03-31", "temp_password_issued_on": "2027-01-01"},
    ),
    (
        "temp password exactly 90 days, fr",
        {"role": "employee", "language": "fr", "today": "2027-04-01", "temp_password_issued_on": "2027-01-01"},
    ),
    (
        "exams exactly 24 hours ago, now given, fr",
        {"role": "employee", "language": "fr", "now": "2027-03-02T10:00", "exams_associated_at": "2027-03-01T10:00"},
    ),
    (
        "exams one minute short of 24 hours, zh-TW",
        {
            "role": "employee",
            "language": "zh-TW",
            "today": "2027-03-02",
            "now": "2027-03-02T09:59",
            "exams_associated_at": "2027-03-01T10:00",
        },
    ),
    (
        "re-enrolled on the end date, en",
        {"role": "admin", "today": "2017-03-01", "pmc_membership_end": "2017-03-01", "reenrolled_on": "2017-03-01"},
    ),
    (
        "re-enrolled after the end date, zh-TW",
        {
            "role": "admin",
            "language": "zh-TW",
            "today": "2017-03-01",
            "pmc_membership_end": "2017-01-31",
            "reenrolled_on": "2017-02-15",
        },
    ),
    (
        "membership ended, not renewed, fr",
        {"role": "admin", "language": "fr", "today": "2017-03-01", "pmc_membership_end": "2017-01-31"},
    ),
    (
        "csp, marketplace and all benefits, en",
        {
            "role": "admin",
            "today": "2027-03-01",
            "csp": True,
            "marketplace": True,
            "benefits": ["software", "cloud", "visual_studio", "technical"],
        },
    ),
    (
        "enroll with marketplace and a benefit, zh-TW",
        {
            "role": "admin",
            "situation": "enroll",
            "language": "zh-TW",
            "today": "2027-03-01",
            "marketplace": True,
            "csp": False,
            "benefits": ["cloud"],
        },
    ),
    (
        "admin with done steps, fr",
        {
            "role": "admin",
            "language": "fr",
            "today": "2017-03-01",
            "pmc_membership_end": "2017-06-30",
            "csp": True,
            "done": ["prepare.global_admin", "account.create", "csp.sign_mpa", "employee.sign_in"],
        },
    ),
    (
        "employee with done steps and exams, en",
        {
            "role": "employee",
            "today": "2027-03-10",
            "temp_password_issued_on": "2027-03-01",
            "exams_associated_at": "2027-03-09T23:30",
            "done": ["employee.get_signin_info", "employee.sign_in"],
        },
    ),
    ("invalid: impossible date, fr", {"role": "admin", "language": "fr", "today": "2027-02-30"}),
    ("invalid: unknown step, zh-TW", {"role": "admin", "language": "zh-TW", "today": "2027-03-01", "done": ["x.y"]}),
    ("invalid: wrong type, en", {"role": "admin", "today": "2027-03-01", "csp": "yes"}),
    ("invalid: unknown field, fr", {"role": "admin", "language": "fr", "today": "2027-03-01", "colour": "blue"}),
]


@pytest.fixture(scope="module")
def shipped_stdlib() -> Iterator[Path]:
    """The trimmed stdlib zip the build ships for this engine, handed to the runner (PCT_STDLIB)."""
    node_or_fail()
    with build_hook("checklist_page") as page:
        stdlib = page.trimmed_stdlib(ROOT, PYODIDE_DIR, zip_bytes())
    assert stdlib is not None, "Node is there, so the build makes the trimmed stdlib"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PCT_STDLIB", str(stdlib))
        yield stdlib


def cpython_result(document: dict[str, Any]) -> dict[str, Any]:
    """What the runner prints for one document, computed here in CPython and passed through JSON the same way."""
    try:
        result: dict[str, Any] = plan(document)
    except ChecklistError as error:
        result = {"error": error.to_dict()}
    return json.loads(json.dumps(result, ensure_ascii=False))


def test_scenarios_cover_the_four_bad_inputs() -> None:
    errors = {name: cpython_result(doc).get("error", {}).get("code") for name, doc in SCENARIOS}
    bad = {name: code for name, code in errors.items() if name.startswith("invalid:")}
    assert sorted(bad.values()) == ["impossible_date", "invalid_type", "unknown_field", "unknown_value"]
    assert [name for name, code in errors.items() if code and name not in bad] == []


@pytest.mark.node
def test_pyodide_gives_the_same_json_as_cpython(shipped_stdlib: Path, tmp_path: Path) -> None:
    node = node_or_fail()
    bundle = build_zip(tmp_path / "checklist.zip")
    documents = tmp_path / "documents.json"
    documents.write_text(json.dumps([doc for _, doc in SCENARIOS], ensure_ascii=False), encoding="utf-8")

    try:
        done = subprocess.run(
            [node, str(RUNNER), str(bundle), str(documents)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired as timeout:
        pytest.fail(f"Pyodide runner did not finish within {TIMEOUT} s; stderr:\n{timeout.stderr}")
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)  # the whole of stdout must be the one JSON array
    assert len(got) == len(SCENARIOS), done.stderr

    differ = [name for (name, doc), result in zip(SCENARIOS, got, strict=True) if result != cpython_result(doc)]
    assert differ == [], f"Pyodide and CPython differ on: {differ}\n{done.stderr}"
    for (name, doc), result in zip(SCENARIOS, got, strict=True):
        # Equal dicts may still list keys in another order; the JSON text must match too.
        assert json.dumps(result, ensure_ascii=False) == json.dumps(cpython_result(doc), ensure_ascii=False), name


# --- the admin's team view: the same parity, through the team and team_csv entry points of the runner --------

TEAM_CSV = (
    "Nom;Adresse e-mail;Mot de passe;Créé le;Connecté;Université des partenaires;Examens associés;Notes\n"
    "Élodie;elodie@contoso.example;S3cret!;2027/1/1;non;non;;x\n"
    '"=HYPERLINK(""https://evil.example"")";ana@contoso.example;P@ss;2027-01-15;non;non;;\n'
    "王小明;xiaoming@contoso.example;pw;2027-03-01;oui;oui;2027-03-31 23:00;\n"
    "<b>Bo</b>;bo@contoso.example;pw;2027-03-20;oui;non;oui;\n"
)

TEAM_SCENARIOS: dict[str, list[dict[str, Any]]] = {
    "team": [
        {
            "language": "zh-TW",
            "now": "2027-04-01T10:00",
            "employees": [
                {"name": "a", "temp_password_issued_on": "2027-01-01"},
                {"name": "b", "temp_password_issued_on": "2027-01-15"},
                {"email": "c@contoso.example", "signed_in": True, "exams_associated_at": "2027-03-31T10:01"},
                {"email": "c@contoso.example", "signed_in": True, "partner_university_connected": True},
                {"name": "e"},
            ],
        },
        {
            "language": "fr",
            "today": "2027-04-01",
            "employees": [{"name": "a", "temp_password_issued_on": "2027-02-30"}],
        },
    ],
    "team_csv": [
        {"data": TEAM_CSV, "language": "fr", "today": "2027-04-01", "now": "2027-04-01T09:00"},
        {"data": TEAM_CSV, "language": "zh-TW", "today": "2027-04-01"},
        {"data": "Email,Signed in\na@contoso.example,yes\n", "language": "fr", "today": "2027-04-01"},
    ],
}


def cpython_team_result(entry: str, document: dict[str, Any]) -> dict[str, Any]:
    from checklist.team import team, team_from_csv, team_to_csv

    try:
        if entry == "team":
            result: dict[str, Any] = team(document)
        else:
            result = team_from_csv(**document)
            result = {**result, "csv": team_to_csv(result)}
    except ChecklistError as error:
        result = {"error": error.to_dict()}
    return json.loads(json.dumps(result, ensure_ascii=False))


@pytest.mark.node
@pytest.mark.parametrize("entry", sorted(TEAM_SCENARIOS))
def test_pyodide_team_gives_the_same_json_as_cpython(entry: str, shipped_stdlib: Path, tmp_path: Path) -> None:
    bundle = build_zip(tmp_path / "checklist.zip")
    documents = tmp_path / "documents.json"
    scenarios = TEAM_SCENARIOS[entry]
    documents.write_text(json.dumps(scenarios, ensure_ascii=False), encoding="utf-8")
    got = node_json(str(RUNNER), str(bundle), str(documents), entry, timeout=TIMEOUT)
    expected = [cpython_team_result(entry, document) for document in scenarios]
    assert [json.dumps(r, ensure_ascii=False) for r in got] == [json.dumps(r, ensure_ascii=False) for r in expected]
    assert any("error" in r for r in expected) and any("employees" in r for r in expected)


@pytest.mark.node
def test_every_module_of_the_engine_imports_with_the_shipped_stdlib(shipped_stdlib: Path, tmp_path: Path) -> None:
    """The whole package tree, the CLI's modules too: an import the trace missed (a module named only in a
    rarely taken branch) fails here rather than in a reader's browser."""
    names = ["checklist"] + [
        info.name
        for info in pkgutil.walk_packages(checklist.__path__, "checklist.")
        if not info.name.endswith(".__main__")  # importing it runs the CLI
    ]
    assert {"checklist.web", "checklist.team.reading", "checklist.cli"} <= set(names)
    documents = tmp_path / "modules.json"
    documents.write_text(json.dumps(names), encoding="utf-8")
    assert (
        node_json(str(RUNNER), str(build_zip(tmp_path / "checklist.zip")), str(documents), "import", timeout=TIMEOUT)
        == names
    )


@pytest.mark.node
def test_the_shipped_stdlib_is_trimmed_bytecode_of_stored_entries(shipped_stdlib: Path) -> None:
    """What the zip is for: no deflated entry (the host's brotli compresses the whole), compiled modules only,
    and far fewer files than Pyodide's own zip."""
    import zipfile

    with zipfile.ZipFile(shipped_stdlib) as trimmed, zipfile.ZipFile(PYODIDE_DIR / "python_stdlib.zip") as full:
        entries = trimmed.infolist()
        assert entries and {entry.compress_type for entry in entries} == {zipfile.ZIP_STORED}
        assert not [entry.filename for entry in entries if entry.filename.endswith(".py")]
        assert "json/__init__.pyc" in trimmed.namelist() and "gettext.pyc" in trimmed.namelist()
        assert len(entries) < len(full.infolist()) / 2
