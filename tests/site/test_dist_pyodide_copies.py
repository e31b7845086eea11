"""`make dist` checks the `.br`/`.gz` copies of the Pyodide files against hooks/pyodide.sha256 (issue 25): the
copies come from a cache keyed by content, and a damaged or stale entry would be what most browsers run."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli
import pytest

from deploy.dist import DistError, precompress, verify_pyodide

WASM = bytes(range(256)) * 64  # stands for pyodide.asm.wasm: compressible, so both copies are kept
MODULE = b"export const version = '0.0.0';\n" * 64


@pytest.fixture
def dist(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "dist" / "assets" / "pyodide" / "0.0.0"
    folder.mkdir(parents=True)
    (folder / "pyodide.asm.wasm").write_bytes(WASM)
    (folder / "pyodide.mjs").write_bytes(MODULE)
    record = tmp_path / "pyodide.sha256"
    record.write_text(
        "# test record\n"
        + "".join(
            f"{hashlib.sha256(data).hexdigest()}  {name}\n"
            for name, data in [("pyodide.asm.wasm", WASM), ("pyodide.mjs", MODULE)]
        ),
        encoding="utf-8",
    )
    precompress(tmp_path / "dist", jobs=1)
    return tmp_path / "dist", record


def test_the_copies_that_decompress_to_the_recorded_files_pass(dist: tuple[Path, Path]) -> None:
    root, record = dist
    assert verify_pyodide(root, record) == 6  # two files, each with its .br and .gz


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("pyodide.asm.wasm.br", lambda data: brotli.compress(b"stale" + WASM)),  # another build's copy
        ("pyodide.asm.wasm.gz", lambda data: gzip.compress(WASM[:-1], mtime=0)),
        ("pyodide.mjs.gz", lambda data: data[: len(data) // 2]),  # a half-written copy
        ("pyodide.mjs.br", lambda data: b"not brotli"),
        ("pyodide.mjs", lambda data: data + b"// tampered\n"),
    ],
)
def test_a_copy_that_differs_stops_the_dist(dist: tuple[Path, Path], name: str, damage) -> None:  # noqa: ANN001
    root, record = dist
    path = root / "assets" / "pyodide" / "0.0.0" / name
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(DistError) as raised:
        verify_pyodide(root, record)
    assert name in str(raised.value) and str(raised.value).count(" is ") == 1


def test_a_recorded_file_missing_from_dist_stops_it(dist: tuple[Path, Path]) -> None:
    root, record = dist
    (root / "assets" / "pyodide" / "0.0.0" / "pyodide.mjs").unlink()
    with pytest.raises(DistError, match="pyodide.mjs is missing"):
        verify_pyodide(root, record)
