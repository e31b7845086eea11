"""The checklist page's ES modules read as a graph: what main.js imports (for `<link rel="modulepreload">`) and a
classic script made of a few of them (the first-paint script, hooks/first_paint.py).

Why from the import lines and not a list: a list kept by hand is true until the day a module gains an import, and
that module is then found only when its importer has run, one round trip later (the waterfall of issue 27).
The modules are written in one style (one `import { … } from "./x.js";` per line, `export` before a declaration);
anything else raises, so a new style fails the build rather than shipping a wrong graph or a broken script.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

JS_ROOT = Path(__file__).resolve().parents[1] / "overrides" / "assets" / "javascripts"
CHECKLIST = "checklist"  # the folder of the page's modules, under JS_ROOT
ENTRY = f"{CHECKLIST}/main.js"

_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"(\.{1,2}/[^"]+\.js)";\s*$', re.MULTILINE)
_ANY_IMPORT = re.compile(r"^\s*import\b[^(]", re.MULTILINE)
_EXPORT = re.compile(r"^export\s+((?:async\s+)?function\*?|class|const|let)\s+([A-Za-z_$][\w$]*)", re.MULTILINE)
_ANY_EXPORT = re.compile(r"^\s*export\b", re.MULTILINE)


class ModuleError(ValueError):
    """A module the graph reader cannot read (an import or export it does not know): fix the module's style."""


def _read(relative: str, root: Path) -> str:
    path = root / relative
    if not path.is_file():
        raise ModuleError(f"{relative}: imported but missing")
    return path.read_text(encoding="utf-8")


def imports(relative: str, root: Path = JS_ROOT) -> list[tuple[str, str]]:
    """`(names, module)` for each import of `relative` (paths relative to `root`)."""
    source = _read(relative, root)
    found = [
        (names, posixpath.normpath(posixpath.join(posixpath.dirname(relative), spec)))
        for names, spec in _IMPORT.findall(source)
    ]
    if len(_ANY_IMPORT.findall(source)) != len(found):
        raise ModuleError(f'{relative}: an import not of the form `import {{ a, b }} from "./x.js";` on one line')
    return found


def graph(entry: str = ENTRY, root: Path = JS_ROOT) -> list[str]:
    """Every module `entry` loads, itself included, each after the modules it imports (leaves first)."""
    order: list[str] = []
    visiting: set[str] = set()

    def visit(module: str) -> None:
        if module in order:
            return
        if module in visiting:
            raise ModuleError(f"{module}: an import cycle")
        visiting.add(module)
        for _, imported in imports(module, root):
            visit(imported)
        visiting.discard(module)
        order.append(module)

    visit(entry)
    return order


def _body(module: str, root: Path, keys: dict[str, str]) -> tuple[str, list[str]]:
    """The module's text as a function body: imports read from `modules`, `export` dropped; and its exports."""
    source = _read(module, root)
    exported = [name for _, name in _EXPORT.findall(source)]
    if len(_ANY_EXPORT.findall(source)) != len(exported):
        raise ModuleError(f"{module}: an export not of the form `export function|class|const|let name`")

    def local(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(module), match[2]))
        names = ", ".join(
            part.strip().replace(" as ", ": ") for part in match[1].split(",") if part.strip()
        )  # `a as b` → `a: b`
        return f"const {{ {names} }} = modules[{keys[target]!r}];"

    body = _EXPORT.sub(lambda m: f"{m[1]} {m[2]}", _IMPORT.sub(local, source))
    return body, exported


def classic_script(entry: str, root: Path = JS_ROOT) -> str:
    """`entry` and what it imports as one classic script: each module in its own function scope, in graph
    order. The modules are keyed by a number, not their file name: deploy/dist.py reads a quoted file name in a
    script as a reference to rename."""
    order = graph(entry, root)
    keys = {module: f"m{index}" for index, module in enumerate(order)}
    parts = ['(function () {\n"use strict";\nconst modules = {};']
    for module in order:
        body, exported = _body(module, root, keys)
        names = ", ".join(exported)
        parts.append(f"// {module}\nmodules[{keys[module]!r}] = (function () {{\n{body}\nreturn {{ {names} }};\n}})();")
    parts.append("})();\n")
    return "\n".join(parts)
