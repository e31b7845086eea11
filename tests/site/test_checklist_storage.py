"""Storage that tells the truth, stored data treated as data, and the page's components (issues 16 and 18).

Each journey is one a reader meets: Safari private mode (setItem throws), a full quota, site data blocked (the
localStorage getter throws), a stored plan that is corrupt, malformed or hostile, several share links in a row,
two tabs ticking steps, deleting everything. The engine really runs, in Debian chromium, under the page's CSP.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from urllib.parse import quote

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.helpers.browser import picture
from tests.helpers.checklist import (
    PYODIDE,
    READY_TIMEOUT,
    answer,
    browser_today,
    checklist_url,
    date_value,
    days_from,
    open_checklist,
    step_box,
    tick,
)
from tests.helpers.docs import ROOT
from tools.site_server import SiteServer

pytestmark = pytest.mark.browser

SAVED_SOURCE = re.compile(r"^(first-paint|stored)$")  # the plan as it was saved, not recomputed


SET_ITEM_THROWS = """
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};
"""
STORAGE_BLOCKED = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("Access is denied for this document.", "SecurityError"); },
});
"""
# Fill the origin's storage until a single character no longer fits: what a full quota looks like.
FILL_QUOTA = """() => {
  let size = 1 << 20, n = 0;
  while (size >= 1) {
    try { localStorage.setItem(`filler-${n++}`, "x".repeat(size)); } catch { size = Math.floor(size / 2); }
  }
  return n;
}"""
STORED_KEYS = "() => Object.keys(localStorage).filter(k => k.startsWith('pct-')).sort()"


def stored(page: Page, key: str = "pct-checklist") -> object:
    raw = page.evaluate("key => localStorage.getItem(key)", key)
    return None if raw is None else json.loads(raw)


def screenshot(page: Page, name: str) -> None:
    picture(page, f"checklist-storage-{name}.png", full_page=True)


def page_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def string(language: str, key: str) -> str:
    from checklist.web import page_strings

    return page_strings(language)[key]


# --- writes that fail ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "zh-TW"])
def test_set_item_throwing_is_said_at_once_and_the_page_still_works(
    csp_server: SiteServer, fresh_context: BrowserContext, language: str
) -> None:
    fresh_context.add_init_script(SET_ITEM_THROWS)
    page = fresh_context.new_page()
    errors = page_errors(page)
    page.goto(checklist_url(csp_server, language))
    notice = page.locator("#pct-storage-notice")
    expect(notice).to_have_text(string(language, "storage_failed"))  # before Python is ready: at once
    expect(page.locator("#pct-app")).to_have_attribute("data-engine", "ready", timeout=READY_TIMEOUT)
    answer(page, "role", "employee")
    answer(page, "temp_password_issued_on", days_from(browser_today(page), -30))
    tick(page, "employee.sign_in")
    expect(page.locator(step_box("employee.sign_in"))).to_be_checked()
    expect(notice).to_be_visible()
    assert page.evaluate(STORED_KEYS) == []
    screenshot(page, f"private-mode-{language}")
    assert errors == []


@pytest.mark.parametrize("language", ["fr", "zh-TW"])
def test_full_quota_and_corrupt_state_promise_no_copy_that_was_not_written(
    csp_server: SiteServer, page: Page, language: str
) -> None:
    page.goto(checklist_url(csp_server, language))
    page.evaluate("localStorage.setItem('pct-checklist', '{\"version\": 1, \"answers\": [oops')")
    page.evaluate(FILL_QUOTA)
    open_checklist(page, checklist_url(csp_server, language))
    alert = page.locator("#pct-alert")
    expect(alert).to_have_text(string(language, "corrupt_state_not_kept"))
    keys = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('pct-checklist'))")
    assert all(key not in alert.inner_text() for key in keys)
    answer(page, "role", "employee")  # the state write fails now: the reader is told nothing is kept
    expect(page.locator("#pct-storage-notice")).to_have_text(string(language, "storage_failed"))
    screenshot(page, f"full-quota-{language}")


def test_corrupt_state_names_its_copy_when_the_copy_exists(csp_server: SiteServer, page: Page) -> None:
    page.goto(checklist_url(csp_server, "zh-TW"))
    page.evaluate("localStorage.setItem('pct-checklist', 'not json at all')")
    open_checklist(page, checklist_url(csp_server, "zh-TW"))
    kept = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('pct-checklist.unreadable'))")
    assert len(kept) == 1, kept
    assert page.evaluate("k => localStorage.getItem(k)", kept[0]) == "not json at all"
    expect(page.locator("#pct-alert")).to_contain_text(kept[0])
    expect(page.locator("#pct-storage-notice")).to_be_hidden()


# --- blocked storage -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "zh-TW"])
def test_blocked_storage_keeps_share_links_and_the_page_working(
    csp_server: SiteServer, fresh_context: BrowserContext, language: str
) -> None:
    fresh_context.add_init_script(STORAGE_BLOCKED)
    page = fresh_context.new_page()
    errors = page_errors(page)
    today_issue = "2026-10-15"
    open_checklist(
        page, f"{checklist_url(csp_server, language)}#checklist?role=employee&temp_password_issued_on={today_issue}"
    )
    expect(page.locator("#pct-form")).to_be_visible()
    expect(page.locator("#pct-f-role-employee")).to_be_checked()
    expect(page.locator("#pct-f-temp_password_issued_on-year")).to_have_value(today_issue[:4])
    assert date_value(page, "temp_password_issued_on") == today_issue
    expect(page.locator("#pct-plan")).to_have_attribute("data-source", "live")
    expect(page.locator("#pct-storage-notice")).to_have_text(string(language, "storage_failed"))
    tick(page, "employee.sign_in")
    screenshot(page, f"blocked-{language}")
    # Material's own scripts may still stumble on blocked storage (the search helper's part): only ours count.
    assert [error for error in errors if "checklist" in error] == [], errors


# --- stored data is data -------------------------------------------------------------------------------------


def test_malformed_stored_plan_is_set_aside_and_start_over_works(csp_server: SiteServer, page: Page) -> None:
    errors = page_errors(page)
    page.goto(checklist_url(csp_server, "en"))
    malformed = {"version": 1, "answers": {"role": "employee"}, "plan": {"language": "en"}}
    page.evaluate("value => localStorage.setItem('pct-checklist', value)", json.dumps(malformed))
    open_checklist(page, checklist_url(csp_server, "en"))
    expect(page.locator("#pct-alert")).to_be_visible()
    kept = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('pct-checklist.unreadable'))")
    assert len(kept) == 1 and stored(page, kept[0]) == malformed
    answer(page, "role", "employee")
    page.click("[data-action=reset]")
    expect(page.locator("#pct-f-role-employee")).not_to_be_checked()
    assert stored(page)["answers"] == {}
    assert errors == []


def plan_for_today(page: Page, issued: str) -> dict:
    document = {"role": "employee", "language": "en", "today": browser_today(page), "temp_password_issued_on": issued}
    result = subprocess.run(
        [sys.executable, "-m", "checklist"], input=json.dumps(document), capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


HOSTILE_LINKS = [
    "javascript:window.__pwned=1",
    "//evil.example/transition/#x",
    "https://evil.example/",
    '/transition/#a"onmouseover=x',
    "data:text/html,<script>1</script>",
]


def test_links_in_a_stored_plan_are_never_painted_as_stored(csp_server: SiteServer, page: Page) -> None:
    page.route(f"**{PYODIDE}pyodide.asm.wasm", lambda route: None)  # Python never ready: the stored plan stays
    page.goto(checklist_url(csp_server, "en"))
    issued = days_from(browser_today(page), -30)
    plan = plan_for_today(page, issued)
    assert len(plan["remaining"]) > 2
    good = plan["remaining"][0]["link"]
    for step, link in zip(plan["remaining"][1:], itertools.cycle(HOSTILE_LINKS)):
        step["link"] = link
    state = {"version": 1, "answers": {"role": "employee", "temp_password_issued_on": issued}, "plan": plan}
    page.evaluate("value => localStorage.setItem('pct-checklist', value)", json.dumps(state))
    page.goto(checklist_url(csp_server, "en"))
    # Painted from storage by first-paint.js or app.js (a wait for an event, not a speed target: on a loaded
    # machine the modules can take longer than expect's 5 s default).
    expect(page.locator("#pct-plan")).to_have_attribute("data-source", SAVED_SOURCE, timeout=READY_TIMEOUT)
    hrefs = page.locator("#pct-plan a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert hrefs == [good], hrefs
    assert page.locator(".pct-step").count() == len(plan["remaining"])


def test_the_engines_display_text_is_shown_when_the_plan_has_it(csp_server: SiteServer, page: Page) -> None:
    page.route(f"**{PYODIDE}pyodide.asm.wasm", lambda route: None)  # the stored plan stays on screen
    page.goto(checklist_url(csp_server, "fr"))
    issued = days_from(browser_today(page), -30)
    plan = plan_for_today(page, issued)
    plan["language"] = "fr"
    plan["dates_text"] = {key: f"TEXTE-{key}" for key in plan["dates"]}
    plan["progress"]["text"] = "PROGRESSION-DU-MOTEUR"
    due = next(step for step in plan["remaining"] if step.get("due"))
    due["due_text"] = "ÉCHÉANCE-DU-MOTEUR"
    state = {"version": 1, "answers": {"role": "employee", "temp_password_issued_on": issued}, "plan": plan}
    page.evaluate("value => localStorage.setItem('pct-checklist', value)", json.dumps(state))
    page.goto(checklist_url(csp_server, "fr"))
    # Painted from storage by first-paint.js or app.js (a wait for an event, not a speed target: on a loaded
    # machine the modules can take longer than expect's 5 s default).
    expect(page.locator("#pct-plan")).to_have_attribute("data-source", SAVED_SOURCE, timeout=READY_TIMEOUT)
    expect(page.locator("#pct-progress-label")).to_have_text("PROGRESSION-DU-MOTEUR")
    for key in plan["dates"]:
        expect(page.locator(f'.pct-dates dd[data-date="{key}"] time')).to_have_text(f"TEXTE-{key}")
    expect(page.locator(f'.pct-step[data-step="{due["id"]}"] .pct-badge--due time')).to_have_text("ÉCHÉANCE-DU-MOTEUR")


# --- share links, tabs ---------------------------------------------------------------------------------------


def test_two_share_links_in_a_row_keep_the_readers_own_answers(csp_server: SiteServer, page: Page) -> None:
    open_checklist(page, checklist_url(csp_server, "en"))
    answer(page, "role", "employee")
    issued = days_from(browser_today(page), -40)
    answer(page, "temp_password_issued_on", issued)
    own = stored(page)["answers"]
    base = checklist_url(csp_server, "en")
    for link in ("role=admin&situation=enroll", "role=admin&situation=transition&csp=1"):
        page.goto("about:blank")
        open_checklist(page, f"{base}#checklist?{link}")
        expect(page.locator("#pct-alert")).to_contain_text(string("en", "shared_loaded"))
    assert stored(page, "pct-checklist.previous")["answers"] == own
    expect(page.locator("#pct-f-csp")).to_be_checked()
    page.get_by_role("button", name=string("en", "restore_previous")).click()
    expect(page.locator("#pct-f-role-employee")).to_be_checked()
    expect(page.locator("#pct-f-temp_password_issued_on-year")).to_have_value(issued[:4])
    assert date_value(page, "temp_password_issued_on") == issued
    assert stored(page)["answers"] == own


def test_a_refused_share_link_still_offers_the_readers_own_answers(csp_server: SiteServer, page: Page) -> None:
    open_checklist(page, checklist_url(csp_server, "fr"))
    answer(page, "role", "employee")
    own = stored(page)["answers"]
    page.goto("about:blank")
    open_checklist(page, f"{checklist_url(csp_server, 'fr')}#checklist?role=employee&done={quote('no.such.step')}")
    restore = page.get_by_role("button", name=string("fr", "restore_previous"))
    expect(restore).to_be_visible()
    restore.click()
    expect(page.locator("#pct-f-role-employee")).to_be_checked()
    assert stored(page)["answers"] == own


def test_two_tabs_follow_each_other_and_no_tick_is_lost(csp_server: SiteServer, context: BrowserContext) -> None:
    first, second = context.new_page(), context.new_page()
    open_checklist(first, checklist_url(csp_server, "en"))
    answer(first, "role", "employee")
    open_checklist(second, checklist_url(csp_server, "en"))
    expect(second.locator("#pct-plan")).to_have_attribute("data-source", "live")
    tick(first, "employee.sign_in")
    expect(second.locator(step_box("employee.sign_in"))).to_be_checked()  # the other tab follows
    tick(second, "employee.get_signin_info")
    expect(first.locator(step_box("employee.get_signin_info"))).to_be_checked()
    assert sorted(stored(first)["answers"]["done"]) == ["employee.get_signin_info", "employee.sign_in"]
    first.reload()
    expect(first.locator(step_box("employee.sign_in"))).to_be_checked()
    expect(first.locator(step_box("employee.get_signin_info"))).to_be_checked()


# --- the team list ------------------------------------------------------------------------------------------


TEAM = "Name,E-mail,Temporary password issued on,Signed in,Partner University connected,Exams associated\n"


def test_team_list_says_how_old_it_is_and_when_it_is_not_kept(csp_server: SiteServer, context: BrowserContext) -> None:
    page = context.new_page()
    open_checklist(page, checklist_url(csp_server, "fr"))
    answer(page, "role", "admin")
    issued = days_from(browser_today(page), -10)
    csv = f"{TEAM}Ana Silva,ana@contoso.com,{issued},no,no,\n"
    page.set_input_files("#pct-team-file", files=[{"name": "t.csv", "mimeType": "text/csv", "buffer": csv.encode()}])
    saved = page.locator("#pct-team-saved")
    expect(saved).to_contain_text(string("fr", "team_saved_on").split("{date}")[0])
    assert stored(page, "pct-team")["saved_at"].startswith(browser_today(page))
    page.reload()
    expect(page.locator("#pct-app")).to_have_attribute("data-engine", "ready", timeout=READY_TIMEOUT)
    expect(saved).to_contain_text(string("fr", "team_saved_on").split("{date}")[0])  # still known after a reload

    page.evaluate(f"() => {{ {SET_ITEM_THROWS} }}")  # the quota is reached while the page is open
    csv = f"{TEAM}Bo Chen,bo@contoso.com,{issued},no,no,\n"
    page.set_input_files("#pct-team-file", files=[{"name": "t.csv", "mimeType": "text/csv", "buffer": csv.encode()}])
    expect(saved).to_have_text(string("fr", "team_not_kept"))
    expect(page.locator("#pct-team-table")).to_contain_text("Bo Chen")  # shown for the visit
    expect(page.locator("#pct-storage-notice")).to_have_text(string("fr", "storage_failed"))
    assert stored(page, "pct-team")["employees"][0]["name"] == "Ana Silva"  # what the device keeps, as said


# --- faults are not the reader's fault -----------------------------------------------------------------------

# Replies to `plan` turn into a plan of the wrong shape: a bug on the page's side, not bad answers.
BREAK_PLANS = """
const Original = window.Worker;
window.Worker = class extends Original {
  addEventListener(type, listener, options) {
    if (type !== "message") return super.addEventListener(type, listener, options);
    return super.addEventListener(type, (event) => {
      const data = event.data;
      if (window.__breakPlans && data && typeof data.json === "string" && data.json.includes('"remaining"')) {
        listener({ data: { id: data.id, json: '{"ok": true, "result": {"language": "en"}}' } });
      } else listener(event);
    }, options);
  }
};
"""


def test_a_fault_is_reported_and_the_answers_stay(csp_server: SiteServer, fresh_context: BrowserContext) -> None:
    fresh_context.add_init_script(BREAK_PLANS)
    page = fresh_context.new_page()
    open_checklist(page, checklist_url(csp_server, "en"))
    answer(page, "role", "employee")
    page.evaluate("window.__breakPlans = true")
    page.check("#pct-f-role-admin")
    expect(page.locator("#pct-alert")).to_contain_text(string("en", "fault").split("(")[0].strip())
    assert stored(page)["answers"]["role"] == "admin"
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.includes('unreadable'))") == []


# --- delete everything ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr", "zh-TW"])
def test_delete_everything_asks_first_then_deletes(csp_server: SiteServer, page: Page, language: str) -> None:
    open_checklist(page, checklist_url(csp_server, language))
    answer(page, "role", "admin")
    page.evaluate("localStorage.setItem('pct-team', JSON.stringify({employees: []}))")
    delete = page.get_by_role("button", name=string(language, "delete_all"))
    delete.click()
    expect(page.locator("#pct-forget-confirm")).to_contain_text(string(language, "delete_all_confirm"))
    page.get_by_role("button", name=string(language, "delete_all_cancel")).click()
    assert stored(page) is not None
    delete.click()
    if language != "en":
        # the button and its question, close up
        picture(page.locator("#pct-forget"), f"checklist-storage-delete-everything-{language}.png")
    page.get_by_role("button", name=string(language, "delete_all_yes")).click()
    said = page.locator("#pct-alert")
    for part in string(language, "deleted_what").split("{items}"):
        expect(said).to_contain_text(part)
    expect(said).to_contain_text(string(language, "deleted_keys").split("(")[0].split("（")[0].strip())
    assert page.evaluate(STORED_KEYS) == []
    expect(page.locator("#pct-f-role-admin")).not_to_be_checked()


FOREIGN = """async () => {
  localStorage.setItem("other-app-state", "theirs");
  localStorage.setItem("/other/.__palette", "theirs");  // another Material site on the same origin
  sessionStorage.setItem("other-app-session", "theirs");
  sessionStorage.setItem("pct-session-test", "ours");
  await (await caches.open("other-app-cache")).put("/other-app/data", new Response("theirs"));
  await (await caches.open("pct-site-0123456789ab")).put("/", new Response("ours"));
  await (await caches.open("pct-pyodide-snapshot")).put("/snapshot", new Response("ours"));
  // Another application's own worker, at its own scope (ours, sw.js, would fail to install there and vanish).
  await navigator.serviceWorker.register("/other-app/sw.js", { scope: "/other-app/" });
  await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  await navigator.serviceWorker.ready;
}"""
WHAT_IS_LEFT = """async () => ({
  local: Object.keys(localStorage).sort(),
  session: Object.keys(sessionStorage).sort(),
  caches: (await caches.keys()).sort(),
  scopes: (await navigator.serviceWorker.getRegistrations()).map((r) => new URL(r.scope).pathname).sort(),
})"""


@pytest.mark.parametrize("language", ["en", "zh-TW"])
def test_delete_everything_deletes_only_what_is_ours_and_says_what(
    csp_server: SiteServer, fresh_context: BrowserContext, language: str
) -> None:
    """A shared origin (GitHub Pages, a host with other applications): their keys, caches and service worker
    survive; ours (pct- keys, the offline copy, the snapshot, the worker of the site root) go, and are named."""
    other_app = csp_server.root / "other-app"
    other_app.mkdir(exist_ok=True)
    (other_app / "sw.js").write_text('self.addEventListener("fetch", () => {});\n', encoding="utf-8")
    try:
        page = fresh_context.new_page()
        open_checklist(page, checklist_url(csp_server, language))
        answer(page, "role", "admin")
        page.evaluate(FOREIGN)
        page.get_by_role("button", name=string(language, "delete_all")).click()
        page.get_by_role("button", name=string(language, "delete_all_yes")).click()
        expect(page.locator("#pct-forget")).to_have_attribute("data-forgotten", re.compile("."))
        left = page.evaluate(WHAT_IS_LEFT)
        assert left["local"] == ["/other/.__palette", "other-app-state"]
        assert left["session"] == ["other-app-session"]
        assert left["caches"] == ["other-app-cache"]
        assert left["scopes"] == ["/other-app/"]
        said = page.locator("#pct-alert")
        for key in ("deleted_offline_copy", "deleted_snapshot", "deleted_service_worker"):
            expect(said).to_contain_text(string(language, key))
        done = json.loads(page.locator("#pct-forget").get_attribute("data-forgotten"))
        assert done["keys"] >= 2 and done["worker"] is True and done["ok"] is True  # pct-checklist, pct-session-test
        expect(said).to_contain_text(string(language, "deleted_keys").replace("{count}", str(done["keys"])))
    finally:
        shutil.rmtree(other_app)  # the site is shared by the session's tests


# --- the components, in the browser -------------------------------------------------------------------------


def module(page: Page, name: str, script: str) -> object:
    """Run `script` (a function of the imported module) against one of the page's ES modules."""
    return page.evaluate(
        f"async () => {{ const m = await import('/assets/javascripts/checklist/{name}.js'); return ({script})(m); }}"
    )


def test_engine_client_reads_every_reply_shape_into_one(csp_server: SiteServer, page: Page) -> None:
    page.goto(checklist_url(csp_server, "en"))
    replies = module(
        page,
        "engine",
        """m => [
          {id: 1, ok: true, result: 5},
          {id: 1, ok: false, error: {field: "role", code: "required", message: "m"}},
          {id: 1, json: '{"ok": true, "result": 6}'},
          {id: 1, json: '{"result": 7}'},
          {id: 1, json: '{"error": {"field": "today", "code": "invalid", "message": "x"}}'},
          {id: 1, json: '{"error": {"field": "$", "code": "internal", "message": "bug"}}'},
          {id: 1, json: 'not json'},
        ].map(m.readReply).map(r => r.ok ? ['ok', r.value] :
          [r.error instanceof m.EngineError && r.error instanceof Error, r.error.field, r.error.code,
           r.error.isFieldError])""",
    )
    assert replies == [
        ["ok", 5],
        [True, "role", "required", True],
        ["ok", 6],
        ["ok", 7],
        [True, "today", "invalid", True],
        [True, "$", "internal", False],
        [True, "$", "worker", False],
    ]


LINK_CASES: list[tuple[str, str, str | None]] = [
    ("/", "/transition/#admin-tasks", "/transition/#admin-tasks"),
    ("/", "/fr/faq/#q1", "/fr/faq/#q1"),
    ("/docs/", "/zh-TW/benefits/#x", "/docs/zh-TW/benefits/#x"),
    ("/", "javascript:alert(1)", None),
    ("/", "//evil.example/transition/#x", None),
    ("/", "https://evil.example/transition/#x", None),
    ("/", "/transition/", None),
    ("/", "/de/transition/#x", None),
    ("/", "/transition/#x y", None),
]


@pytest.mark.parametrize(("root", "link", "expected"), LINK_CASES)
def test_links_only_build_known_internal_shapes(
    csp_server: SiteServer, page: Page, root: str, link: str, expected: str | None
) -> None:
    page.goto(checklist_url(csp_server, "en"))
    href = module(
        page,
        "links",
        f"""m => {{
          const app = document.createElement('div');
          app.dataset.language = 'en';
          app.dataset.languagePrefixes = document.getElementById('pct-app').dataset.languagePrefixes;
          app.dataset.siteRoot = {json.dumps(root)};
          return new m.Links(app).guide({json.dumps(link)});
        }}""",
    )
    assert href == expected


def test_links_derive_the_root_from_the_page_address(csp_server: SiteServer, page: Page) -> None:
    page.goto(checklist_url(csp_server, "fr"))
    derived: Callable[[str], object] = lambda here: module(  # noqa: E731
        page,
        "links",
        f"m => {{ const app = document.createElement('div'); app.dataset.language = 'fr';"
        " app.dataset.languagePrefixes = document.getElementById('pct-app').dataset.languagePrefixes;"
        f" return new m.Links(app, {json.dumps(here)}).guide('/fr/faq/#q'); }}",
    )
    assert derived("https://example.org/guide/fr/checklist/") == "/guide/fr/faq/#q"
    assert derived(f"{csp_server.url}/fr/checklist/") == "/fr/faq/#q"


def test_calendar_addresses_come_from_the_published_site_url(csp_server: SiteServer, page: Page) -> None:
    page.goto(checklist_url(csp_server, "fr"))
    urls = module(
        page,
        "links",
        """m => {
          const app = document.createElement('div');
          app.dataset.language = 'fr';
          app.dataset.languagePrefixes = document.getElementById('pct-app').dataset.languagePrefixes;
          const without = new m.Links(app).calendarUrls();
          app.dataset.siteUrl = 'https://guide.example.org/pc/';
          return [without, new m.Links(app).calendarUrls()];
        }""",
    )
    assert urls == [
        {"page_url": checklist_url(csp_server, "fr"), "site_url": csp_server.url},
        {"page_url": "https://guide.example.org/pc/fr/checklist/", "site_url": "https://guide.example.org/pc/"},
    ]
