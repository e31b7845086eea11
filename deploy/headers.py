"""The HTTP headers the site is built for, in one place: deploy/nginx.conf, dist/_headers (Netlify, Cloudflare
Pages) and the test server (tools/site_server.py) send these, and tests/site/test_dist_nginx.py checks that they agree.

The CSP is the one the checklist page lives with (self-hosted Pyodide needs 'wasm-unsafe-eval', its worker
'self'); `frame-ancestors 'none'` stops another site from framing the page to trick a click on "Remove the team".
"""

from __future__ import annotations

import re

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; frame-ancestors 'none'"
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
IMMUTABLE = "public, max-age=31536000, immutable"  # a new content means a new URL
REVALIDATE = "no-cache"  # HTML, search indexes, sitemap: asked again each visit (a 304 when unchanged)

# A file whose URL changes with its content: our hashed assets (`site.3f2a9c01d4.js`), Material's
# (`bundle.a5f9d56c.min.js`), the engine zip and snapshot (`checklist-e84efc05e777.zip`), versioned Pyodide.
# The same expression is written in deploy/nginx.conf (a test compares them).
VERSIONED = re.compile(r"\.[0-9a-f]{8,}\.|-[0-9a-f]{12}\.|/assets/pyodide/[^/]+/")

# Content types for every kind of file the site ships (nginx.conf's `types` block says the same).
CONTENT_TYPES: dict[str, str] = {
    "html": "text/html",
    "css": "text/css",
    "js": "text/javascript",
    "mjs": "text/javascript",
    "json": "application/json",
    "map": "application/json",
    "xml": "application/xml",
    "txt": "text/plain",
    "svg": "image/svg+xml",
    "png": "image/png",
    "ico": "image/x-icon",
    "wasm": "application/wasm",
    "zip": "application/zip",
    "gz": "application/octet-stream",  # the memory snapshot: the worker gunzips it itself
}
