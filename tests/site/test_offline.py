"""Start-up and offline use of the checklist page (ARCHITECTURE.md, "Start-up" and "Offline"), in Debian chromium under
the page's CSP, against a copy of the built site that the update test can "deploy" over.

- The worker is created by boot.js from <head> and taken over by the page: one engine worker, created before
  Material's bundle has run; the saved plan is painted without waiting for the bundle either.
- A first visit starts Python without the memory snapshot, then keeps it; the next start uses it.
- After one visit the page, the engine and the guide pages work offline; a new deploy replaces the offline copy
  whole, and the new engine is used after a reload.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from checklist.web import page_strings
from tests.helpers.hooks import build_hook
from tools.site_server import SiteServer, serve

pytestmark = pytest.mark.browser

READY_TIMEOUT = 90_000
OFFLINE_TIMEOUT = 90_000  # the service worker copies about 13 MB into its cache on a busy machine
WORKER_PROBE = """
window.__engineWorkers = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(url, options) {
    if (/checklist\\/worker/.test(String(url))) window.__engineWorkers.push({ bundleRan: "document$" in window });
    super(url, options);
  }
};
"""


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path) -> Iterator[tuple[Path, SiteServer]]:
    """A served copy of the built site: the update test changes it as a new deploy would."""
    root = tmp_path / "site"
    shutil.copytree(built_site, root)
    server = serve(root, csp=True)
    yield root, server
    server.stop()


@pytest.fixture
def reader(browser: Browser) -> Iterator[BrowserContext]:
    """A context of its own per test: service workers and caches are per context."""
    context = browser.new_context(locale="en-US")
    context.set_default_timeout(15_000)
    yield context
    context.close()


def open_ready(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("#pct-app")).to_have_attribute("data-engine", "ready", timeout=READY_TIMEOUT)


def snapshot_kept(page: Page) -> bool:
    return page.evaluate(
        "caches.open('pct-pyodide-snapshot').then((cache) => cache.keys()).then((keys) => keys.length > 0)"
    )


def wait_until(page: Page, check, timeout_s: float = 60) -> None:
    for _ in range(int(timeout_s * 10)):
        if check(page):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{check.__name__} never became true")


def test_one_engine_worker_created_from_head_before_the_bundle(site_copy, reader: BrowserContext) -> None:
    """Even when boot.js arrives a second late (a slow link, a busy machine): it must still run before
    Material's bundle, which an async script would not."""
    root, server = site_copy
    reader.add_init_script(WORKER_PROBE)
    held: list[Route] = []
    reader.route("**/assets/javascripts/checklist/boot.js", lambda route: held.append(route))
    page = reader.new_page()
    page.goto(f"{server.url}/checklist/", wait_until="commit")
    wait_until(page, lambda _: bool(held), timeout_s=15)
    page.wait_for_timeout(1000)
    held[0].continue_()
    expect(page.locator("#pct-app")).to_have_attribute("data-engine", "ready", timeout=READY_TIMEOUT)
    assert page.evaluate("window.__engineWorkers") == [{"bundleRan": False}]


def test_saved_plan_painted_while_materials_bundle_is_still_loading(site_copy, browser: Browser) -> None:
    """The bundle is held back: the stored plan must be painted meanwhile. Without the service worker, whose
    answers the test's route would not see."""
    root, server = site_copy
    reader = browser.new_context(service_workers="block")
    page = reader.new_page()
    open_ready(page, f"{server.url}/checklist/")
    page.check("#pct-f-role-employee")
    expect(page.locator("#pct-plan")).to_have_attribute("data-source", "live")
    held: list[Route] = []
    reader.route("**/assets/javascripts/bundle.*.min.js", lambda route: held.append(route))
    page.goto(f"{server.url}/checklist/", wait_until="commit")
    expect(page.locator("#pct-plan")).to_have_attribute("data-source", "stored", timeout=20_000)
    assert page.evaluate("'document$' in window") is False
    assert held, "the bundle was requested and is being held"
    for route in held:
        route.continue_()
    reader.close()


def test_first_visit_starts_without_the_snapshot_then_keeps_it(site_copy, reader: BrowserContext) -> None:
    root, server = site_copy
    page = reader.new_page()
    open_ready(page, f"{server.url}/checklist/")
    app = page.locator("#pct-app")
    assert app.get_attribute("data-engine-from") == "start"
    assert not any("snapshot-" in path for path, _ in server.log.entries), "a first visit downloads no snapshot"
    wait_until(page, snapshot_kept)
    open_ready(page, f"{server.url}/fr/checklist/")
    assert app.get_attribute("data-engine-from") == "snapshot"
    page.check("#pct-f-role-employee")
    expect(page.locator("#pct-plan")).to_have_attribute("data-source", "live")


def _tick_first_step(page: Page) -> str:
    step = page.locator("#pct-plan input[type=checkbox][data-step]:not(:checked)").first.get_attribute("data-step")
    revision = page.locator("#pct-plan").get_attribute("data-revision")
    page.locator(f'[id="pct-step-{step}"]').check()  # by id: the list is repainted once ticked
    expect(page.locator("#pct-plan")).not_to_have_attribute("data-revision", revision or "")
    return step


def test_offline_after_one_visit(site_copy, reader: BrowserContext) -> None:
    """Visit, go offline, reload, tick, reload: the engine answers from the offline copy; guide pages open."""
    root, server = site_copy
    page = reader.new_page()
    open_ready(page, f"{server.url}/checklist/")
    app = page.locator("#pct-app")
    expect(app).to_have_attribute("data-offline", "ready", timeout=OFFLINE_TIMEOUT)
    expect(page.locator("#pct-offline")).to_have_text(page_strings("en")["offline_ready"])
    page.check("#pct-f-role-employee")
    expect(page.locator("#pct-plan")).to_have_attribute("data-source", "live")
    assert _site_caches(page) == [f"pct-site-{_version(root)}"]
    urls = page.evaluate(
        "(async () => (await Promise.all((await caches.keys()).map(async (n) =>"
        " (await (await caches.open(n)).keys()).map((r) => r.url)))).flat())()"
    )
    assert urls and all(url.startswith(server.url + "/") for url in urls), "nothing of another origin is kept"

    reader.set_offline(True)
    open_ready(page, f"{server.url}/checklist/")
    expect(page.locator("#pct-plan")).to_have_attribute("data-source", "live")
    step = _tick_first_step(page)
    open_ready(page, f"{server.url}/checklist/")
    expect(page.locator(f'[id="pct-step-{step}"]')).to_be_checked()
    expect(page.locator("#pct-plan")).to_have_attribute("data-source", "live")
    page.goto(f"{server.url}/zh-TW/transition/")
    expect(page.locator("h1")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "zh-TW"


def _site_caches(page: Page) -> list[str]:
    return [name for name in page.evaluate("caches.keys()") if name.startswith("pct-site-")]


def _version(root: Path) -> str:
    found = re.search(r'const MANIFEST = \{"version":"([0-9a-f]+)"', (root / "sw.js").read_text(encoding="utf-8"))
    assert found, "sw.js carries its build's version"
    return found.group(1)


def _deploy_changed_engine(root: Path, version: str) -> None:
    """What a new build with another engine changes: a new engine zip (new name), the pages naming it, no
    snapshot of the old engine, and a service worker with the new file list and version."""
    old = next((root / "assets" / "checklist").glob("checklist-*.zip"))
    new = old.with_name("checklist-0123456789ab.zip")
    with zipfile.ZipFile(old) as source, zipfile.ZipFile(new, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "checklist/__init__.py":
                data = re.sub(rb'__version__ = "[^"]+"', f'__version__ = "{version}"'.encode(), data)
            target.writestr(item, data)
    old.unlink()
    for page in root.rglob("checklist/index.html"):
        html = page.read_text(encoding="utf-8").replace(old.name, new.name)
        page.write_text(re.sub(r'data-snapshot="[^"]*"', 'data-snapshot=""', html), encoding="utf-8")
    with build_hook("service_worker") as hook:
        hook.write_service_worker(root)


def test_a_new_deploy_replaces_the_offline_copy_and_its_engine_is_used_after_reload(
    site_copy, reader: BrowserContext
) -> None:
    root, server = site_copy
    page = reader.new_page()
    open_ready(page, f"{server.url}/fr/checklist/")
    app = page.locator("#pct-app")
    expect(app).to_have_attribute("data-offline", "ready", timeout=OFFLINE_TIMEOUT)
    before, old_version = app.get_attribute("data-engine-version"), _version(root)

    _deploy_changed_engine(root, "9.9.9-test")
    assert _version(root) != old_version
    open_ready(page, f"{server.url}/fr/checklist/")  # still the old build (from the offline copy): consistent
    assert app.get_attribute("data-engine-version") == before
    expect(app).to_have_attribute("data-offline", "updated", timeout=OFFLINE_TIMEOUT)
    expect(page.locator("#pct-offline")).to_have_text(page_strings("fr")["update_installed"])
    # The new worker controls the page from the start of its activation; it deletes the older cache right after.
    wait_until(page, lambda page: _site_caches(page) == [f"pct-site-{_version(root)}"])

    open_ready(page, f"{server.url}/fr/checklist/")
    assert app.get_attribute("data-engine-version") == "9.9.9-test"
    page.check("#pct-f-role-employee")
    expect(page.locator("#pct-plan")).to_have_attribute("data-source", "live")


# --- issue 25: a verified offline copy, and the update notice in the first session too ------------------------

UPDATE_NOW = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  await registration.update();
  const worker = registration.installing || registration.waiting;
  if (!worker) return "no update";
  if (["activated", "redundant"].includes(worker.state)) return worker.state;
  return new Promise((done) => worker.addEventListener("statechange", () => {
    if (["activated", "redundant"].includes(worker.state)) done(worker.state);
  }));
}"""


def test_an_update_in_the_session_that_made_the_first_offline_copy_is_announced(
    site_copy, reader: BrowserContext
) -> None:
    root, server = site_copy
    page = reader.new_page()
    open_ready(page, f"{server.url}/checklist/")
    app = page.locator("#pct-app")
    expect(app).to_have_attribute("data-offline", "ready", timeout=OFFLINE_TIMEOUT)
    _deploy_changed_engine(root, "9.9.9-test")
    assert page.evaluate(UPDATE_NOW) == "activated"  # no reload: the same page, the same visit
    expect(app).to_have_attribute("data-offline", "updated", timeout=OFFLINE_TIMEOUT)
    expect(page.locator("#pct-offline")).to_have_text(page_strings("en")["update_installed"])


def test_an_install_refuses_a_file_whose_bytes_differ_and_keeps_the_previous_copy(
    site_copy, reader: BrowserContext
) -> None:
    """A host half-way through a deploy: the new list, but one page still the old bytes. The new service worker
    is refused (redundant), the previous cache and worker keep serving, offline too."""
    root, server = site_copy
    page = reader.new_page()
    open_ready(page, f"{server.url}/checklist/")
    expect(page.locator("#pct-app")).to_have_attribute("data-offline", "ready", timeout=OFFLINE_TIMEOUT)
    old_version = _version(root)
    _deploy_changed_engine(root, "9.9.9-test")
    guide = root / "transition" / "index.html"
    guide.write_text(guide.read_text(encoding="utf-8") + "<!-- not the listed bytes -->", encoding="utf-8")
    assert page.evaluate(UPDATE_NOW) == "redundant"
    assert _site_caches(page) == [f"pct-site-{old_version}"]
    reader.set_offline(True)
    page.goto(f"{server.url}/transition/")
    expect(page.locator("h1")).to_be_visible()
    assert "not the listed bytes" not in page.content()


def test_the_file_list_carries_the_sha256_of_each_file(built_site: Path) -> None:
    import hashlib
    import json

    manifest = json.loads(
        re.search(r"^const MANIFEST = (.*);$", (built_site / "sw.js").read_text(encoding="utf-8"), re.M).group(1)
    )
    assert len(manifest["sha256"]) == len(manifest["files"]) > 100
    for file, digest in zip(manifest["files"], manifest["sha256"], strict=True):
        path = built_site / ("index.html" if file == "./" else file + "index.html" if file.endswith("/") else file)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, file
