"""The engine's shape: each rule in one place, no import circles, a declared public surface.

These read the source (ast) rather than run it: an import circle or a step id written into a module that should
only read `Step` fields is a structure problem even while every output is still right.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
from pathlib import Path

import pytest

import checklist
from checklist.answers import Answers
from checklist.steps import STEPS
from checklist.team import EMPLOYEE_FIELDS

PACKAGE = Path(checklist.__file__).resolve().parent
# The modules README.md documents; each declares its public names in `__all__`.
TEAM = sorted(path.stem for path in (PACKAGE / "team").glob("*.py") if path.stem != "__init__")
PUBLIC = ["checklist", "answers", "bundle", "calendar", "cli", "errors", "i18n", "plan", "steps", "team"]
PUBLIC += ["team_cli", "web", *(f"team.{name}" for name in TEAM)]


def _module(path: Path) -> str:
    """The module's dotted name inside the package ("team.model"; "checklist" for the package itself)."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    parts = parts[:-1] if parts[-1] == "__init__" else parts
    return ".".join(parts) or "checklist"


def _imports(path: Path) -> set[str]:
    """The package modules `path` imports at run time (imports under `if TYPE_CHECKING:` are annotations only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(child) for stmt in node.body for child in ast.walk(stmt)}
    name = _module(path)
    package = [] if name == "checklist" else name.split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped or not isinstance(node, ast.ImportFrom) or node.level == 0:
            continue
        base = package[: len(package) - (node.level - 1)]
        if node.module:
            found.add(".".join([*base, node.module]))
        else:
            found |= {".".join([*base, alias.name]) for alias in node.names}
    return found


def test_no_import_circles() -> None:
    graph = {_module(path): _imports(path) for path in PACKAGE.rglob("*.py")}
    graph = {name: {dep for dep in deps if dep in graph and dep != name} for name, deps in graph.items()}
    circles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            circles.append([*trail[trail.index(name) :], name])
            return
        for dep in sorted(graph[name]):
            visit(dep, [*trail, name])

    for name in sorted(graph):
        visit(name, [])
    assert circles == []


def test_the_imports_are_read_from_the_source() -> None:
    """The graph above is not empty by mistake: known edges are found, an annotation-only one is not."""
    assert "steps" in _imports(PACKAGE / "answers.py") and "_fields" in _imports(PACKAGE / "team" / "model.py")
    assert {"team.fields", "i18n"} <= _imports(PACKAGE / "team" / "headers.py")
    assert "team.views" in _imports(PACKAGE / "team" / "__init__.py") and "team" in _imports(PACKAGE / "web.py")
    assert "team.reading" not in _imports(PACKAGE / "team" / "headers.py")  # only under TYPE_CHECKING
    assert "answers" not in _imports(PACKAGE / "steps.py")  # only under TYPE_CHECKING


@pytest.mark.parametrize("name", PUBLIC)
def test_public_modules_declare_their_names(name: str) -> None:
    module = checklist if name == "checklist" else importlib.import_module(f"checklist.{name}")
    names = getattr(module, "__all__", None)
    assert names, f"checklist.{name} has no __all__"
    assert [n for n in names if not hasattr(module, n)] == []


def test_package_exports_what_the_readme_documents() -> None:
    from checklist.team import team, team_from_csv

    assert checklist.team is team and checklist.team_from_csv is team_from_csv
    assert {"plan", "team", "team_from_csv", "ChecklistError", "STEP_IDS"} <= set(checklist.__all__)


@pytest.mark.parametrize("name", ["plan", "calendar", "web", "cli", *(f"team/{n}" for n in TEAM if n != "words")])
def test_rule_readers_never_name_a_step(name: str) -> None:
    """When a step is due, what proves it and which dates are its own live on `Step`; these modules only read
    (`team/words.py` holds the admin's words for each step, keyed by step id)."""
    source = (PACKAGE / f"{name}.py").read_text(encoding="utf-8")
    assert [step.id for step in STEPS if f'"{step.id}"' in source or f"'{step.id}'" in source] == []


def test_every_proof_is_a_fact_some_document_has() -> None:
    known = {field.name for field in dataclasses.fields(Answers)} | set(EMPLOYEE_FIELDS) | {"exams_associated"}
    assert [(s.id, fact) for s in STEPS for fact in s.proved_by if fact not in known] == []
    assert any(s.proved_by for s in STEPS) and any(s.due_from for s in STEPS) and any(s.dates for s in STEPS)


def test_key_dates_are_unique() -> None:
    keys = [key_date.key for step in STEPS for key_date in step.dates]
    assert len(keys) == len(set(keys)) == 5
