"""Turn a built site into the deployable folder: content-hashed assets, precompressed files, host configuration.

`python -m deploy.dist dist/ --site-url https://partners.example.org/guide/` (what `make dist` runs after
`mkdocs build --strict -d dist`):

1. **Content hashes.** Every file under `assets/` that some page, stylesheet or script names by a path we can
   resolve (`../../assets/javascripts/site.js`, `./team.js`, `url(../images/x.svg)`) is renamed
   `name.<10 hex>.ext` and every reference to it rewritten, leaves first: a module's hash covers the hashed
   names of the modules it imports, so any change anywhere below gives a new URL. Files already named by their
   content (Material's bundles, the engine zip, the snapshot) and the versioned Pyodide folder are kept; files
   loaded by names built at run time (a theme's language files, say) keep their name and are revalidated.
   Nothing in the sources changes: any new ES module is picked up by the same rule.
2. **Precompression.** Each compressible file gets `.br` (quality 11) and `.gz` (level 9) beside it, when that
   saves at least 10%; nginx's `brotli_static`/`gzip_static` send them as they are. The memory snapshot is
   already gzip (the worker inflates it) and is left alone. Results are cached by content in
   `build/compress-cache/`, so a rebuild compresses only what changed.
   Then every Pyodide file and each of its copies is checked against `hooks/pyodide.sha256`: a copy from a
   stale or damaged cache entry would be what browsers that accept brotli or gzip run (issue 25).
3. **Host files.** `_headers` and `_redirects` for Netlify and Cloudflare Pages, with the headers of
   `deploy/headers.py` and the per-language 404 pages.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import posixpath
import re
import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from deploy.headers import CONTENT_TYPES, IMMUTABLE, SECURITY_HEADERS, VERSIONED

TEXT = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".webmanifest"}
COMPRESSIBLE = TEXT | {".map", ".wasm", ".zip"}
MIN_SIZE = 256
MIN_SAVING = 0.9  # keep a compressed copy only when it is at most 90% of the original
CACHE = Path(__file__).resolve().parents[1] / "build" / "compress-cache"
HASH_LENGTH = 10
SERVICE_WORKER = "sw.js"  # hooks/service_worker.py: lists the files to keep offline
_DELIMITERS = set("\"'()<>`\\ \t\r\n,=")
_QUOTES = set("\"'`")
SCRIPTS = (".js", ".mjs")
PYODIDE_RECORD = Path(__file__).resolve().parents[1] / "hooks" / "pyodide.sha256"


class DistError(Exception):
    """A dist/ that would not work as published (e.g. two modules importing each other: no hash order)."""


def _is_versioned(relative: str) -> bool:
    return bool(VERSIONED.search("/" + relative))


def _references(root: Path, base_path: str, names: dict[str, list[str]], source: str, text: str):
    """(start, end, target) for each path in `text` that resolves to one of the candidate files.

    `names` maps a basename to the candidates' site-relative paths with that basename; `source` is the
    referring file's site-relative path (HTML resolves against its directory URL, CSS and JS against their own).
    """
    if not names:
        return
    pattern = re.compile(r"([^\"'()<>`\\\s,=]*/)?(" + "|".join(map(re.escape, names)) + r")(?=[?#\"'()<>`\\\s,]|$)")
    folder = posixpath.dirname(source)
    # In a script only a quoted path is a reference (an import specifier, a URL string): a file named in a
    # comment ("main.js calls init()") is prose, and counting it would invent dependency cycles.
    quoted_only = source.endswith(SCRIPTS)
    for match in pattern.finditer(text):
        before = text[match.start() - 1] if match.start() else ""
        if (before and before not in _DELIMITERS) or (quoted_only and before not in _QUOTES):
            continue
        url = match.group(0)
        if "://" in url:
            continue
        if url.startswith("/"):
            if not url.startswith(base_path):
                continue
            target = posixpath.normpath(url[len(base_path) :])
        else:
            target = posixpath.normpath(posixpath.join(folder, url))
        if target in names[match.group(2)]:
            yield match.start(2), match.end(2), target


def _rewrite(text: str, refs: Iterable[tuple[int, int, str]], renamed: dict[str, str]) -> str:
    out, last = [], 0
    for start, end, target in refs:
        if target in renamed:
            out += [text[last:start], posixpath.basename(renamed[target])]
            last = end
    return "".join(out) + text[last:]


def hash_assets(root: Path, base_path: str) -> dict[str, str]:
    """Rename referenced assets by content (leaves first) and rewrite every reference; returns old → new path."""
    files = {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}
    candidates = {
        rel for rel in files if rel.startswith("assets/") and not _is_versioned(rel) and not rel.endswith(".map")
    }
    names: dict[str, list[str]] = {}
    for rel in candidates:
        names.setdefault(posixpath.basename(rel), []).append(rel)
    texts = {rel: files[rel].read_text(encoding="utf-8") for rel in files if files[rel].suffix in TEXT}
    refs = {rel: list(_references(root, base_path, names, rel, text)) for rel, text in texts.items()}
    # The service worker's list names every file; it must not make a file loaded by a run-time name look
    # referenced. Its names are still rewritten below, like any other file's.
    referenced = {target for rel, found in refs.items() if rel != SERVICE_WORKER for _, _, target in found}
    to_hash = candidates & referenced
    depends = {rel: {t for _, _, t in refs.get(rel, []) if t in to_hash and t != rel} for rel in to_hash}
    renamed: dict[str, str] = {}
    while len(renamed) < len(to_hash):
        ready = sorted(rel for rel in to_hash - renamed.keys() if depends[rel] <= renamed.keys())
        if not ready:
            raise DistError(
                f"assets that reference each other cannot be content-hashed: {sorted(to_hash - renamed.keys())}"
            )
        for rel in ready:
            path = files[rel]
            if rel in texts:
                texts[rel] = _rewrite(texts[rel], refs[rel], renamed)
                data = texts[rel].encode("utf-8")
            else:
                data = path.read_bytes()
            stem, dot, ext = posixpath.basename(rel).partition(".")
            digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
            new = posixpath.join(posixpath.dirname(rel), f"{stem}.{digest}{dot}{ext}")
            (root / new).write_bytes(data)
            path.unlink()
            renamed[rel] = new
    for rel, text in texts.items():
        if rel in renamed:
            continue
        updated = _rewrite(text, refs[rel], renamed)
        if updated != text:
            files[rel].write_text(updated, encoding="utf-8")
    return renamed


def _compress_one(path: str) -> tuple[str, int, int, int]:
    """Writes path.br and path.gz (from the cache when the content was compressed before); returns the sizes."""
    import brotli

    data = Path(path).read_bytes()
    key = hashlib.sha256(data).hexdigest()
    sizes = []
    for suffix, make in (
        (".br", lambda: brotli.compress(data, quality=11, lgwin=24)),
        (".gz", lambda: gzip.compress(data, compresslevel=9, mtime=0)),
    ):
        cached = CACHE / f"{key}{suffix}"
        if cached.is_file():
            packed = cached.read_bytes()
        else:
            packed = make()
            CACHE.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(packed)
        target = Path(path + suffix)
        if len(packed) <= MIN_SAVING * len(data):
            target.write_bytes(packed)
            sizes.append(len(packed))
        else:
            target.unlink(missing_ok=True)
            sizes.append(len(data))
    return path, len(data), sizes[0], sizes[1]


def precompress(root: Path, jobs: int | None = None) -> dict[str, tuple[int, int, int]]:
    """Every compressible file → (raw, brotli, gzip) bytes as served (the raw size where no copy was kept)."""
    paths = [
        str(p)
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix in COMPRESSIBLE and p.stat().st_size >= MIN_SIZE
    ]
    with ProcessPoolExecutor(max_workers=jobs or min(2, os.cpu_count() or 1)) as pool:
        return {Path(p).relative_to(root).as_posix(): sizes for p, *sizes in pool.map(_compress_one, paths)}


_MANIFEST = re.compile(r"^const MANIFEST = (\{.*\});$", re.MULTILINE)


def refresh_service_worker(root: Path) -> int:
    """Write again the SHA-256 of each file `sw.js` lists (hooks/service_worker.py), after `hash_assets` renamed
    files and rewrote the references inside pages and scripts: the service worker refuses a file whose bytes are
    not the listed ones. Returns the number of files listed (0 without a service worker)."""
    worker = root / SERVICE_WORKER
    if not worker.is_file():
        return 0
    text = worker.read_text(encoding="utf-8")
    found = _MANIFEST.search(text)
    if not found:
        raise DistError(f"{SERVICE_WORKER}: no `const MANIFEST = {{...}};` line")
    manifest = json.loads(found.group(1))
    digests = []
    for relative in manifest["files"]:
        page = "index.html" if relative == "./" else relative + "index.html" if relative.endswith("/") else relative
        path = root / page
        if not path.is_file():
            raise DistError(f"{SERVICE_WORKER} lists {relative}, which dist/ does not have")
        digests.append(hashlib.sha256(path.read_bytes()).hexdigest())
    manifest["sha256"] = digests
    line = f"const MANIFEST = {json.dumps(manifest, separators=(',', ':'))};"
    worker.write_text(text[: found.start()] + line + text[found.end() :], encoding="utf-8")
    return len(digests)


def _recorded(record: Path) -> dict[str, str]:
    """File name -> SHA-256 from the `sha256sum`-format record the build checks (hooks/pyodide_integrity.py)."""
    lines = record.read_text(encoding="utf-8").splitlines()
    return {
        name.lstrip("*"): digest.lower()
        for digest, name in (line.split(maxsplit=1) for line in lines if line.strip() and not line.startswith("#"))
    }


def verify_pyodide(root: Path, record: Path = PYODIDE_RECORD) -> int:
    """Each recorded Pyodide file in dist/ and its `.br`/`.gz` copies decompress to the recorded bytes; returns
    how many files were checked. Raises `DistError` naming every file that differs."""
    import brotli

    expected = _recorded(record)
    unpack = {"": lambda data: data, ".br": brotli.decompress, ".gz": gzip.decompress}
    problems, checked = [], 0
    # The site ships the engine's own stdlib (assets/checklist/stdlib-*.zip, made by the build from the recorded
    # python_stdlib.zip, hooks/pyodide_stdlib.py) instead of Pyodide's: then that one file is rightly absent.
    replaced = {"python_stdlib.zip"} if any(root.glob("assets/checklist/stdlib-*.zip")) else set()
    for folder in sorted(root.glob("assets/pyodide/*/")):
        for name, digest in expected.items():
            if not (folder / name).is_file() and name not in replaced:
                problems.append(f"{folder.relative_to(root)}/{name} is missing")
            for suffix, inflate in unpack.items():
                path = folder / (name + suffix)
                if not path.is_file():
                    continue
                checked += 1
                try:
                    actual = hashlib.sha256(inflate(path.read_bytes())).hexdigest()
                except (OSError, EOFError, gzip.BadGzipFile, brotli.error) as error:
                    actual = f"unreadable ({error})"
                if actual != digest:
                    problems.append(f"{path.relative_to(root)} is not the recorded {name} (SHA-256 {actual})")
    if problems:
        raise DistError("Pyodide copies differ from hooks/pyodide.sha256: " + "; ".join(problems))
    return checked


def netlify_headers(root: Path) -> str:
    """`_headers` (Netlify, Cloudflare Pages): the security headers everywhere, a year of caching for each file
    named by its content (listed one by one: these hosts match paths with `*`, not regular expressions), the
    hosts' default revalidation for the rest."""
    security = "".join(f"  {name}: {value}\n" for name, value in SECURITY_HEADERS.items())
    rules = [f"/*\n{security}"]
    for ext in ("mjs", "wasm"):
        rules.append(f"/*.{ext}\n  Content-Type: {CONTENT_TYPES[ext]}\n")
    versioned_dirs = sorted(
        {
            m.group(0)
            for p in root.rglob("*")
            if (m := re.search(r"/assets/pyodide/[^/]+/", "/" + p.relative_to(root).as_posix()))
        }
    )
    rules += [f"{d}*\n  Cache-Control: {IMMUTABLE}\n" for d in versioned_dirs]
    for path in sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()):
        if _is_versioned(path) and not any(("/" + path).startswith(d) for d in versioned_dirs):
            rules.append(f"/{path}\n  Cache-Control: {IMMUTABLE}\n")
    return "\n".join(rules)


def netlify_redirects(languages: list[str]) -> str:
    """Per-language 404 pages: Netlify reads these; Cloudflare Pages finds the nearest 404.html by itself."""
    rules = [f"/{lang}/*  /{lang}/404.html  404" for lang in languages[1:]]
    return "\n".join([*rules, "/*  /404.html  404"]) + "\n"


def languages_of(root: Path) -> list[str]:
    """The default language first, then every language folder that has its own 404 page."""
    return ["", *sorted(p.parent.name for p in root.glob("*/404.html"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path)
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL", "http://127.0.0.1:8000/"))
    args = parser.parse_args(argv)
    root: Path = args.dist
    base_path = urlsplit(args.site_url).path or "/"
    base_path = base_path if base_path.endswith("/") else base_path + "/"
    try:
        renamed = hash_assets(root, base_path)
    except DistError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    try:
        refresh_service_worker(root)
    except DistError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    languages = languages_of(root)
    (root / "_headers").write_text(netlify_headers(root), encoding="utf-8")
    (root / "_redirects").write_text(netlify_redirects(languages), encoding="utf-8")
    sizes = precompress(root)
    try:
        verified = verify_pyodide(root)
    except DistError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    raw = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and p.suffix not in (".br", ".gz"))
    raw += sum(p.stat().st_size for p in root.rglob("*.gz") if not Path(str(p)[:-3]).exists())
    print(f"dist: {len(renamed)} assets content-hashed, {len(sizes)} files precompressed")
    print(f"dist: {verified} Pyodide files and copies match hooks/pyodide.sha256")
    best_br = raw - sum(r - b for r, b, _ in sizes.values())
    best_gz = raw - sum(r - g for r, _, g in sizes.values())
    print(f"dist: {raw / 1e6:.1f} MB raw, {best_gz / 1e6:.1f} MB as gzip, {best_br / 1e6:.1f} MB as brotli")
    return 0


if __name__ == "__main__":
    sys.exit(main())
