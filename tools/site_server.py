"""Build the site once and serve it on loopback, as a reader's browser would see it.

Shared by the browser tests and the benchmark. The server records every request and its status so tests
can assert that a visit caused no 404, and can send the Content-Security-Policy the checklist page must live with.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from deploy.headers import CSP, SECURITY_HEADERS

ROOT = Path(__file__).resolve().parents[1]
__all__ = ["CSP", "SECURITY_HEADERS", "serve", "build_site", "copy_project"]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def copy_project(target: Path) -> Path:
    """docs, overrides, hooks and mkdocs.yml in a folder of their own, to build a variant of the site.

    node_modules (Pyodide for the checklist page) and the build cache (its Pyodide snapshot) are linked, not
    copied. Not a git repository: translation dates there are file times.
    """
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (ROOT / "build").mkdir(exist_ok=True)
    for name in ("node_modules", "build"):
        if (ROOT / name).is_dir():
            (target / name).symlink_to(ROOT / name)
    return target


TEST_REPO_URL = "https://git.example.com/partner-center/transition-guide"


def build_site(
    site_dir: Path, config: Path = ROOT / "mkdocs.yml", repo_url: str | None = TEST_REPO_URL
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` into site_dir; the caller checks returncode and output.

    `repo_url` (PCT_REPO_URL) gives the tests edit links to check; None builds the site as published without a
    repository (no repository or edit link: test_dist_nginx.py, and the README's pictures)."""
    env = {**os.environ, **({"PCT_REPO_URL": repo_url} if repo_url else {})}
    if repo_url is None:
        env.pop("PCT_REPO_URL", None)
    env["NO_MKDOCS_2_WARNING"] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)


@dataclass
class RequestLog:
    entries: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, status: int) -> None:
        with self.lock:
            self.entries.append((path, status))

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()

    def failures(self) -> list[tuple[str, int]]:
        with self.lock:
            return [e for e in self.entries if e[1] >= 400]


class _Handler(http.server.SimpleHTTPRequestHandler):
    log: RequestLog
    csp: bool = False

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def end_headers(self) -> None:
        if self.csp:
            # The headers every shipped configuration sends (deploy/headers.py), CSP included.
            for name, value in SECURITY_HEADERS.items():
                self.send_header(name, value)
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_response(self, code: int, message: str | None = None) -> None:
        self.log.add(self.path, code)
        super().send_response(code, message)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self._not_found_page() if code == 404 else None
        if page is not None:
            # Serve the site's own 404 page in the reader's language, like a configured host would.
            self.log.add(self.path, 404)
            body = page.read_bytes()
            super(http.server.SimpleHTTPRequestHandler, self).send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def _not_found_page(self) -> Path | None:
        """The site's 404 page in the language of the requested path, else the default one."""
        language = self.path.split("/")[1] if self.path.count("/") > 1 else ""
        for candidate in (f"/{language}/404.html", "/404.html"):
            page = Path(self.translate_path(candidate))
            if page.exists():
                return page
        return None

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature from the base class
        pass


@dataclass
class SiteServer:
    root: Path
    log: RequestLog
    server: http.server.ThreadingHTTPServer

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve(root: Path, csp: bool = False) -> SiteServer:
    """Serve `root` on a free loopback port; with `csp`, every response carries the headers of the shipped
    server configurations (the CSP, nosniff, no-referrer)."""
    log = RequestLog()
    handler = functools.partial(type("Handler", (_Handler,), {"log": log, "csp": csp}), directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return SiteServer(root, log, server)
