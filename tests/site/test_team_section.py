"""The admin's team section of the checklist page, in Debian chromium under the page's CSP."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from checklist.team_csv import team_from_csv
from tests.docs_model import LANGUAGES
from tests.site.test_browser import SCREENSHOTS
from tests.site.test_checklist_page import answer, browser_today, checklist_url, csp_server, open_checklist  # noqa: F401
from tests.site_server import SiteServer

pytestmark = pytest.mark.browser

SECRET = "Hunter2-never-shown"
XSS_NAME = '<img src=x onerror="window.__xss=1">Eve'


def team_csv(today: str, count: int = 3) -> str:
    """A Partner Center style export: a password column, an XSS name, people in every state."""
    day = dt.date.fromisoformat(today)
    lines = ["Display name,User name,Password,Created on,Signed in,Partner University,Exams associated,Department"]
    states = [(-100, "no", "no", "no"), (-80, "no", "no", "no"), (-10, "yes", "yes", "no"), (-30, "yes", "yes", "yes")]
    names = [XSS_NAME, "Ana Silva", "Bo Chen", "Chloé Martin", "陳小明"] + [f"Person {n}" for n in range(count)]
    for index in range(count):
        offset, signed, university, exams = states[index % len(states)]
        issued = (day + dt.timedelta(days=offset)).isoformat()
        name = names[index]
        lines.append(f'"{name.replace(chr(34), chr(34) * 2)}",user{index}@contoso.com,{SECRET},{issued},{signed},{university},{exams},Sales')
    return "\n".join(lines) + "\n"


def import_team(page: Page, text: str) -> None:
    page.set_input_files("#pct-team-file", files=[{"name": "users.csv", "mimeType": "text/csv", "buffer": text.encode()}])


def test_import_drops_the_password_shows_names_as_text_and_matches_the_engine(csp_server: SiteServer, page: Page) -> None:
    open_checklist(page, checklist_url(csp_server, "en"))
    answer(page, "role", "admin")
    expect(page.locator("#pct-team")).to_be_visible()
    today = browser_today(page)
    text = team_csv(today, count=4)
    import_team(page, text)
    expect(page.locator("#pct-team-table tbody tr")).to_have_count(4)

    assert page.evaluate("window.__xss") is None
    assert page.locator("#pct-team img").count() == 0
    expect(page.locator("#pct-team-table")).to_contain_text(XSS_NAME)
    expect(page.locator("#pct-team-notes")).to_contain_text("Password")
    assert SECRET not in page.content()
    stored = page.evaluate("() => JSON.stringify(localStorage)")
    assert SECRET not in stored and "Password" not in json.loads(stored)["pct-team"]

    expected = team_from_csv(text, language="en", today=today)
    statuses = page.locator("#pct-team-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.status)")
    assert statuses == [person["status"] for person in expected["employees"]]
    deadlines = page.locator("#pct-team-table tbody tr td:nth-child(3) time").evaluate_all(
        "els => els.map(e => e.getAttribute('datetime'))"
    )
    assert deadlines == [p["dates"]["temp_password_expires"] for p in expected["employees"] if not p["signed_in"]]

    page.check("#pct-team-filter")
    needing = sum(person["needs_action"] for person in expected["employees"])
    expect(page.locator("#pct-team-table tbody tr")).to_have_count(needing)

    with page.expect_download() as info:
        page.click("[data-team-action=export]")
    exported = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert SECRET not in exported
    assert "'=cmd" not in exported  # nothing to neutralise here; the engine tests cover formula injection
    assert XSS_NAME.replace('"', '""') in exported

    page.reload()  # kept on the device, recomputed
    expect(page.locator("#pct-app")).to_have_attribute("data-engine", "ready", timeout=60_000)
    expect(page.locator("#pct-team-table tbody tr")).to_have_count(4)


def test_a_bad_file_says_what_is_wrong_and_keeps_the_previous_team(csp_server: SiteServer, page: Page) -> None:
    open_checklist(page, checklist_url(csp_server, "fr"))
    answer(page, "role", "admin")
    import_team(page, team_csv(browser_today(page), count=2))
    expect(page.locator("#pct-team-table tbody tr")).to_have_count(2)
    import_team(page, "Foo,Bar\n1,2\n")  # no name/e-mail column
    expect(page.locator("#pct-team-error")).to_be_visible()
    expect(page.locator("#pct-team-error")).to_contain_text("colonne")
    expect(page.locator("#pct-team-table tbody tr")).to_have_count(2)
    page.set_input_files(
        "#pct-team-file", files=[{"name": "big.csv", "mimeType": "text/csv", "buffer": b"Name,Created on\n" + b"x" * 10_500_000}]
    )
    expect(page.locator("#pct-team-error")).to_contain_text("Mo")
    expect(page.locator("#pct-team-table tbody tr")).to_have_count(2)


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != "en"])
def test_team_screenshots(csp_server: SiteServer, page: Page, language: str) -> None:
    """A 20-person team, in French and Chinese: artifacts/screenshots/team-*.png, for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    open_checklist(page, checklist_url(csp_server, language))
    answer(page, "role", "admin")
    import_team(page, team_csv(browser_today(page), count=20))
    expect(page.locator("#pct-team-table tbody tr")).to_have_count(20)
    page.locator("#pct-team").screenshot(path=str(SCREENSHOTS / f"team-{language}.png"))
    assert (SCREENSHOTS / f"team-{language}.png").read_bytes()[:4] == b"\x89PNG"
