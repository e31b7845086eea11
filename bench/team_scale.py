"""Time the team status on generated teams of 100, 1,000 and 10,000 employees, and the CSV round trip.

    .venv/bin/python bench/team_scale.py [--repeat 5] [--page]

CPython: `team()` (the CLI's full status) and `team(view=True)` (the page's compact records, issue 11), with
the size of the JSON reply of each through `web.call`, then reading and writing the CSV. Best of `--repeat`
runs in milliseconds and per row in microseconds, so growth is visibly linear.

`--page` also builds the site and measures, in headless chromium, the worker round trip of the page's
recompute (`pct:team-recompute`: the stored team sent to the Pyodide worker and its compact reply parsed),
median of 6 recomputes per size. Target (issue 11): 1,000 people in at most 50 ms, linear to 10,000.

Wide files (issue 22): a 1,000-row file of 50, 100 and 200 columns (`MAX_COLUMNS`) read, and a 10,000-column
file refused at its header (`too_many_columns`): the time per cell should stay flat as columns grow.
No assertions: the numbers are for people (tests never time anything).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checklist import ChecklistError  # noqa: E402
from checklist.team import team, team_from_csv, team_to_csv  # noqa: E402
from checklist.team.headers import MAX_COLUMNS  # noqa: E402
from checklist.web import call  # noqa: E402

TODAY = dt.date(2027, 4, 1)
SIZES = (100, 1_000, 10_000)


def employees(count: int, seed: int = 0) -> list[dict[str, Any]]:
    """A realistic mix: accounts created over 120 days, about half signed in, some connected, some associated."""
    rng = random.Random(seed)
    found = []
    for index in range(count):
        issued = TODAY - dt.timedelta(days=rng.randrange(0, 120))
        employee: dict[str, Any] = {
            "name": f"Employee {index}",
            "email": f"employee{index}@contoso.example",
            "temp_password_issued_on": issued.isoformat(),
            "signed_in": rng.random() < 0.5,
        }
        if employee["signed_in"]:
            employee["partner_university_connected"] = rng.random() < 0.7
            if rng.random() < 0.5:
                at = dt.datetime.combine(TODAY, dt.time(9)) - dt.timedelta(minutes=rng.randrange(0, 60 * 24 * 30))
                employee["exams_associated_at"] = at.strftime("%Y-%m-%dT%H:%M")
        found.append(employee)
    return found


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def wide_csv(columns: int, rows: int) -> str:
    """A file of `rows` people and `columns` columns, the admin's own columns filled with short words."""
    header = ["Email", "Issued on"] + [f"Column {i}" for i in range(columns - 2)]
    lines = [",".join(header)]
    for row in range(rows):
        lines.append(",".join([f"p{row}@contoso.example", "2027-03-01"] + [f"v{i % 7}" for i in range(columns - 2)]))
    return "\n".join(lines) + "\n"


def wide_files(repeat: int) -> None:
    """Reading wide files (issue 22): per cell, flat as columns grow; 10,000 columns refused at the header."""
    print(f"wide files, 1,000 rows (cap {MAX_COLUMNS} columns)")
    print(f"{'columns':>10} {'read ms':>10} {'ns/cell':>8}")
    for columns in (50, 100, MAX_COLUMNS):
        text = wide_csv(columns, 1_000)
        seconds = best_of(repeat, lambda text=text: team_from_csv(text, today=TODAY))
        print(f"{columns:>10,} {seconds * 1e3:>10.1f} {seconds / (columns * 1_000) * 1e9:>8.0f}")
    text = wide_csv(10_000, 1)

    def refused() -> None:
        try:
            team_from_csv(text, today=TODAY)
        except ChecklistError as error:
            assert error.code == "too_many_columns"

    print(f"{10_000:>10,} {best_of(repeat, refused) * 1e3:>10.1f} ms, refused (too_many_columns)")


def reply_bytes(fn: str, document: dict[str, Any]) -> int:
    """The size of the worker's reply text for one call (what crosses the worker boundary)."""
    return len(call(fn, json.dumps({"document": document})))


def page_round_trips(sizes: tuple[int, ...]) -> dict[int, float]:
    """The page's recompute in chromium against a fresh build (bench/checklist_page.py's harness)."""
    from playwright.sync_api import sync_playwright

    from bench.checklist_page import team_recompute
    from tools.site_server import CHROMIUM, CHROMIUM_ARGS, build_site, serve

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        built = build_site(site)
        if built.returncode != 0:
            raise SystemExit(built.stdout + built.stderr)
        server = serve(site)
        try:
            with sync_playwright() as driver:
                browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                try:
                    return team_recompute(browser, f"{server.url}/checklist/", sizes)
                finally:
                    browser.close()
        finally:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--page", action="store_true", help="also time the page's worker round trip in chromium")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, best of {args.repeat}")
    header = (
        f"{'employees':>10} {'team() ms':>10} {'µs/row':>7} {'view ms':>8} {'µs/row':>7} {'reply KB':>9} "
        f"{'view KB':>8} {'CSV in ms':>10} {'µs/row':>7} {'CSV out ms':>11}"
    )
    print(header)
    for size in SIZES:
        document = {"language": "fr", "today": TODAY.isoformat(), "employees": employees(size)}
        result = team(document)
        text = team_to_csv(result)
        seconds = best_of(args.repeat, lambda document=document: team(document))
        view = best_of(args.repeat, lambda document=document: team(document, view=True))
        read = best_of(args.repeat, lambda text=text: team_from_csv(text, language="fr", today=TODAY))
        write = best_of(args.repeat, lambda result=result: team_to_csv(result))
        full_kb, view_kb = reply_bytes("team", document) / 1024, reply_bytes("team_view", document) / 1024
        print(
            f"{size:>10,} {seconds * 1e3:>10.1f} {seconds / size * 1e6:>7.1f} {view * 1e3:>8.1f} "
            f"{view / size * 1e6:>7.1f} {full_kb:>9.0f} {view_kb:>8.0f} "
            f"{read * 1e3:>10.1f} {read / size * 1e6:>7.1f} {write * 1e3:>11.1f}"
        )
    wide_files(args.repeat)
    if args.page:
        print("page (Pyodide worker, chromium): recompute round trip, median")
        for size, duration in page_round_trips(SIZES).items():
            print(f"{size:>10,} {duration:>10.1f} ms {duration / size * 1e3:>7.1f} µs/row")


if __name__ == "__main__":
    main()
