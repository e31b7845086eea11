"""A PMC company's admin, asked today (after PMC's retirement): the page asks no date at all, says the FAQ's
steps, and neither the key dates nor the calendar button tell the reader to answer date questions that are not
there. In Debian chromium, each language, against the engine's own plan (the CLI)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from checklist.web import page_strings
from tests.helpers.checklist import answer, checklist_url, cli_plan, open_checklist, step_box
from tests.helpers.docs import LANGUAGES
from tools.site_server import SiteServer

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_pmc_company_admin_today_gets_the_faq_steps_and_no_date_to_answer(
    csp_server: SiteServer, page: Page, language: str
) -> None:
    words = page_strings(language)
    open_checklist(page, checklist_url(csp_server, language))
    answers = {"role": "admin", "situation": "transition", "csp": True, "marketplace": True}
    for field, value in answers.items():
        answer(page, field, value)
    today = page.locator("#pct-plan").get_attribute("data-today")
    expected = cli_plan(answers, language, today)
    assert expected["dates"] == {}  # the engine computes no PMC date today: the page must not ask for one
    assert [w["code"] for w in expected["warnings"]].count("pmc_retired") == 1
    expect(page.locator("#pct-form .pct-question:not([hidden]) .pct-date")).to_have_count(0)
    expect(page.locator(step_box("membership.new_mpn_id"))).to_be_visible()
    link = page.locator('.pct-step[data-step="membership.new_mpn_id"] a').first
    expect(link).to_have_attribute(
        "href", re.compile(r"pmc-retirement-faq/#what-will-happen-to-my-existing-pmc-mpn-id$")
    )
    expect(page.locator(".pct-warnings")).to_contain_text(
        next(w["message"] for w in expected["warnings"] if w["code"] == "pmc_retired")[:40]
    )
    expect(page.locator("#pct-plan .pct-hint")).to_have_text(words["no_dates_here"])
    calendar = page.locator('[data-action="calendar"]')
    expect(calendar).to_be_disabled()
    expect(page.locator("#pct-calendar-reason")).to_have_text(words["calendar_no_dates_here"])
    for absent in ("date_pmc_membership_end", "pmc_membership_end"):
        expect(page.locator(f"#pct-f-{absent}-day")).to_have_count(0)
