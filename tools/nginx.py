"""Debian's nginx with the shipped deploy/nginx.conf under a sub-path, on a loopback port: the configuration the
publishing tests (tests/site/test_dist_nginx.py) and the benchmarks (bench/field_server.py) both run, so that a
change to deploy/ is tested and measured on the same server."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

from tools.site_server import ROOT

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
BASE = "/guide/"


def free_port() -> int:
    """A loopback port nobody listens on now (the dist is built for its URL before nginx binds it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_conf(prefix: Path, www: Path, port: int, brotli: bool) -> str:
    """A foreground, unprivileged nginx: temporary paths under `prefix`, `www` as the root holding BASE, the shipped
    server configuration included as a host would include it."""
    deploy = ROOT / "deploy"
    temp = " ".join(
        f"{kind}_temp_path {prefix / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return "\n".join(
        [
            f"load_module {BROTLI_MODULE};" if brotli else "",
            "daemon off; master_process off; worker_processes 1;",
            f"pid {prefix / 'nginx.pid'}; error_log {prefix / 'error.log'} warn;",
            "events { worker_connections 256; }",
            f"http {{ access_log off; {temp}",
            f"  server {{ listen 127.0.0.1:{port}; root {www}; set $pct_base {BASE};",
            f"    include {deploy / 'nginx.conf'};",
            f"    {'include ' + str(deploy / 'nginx-brotli.conf') + ';' if brotli else ''}",
            "  }",
            "}",
        ]
    )
