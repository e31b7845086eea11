"""`make dist` served by Debian's nginx with the shipped deploy/nginx.conf, for the benchmarks: what a reader's
browser gets from a real host (brotli files, immutable caching of hashed files, the CSP), plus an access log of
the bytes sent for every request (also the worker's and the service worker's, which the page cannot see).

The nginx configuration is the publishing tests' (tools/nginx.py, `nginx_conf`), with the log on.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tools.nginx import BASE, BROTLI_MODULE, NGINX, free_port, nginx_conf
from tools.site_server import ROOT

LOG_FORMAT = "log_format pct '$request_uri $status $body_bytes_sent';"


def build_dist(root: Path, site_url: str) -> None:
    """`make dist` for `site_url` into `root` (strict build, then deploy.dist); exits with the output if it fails."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PCT_")} | {"SITE_URL": site_url}
    env["NO_MKDOCS_2_WARNING"] = "1"
    for command in (
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(root)],
        [sys.executable, "-m", "deploy.dist", str(root), "--site-url", site_url],
    ):
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode:
            sys.exit(result.stdout + result.stderr)


@dataclass
class FieldServer:
    """nginx serving `dist` under BASE on a loopback port; `log_lines()` reads the access log since `mark()`."""

    prefix: Path
    port: int
    process: subprocess.Popen[bytes] | None = None
    offset: int = 0
    brotli: bool = field(default_factory=BROTLI_MODULE.is_file)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{BASE}"

    @property
    def log(self) -> Path:
        return self.prefix / "access.log"

    def start(self, dist: Path) -> FieldServer:
        www = self.prefix / "www"
        www.mkdir(parents=True, exist_ok=True)
        (www / BASE.strip("/")).symlink_to(dist)
        conf = nginx_conf(self.prefix, www, self.port, self.brotli)
        conf = conf.replace("access_log off;", f"{LOG_FORMAT} access_log {self.log} pct;")
        (self.prefix / "nginx.conf").write_text(conf)
        self.process = subprocess.Popen([NGINX, "-p", str(self.prefix), "-c", str(self.prefix / "nginx.conf")])
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        sys.exit("nginx did not start")

    def mark(self) -> None:
        self.offset = self.log.stat().st_size if self.log.exists() else 0

    def requests(self) -> list[tuple[str, int, int]]:
        """(path, status, bytes sent) of every request since mark(); nginx writes its log line per request."""
        if not self.log.exists():
            return []
        with self.log.open("rb") as lines:
            lines.seek(self.offset)
            found = []
            for line in lines.read().decode().splitlines():
                path, status, size = line.rsplit(" ", 2)
                found.append((path.split("?")[0], int(status), int(size)))
            return found

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)


def field_server(prefix: Path, dist: Path, port: int) -> FieldServer:
    if not Path(NGINX).is_file():
        sys.exit("nginx is not installed: `make system-deps` installs Debian's nginx (as root)")
    return FieldServer(prefix, port).start(dist)


__all__ = ["BASE", "FieldServer", "build_dist", "field_server", "free_port"]
