"""A returning reader's saved plan is in the checklist page's first paint, and no module waits for its importer.

The first frame is caught by events, never by a sleep: a `requestAnimationFrame` callback registered before the
page's first byte runs in the rendering steps of the first frame the browser produces, just before it is
painted; the `first-contentful-paint` entry and the plan's `pct:plan-painted:first-paint` mark give the same
order as times. The saved state is written as the page writes it (a plan of the CLI for the same answers).
"""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.helpers.checklist import browser_today, checklist_url, cli_plan, days_from
from tests.helpers.docs import LANGUAGES
from tools.site_server import SiteServer

pytestmark = pytest.mark.browser

FIRST_FRAME = """
window.pctFirstFrame = new Promise((resolve) => requestAnimationFrame(() => {
    const plan = document.getElementById("pct-plan");
    resolve({
        source: plan ? plan.dataset.source : null,
        text: plan ? plan.textContent : "",
        images: plan ? plan.querySelectorAll("img").length : 0,
    });
}));
"""
FCP = """() => new Promise((resolve) => {
    const found = () => performance.getEntriesByName("first-contentful-paint")[0];
    if (found()) return resolve(found().startTime);
    new PerformanceObserver(() => found() && resolve(found().startTime)).observe({ type: "paint", buffered: true });
})"""


def saved(plan: dict, answers: dict) -> str:
    """The state as saved-state.js writes it."""
    return json.dumps({"version": 1, "answers": answers, "plan": plan})


def first_frame(context: BrowserContext, url: str, state: str | None) -> tuple[Page, dict, list[str]]:
    """Open `url` with `state` stored under the page's key (written on a first visit), then load it again and
    return what its first frame held, and the page's uncaught errors."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    if state is not None:
        page.evaluate("state => localStorage.setItem('pct-checklist', state)", state)
    page.add_init_script(FIRST_FRAME)
    page.reload()
    return page, page.evaluate("() => window.pctFirstFrame"), errors


def employee(page_language: str, today: str) -> tuple[dict, dict]:
    answers = {"role": "employee", "temp_password_issued_on": days_from(today, -80)}
    return answers, cli_plan(answers, page_language, today)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_saved_plan_is_in_the_first_paint(
    csp_server: SiteServer, fresh_context: BrowserContext, language: str
) -> None:
    url = checklist_url(csp_server, language)
    page = fresh_context.new_page()
    page.goto(url)
    answers, plan = employee(language, browser_today(page))
    page.close()
    page, frame, errors = first_frame(fresh_context, url, saved(plan, answers))
    # Painted by first-paint.js before the first contentful paint (its mark, below). On a loaded machine the
    # modules may already have taken the same plan over by the first frame: the saved plan either way.
    assert frame["source"] in ("first-paint", "stored"), frame
    assert plan["remaining"][0]["title"] in frame["text"]
    assert plan["progress"]["text"] in frame["text"]
    painted = page.evaluate("() => performance.getEntriesByName('pct:plan-painted:first-paint')[0].startTime")
    assert painted <= page.evaluate(FCP)
    # The modules take over the same plan.
    page.wait_for_function("() => document.getElementById('pct-plan').dataset.source !== 'first-paint'")
    assert errors == []


def test_without_the_first_paint_script_the_first_frame_is_the_build_list(
    csp_server: SiteServer, fresh_context: BrowserContext
) -> None:
    """The test above can fail: the same visit with the script refused paints the every-role list first. The
    modules are refused too: on a loaded machine they can run, and paint the saved plan, before the first frame."""
    url = checklist_url(csp_server, "en")
    page = fresh_context.new_page()
    page.goto(url)
    answers, plan = employee("en", browser_today(page))
    page.close()
    fresh_context.route(re.compile(r"checklist/(first-paint|main)[.\w]*\.js$"), lambda route: route.abort())
    _, frame, _ = first_frame(fresh_context, url, saved(plan, answers))
    assert frame["source"] == "prerender"


def test_stored_markup_is_painted_as_text(csp_server: SiteServer, fresh_context: BrowserContext) -> None:
    url = checklist_url(csp_server, "en")
    page = fresh_context.new_page()
    page.goto(url)
    answers, plan = employee("en", browser_today(page))
    page.close()
    payload = '<img src=x onerror="window.pctOwned = 1">'
    plan["remaining"][0]["title"] = payload
    plan["remaining"][0]["link"] = "javascript:window.pctOwned = 1"
    # The modules refused: what is checked is first-paint.js's own painting, whatever the machine's load.
    fresh_context.route(re.compile(r"checklist/main[.\w]*\.js$"), lambda route: route.abort())
    page, frame, errors = first_frame(fresh_context, url, saved(plan, answers))
    assert frame["source"] == "first-paint"
    assert payload in frame["text"] and frame["images"] == 0
    assert page.evaluate("() => window.pctOwned") is None
    assert errors == []


@pytest.mark.parametrize(
    "state",
    [
        "{not json",
        json.dumps({"version": 1, "answers": {"role": "employee"}, "plan": {"language": "en", "remaining": 3}}),
        json.dumps({"version": 2, "answers": {}, "plan": None}),
        json.dumps([1, 2]),
        "null",
    ],
    ids=["unreadable", "plan-of-another-shape", "other-version", "array", "null"],
)
def test_bad_storage_is_not_painted_and_throws_nothing(
    csp_server: SiteServer, fresh_context: BrowserContext, state: str
) -> None:
    _, frame, errors = first_frame(fresh_context, checklist_url(csp_server, "en"), state)
    assert frame["source"] == "prerender"
    assert errors == []


def test_a_share_link_with_other_answers_is_not_painted_over(
    csp_server: SiteServer, fresh_context: BrowserContext
) -> None:
    """A share link opens its own answers (app.js): the reader's saved plan must not flash first."""
    url = checklist_url(csp_server, "en")
    page = fresh_context.new_page()
    page.goto(url)
    answers, plan = employee("en", browser_today(page))
    page.close()
    _, frame, _ = first_frame(fresh_context, f"{url}#checklist?role=admin", saved(plan, answers))
    assert frame["source"] == "prerender"


# --- modulepreload ---------------------------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.preloaded: list[str] = []
        self.modules: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "modulepreload":
            self.preloaded.append(found["href"] or "")
        if tag == "script" and found.get("type") == "module":
            self.modules.append(found["src"] or "")


_SPECIFIER = re.compile(r'^\s*import\s[^"]*?from\s*"([^"]+)"|^\s*import\s*"([^"]+)"', re.MULTILINE)


def imported(site: Path, module: str) -> set[str]:
    """Every module `module` (site-relative) loads, read from the built files' import lines."""
    found: set[str] = set()
    todo = [module]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.add(current)
        text = (site / current).read_text(encoding="utf-8")
        for match in _SPECIFIER.finditer(text):
            todo.append(posixpath.normpath(posixpath.join(posixpath.dirname(current), match[1] or match[2])))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_module_main_js_imports_is_preloaded(built_site: Path, language: str) -> None:
    folder = "checklist" if language == "en" else f"{language}/checklist"
    links = _Links()
    links.feed((built_site / folder / "index.html").read_text(encoding="utf-8"))
    resolve = lambda href: posixpath.normpath(posixpath.join(folder, href))  # noqa: E731
    (entry,) = [resolve(src) for src in links.modules]
    needed = imported(built_site, entry)
    assert len(needed) > 20  # the graph was read, not just main.js
    assert needed <= {resolve(href) for href in links.preloaded}, needed - {resolve(h) for h in links.preloaded}
