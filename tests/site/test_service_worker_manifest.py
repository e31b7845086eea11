"""The service worker's file list and version (hooks/service_worker.py), on a small fake site: what is kept
offline, what is left out, and that any change of content gives a new version (a new cache)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers.hooks import build_hook

FILES = {
    "index.html": "home",
    "fr/index.html": "accueil",
    "checklist/index.html": "checklist",
    "404.html": "missing",
    "fr/404.html": "introuvable",
    "sitemap.xml": "<urlset/>",
    "robots.txt": "User-agent: *",
    "assets/javascripts/checklist/app.js": "export {}",
    "assets/javascripts/checklist/app.js.map": "{}",
    "assets/pyodide/0.0.1/pyodide.asm.wasm": "\0asm",
    "assets/checklist/checklist-0123456789ab.zip": "zip",
    "assets/checklist/snapshot-0123456789ab.bin.gz": "gz",
    "assets/stylesheets/main.css": "body{}",
    "assets/stylesheets/main.css.br": "br",
}


@pytest.fixture(scope="module")
def hook() -> Iterator[ModuleType]:
    with build_hook("service_worker") as module:
        yield module


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def written(site: Path) -> dict:
    line = re.search(r"^const MANIFEST = (.*);$", (site / "sw.js").read_text(), re.MULTILINE)
    assert line, "sw.js carries its manifest"
    return json.loads(line.group(1))


def test_pages_engine_and_pyodide_are_kept_crawler_files_and_the_snapshot_are_not(hook: ModuleType, site: Path) -> None:
    hook.write_service_worker(site)
    assert sorted(written(site)["files"]) == [
        "./",
        "assets/checklist/checklist-0123456789ab.zip",
        "assets/javascripts/checklist/app.js",
        "assets/pyodide/0.0.1/pyodide.asm.wasm",
        "assets/stylesheets/main.css",
        "checklist/",
        "fr/",
    ]


def test_a_change_of_content_is_a_new_version_and_the_same_content_the_same(hook: ModuleType, site: Path) -> None:
    first = hook.write_service_worker(site)["version"]
    assert hook.write_service_worker(site)["version"] == first
    (site / "assets/checklist/checklist-0123456789ab.zip").write_text("another engine")
    assert hook.write_service_worker(site)["version"] != first
    assert written(site)["version"] != first


def test_under_mkdocs_serve_nothing_is_kept(hook: ModuleType, site: Path) -> None:
    hook.write_service_worker(site, keep=False)
    assert sorted(written(site)["files"]) == []


def test_each_listed_file_carries_its_sha256_and_a_changed_byte_changes_it(hook: ModuleType, site: Path) -> None:
    """The service worker keeps a file only if its bytes have this SHA-256 (issue 25)."""
    import hashlib

    hook.write_service_worker(site)
    manifest = written(site)
    pages = {"./": "index.html", "fr/": "fr/index.html", "checklist/": "checklist/index.html"}
    expected = [hashlib.sha256((site / pages.get(f, f)).read_bytes()).hexdigest() for f in manifest["files"]]
    assert manifest["sha256"] == expected
    (site / "fr/index.html").write_text("accueil!")
    changed = hook.write_service_worker(site)
    index = changed["files"].index("fr/")
    assert changed["sha256"][index] != manifest["sha256"][index]
    assert [d for i, d in enumerate(changed["sha256"]) if i != index] == [
        d for i, d in enumerate(manifest["sha256"]) if i != index
    ]
