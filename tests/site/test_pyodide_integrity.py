"""Supply chain: the build ships only the Pyodide files recorded in hooks/pyodide.sha256 (issue 16).

A tampered copy of the same size used to pass (the hook compared sizes only); now the build fails naming it.
"""

from __future__ import annotations

import hashlib
import importlib
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "hooks"
SOURCE = ROOT / "node_modules" / "pyodide"


@pytest.fixture(scope="module")
def hooks() -> Iterator[tuple[ModuleType, ModuleType]]:
    """The two hook modules, imported as MkDocs does (their folder on sys.path)."""
    sys.path.insert(0, str(HOOKS))
    try:
        yield importlib.import_module("pyodide_integrity"), importlib.import_module("checklist_page")
    finally:
        sys.path.remove(str(HOOKS))


def copy_of_pyodide(target: Path, names: tuple[str, ...]) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(SOURCE / name, target / name)
    return target


def flip_one_byte(path: Path, offset: int = 1000) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01  # same size: the old size check let this through
    path.write_bytes(bytes(data))


def test_the_record_covers_exactly_the_shipped_files_and_matches_the_installed_package(hooks) -> None:
    integrity, page = hooks
    assert set(integrity.recorded()) == set(page.PYODIDE_FILES)
    assert integrity.differences(SOURCE, page.PYODIDE_FILES) == []


@pytest.mark.parametrize("name", ["pyodide.asm.wasm", "pyodide.mjs", "python_stdlib.zip"])
def test_a_tampered_copy_is_refused_naming_the_file(hooks, tmp_path: Path, name: str) -> None:
    integrity, page = hooks
    target = copy_of_pyodide(tmp_path / "pyodide", page.PYODIDE_FILES)
    flip_one_byte(target / name)
    with pytest.raises(integrity.IntegrityError) as raised:
        integrity.verify(target, page.PYODIDE_FILES)
    assert name in str(raised.value) and len(integrity.differences(target, page.PYODIDE_FILES)) == 1


def test_a_missing_or_unrecorded_file_is_refused(hooks, tmp_path: Path) -> None:
    integrity, page = hooks
    target = copy_of_pyodide(tmp_path / "pyodide", page.PYODIDE_FILES)
    (target / "pyodide.asm.mjs").unlink()
    problems = integrity.differences(target, (*page.PYODIDE_FILES, "extra.js"))
    assert len(problems) == 2 and "missing" in problems[0] and "extra.js" in problems[1]


def test_the_build_hook_fails_on_a_tampered_copy_left_in_the_site(hooks, tmp_path: Path) -> None:
    """What `mkdocs serve` or a dirty build meets: a same-size copy is not copied again, so it must be checked."""
    integrity, page = hooks
    site = tmp_path / "site"
    target = copy_of_pyodide(site / page.pyodide_dir(SOURCE), page.PYODIDE_FILES)
    flip_one_byte(target / "pyodide.asm.wasm")
    page._bundle.update(data=b"zip", path="assets/checklist/checklist-test.zip", snapshot=None, snapshot_path=None)
    config = SimpleNamespace(site_dir=str(site), config_file_path=str(ROOT / "mkdocs.yml"))
    with pytest.raises(integrity.IntegrityError, match=r"pyodide\.asm\.wasm"):
        page.on_post_build(config)
    flip_one_byte(target / "pyodide.asm.wasm")  # put the byte back: the same call now passes
    page.on_post_build(config)


def test_the_built_site_ships_the_recorded_files(hooks, built_site: Path) -> None:
    """Pyodide's files as recorded, but its own stdlib zip, replaced by the engine's trimmed one (issue 27): ours,
    so named by the SHA-256 of its content, like the engine zip, and the one every checklist page names."""
    integrity, page = hooks
    shipped = [name for name in page.PYODIDE_FILES if name != page.FULL_STDLIB]
    assert integrity.differences(built_site / page.pyodide_dir(SOURCE), shipped) == []
    assert not (built_site / page.pyodide_dir(SOURCE) / page.FULL_STDLIB).exists()
    [stdlib] = (built_site / page.BUNDLE_DIR).glob("stdlib-*.zip")
    assert stdlib.name == f"stdlib-{hashlib.sha256(stdlib.read_bytes()).hexdigest()[:12]}.zip"
    pages = sorted(built_site.glob("**/checklist/index.html"))
    assert len(pages) == 3
    for html in pages:
        assert f'/{page.BUNDLE_DIR}/{stdlib.name}"' in html.read_text(encoding="utf-8"), html
