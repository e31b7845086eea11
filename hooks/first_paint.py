"""Build hook: the checklist page's first-paint script, a classic script made from ES modules.

`overrides/assets/javascripts/checklist/first-paint.js` imports the page's own storage, checks and painting
(saved-state.js, plan-view.js…), so that the plan painted before the first paint is the one app.js paints, with
the same rules for untrusted storage. A script that must run before the first paint cannot be a module (modules
are deferred), so the copy in the site is rewritten as one classic script (hooks/js_modules.py): no bundler, no
npm package, nothing the build does not already have.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import js_modules  # beside this file: MkDocs puts hooks/ on sys.path
from _buildlog import nested_language_build, report
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ENTRY = f"{js_modules.CHECKLIST}/first-paint.js"
TARGET = f"assets/javascripts/{ENTRY}"

_report = report("first_paint")


def write_first_paint(site: Path) -> int:
    """Writes the classic first-paint script over the copied module; returns its size in bytes."""
    try:
        script = js_modules.classic_script(ENTRY)
    except js_modules.ModuleError as error:
        raise PluginError(f"first-paint script: {error}") from error
    target = site / TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(script, encoding="utf-8")
    return len(script.encode())


@event_priority(-300)  # after every language is written (-100, -200), before the service worker's list (-500)
def on_post_build(config: Any) -> None:
    if nested_language_build(config):
        return
    with _report.timing():
        size = write_first_paint(Path(config.site_dir))
    _report.produced = f"{TARGET} ({size // 1024} KB, classic)"
