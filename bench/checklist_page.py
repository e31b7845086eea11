"""Benchmark of the checklist page in headless Debian chromium, against a fresh build of the site, in one run.

    .venv/bin/python bench/checklist_page.py [--runs 5]     (or: make bench)

Prints, as medians over `--runs` visits (the machine is shared and noisy: compare ratios from the same run):
  P1  navigation → personalised plan visible, on a repeat visit (painted from localStorage)
  P2  navigation → Python ready on the checklist page, and as a ratio to a bare `loadPyodide()` page
      (Pyodide on the main thread, nothing else), cold (empty cache) and warm (second visit, same browser)
  P3  main-thread blocking while Python starts: the longest gap of a 5 ms heartbeat between the engine's start
      and its ready mark (a `longtask` observer misses work done during a reload), for the page and the bare page
  P4  median worker round trip of a recompute (answers → plan), over 41 ticks
  team  worker round trip of the admin's team status for 100, 1,000 and 5,000 employees (target: 1,000 ≤ 50 ms)
  size  bytes the checklist page fetches until Python is ready (cold), as served and gzip-compressed
Targets (issue 4): P1 ≤ 150 ms, P2 ≤ 0.5× bare, P3 ≤ 50 ms, P4 ≤ 16 ms. No assertion: figures for people.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from tests.site_server import CHROMIUM, CHROMIUM_ARGS, SiteServer, build_site, serve  # noqa: E402

TIMEOUT = 120_000
HEARTBEAT = """
window.__beats = [];
setInterval(() => window.__beats.push(performance.now()), 5);
"""
BARE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare loadPyodide()</title></head>
<body><script type="module" src="bare.js"></script></body></html>
"""
BARE_JS = """import { loadPyodide } from "../assets/pyodide/pyodide.mjs";
performance.mark("bare:start");
await loadPyodide({ indexURL: new URL("../assets/pyodide/", import.meta.url).href });
performance.mark("bare:ready");
"""


def mark_time(page: Page, name: str) -> float:
    page.wait_for_function(f"performance.getEntriesByName({name!r}).length > 0", timeout=TIMEOUT)
    return page.evaluate(f"performance.getEntriesByName({name!r})[0].startTime")


def longest_gap(page: Page, start: float, end: float) -> float:
    """The longest pause of the main thread's heartbeat between two times (ms)."""
    beats = [t for t in page.evaluate("window.__beats") if start <= t <= end]
    return max((b - a for a, b in zip(beats, beats[1:], strict=False)), default=0.0)


def visit(browser: Browser, url: str, start_mark: str, ready_mark: str, warm: bool) -> dict[str, float]:
    """One visit (cold: new browser context; warm: a second visit in the same context)."""
    context = browser.new_context()
    try:
        context.add_init_script(HEARTBEAT)
        page = context.new_page()
        if warm:
            page.goto(url)
            mark_time(page, ready_mark)
            page.goto("about:blank")
        page.goto(url)
        ready = mark_time(page, ready_mark)
        start = mark_time(page, start_mark)
        return {"ready": ready, "blocking": longest_gap(page, start, ready)}
    finally:
        context.close()


def median_of(runs: int, measure: Callable[[], dict[str, float]]) -> dict[str, float]:
    results = [measure() for _ in range(runs)]
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def repeat_visit_paint(browser: Browser, url: str, runs: int) -> float:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("#pct-app[data-engine=ready]", state="attached", timeout=TIMEOUT)
        page.check("#pct-f-role-employee")
        for part, value in (("day", "01"), ("month", "10"), ("year", "2026")):  # the date boxes (dates.js)
            page.fill(f"#pct-f-temp_password_issued_on-{part}", value)
        page.press("#pct-f-temp_password_issued_on-year", "Tab")
        page.wait_for_function("document.getElementById('pct-plan').dataset.source === 'live'")
        times = []
        for _ in range(runs):
            page.goto(url)
            times.append(mark_time(page, "pct:plan-painted:stored"))
        return statistics.median(times)
    finally:
        context.close()


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


def transfer(server: SiteServer, browser: Browser, url: str) -> tuple[int, int, int]:
    """Bytes of every file served for one cold visit until Python is ready: as served, gzipped, and file count."""
    start = len(server.log.entries)
    visit(browser, url, "pct:engine-start", "pct:engine-ready", warm=False)
    paths = {path.split("?")[0] for path, status in server.log.entries[start:] if status == 200}
    files = [server.root / (p.lstrip("/") + ("index.html" if p.endswith("/") else "")) for p in paths]
    data = [f.read_bytes() for f in files if f.is_file()]
    return sum(map(len, data)), sum(len(gzip.compress(d, 6)) for d in data), len(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        result = build_site(site)
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
        (site / "__bench").mkdir()
        (site / "__bench" / "bare.html").write_text(BARE_HTML)
        (site / "__bench" / "bare.js").write_text(BARE_JS)
        server = serve(site)  # no CSP: Playwright evaluates the wait conditions as strings
        page_url, bare_url = f"{server.url}/checklist/", f"{server.url}/__bench/bare.html"
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            rows: list[tuple[str, Any]] = []
            for warm in (False, True):
                label = "warm" if warm else "cold"
                ours = median_of(
                    args.runs, lambda w=warm: visit(browser, page_url, "pct:engine-start", "pct:engine-ready", w)
                )
                bare = median_of(args.runs, lambda w=warm: visit(browser, bare_url, "bare:start", "bare:ready", w))
                rows += [
                    (f"P2 {label}: navigation → Python ready, checklist page", f"{ours['ready']:.0f} ms"),
                    (f"P2 {label}: navigation → Python ready, bare loadPyodide()", f"{bare['ready']:.0f} ms"),
                    (f"P2 {label}: ratio page / bare (target ≤ 0.5)", f"{ours['ready'] / bare['ready']:.2f}"),
                    (f"P3 {label}: longest main-thread block, checklist page", f"{ours['blocking']:.0f} ms"),
                    (f"P3 {label}: longest main-thread block, bare page", f"{bare['blocking']:.0f} ms"),
                ]
            rows.insert(
                0,
                (
                    "P1 repeat visit: navigation → saved plan painted",
                    f"{repeat_visit_paint(browser, page_url, args.runs):.0f} ms",
                ),
            )
            rows.append(
                ("P4 worker round trip of a recompute (median)", f"{recompute_round_trip(browser, page_url):.1f} ms")
            )
            for size, duration in team_recompute(browser, page_url).items():
                rows.append((f"team: {size:,} employees, worker round trip", f"{duration:.1f} ms"))
            raw, packed, count = transfer(server, browser, page_url)
            rows.append((f"size: {count} files until Python is ready, as served", f"{raw / 1024:.0f} KiB"))
            rows.append(("size: the same files gzip-compressed (-6)", f"{packed / 1024:.0f} KiB"))
            browser.close()
        server.stop()
    width = max(len(name) for name, _ in rows)
    print(f"checklist page benchmark, median of {args.runs} runs")
    for name, value in rows:
        print(f"  {name:<{width}}  {value:>9}")


if __name__ == "__main__":
    main()
