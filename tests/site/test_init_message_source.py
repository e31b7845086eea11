"""The worker's init message has one builder (boot.js) and the files counted while Python starts have one source
(hooks/checklist_page.py START_COUNTED), which the page receives in its markup (#pct-boot `data-counted`).

Read from the sources, like tests/checklist/test_team_page_constants.py: a second builder or a copied list still
works until the day one side changes, which is the day the early worker is silently not taken over (two Pythons
start) or the progress bar counts the wrong file.
"""

from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
JS = ROOT / "overrides" / "assets" / "javascripts"


def _start_counted() -> tuple[str, ...]:
    """START_COUNTED as hooks/checklist_page.py writes it (read, not imported: the hook imports MkDocs' world)."""
    for node in ast.parse((ROOT / "hooks" / "checklist_page.py").read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "START_COUNTED" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise AssertionError("hooks/checklist_page.py has no START_COUNTED")


START_COUNTED = _start_counted()
BUILDER = "checklist/boot.js"
# The keys that make an object literal an init message (worker.js `init`), besides the files counted.
INIT_KEYS = ("pyodide", "bundle", "stdlib", "extractDir")
_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def init_builders(source: str) -> int:
    """How many object literals in `source` hold every INIT_KEYS key (`key:` at the start of a property)."""
    text = _COMMENTS.sub(" ", source)
    count = 0
    for body in re.findall(r"\{([^{}]*)\}", text):
        keys = set(re.findall(r"(?:^|[,\s])([A-Za-z_$][\w$]*)\s*:", body))
        count += all(key in keys for key in INIT_KEYS)
    return count


def counted_copies(source: str) -> list[str]:
    """START_COUNTED names written as a whole string literal (a list of them, or one of them, in JS)."""
    text = _COMMENTS.sub(" ", source)
    return [name for name in START_COUNTED if re.search(rf"""(["'`]){re.escape(name)}\1""", text)]


OLD_ENGINE_COPY = """static initFrom(data, base = document.baseURI) {
    const absolute = (url) => new URL(url, base).href;
    return {
      pyodide: absolute(data.pyodide),
      bundle: absolute(data.bundle),
      stdlib: absolute(data.stdlib),
      snapshot: data.snapshot ? absolute(data.snapshot) : null,
      extractDir: data.extractDir,
    };
  }"""


def test_the_detectors_find_the_copies_the_page_used_to_hold() -> None:
    assert init_builders(OLD_ENGINE_COPY) == 1
    assert counted_copies('export const COUNTED = ["pyodide.asm.wasm"];') == ["pyodide.asm.wasm"]
    # A URL built from the folder is not a copy of the list; nor is a call with a message it was given.
    assert counted_copies("const url = `${indexURL}pyodide.asm.wasm`;") == []
    assert init_builders("this.call('init', init); const x = { pyodide: 1 };") == 0


@pytest.mark.parametrize("path", sorted(JS.rglob("*.js")), ids=lambda path: path.relative_to(JS).as_posix())
def test_only_boot_js_builds_the_init_message_and_nothing_copies_start_counted(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert counted_copies(source) == []
    assert init_builders(source) == (1 if path.relative_to(JS).as_posix() == BUILDER else 0)


class _Boot(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.counted: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id") == "pct-boot":
            self.counted.append(found.get("data-counted"))


def test_the_page_receives_start_counted_from_the_build(built_site: Path) -> None:
    for page in ("checklist", "fr/checklist", "zh-TW/checklist"):
        boot = _Boot()
        boot.feed((built_site / page / "index.html").read_text(encoding="utf-8"))
        assert boot.counted == [" ".join(START_COUNTED)], page
