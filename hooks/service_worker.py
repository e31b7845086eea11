"""Build hook: the site's service worker (`sw.js` at the site root, source `overrides/sw.js`) and its file list.

After one visit of the checklist page the reader has the guide pages, the checklist page, Pyodide and the engine
offline (ARCHITECTURE.md, "Offline"). The list is every file a reader needs, named relative to the site root, and the
version is a hash of their contents: a new build is a new cache, installed whole or not at all, so the page
never runs an old engine under a new page. Left out: source maps, the sitemap and robots.txt (for crawlers),
the 404 pages, the Pyodide memory snapshot (the worker keeps it itself, after a first visit: worker.js) and the
`.br`/`.gz` copies of `make dist`.

`deploy/dist.py` renames assets after the build; it rewrites the names inside `sw.js` like in any script (the
list is a JSON array of paths relative to `sw.js`) and then the SHA-256 of each file, whose references changed
(`refresh_service_worker`); the version, made from the sources, still changes with every change of content.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from _buildlog import nested_language_build, report
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

SOURCE = Path(__file__).resolve().parents[1] / "overrides" / "sw.js"
TARGET = "sw.js"
PLACEHOLDER = re.compile(r"^const MANIFEST = null;.*$", re.MULTILINE)
LEFT_OUT = re.compile(
    r"(\.map|\.br|\.gz|\.bin\.gz)$|(^|/)404\.html$|^sitemap\.xml|^robots\.txt$|^_headers$|^_redirects$|^sw\.js$"
    r"|^__bench/|/snapshot-[0-9a-f]+\."
)

_report = report("service_worker")
_command: dict[str, str] = {}


def on_startup(command: str, dirty: bool) -> None:
    """Under `mkdocs serve` the service worker keeps nothing: live reload must show each edit at once."""
    _command["name"] = command


def precache_list(site: Path) -> list[str]:
    """The files the service worker keeps, relative to the site root; pages as their directory URL (`fr/`)."""
    found = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        if LEFT_OUT.search(relative):
            continue
        if relative == "index.html" or relative.endswith("/index.html"):
            relative = relative[: -len("index.html")] or "./"
        found.append(relative)
    return found


def _file_of(site: Path, relative: str) -> Path:
    """The file a listed URL stands for (a page's directory URL is its index.html)."""
    return site / (
        "index.html" if relative == "./" else relative + "index.html" if relative.endswith("/") else relative
    )


def manifest(site: Path) -> dict[str, Any]:
    """`{version, files, sha256}`: each file's SHA-256 (in the order of `files`), which the service worker checks
    before it keeps a file (issue 25); the version changes whenever any listed file's name or content does."""
    files = precache_list(site)
    digest, each = hashlib.sha256(), []
    for relative in files:
        data = _file_of(site, relative).read_bytes()
        each.append(hashlib.sha256(data).hexdigest())
        digest.update(relative.encode() + b"\0" + data + b"\0")
    return {"version": digest.hexdigest()[:12], "files": files, "sha256": each}


def write_service_worker(site: Path, keep: bool = True) -> dict[str, Any]:
    """Writes `sw.js` with the manifest of `site` in place of its placeholder line; returns the manifest.
    `keep=False` (mkdocs serve): an empty list, so the service worker answers nothing and the network serves all."""
    source = SOURCE.read_text(encoding="utf-8")
    if len(PLACEHOLDER.findall(source)) != 1:
        raise PluginError(f"{SOURCE}: needs exactly one line starting `const MANIFEST = null;`")
    found = manifest(site) if keep else {"version": "serve", "files": [], "sha256": []}
    line = f"const MANIFEST = {json.dumps(found, separators=(',', ':'))};"
    (site / TARGET).write_text(PLACEHOLDER.sub(lambda _: line, source), encoding="utf-8")
    return found


@event_priority(-500)  # after mkdocs-static-i18n (-100) and per_language_outputs (-200) wrote every language
def on_post_build(config: Any) -> None:
    if nested_language_build(config):
        return
    with _report.timing():
        found = write_service_worker(Path(config.site_dir), keep=_command.get("name") != "serve")
    _report.produced = f"{TARGET} {found['version']}, {len(found['files'])} files offline"
