"""Runs inside Pyodide (hooks/pyodide_stdlib.mjs, at build time): which stdlib files the engine can import, and
the zip of only those.

Why a trace and not a list: the set depends on Pyodide's own start (its bootstrap modules), on the engine's
imports and on what C code imports lazily (``datetime.strptime`` -> ``_strptime``, a codec name ->
``encodings.<name>``). So the engine is run here as the page's worker runs it, with the full stdlib, and every
module then in ``sys.modules`` that came from the stdlib zip is kept, plus every file read from that zip. Three
sources of imports:

- every module of the engine's package tree, imported (module-level imports);
- every module any ``import`` statement of the engine names, even inside a function (lazy imports);
- every ``checklist.web.CALLS`` entry point, in each language, with good and bad input (what C code imports
  at run time, the codecs of the four byte-order marks a team file may start with).

A module this misses fails the build's parity tests (tests/checklist/test_pyodide.py runs against the zip
made here), not a reader.
"""

from __future__ import annotations

import ast
import base64
import codecs
import contextlib
import importlib
import importlib.util
import json
import os
import pkgutil
import sys
import zipfile
import zipimport
from collections.abc import Callable
from importlib import _bootstrap_external  # type: ignore[attr-defined]  # the .pyc writer py_compile uses
from pathlib import Path
from typing import Any

STDLIB = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"  # where Pyodide writes the stdlib zip
OUTPUT = "/tmp/stdlib.zip"
LANGUAGES = ("en", "fr", "zh-TW")
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries dated the same every build: the zip's hash is its content's
CSV = (
    "Email;Name;Signed in;Temp password issued on;Exams associated\n"
    "a@contoso.example;Ana;yes;2027/1/2;2027-03-01 10:00\nb@contoso.example;Bo;non;2027-02-30;\n"
)
BOMS = (b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)

_read: set[str] = set()


def _record_reads() -> None:
    """Files read from the zip as data (importlib.resources, pkgutil.get_data), not only modules."""
    original = zipimport.zipimporter.get_data

    def get_data(self: zipimport.zipimporter, pathname: str) -> bytes:
        if pathname.startswith(f"{STDLIB}/"):
            _read.add(pathname.removeprefix(f"{STDLIB}/"))
        return original(self, pathname)

    zipimport.zipimporter.get_data = get_data  # type: ignore[method-assign]


def _named_imports(root: Path) -> set[str]:
    """Every absolute module name an import statement of the engine names, `from a import b` as a and a.b."""
    names: set[str] = set()
    for source in root.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _try_import(name: str) -> None:
    with contextlib.suppress(ImportError):  # `from a import b` with b a name; a module Pyodide lacks
        importlib.import_module(name)


def _encoded(text: str, bom: bytes) -> str:
    codec = {
        codecs.BOM_UTF8: "utf-8",
        codecs.BOM_UTF16_LE: "utf-16-le",
        codecs.BOM_UTF16_BE: "utf-16-be",
        codecs.BOM_UTF32_LE: "utf-32-le",
        codecs.BOM_UTF32_BE: "utf-32-be",
    }.get(bom, "utf-8")
    return base64.b64encode(bom + text.encode(codec)).decode("ascii")


def _calls(language: str) -> list[tuple[str, dict[str, Any]]]:
    """One good call of each entry point, plus bad input, in `language`."""
    answers = {"role": "admin", "language": language, "today": "2027-03-01", "pmc_membership_end": "2027-06-30"}
    employee = {"role": "employee", "language": language, "now": "2027-03-02T10:00", "exams_associated_at": "x"}
    team = {
        "employees": [
            {"name": "a", "temp_password_issued_on": "2027-01-01"},
            {"email": "c@contoso.example", "signed_in": True, "exams_associated_at": "2027-03-31T10:01"},
        ]
    }
    site = {"page_url": "https://example.org/checklist/", "site_url": "https://example.org/"}
    calls: list[tuple[str, dict[str, Any]]] = [
        ("plan", {"answers": answers}),
        ("plan", {"answers": employee}),
        ("plan", {"answers": {**answers, "today": "2027-02-30", "colour": 1}}),
        ("calendar", {"answers": answers, **site}),
        ("team", {"document": team, "language": language}),
        ("team_view", {"document": team, "language": language, "date_texts": ["2027-03-01"]}),
        ("team_reminder", {"document": team, "language": language, **site}),
        ("team_export", {"document": team, "language": language}),
        ("team_calendar", {"document": team, "language": language, **site}),
        ("team_template", {"language": language}),
        ("team", {"document": {"employees": [{"name": "a", "temp_password_issued_on": "2027-02-30"}]}}),
    ]
    for bom in BOMS:
        data = _encoded(CSV, bom)
        calls.append(("team_csv", {"data": data, "language": language, "today": "2027-04-01"}))
        calls.append(("team_csv_view", {"data": data, "language": language, "now": "2027-04-01T09:00"}))
    calls.append(("team_csv", {"data": base64.b64encode(b"\xff\xfe\x00bad").decode(), "language": language}))
    return calls


def _run_engine(extract_dir: str) -> None:
    sys.path.insert(0, extract_dir)
    import checklist
    import checklist.web

    for info in pkgutil.walk_packages(checklist.__path__, "checklist."):
        if not info.name.endswith(".__main__"):  # runs the CLI: its imports are cli.py's
            importlib.import_module(info.name)
    for name in sorted(_named_imports(Path(extract_dir))):
        _try_import(name)
    call: Callable[[str, str], str] = checklist.web.call
    for language in LANGUAGES:
        for fn, args in _calls(language):
            json.loads(call(fn, json.dumps(args)))
    json.loads(call("no_such_call", "{}"))
    json.loads(call("plan", "[" * 10_000))


def _kept_files() -> list[str]:
    """The stdlib zip's files behind every module imported so far, and the files read as data."""
    files = set(_read)
    for module in list(sys.modules.values()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
        if origin.startswith(f"{STDLIB}/"):
            files.add(origin.removeprefix(f"{STDLIB}/"))
    return sorted(files)


def _write(files: list[str], mode: str, compression: str) -> int:
    method = zipfile.ZIP_STORED if compression == "stored" else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(STDLIB) as full, zipfile.ZipFile(OUTPUT, "w", method) as out:
        for name in files:
            data = full.read(name)
            if mode == "bytecode" and name.endswith(".py"):
                code = compile(data, f"{STDLIB}/{name}", "exec", dont_inherit=True)
                data = _bootstrap_external._code_to_hash_pyc(code, importlib.util.source_hash(data), False)
                name += "c"
            out.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, compress_type=method)
    return os.path.getsize(OUTPUT)


def main(extract_dir: str, mode: str, compression: str) -> str:
    """Trace the engine, write the zip to OUTPUT, return a JSON summary of what was kept."""
    _record_reads()
    _run_engine(extract_dir)
    files = _kept_files()
    size = _write(files, mode, compression)
    modules = sorted(
        name
        for name, module in list(sys.modules.items())
        if (getattr(getattr(module, "__spec__", None), "origin", None) or "").startswith(f"{STDLIB}/")
    )
    return json.dumps({"files": files, "modules": modules, "bytes": size, "mode": mode}, ensure_ascii=False)
