"""Issue 12: the checklist for every reader, in Debian chromium with the page's CSP.

Driven by the keyboard only (Tab, Shift+Tab, Space, Enter) in the three languages, read through the
accessibility tree (Playwright's aria snapshots: names, checked states, the live region), not only axe. Dates
are typed on each language's page under en-US, fr-FR and zh-TW browser locales; overdue steps, share links
pasted into an open tab, bookmarks and print are checked as a reader meets them.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from checklist.i18n import Texts
from checklist.web import page_strings
from tests.helpers.browser import picture
from tests.helpers.checklist import (
    READY_TIMEOUT,
    checklist_url,
    cli_plan,
    open_checklist,
    plan_revision,
    step_box,
    wait_for_new_plan,
)
from tests.helpers.docs import LANGUAGES
from tools.site_server import SiteServer

pytestmark = pytest.mark.browser

LOCALES = ("en-US", "fr-FR", "zh-TW")
PARTS = {"en": ("day", "month", "year"), "fr": ("day", "month", "year"), "zh-TW": ("year", "month", "day")}
# 1 September 2026 in words, as the engine writes it in each language (never 9 January).
SEPTEMBER_FIRST = {language: Texts(language).date(dt.date(2026, 9, 1)) for language in LANGUAGES}


def focused(page: Page) -> str:
    return page.evaluate("() => document.activeElement?.id ?? ''")


def tab_to(page: Page, element_id: str, key: str = "Tab", limit: int = 250) -> None:
    """Press Tab (or Shift+Tab) until the element with `element_id` has the focus, as a keyboard user does."""
    for _ in range(limit):
        if focused(page) == element_id:
            return
        page.keyboard.press(key)
    raise AssertionError(f"{key} never reached #{element_id} (focus on #{focused(page)})")


def press_and_wait(page: Page, key: str) -> None:
    before = plan_revision(page)
    page.keyboard.press(key)
    wait_for_new_plan(page, before)


def norm(text: str) -> str:
    """Text as the accessibility tree gives it: no-break spaces read as spaces, runs of spaces as one."""
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


def status(page: Page) -> str:
    """What the polite live region says, read from the accessibility tree."""
    return norm(page.locator("#pct-status").aria_snapshot())


def today_of(page: Page) -> str:
    """The day of the engine's plan (the browser's today), once the live plan is painted."""
    expect(page.locator("#pct-plan")).to_have_attribute("data-source", "live")
    return page.locator("#pct-plan").get_attribute("data-today") or ""


def days(today: str, n: int) -> str:
    return (dt.date.fromisoformat(today) + dt.timedelta(days=n)).isoformat()


def type_date_by_keyboard(page: Page, field: str, iso: str, language: str) -> None:
    """Tab into the date's first box, then type each part and Tab on, in the order of the page's language."""
    year, month, day = iso.split("-")
    typed = {"day": str(int(day)), "month": str(int(month)), "year": year}
    first, *_ = PARTS[language]
    tab_to(page, f"pct-f-{field}-{first}")
    for part in PARTS[language]:
        assert focused(page) == f"pct-f-{field}-{part}"
        page.keyboard.type(typed[part])
        page.keyboard.press("Tab")


# --- focus indicator -----------------------------------------------------------------------------------------


def luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = (luminance(tuple(float(x) for x in re.findall(r"[\d.]+", c)[:3])) for c in (a, b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def ring(page: Page) -> dict:
    """The focused element's outline and the page background behind it."""
    return page.evaluate(
        """() => {
            const el = document.activeElement, style = getComputedStyle(el);
            return {id: el.id, style: style.outlineStyle, width: parseFloat(style.outlineWidth),
                    color: style.outlineColor, background: getComputedStyle(document.body).backgroundColor,
                    visible: el.matches(':focus-visible')};
        }"""
    )


def assert_visible_ring(page: Page) -> None:
    seen = ring(page)
    assert seen["visible"], seen
    assert seen["style"] != "none" and seen["width"] >= 2, f"no focus indicator on #{seen['id']}: {seen}"
    assert contrast(seen["color"], seen["background"]) >= 3, seen


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_every_kind_of_control_shows_a_focus_ring_of_3_to_1_in_both_schemes(
    csp_server: SiteServer, page: Page, scheme: str
) -> None:
    open_checklist(page, f"{checklist_url(csp_server, 'en')}#checklist?role=employee")
    page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
    page.locator("h1").click()  # the focus starts from the page's title, not a control
    tab_to(page, "pct-f-role-employee")  # a radio
    assert_visible_ring(page)
    picture(page, f"a11y-focus-radio-{scheme}.png")
    tab_to(page, "pct-f-temp_password_issued_on-day")  # a date box
    assert_visible_ring(page)
    tab_to(page, "pct-f-exams_associated_at-time")
    page.keyboard.press("Tab")  # the first toolbar button
    assert page.evaluate("document.activeElement.dataset.action") == "change"
    assert_visible_ring(page)
    picture(page.locator("#pct-actions"), f"a11y-focus-button-{scheme}.png")
    tab_to(page, "pct-step-employee.get_signin_info")  # a step's checkbox
    assert_visible_ring(page)
    picture(page.locator(".pct-steps").first, f"a11y-focus-step-{scheme}.png")
    page.keyboard.press("Tab")  # its "How to do it" link
    assert_visible_ring(page)


# --- keyboard-only journey, accessibility tree ---------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_keyboard_only_admin_journey_keeps_the_place_and_announces_progress(
    csp_server: SiteServer, page: Page, language: str
) -> None:
    words = page_strings(language)
    open_checklist(page, checklist_url(csp_server, language))
    page.locator("h1").click()
    tab_to(page, "pct-f-role-admin")
    press_and_wait(page, "Space")
    tab_to(page, "pct-f-situation-transition")
    press_and_wait(page, "Space")
    today = today_of(page)
    answers = {"role": "admin", "situation": "transition"}
    expected = cli_plan(answers, language, today)

    # The live region says the progress in the page's language.
    assert norm(expected["progress"]["text"]) in status(page)
    # Today a PMC company is sent to the retirement FAQ's steps (a due date in a step's name: the employee's
    # journey below), and the question on its PMC end date is not asked any more.
    (new_id,) = [s for s in expected["remaining"] if s["id"] == "membership.new_mpn_id"]
    name = page.locator(step_box("membership.new_mpn_id")).evaluate("el => el.getAttribute('aria-label')")
    assert new_id["title"] in name
    expect(page.locator("#pct-f-pmc_membership_end-day")).to_have_count(0)

    # Tick the first step with Space: it stays where it is, the focus stays on it, progress is announced.
    group = [s["id"] for s in expected["remaining"] if s["group"] == "prepare"]
    tab_to(page, f"pct-step-{group[0]}")
    press_and_wait(page, "Space")
    assert focused(page) == f"pct-step-{group[0]}"
    expect(page.locator(step_box(group[0]))).to_be_checked()
    ticked = cli_plan({**answers, "done": [group[0]]}, language, today)
    assert norm(ticked["progress"]["text"]) in status(page)
    order = page.locator('[data-group="prepare"] .pct-step').evaluate_all("els => els.map(e => e.dataset.step)")
    assert order == group, "a ticked step must not move under the focus"
    tree = page.locator('[data-group="prepare"]').aria_snapshot()
    assert re.search(r"checkbox \"[^\"]*\" \[checked\]", tree), tree
    # The next Tabs go to its link, then to the step that followed: nothing skipped.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.pct-step')?.dataset.step") == group[0]
    page.keyboard.press("Tab")
    assert focused(page) == f"pct-step-{group[1]}"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert focused(page) == f"pct-step-{group[0]}"
    # The next step to do is marked, and said in its name.
    next_box = page.locator(step_box(group[1]))
    assert words["next_step"] in (next_box.get_attribute("aria-label") or "")

    # "Your answers" lists them; Enter on a "Change" link takes the focus to that question.
    summary = page.locator("#pct-summary").aria_snapshot()
    assert words["summary_title"] in summary
    change = page.locator('#pct-summary [data-field="situation"] a')
    change.focus()
    page.keyboard.press("Enter")
    assert focused(page) == "pct-f-situation-transition"


@pytest.mark.parametrize("language", LANGUAGES)
def test_new_and_cleared_warnings_are_announced_and_the_overdue_step_is_marked(
    csp_server: SiteServer, page: Page, language: str
) -> None:
    words = page_strings(language)
    open_checklist(page, f"{checklist_url(csp_server, language)}#checklist?role=employee")
    today = today_of(page)
    issued = days(today, -100)  # the password stopped working 10 days ago: signing in is overdue
    before = plan_revision(page)
    type_date_by_keyboard(page, "temp_password_issued_on", issued, language)
    wait_for_new_plan(page, before)
    answers = {"role": "employee", "temp_password_issued_on": issued}
    expected = cli_plan(answers, language, today)
    (warning,) = expected["warnings"]
    assert norm(warning["message"]) in status(page)

    (sign_in,) = [s for s in expected["remaining"] if s["id"] == "employee.sign_in"]
    assert sign_in["overdue"] is True
    item = page.locator('.pct-step[data-step="employee.sign_in"]')
    expect(item).to_have_class(re.compile(r"\bpct-step--overdue\b"))
    expect(item.locator(".pct-step__overdue")).to_have_text(sign_in["overdue_text"])
    name = page.locator(step_box("employee.sign_in")).get_attribute("aria-label") or ""
    assert words["overdue"] in name and sign_in["due_text"] in name
    # Title and badges joined with the language's comma, a page string ("，" in zh-TW), not one the JS knows.
    assert name.startswith(words["name_and"].format(before=sign_in["title"], after=words["overdue"])), name
    picture(item, f"a11y-overdue-{language}.png")

    # Ticking the step clears the warning: the reader hears that it no longer applies.
    tab_to(page, "pct-step-employee.sign_in")
    press_and_wait(page, "Space")
    said = status(page)
    assert norm(words["warning_cleared"].replace("{message}", warning["message"])) in said
    assert norm(cli_plan({**answers, "done": ["employee.sign_in"]}, language, today)["progress"]["text"]) in said


# --- dates that follow the page's language, not the browser's ------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_typed_date_is_the_date_the_reader_meant_whatever_the_browser_locale(
    csp_server: SiteServer, browser: Browser, language: str, locale: str
) -> None:
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        open_checklist(page, f"{checklist_url(csp_server, language)}#checklist?role=employee")
        words = page_strings(language)
        # The boxes are labelled in the page's language and come in its order.
        labels = page.locator("#pct-f-temp_password_issued_on label").all_inner_texts()
        assert labels == [words[f"date_{part}"] for part in PARTS[language]]
        before = plan_revision(page)
        # 1 September 2026, typed as the page asks ("01/09" on a French page is never 9 January).
        typed = {"day": "1", "month": "9", "year": "2026"}
        question = page.locator('.pct-question[data-field="temp_password_issued_on"]')
        for part in PARTS[language]:
            question.get_by_label(words[f"date_{part}"], exact=True).fill(typed[part])
        question.get_by_label(words[f"date_{PARTS[language][-1]}"], exact=True).press("Tab")
        wait_for_new_plan(page, before)
        assert "temp_password_issued_on=2026-09-01" in urlparse(page.url).fragment
        expires = page.locator('.pct-dates dd[data-date="temp_password_expires"] time')
        expect(expires).to_have_attribute("datetime", "2026-11-30")
        expect(page.locator('#pct-summary [data-field="temp_password_issued_on"]')).to_contain_text(
            SEPTEMBER_FIRST[language]
        )
        if language == "fr" and locale == "en-US":
            picture(page.locator("#pct-form .pct-question[data-field='temp_password_issued_on']"), "a11y-date-fr.png")
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_day_that_does_not_exist_is_named_beside_the_field_and_announced(
    csp_server: SiteServer, page: Page, language: str
) -> None:
    words = page_strings(language)
    open_checklist(page, f"{checklist_url(csp_server, language)}#checklist?role=employee")
    page.fill("#pct-f-temp_password_issued_on-day", "31")
    page.fill("#pct-f-temp_password_issued_on-month", "2")
    page.fill("#pct-f-temp_password_issued_on-year", "2026")
    # Named once the reader leaves the boxes: Tab out of the last one in the page's order.
    page.locator(f"#pct-f-temp_password_issued_on-{PARTS[language][-1]}").press("Tab")
    error = page.locator("#pct-f-temp_password_issued_on-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text(words["date_not_a_date"])
    assert norm(words["date_not_a_date"]) in status(page)
    expect(page.locator("#pct-f-temp_password_issued_on-day")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#pct-f-temp_password_issued_on-day")).to_have_value("31")  # nothing typed is lost
    # Half a date is not an error while the reader is still in the boxes.
    page.fill("#pct-f-temp_password_issued_on-day", "")
    page.locator("#pct-f-temp_password_issued_on-day").focus()
    page.keyboard.press("Tab")
    expect(error).to_be_visible()
    page.keyboard.press("Shift+Tab")
    page.keyboard.type("28")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(error).to_be_hidden()
    expect(page.locator('.pct-dates dd[data-date="temp_password_expires"] time')).to_have_attribute(
        "datetime", "2026-05-29"
    )


# --- links: pasted into an open tab, bookmarkable at any time ------------------------------------------------


def test_a_share_link_pasted_into_an_open_tab_changes_the_answers(csp_server: SiteServer, page: Page) -> None:
    url = checklist_url(csp_server, "en")
    open_checklist(page, url)
    before = plan_revision(page)
    page.check("#pct-f-role-employee")  # the reader's own answers
    wait_for_new_plan(page, before)
    before = plan_revision(page)
    page.evaluate(  # an old link: its PMC end date is no longer asked, and ignored (PMC's retirement)
        "() => { location.hash = '#checklist?role=admin&situation=transition&pmc_membership_end=2027-06-30'; }"
    )
    wait_for_new_plan(page, before)
    expect(page.locator("#pct-f-role-admin")).to_be_checked()
    expect(page.locator('.pct-step[data-step="membership.new_mpn_id"]')).to_have_count(1)
    expect(page.locator('.pct-dates dd[data-date="renew_by"]')).to_have_count(0)
    # Their own answers were kept aside, with a way back.
    expect(page.locator("#pct-alert")).to_contain_text(page_strings("en")["shared_loaded"])
    page.get_by_role("button", name=page_strings("en")["restore_previous"]).click()
    expect(page.locator("#pct-f-role-employee")).to_be_checked()


def test_the_address_bar_always_reproduces_the_plan(csp_server: SiteServer, page: Page, browser: Browser) -> None:
    open_checklist(page, checklist_url(csp_server, "fr"))
    page.locator("h1").click()
    tab_to(page, "pct-f-role-admin")
    press_and_wait(page, "Space")
    tab_to(page, "pct-step-prepare.global_admin")
    press_and_wait(page, "Space")
    bookmark = page.url
    assert "role=admin" in bookmark and "done=prepare.global_admin" in bookmark
    # Reloading the reader's own bookmark is not "a shared link": no message, same plan.
    page.reload()
    expect(page.locator("#pct-app")).to_have_attribute("data-engine", "ready", timeout=READY_TIMEOUT)
    expect(page.locator("#pct-alert")).to_be_hidden()
    other = browser.new_context()
    try:
        fresh = other.new_page()
        open_checklist(fresh, bookmark)
        expect(fresh.locator("#pct-plan")).to_have_attribute("data-source", "live")
        expect(fresh.locator(step_box("prepare.global_admin"))).to_be_checked()
        expect(fresh.locator("#pct-f-role-admin")).to_be_checked()
    finally:
        other.close()


# --- print ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_print_has_answers_date_plan_and_addresses_without_buttons_or_import_box(
    csp_server: SiteServer, page: Page, language: str
) -> None:
    words = page_strings(language)
    open_checklist(page, f"{checklist_url(csp_server, language)}#checklist?role=admin&situation=transition")
    expect(page.locator("#pct-team")).to_be_visible()
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    printed = page.locator("#pct-printed")
    expect(printed).to_be_visible()
    assert words["printed_on"].split("{date}")[0].strip() in printed.inner_text()
    assert "#checklist?role=admin" in printed.inner_text()
    expect(page.locator("#pct-summary")).to_be_visible()
    expect(page.locator("#pct-plan .pct-step").first).to_be_visible()
    assert page.locator("#pct-app button:visible").count() == 0
    expect(page.locator("#pct-team-file")).to_be_hidden()
    expect(page.locator("#pct-form")).to_be_hidden()
    link = page.locator(".pct-step__link a").first
    assert re.match(r"https?://[^/]+/.*#", link.get_attribute("data-print-url") or ""), "an absolute address"
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert "data-print-url" in after or "http" in after, after
    picture(page, f"a11y-print-{language}.pdf")
