"""One deterministic zip of the engine, the archive Pyodide unpacks and imports.

The same file serves the Node parity test now and the web page later, so it holds only what the engine
needs at run time (the ``.py`` modules and the compiled ``.mo`` catalogs) and is byte-identical for the same
sources: entries sorted, fixed timestamps and permissions, so it can be cached and compared by hash.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

__all__ = ["PACKAGE_DIR", "build_zip", "package_files", "zip_bytes"]

PACKAGE_DIR = Path(__file__).resolve().parent
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def package_files(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The run-time files of the package, sorted: every ``.py`` and the ``locale/**/*.mo`` catalogs."""
    found = [*package_dir.rglob("*.py"), *(package_dir / "locale").rglob("*.mo")]
    return sorted(
        (p for p in found if "__pycache__" not in p.parts), key=lambda p: p.relative_to(package_dir).as_posix()
    )


def zip_bytes() -> bytes:
    """The package as a zip (entries named ``checklist/...``), byte-identical for the same sources."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in package_files():
            info = zipfile.ZipInfo(f"{PACKAGE_DIR.name}/{path.relative_to(PACKAGE_DIR).as_posix()}", _FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def build_zip(target: Path) -> Path:
    """Write the package zip to `target` and return `target`."""
    target = Path(target)
    target.write_bytes(zip_bytes())
    return target
