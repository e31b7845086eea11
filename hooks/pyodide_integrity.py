"""Supply chain: the Pyodide files the site ships are the ones recorded in `pyodide.sha256`, byte for byte.

`npm ci` already checks the package tarball against package-lock.json; this checks the files we actually copy
into the site (the interpreter every reader runs), after the copy, so that a changed `node_modules`, a
tampered copy left in `site/` by an earlier build or a Pyodide upgrade nobody reviewed fails the build
instead of shipping. Called with one line from `checklist_page.on_post_build`.

After reviewing a Pyodide upgrade (package.json and package-lock.json), record its files again:
`make pyodide-sha256` (runs ``python hooks/pyodide_integrity.py record``).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from mkdocs.exceptions import PluginError

RECORD = Path(__file__).with_name("pyodide.sha256")
NODE_PACKAGE = Path(__file__).resolve().parents[1] / "node_modules" / "pyodide"


class IntegrityError(PluginError):
    """A shipped Pyodide file is missing, unrecorded or differs from its recorded SHA-256 (MkDocs stops)."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def recorded(record: Path = RECORD) -> dict[str, str]:
    """File name -> SHA-256, from lines ``<hex>  <name>`` (the `sha256sum` format); ``#`` lines are comments."""
    found: dict[str, str] = {}
    for line in record.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            found[name.strip().lstrip("*")] = digest.lower()
    return found


def differences(directory: Path, names: Iterable[str], record: Path = RECORD) -> list[str]:
    """One sentence per file of `names` in `directory` that is missing, unrecorded or not what was recorded."""
    expected = recorded(record)
    problems = []
    for name in names:
        path = directory / name
        if name not in expected:
            problems.append(f"{name} has no recorded SHA-256 in {record.name}")
        elif not path.is_file():
            problems.append(f"{path} is missing")
        else:
            actual = sha256(path)
            if actual != expected[name]:
                problems.append(f"{path} has SHA-256 {actual}, {record.name} records {expected[name]}")
    return problems


def verify(directory: Path, names: Iterable[str], record: Path = RECORD) -> None:
    """Raise `IntegrityError` (the build stops) unless every file of `names` matches its recorded SHA-256."""
    problems = differences(directory, names, record)
    if problems:
        raise IntegrityError(
            "Pyodide files differ from the recorded SHA-256 (hooks/pyodide.sha256): "
            + "; ".join(problems)
            + ". Run `npm ci` and rebuild; after reviewing a Pyodide upgrade, `make pyodide-sha256`."
        )


def record_files(source: Path, names: Iterable[str], record: Path = RECORD) -> str:
    """Write the SHA-256 of `names` in `source` to `record`, with the package version as a comment."""
    version = json.loads((source / "package.json").read_text(encoding="utf-8"))["version"]
    lines = [f"# pyodide {version} (npm), the files hooks/checklist_page.py copies into the site"]
    lines += [f"{sha256(source / name)}  {name}" for name in names]
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return version


if __name__ == "__main__":
    if sys.argv[1:] != ["record"]:
        sys.exit("usage: python hooks/pyodide_integrity.py record   (after reviewing a Pyodide upgrade)")
    sys.path.insert(0, str(Path(__file__).parent))
    from checklist_page import PYODIDE_FILES

    print(f"recorded pyodide {record_files(NODE_PACKAGE, PYODIDE_FILES)} in {RECORD}")
