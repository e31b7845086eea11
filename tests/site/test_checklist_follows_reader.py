"""Issue 21: the plan follows what the reader sees, in Debian chromium with the page's CSP.

A date corrected box by box (24 August → day 3 → month 12 makes 3 August for a moment, then a day later than
today) must never drive the plan with the in-between day, and the refused day is never kept: not in storage,
not in the address, not after a reload; the plan is made without it and says it waits for that answer. Also:
a whole date pasted into any box fills the three, the status line says "ready" once the engine is, the
calendar button says why it is disabled, each "How to do it" link is named with its step (live and
pre-rendered), and the offline line is not printed.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from checklist.web import page_context, page_strings, questions
from tests.helpers.checklist import (
    answer,
    checklist_url,
    cli_plan,
    date_box,
    date_value,
    open_checklist,
    plan_revision,
    wait_for_new_plan,
)
from tests.helpers.docs import LANGUAGES
from tools.site_server import SiteServer

pytestmark = pytest.mark.browser

FIELD = "temp_password_issued_on"  # the employee's date: it cannot be later than today


def correction(today: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    """(first, in-between, refused) for a date corrected day first, then month, as in the issue: 24 August,
    then day 3 (3 August, in the past), then month 12 (3 December, later than today); the nearest such days
    for another `today`, always in today's year so that only the day and the month boxes change."""
    for day in (3, *range(1, 29)):
        for month in range(12, 0, -1):
            refused = dt.date(today.year, month, day)
            if refused <= today:
                continue
            for earlier in range(month - 1, 0, -1):
                between = dt.date(today.year, earlier, day)
                first = between.replace(day=24 if day != 24 else 20)
                if between < today and first < today:
                    return first, between, refused
    raise AssertionError(f"no box-by-box correction that ends after {today} within its year")  # only 1-2 January


def question_label(language: str, field: str) -> str:
    (found,) = [q for q in questions(language, dt.date.today()) if q["field"] == field]
    return found["label"]


RECORD_PLANS = """() => {
    window.pctPlans = [];
    const app = document.getElementById('pct-app');
    const record = () => {
        const plan = document.getElementById('pct-plan');
        if (plan.dataset.source === 'live') window.pctPlans.push(plan.textContent);
    };
    new MutationObserver(record).observe(app, {childList: true});
}"""


def stored_text(page: Page) -> str:
    """Everything the page stored on this device, as one text."""
    return page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('pct-'))"
        ".map(k => localStorage.getItem(k)).join('\\n')"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_date_corrected_box_by_box_never_computes_from_the_in_between_day_nor_keeps_the_refused_one(
    csp_server: SiteServer, page: Page, language: str
) -> None:
    words = page_strings(language)
    url = checklist_url(csp_server, language)
    open_checklist(page, url)
    answer(page, "role", "employee")
    today = dt.date.fromisoformat(page.locator("#pct-plan").get_attribute("data-today") or "")
    first, between, refused = correction(today)
    answer(page, FIELD, first.isoformat())
    page.evaluate(RECORD_PLANS)

    # The day, then the month, as a reader corrects them; then the reader leaves the boxes.
    before = plan_revision(page)
    page.fill(date_box(FIELD, "day"), str(refused.day))
    page.fill(date_box(FIELD, "month"), str(refused.month))
    page.locator("h1").click()
    wait_for_new_plan(page, before)

    # Refused beside the field, and the plan is made without it, saying which answer it waits for.
    error = page.locator(f'.pct-question[data-field="{FIELD}"] .pct-error')
    expect(error).to_be_visible()
    expect(error).to_contain_text(words["field_error"].split("{message}")[0].strip())
    waiting = page.locator(f'#pct-plan .pct-waiting[data-field="{FIELD}"]')
    expect(waiting).to_have_text(words["waiting_for"].replace("{question}", question_label(language, FIELD)))
    unanswered = cli_plan({"role": "employee"}, language, today.isoformat())
    expect(page.locator("#pct-progress-label")).to_have_text(unanswered["progress"]["text"])
    expect(page.locator("#pct-plan .pct-dates")).to_have_count(0)  # no key date from any value of the field

    # No plan of this visit ever showed the in-between day's dates (3 August + 90 days), nor the refused day's.
    shown = page.evaluate("() => window.pctPlans")
    assert shown, "the correction painted no live plan"
    for other in (between, refused):
        other_plan = cli_plan({"role": "employee", FIELD: other.isoformat()}, language, other.isoformat())
        for text in other_plan["dates_text"].values():
            assert not any(text in plan for plan in shown), f"a plan showed {text}, made from {other}"
    # The reader's answers summary does not list the refused day either.
    expect(page.locator(f'#pct-summary [data-field="{FIELD}"]')).to_have_count(0)

    # Never kept: not on the device, not in the address (the share link), not after a reload.
    for day in (refused, between):
        assert day.isoformat() not in stored_text(page)
        assert day.isoformat() not in page.url
    page.reload()
    expect(page.locator("#pct-app")).to_have_attribute("data-engine", "ready", timeout=60_000)
    assert date_value(page, FIELD) in ("", first.isoformat()), date_value(page, FIELD)
    assert refused.isoformat() not in stored_text(page)


def test_enter_in_the_boxes_says_the_date_is_written(csp_server: SiteServer, page: Page) -> None:
    open_checklist(page, checklist_url(csp_server, "zh-TW"))
    answer(page, "role", "employee")
    today = dt.date.fromisoformat(page.locator("#pct-plan").get_attribute("data-today") or "")
    issued = today - dt.timedelta(days=30)
    before = plan_revision(page)
    for part in ("year", "month", "day"):
        page.fill(date_box(FIELD, part), str(getattr(issued, part)))
    page.locator(date_box(FIELD, "month")).press("Enter")  # still in the boxes, not leaving them
    wait_for_new_plan(page, before)
    expected = cli_plan({"role": "employee", FIELD: issued.isoformat()}, "zh-TW", today.isoformat())
    expect(page.locator('.pct-dates dd[data-date="temp_password_expires"] time')).to_have_attribute(
        "datetime", expected["dates"]["temp_password_expires"]
    )


@pytest.mark.parametrize(
    ("language", "part", "text"),
    [
        ("en", "day", "15/06/2027"),
        ("en", "month", "June 15, 2027"),
        ("en", "year", "2027-06-15"),
        ("fr", "day", "15 juin 2027"),
        ("fr", "year", "15/06/2027"),
        ("zh-TW", "year", "2027年6月15日"),
        ("zh-TW", "month", "15/06/2027"),
        ("zh-TW", "day", "2027-06-15"),
    ],
)
def test_a_whole_date_pasted_into_any_box_fills_the_three(
    csp_server: SiteServer, page: Page, language: str, part: str, text: str
) -> None:
    open_checklist(page, checklist_url(csp_server, language))
    answer(page, "role", "employee")
    box = page.locator(date_box(FIELD, part))
    box.focus()
    box.evaluate(
        """(box, text) => {
            const data = new DataTransfer();
            data.setData('text/plain', text);
            box.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        text,
    )
    for name, value in (("day", "15"), ("month", "06"), ("year", "2027")):
        expect(page.locator(date_box(FIELD, name))).to_have_value(value)


def test_a_pasted_text_that_is_no_date_is_kept_as_pasted_and_named(csp_server: SiteServer, page: Page) -> None:
    open_checklist(page, checklist_url(csp_server, "en"))
    answer(page, "role", "employee")
    box = page.locator(date_box(FIELD, "day"))
    box.focus()
    box.evaluate(
        """box => {
            const data = new DataTransfer();
            data.setData('text/plain', 'next Tuesday 3pm');
            box.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
        }"""
    )
    expect(box).to_have_value("next Tuesday 3pm")
    expect(page.locator(date_box(FIELD, "month"))).to_have_value("")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_status_line_says_ready_once_the_engine_is(csp_server: SiteServer, page: Page, language: str) -> None:
    words = page_strings(language)
    open_checklist(page, checklist_url(csp_server, language))
    status = page.locator("#pct-status")
    expect(status).to_have_text(words["engine_ready"])
    for loading in ("loading", "start_engine", "start_python", "stored"):
        expect(status).not_to_have_text(words[loading])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_disabled_calendar_button_says_why(csp_server: SiteServer, page: Page, language: str) -> None:
    words = page_strings(language)
    open_checklist(page, checklist_url(csp_server, language))
    answer(page, "role", "employee")
    calendar = page.get_by_role("button", name=words["calendar"])
    expect(calendar).to_be_disabled()
    expect(calendar).to_have_accessible_description(words["calendar_no_dates"])
    expect(page.locator("#pct-calendar-reason")).to_be_visible()
    today = page.locator("#pct-plan").get_attribute("data-today") or ""
    answer(page, FIELD, (dt.date.fromisoformat(today) - dt.timedelta(days=10)).isoformat())
    expect(calendar).to_be_enabled()
    expect(calendar).to_have_accessible_description("")
    expect(page.locator("#pct-calendar-reason")).to_be_hidden()


def norm(text: str) -> str:
    """Text as the accessibility tree gives it: no-break spaces read as spaces."""
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


def guide_link_names(snapshot: str, prefix: str) -> list[str]:
    """The names of the links under a plan's aria snapshot (YAML) that start with `prefix`."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(key)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, str):
            link = re.fullmatch(r'link "(.*)"', node)
            if link and norm(link[1]).startswith(norm(prefix)):
                found.append(norm(link[1]))

    walk(yaml.safe_load(snapshot))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_how_to_link_is_named_with_its_step_live_and_pre_rendered(
    csp_server: SiteServer, page: Page, browser: Browser, language: str
) -> None:
    words = page_strings(language)
    prefix = words["read_guide_named"].split("{step}")[0]
    open_checklist(page, checklist_url(csp_server, language))
    answer(page, "role", "employee")
    live = guide_link_names(page.locator("#pct-plan").aria_snapshot(), prefix)
    steps = page.locator("#pct-plan .pct-step__link a")
    assert len(live) == steps.count() >= 5, live
    assert len(set(live)) == len(live), live
    titles = page.locator("#pct-plan .pct-step__title").all_text_contents()
    assert sorted(live) == sorted(norm(words["read_guide_named"].replace("{step}", title)) for title in titles)

    context = browser.new_context(java_script_enabled=False)  # the build's list, as without JavaScript
    try:
        plain = context.new_page()
        plain.goto(checklist_url(csp_server, language))
        built = guide_link_names(plain.locator("#pct-plan").aria_snapshot(), prefix)
    finally:
        context.close()
    expected = [
        norm(words["read_guide_named"].replace("{step}", step["title"]))
        for item in page_context(language, dt.date.today())["overview"]
        for step in item["plan"]["remaining"]
    ]
    assert sorted(built) == sorted(expected) and len(built) >= 10, built


def test_the_offline_line_is_not_printed(csp_server: SiteServer, page: Page) -> None:
    words = page_strings("en")
    open_checklist(page, checklist_url(csp_server, "en"))
    line = page.locator("#pct-offline")
    expect(line).to_have_text(words["offline_ready"], timeout=60_000)
    expect(line).to_be_visible()
    page.emulate_media(media="print")
    expect(line).to_be_hidden()
    expect(page.locator("#pct-plan")).to_be_visible()  # the plan itself is printed
