"""Build hook: Material's own search files are removed from the built site, since nothing loads them.

The site's search is its own worker (assets/javascripts/search/, named in `__config` by
overrides/partials/search-config.html), so Material's search worker and the lunr language files it would load
are dead weight: about 1.2 MB in dist/, and about 206 KB per reader once the service worker (which lists every
file of the site) had cached them. Removed before hooks/service_worker.py makes that list. If a built page or
script names one of them again (a theme upgrade that loads them another way), the build fails rather than
shipping a broken search.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from _buildlog import nested_language_build, report
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

UNUSED = ("assets/javascripts/lunr", "assets/javascripts/workers")
NAMES = ("javascripts/lunr/", "javascripts/workers/", "lunr.stemmer", "workers/search.")
READ = (".html", ".js", ".mjs", ".json", ".css")

_report = report("unused_assets")


def remove_unused(site: Path) -> int:
    """Deletes UNUSED from `site`; returns the bytes removed. Raises if a remaining file still names them."""
    removed = 0
    for relative in UNUSED:
        folder = site / relative
        if folder.is_dir():
            removed += sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
            shutil.rmtree(folder)
    for path in site.rglob("*"):
        if path.suffix in READ and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            named = [name for name in NAMES if name in text]
            if named:
                raise PluginError(f"{path.relative_to(site)} names {named}, removed as unused (hooks/unused_assets.py)")
    return removed


@event_priority(-400)  # after every language is written (-100, -200), before the service worker's list (-500)
def on_post_build(config: Any) -> None:
    if nested_language_build(config):
        return
    with _report.timing():
        removed = remove_unused(Path(config.site_dir))
    _report.produced = f"{removed / 1000:.0f} kB of Material's unused search files removed"
