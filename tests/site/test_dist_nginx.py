"""`make dist` for a sub-path, served by the real Debian nginx with the shipped deploy/nginx.conf.

One dist/ per session (for SITE_URL http://127.0.0.1:<port>/guide/), one nginx in the foreground on that loopback
port with a temporary prefix. Without nginx (or its brotli module, for the brotli checks) those tests skip and
say why; `make system-deps` installs both.
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from deploy.headers import CSP, IMMUTABLE, REVALIDATE, SECURITY_HEADERS
from tests.helpers.browser import QUIET_NETWORK_TIMEOUT, picture
from tools.nginx import BASE, BROTLI_MODULE, NGINX, free_port, nginx_conf
from tools.site_server import ROOT, serve

READY_TIMEOUT = 90_000


@dataclass
class Dist:
    root: Path
    port: int

    @property
    def site_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{BASE}"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    """What `make dist` does, for a sub-path: strict build for SITE_URL, then deploy.dist."""
    port = free_port()
    root = tmp_path_factory.mktemp("dist") / "dist"
    site_url = f"http://127.0.0.1:{port}{BASE}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PCT_")}  # as published without a repository
    env |= {"SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root)]
    for command in (build, [sys.executable, "-m", "deploy.dist", str(root), "--site-url", site_url]):
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stdout + result.stderr
    return Dist(root, port)


@dataclass
class Nginx:
    url: str
    brotli: bool

    def get(self, path: str, encoding: str = "identity") -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(self.url + path, headers={"Accept-Encoding": encoding})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
        except urllib.error.HTTPError as error:
            return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


@pytest.fixture(scope="module")
def nginx(dist: Dist, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    if not Path(NGINX).is_file():
        pytest.skip("nginx is not installed: `make system-deps` installs Debian's nginx (as root)")
    prefix = tmp_path_factory.mktemp("nginx")
    www = prefix / "www"
    www.mkdir()
    (www / BASE.strip("/")).symlink_to(dist.root)
    (www / "outside.txt").write_text("secret beside the guide\n", encoding="utf-8")  # not ours to publish
    brotli = BROTLI_MODULE.is_file()
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_conf(prefix, www, dist.port, brotli))
    process = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(conf)], stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", dist.port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"nginx did not start: {process.stderr.read() if process.stderr else ''}")
                time.sleep(0.1)
        yield Nginx(f"http://127.0.0.1:{dist.port}", brotli)
    finally:
        process.terminate()
        process.wait(timeout=10)


# --- dist/ itself ------------------------------------------------------------------------------------------


URL_ATTRIBUTES = ("href", "src", "data-worker", "data-pyodide", "data-bundle", "data-snapshot", "data-site-root")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and name in URL_ATTRIBUTES:
                self.urls.append(value)


def test_every_public_url_carries_the_sub_path(dist: Dist) -> None:
    site = dist.site_url
    sitemap = (dist.root / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locs) == 24 and all(loc.startswith(site) for loc in locs)
    alternates = re.findall(r'hreflang="([^"]+)" href="([^"]+)"', sitemap)
    assert {lang for lang, _ in alternates} == {"en", "fr", "zh-TW", "x-default"}
    assert all(href.startswith(site) for _, href in alternates)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", day) for day in re.findall(r"<lastmod>([^<]+)<", sitemap))
    assert f"Sitemap: {site}sitemap.xml" in (dist.root / "robots.txt").read_text(encoding="utf-8")
    page = (dist.root / "fr" / "transition" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{site}fr/transition/">' in page
    app = (dist.root / "fr" / "checklist" / "index.html").read_text(encoding="utf-8")
    assert f'data-site-url="{site}"' in app and 'data-site-root="../../"' in app


def test_no_placeholder_repository_or_edit_link(dist: Dist) -> None:
    for page in dist.root.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "git.example" not in text and "edit/main/docs" not in text, page


def test_every_local_reference_resolves_to_a_file_and_hashed_assets_are_referenced(dist: Dist) -> None:
    """Checklist step links included: each one, read from the page, must land on an existing page under /guide/."""
    missing = []
    step_links = 0
    for page in dist.root.rglob("*.html"):
        relative = page.relative_to(dist.root).as_posix()
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        page_url = urljoin(dist.site_url, relative)
        for url in parser.urls:
            target = urlsplit(urljoin(page_url, url))
            if target.netloc != f"127.0.0.1:{dist.port}" or url.startswith("#"):
                continue
            assert target.path.startswith(BASE), (relative, url)
            path = dist.root / target.path[len(BASE) :]
            folder = url.endswith("/") and path.is_dir()  # Pyodide's indexURL
            if not (path.is_file() or (path / "index.html").is_file() or folder):
                missing.append((relative, url))
            step_links += relative.endswith("checklist/index.html") and "#" in url
    assert missing == []
    assert step_links > 0
    for name in ("app", "worker", "team/team"):  # the team modules have their own folder, as checklist/team/
        assert list((dist.root / "assets/javascripts/checklist").glob(f"{name}.[0-9a-f]*.js")), name
    assert not (dist.root / "assets/javascripts/checklist/app.js").exists()


def test_precompressed_copies_decompress_to_the_originals(dist: Dist) -> None:
    import brotli

    gz, br = list(dist.root.rglob("*.gz")), list(dist.root.rglob("*.br"))
    assert any(p.name == "pyodide.asm.wasm.br" for p in br) and any(p.name == "pyodide.asm.mjs.gz" for p in gz)
    for path in br:
        assert brotli.decompress(path.read_bytes()) == Path(str(path)[:-3]).read_bytes(), path
    for path in gz:
        original = Path(str(path)[:-3])
        if original.exists():  # the memory snapshot is a .bin.gz of its own, with no original beside it
            assert gzip.decompress(path.read_bytes()) == original.read_bytes(), path
    assert not list(dist.root.rglob("*.bin.gz.br")) and not list(dist.root.rglob("*.bin.gz.gz"))


def test_netlify_files_carry_the_same_headers_and_language_404s(dist: Dist) -> None:
    headers = (dist.root / "_headers").read_text(encoding="utf-8")
    for name, value in SECURITY_HEADERS.items():
        assert f"  {name}: {value}\n" in headers
    assert "/assets/pyodide/" in headers and IMMUTABLE in headers
    redirects = (dist.root / "_redirects").read_text(encoding="utf-8").splitlines()
    assert "/fr/*  /fr/404.html  404" in redirects and "/zh-TW/*  /zh-TW/404.html  404" in redirects


# --- served by nginx ---------------------------------------------------------------------------------------


def test_nginx_and_the_test_server_send_the_same_security_headers(nginx: Nginx, dist: Dist) -> None:
    test_server = serve(dist.root, csp=True)
    try:
        with urllib.request.urlopen(f"{test_server.url}/index.html", timeout=30) as response:
            ours = {name: response.headers[name] for name in SECURITY_HEADERS}
    finally:
        test_server.stop()
    assert ours == SECURITY_HEADERS
    for path in (f"{BASE}", f"{BASE}fr/checklist/", f"{BASE}nowhere", f"{BASE}assets/pyodide/"):
        _, headers, _ = nginx.get(path)
        assert {name: headers.get(name.lower()) for name in SECURITY_HEADERS} == ours, path
    assert "frame-ancestors 'none'" in CSP


def _first(dist: Dist, pattern: str) -> str:
    return BASE + sorted(dist.root.glob(pattern))[0].relative_to(dist.root).as_posix()


def test_content_type_encoding_and_cache_of_each_file_type(nginx: Nginx, dist: Dist) -> None:
    cases = {
        f"{BASE}fr/": ("text/html; charset=utf-8", REVALIDATE),
        _first(dist, "assets/javascripts/checklist/app.*.js"): ("text/javascript; charset=utf-8", IMMUTABLE),
        _first(dist, "assets/pyodide/*/pyodide.mjs"): ("text/javascript; charset=utf-8", IMMUTABLE),
        _first(dist, "assets/pyodide/*/pyodide.asm.wasm"): ("application/wasm", IMMUTABLE),
        _first(dist, "assets/checklist/stdlib-*.zip"): ("application/zip", IMMUTABLE),
        _first(dist, "assets/stylesheets/csp-icons.*.css"): ("text/css; charset=utf-8", IMMUTABLE),
        _first(dist, "assets/checklist/snapshot-*.bin.gz"): ("application/octet-stream", IMMUTABLE),
        f"{BASE}fr/search/search_index.json": ("application/json; charset=utf-8", REVALIDATE),
        f"{BASE}sitemap.xml": ("application/xml; charset=utf-8", REVALIDATE),
    }
    for path, (content_type, cache) in cases.items():
        status, headers, _ = nginx.get(path, "gzip")
        assert (status, headers["content-type"], headers["cache-control"]) == (200, content_type, cache), path
        assert "content-encoding" not in headers or not path.endswith(".bin.gz"), path
    for path in (_first(dist, "assets/pyodide/*/pyodide.asm.wasm"), _first(dist, "assets/pyodide/*/pyodide.asm.mjs")):
        status, headers, body = nginx.get(path, "gzip")
        assert headers.get("content-encoding") == "gzip" and "accept-encoding" in headers.get("vary", "").lower()
        assert gzip.decompress(body) == (dist.root / path[len(BASE) :]).read_bytes()
        if nginx.brotli:
            assert nginx.get(path, "br, gzip")[1].get("content-encoding") == "br", path


def test_a_missing_page_gets_the_404_of_its_language(nginx: Nginx) -> None:
    """nginx.conf names no language: the folder's own 404.html when the build made one, the guide's otherwise."""
    for path, title in (
        ("nowhere/", "Page not found (404)"),
        ("fr/nulle-part/", "Page introuvable (404)"),
        ("fr/transition/nulle-part/", "Page introuvable (404)"),
        ("zh-TW/nowhere/", "找不到頁面 (404)"),
        ("zh-TW/.env", "找不到頁面 (404)"),
        ("assets/javascripts/nowhere.js", "Page not found (404)"),
        ("de/nowhere/", "Page not found (404)"),
    ):
        status, headers, body = nginx.get(BASE + path)
        assert status == 404 and title in body.decode("utf-8"), path
        assert headers["cache-control"] == REVALIDATE


@pytest.mark.browser
def test_reader_journeys_under_the_sub_path(nginx: Nginx, dist: Dist, fresh_context: BrowserContext) -> None:
    failures: list[str] = []
    fresh_context.on(
        "response", lambda r: failures.append(r.url) if r.status >= 400 and "nulle-part" not in r.url else None
    )
    fresh_context.add_init_script(
        "window.__violations = []; document.addEventListener('securitypolicyviolation', "
        "e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page = fresh_context.new_page()
    site = nginx.url + BASE
    for path, lang in (("", "en"), ("fr/transition/", "fr"), ("zh-TW/membership/", "zh-TW")):
        page.goto(site + path)
        page.wait_for_load_state("networkidle", timeout=QUIET_NETWORK_TIMEOUT)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("link[rel=stylesheet]").first).to_have_attribute("href", re.compile(r"\.[0-9a-f]{8}"))

    page.goto(site + "fr/")  # search under the sub-path, in the reader's language
    page.wait_for_load_state("networkidle", timeout=QUIET_NETWORK_TIMEOUT)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("partenaires")
    box.press("End")  # Material searches on keyup
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d"), timeout=30_000)
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert links and all(link.startswith(site + "fr/") for link in links)

    page.goto(site + "fr/checklist/")
    expect(page.locator("#pct-app")).to_have_attribute("data-engine", "ready", timeout=READY_TIMEOUT)
    page.check("#pct-f-role-employee")
    expect(page.locator("#pct-plan")).to_have_attribute("data-source", "live")
    picture(page, "nginx-checklist-fr.png")
    page.locator("#pct-plan").scroll_into_view_if_needed()
    picture(page, "nginx-checklist-plan-fr.png")

    page.goto(site + "fr/nulle-part/")
    page.wait_for_load_state("networkidle", timeout=QUIET_NETWORK_TIMEOUT)
    expect(page.locator("h1")).to_have_text("Page introuvable (404)")
    expect(page.locator(".md-header")).to_be_visible()  # styled: its assets load under /guide/
    picture(page, "nginx-404-fr.png")
    assert page.evaluate("window.__violations") == []
    assert failures == []


def _open_first_step_link(page: Page, site: str) -> None:
    page.locator("#pct-plan .pct-step__link a").first.click()
    page.wait_for_load_state("networkidle", timeout=QUIET_NETWORK_TIMEOUT)
    assert page.url.startswith(site + "fr/") and "#" in page.url, page.url
    expect(page.locator(f"[id='{page.url.split('#')[1]}']")).to_be_visible()


@pytest.mark.browser
def test_prerendered_step_link_opens_its_section_under_the_sub_path(nginx: Nginx, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(nginx.url + BASE + "fr/checklist/")
        _open_first_step_link(page, nginx.url + BASE)
    finally:
        context.close()


@pytest.mark.browser
def test_live_step_link_opens_its_section_under_the_sub_path(nginx: Nginx, page: Page) -> None:
    """The plan painted by the page from the worker's reply: its links are resolved against data-site-root."""
    page.goto(nginx.url + BASE + "fr/checklist/")
    expect(page.locator("#pct-app")).to_have_attribute("data-engine", "ready", timeout=READY_TIMEOUT)
    page.check("#pct-f-role-employee")
    expect(page.locator("#pct-plan")).to_have_attribute("data-source", "live")
    _open_first_step_link(page, nginx.url + BASE)


# --- the worker names the cause of a failed start -----------------------------------------------------------

OCTETS = "application/octet-stream"
START_WORKER = """async () => {
  const app = document.getElementById("pct-app");
  const worker = new (window.pctWorker ?? Worker)(app.dataset.worker, { type: "module" });
  // The reply has the request's id; progress messages (no id) come before it (worker.js, "Protocol").
  const reply = new Promise((resolve) =>
    worker.addEventListener("message", ({ data }) => data?.id === 1 && resolve(data)));
  // The page's own init message (boot.js builds it from the build's data).
  worker.postMessage({ id: 1, fn: "init", args: document.getElementById("pct-boot").pctInit });
  // A bound, not a speed check: the old worker never answered when the wasm had the wrong type.
  const data = await Promise.race([reply, new Promise((resolve) => setTimeout(() => resolve({ hung: true }), 60000))]);
  worker.terminate();
  return data;
}"""


def _start_worker(context: BrowserContext, url: str) -> dict:
    """The body of the worker's one reply shape, `{id, json}` (worker.js, "Protocol"), or `{hung: true}`."""
    page = context.new_page()
    page.goto(url)
    data = page.evaluate(START_WORKER)
    return json.loads(data["json"]) if "json" in data else data


@pytest.mark.browser
@pytest.mark.parametrize(
    ("file", "fault", "code"),
    [
        (
            "pyodide/*/pyodide.asm.wasm",
            {"status": 200, "content_type": "application/octet-stream", "body": b"\0asm"},
            "mime",
        ),
        (
            "pyodide/*/pyodide.mjs",
            {"status": 200, "content_type": "application/octet-stream", "body": b"export {}"},
            "mime",
        ),
        ("pyodide/*/pyodide.asm.mjs", {"status": 404, "content_type": "text/html", "body": b"gone"}, "http"),
        ("checklist/stdlib-*.zip", {"status": 500, "content_type": "text/plain", "body": b"oops"}, "http"),
    ],
)
def test_a_misconfigured_host_is_named_at_once(
    nginx: Nginx, fresh_context: BrowserContext, file: str, fault: dict, code: str
) -> None:
    fresh_context.route(f"**/assets/{file}", lambda route: route.fulfill(**fault))
    reply = _start_worker(fresh_context, nginx.url + BASE + "fr/checklist/")
    assert reply["ok"] is False and reply["error"]["code"] == code, reply
    name = file.rsplit("/", 1)[1].split("*")[0]  # the file's name, or its stem before the content hash
    assert name in reply["error"]["url"].rsplit("/", 1)[1] and name in reply["error"]["message"]


KEEP_CORRUPT_SNAPSHOT = """async () => {
  const boot = document.getElementById("pct-boot");
  const cache = await caches.open("pct-pyodide-snapshot");
  await cache.put(new URL(boot.dataset.snapshot, location.href).href, new Response(new Uint8Array(4096)));
}"""


@pytest.mark.browser
def test_a_corrupt_snapshot_falls_back_and_says_so(nginx: Nginx, fresh_context: BrowserContext) -> None:
    """The snapshot a first visit kept for the next one (worker.js, start-up strategy) is unusable: Python
    starts normally and the reply says why. The page's own scripts are kept from starting a worker that would
    find (and drop) that snapshot first: boot.js still builds the init message, but finds no Worker to start
    (as in a browser without workers), and main.js never runs."""
    fresh_context.add_init_script("window.pctWorker = window.Worker; window.Worker = undefined;")
    fresh_context.route("**/assets/javascripts/checklist/main.*", lambda route: route.abort())
    page = fresh_context.new_page()
    page.goto(nginx.url + BASE + "fr/checklist/")
    page.evaluate(KEEP_CORRUPT_SNAPSHOT)
    reply = _start_worker(fresh_context, nginx.url + BASE + "fr/checklist/")
    assert reply["ok"] is True and reply["result"]["from"] == "start", reply
    assert reply["result"]["fallback"]["code"] == "snapshot"


@pytest.mark.browser
def test_a_first_start_downloads_no_snapshot_and_keeps_it_for_the_next(
    nginx: Nginx, fresh_context: BrowserContext
) -> None:
    fetched: list[str] = []
    fresh_context.on("request", lambda request: fetched.append(request.url) if "snapshot-" in request.url else None)
    first = _start_worker(fresh_context, nginx.url + BASE + "fr/checklist/")
    assert first["ok"] is True and first["result"]["from"] == "start" and "fallback" not in first["result"], first
    page = fresh_context.new_page()
    page.goto(nginx.url + BASE + "fr/checklist/")
    page.wait_for_function(
        "() => caches.open('pct-pyodide-snapshot').then((c) => c.keys()).then((k) => k.length > 0)",
        polling=100,
        timeout=60_000,
    )
    assert fetched, "the snapshot is fetched once Python is ready"
    second = _start_worker(fresh_context, nginx.url + BASE + "fr/checklist/")
    assert second["ok"] is True and second["result"]["from"] == "snapshot", second


# --- issue 25: only the guide, and error answers that are never cached for a year ----------------------------


def raw_get(nginx: Nginx, path: str, headers: dict[str, str] | None = None) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, every header line as sent (repeated ones too) and the body: urllib folds repeated headers."""
    connection = http.client.HTTPConnection(urlsplit(nginx.url).netloc, timeout=30)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)  # the path as written: `..`, %2e, no cleaning
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, [(k.lower(), v) for k, v in response.getheaders()], response.read()
    finally:
        connection.close()


@pytest.fixture
def stray_files(dist: Dist, nginx: Nginx) -> Iterator[None]:
    """What a careless deployment copies along with dist/: a repository, secrets, a file beside the base."""
    made = [dist.root / ".git" / "config", dist.root / ".env", dist.root / "assets" / ".hidden"]
    for path in made:
        path.parent.mkdir(exist_ok=True)
        path.write_text("secret=1\n", encoding="utf-8")
    yield
    for path in made:
        path.unlink()
    (dist.root / ".git").rmdir()


@pytest.mark.parametrize(
    "path",
    [
        f"{BASE}.git/config",
        f"{BASE}.env",
        f"{BASE}assets/.hidden",
        f"{BASE}%2egit/config",
        f"{BASE}%2Eenv",
        f"{BASE}_headers",
        f"{BASE}_redirects",
        f"{BASE}fr/../.env",
        "/outside.txt",
        f"{BASE}../outside.txt",
        f"{BASE}%2e%2e/outside.txt",
        "/guidex/index.html",
        "/",
    ],
)
def test_dotfiles_host_files_and_anything_outside_the_base_are_404(nginx: Nginx, stray_files: None, path: str) -> None:
    status, headers, body = raw_get(nginx, path)
    assert status in (400, 404) and b"secret" not in body, (path, status)
    assert dict(headers).get("cache-control") == REVALIDATE or status == 400, (path, headers)


def _once(headers: list[tuple[str, str]]) -> dict[str, str]:
    names = [name for name, _ in headers]
    assert sorted(set(names)) == sorted(names), [name for name in set(names) if names.count(name) > 1]
    return dict(headers)


def test_error_answers_carry_each_header_once_and_no_year_of_cache(nginx: Nginx, dist: Dist) -> None:
    wasm = _first(dist, "assets/pyodide/*/pyodide.asm.wasm")
    pyodide_folder = wasm.rsplit("/", 1)[0] + "/"
    cases = [
        (wasm, {"Range": "bytes=999999999-"}),  # 416 before: every header twice, a year of cache
        (wasm, {"Range": "bytes=0-9"}),
        (pyodide_folder, {}),  # a folder without index.html: 403 before, with a year of cache
        (pyodide_folder + "missing.0123456789abcdef.js", {}),
        (f"{BASE}assets/javascripts/site.0123456789.js", {}),
        (f"{BASE}fr/assets/", {}),
        (f"{BASE}nowhere", {}),
    ]
    for path, extra in cases:
        status, headers, _ = raw_get(nginx, path, extra)
        found = _once(headers)
        for name, value in SECURITY_HEADERS.items():
            assert found.get(name.lower()) == value, (path, name)
        if status >= 400:
            assert "immutable" not in found.get("cache-control", "") and "max-age" not in found.get("cache-control", "")
            assert status == 404, (path, status)
        else:
            assert status == 200 and found["cache-control"] == IMMUTABLE, (path, status)  # whole file: no ranges


def test_the_service_workers_list_names_the_bytes_dist_serves(dist: Dist) -> None:
    """dist renames assets and rewrites the references in pages and scripts: the SHA-256 list follows."""
    import hashlib

    text = (dist.root / "sw.js").read_text(encoding="utf-8")
    manifest = json.loads(re.search(r"^const MANIFEST = (.*);$", text, re.MULTILINE).group(1))
    assert any(re.search(r"\.[0-9a-f]{10}\.js$", file) for file in manifest["files"]), "hashed names are listed"
    for file, digest in zip(manifest["files"], manifest["sha256"], strict=True):
        page = "index.html" if file == "./" else file + "index.html" if file.endswith("/") else file
        assert hashlib.sha256((dist.root / page).read_bytes()).hexdigest() == digest, file
