"""The engine's zip (shipped to Pyodide): exactly the run-time files, and byte-identical from build to build."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from checklist.bundle import build_zip

PACKAGE = Path(__file__).resolve().parents[2] / "checklist"


def names(archive: Path) -> list[str]:
    with zipfile.ZipFile(archive) as opened:
        return opened.namelist()


def test_zip_holds_every_module_and_catalog_and_nothing_else(tmp_path: Path) -> None:
    entries = names(build_zip(tmp_path / "checklist.zip"))
    modules = {f"checklist/{p.relative_to(PACKAGE).as_posix()}" for p in PACKAGE.rglob("*.py")}
    modules = {m for m in modules if "__pycache__" not in m}
    catalogs = {f"checklist/locale/{lang}/LC_MESSAGES/checklist.mo" for lang in ("en", "fr", "zh_TW")}
    assert "checklist/__init__.py" in modules
    assert set(entries) == modules | catalogs
    assert entries == sorted(entries)
    assert not [e for e in entries if e.endswith((".po", ".pot", ".pyc")) or "__pycache__" in e]


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build_zip(tmp_path / "first.zip").read_bytes()
    second = build_zip(tmp_path / "second.zip").read_bytes()
    assert first == second


def test_zip_alone_is_importable_with_its_catalogs(tmp_path: Path) -> None:
    """The zip is self-sufficient: CPython imports it straight from the archive and reads the French catalog."""
    bundle = build_zip(tmp_path / "checklist.zip")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import checklist; "
        "assert checklist.__file__.startswith(sys.argv[1]), checklist.__file__; "
        "print(checklist.plan({'role': 'employee', 'language': 'fr', 'today': '2027-03-01'})['groups'][0]['title'])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(bundle)], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Votre propre compte"
