"""The layers import downwards only: the product (checklist/, hooks/, l10n/, deploy/) and the tools around it
(tools/, bench/) never import the tests, so a benchmark or a build keeps working when a test file is renamed,
and the tests' helpers are the only code they share with each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("checklist", "hooks", "l10n", "deploy", "tools", "bench")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("layer", LAYERS)
def test_no_layer_outside_the_tests_imports_them(layer: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(name for name in imported_modules(path) if name.split(".")[0] == "tests")
        for path in sorted((ROOT / layer).rglob("*.py"))
    }
    assert {path: names for path, names in offenders.items() if names} == {}


# What the tests share lives in tests/helpers/ (and the hypothesis strategies in tests/property/strategies.py): a test
# module importing another one runs that module's tests' imports and fixtures too, and breaks when it is renamed.
SHARED = ("tests.helpers", "tests.property.strategies")
# The search helper's own modules (issue 26 leaves them to it): test_search_questions reads test_search_engine.
NOT_YET = {"tests/site/test_search_questions.py"}


def _test_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = [
        f"{'.' * node.level}{node.module or ''}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level
    ]
    return found + sorted(
        name for name in imported_modules(path) if name.split(".")[0] == "tests" and not name.startswith(SHARED)
    )


def test_test_modules_import_only_the_shared_helpers() -> None:
    offenders = {
        str(path.relative_to(ROOT)): names
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if (names := _test_imports(path)) and str(path.relative_to(ROOT)) not in NOT_YET
    }
    assert offenders == {}


def test_the_shared_helpers_import_no_test_module() -> None:
    helpers = [*sorted((ROOT / "tests" / "helpers").rglob("*.py")), ROOT / "tests" / "property" / "strategies.py"]
    offenders = {str(path.relative_to(ROOT)): _test_imports(path) for path in helpers}
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_detector_finds_a_test_importing_a_test(tmp_path: Path) -> None:
    sample = tmp_path / "test_sample.py"
    sample.write_text(
        "from .test_pyodide import ROOT\nfrom tests.l10n.test_breaks import edit\nfrom tests.helpers.docs import ROOT\n"
    )
    assert _test_imports(sample) == [".test_pyodide", "tests.l10n.test_breaks"]
