"""What a published copy of the site needs and a local preview does not notice: no placeholder links, a sitemap
whose dates mean something, a robots.txt that names the sitemap.

- Repository and edit links exist only when PCT_REPO_URL is set: MkDocs would otherwise build "Edit this page"
  links relative to the page (`edit/main/docs/index.md`), which lead nowhere.
- `lastmod` in sitemap.xml is the date of the last commit that changed the page's source (MkDocs writes the
  build date, which tells a crawler that every page changes on every build); outside git, the file's date.
- robots.txt allows everything and names the sitemap's absolute URL, from SITE_URL.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

from _buildlog import report
from mkdocs.config.defaults import MkDocsConfig

_report = report("publish")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.repo_url:
        config.repo_url = None
        config.repo_name = None
        config.edit_uri = ""
    return config


@cache
def _git_dates(root: str) -> dict[str, str]:
    """Repository-relative path → date (YYYY-MM-DD) of the newest commit touching it, in one git call."""
    try:
        out = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", "docs"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    prefix = Path(root).resolve().relative_to(Path(top).resolve()).as_posix()
    dates: dict[str, str] = {}
    for block in out.split("\0")[1:]:
        day, *names = block.strip().splitlines()
        for name in names:
            local = name[len(prefix) + 1 :] if prefix != "." and name.startswith(prefix + "/") else name
            dates.setdefault(local, day)
    return dates


def last_changed(config: MkDocsConfig, source: Path) -> str:
    """The date a page last changed: its newest commit, or its file time when git does not know it."""
    root = Path(config.config_file_path).parent
    try:
        relative = source.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        relative = ""
    day = _git_dates(str(root)).get(relative)
    return day or dt.datetime.fromtimestamp(source.stat().st_mtime, dt.UTC).date().isoformat()


def on_pre_page(page: Any, config: MkDocsConfig, files: Any) -> Any:
    if page.file.abs_src_path:
        with _report.timing():
            page.update_date = last_changed(config, Path(page.file.abs_src_path))
        _report.counts["dated"] += 1
    return page


def robots_txt(site_url: str) -> str:
    """Everything may be crawled; the sitemap (with the hreflang alternates) is where to start."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def on_post_build(config: MkDocsConfig) -> None:
    with _report.timing():
        if config.site_url:
            (Path(config.site_dir) / "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
    links = "repository and edit links" if config.repo_url else "no repository or edit link (PCT_REPO_URL unset)"
    _report.produced = f"sitemap dates for {_report.counts['dated']} pages from git, robots.txt, {links}"
