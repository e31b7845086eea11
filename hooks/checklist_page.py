"""Build hook for the checklist page: pre-render it with the engine, ship the engine and Pyodide with the site.

Thin on purpose: the questions, words and plans come from `checklist.web`; this file only hands them to the
`checklist.html` template and copies files. Pyodide comes from `node_modules/pyodide` (pinned in
package-lock.json), so the site needs no CDN; the engine zip is named by its content hash, so browsers may
cache it for ever and still get a new one the moment the engine changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import js_modules  # beside this file, like the two below
from _buildlog import report
from babel.numbers import get_decimal_symbol
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url
from pyodide_integrity import verify as verify_pyodide  # beside this file: MkDocs puts hooks/ on sys.path

import checklist

START_COUNTED = ("pyodide.asm.wasm",)  # counted while Python starts, with the stdlib zip: the init message's `counted`
# The Pyodide files recorded in pyodide.sha256 and checked before use; the site ships them but Pyodide's own stdlib
# zip, replaced by the engine's trimmed one (pyodide_stdlib.mjs) wherever Node can make it.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
FULL_STDLIB = "python_stdlib.zip"
PYODIDE_DIR = "assets/pyodide/{version}"  # versioned: a new Pyodide is a new URL, so a year of caching is safe
BUNDLE_DIR = "assets/checklist"
PAGE = "checklist"  # docs/checklist.md and its translations
EXTRACT_DIR = "/checklist_bundle"  # where the worker unpacks the engine inside Pyodide (the snapshot remembers it)
SNAPSHOT_SCRIPT = Path(__file__).with_name("pyodide_snapshot.mjs")
STDLIB_SCRIPTS = (Path(__file__).with_name("pyodide_stdlib.mjs"), Path(__file__).with_name("pyodide_stdlib.py"))
SNAPSHOT_CACHE = "build/pyodide-snapshots"  # snapshots take seconds to make: reused across builds (git-ignored)

log = get_plugin_logger(__name__)
_bundle: dict[str, Any] = {}
_report = report("checklist_page")


def _build_day() -> dt.date:
    """The day the pre-rendered plans are computed for (SOURCE_DATE_EPOCH makes builds reproducible)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()


def _pyodide_source(config: Any) -> Path:
    source = Path(config.config_file_path).parent / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (source / name).is_file()]
    if missing:
        raise PluginError(f"checklist page: {source} lacks {', '.join(missing)}: run `npm ci` (or `make deps`)")
    return source


def pyodide_dir(source: Path) -> str:
    """`assets/pyodide/<version>`, the version read from the installed npm package."""
    version = json.loads((source / "package.json").read_text(encoding="utf-8"))["version"]
    return PYODIDE_DIR.format(version=version)


def site_relative_links(value: Any, root: str) -> Any:
    """The engine's links are root-relative (`/fr/transition/#nonadmin_tasks`); on a site published under a
    sub-path they must be relative to the page: `root` (`../..`) + the path. Every `link` key, at any depth."""
    if isinstance(value, dict):
        return {
            key: f"{root.rstrip('/')}/{item.lstrip('/')}"
            if key == "link" and isinstance(item, str) and item.startswith("/")
            else site_relative_links(item, root)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [site_relative_links(item, root) for item in value]
    return value


def _key(bundle: bytes, *parts: Path) -> str:
    digest = hashlib.sha256(bundle)
    for part in parts:
        digest.update(part.read_bytes())
    digest.update(EXTRACT_DIR.encode())
    return digest.hexdigest()[:12]


def _snapshot_key(source: Path, bundle: bytes, stdlib: Path) -> str:
    """Changes whenever the snapshot would: another Pyodide build, engine, stdlib zip or snapshot script."""
    return _key(bundle, source / "pyodide.asm.wasm", stdlib, SNAPSHOT_SCRIPT)


class StdlibError(PluginError):
    """The engine's trimmed stdlib could not be made although Node is there: the build stops (a reader's start
    must not be the first to meet a missing module)."""


def trimmed_stdlib(root: Path, source: Path, bundle: bytes) -> Path | None:
    """The stdlib zip of only the files the engine can import (stored entries, bytecode: pyodide_stdlib.py says
    how they are found), cached by what it is made from; None without Node (the site then ships Pyodide's)."""
    cache = root / SNAPSHOT_CACHE
    target = cache / f"stdlib-{_key(bundle, source / 'pyodide.asm.wasm', source / FULL_STDLIB, *STDLIB_SCRIPTS)}.zip"
    if target.is_file():
        return target
    node = shutil.which("node")
    if node is None:
        return None
    cache.mkdir(parents=True, exist_ok=True)
    engine = target.with_suffix(".engine.zip")
    engine.write_bytes(bundle)
    made = target.with_suffix(".part")
    command = [node, str(STDLIB_SCRIPTS[0]), f"{source}/", str(engine), EXTRACT_DIR, str(made), "bytecode"]
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=600)
        made.replace(target)
    except (OSError, subprocess.SubprocessError) as error:
        details = getattr(error, "stderr", "") or error
        raise StdlibError(f"checklist page: the engine's stdlib zip could not be made: {details}") from error
    finally:
        engine.unlink(missing_ok=True)
        made.unlink(missing_ok=True)
    return target


def _snapshot(config: Any, source: Path, key: str, stdlib: Path) -> Path | None:
    """The cached snapshot for `key`, made with Node if missing; None (the page starts Python normally) if
    Node cannot make it."""
    cache = Path(config.config_file_path).parent / SNAPSHOT_CACHE
    target = cache / f"snapshot-{key}.bin.gz"
    if target.is_file():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    bundle = cache / f"checklist-{key}.zip"
    bundle.write_bytes(_bundle["data"])
    command = ["node", str(SNAPSHOT_SCRIPT), f"{source}/", str(bundle), EXTRACT_DIR, str(target), str(stdlib)]
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.SubprocessError) as error:
        details = getattr(error, "stderr", "") or error
        log.info(f"no Pyodide snapshot (the page will start Python without one): {details}")
        target.unlink(missing_ok=True)
        return None
    finally:
        bundle.unlink(missing_ok=True)
    return target


def _fresh_engine() -> None:
    """`mkdocs serve` reruns this hook on every rebuild, but Python keeps modules it has imported: without this,
    after an edit in checklist/ the zip would hold the new engine and the pre-rendered plans the old one."""
    global checklist
    for name in [name for name in sys.modules if name == "checklist" or name.startswith("checklist.")]:
        del sys.modules[name]
    checklist = importlib.import_module("checklist")
    for module in ("bundle", "web"):
        importlib.import_module(f"checklist.{module}")


def on_config(config: Any) -> None:
    with _report.timing():
        _fresh_engine()
        source = _pyodide_source(config)
        data = checklist.bundle.zip_bytes()
        _bundle.update(data=data, path=f"{BUNDLE_DIR}/checklist-{hashlib.sha256(data).hexdigest()[:12]}.zip")
        verify_pyodide(source, PYODIDE_FILES)  # the trimmed stdlib and the snapshot are made from recorded files
        stdlib = trimmed_stdlib(Path(config.config_file_path).parent, source, data)
        if stdlib is None:
            log.info("no Node: the checklist page ships Pyodide's own stdlib zip (no trimmed one, no snapshot)")
            size = (source / FULL_STDLIB).stat().st_size
            _bundle.update(stdlib=None, stdlib_path=f"{pyodide_dir(source)}/{FULL_STDLIB}", stdlib_size=size)
        else:
            stdlib_bytes = stdlib.read_bytes()
            digest = hashlib.sha256(stdlib_bytes).hexdigest()[:12]  # named by content, like the engine zip
            path = f"{BUNDLE_DIR}/stdlib-{digest}.zip"
            _bundle.update(stdlib=stdlib, stdlib_path=path, stdlib_size=len(stdlib_bytes))
        key = _snapshot_key(source, data, stdlib or source / FULL_STDLIB)
        snapshot = _snapshot(config, source, key, stdlib) if stdlib else None
        _bundle.update(snapshot=snapshot, snapshot_path=f"{BUNDLE_DIR}/snapshot-{key}.bin.gz" if snapshot else None)
    _report.produced = (
        f"engine {_bundle['path']} ({len(data) // 1024} KB), stdlib {_bundle['stdlib_path']} "
        f"({_bundle['stdlib_size'] // 1024} KB), "
        f"{'Pyodide snapshot ' + _bundle['snapshot_path'] if snapshot else 'no Pyodide snapshot'}, Pyodide files"
    )


def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    if page.file.src_uri.split(".")[0] != PAGE:
        return context
    language = context.get("i18n_page_locale") or config.theme.language
    root = get_relative_url(".", page.url)  # the default language's root, seen from this page
    context["checklist"] = site_relative_links(checklist.web.page_context(language, _build_day()), root) | {
        "bundle": _bundle["path"],
        "stdlib": _bundle["stdlib_path"],
        "snapshot": _bundle["snapshot_path"],
        "extract_dir": EXTRACT_DIR,
        "counted": START_COUNTED,  # #pct-boot data-counted: boot.js puts it in the worker's init message
        "pyodide": f"{pyodide_dir(_pyodide_source(config))}/",
        # The bytes the worker counts while it starts, as decoded (worker-progress.js): the page's progress total
        # when the host compresses them (a compressed response's Content-Length is not their size).
        "start_bytes": sum((_pyodide_source(config) / name).stat().st_size for name in START_COUNTED)
        + _bundle["stdlib_size"]
        + len(_bundle["data"]),
        # The decimal sign of the page's language, from Babel's locale data (start-progress.js: "2,1 Mo").
        "decimal": get_decimal_symbol(language.replace("-", "_")),
        "modules": [f"assets/javascripts/{module}" for module in js_modules.graph()],  # modulepreload
        "version": checklist.__version__,
        "site_root": f"{root.rstrip('/')}/",
        "site_url": config.site_url or "",
    }
    return context


def on_post_build(config: Any) -> None:
    with _report.timing():
        _copy_outputs(config)


def _copy_outputs(config: Any) -> None:
    site = Path(config.site_dir)
    source = _pyodide_source(config)
    target = site / pyodide_dir(source)
    target.mkdir(parents=True, exist_ok=True)
    shipped = shipped_pyodide_files()
    for name in shipped:
        if not (target / name).exists() or (target / name).stat().st_size != (source / name).stat().st_size:
            shutil.copyfile(source / name, target / name)
    if FULL_STDLIB not in shipped:
        (target / FULL_STDLIB).unlink(missing_ok=True)  # left by an earlier build: nothing loads it
    verify_pyodide(target, shipped)  # the copies shipped are the recorded ones (hooks/pyodide.sha256)
    bundle = site / _bundle["path"]
    bundle.parent.mkdir(parents=True, exist_ok=True)
    bundle.write_bytes(_bundle["data"])
    if _bundle.get("stdlib"):
        (site / _bundle["stdlib_path"]).write_bytes(_bundle["stdlib"].read_bytes())
    if _bundle["snapshot"]:
        shutil.copyfile(_bundle["snapshot"], site / _bundle["snapshot_path"])


def shipped_pyodide_files() -> tuple[str, ...]:
    """The Pyodide files copied into the site: all recorded ones, but Pyodide's stdlib when the trimmed one ships."""
    return tuple(name for name in PYODIDE_FILES if name != FULL_STDLIB or not _bundle.get("stdlib"))
