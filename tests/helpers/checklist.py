"""Using the checklist page as a person would: open it, answer, tick, read the plan; and the CLI's plan for the
same answers, so the page is checked against the engine. Date questions are day, month and year boxes
(dates.js)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

from playwright.sync_api import Page, expect

from tools.site_server import ROOT, SiteServer


def date_box(field: str, part: str) -> str:
    """The selector of one box of a date question (`part`: day, month, year or time)."""
    return f"#pct-f-{field}-{part}"


def type_date(page: Page, field: str, iso: str) -> None:
    """Fill a date question from an ISO date (or date and time) as a person would, then leave its boxes."""
    date, _, time = iso.partition("T")
    year, month, day = date.split("-")
    values = {"day": day, "month": month, "year": year}
    if time:
        values["time"] = time
    for part, value in values.items():
        page.fill(date_box(field, part), value)
    # The boxes are read once the reader leaves them (never box by box): Tab out of the last one, which is
    # the day on a page that writes the year first, the time for a date and time.
    page.locator(f"#pct-f-{field} input[data-part]").last.press("Tab")


def date_value(page: Page, field: str) -> str:
    """The ISO date the boxes of a date question hold now ("" when empty)."""
    return page.evaluate(
        """field => {
            const box = part => document.getElementById(`pct-f-${field}-${part}`);
            const [d, m, y] = ["day", "month", "year"].map(p => box(p).value);
            if (!d && !m && !y) return "";
            const date = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
            return box("time") && box("time").value ? `${date}T${box("time").value}` : date;
        }""",
        field,
    )


READY_TIMEOUT = 60_000  # Pyodide start-up on a busy 2-core machine; typically 3-5 s


PYODIDE = "/assets/pyodide/"


def checklist_url(server: SiteServer, language: str) -> str:
    return f"{server.url}/{'' if language == 'en' else language + '/'}checklist/"


def open_checklist(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("#pct-app")).to_have_attribute("data-engine", "ready", timeout=READY_TIMEOUT)


def plan_revision(page: Page) -> int:
    return int(page.locator("#pct-plan").get_attribute("data-revision") or 0)


def wait_for_new_plan(page: Page, before: int) -> None:
    page.wait_for_function(
        "before => Number(document.getElementById('pct-plan').dataset.revision || 0) > before "
        "&& document.getElementById('pct-plan').dataset.source === 'live'",
        arg=before,
    )


def answer(page: Page, field: str, value: str | bool) -> None:
    """Answer one question as a person would, then wait for the engine's new plan."""
    before = plan_revision(page)
    if value is True:
        page.check(f"#pct-f-{field}")
    elif field in ("role", "situation", "benefits"):
        page.check(f"#pct-f-{field}-{value}")
    else:
        type_date(page, field, str(value))
    wait_for_new_plan(page, before)


def step_box(step: str) -> str:
    """The selector of a step's checkbox (step ids contain dots, which `#id` selectors would misread)."""
    return f'[id="pct-step-{step}"]'


def tick(page: Page, step: str) -> None:
    before = plan_revision(page)
    page.check(step_box(step))
    wait_for_new_plan(page, before)


def shown_dates(page: Page) -> dict[str, str]:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.pct-dates dd')].map(
            dd => [dd.dataset.date, dd.querySelector('time').getAttribute('datetime')]))"""
    )


def cli_plan(answers: dict[str, object], language: str, today: str) -> dict:
    document = {**answers, "language": language, "today": today}
    result = subprocess.run(
        [sys.executable, "-m", "checklist"], input=json.dumps(document), capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def days_from(today: str, days: int) -> str:
    return (dt.date.fromisoformat(today) + dt.timedelta(days=days)).isoformat()


def browser_today(page: Page) -> str:
    return page.evaluate(
        "() => { const d = new Date(); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), "
        "String(d.getDate()).padStart(2, '0')].join('-'); }"
    )
