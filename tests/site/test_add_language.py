"""README's "Add a language", followed step by step in a scratch copy of the project, for a language the project
does not have (German): the strict build passes and the new language's checklist page is pre-rendered in it.

The steps are the README's: the entry in mkdocs.yml (the one list of languages), then `make catalogs-init LANG=de`
(run here as `make -n` prints it, so that the Makefile's own commands are what is tested, without its install
step). Nothing else is touched: the engine, the 404 rules and the tests find the language from there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.built import parse
from tests.helpers.docs import ROOT

NEW = "de"
VENV = Path(sys.executable).parent.parent


def _tracked() -> list[str]:
    """The files git tracks, as they are in the work tree (node_modules aside: it is linked, not copied)."""
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode()
    return [
        name for name in names.split("\0") if name and not name.startswith("node_modules") and (ROOT / name).is_file()
    ]


def _copy_project(target: Path) -> None:
    """A fresh clone, in effect: the tracked files copied, node_modules linked."""
    for name in _tracked():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    (target / "node_modules").symlink_to((ROOT / "node_modules").resolve())


def _add_to_mkdocs_yml(project: Path) -> None:
    """Step 1: the English entry of plugins.i18n.languages copied to the end of the list, with the new locale and
    name and without `default: true` (its strings stay English here: a translator would translate them)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("        - locale: en\n"), text.index("        - locale: fr\n")
    entry = text[start:end].replace("locale: en", f"locale: {NEW}").replace("name: English", "name: Deutsch")
    entry = entry.replace("          default: true\n", "")
    after = text.index("\nnav:")
    config.write_text(text[:after].rstrip("\n") + "\n" + entry.rstrip("\n") + "\n" + text[after:], encoding="utf-8")


def _make(project: Path, target: str, **variables: str) -> None:
    """A Makefile target's own commands, as `make -n` prints them, run with the shared venv (no install)."""
    assignments = [f"{key}={value}" for key, value in {"VENV": str(VENV), **variables}.items()]
    script = subprocess.run(
        ["make", "-s", "-n", "-o", "deps", target, *assignments],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "pybabel" in script, script
    done = subprocess.run(["bash", "-e", "-c", script], cwd=project, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    project = tmp_path_factory.mktemp("project")
    _copy_project(project)
    _add_to_mkdocs_yml(project)
    _make(project, "catalogs-init", LANG=NEW)
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    return project


def test_the_recipe_touches_only_mkdocs_yml_and_the_new_catalog(added: Path) -> None:
    """What the README says a language costs: its entry in mkdocs.yml, its catalog (the .po to translate, the .mo)."""
    tracked = set(_tracked())
    changed = sorted(name for name in tracked if (added / name).read_bytes() != (ROOT / name).read_bytes())
    new = sorted(
        path.relative_to(added).as_posix()
        for path in added.rglob("*")
        if path.is_file()
        and path.relative_to(added).parts[0] not in ("site", "build", "node_modules")  # outputs (git-ignored)
        and "__pycache__" not in path.parts
        and path.relative_to(added).as_posix() not in tracked
    )
    assert changed == ["mkdocs.yml"]
    assert new == [
        f"checklist/locale/{NEW}/LC_MESSAGES/checklist.mo",
        f"checklist/locale/{NEW}/LC_MESSAGES/checklist.po",
    ]


def test_the_new_languages_checklist_is_prerendered(added: Path) -> None:
    page = added / "site" / NEW / "checklist" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert parse(page).html_lang == NEW
    assert 'data-source="prerender"' in html and f'data-language="{NEW}"' in html
    # The steps link to the guide's sections in the new language's folder (the engine's prefix, derived).
    links = re.findall(r'href="\.\./\.\./([^"/]+)/[a-z0-9-]+/#', html)
    assert links and set(links) == {NEW}, links[:5]


def test_the_new_language_has_its_own_404_and_search(added: Path) -> None:
    site = added / "site"
    assert parse(site / NEW / "404.html").html_lang == NEW
    assert (site / NEW / "search" / "search_index.json").is_file()


def test_the_engine_of_the_copy_lists_the_new_language(added: Path) -> None:
    """Under the copy's checklist/ (as Pyodide imports it: no mkdocs.yml there), the language is known."""
    code = "from checklist import i18n; from checklist.plan import LANGUAGE_PREFIX as P; print(i18n.LANGUAGES, P['de'])"
    done = subprocess.run([sys.executable, "-c", code], cwd=added, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "('en', 'de', 'fr', 'zh-TW') /de/"
