"""Benchmark of the checklist page in headless Debian chromium, against `make dist` served by nginx, in one run.

    .venv/bin/python bench/checklist_page.py [--runs 5]     (or: make bench)

Prints, as medians and (min–max) over `--runs` readers (the machine is shared and noisy: compare ratios from the
same run, taken run by run), the
start-up table of issue 11 (bench/startup_field.py: cold and repeat visits with a real browser profile, on
loopback and on emulated 50 and 10 Mbit/s links with 40 ms round trips, against a bare `loadPyodide()` in a
worker), the bytes of each file fetched on a cold and a repeat visit (nginx's log), then on loopback:
  P4  median worker round trip of a recompute (answers → plan), over 41 ticks
  team  worker round trip of the admin's team status for 100, 1,000 and 5,000 employees
and, when Lighthouse is installed (npm devDependency), its Performance score and TBT on five pages (lighthouse.py).
A run in which loopback was slower than the emulated 50 Mbit/s link is flagged DISTURBED (a busy machine,
not the page, set it). No assertion: figures for people. Needs Debian's nginx (`make system-deps`).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from bench import lighthouse, startup_field  # noqa: E402
from bench.field_server import BASE, build_dist, field_server, free_port  # noqa: E402
from bench.startup_field import add_bare_page  # noqa: E402
from tools.site_server import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

TIMEOUT = 120_000


def mark_time(page: Page, name: str) -> float:
    page.wait_for_function(f"performance.getEntriesByName({name!r}).length > 0", timeout=TIMEOUT)
    return page.evaluate(f"performance.getEntriesByName({name!r})[0].startTime")


def recompute_round_trip(browser: Browser, url: str, ticks: int = 41) -> float:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("#pct-app[data-engine=ready]", state="attached", timeout=TIMEOUT)
        page.check("#pct-f-role-admin")
        page.wait_for_function("document.getElementById('pct-plan').dataset.source === 'live'")
        page.evaluate("performance.clearMeasures('pct:recompute')")
        for _ in range(ticks):
            revision = page.locator("#pct-plan").get_attribute("data-revision")
            page.click('[id="pct-step-prepare.global_admin"]')
            page.wait_for_function(f"document.getElementById('pct-plan').dataset.revision !== {revision!r}")
        durations = page.evaluate("performance.getEntriesByName('pct:recompute').map(e => e.duration)")
        return statistics.median(durations)
    finally:
        context.close()


def team_recompute(browser: Browser, url: str, sizes: tuple[int, ...] = (100, 1_000, 5_000)) -> dict[int, float]:
    """Median worker round trip of the team status for generated teams, in steady state: a second tab rewrites
    the stored team and the page recomputes on the storage event (the first computation after start-up is
    skipped, it shares the worker with the page's own plan)."""
    found = {}
    context = browser.new_context()
    try:
        page, other = context.new_page(), context.new_page()
        for size in sizes:
            people = [
                {
                    "name": f"Person {n}",
                    "email": f"p{n}@contoso.com",
                    "temp_password_issued_on": f"2026-{n % 9 + 1:02}-15",
                }
                for n in range(size)
            ]
            page.goto(url)
            page.evaluate("doc => localStorage.setItem('pct-team', JSON.stringify(doc))", {"employees": people})
            page.evaluate(
                "localStorage.setItem('pct-checklist', JSON.stringify({version: 1, answers: {role: 'admin'}}))"
            )
            page.goto(url)
            mark_time(page, "pct:team-recompute")
            other.goto(url)
            for run in range(7):
                people[0]["name"] = f"Person 0 ({run})"
                other.evaluate("doc => localStorage.setItem('pct-team', JSON.stringify(doc))", {"employees": people})
                page.wait_for_function(
                    f"performance.getEntriesByName('pct:team-recompute').length > {run + 1}", timeout=TIMEOUT
                )
            durations = page.evaluate("performance.getEntriesByName('pct:team-recompute').map(e => e.duration)")
            found[size] = statistics.median(durations[1:])
        return found
    finally:
        context.close()


def print_table(title: str, rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print(title)
    for row in rows:
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def print_files(files: dict[str, dict[str, int]]) -> None:
    for kind, sizes in files.items():
        rows = [(path, f"{size:,}") for path, size in sorted(sizes.items(), key=lambda item: -item[1])]
        rows.append((f"{len(sizes)} files", f"{sum(sizes.values()):,}"))
        print_table(f"bytes sent by nginx per file, {kind}", rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lighthouse-runs", type=int, default=5, help="Lighthouse runs a page (when installed)")
    parser.add_argument("--links", nargs="+", choices=list(startup_field.LINKS), default=list(startup_field.LINKS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        dist = Path(folder) / "dist"
        print(f"building dist/ for http://127.0.0.1:{port}{BASE} …", file=sys.stderr)
        build_dist(dist, f"http://127.0.0.1:{port}{BASE}")
        add_bare_page(dist)
        server = field_server(Path(folder) / "nginx", dist, port)
        try:
            with sync_playwright() as driver:
                visits = startup_field.run(
                    driver, server, args.runs, lambda text: print(text, file=sys.stderr), args.links
                )
                browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                plain = serve(dist)  # no CSP: Playwright evaluates the wait conditions as strings
                page_url = f"{plain.url}/checklist/"
                rows = [
                    (
                        "P4 worker round trip of a recompute (median)",
                        f"{recompute_round_trip(browser, page_url):.1f} ms",
                    )
                ]
                for size, duration in team_recompute(browser, page_url).items():
                    rows.append((f"team: {size:,} employees, worker round trip", f"{duration:.1f} ms"))
                plain.stop()
                browser.close()
            audits = lighthouse.run(server.url, args.lighthouse_runs) if lighthouse.installed() else None
        finally:
            server.stop()
        brotli = "brotli" if server.brotli else "gzip (no brotli module)"
        print_table(
            f"checklist page start-up, median (min–max) of {args.runs} readers, dist/ served by nginx ({brotli})",
            [("figure", "measured", "target"), *startup_field.table(visits, startup_field.core_bytes(dist))],
        )
        disturbed = visits.disturbed()
        for line in disturbed:
            print(f"DISTURBED (loopback slower than 50 Mbit/s: the machine was busy, not the page): {line}")
        if not disturbed and "50 Mbit/s" in args.links:
            print("check: loopback was faster than 50 Mbit/s in every run")
        print_table("engine round trips (loopback)", rows)
        print_files(visits.files)
        if audits is None:
            print(f"Lighthouse: not installed ({lighthouse.CLI}); `npm ci` installs the pinned devDependency")
        else:
            print_table(
                f"Lighthouse (mobile), {args.lighthouse_runs} runs a page, on nginx",
                [("page", "Performance median (min–max)", "TBT median (max)"), *audits],
            )


if __name__ == "__main__":
    main()
