"""Lighthouse (npm devDependency, pinned in package-lock.json) on the checklist pages and two guide pages, when
it is installed: its mobile Performance score and Total Blocking Time, `--runs` times each (the score moves
from run to run on a shared machine: the issue's target is "≥ 98 in 5 of 5 runs").

Pointed at Debian's chromium (CHROME_PATH), headless, never a browser of its own. bench/checklist_page.py calls
`run` against the same `make dist` behind nginx as its other figures; alone:

    .venv/bin/python bench/lighthouse.py http://127.0.0.1:8000/ [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.site_server import CHROMIUM, ROOT  # noqa: E402

CLI = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = ("checklist/", "fr/checklist/", "zh-TW/checklist/", "", "transition/")
FLAGS = "--headless --no-sandbox"


def installed() -> bool:
    return CLI.is_file() and shutil.which("node") is not None


def audit(url: str) -> tuple[float, float]:
    """(Performance score 0–100, Total Blocking Time in ms) of one Lighthouse run (mobile, its default)."""
    done = subprocess.run(
        [
            "node",
            str(CLI),
            url,
            "--only-categories=performance",
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--chrome-flags={FLAGS}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse {url}: {done.stderr.strip()[-500:]}")
    report = json.loads(done.stdout)
    return report["categories"]["performance"]["score"] * 100, report["audits"]["total-blocking-time"]["numericValue"]


def run(base: str, runs: int) -> list[tuple[str, str, str]]:
    """(page, Performance median (min–max) and runs ≥ 98, TBT median (max)) for each page of PAGES."""
    rows = []
    for page in PAGES:
        scores, blocking = [], []
        for _ in range(runs):
            score, tbt = audit(base + page)
            scores.append(score)
            blocking.append(tbt)
        rows.append(
            (
                f"/{page}",
                f"{statistics.median(scores):.0f} ({min(scores):.0f}–{max(scores):.0f}), "
                f"{sum(s >= 98 for s in scores)} of {runs} ≥ 98",
                f"{statistics.median(blocking):.0f} ms (max {max(blocking):.0f})",
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the site's root URL, ending in /")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not installed():
        sys.exit(f"Lighthouse is not installed ({CLI}): `npm ci` installs the pinned devDependency")
    for row in [("page", "Performance", "TBT"), *run(args.base, args.runs)]:
        print(" | ".join(row))


if __name__ == "__main__":
    main()
