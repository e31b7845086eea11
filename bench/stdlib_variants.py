"""The stdlib zips the checklist page could ship, compared under Node (issue 27): bytes and Pyodide's start.

    .venv/bin/python bench/stdlib_variants.py [--runs 5]

Variants: Pyodide's own zip (deflated entries, as shipped before issue 27), the same repacked with stored
entries, the engine's trimmed set (hooks/pyodide_stdlib.mjs) deflated, stored as source, and stored as bytecode.
For each: raw and brotli bytes (quality 11, as deploy/dist.py), and the median and range over `--runs` Node
starts of `loadPyodide({stdLibURL})` and of unpacking and importing the engine, the runs of every variant
interleaved so a change of load hits them all alike. No assertion: figures for people; compare the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checklist.bundle import build_zip  # noqa: E402

PYODIDE = ROOT / "node_modules" / "pyodide"
MAKER = ROOT / "hooks" / "pyodide_stdlib.mjs"
START = ROOT / "bench" / "stdlib_start.mjs"
BROTLI = (
    "const z=require('node:zlib');const b=require('node:fs').readFileSync(process.argv[1]);"
    "process.stdout.write(String(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,"
    "[z.constants.BROTLI_PARAM_LGWIN]:24,[z.constants.BROTLI_PARAM_SIZE_HINT]:b.length}}).length))"
)


def repack(source: Path, target: Path, method: int) -> Path:
    with zipfile.ZipFile(source) as full, zipfile.ZipFile(target, "w", method) as out:
        for info in full.infolist():
            out.writestr(zipfile.ZipInfo(info.filename, info.date_time), full.read(info), compress_type=method)
    return target


def variants(work: Path, bundle: Path) -> dict[str, Path]:
    made = {}
    for mode in ("source", "bytecode"):
        made[mode] = work / f"trimmed-{mode}.zip"
        subprocess.run(
            ["node", str(MAKER), f"{PYODIDE}/", str(bundle), "/checklist_bundle", str(made[mode]), mode],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return {
        "full, deflated (Pyodide's)": PYODIDE / "python_stdlib.zip",
        "full, stored": repack(PYODIDE / "python_stdlib.zip", work / "full-stored.zip", zipfile.ZIP_STORED),
        "trimmed, deflated": repack(made["source"], work / "trimmed-deflated.zip", zipfile.ZIP_DEFLATED),
        "trimmed, stored source": made["source"],
        "trimmed, stored bytecode": made["bytecode"],
    }


def load() -> str:
    return "load average " + " ".join(f"{value:.1f}" for value in os.getloadavg())


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):7.0f} ({min(values):.0f}-{max(values):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    print(f"start: {load()}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        bundle = build_zip(work / "checklist.zip")
        zips = variants(work, bundle)
        times: dict[str, list[dict[str, float]]] = {name: [] for name in zips}
        for _ in range(runs):
            for name, path in zips.items():
                command = ["node", str(START), f"{PYODIDE}/", str(bundle), str(path)]
                done = subprocess.run(command, check=True, capture_output=True, text=True)
                times[name].append(json.loads(done.stdout))
        base = statistics.median(t["python"] + t["engine"] for t in times["full, deflated (Pyodide's)"])
        print(f"{'variant':28} {'files':>5} {'raw KB':>8} {'brotli KB':>9}", end="")
        print(f"  {'loadPyodide ms':>18}  {'+ engine ms':>18}  ratio")
        for name, path in zips.items():
            brotli = int(subprocess.run(["node", "-e", BROTLI, str(path)], check=True, capture_output=True).stdout)
            with zipfile.ZipFile(path) as archive:
                files = len([i for i in archive.infolist() if not i.is_dir()])
            total = [t["python"] + t["engine"] for t in times[name]]
            python = [t["python"] for t in times[name]]
            ratio = statistics.median(total) / base
            print(
                f"{name:28} {files:5} {path.stat().st_size / 1024:8.0f} {brotli / 1024:9.0f}  {spread(python):>18}"
                f"  {spread(total):>18}  {ratio:.2f}"
            )
    print(f"end: {load()}")


if __name__ == "__main__":
    main()
